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
from dataclasses import dataclass

from .lines import LineKind, classify, content_stems, heading_shaped, is_listed_noise, names_someone


@dataclass(frozen=True)
class ContentLine:
    number: int  # 1-based line number in the dump
    text: str
    kind: LineKind
    after_separator: bool = False  # an invisible-only line came just before

    @property
    def title_shaped(self) -> bool:
        """Could this line be a post's title? Headings, and "Subject: phrase" lines shaped like one."""
        return self.kind == LineKind.HEADING or (self.kind == LineKind.FACT and heading_shaped(self.text))


class Vocabulary:
    """Inverse document frequency of stems over the dumps being migrated.

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
        self._unseen = math.log(max(count, 1) + 1)
        self._idf = {stem: max(0.0, math.log((count + 1) / n) - 1.0) for stem, n in frequency.items()}

    def idf(self, stem: str) -> float:
        return self._idf.get(stem, self._unseen)

    def share(self, stems: set[str], present) -> float:
        """IDF-weighted share of ``stems`` for which ``present(stem)`` holds."""
        total = sum(self.idf(s) for s in stems)
        return sum(self.idf(s) for s in stems if present(s)) / total if total else 0.0


class DumpText:
    """A dump's content lines, indexed for what the split search asks of runs of them.

    How alike two runs are is asked tens of thousands of times. A run's text is
    the sum of its lines' IDF-weighted stem counts, so the dot product of two
    runs is the sum of the dot products of their line pairs; summed once into a
    two-dimensional prefix table, each answer takes constant time. Which lines
    hold a stem is kept too, so "does this post use the word?" needs no
    rereading of the post.
    """

    def __init__(self, lines: list[ContentLine], vocabulary: Vocabulary) -> None:
        self.lines = lines
        self.vocabulary = vocabulary
        self.stems = [content_stems(line.text) for line in lines]
        n = len(lines)
        weights = [
            {stem: count * vocabulary.idf(stem) for stem, count in Counter(stems).items()} for stems in self.stems
        ]
        postings: dict[str, list[tuple[int, float]]] = {}
        for i, line_weights in enumerate(weights):
            for stem, weight in line_weights.items():
                postings.setdefault(stem, []).append((i, weight))
        self._where = {stem: [i for i, _ in entries] for stem, entries in postings.items()}
        # table[i][j]: the dot products of lines i' < i with lines j' < j, summed. Built a row at a
        # time from the postings, so only the table itself is held: (n + 1)² numbers.
        self._table = [array("d", bytes(8 * (n + 1)))]
        for i in range(n):
            row = array("d", bytes(8 * n))  # line i's dot product with every line
            for stem, wi in weights[i].items():
                for j, wj in postings[stem]:
                    row[j] += wi * wj
            above, running = self._table[-1], 0.0
            current = array("d", [0.0])
            for j, value in enumerate(row):
                running += value
                current.append(above[j + 1] + running)
            self._table.append(current)

    def dot(self, a: int, b: int, c: int, d: int) -> float:
        """Dot product of the runs of lines [a, b) and [c, d)."""
        t = self._table
        return t[b][d] - t[a][d] - t[b][c] + t[a][c]

    def cosine(self, a: int, b: int, c: int, d: int) -> float:
        norms = self.dot(a, b, a, b) * self.dot(c, d, c, d)
        return self.dot(a, b, c, d) / math.sqrt(norms) if norms > 1e-12 else 0.0

    def holds(self, stem: str, a: int, b: int) -> bool:
        """Does a line in [a, b) hold the stem?"""
        where = self._where.get(stem, ())
        k = bisect_left(where, a)
        return k < len(where) and where[k] < b

    def counts(self, a: int, b: int) -> Counter:
        """Stem counts of the lines [a, b)."""
        return Counter(s for stems in self.stems[a:b] for s in stems)


def content_lines(numbered: list[tuple[int, str]], noise_lines: frozenset[str] = frozenset()) -> list[ContentLine]:
    """Drop blank lines and the layout leftovers the rules file lists; remember where an invisible
    separator line stood.

    A leftover ("Blogg", a share button's "Facebook") is no candidate title,
    and the line after it is judged by the text before it. It is not a
    separator: on the archive "Blogg" stands inside a post. It stays in the
    post's line range and is dropped, with its reason, when the post is written.

    A "Name, role" line right under a signature is a second signer: it closes
    the post too, and is no candidate title.
    """
    result: list[ContentLine] = []
    separator = False
    for number, text in numbered:
        kind = classify(text)
        if kind == LineKind.BLANK or is_listed_noise(text, noise_lines):
            continue
        if kind == LineKind.INVISIBLE:
            separator = True
            continue
        text = text.strip("\u00a0 \t")
        if kind == LineKind.HEADING and result and result[-1].kind == LineKind.SIGNATURE and names_someone(text):
            kind = LineKind.SIGNATURE
        result.append(ContentLine(number, text, kind, separator))
        separator = False
    return result
