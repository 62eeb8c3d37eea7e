"""Stable links from articles to handbooks: ``[text]({handbok}slug)``.

Pelican's own ``{filename}`` links break when a file moves; a handbook
reference names the handbook's folder, so it survives new versions. A
reference to a handbook that does not exist is an editor's mistake and fails
the build with the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

REFERENCE = re.compile(
    r"""(?P<attr>href\s*=\s*)(?P<quote>["'])[{|]handbok[}|](?P<slug>[^"'#?]*)(?P<rest>[^"']*)(?P=quote)"""
)


def replace_references(html: str, url_of: Callable[[str], str | None]) -> tuple[str, list[str]]:
    """``html`` with every handbook reference made a URL, and the slugs that have no handbook."""
    unknown: list[str] = []

    def replace(match: re.Match) -> str:
        slug = match["slug"].strip("/")
        url = url_of(slug)
        if url is None:
            unknown.append(slug)
            return match[0]
        return f"{match['attr']}{match['quote']}{url}{match['rest']}{match['quote']}"

    return REFERENCE.sub(replace, html), unknown


def line_containing(source_path: str, *needles: str, at_start: bool = False) -> int | None:
    """The first line of a source file holding one of ``needles``, for error messages."""
    try:
        lines = Path(source_path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for number, line in enumerate(lines, 1):
        text = line.lower() if at_start else line
        if any(text.startswith(n) if at_start else n in text for n in needles):
            return number
    return None


def reference_line(source_path: str, slug: str) -> int | None:
    """The line that holds a reference to ``slug``."""
    return line_containing(source_path, f"{{handbok}}{slug}", f"|handbok|{slug}")
