"""Jinja filters for the theme: Swedish dates (Babel, not system locales) and reading time."""

from __future__ import annotations

import datetime as dt
import math
import re

from babel.dates import format_date

LOCALE = "sv"  # CLDR's Swedish, from Babel: no system locale needed on a build machine


def svdate(value: dt.date, estimated: bool = False) -> str:
    """'12 november 2015', or 'ca. november 2015' for an estimated date."""
    if estimated:
        return f"ca. {svmonth(value)}"
    return format_date(value, "d MMMM y", locale=LOCALE)


def svmonth(value: dt.date) -> str:
    """'november 2015'."""
    return format_date(value, "MMMM y", locale=LOCALE)


def reading_minutes(html: str, words_per_minute: int = 200) -> int:
    """Whole minutes to read an HTML text, at least one."""
    text = re.sub(r"<[^>]+>", " ", html or "")
    return max(1, math.ceil(len(text.split()) / words_per_minute))


def canonical_path(output_file: str) -> str:
    """'artiklar/x/index.html' → 'artiklar/x/' (the URL a page is linked by)."""
    return re.sub(r"(^|/)index\.html$", r"\1", output_file or "")


JINJA_FILTERS = {
    "svdate": svdate,
    "svmonth": svmonth,
    "reading_minutes": reading_minutes,
    "canonical_path": canonical_path,
}
