"""Command line: ``python scripts/migrate.py --out content legacy/`` (text dumps, WXR, saved HTML)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .errors import MigrationError
from .imported import KINDS, ImportedItem
from .plan import dump_plan, read_plan
from .planner import Migration, plan_migration, slugify
from .rules import MigrationRules, load_rules
from .segmentation import DEFAULT_THRESHOLD
from .source import read_dump
from .writer import MANIFEST, write_atomic, write_outputs

EXIT_BAD_INPUT = 2
SOURCE_SUFFIXES = (".txt", ".xml", ".html", ".htm")
# The plan's kinds of imported items (imported.KINDS), as the summary line names them.
IMPORTED_KINDS = {  # one, many
    "article": ("artikel", "artiklar"),
    "page": ("sida", "sidor"),
    "draft": ("utkast", "utkast"),
    "attachment": ("bilaga", "bilagor"),
    "skipped": ("hoppades över", "hoppades över"),
}
REPO = Path(__file__).resolve().parents[2]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="migrate.py",
        description=(
            "Migrerar gamla bloggdumpar (text) till Markdown för Pelican. Skriver en fil per "
            "inlägg (articles/), dokument som handböcker (handbooks/) och en migreringsplan som redaktörer kan "
            "rätta och köra om. Filer som en redaktör ändrat skrivs inte över."
        ),
    )
    parser.add_argument(
        "sources",
        nargs="+",
        type=Path,
        metavar="SOURCE",
        help="textdumpar (.txt), WordPress-exporter (.xml), sparade HTML-sidor (.html), eller mappar med sådana",
    )
    parser.add_argument("--out", required=True, type=Path, help="innehållsmapp att skriva till (t.ex. content)")
    parser.add_argument(
        "--plan", type=Path, help="migreringsplanen (standard: OUT/migration-plan.yaml); följs om den finns"
    )
    parser.add_argument(
        "--rules",
        type=Path,
        default=REPO / "data" / "migration-rules.yaml",
        help="regelfilen med taggar och ledord (standard: data/migration-rules.yaml)",
    )
    parser.add_argument("--topics", type=Path, help="mapp med ämnesfiler (standard: OUT/topics, annars content/topics)")
    parser.add_argument(
        "--replan", action="store_true", help="bortse från en befintlig plan och hitta inläggen på nytt"
    )
    parser.add_argument("--force", action="store_true", help="skriv över filer som ändrats för hand sedan de skapades")
    parser.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help=f"hur säker en rubrik måste vara för att börja ett nytt inlägg (log-odds, standard {DEFAULT_THRESHOLD})",
    )
    parser.add_argument("--quiet", action="store_true", help="skriv bara ut fel")
    return parser


def _expand(sources: list[Path]) -> tuple[list[Path], list[Path]]:
    """The source files named or found in the folders named, and the folders' other files.

    A folder's files of another kind (notes, a dump saved as .md) and its subfolders are passed over
    but named, so that none is left out without anyone knowing. Hidden files (.DS_Store) are not.
    """
    files: list[Path] = []
    skipped: list[Path] = []
    for source in sources:
        if source.is_dir():
            for path in sorted(p for p in source.iterdir() if not p.name.startswith(".")):
                known = path.is_file() and path.suffix.lower() in SOURCE_SUFFIXES
                (files if known else skipped).append(path)
        else:
            files.append(source)
    return files, skipped


def _imported(summary: dict) -> str:
    """', importerat: 3 artiklar, 1 sida' for what WordPress exports and saved pages gave, if any."""
    counts = summary.get("imported", {})
    if not counts:
        return ""
    return ", importerat: " + ", ".join(_counted(n, *IMPORTED_KINDS[kind]) for kind, n in counts.items())


def _read_structured(paths: list[Path]) -> list[tuple[str, ImportedItem]]:
    """(kind of source, item) for every item of WordPress exports and saved pages.

    Their readers need BeautifulSoup and markdownify, which take a tenth of a text-only migration
    to load: they are loaded only when such a source is given."""
    if not paths:
        return []
    from .imports import read_structured

    return [(kind, item) for path in paths for kind, items in [read_structured(path, path.name)] for item in items]


def _add_imports(migration: Migration, structured: list[tuple[str, ImportedItem]], rules: MigrationRules) -> None:
    """The imported items' files and plan entries (one for each item); a dump post the export also has is
    its copy."""
    from .imports import prefer_structured, render_imports

    imported_files, migration.plan.imports = render_imports(structured, rules, set(), slugify)
    prefer_structured(migration, migration.plan.imports, imported_files)
    migration.files.update(imported_files)
    kinds = [entry["kind"] for entry in migration.plan.imports]
    migration.plan.summary["imported"] = {kind: kinds.count(kind) for kind in KINDS if kind in kinds}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    started = time.perf_counter()
    out: Path = args.out
    plan_path: Path = args.plan or out / "migration-plan.yaml"
    topics = args.topics or (out / "topics" if (out / "topics").is_dir() else REPO / "content" / "topics")
    try:
        for target in (out, plan_path.parent):
            if target.exists() and not target.is_dir():
                raise MigrationError(str(target), None, "ska vara en mapp att skriva i, men är en fil")
        paths, skipped = _expand(args.sources)
        if not paths:
            raise MigrationError(" ".join(map(str, args.sources)), None, "inga textdumpar hittades")
        names = [p.name for p in paths]
        duplicate_names = {n for n in names if names.count(n) > 1}
        if duplicate_names:
            raise MigrationError(", ".join(sorted(duplicate_names)), None, "två källor har samma filnamn")
        dumps = [read_dump(p, p.name) for p in paths if p.suffix.lower() == ".txt"]
        structured = _read_structured([p for p in paths if p.suffix.lower() != ".txt"])
        rules = load_rules(args.rules, topics)
        known_topics = {topic.slug for topic in rules.topics}
        edited = read_plan(plan_path, known_topics) if plan_path.exists() and not args.replan else None
        migration = plan_migration(dumps, rules, edited, str(plan_path), threshold=args.threshold)
        if structured:
            _add_imports(migration, structured, rules)
        if skipped:
            migration.plan.summary["skipped_files"] = [str(p) for p in skipped]
    except MigrationError as error:
        print(f"migrate: fel: {error}", file=sys.stderr)
        print("migrate: inget skrevs.", file=sys.stderr)
        return EXIT_BAD_INPUT

    try:
        report = write_outputs(out, migration.files, force=args.force)
        plan_text = dump_plan(migration.plan)
        if not plan_path.exists() or plan_path.read_bytes() != plan_text.encode("utf-8"):
            write_atomic(plan_path, plan_text)
    except OSError as error:
        # Each file is written whole or not at all (write_atomic), but the run stopped part way.
        print(f"migrate: fel: {error.filename}: kan inte skriva: {error.strerror}", file=sys.stderr)
        print(
            "migrate: körningen avbröts; filer som hann skrivas är hela, kör igen när felet är åtgärdat.",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    elapsed = time.perf_counter() - started
    if not args.quiet:
        summary = migration.plan.summary
        print(
            f"migrate: {_counted(summary['articles'], 'artikel', 'artiklar')}, {summary['documents']} dokument, "
            f"{_counted(summary['duplicates'], 'dubblett', 'dubbletter')}, "
            f"{_counted(summary['dropped_lines'], 'rad', 'rader')} strukna (planens dropped)"
            f"{_imported(summary)} → {out} "
            f"({_counted(len(report.written), 'skriven', 'skrivna')}, "
            f"{_counted(len(report.unchanged), 'oförändrad', 'oförändrade')}) på {elapsed:.2f} s"
        )
        print(
            f"migrate: plan: {plan_path}; delningssäkerhet {summary['split_confidence']}; "
            f"{len(summary['review_first'])} inlägg att granska först (summary.review_first)"
        )
        if summary["posts_without_topic"]:
            print(
                f"migrate: {_counted(len(summary['posts_without_topic']), 'artikel', 'artiklar')} utan tema "
                "(summary.posts_without_topic), "
                f"som invoke check inte godkänner: skriv 'topics:' i planen för var och en, eller fler ord på raden "
                f"'Keywords:' i temats fil i {topics}"
            )
    for warning in migration.warnings:
        print(f"migrate: varning: {warning}", file=sys.stderr)
    for path in skipped:
        why = "en mapp i en mapp läses inte, ange den för sig" if path.is_dir() else "ingen källa av känd sort"
        print(f"migrate: hoppade över {path}: {why} ({', '.join(SOURCE_SUFFIXES)})", file=sys.stderr)
    if report.manifest_unreadable:
        print(
            f"migrate: varning: {out / MANIFEST} gick inte att läsa, så varje fil som skiljer sig från det migreringen "
            "skulle skriva behölls som ändrad för hand (använd --force för att skriva över)",
            file=sys.stderr,
        )
    for relative in report.kept_editor_changes:
        print(
            f"migrate: behöll {out / relative}: ändrad för hand (använd --force för att skriva över)", file=sys.stderr
        )
    return 0


def _counted(count: int, one: str, many: str) -> str:
    """A count and its noun in Swedish ("1 artikel", "2 artiklar"): editors read the run's report, not a log."""
    return f"{count} {one if count == 1 else many}"
