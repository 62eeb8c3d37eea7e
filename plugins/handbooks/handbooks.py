"""Downloadable handbooks and reports: read online, download as PDF, every version kept.

Folder layout an editor owns (``HANDBOOKS_PATH``, default ``content/handbooks/``)::

    kvalitetshandboken/            the folder name is the handbook's stable slug
      handbook.md                  Title, Summary, Topics, Tags; body: an introduction
      4.0/                         one folder per version; the name is the version
        version.md                 Date; body: what is new in this version
        01-inledning.md            chapters in file-name order (Title: per chapter) …
        kvalitetshandboken.docx    … and/or supplied files (PDF, DOCX, ODT, PPTX, …)

Markdown chapters become a page to read online and a tagged PDF (WeasyPrint);
supplied files are copied. Every download carries its format, size and
SHA-256. The newest version is also published at stable URLs that never change.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from jinja2 import ChoiceLoader, FileSystemLoader
from markdown.extensions.toc import slugify as heading_slug
from pelican import signals
from pelican.contents import Page
from pelican.generators import Generator

from .model import (
    HANDBOOK_FILE,
    SUPPLIED_FORMATS,
    VERSION_FILE,
    Chapter,
    Download,
    Handbook,
    HandbookError,
    Release,
    folder_problems,
    version_key,
)
from .pdf import render_pdf
from .references import line_containing, reference_line, replace_references

logger = logging.getLogger(__name__)

DEFAULTS = {
    "HANDBOOKS_PATH": "handbooks",  # relative to PATH
    "HANDBOOKS_TITLE": "Handböcker och rapporter",
    "HANDBOOK_URL": "handbocker/{slug}/",
    "HANDBOOK_SAVE_AS": "handbocker/{slug}/index.html",
    "HANDBOOK_VERSION_URL": "handbocker/{slug}/{version}/",
    "HANDBOOK_VERSION_SAVE_AS": "handbocker/{slug}/{version}/index.html",
    "HANDBOOK_FILE_SAVE_AS": "handbocker/{slug}/{version}/{filename}",
    "HANDBOOK_LATEST_SAVE_AS": "handbocker/{slug}/{slug}.{extension}",
    "HANDBOOKS_URL": "handbocker/",
    "HANDBOOKS_SAVE_AS": "handbocker/index.html",
    "HANDBOOKS_FEED_ATOM": "feeds/handbocker.atom.xml",
    "HANDBOOK_PDF": True,  # False skips PDF rendering (quick previews)
}
TEMPLATES = Path(__file__).parent / "templates"
PDF_CSS = Path(__file__).parent / "pdf.css"


def _with_heading_ids(soup: BeautifulSoup) -> BeautifulSoup:
    """Give every heading an id as Markdown's toc extension would, whatever MARKDOWN says."""
    for heading in soup.find_all(re.compile(r"^h[1-6]$")):
        if not heading.get("id"):
            heading["id"] = heading_slug(heading.get_text(" ", strip=True), "-")
    return soup


def combine_chapters(chapters: list[Chapter]) -> str:
    """One chapter reads as it is; several get a heading each, their own headings one level down.

    Anchors are made unique per chapter so the contents list and in-page links
    keep working when chapters share heading names.
    """
    if len(chapters) == 1:
        return str(_with_heading_ids(BeautifulSoup(chapters[0].html, "html.parser")))
    parts = []
    for number, chapter in enumerate(chapters, 1):
        soup = _with_heading_ids(BeautifulSoup(chapter.html, "html.parser"))
        for heading in soup.find_all(re.compile(r"^h[1-5]$")):
            heading.name = f"h{int(heading.name[1]) + 1}"
        for element in soup.find_all(id=True):
            element["id"] = f"k{number}-{element['id']}"
        for link in soup.find_all("a", href=re.compile(r"^#")):
            link["href"] = f"#k{number}-{link['href'][1:]}"
        anchor = f"k{number}-{heading_slug(chapter.title, '-')}"
        parts.append(f'<section class="chapter">\n<h2 id="{anchor}">{chapter.title}</h2>\n{soup}\n</section>')
    return "\n".join(parts)


def contents_of(html: str) -> list[tuple[str, str]]:
    """(anchor, text) of every second-level heading, for the contents list."""
    soup = BeautifulSoup(html, "html.parser")
    return [(h.get("id", ""), h.get_text(" ", strip=True)) for h in soup.find_all("h2") if h.get("id")]


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _chapter_title(page: Page, path: Path) -> str:
    title = page.metadata.get("title")
    if title:
        return str(title)
    return re.sub(r"^[\d\s._-]+", "", path.stem).replace("-", " ").capitalize() or path.stem


class HandbooksGenerator(Generator):
    """Reads handbook folders, renders PDFs, writes pages, files and a feed."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for key, value in DEFAULTS.items():
            self.settings.setdefault(key, value)
        self.env.loader = ChoiceLoader([self.env.loader, FileSystemLoader(str(TEMPLATES))])
        self.handbooks: list[Handbook] = []
        self.files: dict[str, bytes | Path] = {}  # save_as -> bytes or a file to copy

    # -- reading ------------------------------------------------------------------------------

    def where(self, path: Path) -> str:
        """A path as the editor knows it: relative to the content folder."""
        return os.path.relpath(path, self.path)

    def _read(self, path: Path) -> Page:
        try:
            return self.readers.read_file(
                base_path=self.path, path=str(path.relative_to(self.path)), content_class=Page, context=self.context
            )
        except Exception as error:  # Pelican's readers raise many kinds; the editor needs the file.
            if "date" in str(error).lower():
                line = line_containing(str(path), "date:", at_start=True)
                raise HandbookError(
                    f"{self.where(path)}:{line}: datumet går inte att läsa ({error}); skriv det som ÅÅÅÅ-MM-DD."
                ) from error
            reason = (
                "filen är inte sparad som UTF-8 (å, ä och ö blir fel). Spara den som UTF-8 i din textredigerare."
                if isinstance(error, UnicodeDecodeError)
                else f"filen kunde inte läsas: {error}"
            )
            raise HandbookError(f"{self.where(path)}: {reason}") from error

    def _read_handbook(self, folder: Path) -> Handbook:
        for path, message in folder_problems(folder)[:1]:  # the files first (the content check names them all)
            raise HandbookError(f"{self.where(path)}{'/' if path.is_dir() else ''}: {message}")
        meta_file = folder / HANDBOOK_FILE
        page = self._read(meta_file)
        meta = page.metadata
        if not meta.get("title"):
            raise HandbookError(f"{self.where(meta_file)}:1: Title: saknas (handbokens titel).")
        handbook = Handbook(
            slug=folder.name,
            title=str(meta["title"]),
            summary=str(meta.get("summary", "")),
            intro=page.content,
            topics=[t.strip() for t in str(meta.get("topics", "")).split(",") if t.strip()],
            tags=list(meta.get("tags", [])),
            source_path=str(meta_file),
            url=self.settings["HANDBOOK_URL"].format(slug=folder.name),
            save_as=self.settings["HANDBOOK_SAVE_AS"].format(slug=folder.name),
        )
        versions = [p for p in sorted(folder.iterdir()) if p.is_dir() and not p.name.startswith(".")]
        handbook.releases = [self._read_release(handbook, v) for v in versions]
        handbook.releases.sort(key=lambda r: (r.date, version_key(r.version)), reverse=True)
        return handbook

    def _read_release(self, handbook: Handbook, folder: Path) -> Release:
        meta_file = folder / VERSION_FILE
        page = self._read(meta_file)
        if "date" not in page.metadata:
            raise HandbookError(f"{self.where(meta_file)}:1: Date: saknas (skriv t.ex. Date: 2025-01-31).")
        release = Release(
            handbook=handbook,
            version=folder.name,
            date=page.metadata["date"],
            notes=page.content,
            source_path=str(meta_file),
            url=self.settings["HANDBOOK_VERSION_URL"].format(slug=handbook.slug, version=folder.name),
            save_as=self.settings["HANDBOOK_VERSION_SAVE_AS"].format(slug=handbook.slug, version=folder.name),
        )
        for path in sorted(folder.iterdir()):
            if path.name == VERSION_FILE or path.name.startswith("."):
                continue
            if path.suffix.lower() == ".md":
                chapter = self._read(path)
                release.chapters.append(Chapter(_chapter_title(chapter, path), chapter.content, str(path)))
            else:  # a supplied file: model.folder_problems let nothing else through
                release.supplied.append(str(path))
        release.body = combine_chapters(release.chapters) if release.chapters else ""
        release.contents = contents_of(release.body)
        return release

    # -- downloads ----------------------------------------------------------------------------

    def _download(self, save_as: str, data: bytes | Path, format_name: str) -> Download:
        content = data if isinstance(data, bytes) else data.read_bytes()
        self.files[save_as] = data
        return Download(
            format=format_name,
            extension=Path(save_as).suffix.lstrip(".").lower(),
            save_as=save_as,
            url=save_as,
            size=len(content),
            sha256=sha256_of(content),
        )

    def _pdf_html(self, release: Release) -> str:
        return self.get_template("handbook_pdf").render(
            {**self.context, "handbook": release.handbook, "release": release, "pdf_css": PDF_CSS.read_text("utf-8")}
        )

    def _prepare_downloads(self, handbook: Handbook) -> None:
        cache = Path(self.settings.get("CACHE_PATH", "cache")) / "handbooks"
        for release in handbook.releases:
            file_as = self.settings["HANDBOOK_FILE_SAVE_AS"]
            if release.chapters and self.settings["HANDBOOK_PDF"]:
                filename = f"{handbook.slug}-{release.version}.pdf"
                pdf = render_pdf(self._pdf_html(release), base_url=str(self.output_path) + "/", cache_dir=cache)
                save_as = file_as.format(slug=handbook.slug, version=release.version, filename=filename)
                release.downloads.append(self._download(save_as, pdf, "PDF"))
            for supplied in map(Path, release.supplied):
                save_as = file_as.format(slug=handbook.slug, version=release.version, filename=supplied.name)
                format_name = SUPPLIED_FORMATS[supplied.suffix.lower().lstrip(".")]
                release.downloads.append(self._download(save_as, supplied, format_name))
        seen: set[str] = set()

        # One stable URL per format: the file named after the handbook if there is one, then one whose name
        # starts so (the PDF made from the chapters), else the first; an appendix that sorts before the
        # report ("bilaga.pdf", "parkrapport-bilaga.pdf") and further files stay on the version page.
        def named_after_handbook(download: Download) -> int:
            stem = Path(download.save_as).stem
            return 0 if stem == handbook.slug else 1 if stem.startswith(handbook.slug) else 2

        for download in sorted(handbook.latest.downloads, key=named_after_handbook):
            if download.extension in seen:
                continue
            seen.add(download.extension)
            save_as = self.settings["HANDBOOK_LATEST_SAVE_AS"].format(slug=handbook.slug, extension=download.extension)
            handbook.latest_downloads.append(self._download(save_as, self.files[download.save_as], download.format))

    # -- Pelican's phases ---------------------------------------------------------------------

    def generate_context(self) -> None:
        root = Path(self.path) / self.settings["HANDBOOKS_PATH"]
        folders = [p for p in sorted(root.glob("*/")) if not p.name.startswith(".")]
        problems, handbooks = [], []
        for folder in folders:
            try:
                handbooks.append(self._read_handbook(folder))
            except HandbookError as error:
                problems.append(str(error))
        problems += self._resolve_references({h.slug: h for h in handbooks})
        if problems:
            raise HandbookError("\n".join(problems))
        self.handbooks = sorted(handbooks, key=lambda h: h.title.lower())
        self.context["handbooks"] = self.handbooks
        for key in DEFAULTS:  # the context was copied from the settings before the defaults were set
            self.context.setdefault(key, self.settings[key])
        by_topic: dict[str, list[Handbook]] = {}
        for handbook in self.handbooks:
            for topic in handbook.topics:
                by_topic.setdefault(topic, []).append(handbook)
        self.context["handbooks_by_topic"] = by_topic

    def _resolve_references(self, by_slug: dict[str, Handbook]) -> list[str]:
        """Turn ``{handbok}slug`` links in articles and pages into URLs; report unknown ones."""
        siteurl = self.settings.get("SITEURL", "")
        problems = []
        items = [
            *self.context.get("articles", []),
            *self.context.get("drafts", []),
            *self.context.get("pages", []),
            *self.context.get("hidden_pages", []),
            *self.context.get("draft_pages", []),
        ]
        for item in items:
            html, unknown = replace_references(
                item._content, lambda slug: f"{siteurl}/{by_slug[slug].url}" if slug in by_slug else None
            )
            if html != item._content:
                item._content = html
                # Pelican memoizes rendered content per (item, siteurl); a rendering made before this
                # (none is, as the plugins run now) would be stale. Clearing the shared memo is cheap.
                item.get_content.cache.clear()
            for slug in unknown:
                line = reference_line(item.source_path, slug)
                where = self.where(Path(item.source_path)) + (f":{line}" if line else "")
                known = ", ".join(sorted(by_slug)) or "inga ännu"
                problems.append(f"{where}: handboken '{slug}' finns inte. Befintliga handböcker: {known}.")
        return problems

    def make_downloads(self) -> None:
        """The PDFs and other files of every version, with their sizes and checksums."""
        for handbook in self.handbooks:
            self._prepare_downloads(handbook)

    def generate_output(self, writer) -> None:
        for save_as, data in self.files.items():
            target = Path(self.output_path) / save_as
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                target.write_bytes(data)
            else:
                shutil.copyfile(data, target)
        template = self.get_template("handbook")
        for handbook in self.handbooks:
            # The stable page shows the latest version; every version also has a page of its own.
            pages = [(handbook.save_as, handbook.url, handbook.latest)]
            pages += [(release.save_as, release.url, release) for release in handbook.releases]
            for save_as, url, release in pages:
                writer.write_file(
                    save_as,
                    template,
                    self.context,
                    handbook=handbook,
                    release=release,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    url=url,
                )
        if self.settings["HANDBOOKS_SAVE_AS"]:
            writer.write_file(
                self.settings["HANDBOOKS_SAVE_AS"],
                self.get_template("handbooks"),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=self.settings["HANDBOOKS_URL"],
            )
        if self.settings["HANDBOOKS_FEED_ATOM"]:
            releases = sorted((r for h in self.handbooks for r in h.releases), key=lambda r: r.date, reverse=True)
            writer.write_feed(
                releases,
                self.context,
                self.settings["HANDBOOKS_FEED_ATOM"],
                feed_title=f"{self.settings['SITENAME']} – {self.settings['HANDBOOKS_TITLE']}",
            )


def check_topics(generators) -> None:
    """With the topics plugin present, a handbook must name existing topics and link them."""
    generator = next((g for g in generators if isinstance(g, HandbooksGenerator)), None)
    topics = generator.context.get("topics") if generator else None
    if not generator or topics is None:
        return
    by_slug = {t.slug: t for t in topics}
    problems = []
    for handbook in generator.handbooks:
        for slug in handbook.topics:
            if slug not in by_slug:
                line = line_containing(handbook.source_path, "topics:", at_start=True)
                where = generator.where(Path(handbook.source_path))
                known = ", ".join(sorted(by_slug))
                problems.append(f"{where}:{line}: ämnet '{slug}' finns inte. Kända ämnen: {known}.")
        handbook.topic_list = [by_slug[s] for s in handbook.topics if s in by_slug]
    if problems:
        raise HandbookError("\n".join(problems))


def make_handbook_downloads(generators) -> None:
    """Make the handbooks' files once every plugin has had the texts, before any page is written.

    Rendered while the context was still being built, a PDF kept the old blog's links that the
    redirects plugin rewrites; rendered with this plugin's output, the topic pages (written by
    another plugin, perhaps first) showed no downloads.
    """
    for generator in generators:
        if isinstance(generator, HandbooksGenerator):
            generator.make_downloads()


def get_generators(_pelican) -> type[Generator]:
    return HandbooksGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(check_topics)
    signals.all_generators_finalized.connect(make_handbook_downloads)
