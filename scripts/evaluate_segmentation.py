#!/usr/bin/env python3
"""How well does post splitting do? Measured on the archive and on shuffled variants.

    python scripts/evaluate_segmentation.py [--variants 40] [--seed 1 [2 3 ...]] [--threshold T]
                                            [--archives N] [--leftover-archives N] [--set-archives N]
                                            [--unseen DIR ...]

Reads the hand-checked boundaries in tests/fixtures/legacy_truth.yaml, then
splits (1) the archive's listing dumps as they are, (2) many archives made
by shuffling the known posts into new dumps without blank lines, and (2b) the
listing dumps with their own posts in another order (neighbours that share a
category page share a subject more often). Prints missed
and false boundaries and the most frequent mistakes. With ``--archives N`` it
also plans the whole migration of N archives made like the legacy one (five
dumps, one post copied into a second dump, the document dump beside them) and
says whether the copy and the document were found; ``--leftover-archives N``
does the same with a line left from the old site's layout (a label, tags, a
caption) under half of the posts; ``--set-archives N`` does
the same with each set's posts among the known ones. Last, (3) the posts in
each ``--unseen`` folder (one per file; by default each set under
tests/fixtures/unseen_posts), which no weight was fitted on, are shuffled in
among the known ones and only their boundaries are counted: the figure that
says most about the next archive; and (4) archives of one set's posts alone,
where the typical post length and the word weights come from them too, as in
an archive of only new posts.

Last it prints each set's median post length against the known posts': the
known posts' length is the typical length that archives mixed with them
learn, so a set of far shorter posts is merged more often there than alone.
A set kept as a fair test is listed in tests/fixtures/unseen_posts/sealed.txt
(or named with ``--sealed``): its figures are printed, its mistakes never;
``--sealed`` with no name prints every set's mistakes.

With several seeds, each is measured in its own process and the lines give
the sums, with the range of the error share per seed: one seed's 40 variants
move by a point or two, so a change is worth keeping only if the sums move.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from migration.evaluation import (  # noqa: E402
    MigrationScore,
    SplitScore,
    default_splitter,
    made_archives,
    median_chars,
    read_listed,
    read_posts,
    reordered_dumps,
    score_migration,
    score_splitter,
    score_unseen,
    shuffled_archives,
    truth_dumps,
    truth_posts,
    with_leftovers,
)
from migration.rules import load_rules  # noqa: E402
from migration.segmentation import DEFAULT_THRESHOLD  # noqa: E402
from migration.source import read_dump  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
UNSEEN = REPO / "tests" / "fixtures" / "unseen_posts"
SEALED = UNSEEN / "sealed.txt"  # sets kept as a fair test, one name per line
LEFTOVERS = REPO / "tests" / "fixtures" / "leftover_lines.txt"  # layout leftovers for --leftover-archives
ARCHIVE = "arkivet"  # the archive as it is: the same for every seed


def measure(seed: int, args: argparse.Namespace) -> dict[str, SplitScore | MigrationScore]:
    """Every figure for one seed, by the label it is printed under."""
    truth = yaml.safe_load(args.truth.read_text(encoding="utf-8"))
    rules = load_rules(REPO / "data" / "migration-rules.yaml", REPO / "content" / "topics")
    split = default_splitter(rules.split_cues, args.threshold, rules.page)

    def lines_of(name: str) -> list[str]:
        return list(read_dump(args.legacy / name).lines)

    scores: dict[str, SplitScore | MigrationScore] = {}
    listings = truth_dumps(truth, "listing")
    archive = SplitScore()
    for name, found in zip(listings, split([lines_of(n) for n in listings]), strict=True):
        archive.add(set(truth[name]["starts"]) - {1}, found, lines_of(name))
    scores[ARCHIVE] = archive
    known = truth_posts(truth, lines_of)
    scores["omblandat"] = score_splitter(shuffled_archives(known, seed, args.variants), split)
    scores["omordnat"] = score_splitter(reordered_dumps(truth, lines_of, seed, args.variants // 4 or 1), split)
    (document_name,) = truth_dumps(truth, "document")
    document = read_dump(args.legacy / document_name)
    if args.archives:
        scores["som arkivet"] = score_migration(made_archives(known, seed, args.archives), document, rules)
    if args.leftover_archives:
        posts = with_leftovers(known, read_listed(LEFTOVERS), seed)
        scores["som arkivet med rester"] = score_migration(
            made_archives(posts, seed, args.leftover_archives), document, rules
        )
    for folder in args.unseen:
        new_posts = read_posts(folder)
        scores[f"osedda {folder.name}"] = score_unseen(known, new_posts, (seed,), args.variants, split)
        scores[f"bara nya {folder.name}"] = score_splitter(shuffled_archives(new_posts, seed, args.variants), split)
        if args.set_archives:
            made = made_archives([*known, *new_posts], seed, args.set_archives)
            scores[f"som arkivet med {folder.name}"] = score_migration(made, document, rules)
    return scores


def sealed_sets() -> list[str]:
    """The sets whose mistakes no run prints unless asked to (``--sealed`` with no name)."""
    return read_listed(SEALED) if SEALED.is_file() else []


def post_lengths(args: argparse.Namespace) -> str:
    """Each set's median post length as a share of the known posts' (see the module docstring)."""
    truth = yaml.safe_load(args.truth.read_text(encoding="utf-8"))
    known = median_chars(truth_posts(truth, lambda name: list(read_dump(args.legacy / name).lines)))
    shares = [f"{folder.name} {median_chars(read_posts(folder)) / known:.2f}×" for folder in args.unseen]
    return f"inläggens medianlängd: kända {known:.0f} tecken" + "".join(f"; {share}" for share in shares)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=40, help="shuffled archives to make (default 40)")
    parser.add_argument("--seed", type=int, nargs="+", default=[1], help="one or more seeds (summed; default 1)")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--truth", type=Path, default=REPO / "tests" / "fixtures" / "legacy_truth.yaml")
    parser.add_argument("--legacy", type=Path, default=REPO / "legacy")
    parser.add_argument("--archives", type=int, default=0, help="whole migrations of made archives to score")
    parser.add_argument(
        "--leftover-archives",
        type=int,
        default=0,
        help="whole migrations of made archives with a layout leftover (tests/fixtures/leftover_lines.txt) under "
        "half of the posts",
    )
    parser.add_argument(
        "--set-archives",
        type=int,
        default=0,
        help="whole migrations of made archives of the known posts and each set's posts, per set",
    )
    parser.add_argument(
        "--unseen",
        type=Path,
        nargs="+",
        default=sorted(path for path in UNSEEN.iterdir() if path.is_dir()),
        help="folders of posts no weight was fitted on, one per .txt file (title first); default: every set in "
        + str(UNSEEN.relative_to(REPO)),
    )
    parser.add_argument(
        "--sealed",
        nargs="*",
        default=sealed_sets(),
        metavar="NAME",
        help="sets kept as a fair test (folder names): their figures are printed, their mistakes never; "
        f"default: those listed in {SEALED.relative_to(REPO)}",
    )
    args = parser.parse_args()

    started = time.perf_counter()
    workers = min(len(args.seed), os.cpu_count() or 1)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        per_seed = list(pool.map(partial(measure, args=args), args.seed))
    examples: list[str] = []
    for label in per_seed[0]:
        scores = [seed_scores[label] for seed_scores in per_seed[: 1 if label == ARCHIVE else None]]
        total = sum(scores[1:], scores[0])
        splits = [s.splits if isinstance(s, MigrationScore) else s for s in scores]
        spread = ""
        if len(scores) > 1:
            shares = [s.share for s in splits]
            spread = f" [per frö {min(shares):.1%}–{max(shares):.1%}]"
        print(f"{label + ':':22s}", total.summary() + spread)
        if not any(label.endswith(f" {name}") for name in args.sealed):
            examples += [e for s in splits for e in s.examples]
    for example, count in Counter(examples).most_common(15):
        print(f"  {count:4d} × {example}")
    print(post_lengths(args))
    print(f"{len(args.seed)} frön på {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
