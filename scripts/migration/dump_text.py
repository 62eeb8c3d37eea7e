"""A dump's content lines and the word statistics that post splitting asks of them.

Blank lines carry nothing and an invisible-character line is only a
separator, so the splitter works on content lines. How alike two runs of
lines are, and whether a run uses a word, is asked tens of thousands of
times while splitting: ``DumpText`` answers both quickly.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import accumulate, islice
from operator import add

from .body import legacy_tags, numbered_roles, plain
from .dating import MAX_LOWER_CASE_DATELINE_WORDS, dateline_date
from .lines import (
    NO_FURNITURE,
    LineKind,
    PageFurniture,
    classify,
    content_stems,
    heading_shaped,
    is_byline,
    is_caption,
    is_filing_line,
    is_listed_noise,
    names_someone,
    normalised_line,
    without_definite_an,
    without_framing_pictographs,
    without_hidden,
    words,
)

SHORT_TITLE_WORDS = 4  # titles of up to four words say little by themselves (see title_cues, "long")
# A line shaped like a layout leftover that recurs under this many posts of a dump, a heading after it
# nearly every time, is where the old site's page put a line under each post: a separator.
MIN_RECURRING_LEFTOVERS = 3
RECURRING_BEFORE_HEADING = 2 / 3
MIN_LEAD_CHARS = 60  # a line of running text (a title's lead, the end of a post), not a label or a heading


def title_shaped(text: str, kind: LineKind) -> bool:
    """Could a line of this kind be a post's title? Headings, and "Subject: phrase" lines shaped like one."""
    return kind == LineKind.HEADING or (kind == LineKind.FACT and heading_shaped(text))


@dataclass(frozen=True)
class ContentLine:
    number: int  # 1-based line number in the dump
    text: str
    kind: LineKind
    after_separator: bool = False  # an invisible-only line came just before
    under_posts: bool = False  # a line the old site's page printed under each post (see recurring_leftovers)

    @property
    def title_shaped(self) -> bool:
        """Could this line be a post's title? See ``title_shaped``."""
        return title_shaped(self.text, self.kind)

    @property
    def leftover_shaped(self) -> bool:
        """Is this line shaped like a leftover of the old site's layout ("Dela", "Kategorier: …"): a
        "Key: value" line, a caption, a stamp or a heading of up to four words? Whether it is one depends on what stands
        around it (title_cues._leftover_before, copies._past_leftovers, recurring_leftovers)."""
        return self.kind in (LineKind.FACT, LineKind.DATELINE, LineKind.FURNITURE) or (
            self.kind == LineKind.HEADING and len(words(self.text)) <= SHORT_TITLE_WORDS
        )


# Letters two stems must share from the start to count as one word's kin: a derived word ("digital",
# "digitaliseringen") or a compound on the same first part ("kvalitetsarbete", "kvalitetsutvecklingen"),
# which the stemmer leaves apart. A title's words recur in the text after it as kin too (see
# title_cues.occurrences). Seeds 1-3 x 40: known posts shuffled 29 + 1 -> 27 + 0, set1-set12 alone
# 249 -> 218 errors, mixed in 428 -> 402; six letters did the same, eight and nine found fewer of the
# sets' titles (alone 225, mixed 424).
SHARED_BEGINNING = 7
# How much a word weighs in its kin's count when two runs of lines are compared (DumpText): a post's
# sections share its subject's kin. Seeds 1-3 x 40: known posts 27 + 0 -> 25 + 0, set1-set12 alone
# 218 -> 200 errors, mixed in 402 -> 396; made archives 72 -> 67 errors of 7,200. set15's long report
# was cut more alone (41 -> 53; mixed 33 -> 28). At 0.3 every figure moved less; at 1 the sets alone did
# far better (139) but the known posts worse (33 + 0, and one more error on the archive).
KIN_WEIGHT = 0.5


def kin(stem: str) -> str | None:
    """The token a stem shares with its kin (its first SHARED_BEGINNING letters), or None if it is
    too short to tell kin from chance."""
    return "~" + stem[:SHARED_BEGINNING] if len(stem) >= SHARED_BEGINNING else None


class Vocabulary:
    """Inverse document frequency of stems, and of their kin (see kin), over the dumps being migrated.

    Words that occur everywhere in an archive ("kommun" in a municipality's
    blog) say nothing about where a post ends; rare words say a lot.
    """

    def __init__(self, texts: list[str]) -> None:
        frequency: Counter = Counter()
        count = 0
        for text in texts:
            stems = set(content_stems(text))
            if stems:
                count += 1
                frequency.update(stems)
                frequency.update({kin(stem) for stem in stems} - {None})
        self._unseen = math.log(max(count, 1) + 1)
        self._idf = {stem: max(0.0, math.log((count + 1) / n) - 1.0) for stem, n in frequency.items()}

    def idf(self, stem: str) -> float:
        return self._idf.get(stem, self._unseen)

    def share(self, stems: set[str], present) -> float:
        """IDF-weighted share of ``stems`` for which ``present(stem)`` holds."""
        total = sum(self.idf(s) for s in stems)
        return sum(self.idf(s) for s in stems if present(s)) / total if total else 0.0


# A word that recurs within this many (content) lines of itself is a subject being written
# about, not a passing mention: each occurrence weighs once more for every other occurrence that
# near (0 lines: plain IDF-weighted counts). A post's subject words then dominate its text, and a
# section shares them with the rest of its post. How well the cosine of the parts either side tells
# titles from subheadings (AUC on shuffled archives of the known posts / of the open sets): 0.84 /
# 0.75 with plain counts, 0.93 / 0.79 at 4 lines; 3 and 5 lines gave about the same, 10 and 20
# less. Squared counts per run gave 0.92 / 0.78, but then a run's text is no longer the sum of its
# lines' (see DumpText).
BURST_LINES = 4

# Runs of lines this close are compared from a table (see DumpText). On listing dumps of the
# archive's posts, no pair of runs the split search compares spans more.
NEAR_LINES = 256


def _with_kin(stems: tuple[str, ...]) -> Counter:
    """A line's stem counts, and its words' kin at ``KIN_WEIGHT`` each (see kin)."""
    counts = Counter(stems)
    for stem in stems:
        if token := kin(stem):
            counts[token] += KIN_WEIGHT
    return counts


class DumpText:
    """A dump's content lines, indexed for what the split search asks of runs of them.

    How alike two runs are is asked tens of thousands of times. A run's text is
    the sum of its lines' IDF-weighted stem counts (``BURST_LINES``), a word's kin
    counted beside it (``KIN_WEIGHT``), so the dot product of two
    runs is the sum of the dot products of their line pairs; summed into a
    two-dimensional prefix table, each answer takes constant time. Which lines
    hold a stem is kept too, so "does this post use the word?" needs no
    rereading of the post.

    The split search only compares runs that lie close together (a post and
    its neighbours), so one table over the whole dump, (n + 1)² numbers, is
    not needed: a 6,000-line dump took 400 MB. Tables cover overlapping
    windows of ``2 * NEAR_LINES`` lines, built when first asked; two runs that
    no window holds are summed stem by stem.
    """

    def __init__(self, lines: list[ContentLine], vocabulary: Vocabulary) -> None:
        self.lines = lines
        self.vocabulary = vocabulary
        self.stems = [content_stems(line.text) for line in lines]
        counts = [_with_kin(stems) for stems in self.stems]
        self._where: dict[str, list[int]] = {}  # lines of each token, in step with its postings
        self._without_an: dict[str, list[int]] = {}  # lines of each word that had a definite "-an" on
        for i, line_counts in enumerate(counts):
            for stem in line_counts:
                self._where.setdefault(stem, []).append(i)
            for base in dict.fromkeys(filter(None, map(without_definite_an, self.stems[i]))):
                self._without_an.setdefault(base, []).append(i)
        weights = [
            {stem: count * vocabulary.idf(stem) * self._burst(stem, i, counts) for stem, count in line_counts.items()}
            for i, line_counts in enumerate(counts)
        ]
        self._weights = weights
        postings: dict[str, list[tuple[int, float]]] = {}
        for i, line_weights in enumerate(weights):
            for stem, weight in line_weights.items():
                postings.setdefault(stem, []).append((i, weight))
        self._postings = postings
        self._tables: dict[int, list[array]] = {}

    def _burst(self, stem: str, i: int, counts: list[Counter]) -> int:
        """1, and 1 more for each time the stem occurs on the other lines within BURST_LINES of line ``i``."""
        where = self._where[stem]
        low, high = bisect_left(where, i - BURST_LINES), bisect_left(where, i + BURST_LINES + 1)
        return 1 + sum(counts[j][stem] for j in where[low:high] if j != i)

    def _table(self, origin: int) -> list[array]:
        """table[i][j]: the dot products of lines origin + i' (i' < i) with lines origin + j' (j' < j),
        summed, over the window of 2 * NEAR_LINES lines from ``origin``. Built a row at a time from
        the postings, so only the table itself is held."""
        end = min(origin + 2 * NEAR_LINES, len(self.lines))
        size = end - origin
        table = [array("d", bytes(8 * (size + 1)))]
        for i in range(origin, end):
            row = array("d", bytes(8 * size))  # line i's dot product with every line of the window
            for stem, wi in self._weights[i].items():
                where = self._where[stem]
                for j, wj in self._postings[stem][bisect_left(where, origin) : bisect_left(where, end)]:
                    row[j - origin] += wi * wj
            # current[j + 1] = above[j + 1] + sum(row[: j + 1]), summed in C (the same sums, in the same order)
            current = array("d", [0.0])
            current.extend(map(add, islice(table[-1], 1, None), accumulate(row)))
            table.append(current)
        self._tables[origin] = table
        return table

    def _window(self, low: int, high: int) -> tuple[list[array], int] | None:
        """The table whose window holds lines [low, high), and its first line; None if none does."""
        origin = low - low % NEAR_LINES  # any run of up to NEAR_LINES lines fits from here
        table = self._tables.get(origin) or self._table(origin)
        return (table, origin) if high - origin < len(table) else None

    def dot(self, a: int, b: int, c: int, d: int) -> float:
        """Dot product of the runs of lines [a, b) and [c, d)."""
        window = self._window(min(a, c), max(b, d))
        if window is None:
            return self._far_dot(a, b, c, d)
        t, origin = window
        a, b, c, d = a - origin, b - origin, c - origin, d - origin
        return t[b][d] - t[a][d] - t[b][c] + t[a][c]

    def _far_dot(self, a: int, b: int, c: int, d: int) -> float:
        first, second = Counter(), Counter()
        for i in range(a, b):
            first.update(self._weights[i])
        for j in range(c, d):
            second.update(self._weights[j])
        return sum(weight * second[stem] for stem, weight in first.items() if stem in second)

    def cosine(self, a: int, b: int, c: int, d: int) -> float:
        window = self._window(a if a < c else c, b if b > d else d)
        if window is None:
            norms = self.dot(a, b, a, b) * self.dot(c, d, c, d)
            return self.dot(a, b, c, d) / math.sqrt(norms) if norms > 1e-12 else 0.0
        # The split search's inner loop: the three products from one window, each row looked up once.
        t, origin = window
        a, b, c, d = a - origin, b - origin, c - origin, d - origin
        ta, tb, tc, td = t[a], t[b], t[c], t[d]
        norms = (tb[b] - ta[b] - tb[a] + ta[a]) * (td[d] - tc[d] - td[c] + tc[c])
        return (tb[d] - ta[d] - tb[c] + ta[c]) / math.sqrt(norms) if norms > 1e-12 else 0.0

    def holds(self, stem: str, a: int, b: int) -> bool:
        """Does a line in [a, b) hold the stem, or the same word with or without a definite "-an"?"""
        base = without_definite_an(stem)
        return (
            _any_within(self._where.get(stem, ()), a, b)
            or _any_within(self._without_an.get(stem, ()), a, b)
            or (base is not None and _any_within(self._where.get(base, ()), a, b))
        )

    def counts(self, a: int, b: int) -> Counter:
        """Stem counts of the lines [a, b)."""
        return Counter(s for stems in self.stems[a:b] for s in stems)


def _any_within(lines: list[int], a: int, b: int) -> bool:
    """Is one of the (sorted) line numbers in [a, b)?"""
    k = bisect_left(lines, a)
    return k < len(lines) and lines[k] < b


def content_lines(numbered: list[tuple[int, str]], page: PageFurniture = NO_FURNITURE) -> list[ContentLine]:
    """Drop blank lines and the layout leftovers the rules file lists (``page``); remember where an invisible
    separator line or a line of decoration ("***") stood.

    A leftover ("Blogg", a share button's "Facebook") is no candidate title,
    and the line after it is judged by the text before it. It is not a
    separator: on the archive "Blogg" stands inside a post. It stays in the
    post's line range and is dropped, with its reason, when the post is written.
    So is the page's tag line under a post ("Taggar: öppna data, webb", labelled
    as ``tag_labels`` say; ``body.legacy_tags``), whose tags the post is given:
    shaped like a "Subject: phrase" title and sharing the next post's words, it
    was taken for its title.

    A "Name, role" line right under a signature is a second signer: it closes
    the post too, and is no candidate title. A date stamp ("Publicerat 12 mars
    2015 av Anna") or a byline ("Av Anna Ek") is no title either, and the lines
    around it are read past it; nor is an image's caption ("Bild: …") or the line
    saying where the post was filed ("Publicerat i Nyheter"). Lines that
    count up one after another ("1. …", "2. …") are a list's items.

    Furniture the rules do not list is found where it recurs under posts, over all of an archive's dumps:
    ``with_recurring_leftovers``, which the splitter's callers run on the dumps this returns.
    """
    result: list[ContentLine] = []
    separator = False
    for number, raw in numbered:
        kind = classify(raw)
        # As a reader sees it, one plain space between words: a page saved with non-breaking or doubled
        # spaces between words ("Välkommen\u00a0att kontakta …") hid the rules' phrases.
        text = plain(without_framing_pictographs(without_hidden(raw)))
        if kind == LineKind.BLANK or is_listed_noise(text, page.noise_lines):
            continue
        if kind == LineKind.FACT and legacy_tags(text, page.tag_labels) is not None:
            continue
        # A line of decoration ("***", "– – –") parts as an invisible line does: it holds no words to read.
        if kind in (LineKind.INVISIBLE, LineKind.SEPARATOR):
            separator = True
            continue
        # A stamp after a sign-off names its writer too ("Av Anna Ek, 12 mars 2015"), but it belongs to the next post.
        if is_stamp(text, kind, page):
            kind = LineKind.DATELINE
        elif (kind == LineKind.FACT and is_caption(text, page.caption_labels)) or (
            kind in (LineKind.HEADING, LineKind.FACT, LineKind.TEXT) and is_filing_line(text, page.filing_labels)
        ):
            kind = LineKind.FURNITURE
        elif kind == LineKind.HEADING and result and result[-1].kind == LineKind.SIGNATURE and names_someone(text):
            kind = LineKind.SIGNATURE
        result.append(ContentLine(number, text, kind, separator))
        separator = False
    result = without_spacing_separators(result)
    # Lines that count up one after another ("1. …", "2. …") are an ordered list's items, as the post's body
    # writes them: read as bullets, not as headings over one another.
    items = {i for i, role in numbered_roles([line.text for line in result]).items() if role == "item"}
    return [replace(line, kind=LineKind.BULLET) if i in items else line for i, line in enumerate(result)]


def without_spacing_separators(lines: list[ContentLine]) -> list[ContentLine]:
    """``lines`` with no separator where invisible lines stand between paragraph after paragraph.

    A line holding only a non-breaking space parts two posts where it stands alone; a page that put one
    between every paragraph (an editor's empty paragraphs) spaced its text with them, and they part nothing.
    A separator counts only where the lines next to it have none. Made archives of the known posts with one
    in place of every blank line (seed 7 × 20): 3 + 116 boundary errors of 400 while every one counted.
    """
    spaced = {
        i
        for i, line in enumerate(lines)
        if line.after_separator
        and ((i > 0 and lines[i - 1].after_separator) or (i + 1 < len(lines) and lines[i + 1].after_separator))
    }
    return [replace(line, after_separator=False) if i in spaced else line for i, line in enumerate(lines)]


def stamps_date(text: str, kind: LineKind) -> bool:
    """Is a line of this kind a date stamp ("Publicerat 12 mars 2015 av Anna", "Publicerad: 2015-03-12"):
    shaped like a title, and a date with a few words (dating.dateline_date)? A stamp in lower case ("den 12 mars
    2015") is read as running text; it is one if the date is nearly all of it."""
    if title_shaped(text, kind):
        return dateline_date(text) is not None
    return kind == LineKind.TEXT and dateline_date(text, MAX_LOWER_CASE_DATELINE_WORDS) is not None


def is_stamp(text: str, kind: LineKind, page: PageFurniture) -> bool:
    """Is a line of this kind one of the page's stamps over or under a title: a date (stamps_date) or a byline
    (stamps_author)? The splitter reads it as a DATELINE; the plan keeps one above a title with its post."""
    return stamps_date(text, kind) or stamps_author(text, kind, page.byline_labels)


def stamps_author(text: str, kind: LineKind, byline_labels: frozenset[str]) -> bool:
    """Is a line of this kind a page's byline ("Av Anna Ek"; lines.is_byline)? Read as a date stamp is: no
    title, and the lines around it read past it. Under every title it was the best title in sight, above
    every title each post began a line late."""
    return kind in (LineKind.HEADING, LineKind.FACT, LineKind.TEXT) and is_byline(text, byline_labels)


def recurring_leftovers(dumps: Sequence[list[ContentLine]]) -> set[tuple[int, int]]:
    """(dump, line) indexes of the lines the old site's page left under each post ("Dela på Facebook",
    "Kategorier: …"): a leftover-shaped line found ``MIN_RECURRING_LEFTOVERS`` times or more in the dumps, a
    heading after it nearly every time.

    A generic subheading ("Bakgrund") recurs too, with text under it; a contact prompt with contact
    details. Made archives of the known posts with one such line under every post (seed 7 × 20):
    "Kategorier: …" 10 + 4 boundary errors of 400, 4 + 2 with the separator; "Skriv ut" 7 + 3, 3 + 2.
    Mixed leftovers under half of the posts (seeds 7, 55, 101 × 40): 54 + 18 of 2,400, 47 + 14; the
    known posts without leftovers and the open sets did not move (no line of theirs is one).

    The dumps of one archive are pages of one site, which printed the same furniture on each: counted over
    them all (stop 44), a line under a few posts of each dump is found too. Mixed leftovers under half of
    the posts (seeds 7, 55, 101 × 40): 29 + 1 counted per dump, 24 + 0 over the archive; the archive, the
    known posts and the open sets did not move. Over the dumps a line counts once per different line of
    running text above it (``_text_above``): furniture stands under different posts, while a post copied
    into other dumps brings its own short lines with it ("Relaterad läsning" over a list of titles, in
    three dumps of set7's posts, was taken for furniture: 6 errors of 58 instead of 1). The lines of a
    block of furniture ("Dela:", "Facebook", "Twitter") all stand under the text of the post it ends. In
    one dump, where no post is found twice, every time counts, as before.
    """
    places: dict[str, list[tuple[int, int]]] = {}
    for d, lines in enumerate(dumps):
        for i, line in enumerate(lines):
            if line.leftover_shaped:
                places.setdefault(normalised_line(line.text), []).append((d, i))
    found: set[tuple[int, int]] = set()
    for indexes in places.values():
        in_one_dump = max(Counter(d for d, _ in indexes).values())
        under = {_text_above(dumps[d], i) for d, i in indexes}
        recurs = max(in_one_dump, len(under)) >= MIN_RECURRING_LEFTOVERS
        before_heading = sum(i + 1 < len(dumps[d]) and dumps[d][i + 1].kind == LineKind.HEADING for d, i in indexes)
        if recurs and before_heading >= RECURRING_BEFORE_HEADING * len(indexes):
            found.update(indexes)
    return found


def _text_above(lines: list[ContentLine], index: int) -> str:
    """The first line of running text above ``index`` (normalised; "" at a dump's start): the end of the post
    a line of furniture, or a block of it ("Dela:", "Facebook", "Twitter"), stands under."""
    above = index - 1
    while above >= 0 and len(lines[above].text) < MIN_LEAD_CHARS:
        above -= 1
    return normalised_line(lines[above].text) if above >= 0 else ""


def with_recurring_leftovers(dumps: Sequence[list[ContentLine]]) -> list[list[ContentLine]]:
    """The dumps with each recurring leftover (``recurring_leftovers``) marked as printed under posts, and the
    line after it read as after a separator (an invisible line): where a post ended on the old site's page."""
    found = recurring_leftovers(dumps)

    def marked(d: int, i: int, line: ContentLine) -> ContentLine:
        if (d, i) in found:
            return replace(line, under_posts=True)
        return replace(line, after_separator=True) if (d, i - 1) in found else line

    return [[marked(d, i, line) for i, line in enumerate(lines)] for d, lines in enumerate(dumps)]
