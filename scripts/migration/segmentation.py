"""Finding where one post ends and the next begins in a listing dump.

A listing page flattened to text has no separators: a post's title is a short
line, and so is every subheading inside a post. Each short line is therefore
a *candidate* title, scored by cues a careful reader uses:

* the line before it closes a post (contact details, a signature, a link,
  an invitation), or the dump has an invisible-character separator there; all
  the more when a lead follows and the line is no contact prompt itself;
* its words are new to the post read so far but recur in what follows, if
  need be as the head of a compound (a title announces a new subject; a
  subheading continues the current one);
* it is followed by a lead paragraph, not by a quote, a list or contact details;
* that paragraph does not open by referring back ("… har också …", "En annan …");
* it is long and sentence-like (a four-word title counts half: most titles of
  the archive are longer, but a blog's next post may not be);
* it does not sit inside a run of fact lines or short link lines (a lone
  "Subject: phrase" line is shaped like a fact but is a candidate title too);
* the lead repeats the title (old listing pages often did), while a heading
  that is a phrase from inside the paragraph after it is a subheading drawn
  from the text, as editors make them (unless the paragraph quotes it by name,
  as a lead explaining its title does: ”Öppen stad” var årets tema …);
* exclamation titles ("… – hjälp oss!");
* the posts it makes are of the archive's usual length (learnt in a first pass).

The score is turned into a confidence that the migration plan records, so
editors can review the least certain splits first. The weights are round
numbers chosen on the legacy archive and checked on shuffled variants of it
(tests/scripts/test_segmentation.py); they encode no words of the archive.
"""

from __future__ import annotations

import math
import statistics
from array import array
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from .lines import LineKind, classify, content_stems, find_urls, has_email, heading_shaped, names_someone, words

# Weights of the cues (log-odds; positive favours "a new post starts here").
# Fitted by class-balanced logistic regression on the hand-checked archive
# (tests/fixtures/legacy_truth.yaml) and rounded; measured by scripts/evaluate_segmentation.py.
BIAS = -1.8
WEIGHTS = {
    "closing_before": 0.8,  # the line before closes a post
    "separator_before": 0.8,  # an invisible-only line stood before it
    "exclamation": 1.1,  # "… – hjälp oss!"
    "long": 1.5,  # five words or more (four count half: short titles exist, even if this archive has few)
    "short": -0.1,  # two words or fewer
    "after_heading": 0.2,  # previous line is heading-like too
    "next_quote": -0.2,  # followed by "– quoted speech"
    "next_list": -0.2,  # followed by a bullet list
    "next_contact": -0.7,  # followed by contact details
    "next_heading": -0.5,
    "next_link": -2.0,  # followed by a bare link: a lead-in ("… hittar du på"), not a title
    "no_lead": -1.0,  # no paragraph of running text follows
    "lead_echo": 0.1,  # the lead repeats the heading
    "novelty": 0.4,  # share of its (IDF-weighted) words new to the post
    "recurrence": 1.2,  # how much its words recur in what follows (0..1)
    "cohesion": -0.3,  # similarity of the text just before and after
    "question": -0.1,
    "self_closing": -0.3,  # the line itself is a "read more"/contact line
    "title_continues": -0.8,  # the current post's title words recur after it
    "topic_continues": -0.3,  # the current post's title+lead recur after it
    # Hand-set and checked on shuffled archives (not fitted):
    "refers_back": -0.7,  # the paragraph after it opens with a continuation cue ("också", "en annan")
    "after_fact": -0.5,  # the line before is a "Key: value" fact: the heading is likely one more fact
    "after_list": 0.5,  # the three lines before are short lines or links: a post's closing link list
    "drawn_from_text": -1.0,  # the heading is a phrase from inside the paragraph after it: a subheading
    "in_fact_run": -1.5,  # a "Key: value" line next to another one: a fact, not a "Subject: phrase" title
    # A post closed just before, and a lead follows: no contact prompt, no heading. Weighed up
    # from 1.0: each step to 2.0 found more short titles and made no other figure worse.
    "clean_break": 2.0,
}
WINDOW_LINES = 6  # lines looked at before and after a candidate
OPENING_WORDS = 10  # how far into the next paragraph a continuation cue counts
LIST_RUN = 3  # short lines in a row that make a list
MIN_LEAD_CHARS = 60
MIN_COMPOUND_HEAD = 5  # letters a stem needs to count when it ends a longer word (see occurrences)
DEFAULT_THRESHOLD = 0.75  # fewest missed + false splits on shuffled archives, with the weights and length prior
MAX_CLOSING_CHARS = 110
MAX_CONTACT_CHARS = 160
# Two neighbouring posts whose words overlap more than posts usually do are
# more likely one post cut at a subheading (cosine of IDF-weighted stems).
SIMILAR_NEIGHBOURS = 6.0
TYPICAL_NEIGHBOUR_LIKENESS = 0.15
# At a title of four words or fewer with a lead, contrast above UNLIKE_NEIGHBOURS (cosine below
# about 0.07) counts 1 + SHORT_TITLE_CONTRAST times (see DumpSplitter.likeness). Chosen on posts
# the weights never saw, checked on every archive of known posts: none got worse.
UNLIKE_NEIGHBOURS = 0.5
SHORT_TITLE_CONTRAST = 1.5
MAX_HEADINGS_PER_POST = 40  # bounds the search on very long dumps
# Posts of one blog are of a similar length: a post far longer than the
# archive's typical post is more likely two, a far shorter one a cut-off part.
# Log-normal prior on a post's characters, learnt from the archive itself
# (split_dumps); the weight is 1 / (2 σ²) for a wide σ of about 1.6.
LENGTH_WEIGHT = 0.2
# A split's own score (title cues plus the contrast of the posts either side, as
# a log-odds) must reach this, about 55 %, whatever the length prior or the next split says.
MIN_SPLIT_SCORE = 0.2
MIN_POSTS_FOR_LENGTH = 5  # fewer posts found say too little about the typical length


@dataclass(frozen=True)
class SplitCues:
    """Phrases of the archive's language that the splitter looks for (from the rules file).

    ``closing``: a line with one of these ends a post ("kontakta", "läs mer").
    ``continuing``: a paragraph opening with one of these carries on the
    subject before it ("också", "en annan"), so the heading above it is a
    subheading.
    """

    closing: tuple[str, ...] = ()
    continuing: tuple[str, ...] = ()


@dataclass(frozen=True)
class ContentLine:
    number: int  # 1-based line number in the dump
    text: str
    kind: LineKind
    after_separator: bool = False  # an invisible-only line came just before

    @property
    def title_shaped(self) -> bool:
        """Could this line be a post's title? Headings, and "Subject: phrase" lines shaped like one."""
        return self.kind == LineKind.HEADING or (self.kind == LineKind.FACT and heading_shaped(self.text))


@dataclass
class Candidate:
    """A heading-like line and why it was (not) taken as a post's title."""

    number: int
    text: str
    score: float
    reasons: list[str] = field(default_factory=list)

    @property
    def confidence(self) -> float:
        """Probability-like figure that this line starts a new post."""
        return 1.0 / (1.0 + math.exp(-self.score))


@dataclass
class PostSpan:
    """A detected post: its title line and the range of lines it covers."""

    start: int
    end: int
    confidence: float
    reasons: list[str]
    doubt: Candidate | None = None  # strongest split not taken inside the post (see DumpSplitter._span)


class Vocabulary:
    """Inverse document frequency of stems over the dumps being migrated.

    Words that occur everywhere in an archive ("kommun" in a municipality's
    blog) say nothing about where a post ends; rare words say a lot.
    """

    def __init__(self, texts: list[str]) -> None:
        frequency: Counter = Counter()
        count = 0
        for text in texts:
            stems = set(content_stems(text))
            if stems:
                count += 1
                frequency.update(stems)
        self._unseen = math.log(max(count, 1) + 1)
        self._idf = {stem: max(0.0, math.log((count + 1) / n) - 1.0) for stem, n in frequency.items()}

    def idf(self, stem: str) -> float:
        return self._idf.get(stem, self._unseen)

    def share(self, stems: set[str], present) -> float:
        """IDF-weighted share of ``stems`` for which ``present(stem)`` holds."""
        total = sum(self.idf(s) for s in stems)
        return sum(self.idf(s) for s in stems if present(s)) / total if total else 0.0


class DumpText:
    """A dump's content lines, indexed for what the split search asks of runs of them.

    How alike two runs are is asked tens of thousands of times. A run's text is
    the sum of its lines' IDF-weighted stem counts, so the dot product of two
    runs is the sum of the dot products of their line pairs; summed once into a
    two-dimensional prefix table, each answer takes constant time. Which lines
    hold a stem is kept too, so "does this post use the word?" needs no
    rereading of the post.
    """

    def __init__(self, lines: list[ContentLine], vocabulary: Vocabulary) -> None:
        self.lines = lines
        self.vocabulary = vocabulary
        self.stems = [content_stems(line.text) for line in lines]
        n = len(lines)
        weights = [
            {stem: count * vocabulary.idf(stem) for stem, count in Counter(stems).items()} for stems in self.stems
        ]
        postings: dict[str, list[tuple[int, float]]] = {}
        for i, line_weights in enumerate(weights):
            for stem, weight in line_weights.items():
                postings.setdefault(stem, []).append((i, weight))
        self._where = {stem: [i for i, _ in entries] for stem, entries in postings.items()}
        # table[i][j]: the dot products of lines i' < i with lines j' < j, summed. Built a row at a
        # time from the postings, so only the table itself is held: (n + 1)² numbers.
        self._table = [array("d", bytes(8 * (n + 1)))]
        for i in range(n):
            row = array("d", bytes(8 * n))  # line i's dot product with every line
            for stem, wi in weights[i].items():
                for j, wj in postings[stem]:
                    row[j] += wi * wj
            above, running = self._table[-1], 0.0
            current = array("d", [0.0])
            for j, value in enumerate(row):
                running += value
                current.append(above[j + 1] + running)
            self._table.append(current)

    def dot(self, a: int, b: int, c: int, d: int) -> float:
        """Dot product of the runs of lines [a, b) and [c, d)."""
        t = self._table
        return t[b][d] - t[a][d] - t[b][c] + t[a][c]

    def cosine(self, a: int, b: int, c: int, d: int) -> float:
        norms = self.dot(a, b, a, b) * self.dot(c, d, c, d)
        return self.dot(a, b, c, d) / math.sqrt(norms) if norms > 1e-12 else 0.0

    def holds(self, stem: str, a: int, b: int) -> bool:
        """Does a line in [a, b) hold the stem?"""
        where = self._where.get(stem, ())
        k = bisect_left(where, a)
        return k < len(where) and where[k] < b

    def counts(self, a: int, b: int) -> Counter:
        """Stem counts of the lines [a, b)."""
        return Counter(s for stems in self.stems[a:b] for s in stems)


def _next_lead(lines: list[ContentLine], index: int) -> ContentLine | None:
    """The first line after a heading that is not itself a heading."""
    for line in lines[index + 1 : index + 3]:
        if line.kind != LineKind.HEADING:
            return line
    return None


def _normalise(text: str, limit: int | None = None) -> str:
    """The text's first ``limit`` words (all by default), lower-cased, one space apart."""
    return " ".join(w.lower() for w in words(text)[:limit])


def _has_cue(text: str, cues: tuple[str, ...]) -> bool:
    lowered = text.lower()
    return any(cue in lowered for cue in cues)


def _opens_as_continuation(line: ContentLine | None, cues: tuple[str, ...]) -> bool:
    if line is None or not cues:
        return False
    opening = f" {_normalise(line.text, OPENING_WORDS)} "
    return any(f" {cue} " in opening for cue in cues)


_QUOTE_MARKS = "”\"«'“"
_QUOTE_PAIRS = (("”", "”"), ('"', '"'), ("«", "»"), ("“", "”"))


def _drawn_from(heading: ContentLine, lead: ContentLine | None) -> bool:
    """Is the heading a phrase of the paragraph after it, further in than its first words?"""
    if lead is None:
        return False
    phrase, text = _normalise(heading.text), _normalise(lead.text)
    if _quotes(lead.text, heading.text):
        return False
    return len(phrase.split()) >= 2 and f" {phrase} " in f" {text} " and not text.startswith(phrase)


def _quotes(paragraph: str, heading: str) -> bool:
    """Does the paragraph name the (unquoted) heading in quotation marks, as a lead that explains its title?"""
    if heading[0] in _QUOTE_MARKS:
        return False
    lowered = paragraph.lower()
    return any(f"{q}{heading.lower()}{r}" in lowered for q, r in _QUOTE_PAIRS)


def _closes_post(line: ContentLine, cues: tuple[str, ...]) -> bool:
    """A link, a signature, an e-mail address, or a short line with a closing phrase or a link
    ("Resultatet finns på www.…") ends a post more often than not."""
    if line.kind in (LineKind.URL, LineKind.SIGNATURE) or has_email(line.text):
        return True
    return len(line.text) <= MAX_CLOSING_CHARS and (_has_cue(line.text, cues) or bool(find_urls(line.text)))


_REASONS = {
    "closing_before": "föregående rad avslutar ett inlägg",
    "separator_before": "avskiljare före raden",
    "exclamation": "utropsrubrik",
    "long": "lång rubrik",
    "short": "kort rubrik",
    "after_heading": "följer på en annan kort rad",
    "next_quote": "följs av ett citat",
    "next_list": "följs av en punktlista",
    "next_contact": "följs av kontaktuppgifter",
    "next_heading": "följs av en rubrik",
    "next_link": "följs av en länk",
    "no_lead": "ingen brödtext följer",
    "lead_echo": "ingressen upprepar rubriken",
    "novelty": "nya ord för inlägget",
    "recurrence": "orden återkommer i texten som följer",
    "cohesion": "texten före och efter hänger ihop",
    "question": "frågerubrik",
    "self_closing": "raden är en läs mer-/kontaktrad",
    "title_continues": "inläggets rubrikord fortsätter efter raden",
    "topic_continues": "inläggets ämne fortsätter efter raden",
    "refers_back": "stycket efter anknyter till det före",
    "after_fact": "följer på en faktarad",
    "after_list": "följer på en lista med korta rader eller länkar",
    "drawn_from_text": "rubriken är hämtad ur stycket efter",
    "in_fact_run": "raden hör till en rad faktauppgifter",
    "clean_break": "ett inlägg slutar före och en ingress följer",
}


_CONTRAST_REASON = "hur olika inläggen före och efter är"


def occurrences(stem: str, counts: Counter) -> int:
    """How often a stem occurs in ``counts``; if never as itself, how often as the last part of a compound.

    Swedish puts a compound's head last: a title's "bibliotek" recurs in the
    lead's "stadsbiblioteket", while "klarspråk" in "klarspråksnätverket" is a
    first part. Short stems would end too many words. Heads are only a
    fallback: counting them beside the word itself made shuffled archives worse.
    """
    if counts[stem] or len(stem) < MIN_COMPOUND_HEAD:
        return counts[stem]
    return sum(n for other, n in counts.items() if other.endswith(stem))


def line_cues(text: DumpText, b: int, cues: SplitCues) -> dict[str, float]:
    """The cues of line ``b`` as a title that do not depend on where the post before it began."""
    lines, vocabulary, n = text.lines, text.vocabulary, len(text.lines)
    line, previous = lines[b], lines[b - 1]
    nxt = lines[b + 1] if b + 1 < n else None
    lead = _next_lead(lines, b)
    stems = set(text.stems[b])
    ahead = text.counts(b + 1, b + 1 + WINDOW_LINES)
    n_words = len(words(line.text))
    recurrence = sum(min(occurrences(s, ahead), 3) * vocabulary.idf(s) for s in stems)
    recurrence /= sum(vocabulary.idf(s) for s in stems) or 1.0
    closing_before = _closes_post(previous, cues.closing)
    self_closing = _has_cue(line.text, cues.closing)
    next_contact = nxt is not None and (
        has_email(nxt.text) or (len(nxt.text) < MAX_CONTACT_CHARS and _has_cue(nxt.text, cues.closing))
    )
    next_heading = nxt is not None and nxt.kind == LineKind.HEADING
    next_title_shaped = nxt is not None and nxt.title_shaped  # a heading, or a "Subject: phrase" title
    no_lead = lead is None or lead.kind == LineKind.HEADING or len(lead.text) < MIN_LEAD_CHARS
    return {
        "closing_before": float(closing_before),
        # On the archive, every short line after a post's closing line that had a lead, and was
        # neither a contact prompt nor followed by one or by a heading, was a title (11 of 11).
        "clean_break": float(closing_before and not (self_closing or next_contact or next_title_shaped or no_lead)),
        "separator_before": float(line.after_separator),
        "exclamation": float(line.text.rstrip('”"').endswith("!")),
        "long": min(max(n_words - 3, 0) / 2, 1.0),
        "short": float(n_words <= 2),
        "after_heading": float(previous.kind == LineKind.HEADING),
        "next_quote": float(nxt is not None and nxt.kind == LineKind.QUOTE),
        "next_list": float(nxt is not None and nxt.kind == LineKind.BULLET),
        "next_contact": float(next_contact),
        "next_heading": float(next_heading),
        "next_link": float(nxt is not None and nxt.kind == LineKind.URL),
        "no_lead": float(no_lead),
        "lead_echo": float(lead is not None and _normalise(lead.text).startswith(_normalise(line.text))),
        "drawn_from_text": float(_drawn_from(line, lead)),
        "recurrence": min(recurrence, 2.0) / 2.0,
        "question": float(line.text.endswith("?")),
        "self_closing": float(self_closing),
        "refers_back": float(_opens_as_continuation(lead, cues.continuing)),
        "after_fact": float(previous.kind == LineKind.FACT),
        "in_fact_run": float(
            line.kind == LineKind.FACT
            and (previous.kind == LineKind.FACT or (nxt is not None and nxt.kind == LineKind.FACT))
        ),
        "after_list": float(
            b >= LIST_RUN and all(x.kind in (LineKind.HEADING, LineKind.URL) for x in lines[b - LIST_RUN : b])
        ),
    }


def post_cues(text: DumpText, a: int, b: int) -> dict[str, float]:
    """The cues of line ``b`` as a title that compare it with the post before it, begun at line ``a``."""
    vocabulary = text.vocabulary
    ahead = (b + 1, min(b + 1 + WINDOW_LINES, len(text.lines)))
    stems = set(text.stems[b])
    return {
        "novelty": vocabulary.share(stems, lambda s: not text.holds(s, a, b)) if stems else 0.5,
        "cohesion": text.cosine(max(a, b - WINDOW_LINES), b, *ahead),
        "title_continues": vocabulary.share(set(text.stems[a]), lambda s: text.holds(s, *ahead)),
        "topic_continues": text.cosine(a, min(a + 2, b), *ahead),
    }


def candidate_features(text: DumpText, a: int, b: int, cues: SplitCues) -> dict[str, float]:
    """The cues for line ``b`` starting a new post when the post before it began at line ``a``."""
    return {**line_cues(text, b, cues), **post_cues(text, a, b)}


def score_candidate(features: dict[str, float], line: ContentLine) -> Candidate:
    """A candidate title's score from its cues, with the strongest of them as reasons."""
    score = BIAS + sum(WEIGHTS[name] * features[name] for name in WEIGHTS)
    contributions = sorted(
        ((WEIGHTS[name] * value, name) for name, value in features.items() if WEIGHTS[name] * value),
        key=lambda item: -abs(item[0]),
    )
    reasons = [f"{_REASONS[name]} ({weight:+.1f})" for weight, name in contributions[:4]]
    return Candidate(line.number, line.text, round(score, 2), reasons)


def content_lines(numbered: list[tuple[int, str]]) -> list[ContentLine]:
    """Drop blank lines; remember where an invisible separator line stood.

    A "Name, role" line right under a signature is a second signer: it closes
    the post too, and is no candidate title.
    """
    result: list[ContentLine] = []
    separator = False
    for number, text in numbered:
        kind = classify(text)
        if kind == LineKind.BLANK:
            continue
        if kind == LineKind.INVISIBLE:
            separator = True
            continue
        text = text.strip("\u00a0 \t")
        if kind == LineKind.HEADING and result and result[-1].kind == LineKind.SIGNATURE and names_someone(text):
            kind = LineKind.SIGNATURE
        result.append(ContentLine(number, text, kind, separator))
        separator = False
    return result


def _is_running_text(line: ContentLine) -> bool:
    """A post has running text after its title, not just short lines."""
    return line.kind != LineKind.HEADING and len(line.text) >= MIN_LEAD_CHARS


class DumpSplitter:
    """Finds the best split of one dump into posts; keeps its scores for a second pass.

    Each heading-like line is scored as a title given where the post before it
    began; the split taken is the one with the best total over the whole dump
    (dynamic programming), where two neighbouring posts that read alike cost
    extra (and two that read nothing alike gain more at a short title), and
    every post must contain running text. Deciding left to right
    instead lets one early mistake shift every later post. A line's own cues
    are worked out once; only the few that compare it with the post before
    it (``post_cues``) are asked again for each place that post could begin.

    ``forced_starts`` are line numbers known to start a post (e.g. where a
    post seen in another dump begins or ends); they are always taken.
    """

    def __init__(
        self,
        lines: list[ContentLine],
        vocabulary: Vocabulary,
        cues: SplitCues = SplitCues(),
        forced_starts: frozenset[int] = frozenset(),
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        self.lines = lines
        self.cues = cues
        self.threshold = threshold
        n = len(lines)
        self.forced = [i for i in range(1, n) if lines[i].number in forced_starts]
        self.forced_set = set(self.forced)
        self.starts = sorted({0, *self.forced, *(i for i in range(2, n) if lines[i].title_shaped)})
        self.offsets = [0]
        for line in lines:
            self.offsets.append(self.offsets[-1] + len(line.text))
        self.text = DumpText(lines, vocabulary)
        self._scored: dict[tuple[int, int], Candidate] = {}
        self._line_cues: dict[int, dict[str, float]] = {}
        # body_before[i]: lines of running text among the first i (a post needs one after its title)
        self._body_before = [0]
        for line in lines:
            self._body_before.append(self._body_before[-1] + _is_running_text(line))

    def candidate(self, a: int, b: int) -> Candidate:
        """Line ``b`` scored as a title when the post before it began at ``a``."""
        if (a, b) not in self._scored:
            line = self.lines[b]
            if b in self.forced_set:
                self._scored[(a, b)] = Candidate(line.number, line.text, 5.0, ["samma inlägg finns i en annan dump"])
            else:
                features = {**self._cues(b), **post_cues(self.text, a, b)}
                self._scored[(a, b)] = score_candidate(features, line)
        return self._scored[(a, b)]

    def allowed(self, a: int, b: int) -> bool:
        """May one post run from line ``a`` up to (not including) line ``b``?"""
        if any(a < f < b for f in self.forced):
            return False
        if b - a >= 2 and self._body_before[b] > self._body_before[a + 1]:
            return True
        # A post without running text only where the cross-dump edges leave no other choice.
        n = len(self.lines)
        return (a == 0 or a in self.forced_set) and (b == n or b in self.forced_set)

    def likeness(self, a: int, b: int, c: int) -> float:
        """Cost (negative) or gain of posts [a, b) and [b, c) being neighbours rather than one post.

        A short title says little by itself, and most short lines of a blog are subheadings; but a
        subheading rarely has text on another subject on both sides. So where the parts are
        clearly unlike, that counts more at a short line with a lead (``SHORT_TITLE_CONTRAST``).
        """
        gain = SIMILAR_NEIGHBOURS * (TYPICAL_NEIGHBOUR_LIKENESS - self.text.cosine(a, b, b, c))
        if gain > UNLIKE_NEIGHBOURS and self._short_with_lead(b):
            gain += SHORT_TITLE_CONTRAST * (gain - UNLIKE_NEIGHBOURS)
        return gain

    def _short_with_lead(self, b: int) -> bool:
        cues = self._cues(b)
        return b not in self.forced_set and cues["long"] < 1 and not cues["no_lead"]

    def _cues(self, b: int) -> dict[str, float]:
        """Line ``b``'s own cues as a title (worked out once)."""
        if b not in self._line_cues:
            self._line_cues[b] = line_cues(self.text, b, self.cues)
        return self._line_cues[b]

    def stands_alone(self, a: int, b: int, contrast: float) -> bool:
        """Is the split at ``b`` likelier than not on its own evidence (title cues and contrast)?

        The length prior, and the way one split raises the score of the next
        (a post that starts later has other title words), may choose between
        splits but must not carry a weak one: on made archives, the splits
        taken below this floor were nearly all false.
        """
        return b in self.forced_set or self.candidate(a, b).score + contrast >= MIN_SPLIT_SCORE

    def length_cost(self, b: int, c: int, typical_chars: float | None) -> float:
        if not typical_chars or (b == 0 and c == len(self.lines)):
            return 0.0
        chars = max(self.offsets[c] - self.offsets[b], MIN_LEAD_CHARS)
        return LENGTH_WEIGHT * math.log(chars / typical_chars) ** 2

    def split(self, typical_chars: float | None = None) -> list[PostSpan]:
        """The best split; ``typical_chars`` (a typical post's length in the archive) adds the length prior."""
        lines, starts = self.lines, self.starts
        if not lines:
            return []
        n = len(lines)
        position = {index: k for k, index in enumerate(starts)}
        ends = [*starts[1:], n]
        # best[b][a]: best total for the dump up to line b when the last post starts at b
        # and the one before it at a (None: b is the first line).
        best: dict[int, dict[int | None, float]] = {0: {None: 0.0}}
        back: dict[tuple[int, int], int | None] = {}
        for b in starts:
            reached = sorted(best.get(b, {}).items(), key=lambda item: -item[1])
            for c in ends[position[b] :][:MAX_HEADINGS_PER_POST]:
                if not self.allowed(b, c):
                    continue
                step = -self.length_cost(b, c, typical_chars)
                if c < n:
                    step += self.candidate(b, c).score - self.threshold
                first_taken = None
                for a, total in reached:
                    # Neighbour likeness moves a total by at most SIMILAR_NEIGHBOURS (cosine 0..1), so a
                    # predecessor further behind the best usable one can never win: stop (exact, and fast).
                    if first_taken is not None and total < first_taken - SIMILAR_NEIGHBOURS:
                        break
                    contrast = self.likeness(a, b, c) if a is not None else 0.0
                    if a is not None and not self.stands_alone(a, b, contrast):
                        continue
                    if first_taken is None:
                        first_taken = total
                    if total + contrast + step > best.setdefault(c, {}).get(b, -math.inf):
                        best[c][b] = total + contrast + step
                        back[(b, c)] = a
        finals = best.get(n, {})
        if not finals:  # nothing satisfies the rules (e.g. a dump of headings only): one post
            return [PostSpan(lines[0].number, lines[-1].number, 1.0, ["dumpens första rad"])]
        last = max(finals, key=finals.get)
        key = (last, n)
        chosen = [n]
        while key[0] is not None:
            chosen.append(key[0])
            key = (back[key], key[0])
        chosen.reverse()  # [0, s1, s2, ..., n]
        return [self._span(chosen, k) for k in range(len(chosen) - 1)]

    def _span(self, chosen: list[int], k: int) -> PostSpan:
        """The ``k``-th post of a chosen split, with its confidence and the strongest split it rejected."""
        a, b = chosen[k], chosen[k + 1]
        if k == 0:
            confidence, reasons = 1.0, ["dumpens första rad"]
        else:
            taken = self._as_split(chosen[k - 1], a, b)
            confidence, reasons = taken.confidence, taken.reasons
        # A split not taken is doubted on the same evidence as a taken one, or on its title cues
        # alone if they say more: a missed short title between two posts on other subjects has
        # weak cues but a strong contrast, and judged on its cues alone it stayed off the review list.
        inner = [
            max(self._as_split(a, i, b), self.candidate(a, i), key=lambda c: c.score)
            for i in self.starts
            if a < i < b and i - a >= 2
        ]
        doubt = max(inner, key=lambda c: c.score, default=None)
        return PostSpan(self.lines[a].number, self.lines[b - 1].number, confidence, reasons, doubt)

    def _as_split(self, a: int, i: int, b: int) -> Candidate:
        """Line ``i`` as the place where [a, b) splits in two: its title cues plus how unlike the parts are."""
        title = self.candidate(a, i)
        contrast = self.likeness(a, i, b)
        reasons = [*title.reasons, f"{_CONTRAST_REASON} ({contrast:+.1f})"]
        return Candidate(title.number, title.text, title.score + contrast, reasons)


def split_posts(
    lines: list[ContentLine],
    vocabulary: Vocabulary,
    cues: SplitCues = SplitCues(),
    forced_starts: frozenset[int] = frozenset(),
    threshold: float = DEFAULT_THRESHOLD,
    typical_chars: float | None = None,
) -> list[PostSpan]:
    """Split one dump's content lines into posts; the first line always starts a post (see DumpSplitter).

    ``typical_chars``, if known, is the length of a typical post of the
    archive: posts far from it cost extra (``LENGTH_WEIGHT``).
    """
    return DumpSplitter(lines, vocabulary, cues, forced_starts, threshold).split(typical_chars)


def split_dumps(
    dumps: list[list[ContentLine]],
    vocabulary: Vocabulary,
    cues: SplitCues = SplitCues(),
    forced_starts: list[frozenset[int]] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[list[PostSpan]]:
    """Split every listing dump of one archive, learning its typical post length on the way.

    A first pass splits without a length prior; the median length of the posts
    it finds is the archive's typical post, and a second pass splits with it.
    An archive of long reports and one of short notices thus get their own
    yardstick, and no length is built into the code.
    """
    forced = forced_starts or [frozenset()] * len(dumps)
    splitters = [DumpSplitter(d, vocabulary, cues, f, threshold) for d, f in zip(dumps, forced, strict=True)]
    first = [s.split() for s in splitters]
    typical = typical_post_chars(dumps, first)
    if typical is None:
        return first
    return [s.split(typical) for s in splitters]  # the scores are kept: only the search runs again


def typical_post_chars(dumps: list[list[ContentLine]], spans: list[list[PostSpan]]) -> float | None:
    """Median characters of the posts found, or None when too few were found to tell."""
    lengths = [
        sum(len(line.text) for line in lines if span.start <= line.number <= span.end)
        for lines, found in zip(dumps, spans, strict=True)
        for span in found
    ]
    if len(lengths) < MIN_POSTS_FOR_LENGTH:
        return None
    return float(statistics.median(lengths))
