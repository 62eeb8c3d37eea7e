"""The listing page's own lines around its posts: a heading or menu above the first, a footer under the last.

A listing page saved whole opens and closes with lines of the site's: the blog's name and a menu over its
first post, links to other pages and the site's footer under its last. The dumps are pages of one site, so
these lines stand alike at the top or the bottom of two dumps or more. Pure: content lines in, line numbers out.
"""

from __future__ import annotations

import re
from collections import Counter

from .dump_text import MIN_LEAD_CHARS, ContentLine
from .lines import normalised_line

_NUMBER = re.compile(r"\d+")


def page_headings(listing_lines: dict[str, list[ContentLine]]) -> dict[str, int]:
    """Dump -> line number of the last of the listing page's own lines above its first post (the blog's name,
    a menu: "Hoppa till innehåll", "Enklare vardag", "Om bloggen"): lines that open two dumps or more alike,
    short lines only, over title-shaped lines not all the same. A post copied to the top of two dumps opens both
    over the same line, its subheading or its lead; one of them may stand under the page's lines among others."""
    openers: dict[str, list[str]] = {}
    for name, lines in listing_lines.items():
        if len(lines) >= 2 and lines[0].title_shaped:
            openers.setdefault(_page_key(lines[0].text), []).append(name)
    found: dict[str, int] = {}
    for names in openers.values():
        dumps = [listing_lines[name] for name in names]
        if len(dumps) < 2:
            continue
        shared = 1
        while all(len(lines) > shared + 1 for lines in dumps) and _alike_short_lines([d[shared] for d in dumps]):
            shared += 1
        first_titles = [lines[shared] for lines in dumps]
        if all(line.title_shaped for line in first_titles) and len({normalised_line(t.text) for t in first_titles}) > 1:
            found.update({name: lines[shared - 1].number for name, lines in zip(names, dumps, strict=True)})
    return found


def _alike_short_lines(lines: list[ContentLine]) -> bool:
    """Are these lines, one from each dump, the same short line (a title-shaped one: no running text)?"""
    return all(line.title_shaped for line in lines) and len({_page_key(line.text) for line in lines}) == 1


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
    seen = Counter(
        _page_key(line.text)
        for name, lines in listing_lines.items()
        for line in lines
        if line.number > headings.get(name, 0)
    )
    closers: dict[str, list[str]] = {}
    for name, lines in listing_lines.items():
        if len(lines) >= 2:
            closers.setdefault(_page_key(lines[-1].text), []).append(name)
    found: dict[str, int] = {}
    for names in closers.values():
        dumps = [listing_lines[name] for name in names]
        shared = 0
        while all(len(lines) > shared + 1 for lines in dumps) and _page_lines([d[-1 - shared] for d in dumps], seen):
            shared += 1
        above = {_page_key(lines[-1 - shared].text) for lines in dumps}
        if shared and (len(above) > 1 or seen[above.pop()] > len(dumps)):
            found.update({name: lines[-shared].number for name, lines in zip(names, dumps, strict=True)})
    return found


def _page_lines(lines: list[ContentLine], seen: Counter) -> bool:
    """Are these lines, one from the end of each of two dumps or more, the same short line, found only there?"""
    text = _page_key(lines[0].text)
    short = all(line.title_shaped or len(line.text) < MIN_LEAD_CHARS for line in lines)
    return len(lines) >= 2 and short and seen[text] == len(lines) and all(_page_key(x.text) == text for x in lines)


def _page_key(text: str) -> str:
    """A line as the page prints it on every page: its numbers masked ("Sida 2 av 7", "Sida 3 av 7")."""
    return _NUMBER.sub("0", normalised_line(text))
