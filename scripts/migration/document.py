"""Recognising a document dump (a flattened PDF) and rendering it as Markdown.

A document dump starts with the document's title, then a list of unrelated
links from the site that hosted it, then a marker line (configured in
migration-rules.yaml), then the text: one line per page, its structure run
together (``flattened_pdf`` finds it again).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .body import INVISIBLE_LINE, Noise, inline, plain
from .errors import MigrationError
from .flattened_pdf import (
    FOOTNOTE_MARKS,
    PAGE_NUMBER,
    common_words,
    footnotes_of,
    is_contents_page,
    item_parts,
    joined_pages,
    marked_references,
    page_numbers_of,
    running_text,
    sections,
    subsections,
    table_amounts,
    table_header,
    text_blocks,
    without_page_number,
)
from .lines import INVISIBLE, is_invisible, shows_text, words

_LABEL = re.compile(r"(?:^|\s)([A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+)?):\s+")
# The links listed before a document's marker are titles of other documents: the archive's longest is 147
# characters, where one paragraph in ten of its posts is longer than 320.
MAX_LISTED_CHARS = 200
FOOTNOTES_HEADING = "Fotnoter"
WITHOUT_TITLE = "ingen titel före dokumentmarkören – skriv dokumentets titel på en rad före den"
WITHOUT_TEXT = "ingen text efter dokumentmarkören – dokumentet är tomt"
MARKER = "markör före dokumentets text"
MARKER_BEFORE_PAGE = f"{MARKER}; texten efter den på samma rad är dokumentets första sida"
WITHOUT_WORDS = "rad utan ord eller siffror i dokumentets text (dekoration eller ett ensamt tecken)"


@dataclass
class DocumentParts:
    title_line: int
    body_start: int  # first line after the marker
    marker_line: int
    dropped: list[Noise] = field(default_factory=list)
    after_marker: str = ""  # the text on the marker's own line after it, the document's first (see text_after_marker)


@dataclass
class RenderedDocument:
    markdown: str
    facts: dict[str, str]
    summary: str
    page_numbers: dict[int, int]  # source line -> page number removed from its end (or start)
    footnotes: dict[int, list[str]] = field(default_factory=dict)  # source line -> footnotes moved from its end
    # source line -> (amounts in one sentence, header row) of a table left run into its text
    tables: dict[int, tuple[int, str]] = field(default_factory=dict)
    contents: list[int] = field(default_factory=list)  # source lines of a table of contents, left out
    running: dict[int, list[str]] = field(default_factory=dict)  # source line -> its running head and foot, taken out


def find_marker(lines: tuple[str, ...], markers: tuple[str, ...]) -> int | None:
    """Line number of the transcript marker, or None if this is not a document dump.

    Only the document's title and a list of links stand before the marker in
    a document dump. After a paragraph of running text the marker is a line
    of a blog post (one that gives a film's transcript, say), and the dump a
    listing: taken for a document, its posts would be dropped as the list.
    """
    wanted = {_marker_key(m) for m in markers}
    for number, text in enumerate(lines, 1):
        if _marker_key(text) in wanted or text_after_marker(text, markers):
            listed = [line for line in lines[: number - 1] if shows_text(line)][1:]
            return number if all(len(line.strip()) <= MAX_LISTED_CHARS for line in listed) else None
    return None


def text_after_marker(line: str, markers: tuple[str, ...]) -> str:
    """The text after a marker and its colon on the marker's own line, or "": a copy that lost the line break
    after "Transkript:" has the document's first page there ("Transkript: Slutrapport …"). Without its colon the
    line is a sentence that begins with the word ("Transkriptet följer"); signs without words are no page."""
    shown = line.strip(INVISIBLE).strip()
    for marker in markers:
        label = marker.rstrip(":").strip()
        if shown[: len(label) + 1].lower() == label.lower() + ":":
            after = shown[len(label) + 1 :].strip(INVISIBLE).strip()
            return after if words(after) else ""
    return ""


def _marker_key(line: str) -> str:
    """A marker line as compared: case, spaces and a closing colon aside ("Transkript" is "Transkript:")."""
    return line.strip(INVISIBLE).rstrip(":").strip().lower()


def split_document(file: str, lines: tuple[str, ...], marker_line: int, markers: tuple[str, ...]) -> DocumentParts:
    """Title, dropped unrelated list and marker of a document dump, and lines of its text without words;
    a plain error naming the marker's line if no title stands before it or no text after it."""
    content = [(n, t) for n, t in enumerate(lines[: marker_line - 1], 1) if shows_text(t)]
    title_line = next((n for n, t in content if words(t)), None)  # a line of decoration ("***") is no title
    if title_line is None:
        raise MigrationError(file, marker_line, WITHOUT_TITLE)
    marker = lines[marker_line - 1]
    after = text_after_marker(marker, markers)
    if not after and not any(words(line) for line in lines[marker_line:]):
        raise MigrationError(file, marker_line, WITHOUT_TEXT)
    parts = DocumentParts(title_line, marker_line + 1, marker_line, after_marker=after)
    for number, text in content:
        if number < title_line:
            parts.dropped.append(Noise(number, text, "rad utan ord före dokumentets titel"))
        elif number > title_line:
            parts.dropped.append(
                Noise(number, text, "lista över orelaterade dokument från webbplatsen som visade rapporten")
            )
    if after:  # the line is the marker and the first page: the marker alone is dropped, the page is rendered
        shown = marker.strip(INVISIBLE).strip()
        parts.dropped.append(Noise(marker_line, shown[: len(shown) - len(after)].strip(), MARKER_BEFORE_PAGE))
    else:
        parts.dropped.append(Noise(marker_line, marker, MARKER))
    # A line of only signs ("– – –", "•") in the text is no page of a PDF: run into the next page, it read as words.
    parts.dropped += [
        Noise(number, text, WITHOUT_WORDS)
        for number, text in enumerate(lines[marker_line:], marker_line + 1)
        if shows_text(text) and not words(text)
    ]
    # A line that shows nothing ("&nbsp;", a non-breaking space) is no page either, and is listed as a post's is.
    parts.dropped += [Noise(n, text, INVISIBLE_LINE) for n, text in enumerate(lines, 1) if is_invisible(text)]
    return parts


def _sentence_case(heading: str) -> str:
    """An ALL-CAPS heading as a sentence: its first letter a capital, after its section number if it has one."""
    lowered = heading.lower()
    first = next(index for index, char in enumerate(lowered) if char.isalpha())
    return lowered[:first] + lowered[first].upper() + lowered[first + 1 :]


def _cover(cover: str, title: str) -> tuple[list[str], dict[str, str]]:
    """The cover page without its title: its words before the title (the kind of report) and after it up to the
    first "Key: value" pair (a subtitle, who decided it), and the pairs. All are kept: a cover's words are the
    document's too."""
    before, _, text = cover.partition(title)
    matches = list(_LABEL.finditer(" " + text))
    lead = (" " + text)[: matches[0].start()].strip() if matches else text.strip()
    facts = {}
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text) + 1
        facts[match.group(1)] = (" " + text)[match.end() : end].strip()
    return [words for words in (before.strip(), lead) if words], facts


def _block_markdown(kind: str, block: str | list[str]) -> str:
    """One block of text_blocks as Markdown."""
    if kind == "list":
        return "\n".join(f"- {inline(item)}" for item in block)
    if kind == "numbered":
        return "\n".join(f"{n}. {inline(item)}" for n, item in enumerate(block, 1))
    if kind == "series":
        return "\n".join(_series_item(item) for item in block)
    return inline(block)


def _series_item(item: str) -> str:
    """A labelled item as a list item, its "1) … 2) …" parts as a list inside it (their numbers kept as written)."""
    text, parts = item_parts(item)
    return "\n".join([f"- {inline(text)}", *(f"    - {inline(part)}" for part in parts)])


@dataclass
class _PageFurniture:
    """What a PDF's layout put on its pages, taken out, by source line (see _without_page_furniture)."""

    page_numbers: dict[int, int]
    running: dict[int, list[str]]
    contents: list[int]


def _without_page_furniture(pages: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], _PageFurniture]:
    """The pages (source line, text) without what the PDF's layout put on them, and what was taken, by source line:
    running heads and feet, page numbers (at the pages' ends, or at their starts if more pages have them there)
    and the pages of a table of contents, dropped whole."""
    texts, heads_and_feet = running_text([text for _, text in pages])
    running = {pages[index][0]: removed for index, removed in heads_and_feet.items()}
    pages = [(n, text) for (n, _), text in zip(pages, texts, strict=True)]
    by_side = {side: page_numbers_of(texts, side) for side in PAGE_NUMBER}
    where = max(by_side, key=lambda side: len(by_side[side]))
    page_numbers = {pages[index][0]: page for index, page in by_side[where].items()}
    cleaned = [(n, without_page_number(text, where) if n in page_numbers else text) for n, text in pages]
    contents = [n for n, text in cleaned[1:] if is_contents_page(text, len(pages))]
    return [(n, text) for n, text in cleaned if n not in contents], _PageFurniture(
        {n: page for n, page in page_numbers.items() if n not in contents},
        {n: removed for n, removed in running.items() if n not in contents},
        contents,
    )


def render_document(lines: tuple[str, ...], parts: DocumentParts) -> RenderedDocument:
    """The document as Markdown (cover facts, headings, paragraphs, lists, footnotes at the end), its summary,
    and, for the plan, the page numbers, running heads and feet and footnotes taken from each source line, the
    tables left in it and the pages of its table of contents, left out (see flattened_pdf.is_contents_page)."""
    title = plain(lines[parts.title_line - 1])
    dropped = {noise.line for noise in parts.dropped}
    body = enumerate(lines[parts.body_start - 1 :], parts.body_start)
    pages = [(n, plain(t)) for n, t in body if shows_text(t) and n not in dropped]
    if parts.after_marker:
        pages.insert(0, (parts.marker_line, plain(parts.after_marker)))
    cleaned, furniture = _without_page_furniture(pages)

    found = {number: (table_amounts(text), table_header(text)) for number, text in cleaned}
    tables = {number: table for number, table in found.items() if any(table)}
    cover: list[str] = []
    facts: dict[str, str] = {}
    if cleaned and title in cleaned[0][1]:  # the first page, with the title on it, is the cover
        cover, facts = _cover(cleaned[0][1], title)
        cleaned = cleaned[1:]
    texts, notes = footnotes_of([text for _, text in cleaned])
    common = common_words(texts)
    marked = marked_references(texts, notes) if notes else None
    footnotes = {cleaned[index][0]: found for index, found in notes.items()}

    blocks = [inline(words) for words in cover]
    if facts:
        blocks.append("\n".join(f"- **{k}:** {inline(v)}" for k, v in facts.items()))
    summary, in_section = "", False
    for run in joined_pages(marked or texts):
        for heading, section in sections(run):
            if heading is not None:
                blocks.append(f"## {_sentence_case(heading)}")
                in_section = True
            for subheading, text in subsections(section, common):
                if subheading is not None:  # under a section's heading, or in its place before the first
                    blocks.append(f"{'###' if in_section else '##'} {subheading}")
                for kind, block in text_blocks(text):
                    if kind == "paragraph":
                        summary = summary or FOOTNOTE_MARKS.sub("", block)
                    blocks.append(_block_markdown(kind, block))
    if footnotes:
        blocks.append(f"## {FOOTNOTES_HEADING}")
        items = [note.split(maxsplit=1) for found in footnotes.values() for note in found]
        # Linked: Markdown footnotes (the reference and the note link to each other); otherwise a list.
        sign = "[^{}]:" if marked else "{}."
        blocks.append("\n".join(f"{sign.format(number)} {inline(text)}" for number, text in items))
    markdown = FOOTNOTE_MARKS.sub(r"[^\1]", "\n\n".join(blocks) + "\n")
    return RenderedDocument(
        markdown,
        facts,
        summary,
        furniture.page_numbers,
        footnotes,
        tables,
        furniture.contents,
        furniture.running,
    )
