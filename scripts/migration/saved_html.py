"""Reading saved HTML pages of the old blog: one post, or a listing with several.

General rules that hold for WordPress themes (and most blog templates): a
post is an ``<article>`` (or an element with class ``post``/``hentry``), its
title the ``.entry-title`` or first heading, its text ``.entry-content``,
its date a ``<time datetime>`` or a /YYYY/MM/DD/ in its address, its tags
the links marked ``rel="tag"``. Whatever text of the page no post carries
(the site's header and menus, sidebars, comments, "Publicerat …") is listed
in the plan with its line, so nothing is dropped silently.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlparse

from bs4 import BeautifulSoup, NavigableString, Tag

from .dating import URL_DATE
from .errors import MigrationError
from .html_markdown import bare_words, plain_text
from .imported import ImportedItem
from .source import decode_dump

POST_CLASSES = re.compile(r"\b(post|hentry|type-post)\b")
TITLE_CLASSES = re.compile(r"\b(entry-title|post-title)\b")
CONTENT_CLASSES = re.compile(r"\b(entry-content|post-content|entry-body)\b")
META_CLASSES = re.compile(r"\b(entry-meta|entry-footer|post-meta|sharedaddy|comments)\b")
NOT_SHOWN = ["head", "script", "style", "template", "noscript"]
LEFT_OUT_REASON = (
    "text på sidan som inget inlägg bär: sidhuvud, menyer, sidofält, sidfot, kommentarer och inläggens "
    "metadata (datum, kategorier och etiketter finns i inläggens fält)"
)


def is_html(data: bytes) -> bool:
    head = data[:2000].lower()
    return b"<html" in head or b"<!doctype html" in head


def _posts(soup: BeautifulSoup) -> list[Tag]:
    found = soup.find_all("article") or soup.find_all(class_=POST_CLASSES)
    # A post inside another post (a theme wrapping its article in .post) counts once: the outer one.
    return [p for p in found if not any(p is not q and q in p.parents for q in found)]


def _title(post: Tag) -> Tag | None:
    return post.find(class_=TITLE_CLASSES) or post.find(["h1", "h2", "h3"])


def _date(post: Tag, url: str) -> str:
    time = post.find("time", attrs={"datetime": True})
    if time:
        match = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?", time["datetime"])
        if match:
            return match.group(1) + (f" {match.group(2)}" if match.group(2) else "")
    match = URL_DATE.search(url or "")
    return f"{match.group(1)}-{match.group(2)}-{match.group(3)}" if match else ""


def _page_url(soup: BeautifulSoup) -> str:
    canonical = soup.find("link", rel="canonical")
    if canonical and canonical.get("href"):
        return canonical["href"]
    og = soup.find("meta", property="og:url")
    return og["content"] if og and og.get("content") else ""


def read_saved_html(data: bytes, name: str) -> list[ImportedItem]:
    """The items of a file's bytes (read once, in imports.read_structured); ``name`` is the file as given."""
    text, _encoding = decode_dump(data, name)
    soup = BeautifulSoup(text, "html.parser")
    posts = [p for p in _posts(soup) if _title(p) is not None]
    if not posts:
        raise MigrationError(
            name, None, "sidan innehåller inget inlägg (ingen <article> eller .post med en rubrik hittades)"
        )
    page_url = _page_url(soup) if len(posts) == 1 else ""
    items = [_item(post, name, page_url) for post in posts]
    left_out = left_out_text(soup, items)
    if left_out:
        page_text = ImportedItem(name, 1, "skipped", "Text utanför inläggen", reason=LEFT_OUT_REASON, left_out=left_out)
        items.append(page_text)
    return items


def left_out_text(soup: BeautifulSoup, items: list[ImportedItem]) -> list[str]:
    """Every visible text of the page that no item carries, as "rad N: text" (nothing lost silently)."""
    carried = (
        " "
        + " ".join(
            bare_words(text)
            for item in items
            for text in (item.title, *item.tags, *item.categories, plain_text(item.html))
        )
        + " "
    )
    left_out = []
    for string in soup.find_all(string=True):
        if type(string) is not NavigableString or string.find_parent(NOT_SHOWN):
            continue  # comments, doctype, scripts and the <head> are not text a reader saw
        words = bare_words(string)
        if words and f" {words} " not in carried:
            left_out.append(f"rad {string.parent.sourceline}: {' '.join(string.split())}")
    return left_out


def _without_title_and_chrome(post: Tag, title: str) -> BeautifulSoup:
    """A post of a theme that marks no content element: the post less its header, footer, navigation,
    metadata and title. Only the heading that is the title goes: a subheading under it stays."""
    content = BeautifulSoup(str(post), "html.parser")
    for noise in content.find_all(["header", "footer", "nav"]) + content.find_all(class_=META_CLASSES):
        noise.decompose()
    headings = content.find_all(class_=TITLE_CLASSES) + content.find_all(["h1", "h2", "h3"])
    heading = next((h for h in headings if h.get_text(" ", strip=True) == title), None)
    if heading is not None:
        heading.decompose()
    return content


def _item(post: Tag, name: str, page_url: str) -> ImportedItem:
    title = _title(post)
    link = title.find("a", href=True) if title else None
    url = link["href"] if link else page_url
    content = post.find(class_=CONTENT_CLASSES)
    if content is None:
        content = _without_title_and_chrome(post, title.get_text(" ", strip=True))
    item = ImportedItem(
        source=name,
        line=post.sourceline or 1,
        kind="article",
        title=title.get_text(" ", strip=True),
        html=content.decode_contents() if isinstance(content, Tag) else str(content),
        tags=[a.get_text(strip=True) for a in post.find_all("a", rel=lambda r: r and "tag" in r)],
        categories=[a.get_text(strip=True) for a in post.find_all("a", rel=lambda r: r and "category" in r)],
        status="saved-html",
    )
    item.tags = [t for t in item.tags if t not in item.categories]
    if url:
        item.legacy_urls.append(url)
        segment = [s for s in urlparse(url).path.split("/") if s]
        if segment and not segment[-1].endswith(".html"):
            item.slug = unquote(segment[-1])
    item.date = _date(post, url)
    if not item.date:
        item.kind, item.reason = "draft", "inget datum hittades (varken <time datetime> eller /ÅÅÅÅ/MM/DD/ i adressen)"
    return item
