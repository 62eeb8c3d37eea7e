"""What can be found: articles, pages, topic pages and handbooks, as plain-text search documents.

Works by duck typing on the template context, so the search plugin needs
neither the topics nor the handbooks plugin; it indexes them when they run.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

EXCERPT_WORDS = 30


@dataclass
class SearchDocument:
    ref: str  # the URL, relative to SITEURL
    kind: str  # "artikel", "sida", "tema", "handbok"
    title: str
    body: str
    summary: str = ""
    date: dt.date | None = None
    topics: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    estimated_date: bool = False  # the migration inferred the date; shown as "ca. juni 2015"

    @property
    def excerpt(self) -> str:
        words = (self.summary or self.body).split()
        return " ".join(words[:EXCERPT_WORDS]) + (" …" if len(words) > EXCERPT_WORDS else "")

    def stored(self, date_text: Callable[[dt.date, bool], str]) -> dict:
        """What the browser shows for a result (no body: it stays in the index only)."""
        entry = {"title": self.title, "url": self.ref, "kind": self.kind, "excerpt": self.excerpt}
        if self.date:
            entry["date"] = self.date.isoformat()
            entry["date_text"] = date_text(self.date, self.estimated_date)
        if self.topics:
            entry["topics"] = self.topics
        return entry


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(html: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed.

    The text BeautifulSoup's ``get_text(" ")`` gives (a test compares them), read with the
    standard library's parser without building a tree: three times faster, which is seconds
    on a 5,000-article build.
    """
    if not html:
        return ""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return re.sub(r"\s+", " ", " ".join(collector.parts)).strip()


def title_of(title: object) -> str:
    """A title as a reader sees it: entities decoded, anything tag-like kept as text."""
    return re.sub(r"\s+", " ", html.unescape(str(title))).strip()


def _topic_titles(item) -> list[str]:
    return [t.title for t in getattr(item, "topic_list", []) or []]


def collect(context: dict) -> list[SearchDocument]:
    """Every searchable thing in the built site, in a stable order."""
    documents = []
    for article in context.get("articles", []):
        documents.append(
            SearchDocument(
                ref=article.url,
                kind="artikel",
                title=title_of(article.title),
                body=text_of(article.content),
                summary=text_of(getattr(article, "summary", "")),
                date=article.date.date(),
                topics=_topic_titles(article),
                tags=[str(t) for t in getattr(article, "tags", []) or []],
                estimated_date=getattr(article, "date_source", "") == "inferred",
            )
        )
    for page in context.get("pages", []):
        documents.append(SearchDocument(page.url, "sida", title_of(page.title), text_of(page.content)))
    for topic in context.get("topics", []) or []:
        title, summary = title_of(topic.title), text_of(topic.summary)
        documents.append(SearchDocument(topic.url, "tema", title, text_of(topic.intro), summary=summary))
    for handbook in context.get("handbooks", []) or []:
        latest = handbook.latest
        documents.append(
            SearchDocument(
                ref=handbook.url,
                kind="handbok",
                title=title_of(handbook.title),
                body=text_of(handbook.intro) + " " + text_of(latest.body if latest else ""),
                summary=text_of(handbook.summary),
                date=latest.date.date() if latest else None,
                topics=_topic_titles(handbook),
                tags=[str(t) for t in handbook.tags],
            )
        )
    return documents
