"""Post splitting measured against the hand-checked boundaries.

These are regression guards with the figures measured when the splitter was
last changed (see scripts/evaluate_segmentation.py, and docs/post-splitting.md
for every figure and what each part of the splitter is worth); the goal stays
zero errors, and a change that makes splitting worse fails here. Post splitting is
three modules (``dump_text``, ``title_cues``, ``segmentation``); they are tested
together here because most cues only show their worth in the split they make.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace
from itertools import accumulate

import pytest
from conftest import LEGACY, ROOT
from migration import dump_text, segmentation, title_cues
from migration.dump_text import DumpText, Vocabulary, content_lines
from migration.evaluation import (
    STAMP_PLACES,
    SplitScore,
    default_splitter,
    read_posts,
    reordered_dumps,
    retitled_with_colon,
    score_splitter,
    score_unseen,
    shuffled_archives,
    truth_dumps,
    truth_posts,
    with_date_stamps,
)
from migration.lines import LineKind
from migration.rules import load_rules
from migration.segmentation import DumpSplitter, post_chars, split_dumps, split_posts, typical_post_chars
from migration.source import read_dump
from migration.title_cues import NO_CUES, WEIGHTS, candidate_features, occurrences

CUES = load_rules(ROOT / "data" / "migration-rules.yaml", None).split_cues


def _lines(name: str) -> list[str]:
    return list(read_dump(LEGACY / name).lines)


def test_the_archive_splits_with_at_most_the_measured_errors(truth):
    listings = truth_dumps(truth, "listing")
    score = SplitScore()
    found = default_splitter(CUES)([_lines(n) for n in listings])
    for name, starts in zip(listings, found, strict=True):
        score.add(set(truth[name]["starts"]) - {1}, starts, _lines(name))
    # Measured at stop 30: 0 missed, 0 false of 21 (without the cross-dump hints the CLI adds; 1 missed from
    # stop 23 to stop 29).
    assert score.errors == 0, score.summary() + "\n" + "\n".join(score.examples)


@pytest.mark.parametrize("seed", [11, 12])
def test_shuffled_archives_without_blank_lines_split_with_few_errors(truth, seed):
    archives = shuffled_archives(truth_posts(truth, _lines), seed=seed, variants=6)
    assert sum(len(starts) for _, starts in archives) > 100
    score = score_splitter(archives, default_splitter(CUES))
    # Measured at stop 23: 0.8 % and 1.7 % on these seeds (1.2 % on seeds 1–3 × 40). What each part of
    # the splitter is worth here: docs/post-splitting.md.
    assert score.errors / score.boundaries <= 0.04, score.summary() + "\n" + "\n".join(score.examples)


def test_each_dump_with_its_posts_in_another_order_splits_with_few_errors(truth):
    """The same listing pages, another order: neighbours on one page share a subject more often."""
    score = score_splitter(reordered_dumps(truth, _lines, seed=11, variants=6), default_splitter(CUES))
    assert score.boundaries > 100
    # Measured at stop 23: 3.2 % (2.1 % on seeds 1–3 × 40).
    assert score.errors / score.boundaries <= 0.05, score.summary() + "\n" + "\n".join(score.examples)


def _splitter(texts: list[str], others: list[str] | tuple[str, ...] = ()) -> DumpSplitter:
    """A splitter for ``texts``; the word weights come from ``others`` too, as from an archive's other posts."""
    return DumpSplitter(content_lines(list(enumerate(texts, 1))), Vocabulary([*texts, *others]), CUES)


def _split(texts: list[str], forced: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    lines = content_lines(list(enumerate(texts, 1)))
    return [(s.start, s.end) for s in split_posts(lines, Vocabulary(texts), CUES, forced)]


LEAD = "Det här är en vanlig brödtext som är tillräckligt lång för att räknas som ingress."


def test_a_forced_start_is_always_taken_and_posts_tile_the_dump():
    texts = ["Första rubriken", LEAD, LEAD, "Kort", LEAD, "Andra", LEAD]
    spans = _split(texts, frozenset({4}))
    assert [s for s, _ in spans][:2] == [1, 4]
    assert spans[-1][1] == len(texts)
    assert all(a[1] + 1 == b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_a_forbidden_start_is_never_taken_but_still_doubted():
    """A cut the post's copy in another dump does not have (copies.SharedRuns.splits_not_alike) is not taken
    however title-like the line, and the post is still listed as perhaps two."""
    texts = ["Första rubriken", LEAD, "Cykelbanorna byggs ut längs ån i år", LEAD, LEAD]
    lines = content_lines(list(enumerate(texts, 1)))
    assert [s.start for s in split_posts(lines, Vocabulary(texts), CUES)] == [1, 3]
    (span,) = DumpSplitter(lines, Vocabulary(texts), CUES, forbidden_starts=frozenset({3})).split()
    assert (span.start, span.end) == (1, 5)
    assert span.doubt is not None and span.doubt.number == 3
    forced_too = DumpSplitter(lines, Vocabulary(texts), CUES, frozenset({3}), forbidden_starts=frozenset({3}))
    assert [s.start for s in forced_too.split()] == [1, 3]  # a copy's edge is given: it is never forbidden
    split = split_dumps([lines, lines], Vocabulary(texts), CUES, forbidden_starts=[frozenset({3}), frozenset()])
    assert [[s.start for s in spans] for spans in split] == [[1], [1, 3]]


def test_where_a_copied_post_splits_inside_does_not_depend_on_the_post_before_it():
    """Between two forced starts (a copy's edges) the post's own text decides: the same copy after a post that
    reads like its last part, and after one that does not, is split alike (it was cut in the first dump only,
    the part cut off reading unlike the post before)."""
    copy = [
        "Biblioteket i Vivalla öppnar igen",
        "Efter ett halvår av ombyggnad öppnar biblioteket i Vivalla igen på måndag, med längre öppettider och "
        "en ny läshörna för barn och unga.",
        "Biblioteket har fått nya hyllor, fler datorer och ett rum där föreningar kan boka plats för möten och "
        "studiecirklar på kvällarna.",
        "Vi bygger cykelställ",
        "Till våren bygger vi en cykelparkering med tak vid entrén, och cykelbanan från centrum dras ända fram "
        "till dörren.",
    ]
    alike = [
        "Fler cykelbanor i city",
        "Kommunen bygger ut cykelbanorna i centrum och sätter upp nya cykelställ vid torget och stationen under "
        "sommaren.",
        "Cykelparkeringen vid stationen får tak och belysning, och cykelbanorna får ny beläggning där den är sliten.",
    ]
    unlike = [
        "Ny taxa för bygglov",
        "Från första januari gäller en ny taxa för bygglov, som ska göra avgifterna lättare att förstå för den som "
        "söker.",
        "Taxan bygger på hur lång tid handläggningen tar, och den som lämnar in en komplett ansökan betalar mindre.",
    ]
    after = ["Enkät om vår service", "Vi vill veta vad du tycker om hur vi svarar på e-post och i telefon."]

    def starts_inside_copy(before: list[str]) -> list[int]:
        first, end = len(before) + 1, len(before) + len(copy) + 1
        spans = _split([*before, *copy, *after], frozenset({first, end}))
        return [start - first for start, _ in spans if first < start < end]

    assert starts_inside_copy(alike) == starts_inside_copy(unlike)


def test_a_post_needs_running_text_so_a_trailing_caption_stays_with_its_post():
    caption = "En bildtext som står sist i ett inlägg"
    texts = ["Om cyklar i staden", LEAD, "Cyklar, cykelbanor och cykelparkering i staden", caption]
    assert content_lines(list(enumerate(texts, 1)))[-1].kind == LineKind.HEADING
    assert _split(texts) == [(1, 4)]


def test_contact_details_alone_are_no_post_so_a_contact_prompt_stays_with_the_post_above():
    contact = "Kontakta Eva Ek, projektledare, eva.ek@exempel.se, 010-123 45 67."
    texts = ["Nytt stöd till föreningarna", LEAD, "Vill du veta mer?", contact, "Cykelbanorna byggs ut i år", LEAD]
    splitter = _splitter(texts)
    assert len(contact) >= dump_text.MIN_LEAD_CHARS  # long enough to pass for running text by length
    assert not splitter.allowed(2, 4)  # the prompt and the contact line alone
    assert splitter.allowed(0, 4) and splitter.allowed(4, 6)
    assert _split(texts) == [(1, 4), (5, 6)]


@pytest.mark.parametrize("headings", [3, segmentation.MAX_HEADINGS_PER_POST + 10])
def test_a_dump_of_headings_only_is_one_post(headings):
    """No split gives every post running text; past the search's bound on headings per post (where one
    post over the whole dump is not even weighed) the dump is still one post."""
    assert _split([f"Rubrik nummer {n} i listan" for n in range(headings)]) == [(1, headings)]


def test_the_first_lines_of_a_dump_have_no_paragraph_above_to_end_a_post():
    """line_cues may be asked about any line; above line 1 there is only the dump's first line."""
    texts = ["Kort rubrik", "Kort rad", "Ny rubrik", LEAD]
    assert _features(texts, 1)["short_ending"] == 0.0


def test_an_empty_dump_has_no_posts():
    assert split_posts([], Vocabulary([])) == []


def _features(texts: list[str], index: int) -> dict[str, float]:
    """Cues for ``texts[index]`` as a title, the post before starting at line 1."""
    lines = content_lines(list(enumerate(texts, 1)))
    return candidate_features(DumpText(lines, Vocabulary(texts)), 0, index, CUES)


POST = ["Cyklarna i staden får nya parkeringar", LEAD, "Arbetet pågår hela sommaren och blir klart i september."]
HEADING = "Fler besökare än någonsin"


@pytest.mark.parametrize(
    ("paragraph", "continues"),
    [
        ("Det har också kommit fler besökare till stationen, som nu är fullare än någonsin tidigare.", True),
        ("En annan viktig sak är att stationen nu har fått fler besökare än någonsin tidigare.", True),
        ("Stationen har fått fler besökare än någonsin tidigare, och ökningen gäller alla dagar.", False),
        # the cue must open the paragraph, not come late in it
        ("Stationen har fått fler besökare än någonsin tidigare, och ökningen gäller också helger.", False),
    ],
)
def test_a_paragraph_that_carries_on_marks_the_heading_above_it_as_a_subheading(paragraph, continues):
    assert "också" in CUES.continuing and "en annan" in CUES.continuing
    features = _features([*POST, HEADING, paragraph], len(POST))
    assert features["refers_back"] == float(continues)
    assert WEIGHTS["refers_back"] < 0


@pytest.mark.parametrize(
    ("heading", "linked"),
    [
        ("Men jag vill cykla ändå!", True),
        ("Och vad kostar det?", True),
        ("Mentorer hjälper nya cyklister", False),  # the word must be whole, not the start of one
        ("Cyklarna får nya parkeringar men inga tak", False),  # and open the line
    ],
)
def test_a_heading_opening_with_a_linking_word_carries_on_the_text_before(heading, linked):
    assert "men" in CUES.linking
    assert _features([*POST, heading, LEAD], len(POST))["opens_linked"] == float(linked)
    assert WEIGHTS["opens_linked"] < 0


@pytest.mark.parametrize(
    ("heading", "continues"),
    [
        ("Mässa på torget på lördag", True),
        # The next post on the same subject names it in its own title: its text takes up the title's words.
        ("Mässa för cyklar i staden på lördag", False),
    ],
)
def test_the_posts_title_words_after_a_heading_say_it_goes_on_unless_the_heading_names_them(heading, continues):
    paragraph = "På lördag visar staden de nya cyklar som ska hyras ut vid stationen under hela sommaren."
    texts = [*CYCLES, heading, paragraph]
    lines = content_lines(list(enumerate(texts, 1)))
    # The archive's other posts weigh the words: "cyklar" and "staden" are this post's, rare elsewhere.
    vocabulary = Vocabulary([*texts, *BUSES, *NOTICES])
    features = candidate_features(DumpText(lines, vocabulary), 0, len(CYCLES), CUES)
    assert (features["title_continues"] > 0) == continues
    assert WEIGHTS["title_continues"] < 0


def test_a_short_post_is_not_cut_at_its_linked_exclamation_subheading_and_the_rules_file_decides():
    """An exclamation is a title's cue ("… – hjälp oss!"); opening with "Men" it answers the text before."""
    texts = [
        *POST,
        "Parkeringen vid stationen stänger i maj",
        "Från den första maj stänger vi cykelparkeringen vid stationen för ombyggnad. Den öppnar igen i "
        "augusti med dubbelt så många platser och tak över alla ställ.",
        "Under tiden kan du ställa cykeln vid biblioteket, där vi har satt upp tillfälliga ställ för tvåhundra cyklar.",
        "Men jag vill ställa cykeln nära tåget!",
        "Det förstår vi. Vid bussterminalens norra sida finns fyrtio platser som ligger bara två minuter "
        "från perrongerna.",
    ]
    lines = content_lines(list(enumerate(texts, 1)))
    starts = [s.start for s in split_posts(lines, Vocabulary(texts), CUES)]
    without = [s.start for s in split_posts(lines, Vocabulary(texts), replace(CUES, linking=()))]
    assert starts == [1, 4]
    assert without == [1, 4, 7]


def test_a_short_line_among_fact_lines_is_one_more_fact_not_a_title():
    facts = ["Besök per vecka: 300", "Samtal per vecka: 6 000", "70 % av samtalen besvaras inom 2 minuter", LEAD]
    features = _features([*POST, *facts], len(POST) + 2)
    assert features["after_fact"] == 1.0 and WEIGHTS["after_fact"] < 0
    assert _features([*POST, HEADING, LEAD], len(POST))["after_fact"] == 0.0


def test_a_heading_after_a_list_of_link_titles_is_more_likely_a_new_post():
    links = ["Film om solenergi", "Film om friluftsliv", "Film om frivilligarbete"]
    features = _features([*POST, *links, HEADING, LEAD], len(POST) + len(links))
    assert features["after_list"] == 1.0 and WEIGHTS["after_list"] > 0
    assert _features([*POST, HEADING, LEAD], len(POST))["after_list"] == 0.0


@pytest.mark.parametrize(
    ("paragraph", "drawn"),
    [
        # a subheading lifted from the sentence under it
        ("Stationen har fått fler besökare än någonsin tidigare, och ökningen gäller alla dagar.", True),
        # a title that the lead opens by repeating (old listing pages did) is not one
        ("Fler besökare än någonsin har kommit till stationen i år, och ökningen gäller alla dagar.", False),
        # the words must stand together, not scattered
        ("Fler av stationens besökare än förra året kom under någonsin så kalla dagar.", False),
        # a lead that names the title in quotation marks explains it: the heading is a title
        ("Stationens motto i år, ”Fler besökare än någonsin”, syns nu på alla skyltar och bussar.", False),
    ],
)
def test_a_heading_lifted_from_inside_the_paragraph_after_it_is_a_subheading(paragraph, drawn):
    features = _features([*POST, HEADING, paragraph], len(POST))
    assert features["drawn_from_text"] == float(drawn) and WEIGHTS["drawn_from_text"] < 0


ANSWER = "Det vet vi inte, och det är lite av poängen med att släppa dem fritt för alla."


@pytest.mark.parametrize(
    ("heading", "paragraph", "silent"),
    [
        # an answer that opens without the question's words: a subheading's paragraph
        ("Vad kan man göra med kartorna?", ANSWER, 1.0),
        # a lead that takes up the heading's subject: a title's
        (
            "Vad kan man göra med kartorna?",
            "Kartorna går att använda till nästan allt, från appar till skolarbeten.",
            0.0,
        ),
        # as the last part of a compound ("bibliotek" in "stadsbiblioteket")
        (
            "Biblioteket flyttar till torget i höst",
            "I dag stänger stadsbiblioteket, och i oktober öppnar det igen.",
            0.0,
        ),
        # four words count half, as they do for "long"; three or fewer not at all: their length weighs them
        ("Kartor att hämta", ANSWER, 0.0),
        ("Kartor att hämta gratis", ANSWER, 0.5),
        # a heading of only common words has nothing to look for
        ("Vad gör vi nu med det här?", ANSWER, 0.0),
        # no lead at all: the "no lead" cue speaks for that
        ("Vad kan man göra med kartorna?", "Kort rad.", 0.0),
    ],
)
def test_a_long_heading_whose_lead_names_none_of_its_words_is_more_likely_a_subheading(heading, paragraph, silent):
    features = _features([*POST, heading, paragraph], len(POST))
    assert features["lead_silent"] == silent and WEIGHTS["lead_silent"] < 0


@pytest.mark.parametrize(
    ("paragraph", "says_when"),
    [
        ("I går delades årets pris för bästa service ut, och juryn valde kundtjänsten i år.", True),
        ("Från och med i dag kan alla hämta kommunens kartor fritt och använda dem som de vill.", True),
        ("Nu kan du boka tid för rådgivning på webben, dygnet runt och utan att ringa oss först.", True),
        # a quote's "nu" is its speaker's
        ("– Nu kan vi lägga tiden på de frågor som verkligen kräver ett samtal, säger handläggaren.", False),
        # "nu" further in is as common in a section's paragraph: only an opener says when
        ("Resultaten går nu till varje förvaltning, som ska ta fram en handlingsplan före sommaren.", False),
        # a whole word: "idag" is said, "idagsläget" is not
        ("Vi har i idagsläget ingen plan för det, men vi tittar på frågan under hösten och vintern.", False),
        # past the lead's opening words it is no longer the news's when
        (
            "Arbetsgruppen har träffats varje vecka sedan starten i början av förra året för att gå igenom alla "
            "synpunkter som har kommit in, och i dag är den klar.",
            False,
        ),
    ],
)
def test_a_lead_that_says_when_speaks_for_the_heading_over_it_as_a_title(paragraph, says_when):
    features = _features([*POST, HEADING, paragraph], len(POST))
    assert features["lead_in_time"] == float(says_when) and WEIGHTS["lead_in_time"] > 0
    # the words are the rules file's, not the code's: without them nothing says when
    lines = content_lines(list(enumerate([*POST, HEADING, paragraph], 1)))
    bare = candidate_features(DumpText(lines, Vocabulary([*POST, HEADING, paragraph])), 0, len(POST), NO_CUES)
    assert bare["lead_in_time"] == 0.0


def test_a_line_just_before_a_copied_post_does_not_become_a_post_of_its_own():
    """Cross-dump edges fix where posts start; they do not excuse a post without running text."""
    texts = [
        "Cyklar i staden",
        LEAD,
        "Läs mer på www.example.se/cyklar",
        "Här kan du jämföra städernas cykelbanor med varandra",
        "Bussar på landsbygden",
        LEAD,
    ]
    assert _split(texts, frozenset({5})) == [(1, 4), (5, 6)]


CYCLES = [
    "Cyklar i staden",
    "Staden bygger fler cykelbanor i år, och cyklisterna får bättre parkeringar vid stationen.",
    "Cykelbanorna byggs först i de centrala delarna där trafiken är som tätast under morgonen.",
    "Parkeringarna vid stationen får tak och laddplatser för elcyklar under hösten.",
]
CYCLES_ENDING_LONG = [*CYCLES[:2], f"{CYCLES[2]} {CYCLES[3]}"]  # the same post, its last paragraph longer
BUSES = [
    "Bussarna går oftare på landsbygden",
    "Från januari går bussarna till byarna varje halvtimme under rusningstid på vardagar.",
    "Resenärerna har länge önskat tätare turer, visar den senaste enkäten om kollektivtrafiken.",
    "Tidtabellerna finns på hållplatserna och på webbplatsen från december.",
]


def test_an_archive_of_long_posts_keeps_two_short_ones_together():
    """The length prior: two short posts where the archive's posts are six times longer are likelier one."""
    texts = CYCLES + BUSES
    post_chars = sum(map(len, CYCLES))
    split = _splitter(texts)
    assert [s.start for s in split.split()] == [1, 5]
    assert [s.start for s in split.split(typical_chars=post_chars)] == [1, 5]
    assert [s.start for s in split.split(typical_chars=6 * post_chars)] == [1]
    # Where the archive's post lengths vary widely, length says less: the two stay apart.
    assert [s.start for s in split.split(6 * post_chars, segmentation.LENGTH_WEIGHT / 20)] == [1, 5]


def test_the_length_prior_weighs_less_for_short_posts_where_post_lengths_vary_more():
    reference = segmentation.LENGTH_SPREAD_REFERENCE
    even = [1000, 1100, 1200, 1300, 1400, 1500]  # spread well under the reference
    assert segmentation.short_post_weight(even) == segmentation.LENGTH_WEIGHT
    # Reports and notices: quartiles a factor e^(2 × 1.349 × reference) apart, twice the reference spread.
    ratio = math.exp(2 * segmentation.IQR_PER_SIGMA * reference)
    mixed = [400, 400, 400, 400 * ratio, 400 * ratio, 400 * ratio]
    spread = (math.log(400 * ratio) - math.log(400)) / segmentation.IQR_PER_SIGMA
    weak = segmentation.short_post_weight(mixed)
    assert weak == pytest.approx(segmentation.LENGTH_WEIGHT * (reference / spread) ** 2)
    # A post far longer than the typical one still costs the full weight: it is likelier two.
    texts = CYCLES + BUSES
    split = _splitter(texts)
    chars = split.offsets[-1]
    assert split.length_cost(0, 4, 2 * chars, weak) == pytest.approx(
        weak * math.log(split.offsets[4] / (2 * chars)) ** 2
    )
    assert split.length_cost(0, 4, chars / 8, weak) == pytest.approx(
        segmentation.LENGTH_WEIGHT * math.log(split.offsets[4] / (chars / 8)) ** 2
    )


CONTACT = "Har du frågor? Kontakta Eva Ek, eva.ek@kommun.example."


def test_a_short_title_right_after_a_post_closes_starts_a_post(monkeypatch):
    """A contact line closes a post; a two-word line with a lead after it is the next title."""
    texts = [*CYCLES, CONTACT, "Tätare bussar", *BUSES[1:]]
    assert _split(texts) == [(1, 5), (6, len(texts))]
    monkeypatch.setitem(WEIGHTS, "clean_break", 0.0)
    assert _split(texts) == [(1, 5), (6, len(texts))]  # the unlike posts either side carry it too
    monkeypatch.setattr(segmentation, "SIMILAR_NEIGHBOURS", 0.0)
    assert _split(texts) == [(1, len(texts))]


def test_a_heading_after_a_post_that_closed_further_up_is_likelier_a_title(monkeypatch):
    """A contact line closed the post; one more line of text came after it, so the line just before the
    heading closes nothing. The post above has still closed, and a heading after it opens the next post."""
    after = "Parkeringarna är en del av stadens plan för cyklar vid stationen."
    second = [
        "Klart vid stationen",
        "Nu är de nya cykelbanorna vid stationen klara, och cyklisterna kan parkera under tak.",
        "Laddplatserna för elcyklar kommer under hösten, när parkeringarna vid stationen är färdiga.",
    ]
    texts = [*CYCLES, CONTACT, after, *second]
    heading = len(CYCLES) + 2
    assert _features(texts, heading)["closed_above"] == 1.0
    assert _features(texts, heading)["closing_before"] == 0.0
    assert _split(texts) == [(1, heading), (heading + 1, len(texts))]
    # Closed just before, the line's own cue says it; a question subheading above closes nothing.
    assert _features([*CYCLES, CONTACT, *second], len(CYCLES) + 1)["closed_above"] == 0.0
    asked = [*CYCLES, "Vad kostar det?", "Det kostar ingenting att parkera cykeln vid stationen.", after, *second]
    assert _features(asked, heading + 1)["closed_above"] == 0.0
    assert _features([*CYCLES, after, *second], len(CYCLES) + 1)["closed_above"] == 0.0
    monkeypatch.setitem(WEIGHTS, "closed_above", 0.0)
    assert _split(texts) == [(1, len(texts))]  # missed without the cue


def test_a_short_title_after_a_short_last_paragraph_starts_a_post(monkeypatch):
    """A post that ends with a one-sentence note after longer text closes nothing, yet a short line after
    it is likelier a title; a subheading whose text carries on the subject stays in the post."""
    note = "Cykelkartan kommer i brevlådan i maj."
    cycles = [*CYCLES_ENDING_LONG, note]
    texts = [*cycles, "Tätare bussar", *BUSES[1:]]
    assert _features(texts, len(cycles))["short_ending"] == 1.0
    assert _split(texts) == [(1, len(cycles)), (len(cycles) + 1, len(texts))]
    subheading = [
        *cycles,
        "Parkeringar med tak",
        "Parkeringarna vid stationen får tak först, och sedan kommer laddplatserna för elcyklar.",
        "Cyklisterna har länge önskat tak över parkeringarna vid stationen.",
    ]
    assert _split(subheading) == [(1, len(subheading))]
    assert _features([*CYCLES_ENDING_LONG, "Tätare bussar", *BUSES[1:]], 3)["short_ending"] == 0.0  # a long paragraph
    after_link = [*CYCLES[:2], "Kartan finns på www.kommun.example/cykel", note, "Tätare bussar", *BUSES[1:]]
    assert _features(after_link, 4)["short_ending"] == 1.0  # the note after a closing line, not after longer text
    after_list = [*CYCLES[:2], "• Fler cykelbanor", "• Tak över parkeringarna", note, "Tätare bussar", *BUSES[1:]]
    assert _features(after_list, 5)["short_ending"] == 1.0  # ... or after a bullet list
    assert _features([*cycles, BUSES[0], *BUSES[1:]], len(cycles))["short_ending"] == 0.0  # a long title
    assert _features([*cycles, "Välkomna!"], len(cycles))["short_ending"] == 0.0  # no lead: a sign-off, no title
    fact_sheet = ["Budgeten i korthet", LEAD, "Skatten", "Skatten är oförändrad.", "Skolan", CYCLES[1]]
    assert _features(fact_sheet, 4)["short_ending"] == 0.0  # a one-line section under a heading: the next is one more
    monkeypatch.setitem(WEIGHTS, "short_ending", 0.0)
    assert _split(texts) == [(1, len(texts))]  # missed without the cue


@pytest.mark.parametrize(
    ("last_line", "ends"),
    [
        (CYCLES[3] + " Berätta gärna vad du tycker om dem.", True),  # an invitation to the reader
        ("Vi återkommer med fler nyheter om cyklarna i vår.", True),  # a promise to return
        (CYCLES[3] + " Få cyklister parkerar ogärna där.", False),  # a whole word only
        ("Berätta gärna vad du tycker om dem. " + CYCLES[3], False),  # the last sentence only
        ("Kontakta oss gärna om cyklarna.", False),  # it closes the post outright: that cue counts instead
    ],
)
def test_a_paragraph_ending_as_posts_do_makes_the_next_short_line_likelier_a_title(last_line, ends):
    texts = [*CYCLES[:3], last_line, "Tätare turer till byarna", *BUSES[1:]]
    assert _features(texts, 4)["ending_before"] == float(ends)


def test_a_post_ending_with_an_invitation_is_followed_by_a_short_title_and_the_rules_file_decides():
    """A four-word title after a paragraph that invites the reader starts a post, even where the next post
    is on the same subject; without the rules file's words the two posts are one. A paragraph right under a
    heading opens its post or section, and ends none, however it ends."""
    path = [
        "Cykelbanan längs ån öppnar",
        "Den nya cykelbanan längs ån öppnar i juni och knyter ihop stadsdelarna i norr med centrum.",
        "Banan är fyra meter bred och belyst hela vägen, så att den går att använda även på vintern.",
    ]
    texts = [*CYCLES[:3], CYCLES[3] + " Berätta gärna vad du tycker om dem.", *path]
    assert _split(texts) == [(1, 4), (5, len(texts))]
    under_heading = ["Cyklar i staden", texts[3], *path]
    assert _features(under_heading, 2)["ending_before"] == 0.0
    lines = content_lines(list(enumerate(texts, 1)))
    without = replace(CUES, ending=())
    assert candidate_features(DumpText(lines, Vocabulary(texts)), 0, 4, without)["ending_before"] == 0.0
    assert [s.start for s in split_posts(lines, Vocabulary(texts), without)] == [1]


@pytest.mark.parametrize(
    ("last_line", "closes"),
    [
        ("Resultatet finns på www.kommun.example/cykel", True),  # a short line pointing on
        ("Telefon: 010-123 45 67", True),  # a phone number, as contact details
        (CYCLES[1] + " Boka en provtur hos cykelsamordnaren på 08-123 456 78.", True),  # ... in the last sentence
        ("Boka en provtur på 08-123 456 78. " + CYCLES[1], False),  # ... not in the last sentence
        (CYCLES[1] + " Banorna byggdes 2015-2016 för 10 20 miljoner.", False),  # years and sums are no phone number
        ("Läs mer om cyklarna.", True),  # a closing phrase from the rules file
        (CYCLES[1], False),  # running text
        (CYCLES[1] + " Kartan finns på www.kommun.example/cykel och uppdateras varje vecka.", False),  # too long
    ],
)
def test_a_short_line_with_a_link_closes_a_post(last_line, closes):
    features = _features([*CYCLES, last_line, "Tätare bussar", BUSES[1]], len(CYCLES) + 1)
    assert features["closing_before"] == float(closes)


@pytest.mark.parametrize(
    ("last_line", "closes"),
    [
        ("Har du frågor? Kontakta oss gärna.", True),  # the phrase opens a sentence
        ("Välkommen att kontakta Eva Ek, cykelsamordnare.", True),  # "välkommen att" is a phrase of the rules file
        ("Varje ansökan följs upp av en handläggare, som ska kontakta den sökande.", False),  # told, not invited
        ("Läs rapporten ”Cykelåret i siffror”", True),  # a download the rules file lists closes like "läs mer"
        # a long paragraph whose last sentence opens with a closing phrase or a download
        (CYCLES[1] + " Läs rapporten ”Cykelåret i siffror”", True),
        (CYCLES[1] + " Har du frågor? Kontakta oss gärna.", True),
        (f"Kontakta oss gärna. {CYCLES[1]} {CYCLES[2]}", False),  # the phrase opens the first sentence only
    ],
)
def test_a_closing_phrase_closes_a_post_where_it_opens_a_sentence(last_line, closes):
    features = _features([*CYCLES, last_line, "Tätare bussar", BUSES[1]], len(CYCLES) + 1)
    assert features["closing_before"] == float(closes)


@pytest.mark.parametrize(
    ("last_line", "closes"),
    [
        (CYCLES[1] + " Det ser vi fram emot!", True),  # a paragraph ending in a short exclamation
        ("Vi ses på cykelbanan!", True),  # a short line of its own
        ("Vi ses på cykelbanan!”", True),  # ... inside a closing quotation mark
        (CYCLES[1] + " Nu kan alla som bor i staden cykla hela vägen till jobbet utan att korsa en bilväg!", False),
        ("Det ser vi fram emot! " + CYCLES[2], False),  # the exclamation is not the last sentence
        (CYCLES[1] + " Det ser vi fram emot.", False),
    ],
)
def test_a_paragraph_ending_in_a_short_exclamation_signs_off_the_post(last_line, closes):
    texts = [*CYCLES, last_line, "Tätare bussar", BUSES[1]]
    assert _features(texts, len(CYCLES) + 1)["closing_before"] == float(closes)


def test_an_exclamation_heading_with_no_text_under_it_signs_off_the_post():
    """ "Tack till alla som cyklade!" ends a post; the title after it starts the next one."""
    sign_off = "Tack till alla som cyklade med oss i år!"
    texts = [*CYCLES, sign_off, "Tätare bussar", *BUSES[1:]]
    assert _split(texts) == [(1, len(CYCLES) + 1), (len(CYCLES) + 2, len(texts))]
    assert _features(texts, len(CYCLES))["exclamation"] == 0.0  # a heading next: no exclamation title
    assert _features(texts, len(CYCLES) + 1)["closing_before"] == 1.0
    assert _features([*CYCLES, sign_off, *BUSES[1:]], len(CYCLES))["exclamation"] == 1.0  # with a lead it is one


def test_a_question_heading_with_no_text_under_it_signs_off_the_post():
    """ "Ses vi på invigningen?" with the next title right under it ends a post; with text under it,
    a question is a subheading and closes nothing."""
    sign_off = "Ses vi på invigningen av cykelbanan?"
    texts = [*CYCLES, sign_off, "Tätare bussar", *BUSES[1:]]
    assert _features(texts, len(CYCLES) + 1)["closing_before"] == 1.0
    assert _split(texts) == [(1, len(CYCLES) + 1), (len(CYCLES) + 2, len(texts))]
    subheading = [*CYCLES, sign_off, CYCLES[2], "Tätare bussar", *BUSES[1:]]
    assert _features(subheading, len(CYCLES) + 2)["closing_before"] == 0.0


def test_a_generic_question_the_text_does_not_take_up_is_a_subheading(monkeypatch):
    """ "Vad har vi lärt oss så här långt?" asks about the post it stands in; a title's words recur
    in its lead."""
    question = "Vad har vi lärt oss så här långt?"
    after = "Mycket, faktiskt. Det viktigaste är att samråden måste komma tidigt, innan ritningarna är klara."
    texts = [*CYCLES, question, after, *BUSES]
    assert _features(texts, len(CYCLES))["generic_question"] == 1.0
    assert [start for start, _ in _split(texts)] == [1, len(CYCLES) + 3]
    monkeypatch.setitem(WEIGHTS, "generic_question", 0.0)
    assert [start for start, _ in _split(texts)] == [1, len(CYCLES) + 1, len(CYCLES) + 3]  # cut without the cue
    asked = [*CYCLES, "Vad kostar cykelbanorna?", "Cykelbanorna kostar 40 miljoner kronor, och staten betalar hälften."]
    assert _features(asked, len(CYCLES))["generic_question"] == 0.0


@pytest.mark.parametrize("signer", ["/Eva Ek, cykelsamordnare", "Eva Ek, cykelsamordnare"])
def test_a_signer_with_or_without_the_slash_closes_the_post(signer):
    texts = [*CYCLES, signer, "Bussarna går oftare", *BUSES[1:]]
    assert _split(texts) == [(1, len(CYCLES) + 1), (len(CYCLES) + 2, len(texts))]


def test_a_link_label_closes_a_post_and_a_caption_does_not_hide_the_lead():
    """ "… på webbplatsen >>" ends a post; "Bild: …" between the next title and its lead is a caption."""
    texts = [*CYCLES, "Kartan finns på webbplatsen >>", "Tätare bussar", "Bild: En buss vid torget.", *BUSES[1:]]
    features = _features(texts, len(CYCLES) + 1)
    assert features["closing_before"] == 1.0
    assert features["no_lead"] == 0.0
    assert features["clean_break"] == 1.0
    assert _split(texts) == [(1, len(CYCLES) + 1), (len(CYCLES) + 2, len(texts))]


INTERVIEW = [
    "Fem frågor till cykelsamordnaren",
    "Staden har fått en ny cykelsamordnare, Eva Ek. Vi ställde fem frågor om cyklarna och om henne.",
    "Vem är du?",
    "Jag har arbetat med trafik i staden i tolv år, senast som planerare på tekniska förvaltningen.",
    "Vad ser du fram emot i jobbet?",
    "Att få bygga cykelbanor som fler vill använda, både till jobbet och till skolan.",
    "Vad gör du en ledig dag?",
    "Cyklar jag, förstås, helst långt ut på landet när vädret tillåter det.",
]


def test_a_question_one_answer_from_another_question_is_part_of_an_interview(monkeypatch):
    index = INTERVIEW.index("Vad ser du fram emot i jobbet?")
    assert _features(INTERVIEW, index)["in_interview"] == 1.0
    assert _features(INTERVIEW, len(INTERVIEW) - 2)["in_interview"] == 1.0  # the last question looks back
    # A contact line between two questions ends a post: the question after it may be a title.
    texts = [*CYCLES, "Har du frågor?", CONTACT, "Hur vill du ha det som äldre?", BUSES[1]]
    assert _features(texts, len(CYCLES) + 2)["in_interview"] == 0.0
    # An answer ending in a short exclamation is no contact line: the next question is still the interview's.
    exclaiming = [*INTERVIEW[:3], INTERVIEW[3] + " Det är det bästa jag vet!", *INTERVIEW[4:]]
    assert _features(exclaiming, index)["in_interview"] == 1.0
    assert _features(exclaiming, index)["closing_before"] == 1.0  # yet it signs off, as before a title
    assert _split([*INTERVIEW, *BUSES]) == [(1, len(INTERVIEW)), (len(INTERVIEW) + 1, len(INTERVIEW) + len(BUSES))]
    monkeypatch.setitem(WEIGHTS, "in_interview", 0.0)
    assert len(_split([*INTERVIEW, *BUSES])) > 2  # without the cue the interview falls apart


def test_two_questions_one_answer_apart_are_no_interview():
    """A post's last question subheading and the next post's question title: an interview asks more."""
    subheading = "Vad tycker du om cykelbanorna?"
    answer = "Skriv gärna till oss i formuläret längst ner på sidan, vi läser allt som kommer in."
    title = "Hur vill du resa till jobbet?"
    texts = [*CYCLES, subheading, answer, title, *BUSES[1:]]
    assert _features(texts, texts.index(title))["in_interview"] == 0.0
    assert _features(texts, texts.index(subheading))["in_interview"] == 0.0
    # A third question one answer further on makes the row an interview, looked at from either end.
    asked = [*texts[: texts.index(title) + 1], BUSES[1], "Vad gör du en ledig dag?", BUSES[2]]
    assert _features(asked, asked.index(subheading))["in_interview"] == 1.0
    assert _features(asked, asked.index(title))["in_interview"] == 1.0


def test_a_flattened_table_stays_in_its_post_and_tags_close_one():
    """Rows of a table copied as text are short lines, not titles; "#tag #tag" ends a post."""
    table = ["Fråga I år Förra året", "Cyklar i staden 94 % 93 %", "Bussar på landet 88 % 86 %", "Tåg 79 % 81 %"]
    texts = [*CYCLES[:2], *table, *CYCLES[2:]]
    assert _features(texts, texts.index(table[-1]))["in_table"] == 1.0
    assert _features(texts, texts.index(table[0]))["in_table"] == 0.0  # the table's head row has no number
    assert _split(texts) == [(1, len(texts))]
    tagged = [*CYCLES, "#cykel #trafik", "Tätare bussar", *BUSES[1:]]
    assert _features(tagged, len(CYCLES) + 1)["closing_before"] == 1.0
    assert _split(tagged) == [(1, len(CYCLES) + 1), (len(CYCLES) + 2, len(tagged))]


def test_a_second_signer_under_a_signature_closes_the_post_too():
    """ "/Anna Berg, role" then "Erik Ek, role": the title after them follows a closed post."""
    texts = [*CYCLES, "/Anna Berg, cykelsamordnare", "Erik Ek, trafikplanerare", "Tätare bussar", *BUSES[1:]]
    kinds = [line.kind for line in content_lines(list(enumerate(texts, 1)))]
    assert kinds[len(CYCLES) : len(CYCLES) + 3] == [LineKind.SIGNATURE, LineKind.SIGNATURE, LineKind.HEADING]
    assert _split(texts) == [(1, len(CYCLES) + 2), (len(CYCLES) + 3, len(texts))]
    # Not every "Name, role" line is a signer: in running text it stays a heading.
    assert content_lines([(1, "Erik Ek, trafikplanerare")])[0].kind == LineKind.HEADING


def test_a_stamp_above_the_next_title_is_no_second_signer():
    """A stamp names its writer too ("Av Anna Ek, 12 mars 2015"); under a signature it was read as a second
    signer, so a page with stamps above the titles lost the post's start there (made archives of the known
    posts, seed 7 × 10: 11 + 9 boundary errors of 200; 4 + 2 now, as "Publicerat 12 mars 2015 av Anna")."""
    texts = ["Av Anna Berg, 3 mars 2015", *CYCLES, "/Anna Berg, cykelsamordnare", "Av Erik Ek, 12 mars 2015", *BUSES]
    kinds = [line.kind for line in content_lines(list(enumerate(texts, 1)))]
    assert kinds[len(CYCLES) + 1 : len(CYCLES) + 3] == [LineKind.SIGNATURE, LineKind.DATELINE]
    assert _split(texts) == [(1, len(CYCLES) + 2), (len(CYCLES) + 3, len(texts))]


@pytest.mark.parametrize(
    ("after", "clean"),
    [
        (["Tätare bussar", BUSES[1]], True),
        (["Har du frågor?", CONTACT], False),  # a contact prompt, with contact details after it
        (["Tätare bussar", "Tidtabeller", BUSES[1]], False),  # a heading follows: no lead
        # a "Subject: phrase" title follows: this line ends the post before it (a second signature line)
        (["Erik Ek, trafikplanerare", "Bussarna går oftare: nu även på landsbygden", BUSES[1]], False),
        (["Tätare bussar", "Se tiderna.", "Kort."], False),  # no paragraph of running text
    ],
)
def test_a_clean_break_needs_a_closing_line_before_and_a_lead_after(after, clean):
    features = _features([*CYCLES, CONTACT, *after], len(CYCLES) + 1)
    assert features["clean_break"] == float(clean)
    assert _features([*CYCLES, *after], len(CYCLES))["clean_break"] == 0.0  # nothing closed before it


@pytest.mark.parametrize(
    ("stem", "ahead", "count"),
    [
        ("bibliotek", ["stadsbibliotek", "stadsbibliotek"], 2),  # as a compound's head
        ("bibliotek", ["stadsbibliotek", "bibliotek"], 1),  # the word itself is found: heads are not counted
        ("tid", ["arbetstid"], 0),  # too short: it would end too many words
        ("digital", ["digitalisering", "digitalisering"], 2),  # a derived word: the same beginning
        ("klarspråk", ["klarspråksnätverk"], 1),  # a compound on the same first part
        ("klarspråk", ["klarspråksnätverk", "stadsklarspråk"], 1),  # a head is found first
        ("kvalitetsarb", ["kvalitetsutveckling", "kvalitativ"], 1),  # seven letters in common, not six
        ("servic", ["servicecenter"], 0),  # a stem of six letters has no beginning to share
        ("webb", ["webbplats", "webbplats"], 2),  # a four-letter stem as a compound's first part
        ("webb", ["webbplats", "webb"], 1),  # the word itself is found: compounds are not counted
        ("tid", ["tidplan"], 0),  # three letters begin too many words
        ("skatt", ["skattesats"], 0),  # five letters: heads and kin only (first parts cut posts at subheadings)
    ],
)
def test_a_word_recurs_also_as_the_head_of_a_compound_or_in_its_kin(stem, ahead, count):
    assert occurrences(stem, Counter(ahead)) == count


@pytest.mark.parametrize(
    ("title", "lead", "compound", "other", "rule"),
    [
        (  # a compound's head: "Biblioteket" in "Stadsbiblioteket"
            "Biblioteket öppnar",
            "{} har nu öppet även på söndagar, som ett försök under hela året.",
            "Stadsbiblioteket",
            "Stadsmuseet",
            ("MIN_COMPOUND_HEAD", 100),
        ),
        (  # a four-letter word as a compound's first part: "webb" in "webbplatsen"
            "Ny webb",
            "Den nya {} har fått större text och enklare menyer, och den fungerar i mobilen.",
            "webbplatsen",
            "kundtjänsten",
            ("COMPOUND_FIRST_PART", 0),
        ),
    ],
)
def test_a_title_word_recurs_in_a_compound_of_the_lead(monkeypatch, title, lead, compound, other, rule):
    """A lead on the compound takes the title up, one on another word does not; whole words only (the rule
    switched off), the compound counts no more than the other word."""

    def recurrence(word: str) -> float:
        return _features([*CYCLES, title, lead.format(word)], len(CYCLES))["recurrence"]

    assert recurrence(compound) > recurrence(other)
    monkeypatch.setattr(title_cues, *rule)
    assert recurrence(compound) == recurrence(other)


PARK = [
    "Parken vid ån får en ny lekplats",
    "Lekplatsen i parken byggs om under våren, med gungor och en klätterställning för de större barnen.",
    "Parken stängs inte under bygget, men lekplatsen är avspärrad fram till invigningen i juni.",
    "Bänkar och belysning i parken byts ut samtidigt som lekplatsen byggs om.",
    "Träden längs ån sparas",
    "Alla träd i parken står kvar, och längs ån planteras nya buskar där parken sluttar mot vattnet.",
    "Parken får också fler papperskorgar vid ån, där många grillar på sommaren.",
]
LIBRARY = [
    "Biblioteket öppnar på söndagar",
    "Från mars har biblioteket öppet på söndagar, och på biblioteket finns då också läxhjälp.",
    "Söndagsöppet på biblioteket prövas i ett år. En dag i parken ordnar biblioteket sagostund.",
]

NOTICES = [  # short posts on other subjects, for the words' weights
    "Skolan får nya lokaler i höst.",
    "Biblioteket har öppet vardagar.",
    "Simhallen stänger för renovering i sommar.",
    "Kommunen anställer fler sjuksköterskor.",
    "Vägarbetet på torget är klart i maj.",
]
ELSEWHERE = [  # other posts of the archive
    *CYCLES,
    *BUSES,
    *NOTICES,
    "Äldreboendet får en ny trädgård.",
    "Kontaktcenter svarar på fler samtal än förra året.",
    "Bygglov söks nu i en e-tjänst.",
    "Fritidsgårdarna har öppet längre på fredagar.",
    "Återvinningscentralen flyttar till industriområdet.",
    "Kulturskolan söker nya lärare i piano och gitarr.",
    "Hemtjänsten testar digitala nycklar.",
    "Medborgarbudgeten delar ut pengar till tre förslag.",
]


def test_a_word_weighs_more_where_it_recurs_near_itself(monkeypatch):
    """A post's subject word, said on line after line, binds its sections together; the same word said
    once in another post's text binds far less. Counted plainly, that contrast is less than half as great."""
    texts = [*PARK, *LIBRARY]
    section, post_end = 4, len(PARK)

    def likeness() -> tuple[float, float]:
        text = _splitter(texts, ELSEWHERE).text
        return text.cosine(0, section, section, post_end), text.cosine(0, post_end, post_end, len(texts))

    sections, posts = likeness()
    monkeypatch.setattr(dump_text, "BURST_LINES", 0)
    plain_sections, plain_posts = likeness()
    assert sections / posts > 2 * (plain_sections / plain_posts)  # measured 6.0 against 2.4


@pytest.mark.parametrize(
    ("stem", "token"),
    [("digitalisering", "~digital"), ("digital", "~digital"), ("digita", None)],
)
def test_a_word_of_seven_letters_or_more_has_kin(stem, token):
    assert dump_text.kin(stem) == token


def test_runs_that_share_only_a_words_kin_read_alike(monkeypatch):
    """ "digitala" and "Digitaliseringen" stem apart; as kin they make two runs alike, at half a word's weight."""
    texts = [
        "Vi bygger digitala tjänster för alla som bor här.",
        "Digitaliseringen av skolan fortsätter under nästa år.",
    ]

    def likeness() -> float:
        return _splitter(texts, ELSEWHERE).text.cosine(0, 1, 1, 2)

    shared = likeness()
    monkeypatch.setattr(dump_text, "KIN_WEIGHT", 0.0)
    assert likeness() == 0.0 < shared
    monkeypatch.setattr(dump_text, "KIN_WEIGHT", 1.0)
    assert likeness() > shared


def test_a_section_on_its_posts_subject_stays_in_the_post_under_a_long_subheading(monkeypatch):
    """A subheading of four words whose own words are new ("Träden längs ån sparas") over a section about
    the post's subject: one post. The library post after it is another subject."""
    texts = [*PARK, *LIBRARY]

    def starts() -> list[int]:
        return [span.start for span in _splitter(texts, ELSEWHERE).split()]

    assert starts() == [1, len(PARK) + 1]
    monkeypatch.setattr(dump_text, "BURST_LINES", 0)
    assert starts() == [1, 5, len(PARK) + 1]


@pytest.mark.parametrize(("heading", "one_word"), [("Bakgrund", True), ("Bakgrund och mål", False)])
def test_a_one_word_heading_counts_against_a_title(heading, one_word):
    """No title of the known posts or the open sets is one word; hundreds of their subheadings are."""
    assert _features([*CYCLES, heading, *BUSES[1:]], len(CYCLES))["one_word"] == float(one_word)
    assert WEIGHTS["one_word"] < 0


def test_a_one_word_title_after_a_closing_line_still_starts_a_post():
    """The one-word cue weighs against a title; it does not forbid one where a post has closed."""
    texts = [*CYCLES, CONTACT, "Bussarna", *BUSES[1:]]
    assert [span.start for span in _splitter(texts, ELSEWHERE).split()] == [1, len(CYCLES) + 2]


def test_a_posts_title_line_again_starts_the_next_post_of_a_series_or_the_same_post_twice():
    """Two posts of a series under one title ("Veckans tips") share the title's words, so the second
    title is new to nothing; a post does not repeat its own title line, so the repeat starts a post."""
    series = [CYCLES[0], "Nu kan du låna en lastcykel gratis på biblioteket i en vecka åt gången, bara med lånekort."]
    texts = [*CYCLES, *series]
    splitter = _splitter(texts, ELSEWHERE)
    assert [span.start for span in splitter.split()] == [1, len(CYCLES) + 1]
    assert "samma rad som inläggets rubrik" in splitter.candidate(0, len(CYCLES)).reasons[0]
    twice = [*CYCLES, *CYCLES]
    assert [span.start for span in _splitter(twice, ELSEWHERE).split()] == [1, len(CYCLES) + 1]


@pytest.mark.parametrize("recurring", ["Vad händer nu?", "Välkomna!", "Bakgrund"])
def test_a_line_that_recurs_from_post_to_post_is_no_repeated_title(recurring):
    """A generic question subheading, a sign-off or a one-word subheading recurs in post after post."""
    texts = [*CYCLES[:2], recurring, CYCLES[2], *BUSES[:2], recurring, BUSES[2]]
    splitter = _splitter(texts, ELSEWHERE)
    first, again = 2, len(CYCLES[:2]) + 2 + len(BUSES[:2])
    assert texts[first] == texts[again] == recurring
    assert segmentation.REPEATED_TITLE_REASON not in splitter.candidate(first, again).reasons


def test_alike_neighbours_cost_nothing_at_a_strong_title(monkeypatch):
    """Two posts on one subject (a project, then its opening day) share their words; a title whose
    own cues are strong starts the second all the same. Other posts of the archive give the
    vocabulary, so the shared words are rare ones."""
    opening = [
        "Kom och prova cykelbanorna vid stationen på lördag!",
        "På lördag kan cyklisterna prova de nya cykelbanorna och parkeringarna vid stationen.",
        "Parkeringarna vid stationen har fått tak och laddplatser för elcyklar, och cykelbanorna i de centrala "
        "delarna är klara.",
    ]
    texts = [*CYCLES, *opening]
    others = [*BUSES, LEAD, *NOTICES]

    def split() -> tuple[DumpSplitter, list[int]]:
        splitter = _splitter(texts, others)
        return splitter, [span.start for span in splitter.split()]

    splitter, starts = split()
    assert splitter.candidate(0, len(CYCLES)).score > segmentation.STRONG_TITLE
    assert splitter.text.cosine(0, len(CYCLES), len(CYCLES), len(texts)) > segmentation.TYPICAL_NEIGHBOUR_LIKENESS
    assert starts == [1, len(CYCLES) + 1]
    monkeypatch.setattr(segmentation, "STRONG_TITLE", math.inf)
    assert split()[1] == [1]  # with the likeness cost, one post


def test_a_rejected_split_between_two_unlike_parts_is_doubted_by_its_contrast_too():
    """The review list asks "may this post be two?" with the evidence a taken split gets: the
    line's title cues and how unlike the parts either side are. A short title carries
    little on its own (here after a long last paragraph); two posts on other subjects carry much."""
    cycles = CYCLES_ENDING_LONG
    texts = [*cycles, "Bussar till byarna", *BUSES[1:]]
    splitter = _splitter(texts)
    (post,) = splitter.split()
    assert post.doubt is not None and post.doubt.number == len(cycles) + 1
    on_its_own = splitter.candidate(0, len(cycles))
    assert splitter.likeness(0, len(cycles), len(texts)) > 0
    assert post.doubt.confidence > on_its_own.confidence


def test_the_typical_post_length_is_learnt_from_the_archive_only_when_it_has_enough_posts():
    texts = CYCLES + BUSES
    lines = content_lines(list(enumerate(texts, 1)))
    two_posts = [split_posts(lines, Vocabulary(texts), CUES)]
    assert typical_post_chars(post_chars([lines], two_posts)) is None
    archive = [lines] * 3
    # The median of three posts of each length.
    assert typical_post_chars(post_chars(archive, two_posts * 3)) == (sum(map(len, CYCLES)) + sum(map(len, BUSES))) / 2


def test_a_short_heading_gains_as_a_title_only_where_the_archives_titles_are_short_more_often():
    """What a short heading is worth is learnt from the titles a first pass found (see short_title_gain)."""
    gain = segmentation.short_title_gain
    reference_titles, reference_others = segmentation.REFERENCE_SHORT_TITLES, segmentation.REFERENCE_SHORT_CANDIDATES
    # Titles as often short as in the archive the weights were fitted on: nothing to add.
    assert gain([reference_titles] * 100, [reference_others] * 400) == pytest.approx(0.0)
    # Even fewer short titles: the weights already say a short heading is rarely a title.
    assert gain([0.0] * 100, [reference_others] * 400) == 0.0
    # Half the titles short, as many as among the other headings: the "long" cue's weight is taken back
    # in part, never beyond what the reference's own likelihood ratio is worth.
    half = gain([0.5] * 100, [0.5] * 400)
    assert 0.5 < half < title_cues.WEIGHTS["long"]
    # A small archive with the same shares moves less.
    assert 0.0 < gain([0.5] * 5, [0.5] * 20) < half


def test_a_splitter_weighs_only_short_headings_up_and_says_why():
    texts = ["Cyklar i staden", *CYCLES[1:3], "Bussar i staden", *BUSES[1:], BUSES[0], *CYCLES[1:]]
    splitter = _splitter(texts)
    short, long_ = texts.index("Bussar i staden"), texts.index(BUSES[0])
    before = {b: splitter.candidate(0, b).score for b in (short, long_)}
    splitter.weigh_short_titles(1.0)
    after = splitter.candidate(0, short)
    assert after.score == pytest.approx(before[short] + 1.0, abs=0.01)
    assert after.reasons[-1] == f"{segmentation.SHORT_TITLE_REASON} (+1.0)"
    assert splitter.candidate(0, long_).score == before[long_]  # five words: long, no gain
    titles, passed_over = splitter.heading_shortness(splitter.split())
    assert sorted(titles + passed_over) == [0.0, 1.0]  # the dump's first line is no choice


@pytest.mark.parametrize(
    "title", ["Bussarna går oftare – nu även på landsbygden", "Bussarna går oftare: nu även på landsbygden"]
)
def test_a_title_written_as_subject_and_colon_starts_a_post_like_one_with_a_dash(title):
    """ "Subject: phrase" has the shape of a fact line; it is a possible title all the same."""
    texts = CYCLES + [title, *BUSES[1:]]
    assert _split(texts) == [(1, 4), (5, 8)]


def test_a_run_of_fact_lines_shaped_like_titles_stays_inside_its_post():
    facts = ["Öppettider: måndag till fredag", "Telefon: vardagar klockan åtta till fem", "Besök: Stadshuset"]
    assert all(line.title_shaped for line in content_lines(list(enumerate(facts, 1))))
    texts = [*CYCLES, *facts, CYCLES[1]]
    assert _split(texts) == [(1, len(texts))]
    assert _features(texts, len(CYCLES))["in_fact_run"] == 1.0 and WEIGHTS["in_fact_run"] < 0


def test_shuffled_archives_split_as_well_when_titles_use_a_colon_instead_of_a_dash(truth):
    """Blogs write "Subject: phrase" titles as often as "Subject – phrase"; this archive happens to use dashes."""
    posts = [[retitled_with_colon(post[0]), *post[1:]] for post in truth_posts(truth, _lines)]
    assert sum(":" in post[0] for post in posts) >= 5
    archives = shuffled_archives(posts, seed=11, variants=6)
    score = score_splitter(archives, default_splitter(CUES))
    # Measured 0.8 % at stop 23, as with the dashes (37.5 % on seed 20 when fact-shaped lines could not
    # be titles).
    assert score.errors / score.boundaries <= 0.04, score.summary() + "\n" + "\n".join(score.examples)


def test_every_split_taken_stands_on_its_own_evidence(truth, monkeypatch):
    """No split below MIN_SPLIT_SCORE, although the length prior and the next split's score would take some.

    Seed 28: the first seed from 11 up whose six archives still hold a split the floor has to stop since
    a word weighs more where it recurs near itself (stop 23; seed 17 before, seed 11 before stop 20).
    Without it, seed 1 × 40 had 14 errors instead of 12 on the known posts, 284 instead of 268 on the
    open sets (measured before the topic-continues cue was taken out)."""
    archives = shuffled_archives(truth_posts(truth, _lines), seed=28, variants=6)
    dumps = [dump for dump, _ in archives]

    def confidences() -> list[float]:
        vocabulary = Vocabulary([line for dump in dumps for line in dump])
        lines = [content_lines(list(enumerate(dump, 1))) for dump in dumps]
        return [span.confidence for spans in split_dumps(lines, vocabulary, CUES) for span in spans[1:]]

    floor = 1 / (1 + math.exp(-segmentation.MIN_SPLIT_SCORE))
    assert min(confidences()) >= floor - 1e-9
    monkeypatch.setattr(segmentation, "MIN_SPLIT_SCORE", -math.inf)
    assert min(confidences()) < floor


def test_shuffled_archives_split_well_when_titles_are_short_and_learn_that_they_are(truth, monkeypatch):
    """Most of this archive's titles have five words or more; another blog's may have three or four.

    The known posts retitled with their first four words: the first pass finds that short titles are
    common here, and the second weighs short headings up (short_title_gain)."""
    posts = [[" ".join(post[0].split()[:4]).rstrip(" –:"), *post[1:]] for post in truth_posts(truth, _lines)]
    archives = shuffled_archives(posts, seed=12, variants=6)
    learnt = score_splitter(archives, default_splitter(CUES))
    # Measured at stop 24: 4 missed, 6 false of 119 (8.4 %); 17.6 % without learning the titles' length
    # (stop 23; 75.6 % when only five-word titles counted long, docs/post-splitting.md). Stop 25: 4 + 8
    # (10.1 %) once a word's kin counted as its recurrence (dump_text.SHARED_BEGINNING): a subheading
    # whose word has common kin ("utvecklingsarbete") was cut more often here (seeds 1-3 x 40: 14.8 % ->
    # 16.3 %), while the known posts with their own titles and every set of unseen posts did better;
    # 3 + 7 (8.4 %; 15.6 %) once kin counted in the likeness of the parts too. Stop 49: 6 + 7 (10.9 %) ->
    # 9 + 7 (13.4 %) once a long heading whose lead names none of its words counts against it; on seeds
    # 1-3 x 40 the total stayed (176 + 207 -> 181 + 202 of 2,355): the bound follows this small sample.
    # Then 6 + 8 (11.8 %) once a lead that says when speaks for a title; seeds 1-3 x 40: 165 + 204.
    assert learnt.errors / learnt.boundaries <= 0.14, learnt.summary()
    monkeypatch.setattr(segmentation, "short_title_gain", lambda titles, passed_over: 0.0)
    fixed = score_splitter(archives, default_splitter(CUES))
    # Learning saved 6 errors here, 5 since the lead's "when" finds some short titles without it (seeds
    # 1-3 x 40: 443 errors without learning, 369 with it).
    assert fixed.errors >= learnt.errors + 5, (fixed.summary(), learnt.summary())


UNSEEN_SETS = ROOT / "tests" / "fixtures" / "unseen_posts"
UNSEEN = UNSEEN_SETS / "set1"


def test_posts_the_weights_never_saw_are_found_and_not_cut_at_their_subheadings(truth):
    """Posts written for the tests in a municipal blog's manner, shuffled in among the known ones.

    Their titles are shorter than most of the archive's; the goal is the known posts' error rate."""
    unseen = read_posts(UNSEEN)
    assert len(unseen) >= 8
    score = score_unseen(truth_posts(truth, _lines), unseen, (11, 12, 13), 6, default_splitter(CUES))
    # Measured at stop 24: 3 missed, 3 false of 116 (5.2 %; 6.0 % at stop 23, 4.3 % at stop 22; 53 % when
    # only five-word titles counted long, docs/post-splitting.md). Counting three-word titles in part too
    # did better here but worse on every archive of known posts.
    assert score.boundaries > 100 and score.errors / score.boundaries <= 0.1, score.summary()


def test_an_archive_of_new_posts_alone_splits_with_few_errors():
    """No known post beside them: the typical length and the word weights come from the new posts too."""
    archives = shuffled_archives(read_posts(UNSEEN), seed=11, variants=12)
    score = score_splitter(archives, default_splitter(CUES))
    # Measured at stop 23: 1 missed, 0 false of 73 (1.4 %; 6.8 % at stop 22).
    assert score.boundaries > 60 and score.errors / score.boundaries <= 0.05, score.summary()


@pytest.mark.parametrize(
    ("name", "mixed_max", "alone_max"),
    [
        ("set2", 0.05, 0.08),
        ("set3", 0.04, 0.03),
        ("set4", 0.04, 0.03),
        ("set5", 0.06, 0.02),
        ("set6", 0.06, 0.03),
        ("set7", 0.1, 0.05),
        ("set8", 0.06, 0.1),
        ("set9", 0.03, 0.1),
        ("set10", 0.14, 0.07),  # stop 49: 1.7 % -> 6.9 % alone, a title whose lead names none of its words
        ("set11", 0.05, 0.05),  # stop 49: 8.2 % -> 0 % alone, its question subheadings no longer cut
        ("set12", 0.03, 0.03),
        ("set14", 0.05, 0.05),
        ("set16", 0.03, 0.02),
        ("set17", 0.03, 0.03),
        ("set18", 0.05, 0.03),
        ("set19", 0.06, 0.03),
        ("set20", 0.1, 0.08),
        ("set21", 0.03, 0.03),  # stop 44, first measured sealed: 0 + 2 of 116 mixed in, 1 + 0 of 73 alone
    ],
)
def test_later_sets_of_unseen_posts_split_with_few_errors_mixed_in_or_alone(truth, name, mixed_max, alone_max):
    """More sets of invented posts, written at stops 18 to 24 (see the sets' README).

    The bounds sit a little above the figures measured at stop 24 (seeds 11–13 × 6 mixed in, seed 11 × 12
    alone), listed in docs/post-splitting.md, and were tightened at stop 25 where the lower split
    threshold and a word's kin counting as its recurrence found more titles (set2, set4, set5, set7,
    set10, set12, set14, set18, set20), and at stop 31 where a paragraph ending as posts do and a phone
    number in a last sentence found more titles (set5, set8, set16, set19), and at stop 33 where a
    four-letter word's compounds count as its recurrence (set2: 4.0 % -> 2.8 % mixed in); since the
    archive's title length is learnt (stop 24), set8 alone is cut more often at a short question
    subheading. Most misses left are titles of two to four words after a post with no closing line,
    among the known posts' long titles. At stop 49 a long heading whose lead names none of its words
    counts against it (``lead_silent``): set11 alone 8.2 % -> 0 %, set10 alone 1.7 % -> 6.9 % (its
    "Så blir …" title opens on the visitors, not the web, after a post on the same site; seeds 1–3 × 40:
    13 -> 27 missed of 561), set13 below.
    """
    mixed, alone = _set_scores(truth, name)
    assert mixed.errors / mixed.boundaries <= mixed_max, mixed.summary()
    assert mixed.false <= 2, mixed.summary()
    assert alone.errors / alone.boundaries <= alone_max, alone.summary()


def _set_scores(truth, name: str) -> tuple[SplitScore, SplitScore]:
    """A set's errors mixed among the known posts (seeds 11–13 × 6) and alone (seed 11 × 12)."""
    posts = read_posts(UNSEEN_SETS / name)
    assert len(posts) >= 6
    mixed = score_unseen(truth_posts(truth, _lines), posts, (11, 12, 13), 6, default_splitter(CUES))
    alone = score_splitter(shuffled_archives(posts, seed=11, variants=12), default_splitter(CUES))
    assert mixed.boundaries > 10 * len(posts) and alone.boundaries > 8 * len(posts)
    return mixed, alone


def test_set13_is_still_cut_at_its_question_subheadings(truth):
    """set13 (stop 20), written after the short-ending cue and measured once before it was narrowed: the
    splitter still fails it. A short post is cut at a question subheading whose text shares few words
    with the text above ("Vad kan man göra med datan?" and its answer), and a three-word title over a
    fact sheet is missed. A guard at the measured level, not a goal.

    Measured (seeds 11–13 × 6 mixed in, seed 11 × 12 alone): 37.9 % and 50.7 % since a word weighs
    more where it recurs near itself (stop 23; seeds 1–3 × 40: 40.7 % and 50.4 %); 47.4 % and 57.5 %
    before; 40.5 % and 50.7 % with the split threshold at 0.7 (stop 25; seeds 1–3 × 40: 40.7 % and
    48.7 %), 39.7 % and 47.9 % once a word's kin counts (40.8 % and 48.1 %); 22.4 % and 31.5 % since a
    heading opening with a linking word ("Men jag vill ha papper!") is a subheading (stop 27; seeds
    1–3 × 40: 25.4 % and 32.1 %); 12.1 % and 20.5 % since "datan" counts as a word the post used as
    "data" (stop 28; seeds 1–3 × 40: 13.7 % and 24.3 %); 11.2 % and 19.2 % since a phone number in a
    last sentence closes a post (stop 31; seeds 1–3 × 40: 13.2 % and 20.5 %); 8.6 % and 9.6 % since a long
    heading whose lead names none of its words counts against it (stop 49; the answer "Det vet vi inte …"
    does not name the question's data; seeds 1–3 × 40: 8.7 % and 12.3 %). Its history before stop 23 is
    in docs/post-splitting.md.
    """
    mixed, alone = _set_scores(truth, "set13")
    assert mixed.errors / mixed.boundaries <= 0.1, mixed.summary()
    assert alone.errors / alone.boundaries <= 0.12, alone.summary()


def test_set15s_long_report_is_no_longer_cut_at_its_subheadings(truth):
    """set15 (stop 21), the first set of posts as long as the archive's, failed on one post: a long
    report whose sections share few words, cut at two of its five- and six-word subheadings (20.7 % and
    24.7 % on these samples). Since a word weighs more where it recurs near itself (stop 23), the
    sections share the report's subject words: 2.6 % and 6.8 %, all false splits; seeds 1–3 × 40:
    3.3 % and 4.9 %. At stop 25 a contact prompt stopped making a post of its own (alone 40 → 28
    errors on seeds 1–3 × 40) and the lower split threshold cut the report a little more again
    (mixed 24 → 33, alone 28 → 41), and a word's kin in the likeness more still alone (41 → 53;
    mixed 33 → 28); these samples did not move.
    """
    mixed, alone = _set_scores(truth, "set15")
    assert mixed.errors / mixed.boundaries <= 0.05, mixed.summary()
    assert alone.errors / alone.boundaries <= 0.1, alone.summary()


def test_the_search_stops_early_only_where_no_other_split_could_win(truth, monkeypatch):
    """The split search skips predecessors too far behind to catch up; skipping none gives the same splits."""
    archives = shuffled_archives(truth_posts(truth, _lines), seed=11, variants=3)
    dumps = [dump for dump, _ in archives]
    pruned = default_splitter(CUES)(dumps)
    monkeypatch.setattr(segmentation, "_likeness_spread", lambda: math.inf)
    assert default_splitter(CUES)(dumps) == pruned


def test_a_leftover_label_under_every_post_is_no_series_title():
    """A label the old site printed under each post ("Skriv ut") stands before every next title. Once
    one was taken as a post's title, each repeat scored as a series' next title, and every post began at
    its label (made archives of the known posts with such a label under half of them: 116 + 96 errors
    in 40 archives, 19 + 6 since). A series' next title has a lead under it, not a heading."""
    label = "Skriv ut"
    posts = [CYCLES, BUSES, PARK, LIBRARY]
    texts = [line for post in posts for line in (*post, label)]
    titles = [i for i, line in enumerate(texts) if line in {post[0] for post in posts}]
    labels = [i for i, line in enumerate(texts) if line == label]
    splitter = _splitter(texts, ELSEWHERE)
    assert [span.start for span in splitter.split()] == [i + 1 for i in titles]
    assert segmentation.REPEATED_TITLE_REASON not in splitter.candidate(labels[0], labels[1]).reasons


@pytest.mark.parametrize("leftover", ["Taggar: cyklar, trafik, stationen", "Bild: Cyklister vid stationen", "Skriv ut"])
def test_a_title_after_a_leftover_line_is_read_past_it_to_the_post_before(leftover):
    """A leftover under a post (tags, a caption, a label) stood between its closing line and the next
    title: the title lost "the line before closes a post" and was read as one more fact."""
    texts = [*CYCLES, CONTACT, leftover, *BUSES]
    title = len(CYCLES) + 2
    cues = title_cues.line_cues(_splitter(texts, ELSEWHERE).text, title, CUES)
    assert cues["closing_before"] == cues["clean_break"] == 1.0 and cues["after_fact"] == 0.0
    assert [span.start for span in _splitter(texts, ELSEWHERE).split()] == [1, title + 1]


@pytest.mark.parametrize("leftover", ["Taggar: cyklar, trafik, stationen", "Bild: Cyklister vid stationen"])
def test_a_title_is_read_past_a_leftover_under_a_post_that_ends_in_a_link(leftover):
    """A post may end in a link's label ("Läs mer om …"), a heading that closes it. A tag line or a
    caption under it was read as one more short line of the post, and the title after it lost the
    post's end: made archives with leftovers under half of the posts (seeds 7, 55, 101 × 40) had
    47 + 14 boundary errors of 2,400, 36 + 7 read past."""
    texts = [*CYCLES, "Läs mer om cykelplanen", leftover, *BUSES]
    title = len(CYCLES) + 2
    cues = title_cues.line_cues(_splitter(texts, ELSEWHERE).text, title, CUES)
    assert cues["closing_before"] == cues["clean_break"] == 1.0 and cues["after_fact"] == 0.0
    assert [span.start for span in _splitter(texts, ELSEWHERE).split()] == [1, title + 1]


def test_a_subheading_under_a_short_title_after_a_link_is_not_read_past_the_title():
    """After a heading that closes a post, a short heading is more often the next post's short title
    over its first subheading (a known post's title, cut to four words, stands so) than a layout label:
    only a "Key: value" leftover is read past there. Read past a heading too, the known posts with titles
    cut to four words (seeds 1-3 × 40) had 421 errors instead of 383."""
    texts = [*CYCLES, "Läs mer om cykelplanen", "Bussar på landsbygden", "Vad händer nu?", *BUSES[1:]]
    subheading = len(CYCLES) + 2
    assert title_cues.line_cues(_splitter(texts, ELSEWHERE).text, subheading, CUES)["closing_before"] == 0.0


def test_a_subheading_right_under_a_long_title_is_not_read_past_it():
    """A post whose title has a subheading under it: the subheading does not take the closing line before
    the title as its own (the known posts lost titles to their first subheading that way)."""
    texts = [*CYCLES, CONTACT, BUSES[0], "Vad händer nu?", *BUSES[1:]]
    assert title_cues.line_cues(_splitter(texts, ELSEWHERE).text, len(CYCLES) + 2, CUES)["closing_before"] == 0.0


def test_a_posts_last_line_alone_is_not_doubted_as_a_post():
    """A leftover under a post (a caption, a label) is a heading-like line with nothing after it: no
    split could make it a post, yet it was the post's doubt, and put half of the posts of made archives
    with leftovers on the review list (1,936 of 2,964; 614 since, holding 70 of their 80 errors)."""
    texts = [*CYCLES, "Bild: Cyklister vid stationen", *BUSES, "Skriv ut"]
    spans = _splitter(texts, ELSEWHERE).split()
    assert [span.start for span in spans] == [1, len(CYCLES) + 2]
    leftovers = {len(CYCLES) + 1, len(texts)}
    assert not [span.doubt for span in spans if span.doubt is not None and span.doubt.number in leftovers]


STAMP_FORMS = {
    "with words": "Publicerat {} mars 2015 av Anna",
    "lower case": "den {} mars 2015",
    "month first": "mars {}, 2015",
    "month cut short": "{} mar 2015",
    "in numbers": "{}/3 2015",
    "in numbers with stops": "{}.3.2015",
}


@pytest.mark.parametrize("form", STAMP_FORMS.values(), ids=STAMP_FORMS.keys())
@pytest.mark.parametrize("where", STAMP_PLACES)
def test_posts_with_a_date_stamp_split_at_their_titles_wherever_the_page_put_it(where, form):
    """A saved listing page prints each post's date and author on a line of its own. Taken for a title
    (a long heading over a lead) it cost the made archives nearly every boundary: with the stamp under
    every title 51 + 51 errors of 120 (seed 11 x 6), above every title 105 + 103, under every post 8 + 6.
    Stamps in lower case, month first, cut short or in numbers were no dates before stop 43 (seed 7 × 10,
    under the title: from 13 + 4 to 77 + 73 errors of 200; above it up to 200 + 195)."""
    stamps = [form.format(n) for n in range(1, 5)]
    posts = with_date_stamps([CYCLES, BUSES, PARK, LIBRARY], stamps, where)
    texts = [line for post in posts for line in post]
    firsts = [1, *(1 + n for n in accumulate(len(post) for post in posts[:-1]))]
    spans = _splitter(texts, ELSEWHERE).split()
    assert [span.start for span in spans] == firsts
    assert [span.end for span in spans] == [n - 1 for n in firsts[1:]] + [len(texts)]


@pytest.mark.parametrize(
    "saved",
    [
        pytest.param(lambda line: line.replace(" ", "\u00a0"), id="non-breaking spaces"),
        pytest.param(lambda line: line.replace(" ", "  "), id="doubled spaces"),
        pytest.param(lambda line: re.sub(r"(\w{6})(\w{4,})", "\\1\u00ad\\2", line), id="soft hyphens"),
        pytest.param(lambda line: re.sub(r"(\w{6})(\w{4,})", "\\1\u200b\\2", line), id="zero-width spaces"),
    ],
)
def test_characters_a_reader_does_not_see_change_no_split(truth, saved):
    """A page saved with a non-breaking or doubled space between words ("Välkommen\u00a0att\u00a0kontakta …")
    or a soft hyphen inside long ones: the rules' phrases, spelt with plain spaces, were not found, and a
    soft hyphen cut a word in two for the stemmer. Made archives of the known posts so saved (seed 7 × 20):
    7 + 2 boundary errors with non-breaking spaces, 6 + 13 with doubled ones, 5 + 0 with soft hyphens or
    zero-width spaces, instead of 2 + 0; the same splits as the plain text's now."""
    dumps = [dump for dump, _ in shuffled_archives(truth_posts(truth, _lines), seed=12, variants=6)]
    changed = [[saved(line) if line.strip() else line for line in dump] for dump in dumps]
    assert changed != dumps
    split = default_splitter(CUES)
    assert split(changed) == split(dumps)


def test_an_emoji_beside_a_title_hides_neither_its_shape_nor_its_mark(truth):
    """A title may end in an emoji after its "!" or "?" ("Grattis Kävlinge! 🎉"), and a sentence after its full
    stop. The emoji was read as the line's last sign: the title lost its mark's cue, and the sentence passed
    for a heading. Made archives of the known posts with an emoji after every title (seed 7 × 20): 4 + 0
    boundary errors instead of 2 + 0. An emoji before the title ("🚲 Nya cykelbanor") hid its capital: no
    title was title-shaped. The same splits as without now."""
    texts = [*CYCLES, "Vad tycker du om bussarna? 🤔", *BUSES[1:]]
    assert _features(texts, len(CYCLES))["question"] == 1.0
    assert content_lines([(1, "Tack för i år. 🎄")])[0].kind == LineKind.TEXT
    archives = shuffled_archives(truth_posts(truth, _lines), seed=7, variants=6)
    dumps = [dump for dump, _ in archives]
    split = default_splitter(CUES)
    for framed in ("{} 🎉", "🎉 {}"):
        with_emoji = [
            [framed.format(line) if n == 1 or n in starts else line for n, line in enumerate(dump, 1)]
            for dump, starts in archives
        ]
        assert split(with_emoji) == split(dumps), framed


def _numbered_lists(dump: list[str]) -> list[str]:
    """The dump with each run of "•" items numbered "1.", "2.", … instead."""
    numbered, count = [], 0
    for line in dump:
        count = count + 1 if line.lstrip().startswith("•") else 0
        numbered.append(re.sub(r"^\s*•\s*", f"{count}. ", line) if count else line)
    return numbered


def test_a_numbered_list_splits_as_a_bulleted_one(truth):
    """Lines that count up one after another ("1. 19 november kl. 15 …", "2. …") are a list, as the body writes
    them; read by their shape alone they were headings, and the short line after the list a title. Made
    archives of the known posts with their lists numbered (seed 7 × 20): 3 + 23 boundary errors instead of 2 + 0;
    the same splits as with bullets now."""
    kinds = [line.kind for line in content_lines(list(enumerate([*CYCLES, "1. Kortare köer", "2. Fler cyklar"], 1)))]
    assert kinds[-2:] == [LineKind.BULLET, LineKind.BULLET]
    assert content_lines([(1, "1. Kortare köer i telefon")])[0].kind != LineKind.BULLET  # one numbered line: no list
    dumps = [dump for dump, _ in shuffled_archives(truth_posts(truth, _lines), seed=7, variants=6)]
    numbered = [_numbered_lists(dump) for dump in dumps]
    assert numbered != dumps
    split = default_splitter(CUES)
    assert split(numbered) == split(dumps)


@pytest.mark.parametrize("space", ["\u00a0", "&nbsp;"])
def test_a_non_breaking_space_between_every_paragraph_splits_as_without_it(truth, space):
    """A page that spaced its paragraphs with empty ones (a line holding only a non-breaking space under each):
    read as separators, every line after one was weighed up as a title. Made archives of the known posts so
    (seed 7 × 20) had 3 + 116 boundary errors of 400, 0 + 31 with it under half of the posts; 2 + 0 now, as
    without them. Shuffled archives so spaced split where they split without it."""
    dumps = [dump for dump, _ in shuffled_archives(truth_posts(truth, _lines), seed=7, variants=6)]
    spaced = [[line for text in dump for line in (text, space)][:-1] for dump in dumps]
    split = default_splitter(CUES)
    assert [{(n + 1) // 2 for n in starts} for starts in split(spaced)] == split(dumps)


def test_a_title_printed_twice_starts_its_post_at_the_first(truth):
    """A page may print a title twice, one line over the other (an image's alt text, or the title as a link,
    over the heading). The search took the second for the title and left the first at the end of the post
    before: made archives of the known posts so (seed 7 × 20) had 177 + 173 boundary errors of 400, 4 + 0 now.
    Shuffled archives so printed split at the first of each pair, and nearly everywhere as without them."""
    archives = shuffled_archives(truth_posts(truth, _lines), seed=7, variants=6)
    twice, where, seconds = [], [], []
    for dump, starts in archives:
        titles = {1, *starts}
        twice.append([copy for n, line in enumerate(dump, 1) for copy in ([line, line] if n in titles else [line])])
        moved = {n: n + sum(1 for t in titles if t < n) for n in range(1, len(dump) + 1)}
        where.append(moved)
        seconds.append({moved[t] + 1 for t in titles})
    split = default_splitter(CUES)
    found = split(twice)
    assert not any(starts & second for starts, second in zip(found, seconds, strict=True))
    without = [{moved[n] for n in starts} for starts, moved in zip(split([d for d, _ in archives]), where, strict=True)]
    differ = sum(len(a ^ b) for a, b in zip(found, without, strict=True))
    assert differ <= 0.02 * sum(len(starts) for starts in without), differ


def test_a_line_of_decoration_between_posts_parts_them_as_an_invisible_line_does(truth):
    """A page may draw a line ("***") under each post, under its share button ("Dela på Facebook"). The
    decoration was a line of its own between the leftover and the next title, so the leftover, followed by no
    heading, was not seen to recur under every post and was taken for the title. Made archives of the known
    posts so (seed 7 × 5): 164 boundary errors of 100, 4 now; shuffled (seed 11 × 6) 102 + 99 of 118, 1 + 0 now.
    The decoration alone: 3 errors of 100, now 0."""
    content = content_lines(list(enumerate([*CYCLES, "***", *BUSES], 1)))
    assert [line.kind for line in content].count(LineKind.SEPARATOR) == 0
    assert content[len(CYCLES)].after_separator  # the title after it
    posts = [[*post, "Dela på Facebook", "***"] for post in truth_posts(truth, _lines)]
    score = score_splitter(shuffled_archives(posts, seed=11, variants=6), default_splitter(CUES))
    assert score.errors / score.boundaries <= 0.04, score.summary() + "\n" + "\n".join(score.examples)
