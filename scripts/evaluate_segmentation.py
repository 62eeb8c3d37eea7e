#!/usr/bin/env python3
"""How well does post splitting do? Measured on the archive and on shuffled variants.

    python scripts/evaluate_segmentation.py [--variants 40] [--seed 1] [--threshold T] [--archives N]
                                            [--unseen DIR ...]

Reads the hand-checked boundaries in tests/fixtures/legacy_truth.yaml, then
splits (1) the archive's listing dumps as they are, (2) many archives made
by shuffling the known posts into new dumps without blank lines, and (2b) the
listing dumps with their own posts in another order (neighbours that share a
category page share a subject more often). Prints missed
and false boundaries and the most frequent mistakes. With ``--archives N`` it
also plans the whole migration of N archives made like the legacy one (five
dumps, one post copied into a second dump, the document dump beside them) and
says whether the copy and the document were found. Last, (3) the posts in
each ``--unseen`` folder (one per file; by default each set under
tests/fixtures/unseen_posts), which no weight was fitted on, are shuffled in
among the known ones and only their boundaries are counted: the figure that
says most about the next archive; and (4) archives of one set's posts alone,
where the typical post length and the word weights come from them too, as in
an archive of only new posts.
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
    made_archives,
    read_posts,
    reordered_dumps,
    score_migration,
    score_splitter,
    score_unseen,
    shuffled_archives,
    truth_dumps,
    truth_posts,
)
from migration.rules import load_rules  # noqa: E402
from migration.segmentation import DEFAULT_THRESHOLD  # noqa: E402
from migration.source import read_dump  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
UNSEEN = REPO / "tests" / "fixtures" / "unseen_posts"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=40, help="shuffled archives to make (default 40)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--truth", type=Path, default=REPO / "tests" / "fixtures" / "legacy_truth.yaml")
    parser.add_argument("--legacy", type=Path, default=REPO / "legacy")
    parser.add_argument("--archives", type=int, default=0, help="whole migrations of made archives to score")
    parser.add_argument(
        "--unseen",
        type=Path,
        nargs="+",
        default=sorted(path for path in UNSEEN.iterdir() if path.is_dir()),
        help="folders of posts no weight was fitted on, one per .txt file (title first); default: every set in "
        + str(UNSEEN.relative_to(REPO)),
    )
    args = parser.parse_args()

    truth = yaml.safe_load(args.truth.read_text(encoding="utf-8"))
    rules = load_rules(REPO / "data" / "migration-rules.yaml", REPO / "content" / "topics")
    cues = rules.split_cues
    split = default_splitter(cues, args.threshold, rules.noise_lines)

    def lines_of(name: str) -> list[str]:
        return list(read_dump(args.legacy / name).lines)

    listings = truth_dumps(truth, "listing")
    archive = SplitScore()
    for name, found in zip(listings, split([lines_of(n) for n in listings]), strict=True):
        archive.add(set(truth[name]["starts"]) - {1}, found, lines_of(name))
    print("arkivet:   ", archive.summary())

    started = time.perf_counter()
    known = truth_posts(truth, lines_of)
    archives = shuffled_archives(known, args.seed, args.variants)
    shuffled = score_splitter(archives, split)
    print("omblandat: ", shuffled.summary(), f"[{time.perf_counter() - started:.1f} s]")
    started = time.perf_counter()
    reordered = score_splitter(reordered_dumps(truth, lines_of, args.seed, args.variants // 4 or 1), split)
    print("omordnat:  ", reordered.summary(), f"[{time.perf_counter() - started:.1f} s]")
    examples = archive.examples + shuffled.examples + reordered.examples
    if args.archives:
        started = time.perf_counter()
        (document,) = truth_dumps(truth, "document")
        made = made_archives(known, args.seed, args.archives)
        whole = score_migration(made, read_dump(args.legacy / document), rules)
        print("som arkivet:", whole.summary(), f"[{time.perf_counter() - started:.1f} s]")
        examples += whole.splits.examples
    for folder in args.unseen:
        started = time.perf_counter()
        new_posts = read_posts(folder)
        unseen = score_unseen(known, new_posts, (args.seed,), args.variants, split)
        print(f"osedda {folder.name}:  ", unseen.summary(), f"[{time.perf_counter() - started:.1f} s]")
        started = time.perf_counter()
        alone = score_splitter(shuffled_archives(new_posts, args.seed, args.variants), split)
        print(f"bara nya {folder.name}:", alone.summary(), f"[{time.perf_counter() - started:.1f} s]")
        examples += unseen.examples + alone.examples
    for example, count in Counter(examples).most_common(15):
        print(f"  {count:4d} × {example}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
