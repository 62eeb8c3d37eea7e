"""Finding where one post ends and the next begins in a listing dump.

Every title-shaped line is a candidate title, scored by its cues
(``title_cues``). The split taken is the best one over the whole dump, where
neighbouring posts that read alike cost extra and a post's length is weighed
against the archive's typical post (``DumpSplitter``); how long the archive's
titles usually are is learnt the same way. Each post records how
sure its first line is and the strongest split it rejected, so editors can
review the least certain ones first.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable
from dataclasses import dataclass, replace

from .dump_text import ContentLine, DumpText, Vocabulary
from .lines import LineKind, has_email, normalised_line, words
from .title_cues import (
    CONTRAST_REASON,
    MAX_CONTACT_CHARS,
    MIN_LEAD_CHARS,
    NO_CUES,
    WEIGHTS,
    Candidate,
    SplitCues,
    closing_counts,
    line_cues,
    long_share,
    post_cues,
    score_candidate,
)

# A split is taken where its score passes this (log-odds). Chosen on shuffled archives of the known posts
# with the weights and the length prior; chosen again at stop 25, once the archive's title length was
# learnt: 0.7 instead of 0.75 found more titles of the known posts (seeds 1-3 x 40: 31 -> 30 errors; seeds
# 4-8 x 40: 48 -> 43) and of the open sets, and made no false split more in either; 0.65 did (28 + 3), and
# cut set15's long report again.
DEFAULT_THRESHOLD = 0.7
# Two neighbouring posts whose words overlap more than posts usually do are more likely one
# post cut at a subheading (cosine of IDF-weighted stems, a word weighing more where it recurs
# near itself: see dump_text.BURST_LINES). Chosen with that weighting on the known posts and the
# open sets; the sealed sets were measured after (docs/post-splitting.md).
SIMILAR_NEIGHBOURS = 9.0
TYPICAL_NEIGHBOUR_LIKENESS = 0.17
# Title cues (log-odds) above which neighbours that read alike cost nothing (see DumpSplitter.likeness):
# about 73 %. On the known posts 0.8 made more false splits and 1.5 and 2.0 found fewer titles; no set
# moved at any of them. _likeness_spread stays a bound: this only narrows likeness's range.
STRONG_TITLE = 1.0
FORCED_SCORE = 5.0  # a post seen in another dump starts here
FORCED_REASON = "samma inlägg finns i en annan dump"
# A post does not repeat its own title line (none of the 190 known and written posts does): the
# same line again is the next post of a series ("Veckans tips") or the same post saved twice.
REPEATED_TITLE_SCORE = 4.0
REPEATED_TITLE_REASON = "samma rad som inläggets rubrik: nästa inlägg i en serie, eller samma inlägg igen"
# A line with one of these cues recurs from post to post without being a series title: see _repeats_title.
RECURRING_LINE_CUES = ("next_contact", "generic_question", "exclamation", "one_word", "next_heading")
MAX_HEADINGS_PER_POST = 40  # bounds the search on very long dumps
# Posts of one blog are of a similar length: a post far longer than the
# archive's typical post is more likely two, a far shorter one a cut-off part.
# Log-normal prior on a post's characters, learnt from the archive itself
# (split_dumps); the weight is 1 / (2 σ²) for a wide σ of about 1.6.
LENGTH_WEIGHT = 0.2
# ... for an archive whose post lengths vary as the known posts' do: a robust σ of log characters
# (interquartile range / 1.349) of about 0.6 on the first pass over shuffled archives of them. Where
# lengths vary more, a short post says less: the weight for posts shorter than the typical one falls
# with the square of the spread, so that short notices among long reports (known posts mixed with a
# set's short ones, σ 0.8-1.0) stay apart. A post far longer than the typical one still costs the
# full weight, for it is likelier two: weakening that too left more posts merged on made archives of
# the known posts (149 errors instead of 141 on 240). 0.5 reordered the known dumps worse, 0.75
# kept fewer notices apart.
LENGTH_SPREAD_REFERENCE = 0.6
IQR_PER_SIGMA = 1.349  # a normal distribution's interquartile range in standard deviations
# A split's own score (title cues plus the contrast of the posts either side, as
# a log-odds) must reach this, about 55 %, whatever the length prior or the next split says.
MIN_SPLIT_SCORE = 0.2
MIN_POSTS_FOR_LENGTH = 5  # fewer posts found say too little about the typical length
# The "long" cue's weight says a heading of four words or fewer is rarely a title, as in the archive the
# weights were fitted on. Other blogs title their posts more briefly, so an archive's own titles, found by
# a first pass, tell how much a short heading is worth there (see short_title_gain). On a first pass
# over shuffled archives of the known posts (seeds 1-3 x 20), the titles found have a mean shortness
# (1 - the "long" cue) of 0.06 and the candidates passed over 0.49: the shares the weights go with.
REFERENCE_SHORT_TITLES = 0.06
REFERENCE_SHORT_CANDIDATES = 0.49
# How many headings' worth the reference shares count in an archive's estimate, so that the few titles
# of a small archive do not swing it. On seeds 1-3 x 40, 5 and 20 moved the sets' errors by 1-4 %.
SHORT_TITLE_PRIOR = 10
SHORT_TITLE_REASON = "korta rubriker är vanliga i arkivet"


@dataclass
class PostSpan:
    """A detected post: its title line and the range of lines it covers."""

    start: int
    end: int
    confidence: float
    reasons: list[str]
    doubt: Candidate | None = None  # strongest split not taken inside the post (see DumpSplitter._span)


def _likeness_spread() -> float:
    """The most that DumpSplitter.likeness can differ between two places: from posts with no word in
    common down to posts that read the same (cosine 1)."""
    return SIMILAR_NEIGHBOURS


def _is_running_text(line: ContentLine) -> bool:
    """A post has running text after its title, not just short lines, nor only someone's contact details:
    a contact prompt over a line with an e-mail address ("Vill du veta mer?" / "Kontakta …, …@…") closes
    the post above it. Taken as a post of their own, such closing lines were 12 of set15's 40 errors alone
    (seeds 1-3 x 40); no other figure moved."""
    contact = has_email(line.text) and len(line.text) < MAX_CONTACT_CHARS
    return line.kind not in (LineKind.HEADING, LineKind.DATELINE) and len(line.text) >= MIN_LEAD_CHARS and not contact


class DumpSplitter:
    """Finds the best split of one dump into posts; keeps its scores for a second pass.

    Each heading-like line is scored as a title given where the post before it
    began; the split taken is the one with the best total over the whole dump
    (dynamic programming), where two neighbouring posts that read alike cost
    extra and two that read nothing alike gain, and every post must contain
    running text. Deciding left to right
    instead lets one early mistake shift every later post. A line's own cues
    are worked out once; only the few that compare it with the post before
    it (``post_cues``) are asked again for each place that post could begin.

    ``forced_starts`` are line numbers known to start a post (e.g. where a
    post seen in another dump begins or ends); they are always taken.
    ``forbidden_starts`` are never taken (a cut the post's copy in another
    dump does not have), though still doubted where they are strong.
    """

    def __init__(
        self,
        lines: list[ContentLine],
        vocabulary: Vocabulary,
        cues: SplitCues = NO_CUES,
        forced_starts: frozenset[int] = frozenset(),
        threshold: float = DEFAULT_THRESHOLD,
        forbidden_starts: frozenset[int] = frozenset(),
    ) -> None:
        self.lines = lines
        self.cues = cues
        self.threshold = threshold
        n = len(lines)
        self.forced = [i for i in range(1, n) if lines[i].number in forced_starts]
        self.forced_set = set(self.forced)
        self.forbidden = {i for i in range(1, n) if lines[i].number in forbidden_starts} - self.forced_set
        self.starts = sorted({0, *self.forced, *(i for i in range(2, n) if lines[i].title_shaped)}) if n else []
        self._normalised = {b: normalised_line(lines[b].text) for b in self.starts}  # see _repeats_title
        self.offsets = [0]
        for line in lines:
            self.offsets.append(self.offsets[-1] + len(line.text))
        self.text = DumpText(lines, vocabulary)
        self.shortness = {b: 1.0 - long_share(len(words(lines[b].text))) for b in self.starts}
        self._gain = dict.fromkeys(self.starts, 0.0)  # what each line gains as a title: see weigh_short_titles
        self._scored: dict[tuple[int, int], Candidate] = {}
        self._line_cues: dict[int, dict[str, float]] = {}
        # body_before[i]: lines of running text among the first i (a post needs one after its title)
        self._body_before = [0]
        for line in lines:
            self._body_before.append(self._body_before[-1] + _is_running_text(line))
        self._closings = closing_counts(lines, cues)

    def candidate(self, a: int, b: int) -> Candidate:
        """Line ``b`` as a title when the post before it began at ``a``, with its score and reasons."""
        gain = self._gain[b]
        cued = self._cue_candidate(a, b)
        return cued.weighed(gain, SHORT_TITLE_REASON) if gain else cued

    def score(self, a: int, b: int) -> float:
        """``candidate(a, b).score`` without building the candidate: the split search asks it most."""
        return self._cue_candidate(a, b).score + self._gain[b]

    def _cue_candidate(self, a: int, b: int) -> Candidate:
        """Line ``b`` scored by its cues (worked out once; what the archive's title length adds is not kept)."""
        if (a, b) not in self._scored:
            line = self.lines[b]
            if b in self.forced_set:
                self._scored[(a, b)] = Candidate(line.number, line.text, FORCED_SCORE, [FORCED_REASON])
            elif self._repeats_title(a, b):
                self._scored[(a, b)] = Candidate(line.number, line.text, REPEATED_TITLE_SCORE, [REPEATED_TITLE_REASON])
            else:
                own = self._cues(b)
                features = {**own, **post_cues(self.text, a, b, self._closings, bool(own["closing_before"]))}
                self._scored[(a, b)] = score_candidate(features, line)
        return self._scored[(a, b)]

    def _repeats_title(self, a: int, b: int) -> bool:
        """Is line ``b`` the title line of the post begun at ``a`` again, with text under it?

        Lines that recur from post to post are no titles: a contact prompt ("Har du frågor?" over
        contact details; taken as a title, it cut a long report at its closing prompts), a generic
        question subheading ("Vad händer nu?"), a sign-off ("Välkomna!"), a one-word subheading, a
        label the old site printed under each post ("Skriv ut"), which a heading follows, not a lead:
        once one was taken as a title, every repeat started a post.
        """
        if a >= b or self._normalised[a] != self._normalised[b]:
            return False
        cues = self._cues(b)
        return not any(cues[name] for name in RECURRING_LINE_CUES)

    def weigh_short_titles(self, gain: float) -> None:
        """Weigh a short heading up as a title by ``gain`` (log-odds) times its shortness: see short_title_gain.
        A line known to start a post (``forced_starts``) needs nothing more."""
        self._gain = {b: 0.0 if b in self.forced_set else round(gain * self.shortness[b], 2) for b in self.starts}

    def heading_shortness(self, spans: list[PostSpan]) -> tuple[list[float], list[float]]:
        """The shortness (1 - the "long" cue) of the titles of a split and of the candidates it passed over.

        A dump's first line and lines forced by another dump say nothing of the splitter's choices.
        """
        taken = {span.start for span in spans}
        titles, passed_over = [], []
        for b in self.starts:
            if b and b not in self.forced_set:
                (titles if self.lines[b].number in taken else passed_over).append(self.shortness[b])
        return titles, passed_over

    def allowed(self, a: int, b: int) -> bool:
        """May one post run from line ``a`` up to (not including) line ``b``?"""
        if any(a < f < b for f in self.forced):
            return False
        if b - a >= 2 and self._body_before[b] > self._body_before[a + 1]:
            return True
        # A post without running text only where the cross-dump edges leave no other choice.
        n = len(self.lines)
        return (a == 0 or a in self.forced_set) and (b == n or b in self.forced_set)

    def likeness(self, a: int, b: int, c: int, title_score: float | None = None) -> float:
        """Cost (negative) or gain of posts [a, b) and [b, c) being neighbours rather than one post.

        Parts that read alike cost nothing at a line whose own cues are strong (``STRONG_TITLE``):
        a listing page's posts on one event (announced, reported, thanked for) share their words.
        At a forced start (a copied post's edge) the boundary is given and likeness counts neither way:
        counted, the splits either side of it answered for how alike the copy and its neighbour read,
        and a title next to a copy was missed, or the copy cut inside in one dump and not in the other.
        ``title_score`` is ``score(a, b)`` where the caller has it already.
        """
        if b in self.forced_set:
            return 0.0
        gain = SIMILAR_NEIGHBOURS * (TYPICAL_NEIGHBOUR_LIKENESS - self.text.cosine(a, b, b, c))
        if gain < 0 and (self.score(a, b) if title_score is None else title_score) > STRONG_TITLE:
            return 0.0
        return gain

    def _cues(self, b: int) -> dict[str, float]:
        """Line ``b``'s own cues as a title (worked out once)."""
        if b not in self._line_cues:
            self._line_cues[b] = line_cues(self.text, b, self.cues)
        return self._line_cues[b]

    def stands_alone(self, b: int, title_score: float, contrast: float) -> bool:
        """Is the split at ``b`` likelier than not on its own evidence (title cues and contrast)?

        The length prior, and the way one split raises the score of the next
        (a post that starts later has other title words), may choose between
        splits but must not carry a weak one: on made archives, the splits
        taken below this floor were nearly all false.
        """
        return b in self.forced_set or title_score + contrast >= MIN_SPLIT_SCORE

    def length_cost(self, b: int, c: int, typical_chars: float | None, short_weight: float = LENGTH_WEIGHT) -> float:
        if not typical_chars or (b == 0 and c == len(self.lines)):
            return 0.0
        chars = max(self.offsets[c] - self.offsets[b], MIN_LEAD_CHARS)
        weight = short_weight if chars < typical_chars else LENGTH_WEIGHT
        return weight * math.log(chars / typical_chars) ** 2

    def split(self, typical_chars: float | None = None, short_weight: float = LENGTH_WEIGHT) -> list[PostSpan]:
        """The best split; ``typical_chars`` (a typical post's length in the archive) adds the length prior,
        weighed by ``short_weight`` for posts shorter than that (see ``short_post_weight``)."""
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
        spread = _likeness_spread()
        for b in starts:
            reached = sorted(best.get(b, {}).items(), key=lambda item: -item[1])
            # Line b's score as a title after each a does not depend on where its post ends: asked once
            # here instead of once per c (planning a 96-post dump took a fifth less time).
            title_scores: dict[int, float] = {}
            for c in ends[position[b] :][:MAX_HEADINGS_PER_POST]:
                if c in self.forbidden or not self.allowed(b, c):
                    continue
                step = -self.length_cost(b, c, typical_chars, short_weight)
                if c < n:
                    step += self.score(b, c) - self.threshold
                first_taken = None
                for a, total in reached:
                    # Neighbour likeness differs between two predecessors by at most its spread, so one
                    # further behind the best usable one can never win: stop (exact, and fast).
                    if first_taken is not None and total < first_taken - spread:
                        break
                    if a is None:
                        contrast = 0.0
                    else:
                        title = title_scores.get(a)
                        if title is None:
                            title = title_scores[a] = self.score(a, b)
                        contrast = self.likeness(a, b, c, title)
                        if not self.stands_alone(b, title, contrast):
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
        return self._with_lines_above([self._span(chosen, k) for k in range(len(chosen) - 1)])

    def _with_lines_above(self, spans: list[PostSpan]) -> list[PostSpan]:
        """Each post with the lines a page printed above its title, which the search left at the end of the
        post before.

        The title printed twice, one line over the other (an image's alt text, or the title as a link, over
        the title): the post starts at the first. A date stamp over the title, where the dump opens with one
        (a page printing the date above each title; elsewhere a stamp under a post's text is that post's,
        printed under the title or under the post): the post starts at the stamp.
        """
        lines = self.lines
        spans = self._started_above(
            spans, lambda i: normalised_line(lines[i - 1].text) == normalised_line(lines[i].text)
        )
        if lines[0].kind == LineKind.DATELINE:
            spans = self._started_above(spans, lambda i: lines[i - 1].kind == LineKind.DATELINE)
        return spans

    def _started_above(self, spans: list[PostSpan], belongs_below: Callable[[int], bool]) -> list[PostSpan]:
        """``spans`` with each post after the first starting higher up while ``belongs_below(i)`` says the line
        above line ``i`` is the post's (a date stamp and a byline over a title: both lines)."""
        index = {line.number: i for i, line in enumerate(self.lines)}
        moved: list[PostSpan] = spans[:1]
        for span in spans[1:]:
            i = index[span.start]
            while i > 0 and belongs_below(i):
                i -= 1
            while moved and index[moved[-1].start] >= i:  # the lines were cut off as a post of their own
                moved.pop()
            if moved:
                moved[-1] = replace(moved[-1], end=self.lines[i - 1].number)
            moved.append(replace(span, start=self.lines[i].number))
        return moved

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
        # Only a split the search could take is doubted: a post's last line alone (a leftover label or
        # caption under it) is no post, yet it was doubted as one and put the post on the review list.
        inner = [
            max(self._as_split(a, i, b), self.candidate(a, i), key=lambda c: c.score)
            for i in self.starts
            if a < i < b and self.allowed(a, i) and self.allowed(i, b)
        ]
        doubt = max(inner, key=lambda c: c.score, default=None)
        return PostSpan(self.lines[a].number, self.lines[b - 1].number, confidence, reasons, doubt)

    def _as_split(self, a: int, i: int, b: int) -> Candidate:
        """Line ``i`` as the place where [a, b) splits in two: its title cues plus how unlike the parts are
        (not at a forced start, where likeness counts for nothing)."""
        title = self.candidate(a, i)
        if i in self.forced_set:
            return title
        contrast = self.likeness(a, i, b)
        reasons = [*title.reasons, f"{CONTRAST_REASON} ({contrast:+.1f})"]
        return Candidate(title.number, title.text, title.score + contrast, reasons)


def split_posts(
    lines: list[ContentLine],
    vocabulary: Vocabulary,
    cues: SplitCues = NO_CUES,
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
    cues: SplitCues = NO_CUES,
    forced_starts: list[frozenset[int]] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    forbidden_starts: list[frozenset[int]] | None = None,
) -> list[list[PostSpan]]:
    """Split every listing dump of one archive, learning its typical post length on the way.

    A first pass splits without a length prior; the median length of the posts
    it finds is the archive's typical post, how much their lengths vary sets
    the prior's weight for shorter posts, how often its titles are short sets
    what a short heading is worth (``short_title_gain``), and a second pass
    splits with them. An archive of long reports and one of short notices
    thus get their own yardstick, and no length is built into the code.
    ``forced_starts`` and ``forbidden_starts``, one set per dump: see DumpSplitter.
    """
    forced = forced_starts or [frozenset()] * len(dumps)
    forbidden = forbidden_starts or [frozenset()] * len(dumps)
    splitters = [
        DumpSplitter(d, vocabulary, cues, f, threshold, x) for d, f, x in zip(dumps, forced, forbidden, strict=True)
    ]
    first = [s.split() for s in splitters]
    lengths = post_chars(dumps, first)
    typical = typical_post_chars(lengths)
    if typical is None:
        return first
    titles, passed_over = [], []
    for splitter, spans in zip(splitters, first, strict=True):
        found, other = splitter.heading_shortness(spans)
        titles += found
        passed_over += other
    gain = short_title_gain(titles, passed_over)
    for splitter in splitters:
        splitter.weigh_short_titles(gain)
    # The cues are kept: only the search runs again.
    return [s.split(typical, short_post_weight(lengths)) for s in splitters]


def post_chars(dumps: list[list[ContentLine]], spans: list[list[PostSpan]]) -> list[int]:
    """Characters of each post found."""
    return [
        sum(len(line.text) for line in lines if span.start <= line.number <= span.end)
        for lines, found in zip(dumps, spans, strict=True)
        for span in found
    ]


def typical_post_chars(lengths: list[int]) -> float | None:
    """Median characters of the posts found, or None when too few were found to tell."""
    return float(statistics.median(lengths)) if len(lengths) >= MIN_POSTS_FOR_LENGTH else None


def short_post_weight(lengths: list[int]) -> float:
    """The length prior's weight for posts shorter than the typical one, in an archive with these post
    lengths (see LENGTH_SPREAD_REFERENCE)."""
    q1, _, q3 = statistics.quantiles([math.log(max(n, 1)) for n in lengths], n=4)
    spread = (q3 - q1) / IQR_PER_SIGMA
    return LENGTH_WEIGHT * min(1.0, (LENGTH_SPREAD_REFERENCE / spread) ** 2) if spread > 0 else LENGTH_WEIGHT


def short_title_gain(titles: list[float], passed_over: list[float]) -> float:
    """What a short heading is worth as a title in an archive, beyond what the "long" cue's weight says.

    ``titles`` and ``passed_over`` are the shortness (1 - the "long" cue) of
    the headings a first pass took as titles and of those it did not. Where
    titles are short more often than in the reference (``REFERENCE_SHORT_TITLES``),
    the likelihood ratio of a short heading being a title rather than a
    subheading is higher; the gain is its log difference from the
    reference's, scaled as the fitted weight scales the reference's own
    ratio. An archive whose titles are short even more rarely gets nothing:
    the weights already say so. ``SHORT_TITLE_PRIOR`` headings of the
    reference are counted in, so a small archive moves little.
    """

    def share(values: list[float], reference: float) -> float:
        return (sum(values) + SHORT_TITLE_PRIOR * reference) / (len(values) + SHORT_TITLE_PRIOR)

    def short_ratio(title_share: float, other_share: float) -> float:
        return math.log(title_share / other_share)

    def long_ratio(title_share: float, other_share: float) -> float:
        return math.log((1 - title_share) / (1 - other_share))

    reference = (REFERENCE_SHORT_TITLES, REFERENCE_SHORT_CANDIDATES)
    scale = WEIGHTS["long"] / (long_ratio(*reference) - short_ratio(*reference))
    here = (share(titles, REFERENCE_SHORT_TITLES), share(passed_over, REFERENCE_SHORT_CANDIDATES))
    return max(0.0, scale * (short_ratio(*here) - short_ratio(*reference)))
