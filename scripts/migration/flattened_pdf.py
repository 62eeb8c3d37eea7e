"""Restoring the structure a PDF loses when it is flattened to text, one line per page.

Each page's number is run into the end (or the start) of its text, and so are
its footnotes, before the number; a running head or foot repeats on every page;
a table of contents is a page of headings and numbers;
ALL-CAPS section headings, subheadings in sentence case, bullet lists,
numbered lists and labelled series ("Steg 1 … Steg 2 …") are run into the
sentences around them, and paragraphs are gone. These functions find each of
them again in plain text; ``document`` renders the result as Markdown.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable

from .lines import stopwords

# A page's number at its end, or, as some sites that show a PDF as text put it, at its start.
PAGE_NUMBER = {"end": re.compile(r"\s+(\d{1,3})$"), "start": re.compile(r"^(\d{1,3})\s+")}
# A running head or foot (see running_text): two to twelve words, on two thirds of the pages and three at least.
MIN_RUNNING_WORDS = 2
MAX_RUNNING_WORDS = 12
MIN_RUNNING_PAGES = 3
RUNNING_SHARE = 2 / 3
_DIGITS = re.compile(r"\d+")


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖÉ0-9–”\"])")
PARAGRAPH_WORDS = 110
# A run of ALL-CAPS words (five letters or more in all), perhaps with a number ("UTFALL 2016"), followed
# by the capitalised start of the section's first sentence. A section number before it ("2 BAKGRUND",
# "3.1 METOD") is the heading's where a sentence ended before it ("… i mål 4. SAMMANFATTNING" keeps its 4).
_CAPS_HEADING = re.compile(
    r"(?<![\w(])((?:(?:^|(?<=[.!?]\s))\d{1,2}(?:\.\d{1,2})*\.?\s+)?"
    r"(?:[A-ZÅÄÖÉ]{2,}\s+)*[A-ZÅÄÖÉ]{2,}(?:\s+\d{1,4})?)\s+(?=[A-ZÅÄÖÉ0-9][a-zåäöé\s])"
)
MIN_HEADING_LETTERS = 5
# A bullet list run into the text: "… i år. o Nya cykelbanor. o Fler laddplatser vid stationen. …". A word
# processor's bullets come out of a PDF as "o", "•", "◦", "▪" or a private-use symbol character, wherever an
# item starts: after a sentence, or after the last item's words if they end without a full stop ("… analys o 18
# indikatorer o Rapporter …"). A letter "o" is a bullet only before an item's capital or number (before a small
# letter it is a word: "mat o dryck"); the other signs are nothing but bullets and mark a lower-case fragment too
# ("… följande: • läsecirklar • språkcaféer"). One sign alone may be a stray letter or a separator, so a list
# needs two.
_BULLET = re.compile(r"(?<!\S)o\s+(?=[A-ZÅÄÖÉ0-9])|(?<!\S)[•◦▪\uf0a7\uf0b7]\s+(?=\w)")
MIN_LIST_ITEMS = 2
# A numbered list run into the text: "… har tre mål: 1. Bygga … 2. Mäta … 3. Redovisa …". Its first item
# follows a lead-in's colon (so "… i kapitel 1. Nästa …" stays text); each next number follows, counting up.
_NUMBER_MARK = re.compile(r"(?<!\S)(\d{1,2})\.\s+(?=[A-ZÅÄÖÉ])")
# A series of labelled parts run into the text: "… Planen har steg: Steg 1 klart i mars 1) Budget Steg 2 klart i maj
# 1) Beslut 2) Start Steg 3 …". A capitalised word with the numbers 1, 2, 3 … counting up, three times at least
# (one or two may be references in running text: "Bilaga 2 visar …"). The label stays in its item; within an item,
# "1) … 2) …" are its parts.
_SERIES_MARK = re.compile(r"(?<!\S)([A-ZÅÄÖÉ][a-zåäöé]+)\s(\d{1,2})(?=\s|$)")
MIN_SERIES_ITEMS = 3
# An item is a line or a sentence or two; labels further apart ("Figur 1 visar … Figur 2 …" with paragraphs
# between) are captions or references in running text, not a list.
MAX_SERIES_ITEM_SENTENCES = 1
# Up to five words, the first capitalised and the rest not, where a sentence starts; the next word (see subsections).
_RUN_IN_HEADING = re.compile(
    r"(?:^|(?<=[.!?])\s)((\d{1,2}(?:\.\d{1,2})+\.?\s)?[A-ZÅÄÖÉ][a-zåäöé-]+(?: [a-zåäöé0-9-]+){0,4}) "
    r"(?=([A-ZÅÄÖÉ][a-zåäöé]*) )"
)
_CAPITAL_AFTER_FIRST_WORD = re.compile(r"\s+(?=[A-ZÅÄÖÉ])")
_PART_MARK = re.compile(r"(?<!\S)(\d{1,2})\)\s+(?=[A-ZÅÄÖÉ])")
# A table of contents flattened to one page: "INNEHÅLL Inledning 3 Bakgrund ....... 4 2.1 Resultat...7", entries
# of a few words, each a heading (a capital first, perhaps after its section number) with the page it starts on
# (perhaps after a dot leader), counting up, and nothing else: no sentence's punctuation.
_CONTENTS_ENTRY = re.compile(
    r"\s*((?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?[A-ZÅÄÖÉ][^\d.!?:]*?)(?:\s*\.{2,}\s*|\s+)(\d{1,3})(?=\s|$)"
)
_CONTENTS_HEADING = re.compile(r"\s*[A-ZÅÄÖÉ][^\W\d]*\s+(?=\d)")
MIN_CONTENTS_ENTRIES = 3
MAX_CONTENTS_ENTRY_WORDS = 8
# A table run into the text: its rows follow each other with no full stop between them, so one "sentence"
# holds every amount of a column. Amounts with a space between the thousands ("595 000") stand in running text
# one or two at a time ("mellan 800 och 2 100 samtal"); four in one sentence are taken for a table's rows. The
# columns cannot be told apart again (a comment cell may hold numbers too), so the table is left as text and
# shown to the editor (see table_amounts and the plan's review list).
_AMOUNT = re.compile(r"(?<![\d,])\d{1,3}(?: \d{3})+(?![\d,])")
MIN_TABLE_AMOUNTS = 4
# A table's header row run into the text: its column heads, capitalised words one after another ("… organisation.
# Roll Namn Uppgift Styrgrupp …"). Swedish prose capitalises a sentence's first word and names, and
# names come two or three together; four capitalised words in a row, none in capitals only, are taken for a header.
_TABLE_HEADER = re.compile(r"(?<![\w-])(?:[A-ZÅÄÖÉ][a-zåäöé]+ ){3,}[A-ZÅÄÖÉ][a-zåäöé]+(?![\w-])")
# A footnote is run into the end of its page, after the page's last words: "… så att cyklisterna 1 GC-väg =
# gång- och cykelväg." It opens with its number (1, 2, … through the document), is short, and its number
# stands after a word earlier in the text ("GC-väg 1,"), where it is referred to.
_FOOTNOTE_AT = r"(?<=\S)\s+({})\s+(?=[A-ZÅÄÖÉ])"
_FOOTNOTE_REFERENCE = r"(?<=[^\W\d])\s{}(?=[,.;:)]|\s[a-zåäö])"  # starts at the space before the number
MAX_FOOTNOTE_CHARS = 300
# A footnote's reference, marked in the text until it is rendered (private-use characters: no text has them).
FOOTNOTE_MARK = "\ue000{}\ue001"
FOOTNOTE_MARKS = re.compile("\ue000(\\d+)\ue001")
_TERM_LETTERS = 3  # a footnote explains the word it is put after: "KPB-data 1" and "1 KPB = …" share "kpb"


def page_numbers_of(pages: list[str], where: str = "end") -> dict[int, int]:
    """Which pages end (or start, ``where="start"``) with their page number, and the number: {page index: number}.

    A flattened PDF runs each page's number into the end of its text. Only a
    run of numbers that count up is taken, so a sentence ending in a number is
    left alone. The run may start after a cover or a summary without a number
    and at any page number (a cover counted as page 1 but not printed), and
    it may skip one page (a full-page picture has no number). A first number
    above 1 needs the next number to follow it before it is believed.
    """
    trailing = {}
    for index, text in enumerate(pages):
        if match := PAGE_NUMBER[where].search(text):
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


def running_text(pages: list[str]) -> tuple[list[str], dict[int, list[str]]]:
    """The pages without the running head and foot each repeats ("Dnr 2020/14 Sid 2 (17)", "Örebro kommun •
    Årsrapport"), and what was taken: {page index: the words taken from its start and its end}.

    A head is the same first words (two at least) on most pages; its numbers may differ from page to page
    (a page number, "2 (17)"). A foot is the same last words. Words that open or close only some pages (a
    heading on two pages of many) are the text's own.
    """
    found: dict[int, list[str]] = {}
    for words_of, pattern in ((_first_words, _head_pattern), (_last_words, _foot_pattern)):
        shared = _shared_words(pages, words_of)
        pages = list(pages)  # the foot is looked for in what the head leaves, so a page is never taken whole
        for index, page in enumerate(pages):
            if shared and len(page.split()) > len(shared) and words_of(page, len(shared)) == shared:
                match = pattern(len(shared)).search(page)
                found.setdefault(index, []).append(match.group().strip())
                pages[index] = (page[: match.start()] + page[match.end() :]).strip()
    return pages, found


def _masked(words: list[str]) -> tuple[str, ...]:
    return tuple(_DIGITS.sub("#", word) for word in words)


def _first_words(page: str, count: int) -> tuple[str, ...]:
    return _masked(page.split()[:count])


def _last_words(page: str, count: int) -> tuple[str, ...]:
    return _masked(page.split()[-count:])


def _head_pattern(count: int) -> re.Pattern:
    return re.compile(rf"^\s*(?:\S+\s+){{{count - 1}}}\S+")


def _foot_pattern(count: int) -> re.Pattern:
    return re.compile(rf"\S+(?:\s+\S+){{{count - 1}}}\s*$")


def _shared_words(pages: list[str], words_of: Callable[[str, int], tuple[str, ...]]) -> tuple[str, ...]:
    """The longest run of first (or last) words that most pages share, numbers aside; () if none."""
    needed = max(MIN_RUNNING_PAGES, math.ceil(len(pages) * RUNNING_SHARE))
    for count in range(MAX_RUNNING_WORDS, MIN_RUNNING_WORDS - 1, -1):
        runs = Counter(words_of(page, count) for page in pages if len(page.split()) > count)
        if runs:
            run, times = runs.most_common(1)[0]
            if times >= needed:
                return run
    return ()


def without_page_number(page: str, where: str = "end") -> str:
    """The page's text without its number (for a page ``page_numbers_of`` found one on, ``where`` it found it)."""
    return PAGE_NUMBER[where].sub("", page)


def footnotes_of(pages: list[str]) -> tuple[list[str], dict[int, list[str]]]:
    """The pages with the footnotes at their ends taken out, and the footnotes by page ({page index: texts}).

    A page's footnotes run to its end; the next number further on opens the
    next footnote. A number is taken for a footnote only where the text
    before it refers to it, so a page ending "… se tabell 3 Resultat …"
    keeps its words.
    """
    kept: list[str] = []
    notes: dict[int, list[str]] = {}
    number, read = 1, ""
    for index, page in enumerate(pages):
        start = _footnote_start(page, number, read)
        if start is not None:
            tail = page[start:].strip()
            page = page[:start].rstrip()
            while match := re.search(_FOOTNOTE_AT.format(number + 1), tail):
                notes.setdefault(index, []).append(tail[: match.start()])
                tail, number = tail[match.start(1) :], number + 1
            notes.setdefault(index, []).append(tail)
            number += 1
        kept.append(page)
        read = f"{read} {page}"
    return kept, notes


def marked_references(pages: list[str], notes: dict[int, list[str]]) -> list[str] | None:
    """The pages with each footnote's reference marked (FOOTNOTE_MARK), or None if one cannot be told.

    A footnote stands on the page that refers to it, and its number there follows a word. A number
    followed by punctuation is likelier a reference than one followed by a word ("1 september"); of
    several, the one after a word that the footnote's first words explain. Where that still leaves two or
    none, no footnote is marked: a wrong link is worse than none.
    """
    marked = list(pages)
    for index, found in sorted(notes.items()):
        for note in found:
            number, _, text = note.partition(" ")
            at = _reference(marked[index], number, text)
            if at is None:
                return None
            marked[index] = f"{marked[index][:at]}{FOOTNOTE_MARK.format(number)}{marked[index][at + 1 + len(number) :]}"
    return marked


def _reference(page: str, number: str, note: str) -> int | None:
    """Where footnote ``number``'s reference starts on its page (the space before the number), if it can be told."""
    found = list(re.finditer(_FOOTNOTE_REFERENCE.format(number), page))
    found = [m for m in found if page[m.end() : m.end() + 1] in tuple(",.;:)")] or found
    if len(found) > 1:
        terms = {word[:_TERM_LETTERS].lower() for word in re.findall(r"[^\W\d]{3,}", note)[:3]}
        found = [m for m in found if page[: m.start()].split()[-1][:_TERM_LETTERS].lower() in terms]
    return found[0].start() if len(found) == 1 else None


def _footnote_start(page: str, number: int, before: str) -> int | None:
    """Where footnote ``number`` opens at the end of the page, if it does (see footnotes_of)."""
    for match in re.finditer(_FOOTNOTE_AT.format(number), page):
        if len(page) - match.end() > MAX_FOOTNOTE_CHARS:
            continue
        if re.search(_FOOTNOTE_REFERENCE.format(number), f"{before} {page[: match.start()]}"):
            return match.start()
    return None


def joined_pages(pages: list[str]) -> list[str]:
    """The pages as runs of text: a page that ends mid-sentence goes on on the next one."""
    runs: list[str] = []
    for page in pages:
        if runs and not runs[-1].rstrip().endswith((".", "!", "?", ":")):
            runs[-1] = f"{runs[-1]} {page}"
        else:
            runs.append(page)
    return runs


def sections(text: str) -> list[tuple[str | None, str]]:
    """The text cut at its ALL-CAPS headings: (heading, its text), the first heading None.

    A short capital run (an acronym such as "SKL") stays in the text.
    """
    found: list[tuple[str | None, str]] = [(None, "")]
    # split() alternates text, heading, text, heading …
    for index, piece in enumerate(_CAPS_HEADING.split(text)):
        heading, body = found[-1]
        if index % 2 == 1 and sum(c.isalpha() for c in piece) >= MIN_HEADING_LETTERS:
            found.append((piece, ""))
        else:
            found[-1] = (heading, body + (f"{piece} " if index % 2 == 1 else piece))  # the split ate a space
    return found


def subsections(text: str, common: frozenset[str] = frozenset()) -> list[tuple[str | None, str]]:
    """A section's text cut at its run-in subheadings: (subheading, its text), the first subheading None.

    A subheading in sentence case is run into the text where a sentence would start ("… i maj. Nya
    cykelbanor Under våren byggde vi …"): a few words without punctuation, then a function word with a
    capital ("Under", "Den", "En"), which only a sentence's first word has. A name there ("Vi träffade
    Anna …") is no function word; a run that ends with one ("Läs mer om Det nya huset") goes on into a
    name. A title of a work right after a sentence's first words ("Boken heter Den …") is taken for one.
    A subsection's number ("… i maj. 2.1 Syfte Granskningen …") marks one whatever word follows. So does
    a capitalised word that the document writes in lower case elsewhere (``common``, see common_words): only
    a sentence's first word has its capital ("… i maj. Nya cykelvägar Sommaren blev …"), where a name has one
    everywhere; a run with a number in it ("Se bilaga 2 Cykelstråk …") refers to another document's title.
    """
    stop = stopwords()
    found: list[tuple[str | None, str]] = []
    heading, start = None, 0
    for match in _RUN_IN_HEADING.finditer(text):
        words = match.group(1).lower().split()
        next_word = match.group(3).lower()
        opens_sentence = next_word in stop or (next_word in common and not re.search(r"\d", match.group(1)))
        if match.group(2) or (opens_sentence and words[-1] not in stop):
            found.append((heading, text[start : match.start()].strip()))
            heading, start = match.group(1), match.end()
    return [*found, (heading, text[start:].strip())]


def common_words(pages: list[str]) -> frozenset[str]:
    """The words a document writes in lower case somewhere (not counting web and e-mail addresses): a word
    found with a capital in mid-sentence too is a common word opening a sentence, not a name."""
    tokens = (token.strip(".,;:!?()”\"'") for page in pages for token in page.split())
    return frozenset(token for token in tokens if token.isalpha() and token.islower())


def text_blocks(text: str) -> list[tuple[str, str | list[str]]]:
    """A section's text as ("paragraph", text), ("list", [items]), ("numbered", [items]) and ("series", [items])
    blocks.

    Each item runs to the next bullet, number or label; the last one to the end of
    its first sentence, for the list's end is not marked and an item is most
    often one sentence. What follows goes on as paragraphs (or another list).
    A series item keeps its label ("Steg 2 …"): the label is its text, not a list sign.
    """
    lists = [
        (kind, marks)
        for kind, marks in (
            ("list", list(_BULLET.finditer(text))),
            ("numbered", _numbered_items(text)),
            ("series", _series_items(text)),
        )
        if len(marks) >= MIN_LIST_ITEMS
    ]
    if not lists:
        return [("paragraph", paragraph) for paragraph in _paragraphs(text.strip())] if text.strip() else []
    kind, marks = min(lists, key=lambda found: found[1][0].start())
    starts = [mark.start() if kind == "series" else mark.end() for mark in marks]
    ends = [mark.start() for mark in marks[1:]]
    items = [text[start:end].strip() for start, end in zip(starts, ends, strict=False)]
    last, *rest = _SENTENCE_END.split(text[starts[-1] :], maxsplit=1)
    last, after = (last.strip(), "") if kind == "series" else _end_of_fragment_list(items, last.strip())
    rest_text = " ".join(part for part in (after, rest[0] if rest else "") if part)
    return [*text_blocks(text[: marks[0].start()]), (kind, [*items, last]), *text_blocks(rest_text)]


def _end_of_fragment_list(items: list[str], last: str) -> tuple[str, str]:
    """The last item of a list, and what follows it in the same sentence.

    A list of lower-case fragments ("1. Bygga cykelbanor 2. Sätta tak över parkeringen") has no full stop
    to end its last item, which then runs on into the next sentence ("3. Mäta hur många som cyklar
    Kommunen har …"). Where no earlier item ends a sentence or holds a capital after its first word, the
    first capital after the last item's first word opens the text after the list. A name in the last item
    ("3. Samarbeta med Region …") cuts it there too: the next sentence always runs on into an unpunctuated
    list's last item, a name in it only sometimes stands there."""
    if any(item.endswith((".", "!", "?", ":")) or _CAPITAL_AFTER_FIRST_WORD.search(item) for item in items):
        return last, ""
    cut = _CAPITAL_AFTER_FIRST_WORD.search(last)
    return (last[: cut.start()], last[cut.end() :]) if cut else (last, "")


def _series_items(text: str) -> list[re.Match]:
    """The labels of the first labelled series ("Steg 1", "Steg 2", "Steg 3" …), or none: one label word,
    counting up from 1, at least MIN_SERIES_ITEMS times, each within a sentence or so of the one before.
    Other words with numbers between them are the items' text."""
    marks = list(_SERIES_MARK.finditer(text))
    for index, first in enumerate(marks):
        if first.group(2) != "1":
            continue
        series = [first]
        for mark in marks[index + 1 :]:
            if mark.group(1) == first.group(1) and int(mark.group(2)) == len(series) + 1:
                if len(_SENTENCE_END.findall(text[series[-1].end() : mark.start() + 1])) > MAX_SERIES_ITEM_SENTENCES:
                    break
                series.append(mark)
        if len(series) >= MIN_SERIES_ITEMS:
            return series
    return []


def item_parts(item: str) -> tuple[str, list[str]]:
    """A series item's own text and its parts "1) …", "2) …" (counting up from 1), each part with its number."""
    marks: list[re.Match] = []
    for mark in _PART_MARK.finditer(item):
        if int(mark.group(1)) == len(marks) + 1:
            marks.append(mark)
    if not marks:
        return item, []
    ends = [mark.start() for mark in marks[1:]] + [len(item)]
    parts = [item[mark.start() : end].strip() for mark, end in zip(marks, ends, strict=True)]
    return item[: marks[0].start()].strip(), parts


def _numbered_items(text: str) -> list[re.Match]:
    """The markers of the first numbered list: "1." after a colon, then "2.", "3." … each within a sentence
    of the one before, so that a number further on ("… version 4. Den …") belongs to no list. A number
    before a small letter ("i 3. kvartalet") marks no item."""
    marks: list[re.Match] = []
    for mark in _NUMBER_MARK.finditer(text):
        number = int(mark.group(1))
        if (
            marks
            and number == len(marks) + 1
            and not _SENTENCE_END.search(text[marks[-1].end() : mark.start()].strip())
        ):
            marks.append(mark)
        elif len(marks) >= MIN_LIST_ITEMS:
            break
        elif number == 1 and text[: mark.start()].rstrip().endswith(":"):
            marks = [mark]
    return marks


def is_contents_page(page: str, pages: int) -> bool:
    """Is the page (its own number taken off) a table of contents: entries of a few words, each followed by the
    page it points to, counting up and within the document, and nothing else? Its page numbers mean nothing on
    the web, where the document's headings stand in the text."""
    heading = _CONTENTS_HEADING.match(page)  # before numbered entries, the page's own heading stands alone
    return any(_are_contents(_contents_entries(page, at), pages) for at in {0, heading.end() if heading else 0})


def _contents_entries(page: str, at: int) -> list[tuple[str, int]] | None:
    """The page's table-of-contents entries from ``at`` on, or None if something else stands between them."""
    entries = []
    while match := _CONTENTS_ENTRY.match(page, at):
        entries.append((match.group(1), int(match.group(2))))
        at = match.end()
    return None if page[at:].strip() else entries


def _are_contents(entries: list[tuple[str, int]] | None, pages: int) -> bool:
    """Three entries at least, their page numbers counting up within the document, each a few distinct words."""
    if not entries or len(entries) < MIN_CONTENTS_ENTRIES:
        return False
    numbers = [number for _, number in entries]
    return (
        numbers == sorted(numbers)
        and len({text for text, _ in entries}) == len(entries)
        and numbers[-1] <= pages
        and all(len(text.split()) <= MAX_CONTENTS_ENTRY_WORDS for text, _ in entries)
    )


def table_header(page: str) -> str:
    """The first run of capitalised words on the page that reads as a table's header row ("" if none)."""
    match = _TABLE_HEADER.search(page)
    return match.group() if match else ""


def table_amounts(page: str) -> int:
    """The amounts in the page's sentence that holds most, if that many make it a flattened table; else 0."""
    most = max(len(_AMOUNT.findall(sentence)) for sentence in _SENTENCE_END.split(page))
    return most if most >= MIN_TABLE_AMOUNTS else 0


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
