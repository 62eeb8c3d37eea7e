"""Measuring post splitting against hand-checked boundaries.

The archive has only a couple of dozen posts, so a splitter tuned on it can
look perfect and still fail on the next archive. Shuffling the known posts
into new dumps (other neighbours, other order, no blank lines) gives many
archives "made the same way" to measure on. Used by the tests and by
``scripts/evaluate_segmentation.py``.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

from .body import plain
from .dump_text import Vocabulary, content_lines, with_recurring_leftovers
from .lines import NO_FURNITURE, PageFurniture
from .plan import SourcePlan
from .planner import plan_migration
from .rules import MigrationRules
from .segmentation import DEFAULT_THRESHOLD, split_dumps
from .source import LegacyDump
from .title_cues import SplitCues

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

    @property
    def share(self) -> float:
        """Errors per true boundary."""
        return self.errors / self.boundaries if self.boundaries else 0.0

    def __add__(self, other: SplitScore) -> SplitScore:
        """Two measurements as one (e.g. of several seeds)."""
        return _summed(self, other)

    def summary(self) -> str:
        return (
            f"{self.dumps} dumpar, {self.boundaries} gränser: {self.missed} missade, {self.false} felaktiga "
            f"({self.share:.1%} fel); {self.dumps_with_errors} dumpar med minst ett fel"
        )


def truth_dumps(truth: dict, kind: str) -> list[str]:
    """Names of the hand-checked dumps of one kind ("listing" or "document"), in file order."""
    return [name for name, entry in truth.items() if name != "duplicates" and entry.get("kind") == kind]


def truth_posts(truth: dict, read_lines: Callable[[str], Sequence[str]]) -> list[Post]:
    """Every hand-checked post of the listings once (copies seen in a second dump left out)."""
    copies = {(entry[2], entry[3]) for entry in truth.get("duplicates", [])}
    posts: list[Post] = []
    for name in truth_dumps(truth, "listing"):
        starts = sorted(truth[name]["starts"])
        for start, post in zip(starts, posts_of(read_lines(name), starts), strict=True):
            if (name, start) not in copies:
                posts.append(post)
    return posts


def median_chars(posts: list[Post]) -> float:
    """Median characters of the posts' lines, blank lines and edge spaces left out."""
    return float(statistics.median(sum(len(line.strip()) for line in post) for post in posts))


def posts_of(lines: Sequence[str], starts: Sequence[int]) -> list[Post]:
    """Cut a dump's lines at known post starts (1-based line numbers)."""
    bounds = [*sorted(starts), len(lines) + 1]
    return [list(lines[a - 1 : b - 1]) for a, b in zip(bounds, bounds[1:], strict=False)]


def retitled_with_colon(title: str) -> str:
    """ "Subject – phrase" written as "Subject: phrase", the other common way to build a title."""
    subject, dash, phrase = title.partition(" – ")
    if not dash or not phrase:
        return title
    keep_case = phrase[:2].isupper()  # an acronym ("SKL") keeps its capitals
    return f"{subject}: {phrase if keep_case else phrase[0].lower() + phrase[1:]}"


def without_blank_lines(post: Post) -> Post:
    """Empty lines go; a line holding only a non-breaking space is content and stays."""
    return [line for line in post if line.strip(" \t")]


def joined(posts: list[Post]) -> tuple[Dump, set[int]]:
    """The posts one after another as one dump, and the lines where the second and later ones start."""
    dump: Dump = []
    starts: set[int] = set()
    for post in posts:
        if dump:
            starts.add(len(dump) + 1)
        dump.extend(post)
    return dump, starts


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
            result.append(joined([without_blank_lines(p) for p in order[position : position + size]]))
            position += size
    return result


def reordered_dumps(
    truth: dict, read_lines: Callable[[str], Sequence[str]], seed: int, variants: int
) -> list[tuple[Dump, set[int]]]:
    """Each listing dump with its own posts in another order, blank lines removed.

    A listing page holds posts of one category or month, so neighbours share a
    subject more often than in archives shuffled across dumps: the harder and
    likelier case of "the same pages, another order".
    """
    rng = random.Random(seed)
    groups = [posts_of(read_lines(name), sorted(truth[name]["starts"])) for name in truth_dumps(truth, "listing")]
    result: list[tuple[Dump, set[int]]] = []
    for _ in range(variants):
        for group in groups:
            order = [without_blank_lines(post) for post in group]
            rng.shuffle(order)
            result.append(joined(order))
    return result


def _summed(a, b):
    """Two scores of one kind added field by field (counts, examples, nested scores)."""
    return type(a)(*(getattr(a, f.name) + getattr(b, f.name) for f in fields(a)))


Splitter = Callable[[list[Dump]], list[set[int]]]


def default_splitter(
    cues: SplitCues, threshold: float = DEFAULT_THRESHOLD, page: PageFurniture = NO_FURNITURE
) -> Splitter:
    """The migration's own splitter over a set of dumps (vocabulary shared, the page's furniture read as in a
    real run: layout leftovers and tag lines skipped, bylines read as stamps)."""

    def split(dumps: list[Dump]) -> list[set[int]]:
        vocabulary = Vocabulary([line for dump in dumps for line in dump])
        lines = with_recurring_leftovers([content_lines(list(enumerate(dump, 1)), page) for dump in dumps])
        return [{s.start for s in spans[1:]} for spans in split_dumps(lines, vocabulary, cues, threshold=threshold)]

    return split


def _split_in_groups(
    archives: list[tuple[Dump, set[int]]], split: Splitter, group: int
) -> Iterator[tuple[Dump, set[int], set[int]]]:
    """(dump, true starts, found starts), ``split`` run ``group`` dumps at a time as one archive."""
    for i in range(0, len(archives), group):
        batch = archives[i : i + group]
        for (dump, truth), found in zip(batch, split([d for d, _ in batch]), strict=True):
            yield dump, truth, found


def score_splitter(archives: list[tuple[Dump, set[int]]], split: Splitter, group: int = 4) -> SplitScore:
    """Run ``split`` over the archives ``group`` dumps at a time and count errors."""
    score = SplitScore()
    for dump, truth, found in _split_in_groups(archives, split, group):
        score.add(truth, found, dump)
    return score


def read_posts(folder: Path) -> list[Post]:
    """One post per ``*.txt`` file of a folder, title first (e.g. posts no weight was fitted on)."""
    return [path.read_text(encoding="utf-8").splitlines() for path in sorted(folder.glob("*.txt"))]


def score_unseen(
    known: list[Post], unseen: list[Post], seeds: Sequence[int], variants: int, split: Splitter, group: int = 4
) -> SplitScore:
    """Errors on the ``unseen`` posts only, shuffled in among the ``known`` ones.

    The weights were chosen on the known posts, so their figures flatter the
    splitter; posts it never saw say how it does on the next archive. Counted:
    an unseen post's start missed, and a split inside an unseen post.
    """
    titles = {post[0] for post in unseen}
    score = SplitScore()
    archives = [a for seed in seeds for a in shuffled_archives([*known, *unseen], seed, variants)]
    for dump, truth, found in _split_in_groups(archives, split, group):
        edges = sorted(truth | {1, len(dump) + 1})
        spans = [(a, b) for a, b in zip(edges, edges[1:], strict=False) if dump[a - 1] in titles]
        if spans:
            inside = {n for n in found if any(a <= n < b for a, b in spans)}
            score.add({a for a, _ in spans if a > 1}, inside, dump)
    return score


@dataclass
class MadeArchive:
    """An archive made like the legacy one: a few listing dumps of shuffled posts, no blank
    lines, and one post copied into a second dump (a listing page saved twice)."""

    dumps: dict[str, Dump]  # file name -> lines
    starts: dict[str, set[int]]  # file name -> true post starts other than line 1
    copied_title: str


def made_archives(posts: list[Post], seed: int, count: int, n_dumps: int = 5) -> list[MadeArchive]:
    """``count`` archives of ``n_dumps`` listing dumps each, every known post once plus one copy."""
    rng = random.Random(seed)
    archives = []
    for number in range(count):
        order = [without_blank_lines(p) for p in posts]
        rng.shuffle(order)
        cuts = sorted(rng.sample(range(1, len(order)), n_dumps - 1))
        groups = [order[a:b] for a, b in zip([0, *cuts], [*cuts, len(order)], strict=True)]
        source = rng.randrange(n_dumps)
        target = (source + 1 + rng.randrange(n_dumps - 1)) % n_dumps
        copied = rng.choice(groups[source])
        groups[target].insert(rng.randrange(len(groups[target]) + 1), copied)
        dumps: dict[str, Dump] = {}
        starts: dict[str, set[int]] = {}
        for index, group in enumerate(groups):
            name = f"{seed}-{number}-{index}.txt"
            dumps[name], starts[name] = joined(group)
        archives.append(MadeArchive(dumps, starts, copied[0]))
    return archives


def with_leftovers(posts: list[Post], leftovers: Sequence[str], seed: int, share: float = 0.5) -> list[Post]:
    """The posts with a line left from the old site's layout (a label, the tags, a caption: one of
    ``leftovers``) under ``share`` of them. The line belongs to the post above it."""
    rng = random.Random(seed)
    return [[*post, rng.choice(leftovers)] if rng.random() < share else post for post in posts]


STAMP_PLACES = ("above", "under", "after")  # the title, or "after": under the post


def with_date_stamps(posts: list[Post], stamps: Sequence[str], where: str) -> list[Post]:
    """Each post with its date stamp (``stamps[i]`` for post i) where a saved listing page prints it:
    above the title, under it, or after the post (one of ``STAMP_PLACES``)."""
    placed = {
        "above": lambda post, stamp: [stamp, *post],
        "under": lambda post, stamp: [post[0], stamp, *post[1:]],
        "after": lambda post, stamp: [*post, stamp],
    }[where]
    return [placed(post, stamp) for post, stamp in zip(posts, stamps, strict=True)]


def read_listed(path: Path) -> list[str]:
    """The items of a file that lists one per line (layout leftovers, the sealed sets); blank lines and lines
    starting with ``#`` (comments) are skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@dataclass
class MigrationScore:
    """What the whole migration got right on made archives: splits, the copy, the document."""

    archives: int = 0
    copies_found: int = 0
    documents_found: int = 0
    perfect: int = 0  # archives split without a single boundary error
    splits: SplitScore = field(default_factory=SplitScore)
    # The plan's review list (review.review_first) is where an editor finds the errors left: how many
    # posts it lists, and how many boundary errors lie in them (a false split at a listed post's first
    # line, a missed title inside a listed post).
    posts: int = 0
    posts_listed: int = 0
    errors_listed: int = 0

    def __add__(self, other: MigrationScore) -> MigrationScore:
        return _summed(self, other)

    def summary(self) -> str:
        return (
            f"{self.archives} arkiv: dubbletten hittad i {self.copies_found}, dokumentet känt igen i "
            f"{self.documents_found}, alla gränser rätt i {self.perfect}; {self.splits.summary()}; "
            f"granskningslistan: {self.posts_listed} av {self.posts} inlägg, {self.errors_listed} av "
            f"{self.splits.errors} fel"
        )


def score_migration(archives: list[MadeArchive], document: LegacyDump, rules: MigrationRules) -> MigrationScore:
    """Plan the migration of each made archive (plus the document dump) as the CLI would, and score it."""
    score = MigrationScore()
    for archive in archives:
        dumps = [LegacyDump.from_lines(name, lines) for name, lines in archive.dumps.items()]
        plan = plan_migration([*dumps, document], rules).plan
        listed = {(entry["file"], entry["lines"]) for entry in plan.summary["review_first"]}
        errors_before = score.splits.errors
        for source in plan.sources:
            if source.file == document.name:
                score.documents_found += [p.kind for p in source.posts] == ["document"]
                continue
            found = {post.first for post in source.posts} - {1}
            score.splits.add(archive.starts[source.file], found, archive.dumps[source.file])
            _score_review_list(score, source, archive.starts[source.file], listed)
        copies = [p for s in plan.sources for p in s.posts if p.title == plain(archive.copied_title)]
        score.copies_found += len(copies) == 2 and sum(bool(p.duplicate_of) for p in copies) == 1
        score.perfect += score.splits.errors == errors_before
        score.archives += 1
    return score


def _score_review_list(
    score: MigrationScore, source: SourcePlan, truth: set[int], listed: set[tuple[str, str]]
) -> None:
    """Count one dump's posts on the review list, and the boundary errors in them."""
    for post in source.posts:
        on_list = (source.file, post.lines) in listed
        wrong = (post.first != 1 and post.first not in truth) + sum(post.first < n <= post.last for n in truth)
        score.posts += 1
        score.posts_listed += on_list
        score.errors_listed += wrong if on_list else 0
