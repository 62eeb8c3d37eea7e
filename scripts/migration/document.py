"""Recognising a document dump (a flattened PDF) and restoring its structure.

A document dump starts with the document's title, then a list of unrelated
links from the site that hosted it, then a marker line (configured in
migration-rules.yaml), then the text: one line per page, page numbers run
into the end of each page, ALL-CAPS section headings and bullet lists run
into the text, footnotes run into the end of their page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .body import Noise, inline, plain
from .lines import INVISIBLE

# A run of ALL-CAPS words (five letters or more in all), perhaps with a number ("UTFALL 2016"), followed
# by the capitalised start of the section's first sentence.
_CAPS_HEADING = re.compile(
    r"(?<![\w(])((?:[A-ZÅÄÖÉ]{2,}\s+)*[A-ZÅÄÖÉ]{2,}(?:\s+\d{1,4})?)\s+(?=[A-ZÅÄÖÉ0-9][a-zåäöé\s])"
)
_TRAILING_PAGE_NUMBER = re.compile(r"\s+(\d{1,3})$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖÉ0-9–”\"])")
_LABEL = re.compile(r"(?:^|\s)([A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+)?):\s+")
MIN_HEADING_LETTERS = 5
# The links listed before a document's marker are titles of other documents: the archive's longest is 147
# characters, where one paragraph in ten of its posts is longer than 320.
MAX_LISTED_CHARS = 200
PARAGRAPH_WORDS = 110
# A bullet list run into the text: "… i år. o Nya cykelbanor. o Fler laddplatser vid stationen. …". A word
# processor's bullets come out of a PDF as "o", "•", "◦", "▪" or a private-use symbol character, at the
# start of the text or after a sentence, before an item's capital. One such sign alone may be a stray
# letter, so a list needs two.
_BULLET = re.compile(r"(?:^|(?<=[.!?:])\s)[o•◦▪\uf0a7\uf0b7]\s+(?=[A-ZÅÄÖÉ0-9])")
MIN_LIST_ITEMS = 2
# A footnote is run into the end of its page, after the page's last words: "… så att cyklisterna 1 GC-väg =
# gång- och cykelväg." It opens with its number (1, 2, … through the document), is short, and its number
# stands after a word earlier in the text ("GC-väg 1,"), where it is referred to.
_FOOTNOTE_AT = r"(?<=\S)\s+({})\s+(?=[A-ZÅÄÖÉ])"
_FOOTNOTE_REFERENCE = r"[^\W\d]\s{}(?=[,.;:)]|\s[a-zåäö])"
MAX_FOOTNOTE_CHARS = 300
FOOTNOTES_HEADING = "Fotnoter"


@dataclass
class DocumentParts:
    title_line: int
    body_start: int  # first line after the marker
    marker_line: int
    dropped: list[Noise] = field(default_factory=list)


@dataclass
class RenderedDocument:
    markdown: str
    facts: dict[str, str]
    summary: str
    page_numbers: dict[int, int]  # source line -> page number removed from its end
    footnotes: dict[int, list[str]] = field(default_factory=dict)  # source line -> footnotes moved from its end


def find_marker(lines: tuple[str, ...], markers: tuple[str, ...]) -> int | None:
    """Line number of the transcript marker, or None if this is not a document dump.

    Only the document's title and a list of links stand before the marker in
    a document dump. After a paragraph of running text the marker is a line
    of a blog post (one that gives a film's transcript, say), and the dump a
    listing: taken for a document, its posts would be dropped as the list.
    """
    wanted = {m.strip().lower() for m in markers}
    for number, text in enumerate(lines, 1):
        if text.strip(INVISIBLE).lower() in wanted:
            listed = [line for line in lines[: number - 1] if line.strip(INVISIBLE)][1:]
            return number if all(len(line.strip()) <= MAX_LISTED_CHARS for line in listed) else None
    return None


def split_document(lines: tuple[str, ...], marker_line: int) -> DocumentParts:
    """Title, dropped unrelated list and marker of a document dump."""
    content = [(n, t) for n, t in enumerate(lines[: marker_line - 1], 1) if t.strip(INVISIBLE)]
    title_line = content[0][0]
    parts = DocumentParts(title_line, marker_line + 1, marker_line)
    for number, text in content[1:]:
        parts.dropped.append(
            Noise(number, text, "lista över orelaterade dokument från webbplatsen som visade rapporten")
        )
    parts.dropped.append(Noise(marker_line, lines[marker_line - 1], "markör före dokumentets text"))
    return parts


def _sentence_case(heading: str) -> str:
    lowered = heading.lower()
    return lowered[0].upper() + lowered[1:]


def _cover_facts(cover: str, title: str) -> dict[str, str]:
    """ "Key: value" pairs on the cover page, after the title."""
    text = cover[len(title) :].strip() if cover.startswith(title) else cover
    matches = list(_LABEL.finditer(" " + text))
    facts = {}
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text) + 1
        facts[match.group(1)] = (" " + text)[match.end() : end].strip()
    return facts


def _paragraphs(text: str) -> list[str]:
    """Group sentences into paragraphs of a readable length."""
    paragraphs, current, count = [], [], 0
    for sentence in _SENTENCE_END.split(text):
        current.append(sentence)
        count += len(sentence.split())
        if count >= PARAGRAPH_WORDS:
            paragraphs.append(" ".join(current))
            current, count = [], 0
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def text_blocks(text: str) -> list[tuple[str, str]]:
    """The text of a section as ("paragraph", text) and ("list", Markdown list) blocks, lists restored.

    Each item runs to the next bullet; the last one to the end of its first
    sentence, for the list's end is not marked and an item is most often one
    sentence. What follows goes on as paragraphs (or another list).
    """
    bullets = list(_BULLET.finditer(text))
    if len(bullets) < MIN_LIST_ITEMS:
        return [("paragraph", paragraph) for paragraph in _paragraphs(text.strip())] if text.strip() else []
    ends = [bullet.start() for bullet in bullets[1:]]
    last, *rest = _SENTENCE_END.split(text[bullets[-1].end() :], maxsplit=1)
    items = [text[bullet.end() : end] for bullet, end in zip(bullets, ends, strict=False)] + [last]
    before = text_blocks(text[: bullets[0].start()])
    listed = "\n".join(f"- {inline(item.strip())}" for item in items)
    return [*before, ("list", listed), *text_blocks(rest[0] if rest else "")]


def footnotes_of(pages: list[str]) -> tuple[list[str], dict[int, list[str]]]:
    """The pages with the footnotes at their ends taken out, and the footnotes by page ({page index: texts}).

    A page's footnotes run to its end; the next number further on opens the
    next footnote. A number is taken for a footnote only where the text
    before it refers to it, so a page ending "… se tabell 3 Resultat …"
    keeps its words.
    """
    kept: list[str] = []
    notes: dict[int, list[str]] = {}
    number = 1
    for index, page in enumerate(pages):
        start = _footnote_start(page, number, " ".join(kept))
        if start is None:
            kept.append(page)
            continue
        kept.append(page[:start].rstrip())
        tail = page[start:].strip()
        while match := re.search(_FOOTNOTE_AT.format(number + 1), tail):
            notes.setdefault(index, []).append(tail[: match.start()])
            tail, number = tail[match.start(1) :], number + 1
        notes.setdefault(index, []).append(tail)
        number += 1
    return kept, notes


def _footnote_start(page: str, number: int, before: str) -> int | None:
    """Where footnote ``number`` opens at the end of the page, if it does (see footnotes_of)."""
    for match in re.finditer(_FOOTNOTE_AT.format(number), page):
        if len(page) - match.end() > MAX_FOOTNOTE_CHARS:
            continue
        if re.search(_FOOTNOTE_REFERENCE.format(number), f"{before} {page[: match.start()]}"):
            return match.start()
    return None


def page_numbers_of(pages: list[str]) -> dict[int, int]:
    """Which pages end with their page number, and the number: {page index: number}.

    A flattened PDF runs each page's number into the end of its text. Only a
    run of numbers that count up is taken, so a sentence ending in a number is
    left alone. The run may start after a cover or a summary without a number
    and at any page number (a cover counted as page 1 but not printed), and
    it may skip one page (a full-page picture has no number). A first number
    above 1 needs the next number to follow it before it is believed.
    """
    trailing = {}
    for index, text in enumerate(pages):
        if match := _TRAILING_PAGE_NUMBER.search(text):
            trailing[index] = int(match.group(1))
    found: dict[int, int] = {}
    last_index, last = 0, 0
    for index, value in trailing.items():
        follows = value - last in (1, 2) and index - last_index == value - last
        starts = value == 1 or trailing.get(index + 1) == value + 1
        if follows if found else starts:
            found[index] = value
            last_index, last = index, value
    return found


def render_document(lines: tuple[str, ...], parts: DocumentParts) -> RenderedDocument:
    title = plain(lines[parts.title_line - 1])
    pages = [(n, plain(t)) for n, t in enumerate(lines, 1) if n >= parts.body_start and t.strip(INVISIBLE)]
    numbered = page_numbers_of([text for _, text in pages])
    page_numbers = {pages[index][0]: page for index, page in numbered.items()}
    cleaned = [
        (number, _TRAILING_PAGE_NUMBER.sub("", text) if index in numbered else text)
        for index, (number, text) in enumerate(pages)
    ]

    facts: dict[str, str] = {}
    if cleaned and cleaned[0][1].startswith(title):
        facts = _cover_facts(cleaned[0][1], title)
        cleaned = cleaned[1:]
    texts, notes = footnotes_of([text for _, text in cleaned])
    footnotes = {cleaned[index][0]: found for index, found in notes.items()}
    cleaned = [(number, text) for (number, _), text in zip(cleaned, texts, strict=True)]
    # Pages that end mid-sentence continue on the next page.
    running = ""
    for _, text in cleaned:
        joiner = " " if running and not running.rstrip().endswith((".", "!", "?", ":")) else "\n\n"
        running = f"{running}{joiner}{text}" if running else text

    blocks: list[str] = []
    if facts:
        blocks.append("\n".join(f"- **{k}:** {inline(v)}" for k, v in facts.items()))
    summary = ""
    for chunk in running.split("\n\n"):
        # split() alternates text, heading, text, heading …; a short capital
        # run (an acronym such as "SKL") stays in the text.
        sections: list[tuple[str | None, str]] = [(None, "")]  # (heading, its text)
        for index, piece in enumerate(_CAPS_HEADING.split(chunk)):
            heading, text = sections[-1]
            if index % 2 == 1 and sum(c.isalpha() for c in piece) >= MIN_HEADING_LETTERS:
                sections.append((piece, ""))
            else:
                sections[-1] = (heading, text + (f"{piece} " if index % 2 == 1 else piece))  # the split ate a space
        for heading, text in sections:
            if heading is not None:
                blocks.append(f"## {_sentence_case(heading)}")
            for kind, block in text_blocks(text):
                if kind == "paragraph":
                    summary = summary or block
                    block = inline(block)
                blocks.append(block)
    if footnotes:
        blocks.append(f"## {FOOTNOTES_HEADING}")
        items = [note.split(maxsplit=1) for found in footnotes.values() for note in found]
        blocks.append("\n".join(f"{number}. {inline(text)}" for number, text in items))
    return RenderedDocument("\n\n".join(blocks) + "\n", facts, summary, page_numbers, footnotes)
