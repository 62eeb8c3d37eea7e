"""Giving every post a date, and saying how sure it is.

Order of trust: a legacy URL with /YYYY/MM/DD/ that points at the post
(``url``); a date introduced by a label such as "Datum:" (``text``); otherwise
an estimate (``inferred``) from the years a post mentions, fitted so that the
dump's newest-first order holds (isotonic regression), with the month taken
from the text where it names one. A weekday written with its date ("tisdag
den 5 maj") names the year near the estimate (``weekday_date``), and no
estimate falls before a dated post listed under it (``_earliest_days``). A
dump where no post names a year takes the archive's middle year
(``archive_year``), not today's: a legacy archive's posts are old.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import chain

from babel.dates import get_day_names, get_month_names

from .lines import words, years_mentioned

# Month name → number, from CLDR (Babel): the same names the site writes dates with (theme/filters.py).
MONTHS = {name: number for number, name in get_month_names("wide", locale="sv").items()}
# A saved page may print a month short: CLDR's abbreviation ("okt.", "mars") or the name's first three
# letters ("mar", "jun"), with or without a full stop.
_MONTH_NUMBERS = {
    **{name[:3]: number for name, number in MONTHS.items()},
    **{name.rstrip("."): number for number, name in get_month_names("abbreviated", locale="sv").items()},
    **MONTHS,
}
_MONTH = "(?P<month>{})".format("|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))) + r"\.?"
ISO_DATE = re.compile(r"\b(?P<year>19\d\d|20\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
# "12 mars 2015", "12 mars, 2015", "12 okt. 2015", "19–21 november 2015" (its first day); the year may be left out.
WRITTEN_DATE = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:\s*[-–,]\s*\d{{1,2}})*(?:,?\s+och\s+\d{{1,2}})?\s+{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?\b",
    re.IGNORECASE,
)
# "mars 12, 2015": the order of WordPress's default date format, which many Swedish sites keep.
MONTH_FIRST_DATE = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
# "12/3 2015", "12/3/2015", "12.03.2015": the day before the month, as Swedish writes them.
NUMERIC_DATE = re.compile(r"(?<![\d./])(?P<day>\d{1,2})([./])(?P<month>\d{1,2})(?:\2|\s+)(?P<year>\d{4})\b")
FULL_DATES = (ISO_DATE, WRITTEN_DATE, MONTH_FIRST_DATE, NUMERIC_DATE)
# "december 2015", "dec. 2015", "2015-12": a month and its year without a day, as a report's cover may date it.
MONTH_AND_YEAR = (
    re.compile(rf"\b{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>19\d\d|20\d\d)-(?P<month>0[1-9]|1[0-2])\b(?!-\d)"),
)
MIDDLE_OF_MONTH = 15  # the day a date without one is given
# Weekday name → number (Monday 0), from CLDR as the month names are: the full name and the short one a
# saved page or a programme prints ("tis 3 nov", "tors. 12 mars").
WEEKDAYS = {
    **{name: number for number, name in get_day_names("abbreviated", locale="sv").items()},
    **{name: number for number, name in get_day_names("wide", locale="sv").items()},
}
_WEEKDAY = "(?P<weekday>{})".format("|".join(sorted(WEEKDAYS, key=len, reverse=True)))
_NO_YEAR_AFTER = r"(?![a-zåäö])(?!\.?,?\s*\d{4})"
# "torsdagen den 12 mars", "onsdag 15 mars", "tis 3 nov": a weekday with a date and no year. A date falls on
# a given weekday only every 5, 6 or 11 years, so near a post's estimated year it names the year: a post on
# "the next meeting, torsdagen den 12 mars" that names only the last meeting's year 2013 is of 2015.
WEEKDAY_DATE = re.compile(
    rf"\b{_WEEKDAY}(?:en)?\.?,?\s+(?:den\s+)?(?P<day>\d{{1,2}})(?::[ae])?\s+{_MONTH}{_NO_YEAR_AFTER}",
    re.IGNORECASE,
)
# The weekday after the date: "den 3 november, en tisdag", "3 november (tisdag)".
DATE_WEEKDAY = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?::[ae])?\s+{_MONTH}{_NO_YEAR_AFTER},?\s+(?:en\s+|\()?{_WEEKDAY}(?:en)?\b\)?",
    re.IGNORECASE,
)
# How far from a post's estimate (in years) the year a weekday names may lie; beyond it the estimate, or
# the text, is too far off to trust either.
WEEKDAY_YEARS_AWAY = 3.0
# A weekday's year weighs this much in the fit against the 1 of a year the text names (a date a link or
# a label gives weighs 100): it outweighs an estimate, never a written date.
WEEKDAY_WEIGHT = 10.0
_FOUR_DIGITS = re.compile(r"\d{4}")
URL_DATE = re.compile(r"/(19\d\d|20\d\d)/(\d\d)/(\d\d)/([\w-]+)/?")
EARLIEST_YEAR = 1990
# A date stamp ("Publicerat 12 mars 2015 av Anna", "2015-03-12", "Postat den 3 maj 2014 i Nyheter") has
# a few words beside its date; a title or a sentence that names a date has more, or ends as a sentence.
MAX_DATELINE_WORDS = 6
# A stamp in lower case ("den 12 mars 2015", "torsdag den 12 mars 2015", "mars 12, 2015") is not shaped like a
# title; it is a stamp only if the date is nearly all of it, not a line of running text that names a day.
MAX_LOWER_CASE_DATELINE_WORDS = 2
DEFAULT_MONTH = 6  # middle of the year when nothing narrows it


@dataclass(frozen=True)
class DateDecision:
    date: dt.date
    source: str  # "url" | "text" | "editor" | "inferred"
    evidence: str


def editor_dates_out_of_order(decisions: list[DateDecision]) -> list[tuple[int, int]]:
    """Pairs (above, below) of one dump's posts, in dump order, where a date an editor set makes the post
    above older than a dated post below it (an estimate is never out of order: it is fitted to the order).

    A listing page shows its newest post first, so such a date is more likely a slip of the keyboard
    (2105, 2015-11-21 for 2015-01-21) than the truth; the run keeps it and asks the editor to look.
    """
    dated = [i for i, decision in enumerate(decisions) if decision.source != "inferred"]
    pairs = {
        (min(e, k), max(e, k))
        for e in dated
        if decisions[e].source == "editor"
        for k in dated
        if decisions[min(e, k)].date < decisions[max(e, k)].date
    }
    return sorted(pairs)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_of(match: re.Match) -> int:
    month = match.group("month")
    return int(month) if month.isdigit() else _MONTH_NUMBERS[month.lower()]


def _date_of(match: re.Match) -> dt.date | None:
    """The day a FULL_DATES match writes; None without a year or for no real day."""
    if not match.group("year"):
        return None
    return _safe_date(int(match.group("year")), _month_of(match), int(match.group("day")))


def _full_dates(text: str) -> list[tuple[re.Match, dt.date]]:
    """Every full date (day, month and year) written in a text, in any of its forms, in order."""
    if not _FOUR_DIGITS.search(text):  # every form has its year: most lines have none, found fast
        return []
    found = [(match, date) for pattern in FULL_DATES for match in pattern.finditer(text) if (date := _date_of(match))]
    return sorted(found, key=lambda item: item[0].start())


def labelled_date(text: str, labels: tuple[str, ...]) -> tuple[dt.date, str] | None:
    """A date written after a label ("Datum: 2015-12-18", "Uppdaterad den 3 mars 2016"), the latest if several,
    with the label and the date as written (the plan shows them as evidence)."""
    found = []
    for label in labels:
        pattern = re.compile(rf"\b{re.escape(label)}\b[:\s]+(?:den\s+)?", re.IGNORECASE)
        for match in pattern.finditer(text):
            rest = text[match.end() : match.end() + 40]
            for written in filter(None, (form.match(rest) for form in FULL_DATES)):
                if date := _date_of(written):
                    found.append((date, f"{label} {written.group()}"))
                    break
    return max(found) if found else None


def dateline_date(text: str, most_words: int = MAX_DATELINE_WORDS) -> tuple[dt.date, str] | None:
    """The date of a line that is a date stamp, with the line, or None.

    A saved listing page prints each post's date and author on a line of its own under the title (or
    under the post): it dates the post, it is no title, and the title above it has its lead below it.
    A full date (day, month and year) and at most ``most_words`` other words, not a sentence.
    """
    line = text.strip()
    if not line or line.endswith((".", "!", "?", ":")):
        return None
    for match, date in _full_dates(line):
        if len(words(line[: match.start()] + " " + line[match.end() :])) <= most_words:
            return date, line
    return None


def first_full_date(text: str) -> tuple[dt.date, str] | None:
    """The first complete date (day, month and year) in a text, with the words that wrote it.

    A report's cover page carries its date, labelled or not ("Växjö 3
    mars 2019"); the first full date there is the report's date.
    """
    found = _full_dates(text)
    return (found[0][1], found[0][0].group()) if found else None


def first_month_and_year(text: str) -> tuple[dt.date, str] | None:
    """The first month written with its year and no day ("december 2015", "2015-12") as the middle of that month,
    with the words that wrote it; None if the text writes none.

    A report's cover often gives only the month it was finished in. Its later pages name the years it plans
    for, so without this the report was dated by the latest of them, eleven months after its cover's month.
    """
    first = min(
        (m for pattern in MONTH_AND_YEAR for m in pattern.finditer(text)), key=lambda m: m.start(), default=None
    )
    if first is None:
        return None
    return dt.date(int(first.group("year")), _month_of(first), MIDDLE_OF_MONTH), first.group()


def legacy_url_dates(text: str) -> dict[str, dt.date]:
    """Slug -> date for every /YYYY/MM/DD/slug/ link in a text."""
    result = {}
    for match in URL_DATE.finditer(text):
        date = _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if date:
            result[match.group(4).lower()] = date
    return result


def days_written_in(text: str, year: int) -> list[dt.date]:
    """The days of ``year`` a text writes ("5 maj", "5 maj 2015", "2015-05-05"); a written date
    without a year is taken to be in ``year``, and one that is no real day ("2015-13-01", a
    reference number shaped like a date) is left out."""
    days = [
        _safe_date(year, _month_of(match), int(match.group("day")))
        for pattern in FULL_DATES
        for match in pattern.finditer(text)
        if int(match.group("year") or year) == year
    ]
    return [day for day in days if day]


def _isotonic_non_increasing(values: list[float], weights: list[float]) -> list[float]:
    """Pool-adjacent-violators: the closest non-increasing sequence (weighted)."""
    blocks: list[list[float]] = []  # [value, weight, count]
    for value, weight in zip(values, weights, strict=True):
        blocks.append([value, weight, 1])
        while len(blocks) > 1 and blocks[-2][0] < blocks[-1][0]:
            v2, w2, c2 = blocks.pop()
            v1, w1, c1 = blocks.pop()
            total = w1 + w2
            blocks.append([(v1 * w1 + v2 * w2) / total, total, c1 + c2])
    fitted: list[float] = []
    for value, _, count in blocks:
        fitted.extend([value] * count)
    return fitted


def _earliest_days(anchors: list[dt.date | None]) -> list[dt.date | None]:
    """For each place in a dump, the earliest day its post may have: a day after the post under it, if that
    one is dated (``anchors``) or has an earliest day of its own. A listing is newest first, so a post is
    younger than every dated post under it, with a day for each post between them."""
    earliest: list[dt.date | None] = []
    below: dt.date | None = None
    for anchor in reversed(anchors):
        earliest.append(below)
        latest = max((day for day in (anchor, below) if day), default=None)
        below = latest + dt.timedelta(days=1) if latest else None
    return earliest[::-1]


@dataclass
class DatingInput:
    """What the dating rules need to know of one post."""

    text: str
    fixed: DateDecision | None = None


def _as_year(date: dt.date) -> float:
    """A date as a fractional year, the scale the fit works on."""
    return date.year + date.timetuple().tm_yday / 366


def weekday_date(text: str, around: float, latest_year: int) -> tuple[dt.date, str] | None:
    """The day a weekday written with a date and no year names (``WEEKDAY_DATE``, ``DATE_WEEKDAY``), in the
    year nearest ``around`` (a fractional year) that puts the date on that weekday, with the words that wrote
    it; the latest if the text writes several, None if it writes none within ``WEEKDAY_YEARS_AWAY``."""
    found = []
    for match in chain(WEEKDAY_DATE.finditer(text), DATE_WEEKDAY.finditer(text)):
        weekday, month, day = WEEKDAYS[match.group("weekday").lower()], _month_of(match), int(match.group("day"))
        dates = (_safe_date(year, month, day) for year in range(EARLIEST_YEAR, latest_year + 1))
        fitting = [date for date in dates if date and date.weekday() == weekday]
        near = [(abs(_as_year(date) - around), date) for date in fitting]
        years_away, nearest = min(near, default=(WEEKDAY_YEARS_AWAY, None))
        if years_away < WEEKDAY_YEARS_AWAY:
            found.append((nearest, match.group().rstrip(".")))  # a sentence's full stop is no part of it
    return max(found) if found else None


def _year_value(post: DatingInput, today: dt.date) -> float | None:
    """Where a post sits in time as a fractional year: its fixed date, else the latest year it names."""
    if post.fixed:
        return _as_year(post.fixed.date)
    years = [y for y in years_mentioned(post.text) if EARLIEST_YEAR <= y <= today.year]
    return max(years) + 0.5 if years else None


def archive_year(dumps: list[list[DatingInput]], today: dt.date) -> int | None:
    """The middle year of every post of the archive that names one, or None if none does."""
    values = sorted(v for posts in dumps for post in posts if (v := _year_value(post, today)) is not None)
    return int(values[len(values) // 2]) if values else None


def _years_to_fit(
    posts: list[DatingInput], today: dt.date, fallback_year: int | None
) -> tuple[list[float], list[float], str]:
    """Each post's year before the fit, its weight in the fit, and what the year rests on where no post of the
    dump names one: a fixed date outweighs the years a text names, which outweigh a neighbour's year."""
    values = [_year_value(post, today) for post in posts]
    known = [i for i, v in enumerate(values) if v is not None]
    if not known:
        year_basis = (
            f"; året är arkivets mittersta årtal ({fallback_year}), inget inlägg i dumpen nämner ett"
            if fallback_year
            else "; inget årtal i arkivet, året är innevarande år"
        )
        return [float(fallback_year or today.year)] * len(posts), [1.0] * len(posts), year_basis
    filled, weights = [], []
    for i, (post, value) in enumerate(zip(posts, values, strict=True)):
        if value is not None:
            filled.append(value)
            weights.append(100.0 if post.fixed else 1.0)
            continue
        before = [values[k] for k in known if k < i]
        after = [values[k] for k in known if k > i]
        neighbours = [x for x in (before[-1] if before else None, after[0] if after else None) if x is not None]
        filled.append(sum(neighbours) / len(neighbours))
        weights.append(0.01)
    return filled, weights, ""


def _day_of(
    text: str, year: int, weekday: tuple[dt.date, str] | None, earliest: dt.date | None, previous: dt.date | None
) -> tuple[dt.date, str]:
    """A post's estimated day in its fitted ``year``, and how it was reached: the latest day its text writes,
    else the middle of the year; no earlier than ``earliest`` (see _earliest_days), before the post above."""
    days = days_written_in(text, year)
    if days:
        date, how = max(days), "månad och dag ur texten"
    else:
        date, how = dt.date(year, DEFAULT_MONTH, MIDDLE_OF_MONTH), "mitten av året"
    if weekday:
        how += f" (veckodagen i ”{weekday[1]}” ger året)"
    if earliest and date < earliest:
        date, how = earliest, "efter ett daterat inlägg längre ned i dumpen, en dag för varje inlägg emellan"
    if previous is not None and date >= previous:
        date, how = previous - dt.timedelta(days=1), "dagen före inlägget ovanför i dumpen"
    return date, how


def date_posts(posts: list[DatingInput], today: dt.date, fallback_year: int | None = None) -> list[DateDecision]:
    """Dates for the posts of one dump, given in dump order (newest first).

    ``fallback_year`` (see ``archive_year``) is used when no post of the dump
    names a year; without one, today's year.
    """
    filled, weights, year_basis = _years_to_fit(posts, today, fallback_year)
    named = [None if post.fixed else weekday_date(post.text, filled[i], today.year) for i, post in enumerate(posts)]
    for i, found in enumerate(named):
        if found:
            filled[i], weights[i] = _as_year(found[0]), WEEKDAY_WEIGHT
    fitted = _isotonic_non_increasing(filled, weights)
    # A post's weekday date holds where the fit kept its year (a stronger date nearby may move it).
    weekdays = [found if found and found[0].year == int(fitted[i]) else None for i, found in enumerate(named)]
    anchors = [
        post.fixed.date if post.fixed else found[0] if found else None
        for post, found in zip(posts, weekdays, strict=True)
    ]
    earliest = _earliest_days(anchors)

    decisions: list[DateDecision] = []
    previous: dt.date | None = None
    for index, post in enumerate(posts):
        if post.fixed:
            decision = post.fixed
        else:
            date, how = _day_of(post.text, int(fitted[index]), weekdays[index], earliest[index], previous)
            years = sorted(set(years_mentioned(post.text)))
            evidence = (
                f"uppskattat: årtal i texten {', '.join(map(str, years)) or 'saknas'}; "
                f"plats {index + 1} av {len(posts)} i dumpen (nyast först); {how}{year_basis}"
            )
            decision = DateDecision(date, "inferred", evidence)
        decisions.append(decision)
        previous = decision.date
    return decisions
