"""A document dump rendered as Markdown: what a flattened PDF's restored structure looks like."""

from __future__ import annotations

import re

import pytest
from conftest import LEGACY, archive_rules
from migration.body import Noise
from migration.document import (
    MARKER_BEFORE_PAGE,
    DocumentParts,
    find_marker,
    render_document,
    split_document,
    text_after_marker,
)
from migration.errors import MigrationError
from migration.evaluation import truth_dumps
from migration.source import read_dump

TITLE = "Cyklar i staden"


def _blocks_after_the_cover(page: str) -> list[str]:
    """The Markdown blocks of a one-page document after its cover page (title and date), page number 2."""
    lines = (TITLE, "Transkript:", f"{TITLE} Datum: 2020-03-01 1", f"{page} 2")
    markdown = render_document(lines, DocumentParts(title_line=1, body_start=3, marker_line=2)).markdown
    return markdown.split("\n\n")[1:]


def test_capital_headings_and_bullet_lists_run_into_a_flattened_pdf_are_restored():
    page = (
        "BAKGRUND Staden har för få cykelbanor. ÅTGÄRDER 2021 Vi ska göra två saker. o Bygga cykelbanor. "
        "o Sätta tak över parkeringen. SKL har stött arbetet."
    )
    assert _blocks_after_the_cover(page) == [
        "## Bakgrund",
        "Staden har för få cykelbanor.",
        "## Åtgärder 2021",  # a heading's number goes with it
        "Vi ska göra två saker.",
        "- Bygga cykelbanor.\n- Sätta tak över parkeringen.",
        "SKL har stött arbetet.\n",  # a short capital run (an acronym) stays in the text
    ]


def test_a_numbered_capital_heading_keeps_its_number_and_reads_as_a_sentence():
    assert _blocks_after_the_cover("2.1 VÅRA MÅL Staden växer.") == ["## 2.1 Våra mål", "Staden växer.\n"]


def test_a_run_in_subheading_is_a_heading_below_its_section_or_in_place_of_one():
    page = (
        "Vi har cykelbanor. Nya banor Under våren byggde vi tre. BAKGRUND Staden växer. "
        "Fler cyklister En av tio cyklar."
    )
    assert _blocks_after_the_cover(page) == [
        "Vi har cykelbanor.",
        "## Nya banor",  # no section heading before it: it stands in one's place
        "Under våren byggde vi tre.",
        "## Bakgrund",
        "Staden växer.",
        "### Fler cyklister",
        "En av tio cyklar.\n",
    ]


def test_a_numbered_list_run_into_a_flattened_pdf_is_a_numbered_list_again():
    page = "Målet har varit att: 1. Bygga cykelbanor i centrum 2. Sätta tak över parkeringen. Arbetet fortsätter."
    assert _blocks_after_the_cover(page) == [
        "Målet har varit att:",
        "1. Bygga cykelbanor i centrum\n2. Sätta tak över parkeringen.",
        "Arbetet fortsätter.\n",
    ]


def test_a_labelled_series_is_a_list_with_its_parts_as_a_list_inside_each_item():
    page = (
        "Arbetet hade tre steg: Steg 1 klart i mars 1) Budget beslutad 2) Lokal hittad Steg 2 klart i maj "
        "Steg 3 klart i juni 1) Invigning"
    )
    assert _blocks_after_the_cover(page) == [
        "Arbetet hade tre steg:",
        "- Steg 1 klart i mars\n    - 1\\) Budget beslutad\n    - 2\\) Lokal hittad\n"
        "- Steg 2 klart i maj\n"
        "- Steg 3 klart i juni\n    - 1\\) Invigning\n",
    ]


def test_a_footnote_moves_to_the_end_of_the_document_and_its_page_joins_the_next():
    lines = (
        TITLE,
        "Transkript:",
        "Vi bygger en GC-väg 1, och den blir bred. Det är bra för att cyklisterna 1 GC-väg = gång- och cykelväg. 1",
        "kan åka säkert till skolan. 2",
    )
    rendered = render_document(lines, DocumentParts(title_line=1, body_start=3, marker_line=2))
    assert "för att cyklisterna kan åka säkert" in rendered.markdown
    # the reference and the note link to each other (Markdown footnotes)
    assert "Vi bygger en GC-väg[^1], och den blir bred." in rendered.markdown
    assert rendered.markdown.endswith("## Fotnoter\n\n[^1]: GC-väg = gång- och cykelväg.\n")
    assert rendered.footnotes == {3: ["1 GC-väg = gång- och cykelväg."]}
    assert "[^" not in rendered.summary and "\ue000" not in rendered.summary


def test_footnotes_whose_references_cannot_be_told_are_a_plain_list():
    lines = (
        TITLE,
        "Transkript:",
        "Se tabell 1, och figur 1. Båda visar hur cyklisterna 1 Källa: SCB. 1",
        "kan åka säkert till skolan. 2",
    )
    markdown = render_document(lines, DocumentParts(title_line=1, body_start=3, marker_line=2)).markdown
    assert "Se tabell 1, och figur 1." in markdown
    assert markdown.endswith("## Fotnoter\n\n1. Källa: SCB.\n")


def test_a_covers_words_before_its_facts_are_kept_above_them():
    lines = (TITLE, "Transkript:", f"{TITLE} Beslutad av kulturnämnden Datum: 2020-03-01 1", "Text. 2")
    rendered = render_document(lines, DocumentParts(title_line=1, body_start=3, marker_line=2))
    assert rendered.markdown.startswith("Beslutad av kulturnämnden\n\n- **Datum:** 2020-03-01\n\nText.")
    assert rendered.facts == {"Datum": "2020-03-01"}


def test_a_cover_without_facts_keeps_its_words():
    lines = (TITLE, "Transkript:", f"{TITLE} En rapport från gatukontoret 1", "Text. 2")
    markdown = render_document(lines, DocumentParts(title_line=1, body_start=3, marker_line=2)).markdown
    assert markdown.startswith("En rapport från gatukontoret\n\nText.")


def test_a_cover_with_words_before_the_title_is_still_the_cover():
    lines = (TITLE, "Transkript:", f"Revisionsrapport {TITLE} Gatukontoret Datum: 2020-03-01", "BAKGRUND Staden växer.")
    rendered = render_document(lines, DocumentParts(title_line=1, body_start=3, marker_line=2))
    assert rendered.markdown.startswith("Revisionsrapport\n\nGatukontoret\n\n- **Datum:** 2020-03-01\n\n## Bakgrund")


def test_page_numbers_at_the_pages_starts_are_taken_out_and_recorded():
    lines = (TITLE, "Transkript:", f"1 {TITLE} Datum: 2020-03-01", "2 BAKGRUND Staden", "3 växer. Vi bygger 3 banor.")
    rendered = render_document(lines, DocumentParts(title_line=1, body_start=3, marker_line=2))
    assert rendered.page_numbers == {3: 1, 4: 2, 5: 3}
    assert rendered.markdown.endswith("## Bakgrund\n\nStaden växer. Vi bygger 3 banor.\n")


def test_the_marker_is_found_with_or_without_its_colon_and_only_after_a_title_and_a_list():
    assert find_marker((TITLE, "Relevanta dokument", "Transkript", "Text. 1"), ("Transkript:",)) == 3
    assert find_marker((TITLE, "TRANSKRIPT:  ", "Text. 1"), ("Transkript",)) == 2
    assert find_marker((TITLE, "Transkriptet följer", "Text. 1"), ("Transkript:",)) is None


MARKERS = archive_rules().document_markers


def _archives_report(truth: dict) -> tuple[tuple[str, ...], DocumentParts]:
    (name,) = truth_dumps(truth, "document")
    lines = read_dump(LEGACY / name, name).lines
    return lines, split_document(name, lines, find_marker(lines, MARKERS), MARKERS)


@pytest.mark.parametrize("layout", ["numbers first", "running head"])
def test_the_archives_report_laid_out_another_way_reads_the_same(truth, layout):
    """The archive's report, its pages as another PDF or site would give them: the marker without its colon, a
    table of contents after the cover, and the page numbers first on each page or inside a running head. What
    the reader gets is the same document."""
    lines, parts = _archives_report(truth)
    original = render_document(lines, parts)
    title = lines[parts.title_line - 1]
    headings = [h for h in re.findall(r"(?m)^## (.+)$", original.markdown) if not re.search(r"[\d.!?:]", h)]
    contents = "INNEHÅLL " + " ".join(f"{heading} {page}" for page, heading in enumerate(headings[:4], 1))
    pages = []
    for number, text in enumerate(lines[parts.marker_line :], parts.marker_line + 1):
        page = original.page_numbers.get(number)
        if page and layout == "numbers first":
            text = f"{page} {text.removesuffix(f' {page}')}"
        elif page:
            text = f"{title} Sida {page} (8) {text}"
        pages.append(text)
    cover = next(index for index, text in enumerate(pages) if text.strip())
    before = (*lines[: parts.marker_line - 1], lines[parts.marker_line - 1].rstrip(":"))
    laid_out = (*before, *pages[: cover + 1], contents, *pages[cover + 1 :])
    rendered = render_document(
        laid_out, split_document("rapport.txt", laid_out, find_marker(laid_out, MARKERS), MARKERS)
    )
    assert rendered.markdown == original.markdown
    assert len(rendered.contents) == 1
    if layout == "running head":
        assert len(rendered.running) == len(original.page_numbers)
    else:
        assert sorted(rendered.page_numbers.values()) == sorted(original.page_numbers.values())


def test_the_archives_report_with_its_first_page_on_the_markers_line_reads_the_same(truth):
    """A copy that lost the line break after the marker ("Transkript: Slutrapport …"): the same document, the
    marker alone dropped. Before, the dump was no document at all, and read as a listing of posts."""
    lines, parts = _archives_report(truth)
    original = render_document(lines, parts)
    first = next(n for n in range(parts.marker_line + 1, len(lines) + 1) if lines[n - 1].strip())
    marker = lines[parts.marker_line - 1].strip()
    joined = (*lines[: parts.marker_line - 1], f"{marker} {lines[first - 1]}", *lines[first:])
    assert find_marker(joined, MARKERS) == parts.marker_line
    found = split_document("rapport.txt", joined, parts.marker_line, MARKERS)
    rendered = render_document(joined, found)
    assert rendered.markdown == original.markdown
    assert sorted(rendered.page_numbers.values()) == sorted(original.page_numbers.values())
    assert Noise(parts.marker_line, marker, MARKER_BEFORE_PAGE) in found.dropped


def test_text_after_the_marker_counts_only_after_its_colon():
    assert text_after_marker("Transkript: Slutrapport 2015", ("Transkript:",)) == "Slutrapport 2015"
    assert text_after_marker("\u00a0TRANSKRIPT:\u00a0Slutrapport\u00a0", ("Transkript",)) == "Slutrapport"
    assert text_after_marker("Transkriptet följer: Slutrapport", ("Transkript:",)) == ""
    assert text_after_marker("Transkript Slutrapport", ("Transkript:",)) == ""
    assert text_after_marker("Transkript: ***", ("Transkript:",)) == ""  # decoration is no page
    assert find_marker((TITLE, "Transkript: Text. 1"), ("Transkript:",)) == 2
    with pytest.raises(MigrationError, match="ingen text efter dokumentmarkören"):
        split_document("r.txt", (TITLE, "Transkript: ***"), 2, ("Transkript:",))
