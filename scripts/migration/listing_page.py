"""The listing page's own lines around its posts: a heading or menu above the first, a footer under the last.

A listing page saved whole opens and closes with lines of the site's: the blog's name and a menu over its
first post, links to other pages and the site's footer under its last. The dumps are pages of one site, so
these lines stand alike at the top or the bottom of two dumps or more. Pure: content lines in, line numbers out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from .dump_text import MIN_LEAD_CHARS, ContentLine
from .lines import normalised_line

_NUMBER = re.compile(r"\d+")
# A page's number ("Sida 2 av 7", "Sida 3 av 7") makes its lines differ from page to page. Lines alike but
# for their numbers are taken for the page's in this many dumps or more: two posts that open or close two
# dumps may differ by a number only ("Budget 2015", "Budget 2016"; two contact lines' phone numbers).
MIN_NUMBERED_PAGES = 3


def page_headings(listing_lines: dict[str, list[ContentLine]]) -> dict[str, int]:
    """Dump -> line number of the last of the listing page's own lines above its first post (the blog's name,
    a menu: "Hoppa till innehåll", "Enklare vardag", "Om bloggen"): lines that open two dumps or more alike,
    short lines only, over title-shaped lines not all the same. A post copied to the top of two dumps opens both
    over the same line, its subheading or its lead; one of them may stand under the page's lines among others."""
    openers = {name: lines[0] for name, lines in listing_lines.items() if len(lines) >= 2 and lines[0].title_shaped}
    found: dict[str, int] = {}
    for names, key in _alike(openers):
        dumps = [listing_lines[name] for name in names]
        shared = 1
        while all(len(lines) > shared + 1 for lines in dumps) and _alike_short_lines([d[shared] for d in dumps], key):
            shared += 1
        first_titles = [lines[shared] for lines in dumps]
        if all(line.title_shaped for line in first_titles) and len({normalised_line(t.text) for t in first_titles}) > 1:
            found.update({name: lines[shared - 1].number for name, lines in zip(names, dumps, strict=True)})
    return found


def _alike_short_lines(lines: list[ContentLine], key: Callable[[str], str]) -> bool:
    """Are these lines, one from each dump, the same short line (a title-shaped one: no running text)?"""
    return all(line.title_shaped for line in lines) and len({key(line.text) for line in lines}) == 1


def page_footers(listing_lines: dict[str, list[ContentLine]], headings: dict[str, int] | None = None) -> dict[str, int]:
    """Dump -> line number of the first of the listing page's own lines under its last post (its links to other
    pages, the site's footer: "« Äldre inlägg", "© Örebro kommun 2015"): short lines that close two dumps or more
    alike and stand nowhere else in the dumps. A sign-off the blog puts under every post stands under posts
    inside the dumps too. A post copied to the end of two dumps ends both alike, its last short lines found
    there only, but over the same paragraph, which stands nowhere else either: the lines over a footer differ
    from dump to dump, or stand elsewhere too (a sign-off under every post). ``headings``: the page's lines over
    the first post (see page_headings), which may repeat a footer's line ("Sida 2 av 7" over and under the posts).
    """
    headings = headings or {}
    below_headings = [
        line.text for name, lines in listing_lines.items() for line in lines if line.number > headings.get(name, 0)
    ]
    closers = {name: lines[-1] for name, lines in listing_lines.items() if len(lines) >= 2}
    found: dict[str, int] = {}
    counted = {key: Counter(map(key, below_headings)) for key in (_page_key, normalised_line)}
    for names, key in _alike(closers):
        seen = counted[key]
        dumps = [listing_lines[name] for name in names]
        shared = 0
        while all(len(lines) > shared + 1 for lines in dumps) and _page_lines(
            [d[-1 - shared] for d in dumps], seen, key
        ):
            shared += 1
        above = {key(lines[-1 - shared].text) for lines in dumps}
        if shared and (len(above) > 1 or seen[above.pop()] > len(dumps)):
            found.update({name: lines[-shared].number for name, lines in zip(names, dumps, strict=True)})
    return found


def _page_lines(lines: list[ContentLine], seen: Counter, key: Callable[[str], str]) -> bool:
    """Are these lines, one from the end of each of two dumps or more, the same short line, found only there?"""
    text = key(lines[0].text)
    short = all(line.title_shaped or len(line.text) < MIN_LEAD_CHARS for line in lines)
    return short and seen[text] == len(lines) and all(key(x.text) == text for x in lines)


def _alike(ends: dict[str, ContentLine]) -> list[tuple[list[str], Callable[[str], str]]]:
    """The dumps whose line at one end is the same, in groups of two or more, each with how its lines are
    compared: by their numbers masked where the group is of ``MIN_NUMBERED_PAGES`` dumps or more, else as
    they stand."""
    masked: dict[str, list[str]] = {}
    exact: dict[str, list[str]] = {}
    for name, line in ends.items():
        masked.setdefault(_page_key(line.text), []).append(name)
        exact.setdefault(normalised_line(line.text), []).append(name)
    numbered = [names for names in masked.values() if len(names) >= MIN_NUMBERED_PAGES]
    grouped = {name for names in numbered for name in names}
    alike = [names for names in exact.values() if len(names) >= 2 and not grouped & set(names)]
    return [(names, _page_key) for names in numbered] + [(names, normalised_line) for names in alike]


def _page_key(text: str) -> str:
    """A line as the page prints it on every page: its numbers masked ("Sida 2 av 7", "Sida 3 av 7")."""
    return _NUMBER.sub("0", normalised_line(text))
