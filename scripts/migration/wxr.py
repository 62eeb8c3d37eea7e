"""Reading WordPress export files (WXR, ``*.xml``): posts, pages, drafts and attachments.

Dates come from ``wp:post_date`` (the blog's local time, what readers saw),
not ``pubDate`` (often empty or the export time for drafts). Truncated or
malformed XML stops the migration with the file and line.
"""

from __future__ import annotations

import email.utils
import html
import io
import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote

from .errors import MigrationError
from .imported import ImportedItem

CONTENT = "http://purl.org/rss/1.0/modules/content/"
WP_EXPORT = "wordpress.org/export/"  # the namespaces' address, written with http:// by WordPress (https by some tools)
PUBLISHED = {"publish"}
UNPUBLISHED = {"draft", "pending", "private", "future", "auto-draft"}


def is_wxr(data: bytes) -> bool:
    head = data[:4000]
    return b"<rss" in head and WP_EXPORT.encode() in head


def _is_export(uri: str) -> bool:
    return uri.partition("://")[2].startswith(WP_EXPORT)


def _namespaces(data: bytes, name: str) -> dict[str, str]:
    found = {}
    try:
        for _event, (prefix, uri) in ET.iterparse(io.BytesIO(data), events=("start-ns",)):
            found[prefix] = uri
    except ET.ParseError as error:
        line, column = error.position
        raise MigrationError(name, line, f"XML-filen är trasig eller avkortad (kolumn {column}): {error.msg}") from None
    return found


def _item_lines(text: str) -> list[int]:
    """Line of each <item> in document order (ElementTree does not keep line numbers)."""
    return [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r"<item[\s>]", text)]


def read_wxr(data: bytes, name: str) -> list[ImportedItem]:
    """The items of a file's bytes (read once, in imports.read_structured); ``name`` is the file as given."""
    namespaces = _namespaces(data, name)
    wp = next((uri for uri in namespaces.values() if _is_export(uri) and "excerpt" not in uri), None)
    if wp is None:
        raise MigrationError(name, 1, "filen är ingen WordPress-export (WXR): namnrymden wp saknas")
    root = ET.fromstring(data)
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise MigrationError(name, 1, "filen är ingen WordPress-export (WXR): <rss><channel> saknas")
    excerpt_ns = next((uri for uri in namespaces.values() if _is_export(uri) and "excerpt" in uri), "")
    lines = _item_lines(data.decode("utf-8", errors="replace"))
    items = []
    for index, element in enumerate(channel.findall("item")):
        line = lines[index] if index < len(lines) else 1
        items.append(_item(element, name, line, wp, excerpt_ns))
    if not items:
        raise MigrationError(name, 1, "WordPress-exporten innehåller inga inlägg (<item>)")
    return items


def _text(element: ET.Element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _date(local: str, gmt: str, pub_date: str) -> str:
    """'YYYY-MM-DD HH:MM' in the blog's local time: wp:post_date, else the GMT fields."""
    for value in (local, gmt):
        if value and not value.startswith("0000"):
            return value[:16]
    if pub_date:
        try:
            return email.utils.parsedate_to_datetime(pub_date).strftime("%Y-%m-%d %H:%M")
        except (TypeError, ValueError):
            return ""
    return ""


def _item(element: ET.Element, name: str, line: int, wp: str, excerpt_ns: str) -> ImportedItem:
    def w(tag: str) -> str:
        return _text(element, f"{{{wp}}}{tag}")

    # A hand-made or trimmed export may leave out what WordPress always writes; assume the usual.
    post_type, status = w("post_type") or "post", w("status") or "publish"
    item = ImportedItem(
        source=name,
        line=line,
        kind="skipped",
        title=html.unescape(_text(element, "title")),  # WordPress keeps entities such as &#8211; in titles
        slug=unquote(w("post_name")),
        html=_text(element, f"{{{CONTENT}}}encoded"),
        excerpt=_text(element, f"{{{excerpt_ns}}}encoded") if excerpt_ns else "",
        status=status,
    )
    item.date = _date(w("post_date"), w("post_date_gmt"), _text(element, "pubDate"))
    for category in element.findall("category"):
        label = html.unescape((category.text or "").strip() or category.get("nicename", ""))
        if category.get("domain") == "post_tag" and label:
            item.tags.append(label)
        elif category.get("domain") == "category" and label:
            item.categories.append(label)
    link = _text(element, "link")
    if link and "?" not in link:
        item.legacy_urls.append(link)
    if post_type == "attachment":
        item.kind, item.attachment_url = "attachment", w("attachment_url")
    elif post_type in ("post", "page") and status in PUBLISHED:
        item.kind = "article" if post_type == "post" else "page"
        if not item.date:
            who = f"'{item.title}' är publicerad" if item.title.strip() else "ett inlägg utan titel är publicerat"
            raise MigrationError(name, line, f"{who} men saknar wp:post_date")
    elif post_type in ("post", "page") and status in UNPUBLISHED:
        item.kind = "draft"
    else:
        item.reason = f"typen '{post_type}' med status '{status}' migreras inte"
    return item
