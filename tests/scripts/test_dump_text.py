"""How alike runs of a dump's lines are: the windowed tables answer as a direct sum would."""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest
from migration import dump_text
from migration.dump_text import DumpText, Vocabulary, content_lines

# "datan" and "frågan" beside "data" and "fråga": a definite "-an" is indexed apart (DumpText.holds).
WORDS = "budget skola omsorg hemtjänst biblioteket invånare servicecenter öppna data datan fråga frågan mätning".split()


def _dump(count: int, seed: int = 3) -> DumpText:
    rng = random.Random(seed)
    texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 9))) + "." for _ in range(count)]
    lines = content_lines(list(enumerate(texts, 1)))
    return DumpText(lines, Vocabulary(texts))


def _direct_dot(text: DumpText, a: int, b: int, c: int, d: int) -> float:
    """The product summed token by token over the two runs' weighted counts. A line's tokens are its
    stems, and each stem's kin at KIN_WEIGHT; each token weighs its IDF, once more for every time it
    occurs on the other lines within BURST_LINES."""
    near = dump_text.BURST_LINES

    def tokens(i: int) -> Counter:
        counts = Counter(text.stems[i])
        for stem in text.stems[i]:
            if dump_text.kin(stem):
                counts[dump_text.kin(stem)] += dump_text.KIN_WEIGHT
        return counts

    lines = [tokens(i) for i in range(len(text.stems))]

    def run(start: int, end: int) -> Counter:
        weights: Counter = Counter()
        for i in range(start, end):
            for token, count in lines[i].items():
                others = sum(lines[j][token] for j in range(i - near, i + near + 1) if j != i and 0 <= j < len(lines))
                weights[token] += count * text.vocabulary.idf(token) * (1 + others)
        return weights

    first, second = run(a, b), run(c, d)
    return sum(weight * second[token] for token, weight in first.items())


@pytest.fixture
def small_windows(monkeypatch):
    """Windows of 2 × 8 lines, so a 60-line dump has many and most runs cross one."""
    monkeypatch.setattr(dump_text, "NEAR_LINES", 8)


def test_runs_near_and_far_apart_get_the_direct_products(small_windows):
    text = _dump(60)
    rng = random.Random(5)
    for _ in range(400):
        a, b, c, d = sorted(rng.randint(0, 60) for _ in range(4))
        a, b = min(a, b), max(a, b)
        for runs in ((a, b, c, d), (a, c, b, d), (a, b, a, b), (c, d, a, b)):
            assert text.dot(*runs) == pytest.approx(_direct_dot(text, *runs), abs=1e-9)
        norms = _direct_dot(text, a, b, a, b) * _direct_dot(text, c, d, c, d)
        expected = _direct_dot(text, a, b, c, d) / math.sqrt(norms) if norms > 1e-12 else 0.0
        assert text.cosine(a, b, c, d) == pytest.approx(expected, abs=1e-9)


def test_no_table_spans_the_whole_of_a_long_dump(small_windows):
    """A table over the whole dump grows with the square of its lines (400 MB at 6,000 lines)."""
    text = _dump(60)
    for a in range(0, 56, 3):
        text.cosine(a, a + 2, a + 2, a + 4)
    assert len(text._tables) >= 60 // 8 - 1
    assert max(len(table) for table in text._tables.values()) <= 2 * 8 + 1


def test_a_dump_within_one_window_is_one_table():
    text = _dump(40)
    assert text.cosine(0, 10, 10, 40) == pytest.approx(
        _direct_dot(text, 0, 10, 10, 40)
        / math.sqrt(_direct_dot(text, 0, 10, 0, 10) * _direct_dot(text, 10, 40, 10, 40)),
        abs=1e-9,
    )
    assert list(text._tables) == [0]


def test_a_run_holds_a_word_with_or_without_its_definite_an():
    """ "Vad gör vi med datan?" uses a word its post used as "data": asked whether a post uses a word,
    the splitter must answer yes both ways, and no for a word that only begins alike."""
    texts = ["Vi delar data om luften.", "Frågan kom från en skola.", "Vad gör vi med datan?", "Planen är klar."]
    text = DumpText(content_lines(list(enumerate(texts, 1))), Vocabulary(texts))
    (datan,) = text.stems[2]
    assert text.holds(datan, 0, 1)  # "datan" asked of a line with "data"
    (data,) = [s for s in text.stems[0] if s.startswith("dat")]
    assert text.holds(data, 2, 3)  # "data" asked of a line with "datan"
    assert not text.holds(datan, 1, 2) and not text.holds(data, 1, 2)
    fraga = next(s for s in text.stems[1] if s.startswith("fråg"))
    assert not text.holds(fraga, 0, 1) and text.holds(fraga, 1, 2)
    assert not text.holds(text.stems[3][0], 0, 3)  # "planen" is no "-an" form of anything above


def _shaped(texts: list[str]) -> list:
    return content_lines(list(enumerate(texts, 1)))


LEAD = "Kommunen bygger om torget i vår, och under tiden går bussarna från hållplatsen vid stationen."


@pytest.mark.parametrize("leftover", ["Dela på Facebook", "Kategorier: Nyheter, Trafik"])
def test_a_leftover_under_every_post_marks_the_next_title_as_after_a_separator(leftover):
    """The old site's page left the same line under each post: the line after it is read as after an
    invisible separator line; the leftover itself, and the lines inside posts, are not."""
    posts = [[f"Nyheter om torget del {n}", LEAD, f"Mer om bygget finns i planen, del {n}."] for n in range(1, 5)]
    (lines,) = dump_text.with_recurring_leftovers([_shaped([line for post in posts for line in (*post, leftover)])])
    after = {i for i, line in enumerate(lines) if line.after_separator}
    assert after == {4, 8, 12}  # the titles of the second, third and fourth post
    assert dump_text.recurring_leftovers([lines]) == {(0, 3), (0, 7), (0, 11), (0, 15)}
    assert {i for i, line in enumerate(lines) if line.under_posts} == {3, 7, 11, 15}


def test_a_leftover_under_a_few_posts_of_each_dump_is_found_over_the_whole_archive():
    """The dumps are pages of one site: a line it printed under two posts of one dump and one post of the
    next recurs three times in the archive, though in no dump alone. The title after each is read as after a
    separator; in one dump alone nothing is."""

    def post(n: int) -> list[str]:
        return [f"Nyheter om torget del {n}", f"{LEAD} Del {n} handlar om bygget vid torget.", "Skriv ut"]

    def dump(first: int, posts: int) -> list:
        return _shaped([line for n in range(first, first + posts) for line in post(n)][:-1])

    dumps = [dump(1, 3), dump(4, 2)]
    marked = dump_text.with_recurring_leftovers(dumps)
    assert [[i for i, line in enumerate(d) if line.after_separator] for d in marked] == [[3, 6], [3]]
    assert dump_text.recurring_leftovers(dumps) == {(0, 2), (0, 5), (1, 2)}
    alone = [dump_text.with_recurring_leftovers([d])[0] for d in dumps]  # two in a dump: no furniture alone
    assert not any(line.after_separator for d in alone for line in d)


def test_a_block_of_furniture_under_a_few_posts_of_each_dump_is_found_over_the_archive():
    """A share block ("Dela:", "Facebook", "Twitter") under two posts of each dump: each of its lines stands under
    the same line of the block, but under the running text of different posts."""

    def post(n: int) -> list[str]:
        return [
            f"Nyheter om torget del {n}",
            f"{LEAD} Del {n} handlar om bygget vid torget.",
            "Dela:",
            "Facebook",
            "Twitter",
        ]

    dumps = [_shaped([*post(first), *post(first + 1), *post(first + 2)[:2]]) for first in (1, 4)]
    marked = dump_text.with_recurring_leftovers(dumps)
    assert [[i for i, line in enumerate(d) if line.after_separator] for d in marked] == [[5, 10], [5, 10]]


@pytest.mark.parametrize("spacing", ["\u00a0", "***"])
def test_invisible_lines_between_every_paragraph_space_the_text_and_part_no_posts(spacing):
    """A page that put an empty paragraph between paragraph after paragraph: those lines part nothing, and no
    line after them is read as after a separator. One standing alone between two posts still parts them."""
    texts = ["Nyheter om torget", LEAD, "Mer om bygget i planen.", "Ny rubrik om bussarna", LEAD, "Mer om bussarna."]
    lines = _shaped([line for text in texts for line in (text, spacing)][:-1])
    assert len(lines) == len(texts) and not any(line.after_separator for line in lines)
    alone = _shaped(["Nyheter om torget", LEAD, f"Mer om bygget. {LEAD}", spacing, "Ny rubrik om bussarna", LEAD])
    assert [i for i, line in enumerate(alone) if line.after_separator] == [3]


def test_a_post_copied_into_other_dumps_brings_its_short_lines_but_they_are_no_furniture():
    """The same post in three dumps (a listing page per category): its "Relaterad läsning" over a list of
    titles recurs three times, a heading after it each time, but always under the same line. Page furniture
    stands under different posts."""
    copied = ["Cyklar i vinter", LEAD, "Relaterad läsning", "Nya cykelbanor i staden", "Vinterdäck till alla"]
    dumps = [_shaped([*copied, f"Nyheter om torget del {n}", LEAD]) for n in range(3)]
    assert dump_text.recurring_leftovers(dumps) == set()


@pytest.mark.parametrize(
    ("texts", "why"),
    [
        (
            ["Titel ett", "Bakgrund", LEAD, "Titel två", "Bakgrund", LEAD, "Titel tre", "Bakgrund", LEAD],
            "a generic subheading, text under it every time",
        ),
        (["Titel ett", LEAD, "Dela", "Titel två", LEAD, "Dela", "Titel tre", LEAD], "found twice only"),
        (
            ["Titel ett", LEAD, "Dela", "Titel två", LEAD, "Dela", LEAD, "Dela", LEAD],
            "a heading after it once in three",
        ),
    ],
)
def test_a_line_that_recurs_without_headings_after_it_or_too_seldom_marks_no_separator(texts, why):
    (lines,) = dump_text.with_recurring_leftovers([_shaped(texts)])
    assert not any(line.after_separator for line in lines), why


def test_a_title_shaped_date_stamp_is_a_dateline_and_a_dated_fact_in_running_text_is_not():
    kinds = [
        line.kind.value
        for line in _shaped(
            [
                "Torget byggs om",
                "Publicerat 12 mars 2015 av Anna",
                "Publicerad: 2015-03-12",
                "Datum: 12 mars 2015, klockan 13–16 i Aulan, anmälan senast den 1 mars till kansliet.",
                LEAD,
            ]
        )
    ]
    assert kinds == ["heading", "dateline", "dateline", "fact", "text"]


def test_a_stamp_in_lower_case_is_a_dateline_if_the_date_is_nearly_all_of_it():
    """A lower-case stamp ("den 12 mars 2015") is not shaped like a title; a short line of running text that names
    a day is not a stamp."""
    kinds = [
        line.kind.value
        for line in _shaped(
            [
                "Torget byggs om",
                "den 12 mars 2015",
                "torsdag den 12 mars 2015",
                "mars 12, 2015",
                "och invigs den 12 mars 2015 på torget",
                LEAD,
            ]
        )
    ]
    assert kinds == ["heading", "dateline", "dateline", "dateline", "text", "text"]
