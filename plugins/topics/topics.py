"""Per-topic landing pages: intro, contacts, articles by year, documents, feed.

A topic is content an editor owns: one Markdown file per topic in
``TOPICS_PATH`` (Title, Slug, Keywords, Contact, Summary and an intro text).
Articles and pages name their topics in a ``Topics:`` metadata line. Naming
a topic that has no file is an editor's mistake, so the build stops with a
message that names the file, the line and the unknown topic.
"""

from __future__ import annotations

import itertools
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader
from pelican import signals
from pelican.contents import Content, Page
from pelican.generators import Generator

logger = logging.getLogger(__name__)

DEFAULTS = {
    "TOPICS_PATH": "topics",  # relative to PATH
    "TOPIC_URL": "tema/{slug}/",
    "TOPIC_SAVE_AS": "tema/{slug}/index.html",
    "TOPICS_URL": "tema/",
    "TOPICS_SAVE_AS": "tema/index.html",
    "TOPIC_FEED_ATOM": "feeds/tema/{slug}.atom.xml",
    "TOPIC_LATEST": 5,
}
TEMPLATES = Path(__file__).parent / "templates"


class UnknownTopicError(Exception):
    """An article or page names a topic that has no topic file."""

    exitcode = 2  # an editor's mistake: Pelican exits 2, scripts/build_site.py shows the message alone


@dataclass
class Topic:
    slug: str
    title: str
    summary: str
    intro: str  # HTML
    contacts: list[str]
    keywords: list[str]
    source_path: str
    url: str = ""
    save_as: str = ""
    feed_url: str | None = None
    articles: list[Content] = field(default_factory=list)
    documents: list[Content] = field(default_factory=list)

    def __str__(self) -> str:
        return self.title

    @property
    def articles_by_year(self) -> list[tuple[int, list[Content]]]:
        """Newest year first; articles newest first within a year."""
        return [(year, list(group)) for year, group in itertools.groupby(self.articles, key=lambda a: a.date.year)]


def split_list(value: object) -> list[str]:
    """A metadata value "a, b" (or a list) as a list of stripped, non-empty strings."""
    items = value if isinstance(value, list) else str(value or "").split(",")
    return [str(item).strip() for item in items if str(item).strip()]


def metadata_line(source_path: str, key: str) -> int | None:
    """The line where ``key:`` stands in a content file's header, for error messages."""
    try:
        lines = Path(source_path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    prefix = key.lower() + ":"
    return next((n for n, line in enumerate(lines, 1) if line.lower().startswith(prefix)), None)


def check_topics(items: list[Content], known: set[str], content_root: str) -> list[str]:
    """Plain-Swedish problems for every unknown topic named by ``items``."""
    problems = []
    for item in items:
        for slug in split_list(getattr(item, "topics", "")):
            if slug not in known:
                line = metadata_line(item.source_path, "topics")
                where = os.path.relpath(item.source_path, content_root)
                place = f"{where}:{line}" if line else where
                problems.append(
                    f"{place}: ämnet '{slug}' finns inte. Kända ämnen: {', '.join(sorted(known))} "
                    f"(ett nytt ämne läggs till som en fil i mappen för ämnen)."
                )
    return problems


class TopicsGenerator(Generator):
    """Reads the topic files, links content to topics, writes topic pages and feeds."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for key, value in DEFAULTS.items():
            self.settings.setdefault(key, value)
        # The theme may override topic.html / topics.html; these are the fallbacks.
        self.env.loader = ChoiceLoader([self.env.loader, FileSystemLoader(str(TEMPLATES))])
        self.topics: list[Topic] = []

    def _read_topic(self, relative: str) -> Topic:
        page = self.readers.read_file(base_path=self.path, path=relative, content_class=Page, context=self.context)
        meta = page.metadata
        slug = str(meta.get("slug") or Path(relative).stem)
        return Topic(
            slug=slug,
            title=str(meta.get("title", slug)),
            summary=str(meta.get("summary", "")),
            intro=page.content,
            contacts=[c.strip() for c in str(meta.get("contact", "")).split(";") if c.strip()],
            keywords=split_list(meta.get("keywords", "")),
            source_path=page.source_path,
            url=self.settings["TOPIC_URL"].format(slug=slug),
            save_as=self.settings["TOPIC_SAVE_AS"].format(slug=slug),
            feed_url=self.settings["TOPIC_FEED_ATOM"].format(slug=slug) if self.settings["TOPIC_FEED_ATOM"] else None,
        )

    def generate_context(self) -> None:
        topics_path = self.settings["TOPICS_PATH"]
        files = self.get_files(topics_path, extensions=("md",))
        self.topics = sorted((self._read_topic(f) for f in files), key=lambda t: t.title.lower())
        by_slug = {t.slug: t for t in self.topics}
        articles = self.context.get("articles", [])
        pages = [*self.context.get("pages", []), *self.context.get("hidden_pages", [])]
        problems = check_topics([*articles, *pages], set(by_slug), self.path)
        if problems:
            raise UnknownTopicError("\n".join(problems))
        for item in [*articles, *pages]:
            item.topic_list = [by_slug[s] for s in split_list(getattr(item, "topics", ""))]
            for topic in item.topic_list:
                (topic.articles if item in articles else topic.documents).append(item)
        for topic in self.topics:
            topic.articles.sort(key=lambda a: a.date, reverse=True)
        self.context["topics"] = self.topics
        self.context["TOPICS_URL"] = self.settings["TOPICS_URL"]

    def generate_output(self, writer) -> None:
        for topic in self.topics:
            writer.write_file(
                topic.save_as,
                self.get_template("topic"),
                self.context,
                topic=topic,
                latest=topic.articles[: self.settings["TOPIC_LATEST"]],
                relative_urls=self.settings["RELATIVE_URLS"],
                url=topic.url,
            )
            if topic.feed_url:
                writer.write_feed(
                    topic.articles,
                    self.context,
                    topic.feed_url,
                    feed_title=f"{self.settings['SITENAME']} – {topic.title}",
                )
        if self.settings["TOPICS_SAVE_AS"]:
            writer.write_file(
                self.settings["TOPICS_SAVE_AS"],
                self.get_template("topics"),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=self.settings["TOPICS_URL"],
            )


def get_generators(_pelican) -> type[Generator]:
    return TopicsGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
