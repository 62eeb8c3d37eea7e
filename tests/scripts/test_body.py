"""Running text of a post as Markdown: links made, and nothing in it read as Markdown by mistake."""

from __future__ import annotations

import pytest
from migration.body import inline, legacy_tags, render_body
from migration.lines import PageFurniture


@pytest.mark.parametrize(
    "text, markdown",
    [
        ("Kontakta anna.ek@exempel.se.", "Kontakta [anna.ek@exempel.se](mailto:anna.ek@exempel.se)."),
        ("Läs mer på www.exempel.se/sida.", "Läs mer på [www.exempel.se/sida](https://www.exempel.se/sida)."),
        # An address whose domain starts with "www." is one mail link, not a mail link with a web link inside.
        ("Mejla info@www.exempel.se", "Mejla [info@www.exempel.se](mailto:info@www.exempel.se)"),
        ("2015. Ett bra år", "2015\\. Ett bra år"),  # not a numbered list
        ("- inte en lista", "\\- inte en lista"),
        ("#skola #digitalisering", "\\#skola #digitalisering"),  # hashtags, not a heading: Markdown needs no space
        (">citat", "\\>citat"),
        ("Pris: 5*3 kr_st <b>", "Pris: 5\\*3 kr\\_st &lt;b>"),
    ],
    ids=["mail", "web", "mail-at-www", "year-first", "dash-first", "hashtags", "quote-sign", "markup-characters"],
)  # fmt: skip
def test_running_text_keeps_its_words_and_gets_its_links(text, markdown):
    assert inline(text) == markdown


@pytest.mark.parametrize("after", [[], [(5, "Välkommen!")]], ids=["post-ends-with-facts", "text-after"])
def test_key_value_lines_in_a_row_are_one_list_wherever_the_run_ends(after):
    lead = "Öppettiderna ändras i sommar, och här är det viktigaste för dig som ska besöka oss."
    lines = [(2, lead), (3, "Måndag: 8–16"), (4, "Tisdag: 8–18"), *after]
    expected = f"{lead}\n\n- **Måndag:** 8–16\n- **Tisdag:** 8–18\n"
    assert render_body(lines).markdown == expected + "".join(f"\n{text}\n" for _, text in after)


_LEAD = "Så här gick arbetet till, steg för steg, från den första enkäten till de nya ställen."


def test_numbered_lines_one_after_another_are_an_ordered_list_that_keeps_its_numbers():
    lines = [(2, _LEAD), (3, "3. Vi frågade pendlarna"), (4, "4) Vi valde tre platser."), (5, "Det tog en månad.")]
    markdown = render_body(lines).markdown
    assert markdown == f"{_LEAD}\n\n3. Vi frågade pendlarna\n4. Vi valde tre platser.\n\nDet tog en månad.\n"


def test_a_list_under_a_line_ending_in_a_colon_is_not_taken_into_that_block():
    lines = [(2, "Tre förändringar:"), (3, "1. Sökningen"), (4, "2. Menyerna"), (5, "Allt görs i höst, steg för steg.")]
    assert render_body(lines).markdown.startswith("Tre förändringar:\n\n1. Sökningen\n2. Menyerna\n\n")


def test_numbered_headings_each_over_its_own_paragraph_are_subheadings():
    lines = [
        (2, _LEAD),
        (3, "1. Data behöver förklaras"),
        (4, "Flera lag förstod inte vad kolumnerna betydde, så varje fil får en beskrivning."),
        (5, "2. Verksamheten måste vara med"),
        (6, "De bästa idéerna kom när någon från verksamheten satt med laget."),
    ]
    headings = [line for line in render_body(lines).markdown.splitlines() if line.startswith("##")]
    assert headings == ["## 1\\. Data behöver förklaras", "## 2\\. Verksamheten måste vara med"]


@pytest.mark.parametrize(
    "numbered",
    [
        ["1. Vi frågade pendlarna var de ville ha ställen."],  # one alone
        ["1. Vi frågade pendlarna.", "3. Vi valde tre platser."],  # not counting up
        ["1. Vi frågade pendlarna var de ville ha ställen. Sedan valde vi.", "Text.", "2. Vi valde platser."],
    ],
    ids=["one-alone", "not-counting-up", "sentences-apart"],
)
def test_numbered_lines_that_neither_count_up_together_nor_head_paragraphs_stay_text(numbered):
    markdown = render_body([(2, _LEAD), *enumerate(numbered, start=3)]).markdown
    assert not any(line.startswith(("#", "1.", "2.", "3.")) for line in markdown.splitlines())


def test_an_asterisk_is_a_bullet_as_the_bullet_sign_is():
    lines = [(2, _LEAD), (3, "* Enkäten är öppen till april."), (4, "• Resultatet kommer i maj.")]
    assert render_body(lines).markdown.endswith("\n\n- Enkäten är öppen till april.\n- Resultatet kommer i maj.\n")


def test_a_line_giving_the_date_written_is_text_not_a_heading():
    lines = [(2, "Publicerad 12 mars 2015"), (3, _LEAD), (4, "Nya ställen"), (5, _LEAD)]
    markdown = render_body(lines, date_labels=("Publicerad",)).markdown
    assert markdown.startswith("Publicerad 12 mars 2015\n\n")
    assert "## Nya ställen" in markdown
    assert render_body(lines).markdown.startswith("Publicerad 12 mars 2015\n\n")  # a date stamp, label or not
    long_heading = [(2, "Så gick dagen i Aulan med alla besökare den 12 mars 2015"), (3, _LEAD)]
    assert render_body(long_heading).markdown.startswith("## Så gick dagen")  # a heading that names a date


def test_a_byline_is_text_not_a_heading():
    lines = [(2, "Av Anna Ek"), (3, _LEAD)]
    assert render_body(lines, PageFurniture(byline_labels=frozenset({"av"}))).markdown.startswith("Av Anna Ek\n\n")
    assert render_body(lines).markdown.startswith("## Av Anna Ek\n\n")  # without the rules' labels: a heading


def test_rows_with_as_many_cells_each_are_a_table_and_a_row_alone_is_text():
    rows = [(3, "Plats\tStällen"), (4, "Resecentrum\t40"), (5, "Södra | Norra\t12"), (6, "Ensam\trad\tmed tre")]
    markdown = render_body([(2, _LEAD), *rows]).markdown
    table = "| Plats | Ställen |\n| --- | --- |\n| Resecentrum | 40 |\n| Södra \\| Norra | 12 |"
    assert markdown == f"{_LEAD}\n\n{table}\n\nEnsam\trad\tmed tre\n"


def test_a_line_of_decoration_is_a_rule():
    assert render_body([(2, _LEAD), (3, "– – –"), (4, _LEAD)]).markdown == f"{_LEAD}\n\n* * *\n\n{_LEAD}\n"


@pytest.mark.parametrize("saved", ["Dela på Facebook", "Dela\u00a0på\u00a0Facebook", "Dela  på  Facebook"])
def test_a_layout_line_the_rules_list_is_noise_however_its_spaces_were_saved(saved):
    """The splitter reads a listed line with non-breaking or doubled spaces as listed; the body did not, and
    kept it as text of the post."""
    body = render_body([(2, _LEAD), (3, saved), (4, _LEAD)], PageFurniture(noise_lines=frozenset({"dela på facebook"})))
    assert body.markdown == f"{_LEAD}\n\n{_LEAD}\n"
    assert [n.line for n in body.noise] == [3] and "noise_lines" in body.noise[0].reason


def test_a_bullet_sign_without_text_is_noise_with_its_reason():
    body = render_body([(2, _LEAD), (3, "‣"), (4, "• Ett riktigt item")])
    assert body.markdown == f"{_LEAD}\n\n- Ett riktigt item\n"
    assert [(n.line, n.reason) for n in body.noise] == [(3, "ett punkttecken utan text")]


_TAG_LABELS = frozenset({"taggar", "kategorier"})


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        ("Taggar: öppna data, webb", ["öppna data", "webb"]),
        ("TAGGAR : öppna data; webb,", ["öppna data", "webb"]),  # any case, either separator, one left empty
        ("Kategorier: Service", ["Service"]),
        ("Taggar:\u00a0öppna\u00a0data,\u00a0webb", ["öppna data", "webb"]),  # a page saved with non-breaking spaces
        ("Öppettider: 8–17", None),  # a fact of the post, not one of the labels
        ("Taggar: " + "ett mycket långt värde som ingen tagg skulle ha, webb", None),  # over 40 characters
        ("Taggar: –, webb", None),  # a value without a word
        ("Taggar för oss är viktiga, säger hon.", None),  # no "Key: value" line
    ],
)
def test_a_line_of_the_old_sites_tags_is_read_only_when_every_value_could_be_a_tag(line, tags):
    assert legacy_tags(line, _TAG_LABELS) == tags


def test_a_tag_line_becomes_the_posts_tags_and_is_listed_with_the_reason_not_kept_in_the_text():
    lines = [(2, _LEAD), (3, "Taggar: öppna data, webb"), (4, "Öppettider: 8–17"), (5, "Kategorier: Service")]
    body = render_body(lines, PageFurniture(tag_labels=_TAG_LABELS))
    assert body.tags == ["öppna data", "webb", "Service"]
    assert "Taggar" not in body.markdown and "Kategorier" not in body.markdown and "Öppettider: 8–17" in body.markdown
    assert [n.line for n in body.noise] == [3, 5]
    assert "lästa som inläggets: öppna data, webb" in body.noise[0].reason
    unread = render_body(lines)  # no labels in the rules: the lines stay facts of the text
    assert unread.tags == [] and "**Taggar:** öppna data, webb" in unread.markdown


def test_a_line_of_hashtags_becomes_the_posts_tags_and_hashtags_in_a_sentence_stay_text():
    """ "#skolmat #öppnadata" under a post is its writer's tags, as a saved page's tag line is the old site's.
    Before stop 44 it stayed in the text as an escaped line ("\\#skolmat …") and gave no tag."""
    lines = [(2, _LEAD), (3, "Vi använder #skolmat på Instagram."), (4, "#skolmat #öppnadata\u00a0"), (5, "Välkommen!")]
    body = render_body(lines)
    assert body.tags == ["skolmat", "öppnadata"]
    assert "#skolmat på Instagram" in body.markdown and "öppnadata" not in body.markdown
    assert [(n.line, n.reason) for n in body.noise] == [
        (4, "hashtaggar, lästa som inläggets taggar: skolmat, öppnadata")
    ]
    too_long = "#" + "kommunensallrabästaochmestöppnadatasomfinns" + " #skolmat"  # 43 characters: no tag
    kept = render_body([(2, _LEAD), (3, too_long)])
    assert kept.tags == [] and "kommunensallrabästa" in kept.markdown and not kept.noise
