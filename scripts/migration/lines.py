"""What a single line of a legacy dump is: pure rules, no archive knowledge.

The dumps have no markup, so every later step (finding posts, writing
Markdown) starts from the shape of each line: a bullet, a bare link, a
signature, a short heading-like line, or running text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import snowballstemmer

BULLET_CHARS = "•●▪◦‣"
# "* item": plain text's own bullet, where the writer had no bullet sign at hand.
_ASTERISK_BULLET = re.compile(r"^\*\s+(?=\S)")
PHONE = re.compile(r"(?<![\d-])0\d{1,3}[- ]\d{2,3}(?: \d{2,3}){1,3}(?![\d-])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# scheme://…, www.…, or host.tld/path (a bare domain alone is just a name).
URL = re.compile(
    r"(?:https?://|www\.)[^\s<>”\"]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}/[^\s<>”\"]*",
    re.IGNORECASE,
)
_TRAILING_URL_PUNCT = ".,;:!?)]”\"'"
# "***", "– – –": a line of decoration that parts one piece of text from the next.
DECORATION_LINE = re.compile(r"^(?:[-–—_*=~·•.]\s*){3,}$")
# "Lediga platser<TAB>JSON<TAB>Var femte minut": a table's row as a browser copies it, its cells apart by tabs.
_CELL_BREAK = re.compile(r"\S *\t[\t ]*(?=\S)")
# Characters that make a line look empty although it is not ("" after strip()).
INVISIBLE = "\u00a0\u200b\u200c\u200d\u2060\ufeff \t"
_DASHES = "–—-"
# "Key: value" facts such as "Öppettider: 8-17".
FACT = re.compile(r"^(?P<key>[^\W\d_][^:]{0,40}?):\s+(?P<value>\S.*)$")
# Two sentences on one line ("… på Facebook. Klicka …") are running text; a question or an
# exclamation before a phrase ("Vad tycker du? Svara på enkäten") is a title's shape too.
_SENTENCE_BREAK = re.compile(r"\.\s+[A-ZÅÄÖÉ]")
_TOKEN = re.compile(r"\w+(?:[-.]\w+)*", re.UNICODE)
# "Läs hela rapporten >>": the label of a link, whose address the copied text lost.
_LINK_ARROW = re.compile(r"(?:>>|»|→)\s*$")
_HASHTAGS = re.compile(r"^(?:#\w[\w-]*\s*)+$")  # "#skola #digitalisering"
_NUMBER = re.compile(r"\d+(?:[ ,.]\d+)*")  # "1 200", "3,5", "2015"
YEAR = re.compile(r"(?<![\d/-])(19[5-9]\d|20\d\d)(?![\d/-])")

MAX_HEADING_CHARS = 100
MAX_HEADING_WORDS = 14
MAX_NAME_PARTS = 4  # "Anna Maria von Ek"
MAX_ROLE_WORDS = 6
MAX_FILING_WORDS = 12  # "Publicerat i Nyheter, Service | Lämna en kommentar"
MIN_STEM_BEFORE_ET = 5  # letters a stem keeps before a definite "-et" is taken off ("ämnet" stays)
MIN_STEM_BEFORE_AN = 3  # letters a stem keeps before a definite "-an" is taken off ("plan" stays)


class LineKind(StrEnum):
    BLANK = "blank"
    INVISIBLE = "invisible"  # only non-breaking or zero-width spaces
    BULLET = "bullet"
    URL = "url"  # the whole line is one link
    SIGNATURE = "signature"  # "/Name, role"
    QUOTE = "quote"  # "– Quoted speech …"
    SEPARATOR = "separator"  # "***", "– – –"
    ROW = "row"  # a table's row: cells apart by tabs
    FACT = "fact"  # "Key: value"
    HEADING = "heading"  # short, title-like
    # A page's stamp line above or under a title: a date ("Publicerat 12 mars 2015 av Anna"; dump_text.stamps_date)
    # or a byline ("Av Anna Ek"; is_byline). Set by content_lines, not classify.
    DATELINE = "dateline"
    # A line of the page's furniture the rules file names: an image's caption or credit ("Bild: …"; is_caption), a
    # line saying where the post was filed ("Publicerat i Nyheter | 2 kommentarer"; is_filing_line). Set by
    # content_lines, not classify.
    FURNITURE = "furniture"
    TEXT = "text"  # running text


# The same spaces written as HTML entities: a page's empty paragraph ("<p>&nbsp;</p>") saved from its source.
_SPACE_ENTITY = re.compile(r"&(?:nbsp|#160|#x0*a0|#8203|#x200b);", re.IGNORECASE)


def shows_text(line: str) -> bool:
    """Does the line hold anything a reader sees: more than spaces, non-breaking or zero-width ones, written as
    characters or as HTML entities?"""
    return bool(_SPACE_ENTITY.sub("", line).strip(INVISIBLE))


def is_invisible(line: str) -> bool:
    """Is the line not empty, yet shows nothing (see shows_text)?"""
    return bool(line) and not shows_text(line)


def is_listed_noise(line: str, noise_lines: frozenset[str]) -> bool:
    """Is the line one the rules file lists as a leftover of the old site's layout ("Blogg", "Dela:")? Read as a
    reader sees it (see without_hidden), whoever asks: the splitter and the post's body agree on a saved
    "Dela\u00a0på\u00a0Facebook"."""
    return normalised_line(without_hidden(line)) in noise_lines


def has_email(line: str) -> bool:
    return bool(EMAIL.search(line))


def has_phone_number(line: str) -> bool:
    """A Swedish phone number: an area code from 0, a hyphen or space, groups of digits ("010-123 45 67")."""
    return bool(PHONE.search(line))


def find_urls(line: str) -> list[str]:
    """Bare links in a line, without the punctuation that ends the sentence."""
    if "/" not in line and "www." not in line.lower():  # every link has one; the pattern is slow on plain text
        return []
    return [m.group().rstrip(_TRAILING_URL_PUNCT) for m in URL.finditer(line) if "@" not in m.group()]


def words(line: str) -> list[str]:
    return _TOKEN.findall(line)


# What a saved page may hold that a reader does not see as such: a non-breaking space is a space; a soft
# hyphen, zero-width spaces and joiners inside a word are nothing.
_HIDDEN = {
    **dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff")),
    **dict.fromkeys(map(ord, "\u00a0\u202f"), " "),
}
_ANY_HIDDEN = re.compile(f"[{''.join(map(chr, _HIDDEN))}]")


def without_hidden(text: str) -> str:
    """The text as a reader sees it, line for line (see _HIDDEN).

    The rules' phrases are spelt with plain spaces ("välkommen att kontakta", "öppna data"), and a soft
    hyphen cuts "kvalitets\u00adarbete" into two words for the stemmer."""
    return text.translate(_HIDDEN) if _ANY_HIDDEN.search(text) else text  # most lines have none: found fast


# Signs a title may open or end with besides its words: emoji and other pictographs ("🚲 Nya cykelbanor",
# "Grattis! 🎉"), with their skin tones, variation selectors and keycaps. At a line's start only an emoji
# proper counts (from U+1F000, or a symbol drawn as one, U+FE0F after it): "►", "✓" and "●" open list items.
_PICTOGRAPH_CATEGORIES = ("So", "Sk")
_PICTOGRAPH_MARKS = "\ufe0e\ufe0f\u20e3\u200d"  # and the joiner inside a sequence ("👩‍💻")
_FIRST_EMOJI = 0x1F000


def _is_pictograph(char: str) -> bool:
    return char in _PICTOGRAPH_MARKS or unicodedata.category(char) in _PICTOGRAPH_CATEGORIES


def _opens_with_emoji(text: str, at: int) -> bool:
    char = text[at]
    return (
        ord(char) >= _FIRST_EMOJI
        or char in _PICTOGRAPH_MARKS
        or (_is_pictograph(char) and text[at + 1 : at + 2] == "\ufe0f")
    )


def without_framing_pictographs(text: str) -> str:
    """The line without the emoji or other pictographs it opens or ends with, nor the spaces beside them.

    "🚲 Nya cykelbanor" opens with a capital, "Grattis! 🎉" closes with its "!", "Tack för i år. 🎄" is a
    sentence: a line's shape is read inside its pictographs. A line of only pictographs is left as it is."""
    stripped = text.strip()
    if not stripped or (ord(stripped[0]) < 0x80 and ord(stripped[-1]) < 0x80):  # most lines: found fast
        return text
    start, end = 0, len(stripped)
    while start < end and (stripped[start].isspace() or _opens_with_emoji(stripped, start)):
        start += 1
    while end > start and (stripped[end - 1].isspace() or _is_pictograph(stripped[end - 1])):
        end -= 1
    return text if start == end or (start, end) == (0, len(stripped)) else stripped[start:end]


def heading_shaped(text: str) -> bool:
    """Short, capitalised, no closing punctuation, one sentence at most: shaped like a title."""
    if len(text) > MAX_HEADING_CHARS or len(words(text)) > MAX_HEADING_WORDS:
        return False
    if text[-1] in ".,;:":
        return False
    first = text.lstrip("”\"«'(")
    if not first or not (first[0].isupper() or first[0].isdigit()):
        return False
    # A link points on from a sentence ("Du hittar mallen här: kommun.se/mall"); a title names its
    # subject (a bare domain such as "Verksamt.se" is a name, not a link).
    return not (_SENTENCE_BREAK.search(text) or has_email(text) or find_urls(text) or is_link_label(text))


def bullet_item(text: str) -> str:
    """A bullet line's item, without its bullet sign ("•", "* ") and the spaces around it."""
    return _ASTERISK_BULLET.sub("", text.strip(INVISIBLE)).lstrip(BULLET_CHARS + INVISIBLE)


def table_cells(text: str) -> list[str]:
    """A table row's cells (see LineKind.ROW)."""
    return [cell.strip(INVISIBLE) for cell in re.split(r"\t+", text.strip(INVISIBLE))]


def is_hashtags(text: str) -> bool:
    """Is the line only tags ("#skola #digitalisering")? A post's tags end it."""
    return bool(_HASHTAGS.match(text.strip()))


def numbers_in(text: str) -> int:
    """How many numbers the line holds ("94 % 93 %": two); a flattened table's rows hold as many each."""
    return len(_NUMBER.findall(text))


def is_link_label(text: str) -> bool:
    """Does the line end in a link arrow ("Presentationerna finns på intranätet >>")? It points on
    from the post, like a link; it names no subject, as a title does."""
    return bool(_LINK_ARROW.search(text))


def names_someone(text: str) -> bool:
    """Is the line "Firstname Lastname, role"? Under a "/Name, role" signature it is a second signer."""
    name, comma, role = text.partition(", ")
    parts = name.split()
    return (
        bool(comma and role)
        and 2 <= len(parts) <= MAX_NAME_PARTS
        and all(part[0].isupper() and part.replace("-", "").isalpha() for part in parts)
        and "," not in role
        and len(words(role)) <= MAX_ROLE_WORDS
        and not text.endswith((".", "!", "?"))
    )


@dataclass(frozen=True)
class PageFurniture:
    """What the old site's page printed around its posts, in the words of the rules file: its layout
    leftovers (``noise_lines``), and the labels of its tag lines, bylines, image captions and filing lines
    (casefolded)."""

    noise_lines: frozenset[str] = frozenset()
    tag_labels: frozenset[str] = frozenset()
    byline_labels: frozenset[str] = frozenset()
    caption_labels: frozenset[str] = frozenset()
    filing_labels: frozenset[str] = frozenset()


NO_FURNITURE = PageFurniture()  # a page of posts alone (the tests' default)


def is_caption(text: str, labels: frozenset[str]) -> bool:
    """Is the line an image's caption or credit ("Bild: Två medarbetare i receptionen", "Foto: Anna Ek"):
    a "Key: value" line whose key is one of the rules' ``caption_labels``?"""
    fact = FACT.match(text.strip(INVISIBLE))
    return bool(fact) and fact["key"].strip().casefold() in labels


def is_filing_line(text: str, labels: frozenset[str]) -> bool:
    """Is the line the one a page prints under a post to say where it was filed ("Publicerat i Nyheter | 2
    kommentarer", "Postat i Service"): one of the rules' ``filing_labels``, then a few words, no sentence?"""
    line = text.strip(INVISIBLE)
    folded = line.casefold()
    return (
        any(folded.startswith(label + " ") for label in labels)
        and not line.endswith((".", "!", "?"))
        and len(words(line)) <= MAX_FILING_WORDS
    )


def is_byline(text: str, labels: frozenset[str]) -> bool:
    """Is the line a page's byline ("Av Anna Ek", "Skrivet av Anna Ek, kommunikatör"): one of the rules'
    ``byline_labels`` (casefolded), then a name of capitalised words, and perhaps a role after a comma?"""
    line = text.strip(INVISIBLE)
    folded = line.casefold()
    label = next(
        (label for label in labels if folded.startswith(label) and folded[len(label) : len(label) + 1] in " :"), None
    )
    if label is None or line.endswith((".", "!", "?")):
        return False
    name, _, role = line[len(label) :].lstrip(" :").partition(", ")
    parts = name.split()
    return (
        1 <= len(parts) <= MAX_NAME_PARTS
        and all(part[0].isupper() and part.replace("-", "").isalpha() for part in parts)
        and "," not in role
        and len(words(role)) <= MAX_ROLE_WORDS
    )


def classify(line: str) -> LineKind:
    """Classify one line of a dump by its shape alone."""
    if not line:
        return LineKind.BLANK
    if is_invisible(line):
        return LineKind.INVISIBLE
    # A non-breaking space after a dash is a space; an emoji after a title's "!" hides nothing.
    text = without_framing_pictographs(without_hidden(line).strip(INVISIBLE))
    if DECORATION_LINE.match(text):
        return LineKind.SEPARATOR
    if text[0] in BULLET_CHARS or _ASTERISK_BULLET.match(text):
        return LineKind.BULLET
    if find_urls(text) and find_urls(text)[0] == text.rstrip(_TRAILING_URL_PUNCT):
        return LineKind.URL
    if re.match(r"^/\s*[^\W\d_]", text):
        return LineKind.SIGNATURE
    if text[0] in _DASHES and len(text) > 2 and text[1] == " ":
        return LineKind.QUOTE
    fact = FACT.match(text)
    if fact and len(words(fact.group("key"))) <= 4 and not has_email(fact.group("key")):
        return LineKind.FACT
    if _CELL_BREAK.search(text):
        return LineKind.ROW
    if heading_shaped(text):
        return LineKind.HEADING
    return LineKind.TEXT


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("swedish")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    from importlib.resources import files

    text = files(__package__).joinpath("stopwords_sv.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#"))


@lru_cache(maxsize=65536)  # post splitting asks for the same line's stems many times over
def content_stems(text: str) -> tuple[str, ...]:
    """Stems of the words that carry meaning (no stop words, no short words)."""
    stop = stopwords()
    tokens = [w.lower() for w in words(without_hidden(text))]
    return tuple(content_stem(w) for w in tokens if len(w) >= 3 and w not in stop and not w.isdigit())


@lru_cache(maxsize=65536)  # the same words recur line after line and dump after dump: each is stemmed once
def content_stem(word: str) -> str:
    """The stem of one lower-case word, as content_stems gives it."""
    return _without_definite_et(_stemmer().stemWord(word))


def _without_definite_et(stem: str) -> str:
    """Snowball's Swedish stemmer keeps the definite ending "-et" ("matavfallet", "projektet"),
    so a title's "matavfallet" and the text's "matavfall" did not count as the same word.
    What is left is stemmed again, as the plain word would be ("projekt" becomes "projek")."""
    if len(stem) > MIN_STEM_BEFORE_ET and stem.endswith("et"):
        return _stemmer().stemWord(stem[:-2])
    return stem


@lru_cache(maxsize=65536)  # asked for each word of a candidate title, for every post it may end
def without_definite_an(stem: str) -> str | None:
    """The stem without a definite "-an" ("frågan", "datan" -> "fråg", "dat", as "fråga", "data"), or None.

    Snowball's Swedish stemmer leaves "-an" on. It is not taken off in content_stems, where runs of
    lines are compared word by word: there it cost more titles than it found (see docs/post-splitting.md,
    stop 28). It answers only whether a run uses a word at all (DumpText.holds)."""
    if stem.endswith("an") and len(stem) - 2 >= MIN_STEM_BEFORE_AN:
        return _stemmer().stemWord(stem[:-2])
    return None


def years_mentioned(text: str) -> list[int]:
    return [int(y) for y in YEAR.findall(text)]


def normalised_line(text: str) -> str:
    """A line as two saves of a page, or a title and its repeat, are compared: case, spacing and
    invisible characters aside."""
    return " ".join(text.strip(INVISIBLE).lower().split())
