"""Structured sources (WordPress exports, saved HTML pages) → Markdown files and plan entries.

Nothing is guessed that the source states: title, date, slug, tags and
categories are taken as given. Every item is accounted for in the plan's
``imports`` list: written as an article or page, kept as an unpublished draft,
listed as an attachment, or skipped with the reason.
"""

from __future__ import annotations

from pathlib import Path

from .body import summary_of
from .errors import MigrationError
from .html_markdown import image_sources, lead_text, plain_text, to_markdown
from .imported import ImportedItem
from .rules import MigrationRules, assign
from .saved_html import is_html, read_saved_html
from .wxr import is_wxr, read_wxr

FOLDERS = {"article": "articles", "page": "pages", "draft": "drafts"}
DATE_SOURCES = {"wxr": "export", "saved-html": "html"}


def read_structured(path: Path, name: str) -> tuple[str, list[ImportedItem]]:
    """(kind of source, items) for a WXR export or a saved HTML page; anything else is an error."""
    data = path.read_bytes()
    if is_wxr(data):
        return "wxr", read_wxr(path, name)
    if path.suffix.lower() == ".xml":
        raise MigrationError(name, 1, "XML-filen är ingen WordPress-export (WXR): <rss> med wp-namnrymden saknas")
    if is_html(data) or path.suffix.lower() in (".html", ".htm"):
        return "saved-html", read_saved_html(path, name)
    raise MigrationError(name, None, "okänd sorts källa (väntade textdump .txt, WordPress-export .xml eller .html)")


def _compose(meta: list[tuple[str, str]], body: str) -> str:
    header = "\n".join(f"{key}: {value}" for key, value in meta if value)
    return f"{header}\n\n{body}"


def render_imports(
    items: list[tuple[str, ImportedItem]], rules: MigrationRules, used_slugs: set[str], slugify
) -> tuple[dict[str, str], list[dict]]:
    """Files to write (relative path → text) and the plan's ``imports`` entries."""
    files: dict[str, str] = {}
    report: list[dict] = []
    for source_kind, item in items:
        entry = {"file": item.source, "line": item.line, "kind": item.kind, "title": item.title}
        if item.kind in FOLDERS:
            base = slugify(item.slug) if item.slug else slugify(item.title)
            slug, n = base, 2
            while slug in used_slugs:
                slug, n = f"{base}-{n}", n + 1
            used_slugs.add(slug)
            if slug != base:
                entry["note"] = f"adressen '{base}' fanns redan; fick '{slug}'"
            body = to_markdown(item.html, shift_headings=1 if "<h1" in item.html.lower() else 0)
            _tags, topics, _evidence = assign(rules, item.title, plain_text(item.html))
            summary = summary_of(plain_text(item.excerpt) or lead_text(item.html))
            meta = [
                ("Title", item.title),
                ("Date", item.date if item.kind != "page" else ""),
                ("Slug", slug),
                ("Tags", ", ".join(item.tags)),
                ("Category", item.categories[0] if item.categories else ""),
                ("Topics", ", ".join(topics) if item.kind != "page" else ""),
                ("Summary", summary if item.kind != "page" else ""),
                ("Date_source", DATE_SOURCES[source_kind] if item.date else ""),
                ("Status", "draft" if item.kind == "draft" else ""),
                ("Source", f"legacy/{item.source}, rad {item.line}"),
                ("Legacy_url", ", ".join(item.legacy_urls)),
            ]
            output = f"{FOLDERS[item.kind]}/{slug}.md"
            files[output] = _compose(meta, body)
            entry |= {"slug": slug, "date": item.date, "tags": item.tags, "topics": topics, "output": output}
            if image_sources(item.html):
                entry["images"] = image_sources(item.html)  # not copied: listed for the editor
            if len(item.categories) > 1:
                entry["other_categories"] = item.categories[1:]  # Pelican has one category per article
        if item.status:
            entry["status"] = item.status
        if item.legacy_urls:
            entry["legacy_urls"] = item.legacy_urls
        if item.attachment_url:
            entry["attachment_url"] = item.attachment_url
        if item.reason:
            entry["reason"] = item.reason
        report.append(entry)
    return files, report
