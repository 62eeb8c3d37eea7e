"""The plan's review list (``summary.review_first``): the posts an editor should check first.

The splitter's errors left are few and unmarked; the list is where an editor finds them, so what it
holds is measured (below) against how long it is.
"""

from __future__ import annotations

from .drafts import Draft
from .lines import LineKind, classify, has_email, shows_text, words
from .source import LegacyDump

# What the plan's review list holds (see review_first). On 120 made archives of the known posts
# (seeds 7, 55, 101 x 40, stop 26) it lists 28 % of the posts, and they hold 10 of the 21 boundary
# errors; the other 11 are titles after a post on the same subject, doubted at about 0.3. On 60 made
# archives of unseen posts only (set1-set12): 22 %, holding 207 of 238. Splits below 0.75 are
# listed: at 0.7 (stop 18) the list missed every false split of set15, a long post then cut at
# subheadings taken at 0.71-0.75; 0.8 listed more posts and no more errors. Stop 35
# (evaluate_segmentation.py --archives 40 --set-archives 10, seeds 7, 55, 101): the known posts' archives
# 31 % listed, 7 of 18 errors in them; with an open set's posts 29 %, 147 of 177. Doubts from 0.3 would
# hold 17 of the 18 but list 55 % of the posts; from 0.6, 15 % listed, 7 of 18 and 122 of 177 held.
# Stop 36: the errors missed are long titles (six words or more) over a lead, doubted at 0.3 and up.
# Listing such a heading's doubt from 0.3: the known posts' archives 32 % listed, holding 17 of the 18
# errors; with an open set's posts 30 %, 160 of 177 (sealed sets, looked at once after: 29 %, 50 of 55,
# from 28 %, 44). Without "over a lead" (a link, contact details or a quote after the line): 37 % and
# 33 % listed, no more errors; from five words 42 %; from 0.2, 44 %, no more errors.
REVIEW_SPLIT_BELOW = 0.75
REVIEW_DOUBT_FROM = 0.5
REVIEW_LONG_DOUBT_FROM = 0.3
REVIEW_LONG_HEADING_WORDS = 6
REVIEW_TEXT_CHARS = 60
NO_TEXT = "inlägget har en rubrik men ingen text: hör rubriken till inlägget före, eller saknas texten?"
FLATTENED_TABLE = (
    "rad {line}: {evidence} – en tabell som blivit löptext? Kolumnerna går inte att "
    "återskapa säkert; skriv den som tabell i dokumentets Markdown-fil"
)
TABLE_AMOUNTS = "{amounts} belopp i samma mening"
TABLE_HEADER = "ord med versal i följd, som kolumnrubriker (”{header}”)"


def doubted(doubt: dict, dump: LegacyDump) -> bool:
    """Is the split not taken inside a post likely enough to show the editor? A long heading over running text
    sooner: titles are longer than subheadings, and the titles missed are long ones after a post on the same
    subject. A long line over a link or contact details ("Läs mer om … på", "Har du frågor om …?") closes its post."""
    long = len(words(doubt["text"])) >= REVIEW_LONG_HEADING_WORDS and _leads_on(dump, doubt["line"])
    return doubt["confidence"] >= (REVIEW_LONG_DOUBT_FROM if long else REVIEW_DOUBT_FROM)


def _leads_on(dump: LegacyDump, number: int) -> bool:
    """Is the first line with text after line ``number`` running text (a lead), not a link or contact details?"""
    after = next((text for text in dump.lines[number:] if shows_text(text)), "")
    return classify(after) == LineKind.TEXT and not has_email(after)


def review_first(drafts: list[Draft]) -> list[dict]:
    """The posts an editor should check first, least sure first: a post with a title and no text
    (a page saved cut off, or a heading that belongs to the post before), a split that may be false,
    or a post that may be two (its closest rejected split was nearly taken); last, a document's tables
    left as text. A post or document marked ``reviewed`` in the plan is not listed again."""
    found = []
    for draft in (d for d in drafts if not d.post.reviewed):
        post = draft.post
        for line, (amounts, header) in draft.tables.items():  # last: the text is all there, only its form is lost
            evidence = TABLE_AMOUNTS.format(amounts=amounts) if amounts else TABLE_HEADER.format(header=header)
            found.append((1.0, post, FLATTENED_TABLE.format(line=line, evidence=evidence)))
        if post.kind != "article":
            continue
        if not draft.body.strip():
            found.append((0.0, post, NO_TEXT))
        if post.confidence < REVIEW_SPLIT_BELOW:
            found.append((post.confidence, post, f"osäker gräns mot inlägget före ({post.confidence:.2f})"))
        if post.doubt and doubted(post.doubt, draft.dump):
            doubt = post.doubt
            line = f"rad {doubt['line']} ”{doubt['text'][:REVIEW_TEXT_CHARS]}”"
            found.append((1 - doubt["confidence"], post, f"kan vara två inlägg: {line} ({doubt['confidence']:.2f})"))
    found.sort(key=lambda item: item[0])
    return [{"file": post.source, "lines": post.lines, "title": post.title, "why": why} for _, post, why in found]
