"""Restoring a flattened PDF: page numbers, headings, bullet lists and footnotes run into its text."""

from __future__ import annotations

import pytest
from migration.document import DocumentParts, footnotes_of, page_numbers_of, render_document, text_blocks


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


@pytest.mark.parametrize("bullet", ["o", "•", "\uf0b7"])
def test_a_bullet_list_run_into_the_text_is_a_list_again(bullet):
    text = (
        f"Under året vill vi göra tre saker. {bullet} Bygga fler cykelbanor. {bullet} Sätta tak över parkeringen? "
        f"{bullet} Mäta hur många som cyklar. Resultatet redovisas i december."
    )
    assert text_blocks(text) == [
        ("paragraph", "Under året vill vi göra tre saker."),
        ("list", "- Bygga fler cykelbanor.\n- Sätta tak över parkeringen?\n- Mäta hur många som cyklar."),
        ("paragraph", "Resultatet redovisas i december."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Vi mätte i maj. o Resultatet kom i juni.",  # one sign alone may be a stray letter
        "Skolan byggs om o Bygget tar ett år. Sedan flyttar eleverna tillbaka.",  # not after a sentence
        "",
    ],
)
def test_text_without_a_list_is_paragraphs_only(text):
    assert all(kind == "paragraph" for kind, _ in text_blocks(text))
    assert " ".join(block for _, block in text_blocks(text)) == text


def test_capital_headings_and_bullet_lists_run_into_a_flattened_pdf_are_restored():
    lines = (
        "Cyklar i staden",
        "Transkript:",
        "Cyklar i staden Datum: 2020-03-01 1",
        "BAKGRUND Staden har för få cykelbanor. ÅTGÄRDER 2021 Vi ska göra två saker. o Bygga cykelbanor. "
        "o Sätta tak över parkeringen. SKL har stött arbetet. 2",
    )
    markdown = render_document(lines, DocumentParts(title_line=1, body_start=3, marker_line=2)).markdown
    assert markdown.split("\n\n")[1:] == [
        "## Bakgrund",
        "Staden har för få cykelbanor.",
        "## Åtgärder 2021",  # a heading's number goes with it
        "Vi ska göra två saker.",
        "- Bygga cykelbanor.\n- Sätta tak över parkeringen.",
        "SKL har stött arbetet.\n",  # a short capital run (an acronym) stays in the text
    ]


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


def test_a_footnote_moves_to_the_end_of_the_document_and_its_page_joins_the_next():
    lines = (
        "Cyklar i staden",
        "Transkript:",
        "Vi bygger en GC-väg 1, och den blir bred. Det är bra för att cyklisterna 1 GC-väg = gång- och cykelväg. 1",
        "kan åka säkert till skolan. 2",
    )
    rendered = render_document(lines, DocumentParts(title_line=1, body_start=3, marker_line=2))
    assert "för att cyklisterna kan åka säkert" in rendered.markdown
    assert rendered.markdown.endswith("## Fotnoter\n\n1. GC-väg = gång- och cykelväg.\n")
    assert rendered.footnotes == {3: ["1 GC-väg = gång- och cykelväg."]}
