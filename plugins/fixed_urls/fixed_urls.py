"""Each article's and page's URL, computed once instead of on every use.

Pelican formats ``Content.url`` from the settings and metadata each time a
template asks for it; listings, tag pages, neighbours and related posts ask
about 20 times per article, which made URL formatting a sixth of a cached
5,000-article build. Once every generator has read its content (slug, date
and category are final), the URL is fixed through Pelican's own
``override_url`` attribute, the same one a ``URL:`` metadata field sets.
``save_as`` is left alone: Pelican treats an ``override_save_as`` as leave to
overwrite another file, and we want a clash of output paths to stay an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pelican import signals
from pelican.contents import Content


def fix_urls(contents: Iterable[Content]) -> int:
    """Freeze the URL of every item in ``contents``; returns how many were fixed."""
    fixed = 0
    for content in contents:
        if not hasattr(content, "override_url"):
            content.override_url = content.url
            fixed += 1
    return fixed


def _contents_of(generators: Iterable[object]) -> Iterator[Content]:
    """Articles, pages, drafts and their translations from Pelican's generators."""
    lists = (
        "articles",
        "translations",
        "drafts",
        "drafts_translations",
        "hidden_articles",
        "hidden_translations",
        "pages",
        "hidden_pages",
        "draft_pages",
    )
    for generator in generators:
        for name in lists:
            yield from getattr(generator, name, ())


def on_all_generators_finalized(generators: list[object]) -> None:
    fix_urls(_contents_of(generators))


def register() -> None:
    signals.all_generators_finalized.connect(on_all_generators_finalized)
