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


def index_terms(text: str) -> list[str]:
    """The indexed terms of a text: what lunr's tokenizer and the Swedish pipeline would give.

    Done here with cached functions instead of lunr.py's per-character tokenizer and per-token
    pipeline, which took two thirds of a 1,000-article build. A test shows the index is the same.
    """
    return [term for term in map(swedish.index_term, swedish.LUNR_SEPARATOR.split(text)) if term]


def build_index(documents: list[SearchDocument]):
    """A lunr.py Index over ``documents`` with the Swedish pipeline."""
    builder = Builder()
    builder.search_pipeline.add(*swedish.SEARCH_PIPELINE)  # what lunr.js runs on query terms
    # Short refs, because a URL would repeat in every posting; not bare numbers, because JavaScript
    # iterates number-like keys in numeric order and lunr.js would then break score ties
    # differently from lunr.py, which keeps the file's order.
    builder.ref("ref")
    for name, boost in FIELDS.items():
        builder.field(name, boost)
    for number, doc in enumerate(documents):
        fields = {
            "title": doc.title,
            "keywords": " ".join([*doc.topics, *doc.tags]),
            "summary": doc.summary,
            "body": doc.body,
        }
        # A list is taken by lunr's tokenizer as ready tokens; the builder's pipeline is empty.
        builder.add({"ref": ref_of(number), **{name: index_terms(text) for name, text in fields.items()}})
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
