"""Running text of a post as Markdown: links made, and nothing in it read as Markdown by mistake."""

from __future__ import annotations

import pytest
from migration.body import inline, render_body


@pytest.mark.parametrize(
    "text, markdown",
    [
        ("Kontakta anna.ek@exempel.se.", "Kontakta [anna.ek@exempel.se](mailto:anna.ek@exempel.se)."),
        ("Läs mer på www.exempel.se/sida.", "Läs mer på [www.exempel.se/sida](https://www.exempel.se/sida)."),
        # An address whose domain starts with "www." is one mail link, not a mail link with a web link inside.
        ("Mejla info@www.exempel.se", "Mejla [info@www.exempel.se](mailto:info@www.exempel.se)"),
        ("2015. Ett bra år", "2015\\. Ett bra år"),  # not a numbered list
        ("- inte en lista", "\\- inte en lista"),
        ("Pris: 5*3 kr_st <b>", "Pris: 5\\*3 kr\\_st &lt;b>"),
    ],
    ids=["mail", "web", "mail-at-www", "year-first", "dash-first", "markup-characters"],
)  # fmt: skip
def test_running_text_keeps_its_words_and_gets_its_links(text, markdown):
    assert inline(text) == markdown


@pytest.mark.parametrize("after", [[], [(5, "Välkommen!")]], ids=["post-ends-with-facts", "text-after"])
def test_key_value_lines_in_a_row_are_one_list_wherever_the_run_ends(after):
    lead = "Öppettiderna ändras i sommar, och här är det viktigaste för dig som ska besöka oss."
    lines = [(2, lead), (3, "Måndag: 8–16"), (4, "Tisdag: 8–18"), *after]
    expected = f"{lead}\n\n- **Måndag:** 8–16\n- **Tisdag:** 8–18\n"
    assert render_body(lines).markdown == expected + "".join(f"\n{text}\n" for _, text in after)
