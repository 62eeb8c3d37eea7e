"""Structured sources (WordPress exports, saved HTML pages) → Markdown files and plan entries.

Nothing is guessed that the source states: title, date, slug, tags and
categories are taken as given. Every item is accounted for in the plan's
``imports`` list: written as an article or page, kept as an unpublished draft,
listed as an attachment, or skipped with the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .body import summary_of
from .errors import MigrationError
from .files import read_bytes
from .html_markdown import bare_words, image_sources, lead_text, plain_text, to_markdown
from .imported import ImportedItem
from .rules import MigrationRules, assign, with_printed_topics
from .saved_html import is_html, read_saved_html
from .wxr import is_wxr, read_wxr

COPY_SHARE = 0.8  # share of a dump post's lines found in an imported post that makes it a copy
FOLDERS = {"article": "articles", "page": "pages", "draft": "drafts"}
DATE_SOURCES = {"wxr": "export", "saved-html": "html"}
TITLE_WORDS = 8  # an untitled post's title: its first words
UNTITLED = "(utan rubrik)"


def read_structured(path: Path, name: str) -> tuple[str, list[ImportedItem]]:
    """(kind of source, items) for a WXR export or a saved HTML page; anything else is an error."""
    data = read_bytes(path, name)
    if is_wxr(data):
        return "wxr", read_wxr(data, name)
    if path.suffix.lower() == ".xml":
        raise MigrationError(name, 1, "XML-filen är ingen WordPress-export (WXR): <rss> med wp-namnrymden saknas")
    if is_html(data) or path.suffix.lower() in (".html", ".htm"):
        return "saved-html", read_saved_html(data, name)
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
            _check_date(item)
            if not item.title.strip():
                item.title = title_from_text(plain_text(item.html))
                entry |= {"title": item.title, "title_note": "källan har ingen rubrik; den är tagen ur texten"}
            base = slugify(item.slug) if item.slug else slugify(item.title)
            slug, n = base, 2
            while slug in used_slugs:
                slug, n = f"{base}-{n}", n + 1
            used_slugs.add(slug)
            if slug != base:
                entry["note"] = f"adressen '{base}' fanns redan; fick '{slug}'"
            body = to_markdown(item.html, shift_headings=1 if "<h1" in item.html.lower() else 0)
            _tags, found, _evidence = assign(rules, item.title, plain_text(item.html))
            topics = with_printed_topics(rules, [*item.categories, *item.tags], found)  # as a dump's printed tags
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
        given = {
            "status": item.status,
            "legacy_urls": item.legacy_urls,
            "attachment_url": item.attachment_url,
            "reason": item.reason,
            "left_out": item.left_out,
        }
        report.append(entry | {key: value for key, value in given.items() if value})
    return files, report


def _check_date(item: ImportedItem) -> None:
    """A date the source gives must exist: Pelican stops the whole build on one that does not."""
    if item.date:
        try:
            dt.datetime.fromisoformat(item.date)
        except ValueError:
            named = f"'{item.title}': " if item.title.strip() else ""
            raise MigrationError(item.source, item.line, f"{named}datumet '{item.date}' finns inte") from None


def title_from_text(text: str) -> str:
    """A title for a post its source left untitled (WordPress allows it): the text's first words."""
    words = text.split()
    if not words:
        return UNTITLED
    return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")


def _words(markdown: str) -> str:
    """Markdown as bare lower-case words, so the same text compares equal across sources."""
    return bare_words(re.sub(r"\]\([^)]*\)", " ", markdown))  # link targets differ between sources


def _body_lines(text: str) -> list[str]:
    body = text.split("\n\n", 1)[1] if "\n\n" in text else ""
    return [w for w in (_words(line) for line in body.splitlines()) if len(w.split()) >= 4]


def prefer_structured(migration, imports: list[dict], imported_files: dict[str, str]) -> None:
    """When an export has a post the text dumps also gave, the export's version is kept.

    It states title, date and slug where the dump's had to be guessed. A dump post is a copy
    when it has the same address, or when nearly all its text stands in one imported post (a
    dump may split or join posts differently). It is recorded in the plan as a copy, and its
    file is not written.
    """
    articles = {e["output"]: e for e in imports if e.get("output", "").startswith("articles/")}
    texts = {output: _words(imported_files[output]) for output in articles}
    for source in migration.plan.sources:
        for post in source.posts:
            if not post.output or post.output not in migration.files:
                continue
            entry = articles.get(post.output)
            if entry is None:
                lines = _body_lines(migration.files[post.output])
                for output, text in texts.items():
                    if lines and sum(line in text for line in lines) >= COPY_SHARE * len(lines):
                        entry = articles[output]
                        break
            if entry is None:
                continue
            migration.files.pop(post.output, None)
            post.output, post.duplicate_of = None, entry["slug"]
            post.reasons.append(f"ersatt av {entry['file']}:{entry['line']}, som anger titel, datum och adress")
            entry.setdefault("copies", []).append(f"{source.file}:{post.lines}")
