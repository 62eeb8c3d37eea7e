"""Jinja filters for the theme: Swedish dates without depending on system locales."""

from __future__ import annotations

import datetime as dt

MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


def svdate(value: dt.date, estimated: bool = False) -> str:
    """'12 november 2015', or 'ca. november 2015' for an estimated date."""
    if estimated:
        return f"ca. {MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def svmonth(value: dt.date) -> str:
    return f"{MONTHS[value.month - 1]} {value.year}"


def metalist(value: str | None) -> list[str]:
    """Comma-separated metadata (e.g. Topics) as a list."""
    if not value:
        return []
    if isinstance(value, list):
        return value
    return [item.strip() for item in str(value).split(",") if item.strip()]


JINJA_FILTERS = {"svdate": svdate, "svmonth": svmonth, "metalist": metalist}
