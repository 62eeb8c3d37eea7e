"""What a handbook is: versions (releases), their downloads, and small pure rules.

A handbook (or report) is a folder an editor owns. Each version is a
sub-folder, so an older version stays downloadable when a new one is added.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

# Formats an editor may supply as a finished file, with the name readers know them by.
SUPPLIED_FORMATS = {
    "pdf": "PDF",
    "docx": "Word",
    "odt": "OpenDocument-text",
    "pptx": "PowerPoint",
    "odp": "OpenDocument-presentation",
    "xlsx": "Excel",
    "ods": "OpenDocument-kalkylblad",
}
VERSION_NAME = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")
HANDBOOK_FILE = "handbook.md"  # the handbook's title, summary and topics
VERSION_FILE = "version.md"  # a version's date and notes


def folder_problems(folder: Path) -> list[tuple[Path, str]]:
    """What is wrong with the files of a handbook folder (not with their text), as (path, message), in the
    order an editor would mend them. The plugin stops the build on the first; the content check names all."""
    if not (folder / HANDBOOK_FILE).is_file():
        return [(folder, f"filen {HANDBOOK_FILE} saknas (den ger handboken titel och sammanfattning).")]
    versions = [p for p in sorted(folder.iterdir()) if p.is_dir() and not p.name.startswith(".")]
    if not versions:
        return [(folder, "handboken har ingen version (lägg en mapp per version, t.ex. 1.0/).")]
    problems = []
    for version in versions:
        if not VERSION_NAME.match(version.name):
            problems.append(
                (version, "versionens mappnamn får bara ha bokstäver a–z, siffror, punkt och bindestreck (t.ex. 4.0).")
            )
            continue
        if not (version / VERSION_FILE).is_file():
            problems.append((version, f"filen {VERSION_FILE} saknas (den ger versionens datum)."))
        files = [p for p in sorted(version.iterdir()) if p.name != VERSION_FILE and not p.name.startswith(".")]
        known = [p for p in files if p.is_file() and (p.suffix.lower() == ".md" or _supplied(p))]
        problems += [
            (
                path,
                "okänd fil i en handboksversion. Tillåtet: kapitel i Markdown (.md) och färdiga filer "
                f"({', '.join('.' + e for e in SUPPLIED_FORMATS)}).",
            )
            for path in files
            if path not in known
        ]
        if not known:
            problems.append((version, "versionen har varken kapitel (.md) eller en färdig fil att ladda ner."))
    return problems


def _supplied(path: Path) -> bool:
    return path.suffix.lower().lstrip(".") in SUPPLIED_FORMATS


class HandbookError(Exception):
    """An editor's mistake in a handbook folder; the message names the file."""

    exitcode = 2  # an editor's mistake: Pelican exits 2, scripts/build_site.py shows the message alone


def human_size(size: int) -> str:
    """Swedish file size: "312 kB", "1,4 MB" (decimal comma, 1 kB = 1000 bytes as on disks)."""
    if size < 1000:
        return f"{size} byte"
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def version_key(version: str) -> tuple:
    """Orders "3.10" after "3.9": numbers compare as numbers, other parts as text."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"[._-]", version))


@dataclass
class Download:
    """One file a reader can fetch, with what they need to trust it."""

    format: str  # "PDF", "Word", …
    extension: str
    save_as: str
    url: str
    size: int
    sha256: str

    @property
    def label(self) -> str:
        return f"{self.format}, {human_size(self.size)}"

    @property
    def filename(self) -> str:
        return PurePosixPath(self.save_as).name


@dataclass
class Chapter:
    title: str
    html: str
    source_path: str


@dataclass
class Release:
    """One version of a handbook. Also a feed entry (title, url, date, summary, content)."""

    handbook: Handbook = field(repr=False)
    version: str
    date: dt.datetime
    notes: str  # HTML: what is new in this version
    source_path: str  # the version's version.md
    chapters: list[Chapter] = field(default_factory=list)
    supplied: list[str] = field(default_factory=list)  # absolute paths of supplied files
    body: str = ""  # HTML to read online (the chapters together)
    contents: list[tuple[str, str]] = field(default_factory=list)  # (anchor, heading) of each h2
    downloads: list[Download] = field(default_factory=list)
    url: str = ""
    save_as: str = ""

    @property
    def title(self) -> str:
        return f"{self.handbook.title}, version {self.version}"

    @property
    def summary(self) -> str:
        return self.handbook.summary

    @property
    def tags(self) -> list:
        return self.handbook.tags

    @property
    def is_latest(self) -> bool:
        return self is self.handbook.latest

    def get_content(self, _siteurl: str = "") -> str:
        return self.notes or self.handbook.summary


@dataclass
class Handbook:
    slug: str
    title: str
    summary: str  # HTML (Pelican renders Summary metadata as Markdown)
    intro: str  # HTML
    topics: list[str]
    tags: list
    source_path: str  # the handbook's handbook.md
    releases: list[Release] = field(default_factory=list)  # newest first
    latest_downloads: list[Download] = field(default_factory=list)  # stable URLs
    url: str = ""
    save_as: str = ""
    topic_list: list = field(default_factory=list)  # Topic objects, when the topics plugin runs

    @property
    def latest(self) -> Release | None:
        return self.releases[0] if self.releases else None
