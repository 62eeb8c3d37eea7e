"""The theme's Jinja filters: Swedish dates without system locales, reading time, URLs."""

import datetime as dt

from migration.dating import first_full_date

from theme.filters import canonical_path, reading_minutes, svdate


def test_swedish_dates():
    assert svdate(dt.date(2015, 11, 12)) == "12 november 2015"
    assert svdate(dt.date(2015, 3, 1), estimated=True) == "ca. mars 2015"


def test_reading_minutes_counts_words_not_markup():
    assert reading_minutes("<p>" + "ord " * 10 + "</p>") == 1
    assert reading_minutes("<p>" + "ord " * 401 + "</p>", 200) == 3


def test_canonical_path():
    assert canonical_path("artiklar/x/index.html") == "artiklar/x/"
    assert canonical_path("index.html") == ""
    assert canonical_path("404.html") == "404.html"


def test_every_date_the_site_writes_is_one_the_migration_reads_back():
    """The theme writes dates and the migration reads them in text with the same month names."""
    for month in range(1, 13):
        day = dt.date(2015, month, 28)
        found = first_full_date(f"Örebro {svdate(day)}")
        assert found and found[0] == day, svdate(day)
