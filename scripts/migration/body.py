"""Turning a post's lines into Markdown, and deciding which lines are noise.

Every source line either lands in the Markdown (possibly reshaped: a heading,
a list item, a link) or is returned as noise with a reason; nothing is
dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editorial.checks import MAX_TAG_CHARS

from .dating import dateline_date, labelled_date
from .lines import (
    EMAIL,
    FACT,
    INVISIBLE,
    NO_FURNITURE,
    URL,
    LineKind,
    PageFurniture,
    bullet_item,
    classify,
    find_urls,
    heading_shaped,
    is_byline,
    is_filing_line,
    is_hashtags,
    is_listed_noise,
    table_cells,
    words,
)

MAX_BLOCK_LINE_CHARS = 80  # contact/signature block lines are short
INVISIBLE_LINE = "raden innehåller bara osynliga tecken (t.ex. hårt mellanslag)"
MAX_FACT_COMPANION_CHARS = 120
TAG_SEPARATOR = re.compile(r"[,;]")  # "Taggar: öppna data, webb; kommun"
# "1. Först …", "2) Sedan …": a numbered line, its number and its text.
_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+(\S.*)$")


@dataclass(frozen=True)
class Noise:
    line: int
    text: str
    reason: str


@dataclass
class RenderedBody:
    markdown: str
    noise: list[Noise]
    lead: str  # first paragraph as plain text, for the summary
    tags: list[str] = field(default_factory=list)  # the old site's tags, read from its tag lines (see legacy_tags)


# --- inline text -----------------------------------------------------------

_ESCAPE_INLINE = re.compile(r"([\\`*_\[\]])")
# What Markdown reads as markup at a line's start: "#" and ">" whatever follows ("#skola" is a heading
# to Markdown), a list sign or "1." only before a space.
_LINE_START_MARKUP = re.compile(r"^(\s*)([#>]|[+-](?=\s)|\d+[.)](?=\s))")


def _escape(text: str) -> str:
    text = _ESCAPE_INLINE.sub(r"\\\1", text)
    return re.sub(r"<(?=[A-Za-z/!])", "&lt;", text)


def _href(url: str) -> str:
    return url if re.match(r"[a-z][a-z0-9+.-]*://", url, re.IGNORECASE) else f"https://{url}"


def inline(text: str) -> str:
    """Escape Markdown in running text and turn e-mail addresses and URLs into links."""
    spans: list[tuple[int, int, str]] = []
    for match in EMAIL.finditer(text):
        spans.append((match.start(), match.end(), f"[{_escape(match.group())}](mailto:{match.group()})"))
    for match in URL.finditer(text):
        url = find_urls(match.group())
        if not url or any(s <= match.start() < e for s, e, _ in spans):
            continue
        end = match.start() + len(url[0])
        spans.append((match.start(), end, f"[{_escape(url[0])}]({_href(url[0])})"))
    spans.sort()
    out, position = [], 0
    for start, end, link in spans:
        out.append(_escape(text[position:start]))
        out.append(link)
        position = end
    out.append(_escape(text[position:]))
    result = "".join(out)
    return _LINE_START_MARKUP.sub(lambda m: f"{m.group(1)}{m.group(2)[:-1]}\\{m.group(2)[-1]}", result)


def plain(text: str) -> str:
    return " ".join(text.split())


# --- noise -----------------------------------------------------------------


def noise_reason(lines: list[tuple[int, str]], index: int, noise_lines: frozenset[str]) -> str | None:
    """Why ``lines[index]`` is noise, or None if it belongs in the post."""
    _, text = lines[index]
    kind = classify(text)
    if kind == LineKind.INVISIBLE:
        return INVISIBLE_LINE
    if kind == LineKind.BULLET and not bullet_item(text):
        return "ett punkttecken utan text"
    if is_listed_noise(text, noise_lines):
        return "känd rest av den gamla webbplatsens layout (noise_lines i migration-rules.yaml)"
    stripped = text.strip(INVISIBLE)
    # A one-word date stamp ("2015-03-12", "12.3.2015") dates the post: it is no label.
    if kind == LineKind.HEADING and len(words(stripped)) == 1 and stripped[-1] not in "!?" and not dateline_date(text):
        following = [t for _, t in lines[index + 1 :] if classify(t) not in (LineKind.BLANK, LineKind.INVISIBLE)]
        if following and classify(following[0]) == LineKind.HEADING:
            return "ensam etikett utan eget innehåll, direkt följd av en rubrik"
    return None


def legacy_tags(text: str, tag_labels: frozenset[str]) -> list[str] | None:
    """The tags a saved listing page printed under a post ("Taggar: öppna data, webb"), or None.

    The old site's own tags say what a post is about better than keywords do. A line is read so only
    when it names one of ``tag_labels`` (casefolded; the rules file's ``tag_labels``) and every value
    could be a tag; otherwise it stays in the text as the fact line it is.
    """
    fact = FACT.match(text.strip(INVISIBLE))
    if not fact or fact["key"].strip().casefold() not in tag_labels:
        return None
    values = [plain(value) for value in TAG_SEPARATOR.split(fact["value"])]
    tags = [value for value in values if value]
    return tags if all(len(tag) <= MAX_TAG_CHARS and words(tag) for tag in tags) else None


def hashtag_tags(text: str) -> list[str] | None:
    """The tags of a line of only hashtags ("#skola #öppnadata"), or None: the writer's own tags for the post,
    as a saved page's tag line is the old site's (``legacy_tags``). A hashtag too long for a tag keeps the
    line in the text, as a tag line's value does."""
    line = text.strip(INVISIBLE)
    if not is_hashtags(line):
        return None
    tags = [tag.lstrip("#") for tag in line.split()]
    return tags if all(len(tag) <= MAX_TAG_CHARS for tag in tags) else None


# --- blocks ----------------------------------------------------------------


def _fact_run_end(content: list[tuple[int, str, LineKind]], start: int) -> int:
    """End (exclusive) of a run of "key: value" lines starting at ``start``, or ``start``."""
    end, facts = start, 0
    while end < len(content):
        _, text, kind = content[end]
        if kind == LineKind.FACT:
            facts += 1
        elif not (
            kind in (LineKind.HEADING, LineKind.TEXT)
            and len(text) <= MAX_FACT_COMPANION_CHARS
            and any(c.isdigit() for c in text)
            and facts
        ):
            break
        end += 1
    return end if facts >= 2 else start


def _fact_item(text: str, kind: LineKind) -> str:
    if kind != LineKind.FACT:
        return f"- {inline(text)}"
    key, value = text.split(":", 1)
    return f"- **{_escape(key.strip())}:** {inline(value.strip())}"


def _numbered(text: str) -> tuple[int, str] | None:
    match = _NUMBERED.match(text)
    return (int(match.group(1)), match.group(2)) if match else None


def numbered_roles(texts: list[str]) -> dict[int, str]:
    """Which numbered lines ("1. …", "2) …") are an ordered list's items ("item") and which a post's
    numbered subheadings ("heading"), by index.

    Numbers that count up on lines one after another are a list. Numbers that count up with text
    between them, each before a heading-shaped line, are subheadings: a post's "three lessons", each
    over its own paragraph. One numbered line alone is left as text: a sentence may open with a number.
    """
    numbered = [(i, found[0], found[1]) for i, text in enumerate(texts) if (found := _numbered(text))]
    chains: list[list[tuple[int, int, str]]] = []
    for entry in numbered:
        if chains and entry[1] == chains[-1][-1][1] + 1:
            chains[-1].append(entry)
        else:
            chains.append([entry])
    roles: dict[int, str] = {}
    for chain in chains:
        if len(chain) < 2:
            continue
        gaps = [b[0] - a[0] for a, b in zip(chain, chain[1:], strict=False)]
        if all(gap > 1 for gap in gaps) and all(heading_shaped(rest) for _, _, rest in chain):
            roles.update((i, "heading") for i, _, _ in chain if i + 1 < len(texts))
            continue
        run = [chain[0]]
        for entry, gap in zip(chain[1:], gaps, strict=True):
            if gap > 1:
                roles.update((i, "item") for i, _, _ in run if len(run) >= 2)
                run = []
            run.append(entry)
        roles.update((i, "item") for i, _, _ in run if len(run) >= 2)
    return roles


def _table_run_end(content: list[tuple[int, str, LineKind]], start: int) -> int:
    """End (exclusive) of a table starting at ``start``: rows in a row with as many cells each, two at least;
    or ``start``. A row alone is a line of text whose parts a tab keeps apart."""
    if content[start][2] != LineKind.ROW:
        return start
    end, width = start, len(table_cells(content[start][1]))
    while end < len(content) and content[end][2] == LineKind.ROW and len(table_cells(content[end][1])) == width:
        end += 1
    return end if end - start >= 2 else start


def _table(rows: list[str]) -> str:
    """Rows as a Markdown table, the first row its header (a copied table's first row names its columns)."""

    def row(text: str) -> str:
        return "| " + " | ".join(inline(cell).replace("|", "\\|") for cell in table_cells(text)) + " |"

    width = len(table_cells(rows[0]))
    return "\n".join([row(rows[0]), "|" + " --- |" * width, *map(row, rows[1:])])


def _starts_block(text: str, kind: LineKind) -> bool:
    """Lines after which short lines belong together (a signature, "Kontakta:")."""
    return kind == LineKind.SIGNATURE or (text.endswith(":") and len(text) <= MAX_BLOCK_LINE_CHARS)


def _is_block_companion(text: str, kind: LineKind) -> bool:
    return (
        len(text) <= MAX_BLOCK_LINE_CHARS
        and kind in (LineKind.HEADING, LineKind.TEXT, LineKind.URL, LineKind.FACT, LineKind.SIGNATURE)
        and not text.endswith((".", "!", "?"))
    )


def render_body(
    lines: list[tuple[int, str]], page: PageFurniture = NO_FURNITURE, date_labels: tuple[str, ...] = ()
) -> RenderedBody:
    """Render a post's body lines (title excluded) as Markdown; ``page`` names what the old site's page printed
    around its posts.

    A short line that gives the date the post was written ("Publicerad 12 mars 2015", after one of
    ``date_labels``), its writer ("Av Anna Ek", a byline label) or where it was filed ("Postat i Service", a
    filing label) stays a line of text: it heads nothing. A line of the old site's tags (see ``legacy_tags``)
    becomes the post's tags, and is listed with the noise so the plan shows it. A layout leftover the rules
    list is noise.
    """
    noise: list[Noise] = []
    content: list[tuple[int, str, LineKind]] = []
    tags: list[str] = []
    for index, (number, text) in enumerate(lines):
        if not text:
            continue
        reason = noise_reason(lines, index, page.noise_lines)
        read = None if reason else legacy_tags(text, page.tag_labels)
        if read:
            tags += read
            reason = f"den gamla webbplatsens taggar, lästa som inläggets: {', '.join(read)} (tag_labels i regelfilen)"
        elif not reason and (hashtags := hashtag_tags(text)):
            tags += hashtags
            reason = f"hashtaggar, lästa som inläggets taggar: {', '.join(hashtags)}"
        if reason:
            noise.append(Noise(number, text, reason))
            continue
        stripped = text.strip(INVISIBLE)
        content.append((number, stripped, classify(stripped)))

    blocks: list[str] = []
    lead = ""
    numbering = numbered_roles([text for _, text, _ in content])
    i = 0
    while i < len(content):
        number, text, kind = content[i]
        if numbering.get(i) == "item":
            items = []
            while numbering.get(i) == "item":
                item_number, item = _numbered(content[i][1])
                items.append(f"{item_number}. {inline(item)}")
                i += 1
            blocks.append("\n".join(items))
            continue
        if numbering.get(i) == "heading":
            blocks.append(f"## {inline(text)}")
            i += 1
            continue
        if kind == LineKind.SEPARATOR:
            blocks.append("* * *")
            i += 1
            continue
        table_end = _table_run_end(content, i)
        if table_end > i:
            blocks.append(_table([text for _, text, _ in content[i:table_end]]))
            i = table_end
            continue
        fact_end = _fact_run_end(content, i)
        if fact_end > i:
            blocks.append("\n".join(_fact_item(t, k) for _, t, k in content[i:fact_end]))
            i = fact_end
            continue
        if kind == LineKind.BULLET:
            items = []
            while i < len(content) and content[i][2] == LineKind.BULLET:
                items.append("- " + inline(bullet_item(content[i][1])))
                i += 1
            blocks.append("\n".join(items))
            continue
        if kind == LineKind.HEADING and not (
            labelled_date(text, date_labels)
            or dateline_date(text)
            or is_byline(text, page.byline_labels)
            or is_filing_line(text, page.filing_labels)
        ):
            nxt = content[i + 1][2] if i + 1 < len(content) else None
            if nxt is not None and nxt not in (LineKind.HEADING,):
                blocks.append(f"## {inline(text)}")
                i += 1
                continue
        if _starts_block(text, kind):
            group = [text]
            i += 1
            while i < len(content) and i not in numbering and _is_block_companion(content[i][1], content[i][2]):
                group.append(content[i][1])
                i += 1
            blocks.append("  \n".join(inline(t) for t in group))
            continue
        if not lead and kind in (LineKind.TEXT, LineKind.QUOTE) and len(text) > 40:
            lead = plain(text)
        blocks.append(inline(text))
        i += 1
    return RenderedBody("\n\n".join(blocks) + "\n", noise, lead, tags)


def summary_of(lead: str, max_chars: int = 220) -> str:
    """A one-line summary: the lead, cut at a word boundary."""
    if len(lead) <= max_chars:
        return lead
    cut = lead[:max_chars].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + " …"
