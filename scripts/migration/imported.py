"""An item read from a structured source (WordPress export, saved HTML page), before rendering.

Text dumps need guessing (where a post starts, when it was written); these
sources say it, so their items carry title, date, slug and tags as given.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# What becomes of an item: an article or a page is published, a draft is kept unpublished,
# an attachment is listed in the plan, anything else is recorded as skipped with its reason.
KINDS = ("article", "page", "draft", "attachment", "skipped")


@dataclass
class ImportedItem:
    source: str  # file name
    line: int  # where the item starts in its file
    kind: str
    title: str = ""
    date: str = ""  # ISO "YYYY-MM-DD HH:MM", as the source gives it
    slug: str = ""
    html: str = ""
    excerpt: str = ""
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    legacy_urls: list[str] = field(default_factory=list)
    status: str = ""  # the source's own word: publish, draft, private …
    attachment_url: str = ""
    reason: str = ""  # why skipped, or what was guessed
    left_out: list[str] = field(default_factory=list)  # source text no output carries, "rad N: text"
