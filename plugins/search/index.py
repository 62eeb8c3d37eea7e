"""Building the Lunr indexes and the document store (pure: documents in, JSON out).

Two indexes, so that a large archive answers fast: a quick one over titles,
topics and tags that the page loads first, and the full one (titles, topics,
tags, summaries and bodies) that it loads right after and that gives the
final results. The store is split the same way: what a result line needs
(title, address, date, topics) in one file, excerpts in chunks fetched for
the results shown.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

import lunr.builder
from lunr.builder import Builder
from lunr.token import Token

from . import swedish
from .documents import SearchDocument

FIELDS = {"title": 10, "keywords": 5, "summary": 2, "body": 1}  # field → boost; keywords: topics and tags
QUICK_FIELDS = ("title", "keywords")
EXCERPT_CHUNK = 100  # documents per excerpt file


def ref_of(number: int) -> str:
    return f"d{number}"


def index_terms(text: str) -> list[str]:
    """The indexed terms of a text: what lunr's tokenizer and the Swedish pipeline would give.

    Done here with cached functions instead of lunr.py's per-character tokenizer and per-token
    pipeline, which took two thirds of a 1,000-article build. A test shows the index is the same.
    """
    return [term for term in map(swedish.index_term, swedish.LUNR_SEPARATOR.split(text)) if term]


def _ready_tokens(terms: list[str], metadata=None, separator=None) -> list[Token]:
    """lunr's Tokenizer for a field given as a list of ready terms.

    lunr's own deep-copies an empty metadata dict for every token: 1.8 million copies, a tenth of
    a 5,000-article build. Used only while our builder adds documents; a test compares the index
    with one lunr.py builds unaided.
    """
    return [Token(term.lower()) for term in terms]


def build_index(documents: list[SearchDocument], fields: tuple[str, ...] = tuple(FIELDS)):
    """A lunr.py Index over ``documents`` with the Swedish pipeline (``fields``: which to index)."""
    builder = Builder()
    builder.search_pipeline.add(*swedish.SEARCH_PIPELINE)  # what lunr.js runs on query terms
    # Short refs, because a URL would repeat in every posting; not bare numbers, because JavaScript
    # iterates number-like keys in numeric order and lunr.js would then break score ties
    # differently from lunr.py, which keeps the file's order.
    builder.ref("ref")
    for name in fields:
        builder.field(name, FIELDS[name])
    stock_tokenizer, lunr.builder.Tokenizer = lunr.builder.Tokenizer, _ready_tokens
    try:
        for number, doc in enumerate(documents):
            all_fields = {
                "title": doc.title,
                "keywords": " ".join([*doc.topics, *doc.tags]),
                "summary": doc.summary,
                "body": doc.body,
            }
            terms = {name: index_terms(all_fields[name]) for name in fields}
            builder.add({"ref": ref_of(number), **terms})  # the builder's own pipeline is empty
    finally:
        lunr.builder.Tokenizer = stock_tokenizer
    return builder.build()


def compact_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def digest(text: str) -> str:
    """A short content hash for file names, so browsers never mix an old index with new pages."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def iso_date(value: dt.date, _estimated: bool = False) -> str:
    return value.isoformat()


@dataclass
class SearchFiles:
    """The JSON texts the browser loads, by name; ``excerpts`` in order of chunk."""

    quick_index: str
    full_index: str
    store: str
    excerpts: list[str]


def serialize(documents: list[SearchDocument], date_text: Callable[[dt.date, bool], str] = iso_date) -> SearchFiles:
    """Everything the search page loads; ``date_text`` writes dates as the site shows them."""
    stored = [doc.stored(date_text) for doc in documents]
    store = {ref_of(n): {k: v for k, v in entry.items() if k != "excerpt"} for n, entry in enumerate(stored)}
    chunks = [
        {ref_of(n): stored[n]["excerpt"] for n in range(start, min(start + EXCERPT_CHUNK, len(stored)))}
        for start in range(0, len(stored), EXCERPT_CHUNK)
    ]
    return SearchFiles(
        quick_index=compact_json(build_index(documents, QUICK_FIELDS).serialize()),
        full_index=compact_json(build_index(documents).serialize()),
        store=compact_json(store),
        excerpts=[compact_json(chunk) for chunk in chunks],
    )


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
