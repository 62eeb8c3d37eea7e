"""Measuring post splitting against hand-checked boundaries.

The archive has only a couple of dozen posts, so a splitter tuned on it can
look perfect and still fail on the next archive. Shuffling the known posts
into new dumps (other neighbours, other order, no blank lines) gives many
archives "made the same way" to measure on. Used by the tests and by
``scripts/evaluate_segmentation.py``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .segmentation import DEFAULT_THRESHOLD, SplitCues, Vocabulary, content_lines, split_dumps

# A post is the list of its source lines (title first).
Post = list[str]
Dump = list[str]


@dataclass
class SplitScore:
    """Boundary errors summed over many dumps."""

    dumps: int = 0
    boundaries: int = 0  # true post starts, not counting each dump's first line
    missed: int = 0
    false: int = 0
    dumps_with_errors: int = 0
    examples: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return self.missed + self.false

    def add(self, truth: set[int], found: set[int], dump: Dump) -> None:
        self.dumps += 1
        self.boundaries += len(truth)
        missed, false = truth - found, found - truth
        self.missed += len(missed)
        self.false += len(false)
        if missed or false:
            self.dumps_with_errors += 1
            for n in sorted(missed):
                self.examples.append(f"missad:  {dump[n - 1][:70]}")
            for n in sorted(false):
                self.examples.append(f"felaktig: {dump[n - 1][:70]}")

    def summary(self) -> str:
        share = self.errors / self.boundaries if self.boundaries else 0.0
        return (
            f"{self.dumps} dumpar, {self.boundaries} gränser: {self.missed} missade, {self.false} felaktiga "
            f"({share:.1%} fel); {self.dumps_with_errors} dumpar med minst ett fel"
        )


def truth_posts(truth: dict, read_lines: Callable[[str], Sequence[str]]) -> list[Post]:
    """Every hand-checked post of the listings once (copies seen in a second dump left out)."""
    copies = {(entry[2], entry[3]) for entry in truth.get("duplicates", [])}
    posts: list[Post] = []
    for name, entry in truth.items():
        if name == "duplicates" or entry.get("kind") != "listing":
            continue
        starts = sorted(entry["starts"])
        for start, post in zip(starts, posts_of(read_lines(name), starts), strict=True):
            if (name, start) not in copies:
                posts.append(post)
    return posts


def posts_of(lines: Sequence[str], starts: Sequence[int]) -> list[Post]:
    """Cut a dump's lines at known post starts (1-based line numbers)."""
    bounds = [*sorted(starts), len(lines) + 1]
    return [list(lines[a - 1 : b - 1]) for a, b in zip(bounds, bounds[1:], strict=False)]


def without_blank_lines(post: Post) -> Post:
    """Empty lines go; a line holding only a non-breaking space is content and stays."""
    return [line for line in post if line.strip(" \t")]


def shuffled_archives(
    posts: list[Post], seed: int, variants: int, per_dump: tuple[int, int] = (4, 8)
) -> list[tuple[Dump, set[int]]]:
    """``variants`` archives: each a few dumps of shuffled posts, blank lines removed.

    Returns (dump lines, line numbers where a post starts other than line 1).
    """
    rng = random.Random(seed)
    result: list[tuple[Dump, set[int]]] = []
    for _ in range(variants):
        order = posts[:]
        rng.shuffle(order)
        position = 0
        while position < len(order):
            size = rng.randint(*per_dump)
            chunk = [without_blank_lines(p) for p in order[position : position + size]]
            position += size
            dump: Dump = []
            starts: set[int] = set()
            for post in chunk:
                if dump:
                    starts.add(len(dump) + 1)
                dump.extend(post)
            result.append((dump, starts))
    return result


Splitter = Callable[[list[Dump]], list[set[int]]]


def default_splitter(cues: SplitCues, threshold: float = DEFAULT_THRESHOLD) -> Splitter:
    """The migration's own splitter over a set of dumps (vocabulary shared, as in a real run)."""

    def split(dumps: list[Dump]) -> list[set[int]]:
        vocabulary = Vocabulary([line for dump in dumps for line in dump])
        lines = [content_lines(list(enumerate(dump, 1))) for dump in dumps]
        return [{s.start for s in spans[1:]} for spans in split_dumps(lines, vocabulary, cues, threshold=threshold)]

    return split


def score_splitter(archives: list[tuple[Dump, set[int]]], split: Splitter, group: int = 4) -> SplitScore:
    """Run ``split`` over the archives ``group`` dumps at a time and count errors."""
    score = SplitScore()
    for i in range(0, len(archives), group):
        batch = archives[i : i + group]
        for (dump, truth), found in zip(batch, split([d for d, _ in batch]), strict=True):
            score.add(truth, found, dump)
    return score
