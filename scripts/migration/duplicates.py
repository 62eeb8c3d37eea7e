"""Which posts are copies of which, and the post kept in their place.

copies.py finds shared text; this module decides, over the drafts of one run, which post is kept and
which are its copies (an editor's ``duplicate_of`` first), makes every copy name the post kept, and
lists the lines a copy holds that the kept post lacks, so that none is lost.
"""

from __future__ import annotations

import difflib

from . import copies
from .drafts import Draft
from .dump_text import MIN_LEAD_CHARS
from .errors import MigrationError
from .lines import normalised_line, shows_text
from .plan import SourcePlan


def mark_duplicates(drafts: list[Draft], plan_name: str) -> list[str]:
    """A post whose lines all occur in an earlier (or longer) post, or in a run of another dump's posts, is a copy.
    An editor may say otherwise in the plan (``duplicate_of``); a slug there that no post has is named with
    the plan's line. A post whose ``duplicate_of`` the editor emptied is nobody's copy and nobody's original:
    the two posts only looked alike. Returns the warnings of ``_resolve_copy_chains``."""
    for index, draft in enumerate(drafts):
        if "duplicate_of" in draft.post.edited:
            draft.post.duplicate_of = draft.post.edited["duplicate_of"] or None
            kept = next((d for d in drafts if d.post.slug == draft.post.duplicate_of), None)
            if draft.post.duplicate_of and kept is None:
                raise MigrationError(
                    plan_name,
                    draft.plan_line,
                    f"duplicate_of: '{draft.post.duplicate_of}' – inget inlägg i planen har den adressen (slug)",
                )
            if kept is not None:
                kept.post.copies.append(f"{draft.post.source}:{draft.post.lines}")
            continue
        mine = draft.signature
        for other in drafts[:index]:
            theirs = other.signature
            if not _may_have_copies(other) or not mine or not theirs:
                continue
            if copies.same_post(mine, theirs):
                keep, drop = (other, draft) if len(theirs) >= len(mine) else (draft, other)
                _record_copy(keep, drop)
                break
        else:
            keep = _run_holding(draft, drafts[:index])
            if keep is not None:
                _record_copy(keep, draft)
    # A copy that is whole here but merged with its neighbour in a later dump (a title the splitter
    # missed there) is held by that dump's posts too.
    for draft in drafts:
        if not draft.post.duplicate_of and not draft.post.copies and "duplicate_of" not in draft.post.edited:
            keep = _run_holding(draft, drafts)
            if keep is not None:
                _record_copy(keep, draft)
    warnings = _resolve_copy_chains(drafts, plan_name)
    for draft in drafts:  # by file name and line, however they were found: the next run lists them alike
        draft.post.copies = sorted(set(draft.post.copies), key=_place_key)
    return warnings


def _place_key(reference: str) -> tuple[str, int]:
    """A copy's reference ("file.txt:12-30") as it sorts: by file, then by first line."""
    file, lines = reference.rsplit(":", 1)
    return file, int(lines.split("-")[0])


def _resolve_copy_chains(drafts: list[Draft], plan_name: str) -> list[str]:
    """Every copy names the post kept in its place, never another copy: a copy's lines count as kept
    where the post it names keeps them, and a copy has no output.

    An editor's ``duplicate_of`` can make a chain (a kept post marked as a copy of a third post, whose own
    copies then follow it there) or a loop (a post a copy of itself, or two posts of each other), where
    no post keeps the lines: a loop is named with the plan's line. Where the plan named a copy, the
    warnings returned say which post is kept instead (the plan's line first)."""
    by_slug = {d.post.slug: d for d in drafts}
    warnings = []
    for draft in drafts:
        kept, seen = draft, {draft.post.slug}
        while kept.post.duplicate_of in by_slug:
            kept = by_slug[kept.post.duplicate_of]
            if kept.post.slug in seen:
                raise MigrationError(
                    plan_name,
                    draft.plan_line,
                    f"duplicate_of: '{draft.post.duplicate_of}' leder tillbaka till inlägget självt – ett av "
                    "inläggen måste vara det som behålls: ta bort dess duplicate_of",
                )
            seen.add(kept.post.slug)
        named = by_slug.get(draft.post.duplicate_of or "")
        if named is not None and named is not kept:
            reference = f"{draft.post.source}:{draft.post.lines}"
            named.post.copies = [c for c in named.post.copies if c != reference]
            kept.post.copies.append(reference)
            if "duplicate_of" in draft.post.edited:
                warnings.append(
                    f"{draft.plan_line}: duplicate_of: '{named.post.slug}' är själv en kopia; inlägget räknas "
                    f"som kopia av '{kept.post.slug}', som behålls"
                )
            draft.post.duplicate_of = kept.post.slug
    return warnings


def list_lines_only_in_copies(drafts: list[Draft], sources: list[SourcePlan]) -> None:
    """A copy that differs from the post kept has lines no output holds: the plan lists them, never loses them.

    The copy is lined up with the kept post's text and the posts' after it in its dump (a copy can span
    two posts there, see ``_run_holding``); a line of the copy counts as kept where it lines up with one.
    A line found only in another post ("Har du frågor?" closes many) does not hold this copy's line, nor
    does a line the kept post dropped as noise (a label that there stood over a heading).
    """
    by_slug = {d.post.slug: d for d in drafts}
    by_file = {s.file: s for s in sources}
    kept_in_order: dict[str, list[Draft]] = {}
    for draft in drafts:
        if not draft.post.duplicate_of:
            kept_in_order.setdefault(draft.post.source, []).append(draft)
    for draft in drafts:
        keep = by_slug.get(draft.post.duplicate_of or "")
        if keep is None:
            continue
        lines = _text_lines(draft)
        window = _kept_from(keep, kept_in_order.get(keep.post.source, []), len(lines))
        held = _lines_held([normalised_line(text) for _, text in lines], window)
        reason = f"finns bara i den här kopian; den behållna ({keep.post.source}:{keep.post.lines}) saknar raden"
        extra = [{"line": n, "text": text, "reason": reason} for k, (n, text) in enumerate(lines) if k not in held]
        if extra:
            source = by_file[draft.post.source]
            source.dropped = sorted([*source.dropped, *extra], key=lambda d: d["line"])


def _text_lines(draft: Draft) -> list[tuple[int, str]]:
    """A post's lines that its output holds: not blank, not dropped as noise."""
    noise = {n.line for n in draft.noise}
    return [
        (n, text)
        for n in range(draft.post.first, draft.post.last + 1)
        for text in [draft.dump.line(n)]
        if shows_text(text) and n not in noise
    ]


def _kept_from(keep: Draft, kept: list[Draft], length: int) -> list[str]:
    """The kept post's text lines, and the next kept posts' of its dump, until they are as many as ``length``."""
    window: list[str] = []
    for draft in kept[kept.index(keep) :] if keep in kept else [keep]:  # an editor may name a copy as the twin
        if len(window) >= length:
            break
        window += [normalised_line(text) for _, text in _text_lines(draft)]
    return window


def _lines_held(mine: list[str], kept: list[str]) -> set[int]:
    """Indices of ``mine`` that line up, in order, with lines of ``kept``: in a run of two lines or more, or
    alone where the line is a paragraph. A short line alone ("Har du frågor?") lines up with any post that
    closes so: a post an editor marked as the copy of another had it counted as kept, and it was in no output
    of its own nor listed."""
    matcher = difflib.SequenceMatcher(None, mine, kept, autojunk=False)
    return {
        block.a + k
        for block in matcher.get_matching_blocks()
        if block.size >= 2 or (block.size == 1 and len(mine[block.a]) >= MIN_LEAD_CHARS)
        for k in range(block.size)
    }


def _may_have_copies(draft: Draft) -> bool:
    """May another post be found to be a copy of this one? Not if this one is a copy itself, nor if an
    editor emptied its ``duplicate_of`` in the plan (see mark_duplicates)."""
    return not draft.post.duplicate_of and "duplicate_of" not in draft.post.edited


def _record_copy(keep: Draft, drop: Draft) -> None:
    """``drop`` is a copy of ``keep``. The copies ``drop`` was kept for until now (a post in three dumps: the
    third copy, longer, is kept over the second, which was kept over the first) follow it to ``keep`` at the
    end (``_resolve_copy_chains``)."""
    drop.post.duplicate_of = keep.post.slug
    keep.post.copies.append(f"{drop.post.source}:{drop.post.lines}")


def _run_holding(draft: Draft, others: list[Draft]) -> Draft | None:
    """The kept post where ``draft``'s text begins, if posts of another dump hold all of it.

    The two copies of a post can be split differently (one dump's neighbours
    make a subheading look like a title): the copy is then no single post's
    twin, yet every line of it is already kept, in the same order.
    """
    mine = draft.signature
    if not copies.is_shared_text(mine):
        return None
    by_source: dict[str, list[Draft]] = {}
    for other in others:
        if other.post.source != draft.post.source and _may_have_copies(other):
            by_source.setdefault(other.post.source, []).append(other)
    for kept in by_source.values():
        owners = [owner for owner in kept for _ in owner.signature]
        texts = [line for owner in kept for line in owner.signature]
        starts = (i for i, text in enumerate(texts) if text == mine[0])  # cheap test before the slice
        for start in starts:
            if texts[start : start + len(mine)] == mine:
                return owners[start]
    return None
