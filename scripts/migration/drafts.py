"""A post while the plan is being built: what the planner, the copies' marking and the review list share."""

from __future__ import annotations

from dataclasses import dataclass, field

from .body import Noise
from .plan import PlannedPost
from .source import LegacyDump


@dataclass
class Draft:
    """A post while the plan is being built: its plan entry, where it stands and its text as rendered."""

    post: PlannedPost
    dump: LegacyDump
    title_line: int
    body: str
    lead: str
    noise: list[Noise]
    text: str  # title + body as plain text, for rules
    signature: list[str]  # its lines with text, normalised, to find its copies by
    plan_line: int | None = None  # the post's line in an edited plan that was followed
    tables: dict[int, tuple[int, str]] = field(default_factory=dict)  # a document's tables left as text (see document)
    found_title: str = ""  # the title as the dump gives it, before an editor's correction (see planner)
    legacy_tags: list[str] = field(default_factory=list)  # the tags the old site printed under the post
