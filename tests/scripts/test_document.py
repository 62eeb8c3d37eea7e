"""Restoring a flattened PDF: which trailing numbers are page numbers, where a bullet list was."""

from __future__ import annotations

import pytest
from migration.document import DocumentParts, page_numbers_of, render_document, text_blocks


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
