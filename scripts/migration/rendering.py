"""The Markdown files a planned post becomes: an article, or a document's handbook folder."""

from __future__ import annotations

from .body import plain, summary_of
from .drafts import Draft
from .plan import PlannedPost

FIRST_VERSION = "1.0"  # a migrated document is the first version of a handbook (plugins/handbooks)


def _provenance(post: PlannedPost) -> str:
    """Where the post came from, its copies too: the article says so, and an editor can find the lines."""
    also = f" (även {', '.join(post.copies)})" if post.copies else ""
    return f"legacy/{post.source}, rad {post.first}–{post.last}{also}"


def render_article(draft: Draft) -> str:
    """The article's Markdown file: Pelican metadata (empty fields left out), then the body."""
    post = draft.post
    meta = [
        ("Title", post.title),
        ("Date", post.date),
        ("Slug", post.slug),
        ("Tags", ", ".join(post.tags)),
        ("Topics", ", ".join(post.topics)),
        ("Summary", summary_of(plain(draft.lead))),
        ("Date_source", post.date_source),
        ("Source", _provenance(post)),
        ("Legacy_url", post.legacy_url or ""),
    ]
    return _compose(meta, draft.body)


def render_handbook(draft: Draft) -> dict[str, str]:
    """A document becomes a handbook folder (plugins/handbooks): its first version, one chapter.

    Sets ``post.output`` to the chapter, the file that holds the document's text.
    """
    post = draft.post
    folder = f"handbooks/{post.slug}"
    version = f"{folder}/{FIRST_VERSION}"
    post.output = f"{version}/{post.slug}.md"
    handbook = [
        ("Title", post.title),
        ("Tags", ", ".join(post.tags)),
        ("Topics", ", ".join(post.topics)),
        ("Summary", summary_of(plain(draft.lead))),
        ("Source", _provenance(post)),
    ]
    release = [("Date", post.date), ("Date_source", post.date_source)]
    return {
        f"{folder}/handbook.md": _compose(handbook, ""),
        f"{version}/version.md": _compose(release, f"Överförd från det gamla arkivet ({_provenance(post)}).\n"),
        post.output: _compose([("Title", post.title)], draft.body),
    }


def _compose(meta: list[tuple[str, str]], body: str) -> str:
    header = "\n".join(f"{key}: {value}" for key, value in meta if value not in ("", None))
    return f"{header}\n\n{body}"
