#!/usr/bin/env python3
"""How well does post splitting do? Measured on the archive and on shuffled variants.

    python scripts/evaluate_segmentation.py [--variants 40] [--seed 1] [--threshold T]

Reads the hand-checked boundaries in tests/fixtures/legacy_truth.yaml, then
splits (1) the archive's listing dumps as they are and (2) many archives made
by shuffling the known posts into new dumps without blank lines. Prints missed
and false boundaries and the most frequent mistakes.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from migration.evaluation import (  # noqa: E402
    SplitScore,
    default_splitter,
    score_splitter,
    shuffled_archives,
    truth_posts,
)
from migration.rules import load_rules  # noqa: E402
from migration.segmentation import DEFAULT_THRESHOLD  # noqa: E402
from migration.source import read_dump  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=40, help="shuffled archives to make (default 40)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--truth", type=Path, default=REPO / "tests" / "fixtures" / "legacy_truth.yaml")
    parser.add_argument("--legacy", type=Path, default=REPO / "legacy")
    args = parser.parse_args()

    truth = yaml.safe_load(args.truth.read_text(encoding="utf-8"))
    cues = load_rules(REPO / "data" / "migration-rules.yaml", None).split_cues
    split = default_splitter(cues, args.threshold)

    def lines_of(name: str) -> list[str]:
        return list(read_dump(args.legacy / name).lines)

    listings = [n for n, e in truth.items() if n != "duplicates" and e.get("kind") == "listing"]
    archive = SplitScore()
    for name, found in zip(listings, split([lines_of(n) for n in listings]), strict=True):
        archive.add(set(truth[name]["starts"]) - {1}, found, lines_of(name))
    print("arkivet:   ", archive.summary())

    started = time.perf_counter()
    archives = shuffled_archives(truth_posts(truth, lines_of), args.seed, args.variants)
    shuffled = score_splitter(archives, split)
    print("omblandat: ", shuffled.summary(), f"[{time.perf_counter() - started:.1f} s]")
    for example, count in Counter(archive.examples + shuffled.examples).most_common(15):
        print(f"  {count:4d} × {example}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
