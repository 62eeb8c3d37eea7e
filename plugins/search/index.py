"""Building the Lunr index and the document store (pure: documents in, JSON out)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable

from lunr.builder import Builder

from . import swedish
from .documents import SearchDocument

FIELDS = {"title": 10, "keywords": 5, "summary": 2, "body": 1}  # field → boost; keywords: topics and tags


def ref_of(number: int) -> str:
    return f"d{number}"


def build_index(documents: list[SearchDocument]):
    """A lunr.py Index over ``documents`` with the Swedish pipeline."""
    builder = Builder()
    builder.pipeline.add(*swedish.INDEX_PIPELINE)
    builder.search_pipeline.add(*swedish.SEARCH_PIPELINE)
    # Short refs, because a URL would repeat in every posting; not bare numbers, because JavaScript
    # iterates number-like keys in numeric order and lunr.js would then break score ties
    # differently from lunr.py, which keeps the file's order.
    builder.ref("ref")
    for name, boost in FIELDS.items():
        builder.field(name, boost)
    for number, doc in enumerate(documents):
        builder.add(
            {
                "ref": ref_of(number),
                "title": doc.title,
                "keywords": " ".join([*doc.topics, *doc.tags]),
                "summary": doc.summary,
                "body": doc.body,
            }
        )
    return builder.build()


def compact_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def digest(text: str) -> str:
    """A short content hash for file names, so browsers never mix an old index with new pages."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def iso_date(value: dt.date, _estimated: bool = False) -> str:
    return value.isoformat()


def serialize(documents: list[SearchDocument], date_text: Callable[[dt.date, bool], str] = iso_date) -> tuple[str, str]:
    """(index JSON, store JSON); ``date_text`` writes dates as the site shows them."""
    index = build_index(documents)
    store = {ref_of(number): doc.stored(date_text) for number, doc in enumerate(documents)}
    return compact_json(index.serialize()), compact_json(store)


def search(index, text: str) -> list[str]:
    """The refs (document numbers) a reader gets for ``text``, best first: the same rules as search.js."""
    from lunr.query import Query, QueryPresence

    clauses = swedish.query_clauses(text)
    if not clauses:
        return []

    def build(query: Query) -> None:
        for clause in clauses:
            query.term(
                clause.term,
                use_pipeline=not clause.prefix,
                wildcard=Query.WILDCARD_TRAILING if clause.prefix else Query.WILDCARD_NONE,
                presence=QueryPresence.REQUIRED,
            )

    return [result["ref"] for result in index.query(callback=build)]
