"""The theme's Jinja filters: Swedish dates and order without system locales."""

import datetime as dt

from theme.filters import canonical_path, reading_minutes, svdate, svsort, swedish_key


def test_swedish_dates():
    assert svdate(dt.date(2015, 11, 12)) == "12 november 2015"
    assert svdate(dt.date(2015, 3, 1), estimated=True) == "ca. mars 2015"


def test_swedish_alphabetical_order_puts_a_ring_a_umlaut_o_umlaut_after_z():
    words = ["Öppna data", "ärenden", "Åtgärd", "zon", "Anna", "éclair", "bok"]
    assert sorted(words, key=swedish_key) == ["Anna", "bok", "éclair", "zon", "Åtgärd", "ärenden", "Öppna data"]


def test_svsort_by_dotted_attribute():
    class Tag:
        def __init__(self, name):
            self.name = name

    pairs = [(Tag("Öl"), 1), (Tag("är"), 2), (Tag("Ål"), 3)]
    assert [p[0].name for p in svsort(pairs, "0.name")] == ["Ål", "är", "Öl"]


def test_reading_minutes_counts_words_not_markup():
    assert reading_minutes("<p>" + "ord " * 10 + "</p>") == 1
    assert reading_minutes("<p>" + "ord " * 401 + "</p>", 200) == 3


def test_canonical_path():
    assert canonical_path("artiklar/x/index.html") == "artiklar/x/"
    assert canonical_path("index.html") == ""
    assert canonical_path("404.html") == "404.html"
