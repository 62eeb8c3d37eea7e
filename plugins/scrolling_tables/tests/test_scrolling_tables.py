"""The scrolling_tables plugin: each table in a named, focusable box, in Markdown and in a Pelican build."""

from __future__ import annotations

import re
from pathlib import Path

import markdown

from plugins.fixture_site import build_site
from plugins.scrolling_tables.scrolling_tables import ScrollingTables

TABLE = "| *Plats* | Ställen | Tak | Pris |\n| --- | --- | --- | --- |\n| Resecentrum | 40 | Ja | 0 |\n"


def _html(text: str, **config: object) -> str:
    return markdown.markdown(text, extensions=["markdown.extensions.extra", ScrollingTables(**config)])


def test_a_table_is_boxed_in_a_focusable_region_named_after_its_first_column_headings():
    html = _html(f"Före.\n\n{TABLE}\nEfter.")
    assert re.fullmatch(
        r'<p>Före\.</p>\n<div aria-label="Tabell: Plats, Ställen, Tak" class="table-scroll" role="region" '
        r'tabindex="0"><table>.*</table></div>\n<p>Efter\.</p>',
        html,
        re.DOTALL,
    )


def test_every_table_gets_one_box_and_the_text_around_them_stays():
    html = _html(f"{TABLE}\nMellan.\n\n{TABLE}")
    assert html.count('<div aria-label="Tabell') == 2 and "<p>Mellan.</p>" in html


def test_a_table_without_headings_is_named_by_the_word_alone_which_a_setting_changes():
    table = '<table markdown="1"><tr><td>1</td></tr></table>'
    assert 'aria-label="Tabell"' in _html(table)
    assert 'aria-label="Table: Plats, Ställen, Tak"' in _html(TABLE, label="Table")


def test_pelican_renders_articles_with_the_box_and_the_label_setting(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text(f"Title: A\nDate: 2015-03-12\n\n{TABLE}", encoding="utf-8")
    out = tmp_path / "out"
    result = build_site(content, out, ["scrolling_tables"], SCROLLING_TABLES_LABEL="Tabellen")
    assert result.returncode == 0, result.stdout + result.stderr
    assert '<div aria-label="Tabellen: Plats, Ställen, Tak" class="table-scroll"' in (out / "a.html").read_text("utf-8")
