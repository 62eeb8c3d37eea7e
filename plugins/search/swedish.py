"""The Swedish text pipeline, the same in Python (index, tests) and in the browser (lunr.js).

lunr.py's own ``languages=`` support downloads NLTK data at run time, which
cannot work offline. This pipeline uses snowballstemmer and a stop-word list
shipped with the plugin, and registers its functions under the labels
lunr-languages uses ("stemmer-sv", "stopWordFilter-sv", "trimmer-sv"), so
lunr.js with lunr.sv loads the serialized index. One addition, "fold-sv",
folds diacritics after stemming so that "orebro" finds "Örebro"; search.js
registers the same function under the same label.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import snowballstemmer
from lunr.pipeline import Pipeline

STOP_WORDS_FILE = Path(__file__).parent / "stoppord-sv.txt"
# lunr.sv.wordCharacters (Latin letters, å ä ö é …) plus digits, so years stay searchable.
WORD_CHARACTERS = (
    "0-9A-Za-z\xaa\xba\xc0-\xd6\xd8-\xf6\xf8-\u02b8\u02e0-\u02e4\u1d00-\u1d25\u1d2c-\u1d5c\u1d62-\u1d65"
    "\u1d6b-\u1d77\u1d79-\u1dbe\u1e00-\u1eff\u2071\u207f\u2090-\u209c\u212a\u212b\u2132\u214e\u2160-\u2188"
    "\u2c60-\u2c7f\ua722-\ua787\ua78b-\ua7ad\ua7b0-\ua7b7\ua7f7-\ua7ff\uab30-\uab5a\uab5c-\uab64\ufb00-\ufb06"
    "\uff21-\uff3a\uff41-\uff5a"
)
_LEADING = re.compile(f"^[^{WORD_CHARACTERS}]+")
_TRAILING = re.compile(f"[^{WORD_CHARACTERS}]+$")
_SEPARATOR = re.compile(r"[\s\-]+")  # lunr.js's query separator
LUNR_SEPARATOR = re.compile("[ \t\n\r\f\v\xa0-]+")  # lunr.py's tokenizer (lunr.tokenizer.SEPARATOR_CHARS)
MAX_QUERY_WORDS = 12
MAX_WORD_CHARS = 60
MIN_PREFIX_CHARS = 3


@cache
def stop_words() -> frozenset[str]:
    lines = STOP_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


_stemmer = snowballstemmer.stemmer("swedish")


def trim(word: str) -> str:
    return _TRAILING.sub("", _LEADING.sub("", word))


@cache  # an archive repeats its words: 5,000 articles have ~2 million tokens but ~60,000 words
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


@cache
def fold(word: str) -> str:
    """'örebro' → 'orebro': drop the marks (category M) after canonical decomposition.

    search.js does the same with ``normalize("NFD").replace(/\\p{M}/gu, "")``.
    """
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.category(c).startswith("M"))


def _trimmer(token, _i=None, _tokens=None):
    return token.update(lambda s, _m: trim(s))


def _stop_word_filter(token, _i=None, _tokens=None):
    return None if str(token) in stop_words() else token


def _stemmer_fn(token, _i=None, _tokens=None):
    return token.update(lambda s, _m: stem(s))


def _fold_fn(token, _i=None, _tokens=None):
    return token.update(lambda s, _m: fold(s))


for _fn, _label in [
    (_trimmer, "trimmer-sv"),
    (_stop_word_filter, "stopWordFilter-sv"),
    (_stemmer_fn, "stemmer-sv"),
    (_fold_fn, "fold-sv"),
]:
    Pipeline.register_function(_fn, _label)

INDEX_PIPELINE = (_trimmer, _stop_word_filter, _stemmer_fn, _fold_fn)
SEARCH_PIPELINE = (_stemmer_fn, _fold_fn)  # what lunr.js runs on query terms after loading


@cache
def index_term(word: str) -> str:
    """The indexed form of one word (after lowercasing); "" for a stop word or no letters."""
    word = trim(word.lower())
    return "" if not word or word in stop_words() else fold(stem(word))


@dataclass(frozen=True)
class Clause:
    term: str
    prefix: bool  # True: term is already indexed form, match as a prefix (the word being typed)


def query_clauses(text: str) -> list[Clause]:
    """What a reader typed → required clauses: every word must match, the last as a prefix.

    search.js implements the same rules; tests run both over the same queries.
    """
    words = [trim(w)[:MAX_WORD_CHARS] for w in _SEPARATOR.split(text.lower())]
    words = [w for w in words if w][:MAX_QUERY_WORDS]
    clauses = []
    for position, word in enumerate(words):
        last = position == len(words) - 1
        if last and len(word) >= MIN_PREFIX_CHARS:
            clauses.append(Clause(fold(stem(word)), prefix=True))
        elif word not in stop_words() or (last and len(clauses) == 0):
            clauses.append(Clause(word, prefix=False))
    return clauses
