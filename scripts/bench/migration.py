"""``invoke bench-migration``: how long migrating takes, on the archive and on larger ones.

The archive itself: the CLI into an empty folder, cold (Python start-up
included), as an editor runs it. Larger listing archives: the real posts
shuffled into more and longer dumps, each shape planned in a process of its own
(whose peak memory is reported too). Each copy of a post
gets a serial number after the first word of its body lines so that no two
dumps share text (a shared run would be taken for a copied post); numbers
carry no stems, and a line's start and end keep their shape. Medians over the runs; the cost per 1,000 lines
as a ratio to the archive-sized case is the figure that holds on a shared,
noisy machine. Writes docs/benchmarks-migration.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from migration.evaluation import truth_posts, without_blank_lines  # noqa: E402
from migration.planner import plan_migration  # noqa: E402
from migration.rules import load_rules  # noqa: E402
from migration.source import LegacyDump, read_dump  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
LEGACY = ROOT / "legacy"
# (dumps, posts per dump); the first is archive-sized. One long dump is the hard case: the split
# search compares runs within a dump, so its cost and memory grow faster than the lines.
SHAPES = [(5, 5), (1, 24), (10, 24), (1, 96), (40, 10), (1, 384)]
FIRST_SERIAL = 10000  # five digits: never read as a year, never a stem


def _numbered(line: str, serial: int) -> str:
    """The line with a serial number after its first word: its start and end, which the splitter reads, stay."""
    first, _, rest = line.partition(" ")
    return f"{first} {serial} {rest}" if rest else line


def listing_archive(posts: list[list[str]], dumps: int, per_dump: int, seed: int = 1) -> list[LegacyDump]:
    """``dumps`` listing dumps of ``per_dump`` posts drawn from ``posts``, no text shared between copies."""
    rng = random.Random(seed)
    result, serial = [], FIRST_SERIAL
    for index in range(dumps):
        lines: list[str] = []
        for _ in range(per_dump):
            title, *body = rng.choice(posts)
            lines += [title, *(_numbered(line, serial) for line in body)]
            serial += 1
        result.append(LegacyDump.from_lines(f"{index}.txt", lines))
    return result


def cli_seconds(runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-migrate-") as out:
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, str(ROOT / "scripts" / "migrate.py"), "--out", out, str(LEGACY)], check=True
            )
            timings.append(time.perf_counter() - started)
    return timings


def shape_figures(dumps: int, per_dump: int, runs: int) -> dict:
    """Plan one made archive ``runs`` times in this process: its lines, the timings and peak memory."""
    truth = yaml.safe_load((ROOT / "tests" / "fixtures" / "legacy_truth.yaml").read_text(encoding="utf-8"))
    posts = [without_blank_lines(p) for p in truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))]
    rules = load_rules(ROOT / "data" / "migration-rules.yaml", ROOT / "content" / "topics")
    archive_dumps = listing_archive(posts, dumps, per_dump)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        plan_migration(archive_dumps, rules)
        timings.append(time.perf_counter() - started)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports kB
    return {"lines": sum(len(d.lines) for d in archive_dumps), "timings": timings, "peak_mb": peak_mb}


def main() -> int:
    parser = argparse.ArgumentParser(description="Mäter migreringens tid (se docs/benchmarks-migration.md).")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks-migration.md")
    parser.add_argument("--shape", type=int, nargs=2, metavar=("DUMPS", "POSTS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.shape:  # one shape in a process of its own, so that its peak memory is its own
        print(json.dumps(shape_figures(*args.shape, args.runs)))
        return 0

    archive = cli_seconds(args.runs)
    rows, base = [], None
    for dumps, per_dump in SHAPES:
        child = subprocess.run(
            [sys.executable, __file__, "--shape", str(dumps), str(per_dump), "--runs", str(args.runs)],
            check=True,
            capture_output=True,
            text=True,
        )
        figures = json.loads(child.stdout)
        lines, timings = figures["lines"], figures["timings"]
        per_k = statistics.median(timings) / lines * 1000
        base = base or per_k
        rows.append(
            f"| {dumps} × {per_dump} | {lines} | {statistics.median(timings):.2f} s "
            f"({min(timings):.2f}–{max(timings):.2f}) | {per_k:.2f} s | {per_k / base:.1f}× | "
            f"{figures['peak_mb']:.0f} MB |"
        )
    text = "\n".join(
        [
            "# Mätningar: migreringen",
            "",
            f"Körd {dt.date.today()} med `invoke bench-migration` ({args.runs} körningar, median och min–max).",
            "",
            f"**Arkivet** (`scripts/migrate.py --out TOM legacy/`, kallstart): "
            f"{statistics.median(archive):.2f} s ({min(archive):.2f}–{max(archive):.2f}); målet är högst 2 s.",
            "",
            "**Större listarkiv**: de riktiga inläggen blandade i fler och längre dumpar, planerade i processen "
            "(`scripts/bench/migration.py`). Kvoten är kostnaden per 1 000 rader mot det arkivstora fallet "
            "(första raden). Varje storlek mäts i en egen process; minnet är processens högsta (Python med "
            "alla moduler inlästa, ungefär 30 MB, ingår).",
            "",
            "| dumpar × inlägg | rader | tid | per 1 000 rader | kvot | minne |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
        ]
    )
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
