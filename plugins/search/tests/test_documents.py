"""Search documents: the visible text of an HTML fragment."""

from __future__ import annotations

from bs4 import BeautifulSoup

from plugins.search.documents import text_of


def test_text_of_gives_the_text_beautifulsoup_would():
    fragment = (
        "<h2>Öppna&nbsp;data</h2><p>Vi &amp; ni <em>läser</em>–<a href='x'>länk</a><!-- dold --></p>"
        "<ul><li>ett</li><li>två &lt;img&gt;</li></ul><table><tr><td>a</td><td>b</td></tr></table>"
    )
    expected = " ".join(BeautifulSoup(fragment, "html.parser").get_text(" ").split())
    assert text_of(fragment) == expected
    assert "dold" not in text_of(fragment) and "<img>" in text_of(fragment)
    assert text_of("") == ""
