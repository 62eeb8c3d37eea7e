"""Posts copied into two dumps: the shared runs' edges are post boundaries, chance matches are not."""

from __future__ import annotations

import pytest
from conftest import LEGACY
from migration.copies import MIN_SHARED_CHARS, SharedRuns, same_post
from migration.dump_text import ContentLine, content_lines, with_recurring_leftovers
from migration.evaluation import truth_posts, without_blank_lines
from migration.source import LegacyDump, read_dump


@pytest.fixture
def posts(truth) -> list[list[str]]:
    """The archive's posts as the truth file cuts them, without blank lines (a made dump has none)."""
    return [without_blank_lines(p) for p in truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))]


def _dump(name: str, lines: list[str]) -> LegacyDump:
    return LegacyDump.from_lines(name, lines)


def _content(*dumps: LegacyDump) -> dict[str, list[ContentLine]]:
    return {d.name: content_lines(list(enumerate(d.lines, 1))) for d in dumps}


CYCLE_POST = [
    "Ny cykelbana i centrum",
    "Staden bygger en ny cykelbana längs ån, klar i oktober i år enligt planen som kommunen antog.",
]
BUS_POST = [
    "Bussarna går oftare på landsbygden",
    "Från januari går bussarna till byarna varje halvtimme under rusningstid på vardagar.",
]


@pytest.mark.parametrize("title_as", ["{}", "Nyhet: {}"])  # also a "Subject: phrase" title
def test_a_short_post_copied_into_another_dump_marks_post_edges_in_both(posts, title_as):
    """A title and two paragraphs share too few lines to count by length alone, yet are surely one post."""
    short = min(posts, key=len)
    short[0] = title_as.format(short[0])
    first, second, third = [p for p in posts if p is not short][:3]
    assert len(short) <= 3
    a = _dump("a.txt", [*short, *first])
    b = _dump("b.txt", [*second, *short, *third])
    starts = SharedRuns(_content(a, b)).starts()
    assert len(short) + 1 in starts["a.txt"]
    assert {len(second) + 1, len(second) + len(short) + 1} <= starts["b.txt"]


def test_a_shared_contact_line_is_not_taken_for_a_copied_post():
    contact = ["Har du frågor?", "Kontakta oss på info@example.se"]
    a = _dump("a.txt", ["En rubrik", "Ett stycke text om en sak som är intressant för läsaren.", *contact])
    b = _dump("b.txt", ["En annan rubrik", "Ett helt annat stycke text om något annat.", *contact, "Sista raden"])
    assert SharedRuns(_content(a, b)).starts() == {"a.txt": set(), "b.txt": set()}


def test_a_contact_line_over_the_share_block_the_page_printed_under_every_post_is_no_copied_post():
    """A block under every post ("Dela på Facebook", …, "Skriv ut") made a shared contact prompt and line six
    lines long, a copy by its length; marked as the page's (with_recurring_leftovers), it counts not."""
    block = ["Dela på Facebook", "Dela på Twitter", "Dela på LinkedIn", "Skriv ut"]
    contact = ["Har du frågor?", "Kontakta oss på info@example.se"]
    other = ["En annan rubrik", "Ett helt annat stycke text om något annat, som läsaren också vill veta mer om."]
    last = ["Biblioteket öppnar i Vivalla", "Det nya biblioteket har öppet alla dagar i veckan från och med i höst."]
    a = _dump("a.txt", [*CYCLE_POST, *contact, *block, *other, *block, *last])
    b = _dump("b.txt", [*BUS_POST, *contact, *block, *last[:1], f"{last[1]} Välkommen!"])
    plain = _content(a, b)
    assert SharedRuns(plain).starts()["a.txt"]  # the block read as text: a copy's edges
    marked = dict(zip(plain, with_recurring_leftovers(list(plain.values())), strict=True))
    assert all(line.under_posts for name in marked for line in marked[name] if line.text in block)
    assert SharedRuns(marked).starts() == {"a.txt": set(), "b.txt": set()}


def test_a_short_notice_copied_into_another_dump_marks_its_edges_but_a_contact_block_does_not():
    """A title and two sentences (under 300 characters) copied into two dumps are one post; a contact
    prompt and a contact line of the same length shared by two posts are not."""
    notice = [
        "Glad sommar!",
        "Nu tar bloggen sommaruppehåll. Vi är tillbaka i augusti med fler inlägg om hur vi arbetar.",
        "Tack till alla som har läst och delat under våren!",
    ]
    before = ["Ny cykelbana i centrum", "Staden bygger en ny cykelbana längs ån, klar i oktober i år enligt planen."]
    after = ["Bussarna går oftare", "Från januari går bussarna till byarna varje halvtimme under rusningstid."]
    a = _dump("a.txt", [*before, *notice, *after])
    b = _dump("b.txt", [*after, *notice])
    starts = SharedRuns(_content(a, b), ("kontakta",)).starts()
    assert len(before) + 1 in starts["a.txt"] and len(before) + len(notice) + 1 in starts["a.txt"]
    assert len(after) + 1 in starts["b.txt"]

    contact = [
        "Har du frågor?",
        "Välkommen att kontakta Eva Ek, cykelsamordnare på kommunen, som svarar på det mesta om cyklar.",
    ]
    a = _dump("a.txt", [*before, *contact, *after])
    b = _dump(
        "b.txt", [*after[:1], "Bussarna går nu var tionde minut i rusningstid, visar den nya tabellen.", *contact]
    )
    assert SharedRuns(_content(a, b), ("kontakta",)).starts() == {"a.txt": set(), "b.txt": set()}


def test_a_copy_missing_its_last_line_does_not_cut_the_other_copy(posts):
    """One save of a listing page lacks a post's last line, a link caption shaped like a title:
    the shared run then ends before that caption in the other dump, which is no post start."""
    shaped = {id(p): content_lines(list(enumerate(p, 1))) for p in posts}
    post = next(p for p in posts if shaped[id(p)][-1].title_shaped and not shaped[id(p)][-2].title_shaped)
    others = [p for p in posts if p is not post and not shaped[id(p)][1].title_shaped]
    first, second, third, fourth = others[:4]
    a = _dump("a.txt", [*first, *post, *second])
    b = _dump("b.txt", [*third, *post[:-1], *fourth])
    starts = SharedRuns(_content(a, b)).starts()
    assert starts["a.txt"] == {len(first) + 1}  # not the caption (len(first) + len(post))
    assert starts["b.txt"] == {len(third) + 1, len(third) + len(post)}


def test_two_saves_of_a_post_are_one_post_despite_an_edited_line_but_a_shared_paragraph_is_not():
    post = [
        "Ny cykelbana i centrum",
        "Staden bygger en ny cykelbana längs ån, klar i oktober i år enligt planen som kommunen antog.",
        "Cykelbanan blir fyra meter bred och belyst hela vägen från stationen till simhallen.",
        "Under bygget leds cyklisterna om via parkgatan, där skyltar visar vägen.",
        "Har du frågor om bygget? Kontakta trafikenheten.",
    ]
    edited = [*post[:2], post[2] + " Den öppnar i november.", *post[3:]]
    assert same_post(post, post) and same_post(post, edited)
    other = ["En annan rubrik", post[1], "Ett helt annat stycke om något annat än cyklar och vägar i staden."]
    assert not same_post(post, other)


def test_a_short_post_saved_twice_is_one_post_though_one_of_its_four_lines_was_edited():
    post = [
        "Ny cykelbana i centrum",
        "Staden bygger en ny cykelbana längs ån, klar i oktober i år enligt planen som kommunen antog.",
        "Cykelbanan blir fyra meter bred och belyst hela vägen från stationen till simhallen, med plats för "
        "lastcyklar och en egen fil för den som vill cykla fort förbi dem som tar det lugnt längs ån.",
        "Under bygget leds cyklisterna om via parkgatan, där skyltar visar vägen.",
    ]
    assert sum(map(len, post[:3])) >= MIN_SHARED_CHARS  # the lines found as they are: enough text to count
    assert same_post(post, [*post[:3], post[3] + " Skyltarna sätts upp i maj."])
    assert same_post(post, ["Uppdaterat: " + post[0], *post[1:]])
    # a line that reads otherwise is no edit, and two nearly alike lines do not make a copy of half a post
    assert not same_post(post, [*post[:3], "Bussarna går som vanligt under hela bygget, men hållplatsen flyttas."])
    nearly = [line.replace("Cykelbanan", "Gångbanan").replace("cykel", "gång") for line in post]
    assert not same_post(post, [*post[:2], *nearly[2:]]) and not same_post(post, [post[0], *nearly[1:]])


def test_a_post_found_twice_in_one_dump_marks_its_edges_where_it_stands_both_times(posts):
    """A listing page pasted twice into one file: each copy's edges are post edges, as across dumps."""
    post, first, second, third = posts[0], posts[5], posts[9], posts[13]
    a = _dump("a.txt", [*first, *post, *second, *post, *third])
    starts = SharedRuns(_content(a)).starts()["a.txt"]
    again = len(first) + len(post) + len(second) + 1
    assert {len(first) + 1, len(first) + len(post) + 1, again, again + len(post)} <= starts


def test_a_contact_block_found_in_every_post_of_a_dump_marks_nothing():
    contact = ["Har du frågor?", "Kontakta oss på info@example.se"]
    a = _dump(
        "a.txt",
        [
            "En rubrik",
            "Ett stycke text om en sak som är intressant för läsaren.",
            *contact,
            "En annan rubrik",
            "Ett helt annat stycke text om något annat.",
            *contact,
        ],
    )
    assert SharedRuns(_content(a), ("kontakta",)).starts() == {"a.txt": set()}


def test_a_post_twice_in_a_dump_where_every_post_ends_alike_is_still_found(posts):
    """A line under every post (more places than a post is pasted) starts no copy; the copy is
    looked for from the line after it, its title."""
    post, *others = [[*p, "Läs fler inlägg på bloggen"] for p in (posts[2], *posts[6:11])]
    lines = [*others[0], *post, *others[1], *others[2], *post, *others[3], *others[4]]
    a = _dump("a.txt", lines)
    starts = SharedRuns(_content(a)).starts()["a.txt"]
    titles = [n for n, text in enumerate(lines, 1) if text == post[0]]
    assert len(titles) == 2 and set(titles) <= starts


def test_two_posts_of_one_dump_ending_in_the_same_long_contact_block_are_no_copies():
    """Posts by one team end alike; four shared lines within a dump are a signature, not a post."""
    contact = [
        "Har du frågor?",
        "Kontakta Eva Ek, samordnare för cykelfrågor på kommunen, så svarar hon på det mesta.",
        "Telefon: 019-00 00 00, vardagar klockan 9-12.",
        "Mer om cykelplanen finns på kommunens webbplats under Trafik och gator, Cykla.",
    ]
    a = _dump("a.txt", [*CYCLE_POST, *contact, *BUS_POST, *contact])
    assert SharedRuns(_content(a), ("kontakta",)).starts() == {"a.txt": set()}


def test_a_copy_after_two_posts_that_end_alike_is_found_at_its_title(posts):
    post = posts[2]
    contact = ["Har du frågor?", "Kontakta oss på cykel@example.se eller ring växeln, så hjälper vi dig vidare."]
    lines = [*CYCLE_POST, *contact, *post, *BUS_POST, *contact, *post]
    starts = SharedRuns(_content(_dump("a.txt", lines)), ("kontakta",)).starts()["a.txt"]
    titles = [n for n, text in enumerate(lines, 1) if text == post[0]]
    assert len(titles) == 2 and set(titles) <= starts
    assert not {n for n, text in enumerate(lines, 1) if text == contact[0]} & starts


def test_a_copy_after_two_posts_whose_shared_ending_holds_a_sentence_is_found_at_its_title(posts):
    """An ending may carry a standard sentence after the contact line; the copy still starts at the
    title past it (before, a line of running text in the ending made the whole run no copy)."""
    post = posts[2]
    contact = [
        "Har du frågor?",
        "Kontakta oss på cykel@example.se eller ring växeln, så hjälper vi dig vidare.",
        "Vi svarar på alla frågor inom två arbetsdagar och sparar inte dina uppgifter efter det.",
    ]
    lines = [*CYCLE_POST, *contact, *post, *BUS_POST, *contact, *post]
    starts = SharedRuns(_content(_dump("a.txt", lines)), ("kontakta",)).starts()["a.txt"]
    titles = [n for n, text in enumerate(lines, 1) if text == post[0]]
    assert len(titles) == 2 and set(titles) <= starts
    assert not {n for n, text in enumerate(lines, 1) if text in contact} & starts


def test_a_copy_whose_title_was_edited_marks_where_it_ends_and_never_cuts_inside_the_post(posts):
    """Saved twice with its title changed in between: the shared run begins in the lead, which is
    no title, so only the post after each copy is marked; a subheading inside is never taken."""
    shaped = {id(p): content_lines(list(enumerate(p, 1))) for p in posts}
    post = max(
        (p for p in posts if not shaped[id(p)][1].title_shaped),
        key=lambda p: sum(x.title_shaped for x in shaped[id(p)]),
    )
    assert sum(x.title_shaped for x in shaped[id(post)][1:]) >= 2  # subheadings a wrong start could take
    first, second, third = [p for p in posts if p is not post][:3]
    lines = [*first, *post, *second, f"{post[0]} (uppdaterad)", *post[1:], *third]
    starts = SharedRuns(_content(_dump("a.txt", lines))).starts()["a.txt"]
    true_starts = {1, len(first) + 1}
    true_starts |= {len(first) + len(post) + 1, len(first) + len(post) + len(second) + 1}
    true_starts |= {len(lines) - len(third) + 1}
    assert starts <= true_starts and len(lines) - len(third) + 1 in starts, sorted(starts)


def test_a_copy_whose_title_stands_over_a_short_caption_is_found_at_its_title():
    """A title over a caption or a short quote does not open like a post by its lead, yet the copy
    starts at the title: no subheading inside it is taken for the start."""
    post = [
        "Nya cykelbanor längs ån i höst",
        "Foto: Eva Ek",
        "Staden bygger nya cykelbanor längs ån i höst, med belysning och plats för lastcyklar hela vägen.",
        "Så går bygget till",
        "Först byggs delen vid stationen, sedan sträckan förbi simhallen och sist bron över ån i norr.",
    ]
    lines = [*CYCLE_POST, *post, *BUS_POST, *post]
    starts = SharedRuns(_content(_dump("a.txt", lines))).starts()["a.txt"]
    titles = {n for n, text in enumerate(lines, 1) if text == post[0]}
    subheadings = {n for n, text in enumerate(lines, 1) if text == post[3]}
    assert titles <= starts and not subheadings & starts, sorted(starts)


def test_two_paragraphs_two_dumps_share_inside_different_posts_are_no_copy():
    """A standard text (how to complain, say) quoted in two posts is long, but it opens with no title:
    too few lines to be a copied post."""
    shared = [
        "Är du inte nöjd med hur vi har hanterat ditt ärende kan du lämna synpunkter via kommunens "
        "webbplats, per telefon eller på servicecenter, så återkommer vi inom två veckor.",
        "Dina synpunkter hjälper oss att bli bättre, och vi sammanställer dem varje halvår för nämnden "
        "så att de kan följas upp och användas när verksamheten planeras.",
    ]
    a = _dump("a.txt", [*CYCLE_POST, *shared, *BUS_POST])
    b = _dump("b.txt", [*BUS_POST[::-1], *shared, "Vad tycker du om skolmaten?", CYCLE_POST[1]])
    assert sum(map(len, shared)) >= 300  # long enough to count, were it a post
    assert SharedRuns(_content(a, b)).starts() == {"a.txt": set(), "b.txt": set()}


@pytest.mark.parametrize("leftover", [["Dela på Facebook"], ["Kategorier: Nyheter, Trafik"], ["Skriv ut", "Dela"]])
def test_a_copy_under_the_leftover_every_post_ends_with_is_found_at_its_title(posts, leftover):
    """A listing page that leaves the same line under every post leaves it above both copies of a post:
    the run the two dumps share begins at the leftover, the copy at its title."""
    post, first, second, third = ([*p, *leftover] for p in posts[2:6])
    a = _dump("a.txt", [*first, *post, *second])
    b = _dump("b.txt", [*third, *post])
    starts = SharedRuns(_content(a, b)).starts()
    assert {len(first) + 1, len(first) + len(post) + 1} <= starts["a.txt"]
    assert starts["b.txt"] == {len(third) + 1}
    # within one dump, a line under four posts is not yet boilerplate (copies.MAX_REPEATS): the run starts there
    repeated = SharedRuns(_content(_dump("c.txt", [*first, *post, *second, *post]))).starts()["c.txt"]
    titles = {len(first) + 1, len(first) + len(post) + len(second) + 1}
    assert titles <= repeated and not {n - 1 for n in titles} & repeated


def test_a_copy_whose_short_title_stands_over_a_caption_is_found_at_its_short_title():
    """A short title looks like a leftover, and a caption ("Foto: …") like a "Subject: phrase" title:
    only a heading over its lead is taken for the title after a leftover."""
    post = [
        "Nya cykelbanor",
        "Foto: Eva Ek",
        "Staden bygger nya cykelbanor längs ån i höst, med belysning och plats för lastcyklar hela vägen.",
        "Först byggs delen vid stationen, sedan sträckan förbi simhallen och sist bron över ån i norr.",
    ]
    a = _dump("a.txt", [*BUS_POST, *post])
    b = _dump("b.txt", [*CYCLE_POST, *post])
    assert SharedRuns(_content(a, b)).starts() == {"a.txt": {3}, "b.txt": {3}}


REPORT_POST = [
    "Så nöjda är invånarna med kommunens service",
    "Årets undersökning visar att fyra av fem invånare är nöjda med hur snabbt de fått svar från kommunen.",
    "Mest nöjda är de som kontaktat servicecenter, minst nöjda de som väntat på svar från bygglov.",
    "Så går vi vidare",
    "Under våren går vi igenom svaren med varje förvaltning och bestämmer vad som ska bli bättre.",
]


def test_a_cut_one_copy_of_a_post_has_and_the_other_not_is_named_in_the_dump_that_has_it():
    """The copies of a post are one text: the splitter's cut at the subheading in one dump only is undone."""
    a = _dump("a.txt", [*BUS_POST, *REPORT_POST, *CYCLE_POST])
    b = _dump("b.txt", [*REPORT_POST, *BUS_POST[:1], "Bussarna går oftare på kvällarna i höst enligt det nya schemat."])
    shared = SharedRuns(_content(a, b))
    subheading_in_a, subheading_in_b = len(BUS_POST) + 4, 4
    assert a.line(subheading_in_a) == b.line(subheading_in_b) == "Så går vi vidare"
    assert shared.splits_not_alike({"a.txt": {subheading_in_a}, "b.txt": set()}) == {
        "a.txt": {subheading_in_a},
        "b.txt": set(),
    }
    assert shared.splits_not_alike({"a.txt": set(), "b.txt": {subheading_in_b}}) == {
        "a.txt": set(),
        "b.txt": {subheading_in_b},
    }
    # cut alike in both, or the run's edges (where the copies' neighbours differ): nothing to undo
    both = {"a.txt": {subheading_in_a, len(BUS_POST) + 1}, "b.txt": {subheading_in_b}}
    assert shared.splits_not_alike(both) == {"a.txt": set(), "b.txt": set()}
    # a dump an editor's plan cuts is not asked, nor is its copy judged by it
    assert shared.splits_not_alike({"a.txt": {subheading_in_a}}) == {"a.txt": set()}


def test_a_cut_at_a_line_the_other_copy_lacks_is_kept():
    """A line edited between the two saves of a page says nothing of how the other copy is cut."""
    edited = [*REPORT_POST[:3], "Nästa steg", *REPORT_POST[4:]]
    a = _dump("a.txt", [*BUS_POST, *REPORT_POST, *CYCLE_POST])
    b = _dump("b.txt", [*CYCLE_POST, *edited])
    subheading_in_a = len(BUS_POST) + 4
    shared = SharedRuns(_content(a, b))
    assert shared.pairs  # the copy is found across the edited line
    assert shared.splits_not_alike({"a.txt": {subheading_in_a}, "b.txt": set()}) == {"a.txt": set(), "b.txt": set()}


def test_a_post_pasted_twice_into_one_dump_is_cut_alike_too():
    dump = _dump("c.txt", [*REPORT_POST, *BUS_POST, *REPORT_POST, *CYCLE_POST])
    second_subheading = len(REPORT_POST) + len(BUS_POST) + 4
    shared = SharedRuns(_content(dump))
    assert shared.splits_not_alike({"c.txt": {second_subheading}}) == {"c.txt": {second_subheading}}
