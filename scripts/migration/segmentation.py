"""Finding where one post ends and the next begins in a listing dump.

A listing page flattened to text has no separators: a post's title is a short
line, and so is every subheading inside a post. Each short line is therefore
a *candidate* title, scored by cues a careful reader uses:

* the line before it closes a post (contact details, a signature, a link,
  an invitation), or the dump has an invisible-character separator there;
* its words are new to the post read so far but recur in what follows (a title
  announces a new subject; a subheading continues the current one);
* it is followed by a lead paragraph, not by a quote, a list or contact details;
* the lead repeats the title (old listing pages often did);
* exclamation titles ("… – hjälp oss!") and longer, sentence-like headings.

The score is turned into a confidence that the migration plan records, so
editors can review the least certain splits first. The weights are round
numbers chosen on the legacy archive and checked on shuffled variants of it
(tests/scripts/test_segmentation.py); they encode no words of the archive.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .lines import LineKind, classify, content_stems, has_email, words

# Weights of the cues (log-odds; positive favours "a new post starts here").
# Fitted by class-balanced logistic regression on the hand-checked archive
# (tests/fixtures/legacy_truth.yaml) and rounded; see docs/migration.md.
BIAS = -1.8
WEIGHTS = {
    "closing_before": 0.8,  # the line before closes a post
    "separator_before": 0.8,  # an invisible-only line stood before it
    "exclamation": 1.1,  # "… – hjälp oss!"
    "long": 1.5,  # five words or more
    "short": -0.1,  # two words or fewer
    "after_heading": 0.2,  # previous line is heading-like too
    "next_quote": -0.2,  # followed by "– quoted speech"
    "next_list": -0.2,  # followed by a bullet list
    "next_contact": -0.7,  # followed by contact details
    "next_heading": -0.5,
    "no_lead": -1.0,  # no paragraph of running text follows
    "lead_echo": 0.1,  # the lead repeats the heading
    "novelty": 0.4,  # share of its (IDF-weighted) words new to the post
    "recurrence": 1.2,  # how much its words recur in what follows (0..1)
    "cohesion": -0.3,  # similarity of the text just before and after
    "question": -0.1,
    "self_closing": -0.3,  # the line itself is a "read more"/contact line
    "title_continues": -0.8,  # the current post's title words recur after it
    "topic_continues": -0.3,  # the current post's title+lead recur after it
}
WINDOW_LINES = 6  # lines looked at before and after a candidate
MIN_LEAD_CHARS = 60
DEFAULT_THRESHOLD = 0.5  # minimises missed + false splits on shuffled archives
MAX_CLOSING_CHARS = 110
MAX_CONTACT_CHARS = 160


@dataclass(frozen=True)
class ContentLine:
    number: int  # 1-based line number in the dump
    text: str
    kind: LineKind
    after_separator: bool = False  # an invisible-only line came just before


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
    doubt: Candidate | None = None  # strongest rejected candidate inside the post


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

    def cosine(self, a: Counter, b: Counter) -> float:
        a_w = {k: v * self.idf(k) for k, v in a.items()}
        b_w = {k: v * self.idf(k) for k, v in b.items()}
        dot = sum(v * b_w.get(k, 0.0) for k, v in a_w.items())
        norm = math.sqrt(sum(v * v for v in a_w.values()) * sum(v * v for v in b_w.values()))
        return dot / norm if norm else 0.0


def _stems_of(lines: list[ContentLine]) -> Counter:
    return Counter(s for line in lines for s in content_stems(line.text))


def _next_lead(lines: list[ContentLine], index: int) -> ContentLine | None:
    """The first line after a heading that is not itself a heading."""
    for line in lines[index + 1 : index + 3]:
        if line.kind != LineKind.HEADING:
            return line
    return None


def _normalise(text: str) -> str:
    return " ".join(w.lower() for w in words(text))


def _has_cue(text: str, cues: tuple[str, ...]) -> bool:
    lowered = text.lower()
    return any(cue in lowered for cue in cues)


def _closes_post(line: ContentLine, cues: tuple[str, ...]) -> bool:
    if line.kind in (LineKind.URL, LineKind.SIGNATURE) or has_email(line.text):
        return True
    return len(line.text) <= MAX_CLOSING_CHARS and _has_cue(line.text, cues)


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
    "no_lead": "ingen brödtext följer",
    "lead_echo": "ingressen upprepar rubriken",
    "novelty": "nya ord för inlägget",
    "recurrence": "orden återkommer i texten som följer",
    "cohesion": "texten före och efter hänger ihop",
    "question": "frågerubrik",
    "self_closing": "raden är en läs mer-/kontaktrad",
    "title_continues": "inläggets rubrikord fortsätter efter raden",
    "topic_continues": "inläggets ämne fortsätter efter raden",
}


def candidate_features(
    lines: list[ContentLine],
    index: int,
    post: list[ContentLine],
    vocabulary: Vocabulary,
    cues: tuple[str, ...],
) -> dict[str, float]:
    """The cues for ``lines[index]`` starting a new post after ``post``."""
    line = lines[index]
    previous = lines[index - 1]
    nxt = lines[index + 1] if index + 1 < len(lines) else None
    lead = _next_lead(lines, index)
    stems = set(content_stems(line.text))
    post_stems = _stems_of(post)
    before = _stems_of(post[-WINDOW_LINES:])
    ahead = _stems_of(lines[index + 1 : index + 1 + WINDOW_LINES])
    title_stems = set(content_stems(post[0].text))
    topic = _stems_of(post[:2])
    n_words = len(words(line.text))
    recurrence = sum(min(ahead[s], 3) * vocabulary.idf(s) for s in stems)
    recurrence /= sum(vocabulary.idf(s) for s in stems) or 1.0
    return {
        "closing_before": float(_closes_post(previous, cues)),
        "separator_before": float(line.after_separator),
        "exclamation": float(line.text.rstrip('”"').endswith("!")),
        "long": float(n_words >= 5),
        "short": float(n_words <= 2),
        "after_heading": float(previous.kind == LineKind.HEADING),
        "next_quote": float(nxt is not None and nxt.kind == LineKind.QUOTE),
        "next_list": float(nxt is not None and nxt.kind == LineKind.BULLET),
        "next_contact": float(
            nxt is not None
            and (has_email(nxt.text) or (len(nxt.text) < MAX_CONTACT_CHARS and _has_cue(nxt.text, cues)))
        ),
        "next_heading": float(nxt is not None and nxt.kind == LineKind.HEADING),
        "no_lead": float(lead is None or lead.kind == LineKind.HEADING or len(lead.text) < MIN_LEAD_CHARS),
        "lead_echo": float(lead is not None and _normalise(lead.text).startswith(_normalise(line.text))),
        "novelty": vocabulary.share(stems, lambda s: s not in post_stems) if stems else 0.5,
        "recurrence": min(recurrence, 2.0) / 2.0,
        "cohesion": vocabulary.cosine(before, ahead),
        "question": float(line.text.endswith("?")),
        "self_closing": float(_has_cue(line.text, cues)),
        "title_continues": vocabulary.share(title_stems, lambda s: ahead[s] > 0),
        "topic_continues": vocabulary.cosine(topic, ahead),
    }


def score_candidate(
    lines: list[ContentLine],
    index: int,
    post: list[ContentLine],
    vocabulary: Vocabulary,
    cues: tuple[str, ...],
) -> Candidate:
    """Score the heading-like line ``lines[index]`` as the title of a new post."""
    features = candidate_features(lines, index, post, vocabulary, cues)
    score = BIAS + sum(WEIGHTS[name] * value for name, value in features.items())
    contributions = sorted(
        ((WEIGHTS[name] * value, name) for name, value in features.items() if WEIGHTS[name] * value),
        key=lambda item: -abs(item[0]),
    )
    reasons = [f"{_REASONS[name]} ({weight:+.1f})" for weight, name in contributions[:4]]
    line = lines[index]
    return Candidate(line.number, line.text, round(score, 2), reasons)


def content_lines(numbered: list[tuple[int, str]]) -> list[ContentLine]:
    """Drop blank lines; remember where an invisible separator line stood."""
    result: list[ContentLine] = []
    separator = False
    for number, text in numbered:
        kind = classify(text)
        if kind == LineKind.BLANK:
            continue
        if kind == LineKind.INVISIBLE:
            separator = True
            continue
        result.append(ContentLine(number, text.strip("\u00a0 \t"), kind, separator))
        separator = False
    return result


def split_posts(
    lines: list[ContentLine],
    vocabulary: Vocabulary,
    closing_cues: tuple[str, ...] = (),
    forced_starts: frozenset[int] = frozenset(),
    threshold: float = DEFAULT_THRESHOLD,
) -> list[PostSpan]:
    """Split content lines into posts; the first line always starts a post.

    ``forced_starts`` are line numbers known to start a post (e.g. where a
    post seen in another dump begins or ends); they are taken without scoring.
    """
    if not lines:
        return []
    spans: list[PostSpan] = []
    start = 0
    start_conf, start_reasons = 1.0, ["dumpens första rad"]
    doubt: Candidate | None = None
    for index in range(1, len(lines)):
        line = lines[index]
        post = lines[start:index]
        boundary = False
        if line.number in forced_starts:
            boundary, conf, reasons = True, 0.99, ["samma inlägg finns i en annan dump"]
        elif line.kind == LineKind.HEADING and len(post) >= 2:
            candidate = score_candidate(lines, index, post, vocabulary, closing_cues)
            if candidate.score >= threshold:
                boundary, conf, reasons = True, candidate.confidence, candidate.reasons
            elif doubt is None or candidate.score > doubt.score:
                doubt = candidate
        if boundary:
            spans.append(PostSpan(lines[start].number, lines[index - 1].number, start_conf, start_reasons, doubt))
            start, start_conf, start_reasons, doubt = index, conf, reasons, None
    spans.append(PostSpan(lines[start].number, lines[-1].number, start_conf, start_reasons, doubt))
    return spans
