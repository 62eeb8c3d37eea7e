"""The migration plan: every decision the migration made, in a file editors can edit.

The plan is YAML. Per source it lists the detected posts (title, line range,
how sure the split is, date and its source, tags, topics, duplicates) and the
lines dropped as noise with a reason. When the plan already exists, its posts
are the truth: an editor merges two posts by deleting one entry and widening
the other's ``lines``, splits one by adding an entry, or fixes a title or date;
the next run follows. A field that is deleted is computed again.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import yaml
from editorial.content_file import SLUG  # planner.slugify makes slugs of this form, editors must too

from .errors import YAML_SLIPS, MigrationError
from .files import read_utf8

PLAN_VERSION = 1
# Fields an editor may set; everything else in the plan is recomputed.
EDITABLE = ("title", "slug", "date", "date_source", "tags", "topics", "duplicate_of", "kind", "reviewed")
# How a date was obtained (dating.py), or "editor": set by hand in the plan.
DATE_SOURCES = ("text", "url", "inferred", "editor")
KINDS = ("article", "document")  # a blog article, or a document published as a handbook


@dataclass
class PlannedPost:
    source: str
    first: int
    last: int
    title: str = ""
    slug: str = ""
    kind: str = "article"  # article | document
    date: str = ""
    date_source: str = ""
    date_evidence: str = ""
    tags: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    topic_evidence: dict[str, int] = field(default_factory=dict)
    confidence: float = 1.0
    reasons: list[str] = field(default_factory=list)
    doubt: dict | None = None
    duplicate_of: str | None = None
    copies: list[str] = field(default_factory=list)
    legacy_url: str | None = None
    output: str | None = None
    edited: dict = field(default_factory=dict)  # editable fields given by the plan file
    reviewed: bool = False  # an editor has checked the split (leaves the summary's review list)

    @property
    def lines(self) -> str:
        return f"{self.first}-{self.last}"


@dataclass
class SourcePlan:
    file: str
    sha256: str
    kind: str
    posts: list[PlannedPost]
    dropped: list[dict]
    page_numbers: dict[int, int] = field(default_factory=dict)
    footnotes: dict[int, list[str]] = field(default_factory=dict)  # moved from a page's end to the document's
    running_text: dict[int, list[str]] = field(default_factory=dict)  # a page's running head and foot, taken out


@dataclass
class Plan:
    sources: list[SourcePlan]
    missing_attachments: list[dict]
    summary: dict
    imports: list[dict] = field(default_factory=list)  # items from WordPress exports and saved HTML


# --- reading --------------------------------------------------------------------


class _LineLoader(yaml.SafeLoader):
    """Safe loader that remembers the line of every mapping (for error messages)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    for value in mapping.values():  # only the outermost mappings keep their line
        if isinstance(value, dict):
            value.pop("__line__", None)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay text, so that a date that does not exist ("2015-13-45") is reported with its line
# (read_plan) instead of failing inside the YAML reader.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_RANGE = re.compile(r"^\s*(\d+)\s*-\s*(\d+)\s*$")


def _written(value: object) -> str:
    """A plan's value as an editor wrote it in YAML, for a message (an empty field is empty, not "None")."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True).removesuffix("...\n").strip()


def read_plan(path: Path, topics: Collection[str] | None = None) -> dict[str, dict]:
    """Edited plan entries per source file: {file: {"sha256": …, "posts": [dict, …]}}.

    Every field an editor may change is checked here, where the plan's line is known: a mistake
    is reported as the plan's file and line (``topics``: the topics that exist, if known).
    """
    name = str(path)
    try:
        data = yaml.load(read_utf8(path, name), Loader=_LineLoader)  # noqa: S506 (safe subclass)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or error
        message = f"planen är inte giltig YAML – {YAML_SLIPS} ({problem})"
        raise MigrationError(name, mark.line + 1 if mark else None, message) from None
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise MigrationError(name, 1, "planen saknar 'sources:' – ta bort filen för att skapa en ny plan")
    result: dict[str, dict] = {}
    for source in data["sources"]:
        line = source.get("__line__") if isinstance(source, dict) else None
        if not isinstance(source, dict) or "file" not in source or not isinstance(source.get("posts"), list):
            raise MigrationError(name, line, "varje källa i planen behöver 'file:' och 'posts:'")
        posts = []
        for post in source["posts"]:
            if not isinstance(post, dict) or "lines" not in post:
                raise MigrationError(
                    name,
                    post.get("__line__", line) if isinstance(post, dict) else line,
                    "varje inlägg i planen behöver 'lines: FÖRSTA-SISTA'",
                )
            match = _RANGE.match(str(post["lines"]))
            if not match or int(match.group(1)) > int(match.group(2)):
                raise MigrationError(
                    name, post["__line__"], f"'lines: {_written(post['lines'])}' ska vara två radnummer, t.ex. 12-40"
                )
            check_edits(name, post, topics)
            posts.append(post | {"first": int(match.group(1)), "last": int(match.group(2))})
        result[str(source["file"])] = {"sha256": source.get("sha256"), "posts": posts, "line": line}
    return result


def check_edits(plan_name: str, post: dict, topics: Collection[str] | None = None) -> None:
    """A post's editable fields hold what the migration can use, or a plain error names the line."""
    line = post.get("__line__")

    def fail(message: str) -> NoReturn:
        raise MigrationError(plan_name, line, message)

    title = post.get("title")
    if "title" in post and (not isinstance(title, str) or not title.strip()):
        fail("'title:' får inte vara tom – skriv inläggets rubrik, eller ta bort raden så används den hittade")
    if "date" in post:
        try:
            dt.date.fromisoformat(str(post["date"]))
        except ValueError:
            date = _written(post["date"])
            fail(f"datumet '{date}' ska vara ett datum som finns, skrivet ÅÅÅÅ-MM-DD (t.ex. 2015-11-19)")
    if "date_source" in post and post["date_source"] not in DATE_SOURCES:
        fail(f"'date_source: {_written(post['date_source'])}' ska vara en av {', '.join(DATE_SOURCES)}")
    if "kind" in post and post["kind"] not in KINDS:
        fail(f"'kind: {_written(post['kind'])}' ska vara en av {', '.join(KINDS)}")
    if "slug" in post and not (isinstance(post["slug"], str) and SLUG.fullmatch(post["slug"])):
        slug = _written(post["slug"])
        fail(f"'slug: {slug}' får bara ha små bokstäver a–z, siffror och bindestreck (t.ex. min-rubrik)")
    for key in ("tags", "topics"):
        value = post.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            fail(f"'{key}:' ska vara en lista med texter, en per rad med '- ' först")
    unknown = [t for t in post.get("topics", []) if topics is not None and t not in topics]
    if unknown:
        fail(f"okänt tema '{unknown[0]}' – kända teman: {', '.join(sorted(topics or []))}")


def validate_ranges(plan_name: str, source: str, posts: list[dict], required: set[int], n_lines: int) -> None:
    """Ranges must be inside the file, not overlap, and cover every line that has text."""
    covered: set[int] = set()
    for post in sorted(posts, key=lambda p: p["first"]):
        if post["last"] > n_lines:
            raise MigrationError(
                plan_name, post["__line__"], f"{source} har bara {n_lines} rader, men planen säger {post['lines']}"
            )
        span = set(range(post["first"], post["last"] + 1))
        if span & covered:
            raise MigrationError(
                plan_name, post["__line__"], f"raderna {post['lines']} i {source} ingår redan i ett annat inlägg"
            )
        covered |= span
    missing = sorted(required - covered)
    if missing:
        raise MigrationError(
            plan_name,
            None,
            f"{source}: rad {', '.join(map(str, missing[:10]))} ingår inte i något inlägg – lägg till dem i ett inlägg",
        )


# --- writing --------------------------------------------------------------------


def _post_dict(post: PlannedPost) -> dict:
    data: dict = {
        "title": post.title,
        "lines": post.lines,
        "kind": post.kind,
        "slug": post.slug,
        "output": post.output,
        "split_confidence": round(post.confidence, 2),
        "split_reasons": post.reasons,
    }
    if post.doubt:
        data["closest_rejected_split"] = post.doubt
    if post.reviewed:
        data["reviewed"] = True
    data |= {
        "date": post.date,
        "date_source": post.date_source,
        "date_evidence": post.date_evidence,
        "tags": post.tags,
        "topics": post.topics,
        "keyword_hits": post.topic_evidence,
    }
    if post.legacy_url:
        data["legacy_url"] = post.legacy_url
    if post.duplicate_of:
        data["duplicate_of"] = post.duplicate_of
    elif "duplicate_of" in post.edited:  # emptied by an editor: kept empty, or the next run finds the copy again
        data["duplicate_of"] = ""
    if post.copies:
        data["copies"] = post.copies
    return data


HEADER = """\
# Migreringsplan – skapad av scripts/migrate.py.
#
# Så rättar du: ändra 'title', 'slug', 'date' (sätt då date_source: editor),
# 'tags' eller 'topics' i ett inlägg, slå ihop två inlägg genom att ta bort det
# ena och vidga det andras 'lines', eller dela ett inlägg genom att lägga till
# ett nytt med egna 'lines'. Kör sedan migreringen igen (invoke migrate).
# Börja med inläggen i summary.review_first; skriv 'reviewed: true' i ett
# inlägg du har granskat, så lämnar det listan. Artiklarna i
# summary.posts_without_topic fick inget tema: ge dem 'topics' (invoke check kräver det).
# Ett fält du tar bort räknas fram på nytt. Kommentarer i filen sparas inte.
# Avsnittet 'imports' (WordPress-exporter och sparade sidor) är bara en redovisning:
# rätta sådana inlägg i deras Markdown-filer, som migreringen inte skriver över.
"""


def dump_plan(plan: Plan) -> str:
    data = {
        "version": PLAN_VERSION,
        "summary": plan.summary,
        "sources": [
            {
                "file": source.file,
                "sha256": source.sha256,
                "kind": source.kind,
                "posts": [_post_dict(p) for p in source.posts],
                "dropped": source.dropped,
                **({"removed_page_numbers": source.page_numbers} if source.page_numbers else {}),
                **({"moved_footnotes": source.footnotes} if source.footnotes else {}),
                **({"removed_running_text": source.running_text} if source.running_text else {}),
            }
            for source in plan.sources
        ],
        "missing_attachments": plan.missing_attachments,
        **({"imports": plan.imports} if plan.imports else {}),
    }
    buffer = io.StringIO()
    buffer.write(HEADER)
    yaml.safe_dump(data, buffer, allow_unicode=True, sort_keys=False, width=100)
    return buffer.getvalue()
