"""What exists in a content tree: topics, handbooks, and the site paths links may point to.

Read from the files themselves (not from a build), so the check runs in a
fraction of a second, before anything is built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

from .content_file import ContentFile, parse, topic_slug


@dataclass
class Inventory:
    root: Path
    articles: list[ContentFile] = field(default_factory=list)
    pages: list[ContentFile] = field(default_factory=list)
    topic_files: list[ContentFile] = field(default_factory=list)
    handbook_files: list[ContentFile] = field(default_factory=list)  # handbook.md and each version's text
    handbooks: set[str] = field(default_factory=set)
    paths: set[str] = field(default_factory=set)  # site paths ("artiklar/x/") links may use
    reserved: set[str] = field(default_factory=set)  # first path segments the site itself uses
    checked_prefixes: set[str] = field(default_factory=set)  # where every page comes from content
    static_paths: list[str] = field(default_factory=list)  # content folders Pelican publishes as they are
    templates: set[str] = field(default_factory=set)  # the theme's templates, which "Template:" may name
    unread: list[Path] = field(default_factory=list)  # files in article, page and topic folders that are not .md

    @property
    def topics(self) -> set[str]:
        """The slugs content may name in ``Topics:``."""
        return {topic_slug(topic) for topic in self.topic_files}

    def has_path(self, path: str) -> bool:
        """Whether a site path (no leading slash) is a page the content makes."""
        path = path.removesuffix("index.html").strip("/")
        return path in {p.strip("/") for p in self.paths}

    def publishes_file(self, path: str) -> bool:
        """Whether a site path (no leading slash) is a file Pelican copies as it is (``STATIC_PATHS``)."""
        return self._static(path) and (self.root / path).is_file()

    def _static(self, path: str) -> bool:
        """Is the path one of the static paths (a file) or inside one (a folder)?"""
        return any(path == p.strip("/") or path.startswith(p.strip("/") + "/") for p in self.static_paths)

    def must_exist(self, path: str) -> bool:
        """Links to pages that come from content files, and to files copied as they are, are checked;
        generated listings are not."""
        path = path.strip("/")
        return "/" not in path or path.split("/", 1)[0] in self.checked_prefixes or self._static(path)


def slug_of(item: ContentFile, slugify: Callable[[str], str]) -> str:
    """The slug Pelican will use: ``Slug:`` if given, else one made from the title."""
    return item.value("slug") or slugify(item.value("title"))


def _unread(path: Path, ignored: list[str]) -> bool:
    """Is ``path`` a file an editor put among the texts that the site will not read (not .md)? Hidden files
    (".DS_Store") and those Pelican is told to ignore are no one's text."""
    hidden = path.name.startswith(".") or any(fnmatch(path.name, pattern) for pattern in ignored)
    return path.is_file() and path.suffix != ".md" and not hidden


def take_inventory(root: Path, settings: dict, slugify: Callable[[str], str]) -> Inventory:
    """Everything in ``root`` (a Pelican content folder) that checks need to know."""
    inventory = Inventory(root, static_paths=list(settings.get("STATIC_PATHS", ["images"])))
    if settings.get("THEME"):
        inventory.templates = {p.stem for p in (Path(settings["THEME"]) / "templates").glob("*.html")}
    for folder in settings.get("ARTICLE_PATHS", ["articles"]):
        inventory.articles += [parse(p) for p in sorted((root / folder).rglob("*.md"))]
    for folder in settings.get("PAGE_PATHS", ["pages"]):
        inventory.pages += [parse(p) for p in sorted((root / folder).rglob("*.md"))]
    topics_dir = root / settings.get("TOPICS_PATH", "topics")
    ignored = settings.get("IGNORE_FILES", [".#*"])
    for folder in [*settings.get("ARTICLE_PATHS", ["articles"]), *settings.get("PAGE_PATHS", ["pages"]), topics_dir]:
        inventory.unread += [path for path in sorted((root / folder).rglob("*")) if _unread(path, ignored)]
    for path in sorted(topics_dir.glob("*.md")):
        inventory.topic_files.append(parse(path))
    handbooks_dir = root / settings.get("HANDBOOKS_PATH", "handbooks")
    for path in sorted(handbooks_dir.glob("*/handbook.md")):
        inventory.handbooks.add(path.parent.name)
    inventory.handbook_files += [parse(p) for p in sorted(handbooks_dir.rglob("*.md"))]

    def url(setting: str, default: str, **values: str) -> str:
        return str(settings.get(setting, default)).format(**values)

    for article in inventory.articles:
        inventory.paths.add(url("ARTICLE_URL", "{slug}.html", slug=slug_of(article, slugify)))
    for page in inventory.pages:
        inventory.paths.add(url("PAGE_URL", "pages/{slug}.html", slug=slug_of(page, slugify)))
    for topic in inventory.topics:
        inventory.paths.add(url("TOPIC_URL", "tema/{slug}/", slug=topic))
    for handbook in inventory.handbooks:
        inventory.paths.add(url("HANDBOOK_URL", "handbocker/{slug}/", slug=handbook))
    for key in ("TAGS_URL", "CATEGORIES_URL", "ARCHIVES_URL", "TOPICS_URL", "HANDBOOKS_URL", "SEARCH_URL"):
        if settings.get(key):
            inventory.paths.add(settings[key])
            inventory.reserved.add(settings[key].strip("/").split("/")[0])
    for key in ("ARTICLE_URL", "TAG_URL", "CATEGORY_URL", "TOPIC_URL", "HANDBOOK_URL"):
        if settings.get(key) and "/" in settings[key].strip("/"):
            inventory.reserved.add(settings[key].split("/")[0])
    for key in ("ARTICLE_URL", "TOPIC_URL", "HANDBOOK_URL"):
        if settings.get(key) and "/" in settings[key].strip("/"):
            inventory.checked_prefixes.add(settings[key].split("/")[0])
    inventory.paths.add("")  # the start page
    return inventory
