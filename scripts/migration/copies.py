"""Posts saved more than once: the runs of lines two dumps share, or one dump holds twice.

A listing page saved twice holds some posts twice, between different
neighbours. Where a shared run begins and ends is a post boundary in both
dumps (the splitter takes it as given), and two posts whose lines are
nearly the same are one post kept once. Pure: lines in, line numbers out.
"""

from __future__ import annotations

import difflib
from collections import defaultdict

from .dump_text import MIN_LEAD_CHARS, ContentLine
from .lines import LineKind, has_email, normalised_line
from .title_cues import closes_post

MIN_SHARED_RUN = 4  # content lines two dumps must share to count as the same post
# ... or fewer lines when they are a title and a few paragraphs: a short post
# (a title and two paragraphs) is shared as surely as a long one.
MIN_SHARED_CHARS = 300
# ... or a title and a lead that is no closing line, in this many characters: a short notice
# ("Glad sommar!" and two sentences) copied into two dumps, not a shared contact block.
MIN_SHARED_NOTICE_CHARS = 150
MAX_COPY_GAP = 2  # lines edited between the two saves of a post: its shared run goes on across them
DUPLICATE_OVERLAP = 0.8
NEARLY_SAME_LINE = 0.8  # difflib's ratio of a line edited between two saves to the line as it was
# A line found in more places of one dump than a post is pasted there is boilerplate (a "Läs mer"
# under every post): a copy within the dump is looked for from the lines after it.
MAX_REPEATS = 4


Run = tuple[str, int, int]  # a dump's name and a shared run's [first, end) indices into its post lines


class SharedRuns:
    """The runs of lines the listing dumps share, or one dump holds twice: one post saved twice.

    Lines the page printed under every post (``ContentLine.under_posts``) are no part of a copy: two posts ending
    in the same contact line over the same share block ("Dela:", "Facebook", "Twitter", "LinkedIn") shared six
    lines, and were taken for one post copied. ``lines``: each listing dump's content lines, by file name;
    ``closing``: the rules file's closing phrases (a lead holding one is a contact line).
    """

    def __init__(self, lines: dict[str, list[ContentLine]], closing: tuple[str, ...] = ()) -> None:
        self.lines = {name: [line for line in dump if not line.under_posts] for name, dump in lines.items()}
        self.texts = {name: [normalised_line(line.text) for line in dump] for name, dump in self.lines.items()}
        self.pairs: list[tuple[Run, Run]] = []
        names = list(self.lines)
        for i, a in enumerate(names):
            for run_a, run_b in _repeated_runs(self.lines[a], self.texts[a], closing):  # one listing pasted twice
                self.pairs.append(((a, *run_a), (a, *run_b)))
            for b in names[i + 1 :]:
                for run_a, run_b in _copied_runs(self.lines[a], self.lines[b], self.texts[a], self.texts[b], closing):
                    self.pairs.append(((a, *run_a), (b, *run_b)))

    def starts(self) -> dict[str, set[int]]:
        """Where the shared runs begin and end: post boundaries in every dump that holds them.

        The same post copied into two listings sits between different neighbours, so the edges of the shared
        run are post edges in both dumps. The two copies may differ a little (a line edited between the two
        saves, a last line missing): a run continues across a small gap, and an edge counts only where a title
        can stand (at the end, a title with text under it), so a difference inside a post does not cut it.
        """
        starts: dict[str, set[int]] = {name: set() for name in self.lines}
        for name, first, end in (run for pair in self.pairs for run in pair):
            _add_edges(starts[name], self.lines[name], (first, end))
        return starts

    def splits_not_alike(self, found: dict[str, set[int]]) -> dict[str, set[int]]:
        """The post starts ``found`` (line numbers, by dump) inside one copy of a post that the other copy
        does not have at the same line: a post's copies are one text and are split alike.

        The edges of a copy are given (``starts``), but what lies between them was split in each dump on its
        own, and the cues reach past the copy (the words of the post after it): one copy was cut at a
        subheading, the other not. Which of the two is right the text cannot say; a false split is the worse
        error for an editor, and the splitter's errors are mostly missed titles, so the cut goes. A line the
        other copy lacks (edited between the two saves) says nothing either way. Dumps not in ``found`` (an
        editor's plan cuts them) are left as they are.
        """
        not_alike: dict[str, set[int]] = {name: set() for name in found}
        for pair in self.pairs:
            if not all(name in found for name, _, _ in pair):
                continue
            for (name, first, end), (other, other_first, other_end) in (pair, pair[::-1]):
                theirs = range(other_first + 1, other_end)
                cut_there = {self.texts[other][k] for k in theirs if self.lines[other][k].number in found[other]}
                whole_there = {self.texts[other][k] for k in theirs} - cut_there
                for k in range(first + 1, end):
                    number = self.lines[name][k].number
                    if number in found[name] and self.texts[name][k] in whole_there:
                        not_alike[name].add(number)
        return not_alike


def _add_edges(starts: set[int], lines: list[ContentLine], run: tuple[int, int]) -> None:
    """The line numbers where a shared run [first, end) shows a post begins: its first line, if a
    title can stand there, and the line after it, if that opens a post."""
    first, end = run
    if 0 < first and lines[first].title_shaped:
        starts.add(lines[first].number)
    if end < len(lines) and _opens_post(lines, end):
        starts.add(lines[end].number)


def _repeated_runs(
    lines: list[ContentLine], texts: list[str], closing: tuple[str, ...]
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Runs of lines one dump holds twice, as [first, end) index pairs: a post saved twice into one file.

    ``texts``: the lines normalised. A run is kept from where it opens like a post (``_copy_start``)
    if it counts as a copied post there (``_is_shared_post``), so a contact block or a signature
    that recurs from post to post marks nothing.
    """
    positions: dict[str, list[int]] = defaultdict(list)
    for index, text in enumerate(texts):
        positions[text].append(index)
    common = {text for text, places in positions.items() if len(places) > MAX_REPEATS}
    runs = []
    for text, places in positions.items():
        if text in common:
            continue  # a "Läs mer" under every post: no copy starts there, and its pairs are many
        for n, i in enumerate(places):
            for j in places[n + 1 :]:
                if i > 0 and texts[i - 1] == texts[j - 1] and texts[i - 1] not in common:
                    continue  # inside a longer run, found from where that one starts
                size = 0
                while i + size < j and j + size < len(texts) and texts[i + size] == texts[j + size]:
                    size += 1
                start = _copy_start(lines[i : i + size], closing)
                if start is not None and _is_shared_post(lines[i + start : i + size], closing):
                    runs.append(((i + start, i + size), (j + start, j + size)))
    return runs


def _copy_start(run: list[ContentLine], closing: tuple[str, ...]) -> int | None:
    """Where in a run one dump holds twice the copied post begins, or None if it is no post.

    A run that begins in running text is a copy whose title was edited between the two saves:
    it is kept whole (its start is then no title, so it marks only where it ends). A run that
    begins with a title over anything but contact details (a lead, a quote, a caption) is a copy
    from its title. A run that begins with a contact prompt begins with the ending the posts
    before the two copies share: the copy starts where the rest opens like a post, past the
    ending's lines (contact details, closing lines, a standard sentence such as how soon
    questions are answered); if it never does, the run is that ending alone.
    """
    if not run[0].title_shaped:
        return 0
    if len(run) < 2:
        return None
    past_leftovers = _past_leftovers(run, closing)
    if past_leftovers:
        return past_leftovers
    if not _is_contact(run[1], closing):
        return 0
    for k in range(1, len(run) - 1):
        if _opens_like_post(run[k:], closing):
            return k
    return None


def _past_leftovers(run: list[ContentLine], closing: tuple[str, ...]) -> int:
    """How many lines shaped like the old site's leftovers ("Dela", "Kategorier: …") open a run before
    a title over its lead, or 0.

    A listing page that leaves the same line under every post leaves it above both copies of a post,
    so the run the two share begins there. Made archives of the known posts with one such line under
    every post (seed 7 × 20): the copy was found in 6 of 20, each copy's title one line late. Of the
    190 known and unseen posts, none opens with a short line over a title-shaped line over a lead. The
    title reached must be a heading: a short title may stand over a caption ("Foto: …") and its lead.
    """
    k = 0
    while k + 2 < len(run) and run[k].leftover_shaped:
        k += 1
        if run[k].kind == LineKind.HEADING and _opens_like_post(run[k:], closing):
            return k
    return 0


def _is_contact(line: ContentLine, closing: tuple[str, ...]) -> bool:
    """Contact details or a closing line ("Kontakta …", an e-mail address): how posts end."""
    return has_email(line.text) or closes_post(line, closing)


def _opens_like_post(run: list[ContentLine], closing: tuple[str, ...]) -> bool:
    """Does a run open as a post does, with a title over a lead that is no contact line?

    Posts next to each other in one listing are often by one team and may end in the same
    contact block ("Har du frågor?" over "Kontakta …", a phone number, an address), four lines
    or more: within one dump such a block must not pass for a post saved twice.
    """
    return _title_over_lead(run, closing) and not has_email(run[1].text)


def _title_over_lead(run: list[ContentLine], closing: tuple[str, ...]) -> bool:
    """A title-shaped line over a paragraph of text that is no closing line."""
    return (
        len(run) >= 2
        and run[0].title_shaped
        and run[1].kind == LineKind.TEXT
        and len(run[1].text) >= MIN_LEAD_CHARS
        and not closes_post(run[1], closing)
    )


def _opens_post(lines: list[ContentLine], index: int) -> bool:
    """Is the line after a shared run surely a new post: a title with no second heading under it?

    Where one copy lacks a last line (a link caption, say), the run ends before
    that line in the other dump, and a caption is shaped like a title; the
    title of the next post is followed by its text instead.
    """
    return lines[index].title_shaped and (index + 1 == len(lines) or not lines[index + 1].title_shaped)


def _copied_runs(
    la: list[ContentLine], lb: list[ContentLine], texts_a: list[str], texts_b: list[str], closing: tuple[str, ...]
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Runs of lines two dumps share, as [first, end) index pairs, joined across small edits."""
    matcher = difflib.SequenceMatcher(None, texts_a, texts_b, autojunk=False)
    groups: list[list] = []
    for block in matcher.get_matching_blocks():
        if not block.size:
            continue
        last = groups[-1][-1] if groups else None
        if last and block.a - (last.a + last.size) <= MAX_COPY_GAP and block.b - (last.b + last.size) <= MAX_COPY_GAP:
            groups[-1].append(block)
        else:
            groups.append([block])
    runs = []
    for group in groups:
        if any(_is_shared_post(la[x.a : x.a + x.size], closing) for x in group):
            first, end = group[0], group[-1]
            skip = _past_leftovers(la[first.a : first.a + first.size], closing)
            runs.append(((first.a + skip, end.a + end.size), (first.b + skip, end.b + end.size)))
    return runs


def _is_shared_post(run: list[ContentLine], closing: tuple[str, ...]) -> bool:
    """Is a run of lines found in two dumps a copied post, not a chance match?

    Long runs are; a short run counts when it opens with a title and carries
    paragraphs of text, so a short post copied into two dumps is found too,
    while a shared contact line or signature is not. A title and a lead that
    is no closing line ("Har du frågor?" then "Kontakta …" is one) count in
    fewer characters: a short notice.
    """
    opens_as_post = len(run) >= MIN_SHARED_RUN or (bool(run) and run[0].title_shaped)
    if not opens_as_post:
        return False
    notice = _title_over_lead(run, closing) and sum(len(x.text) for x in run) >= MIN_SHARED_NOTICE_CHARS
    return notice or is_shared_text([x.text for x in run])


def is_shared_text(lines: list[str]) -> bool:
    """Enough text that finding it twice cannot be chance: four lines, or two with paragraphs."""
    return len(lines) >= MIN_SHARED_RUN or (len(lines) >= 2 and sum(map(len, lines)) >= MIN_SHARED_CHARS)


def same_post(mine: list[str], theirs: list[str]) -> bool:
    """Are two posts' lines copies of one post? All of the shorter one's lines in the longer one,
    or nearly all of them (a line edited between two saves of a listing page).

    A line edited between the saves ("Uppdaterat: " before the title, a clause added to a paragraph) counts
    where it reads nearly as a line of the other post does, once half of the shorter post's lines are found
    as they are: a short post (a title and three paragraphs) with one line edited shares only three of four
    lines, and its two saves were kept as two articles.
    """
    shorter, longer = sorted((mine, theirs), key=len)
    if len(shorter) < DUPLICATE_OVERLAP * len(longer):
        return False
    in_longer = set(longer)
    common = [line for line in shorter if line in in_longer]
    if len(common) == len(shorter):
        return True
    if not is_shared_text(common) or len(common) < len(shorter) / 2:
        return False
    found = set(common)
    unmatched = [line for line in longer if line not in found]
    edited = [line for line in shorter if line not in in_longer and any(_nearly_same(line, o) for o in unmatched)]
    return len(common) + len(edited) >= DUPLICATE_OVERLAP * len(shorter)


def _nearly_same(line: str, other: str) -> bool:
    """Does ``line`` read nearly as ``other``: a few words changed, or words added before or after it?"""
    shorter, longer = sorted((line, other), key=len)
    if shorter in longer:
        return True
    matcher = difflib.SequenceMatcher(None, line, other, autojunk=False)
    return matcher.real_quick_ratio() >= NEARLY_SAME_LINE and matcher.ratio() >= NEARLY_SAME_LINE
