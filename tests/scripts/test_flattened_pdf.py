"""Restoring a flattened PDF: page numbers, footnotes, headings and bullet lists run into its text."""

from __future__ import annotations

import pytest
from migration.flattened_pdf import (
    common_words,
    footnotes_of,
    is_contents_page,
    item_parts,
    joined_pages,
    marked_references,
    page_numbers_of,
    running_text,
    sections,
    subsections,
    table_amounts,
    table_header,
    text_blocks,
    without_page_number,
)


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        # numbered from the first page
        (["Omslag 1", "Text 2", "Mer text 3"], {0: 1, 1: 2, 2: 3}),
        # a cover and a summary without numbers, then 1, 2, 3
        (["Omslag", "Sammanfattning", "Text 1", "Text 2", "Text 3"], {2: 1, 3: 2, 4: 3}),
        # the cover counted as page 1 but not printed: the run starts at 2
        (["Omslag", "Text 2", "Text 3", "Text 4"], {1: 2, 2: 3, 3: 4}),
        # a full-page picture without a number between 3 and 5
        (["Text 1", "Text 2", "Text 3", "Bild", "Text 5", "Text 6"], {0: 1, 1: 2, 2: 3, 4: 5, 5: 6}),
        # a sentence that happens to end in a number, with nothing after it to count on
        (["Omslag", "Vi nådde mål 4", "Text utan nummer"], {}),
        # a number that breaks the run stays in the text
        (["Text 1", "Text 2", "Antal deltagare: 40", "Text 4"], {0: 1, 1: 2, 3: 4}),
    ],
)
def test_only_a_run_of_numbers_that_counts_up_is_taken_for_page_numbers(pages, expected):
    assert page_numbers_of(pages) == expected


def test_page_numbers_at_the_start_of_the_pages_are_found_there():
    pages = ["1 Omslag", "2 Staden växer. Vi bygger 3 banor.", "3 Vi mäter.", "4 Klart 2020"]
    assert page_numbers_of(pages, "start") == {0: 1, 1: 2, 2: 3, 3: 4}
    assert page_numbers_of(pages) == {}  # "3 banor." and "2020" end no run of page numbers
    assert without_page_number(pages[1], "start") == "Staden växer. Vi bygger 3 banor."


@pytest.mark.parametrize("bullet", ["o", "•", "\uf0b7"])
def test_a_bullet_list_run_into_the_text_is_a_list_again(bullet):
    text = (
        f"Under året vill vi göra tre saker. {bullet} Bygga fler cykelbanor. {bullet} Sätta tak över parkeringen? "
        f"{bullet} Mäta hur många som cyklar. Resultatet redovisas i december."
    )
    assert text_blocks(text) == [
        ("paragraph", "Under året vill vi göra tre saker."),
        ("list", ["Bygga fler cykelbanor.", "Sätta tak över parkeringen?", "Mäta hur många som cyklar."]),
        ("paragraph", "Resultatet redovisas i december."),
    ]


def test_a_numbered_list_after_a_colon_is_a_list_again_and_its_last_item_ends_with_its_sentence():
    text = (
        "Arbetet har haft tre mål: 1. Bygga fler cykelbanor i centrum 2. Sätta tak över parkeringen "
        "3. Mäta hur många som cyklar i 3. kvartalet. Resultatet redovisas i december. Se version 4. Den kom i maj."
    )
    assert text_blocks(text) == [
        ("paragraph", "Arbetet har haft tre mål:"),
        (
            "numbered",
            [
                "Bygga fler cykelbanor i centrum",
                "Sätta tak över parkeringen",
                "Mäta hur många som cyklar i 3. kvartalet.",  # a number before a small letter marks no item
            ],
        ),
        # a number further on, past the list's last sentence, belongs to no list
        ("paragraph", "Resultatet redovisas i december. Se version 4. Den kom i maj."),
    ]


def test_a_list_of_fragments_ends_where_a_capital_opens_the_next_sentence():
    text = (
        "Arbetet har haft tre mål: 1. Bygga fler cykelbanor 2. Sätta tak över parkeringen "
        "3. Mäta hur många som cyklar Kommunen redovisar resultatet i december. Sedan kommer en plan."
    )
    assert text_blocks(text) == [
        ("paragraph", "Arbetet har haft tre mål:"),
        ("numbered", ["Bygga fler cykelbanor", "Sätta tak över parkeringen", "Mäta hur många som cyklar"]),
        ("paragraph", "Kommunen redovisar resultatet i december. Sedan kommer en plan."),
    ]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # an earlier item names a place: capitals are no sign of a sentence here
        (
            "Två mål: 1. Bygga cykelbanor i Ekby 2. Mäta cyklandet i Ekby centrum. Sedan en plan.",
            "Bygga cykelbanor i Ekby",
        ),
        # the items are sentences: the last one ends with its full stop
        ("Två mål: 1. Bygga cykelbanor. 2. Mäta cyklandet i Ekby centrum. Sedan en plan.", "Bygga cykelbanor."),
    ],
)
def test_a_last_item_with_a_capital_stays_whole_where_the_list_is_not_of_fragments(text, first):
    assert text_blocks(text)[1:] == [
        ("numbered", [first, "Mäta cyklandet i Ekby centrum."]),
        ("paragraph", "Sedan en plan."),
    ]


def test_a_labelled_series_is_a_list_again_each_item_with_its_label():
    text = (
        "Planen har tre steg. Steg 1 klart i mars 1) Budget beslutad 2) Lokal hittad Steg 2 klart i maj. "
        "Steg 3 klart i juni 1) Invigning med musik. Efter det ser vi över Steg 2 igen."
    )
    assert text_blocks(text) == [
        ("paragraph", "Planen har tre steg."),
        # a sentence may end inside a series: the label counting up carries it on
        (
            "series",
            [
                "Steg 1 klart i mars 1) Budget beslutad 2) Lokal hittad",
                "Steg 2 klart i maj.",
                "Steg 3 klart i juni 1) Invigning med musik.",
            ],
        ),
        # the last item ends with its sentence; a label that does not count on is text
        ("paragraph", "Efter det ser vi över Steg 2 igen."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Bilaga 1 visar kostnaderna. Bilaga 2 visar tiderna.",  # two references in running text
        "Fas 1 börjar nu, Fas 2 i maj och Fas 4 i juni.",  # no Fas 3: not counting up
        "Fas 1 börjar nu, Steg 2 i maj och Fas 3 i juni.",  # two labels
        "Sidan 2 och sidan 3 och Sidan 4.",  # not from 1
        # captions with running text between them
        "Figur 1 visar cyklisterna. De blir fler. Figur 2 visar bilarna. De blir färre. Figur 3 visar bussarna.",
    ],
)
def test_labels_with_numbers_that_make_no_series_stay_text(text):
    assert [kind for kind, _ in text_blocks(text)] == ["paragraph"]


@pytest.mark.parametrize(
    ("item", "parts"),
    [
        (
            "Steg 1 klart 1) Budget beslutad 2) Lokal hittad",
            ("Steg 1 klart", ["1) Budget beslutad", "2) Lokal hittad"]),
        ),
        ("Steg 2 klart 1) Budget 3) Ingen trea", ("Steg 2 klart", ["1) Budget 3) Ingen trea"])),  # counting up only
        ("Steg 3 klart i maj.", ("Steg 3 klart i maj.", [])),
        ("Steg 4 klart 2) Utan etta", ("Steg 4 klart 2) Utan etta", [])),
    ],
)
def test_a_series_item_has_its_numbered_parts(item, parts):
    assert item_parts(item) == parts


@pytest.mark.parametrize(
    "text",
    [
        "Se den publika versionen 1. Övrigt arbete började i maj. Sedan 2. Nej.",  # no lead-in colon
        "Två saker: 1. Den första är lång. Den tar tid. 2. Den andra.",  # a sentence ends between two items
        "Bara en sak: 1. Den första.",  # one item is no list
    ],
)
def test_numbers_that_do_not_make_a_list_stay_text(text):
    assert [kind for kind, _ in text_blocks(text)] == ["paragraph"]


def test_items_without_a_full_stop_are_a_list_too():
    text = "Uppföljning: Regionrapporten o 18 indikatorer för ekonomi o Medborgarenkäter varje år. Det räcker."
    assert text_blocks(text) == [
        ("paragraph", "Uppföljning: Regionrapporten"),
        ("list", ["18 indikatorer för ekonomi", "Medborgarenkäter varje år."]),
        ("paragraph", "Det räcker."),
    ]


@pytest.mark.parametrize("bullet", ["•", "▪", "\uf0a7"])
def test_a_bullet_sign_marks_an_item_wherever_it_stands_a_lower_case_fragment_too(bullet):
    text = f"Vi har ordnat följande: {bullet} läsecirklar för unga {bullet} språkcaféer. Besöken ökade."
    assert text_blocks(text) == [
        ("paragraph", "Vi har ordnat följande:"),
        ("list", ["läsecirklar för unga", "språkcaféer."]),
        ("paragraph", "Besöken ökade."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Vi mätte i maj. o Resultatet kom i juni.",  # one sign alone may be a stray letter
        "Skolan byggs om o Bygget tar ett år. Sedan flyttar eleverna tillbaka.",  # one sign alone
        "Vi har ordnat läsecirklar. o språkcaféer o högläsning.",  # a letter "o" before small letters is a word
        "Kontakt: Gatukontoret • Box 300 i Örebro.",  # one bullet sign alone: a separator
        "",
    ],
)
def test_text_without_a_list_is_paragraphs_only(text):
    assert all(kind == "paragraph" for kind, _ in text_blocks(text))
    assert " ".join(block for _, block in text_blocks(text)) == text


def test_footnotes_at_the_end_of_their_pages_are_taken_out_in_order():
    pages = [
        "Vi bygger en GC-väg 1, och den blir bred. Det är bra för att cyklisterna 1 GC-väg = gång- och cykelväg.",
        "kan åka säkert. Vi har skrivit om arbetet 2. Summa 100 000 2 Bloggen: www.exempel.se/cykel 3 Se kartan.",
        "Resultatet står i tabell 4 Resultat som inte är någon fotnot.",  # nothing before refers to a 4
    ]
    kept, notes = footnotes_of(pages)
    assert kept == [
        "Vi bygger en GC-väg 1, och den blir bred. Det är bra för att cyklisterna",
        "kan åka säkert. Vi har skrivit om arbetet 2. Summa 100 000",
        pages[2],
    ]
    assert notes == {0: ["1 GC-väg = gång- och cykelväg."], 1: ["2 Bloggen: www.exempel.se/cykel", "3 Se kartan."]}


@pytest.mark.parametrize(
    "page",
    [
        "Kapitlet slutar här 1 Nästa del börjar.",  # no word before refers to a 1
        "Vi bygger en GC-väg 1, och den blir bred. Sedan 1 Mycket mer text " + "som fortsätter länge " * 20,  # long
    ],
)
def test_a_number_at_a_pages_end_is_no_footnote_without_a_reference_or_when_long(page):
    assert footnotes_of([page]) == ([page], {})


def test_capital_headings_cut_the_text_into_sections_and_an_acronym_stays_in_it():
    text = "Inledning här. BAKGRUND Staden har för få cykelbanor. ÅTGÄRDER 2021 Vi bygger. SKL har stött arbetet."
    assert sections(text) == [
        (None, "Inledning här. "),
        ("BAKGRUND", "Staden har för få cykelbanor. "),
        ("ÅTGÄRDER 2021", "Vi bygger. SKL har stött arbetet."),
    ]


def test_a_section_number_goes_with_its_heading_where_a_sentence_ended_before_it():
    text = "1. INLEDNING Vi bygger. 2 BAKGRUND Staden växer. 3.1 METOD OCH URVAL Vi mätte i mål 4. RESULTAT Bra."
    assert sections(text) == [
        (None, ""),
        ("1. INLEDNING", "Vi bygger. "),
        ("2 BAKGRUND", "Staden växer. "),
        ("3.1 METOD OCH URVAL", "Vi mätte i mål 4. "),  # mid-sentence, a number is the sentence's
        ("RESULTAT", "Bra."),
    ]


def test_a_page_that_ends_mid_sentence_goes_on_on_the_next():
    pages = ["Vi bygger cykelbanor i", "hela staden. Det tar två år.", "Sedan mäter vi:", "hur många som cyklar."]
    assert joined_pages(pages) == ["Vi bygger cykelbanor i hela staden. Det tar två år.", *pages[2:]]


def test_run_in_subheadings_in_sentence_case_are_found_where_a_function_word_opens_the_next_sentence():
    text = (
        "Staden har få cykelbanor. Nya cykelbanor Under våren byggde vi tre. Vi träffade Anna Berg i maj. "
        "Läs mer om Det nya huset. Parkeringar vid stationen Det blev fler platser."
    )
    assert subsections(text) == [
        (None, "Staden har få cykelbanor."),
        # a capitalised name after a run is no sentence's start, nor is a function word after one ("om")
        ("Nya cykelbanor", "Under våren byggde vi tre. Vi träffade Anna Berg i maj. Läs mer om Det nya huset."),
        ("Parkeringar vid stationen", "Det blev fler platser."),
    ]


def test_a_numbered_run_in_subheading_is_found_whatever_word_follows_it():
    text = "Vi granskade planen. 2.1 Syfte och mål Granskningen ska bedöma den. Den kostade 2.1 Mkr i år."
    assert subsections(text) == [
        (None, "Vi granskade planen."),
        ("2.1 Syfte och mål", "Granskningen ska bedöma den. Den kostade 2.1 Mkr i år."),  # no sentence before
    ]


def test_a_run_in_subheading_is_found_before_a_word_the_document_writes_in_lower_case_elsewhere():
    text = (
        "Vi byggde i maj. Nya cykelvägar Sommaren blev varm. Vi träffade Anna i juni. "
        "Se bilaga 2 Cykelstråk i staden. Mätningen gjordes av Cykelia i juli."
    )
    common = common_words(["I sommaren kom anna.berg@example.se och cykelstråk ritades på www.cykelia.se."])
    assert common >= {"sommaren", "cykelstråk"} and not common & {"anna", "cykelia", "anna.berg@example.se"}
    assert subsections(text, common) == [
        (None, "Vi byggde i maj."),
        # a name is capitalised everywhere; a run with a number names an attachment; "av" leads on into a name
        ("Nya cykelvägar", "Sommaren blev varm. Vi träffade Anna i juni. " + text.split("juni. ")[1]),
    ]
    assert subsections(text) == [(None, text)]  # without the document's words: no function word follows


@pytest.mark.parametrize("text", ["", "Inga rubriker här. Det är bara text: Den är kort."])
def test_text_without_run_in_subheadings_is_one_subsection(text):
    assert subsections(text) == [(None, text)]


@pytest.mark.parametrize(
    ("page", "note", "marked"),
    [
        # a number before punctuation, not one before a word ("1 maj")
        ("Vi bygger en GC-väg 1, och den är klar 1 maj.", "1 GC-väg = gång- och cykelväg.", "GC-väg\ue0001\ue001,"),
        # of two, the one after the word the note explains
        ("Med KPB-data 1, och version 1. Sedan mer.", "1 KPB = Kostnad per brukare.", "KPB-data\ue0001\ue001,"),
    ],
)
def test_a_footnote_reference_is_marked_where_it_can_be_told(page, note, marked):
    (result,) = marked_references([page], {0: [note]})
    assert marked in result and result.count("\ue000") == 1


@pytest.mark.parametrize(
    "page",
    [
        "Se tabell 1, och figur 1. Mer text.",  # two places, neither after a word the note explains
        "Här står ingen hänvisning alls.",
    ],
)
def test_no_footnote_is_marked_if_one_reference_cannot_be_told(page):
    assert marked_references(["Första sidan 1, klar.", page], {0: ["1 Första."], 1: ["2 Källa: SCB."]}) is None


@pytest.mark.parametrize(
    ("page", "amounts"),
    [
        ("Utgifter: Post Belopp Löner 595 000 Resor 95 000 Lokaler 120 000 Summa 810 000 Allt är avrundat.", 4),
        ("Vi tog emot mellan 800 och 2 100 samtal om dagen, och 45 000 besök på webben under 2015.", 0),
        ("Bygget kostade 2 400 000 kronor. Året innan 1 900 000. Nästa år 2 000 000. Sedan 500 000.", 0),
        ("Sprint 1 klar 28 februari 2015 1) Plan 2) Budget 3) Beslut 4) Start 5) Uppföljning", 0),
    ],
)
def test_a_sentence_holding_four_amounts_is_a_flattened_table(page, amounts):
    """Rows run together leave every amount of a column in one sentence; running text names one or two."""
    assert table_amounts(page) == amounts


@pytest.mark.parametrize(
    ("page", "header"),
    [
        (
            "Så här var vi organiserade. Roll Namn Uppgift Styrgrupp Anna Berg leder arbetet.",
            "Roll Namn Uppgift Styrgrupp Anna Berg",
        ),
        ("Vi träffade Anna Berg och Per Olof Svensson i Örebro. Det gick bra.", ""),  # names: two or three words
        ("Läs rapporten från SKL. BAKGRUND OCH SYFTE Staden växer.", ""),  # capitals only: a heading
        ("Sveriges Kommuner och Landsting stödde Örebro Läns Museum.", ""),
    ],
)
def test_capitalised_words_four_in_a_row_are_a_tables_header_row(page, header):
    assert table_header(page) == header


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("INNEHÅLL Inledning 3 Verksamheten 4 Ekonomi 6", True),
        ("Innehållsförteckning Sammanfattning ....... 3 Bakgrund .... 4 Resultat och analys ...... 7", True),
        ("Inledning 3 Bakgrund 3 Mål 5", True),  # two sections on one page
        ("Innehåll 1. Inledning...3 2. Bakgrund...4 2.1 Syfte...4 3. Resultat...6", True),  # numbered, no spaces
        ("Vi nådde 3 mål och 4 delmål under 6", False),  # words in lower case are no headings
        ("Inledning 3 Bakgrund 2 Mål 5", False),  # the pages do not count up
        ("Inledning 3 Bakgrund 4 Mål 50", False),  # a page the document does not have
        ("Inledning 3 Bakgrund 4", False),  # two entries may be a sentence's numbers
        ("Sprint 1 Sprint 2 Sprint 3", False),  # one label counting up is a series, not headings
        ("INLEDNING Biblioteken har öppnat 3 filialer. Bakgrund 4 Mål 5", False),  # a sentence among them
    ],
)
def test_a_table_of_contents_is_a_page_of_headings_each_with_the_page_it_starts_on(page, expected):
    assert is_contents_page(page, pages=10) is expected


def test_a_running_head_and_foot_are_taken_from_every_page_that_has_them():
    pages = [
        "Cyklar i staden Beslutad av nämnden.",  # the cover has neither
        "Dnr 2020/14 Sid 2 (4) BAKGRUND Staden växer. Gatukontoret Cykelplan",
        "Dnr 2020/14 Sid 3 (4) Vi bygger fler banor. Gatukontoret Cykelplan",
        "Dnr 2020/14 Sid 4 (4) Vi mäter varje år. Gatukontoret Cykelplan",
    ]
    kept, found = running_text(pages)
    assert found == {index: [f"Dnr 2020/14 Sid {index + 1} (4)", "Gatukontoret Cykelplan"] for index in (1, 2, 3)}
    assert kept == [pages[0], "BAKGRUND Staden växer.", "Vi bygger fler banor.", "Vi mäter varje år."]


@pytest.mark.parametrize(
    "pages",
    [
        # the same words open two pages of six: the text's own
        ["Vi bygger banor. Det tar tid.", "Vi bygger broar.", "Staden växer.", "Fler cyklar.", "Mät.", "Klart."],
        # one word on every page is no head (a word the text repeats, a page number)
        ["Cyklar byggs här.", "Cyklar rullar där.", "Cyklar står still.", "Cyklar säljs billigt."],
        ["1 Cyklar byggs.", "2 Banor rullar.", "3 Folk står.", "4 Vi säljer."],
        # two pages are too few to tell
        ["Dnr 1 Sid 1 Text.", "Dnr 1 Sid 2 Mer."],
    ],
)
def test_words_that_open_or_close_only_some_pages_are_no_running_text(pages):
    assert running_text(pages) == (pages, {})


def test_a_page_of_nothing_but_its_head_and_foot_keeps_some_words():
    """A page emptied whole would leave no place for its line in the document."""
    pages = ["Dnr 1 Sid 1 (3) Text här. Gata Plan", "Dnr 1 Sid 2 (3) Gata Plan", "Dnr 1 Sid 3 (3) Mer. Gata Plan"]
    assert running_text(pages)[1][1] == ["Dnr 1 Sid 2 (3)"]
