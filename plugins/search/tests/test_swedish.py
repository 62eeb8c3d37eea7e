"""The Swedish pipeline: equal to lunr-languages where it must be, and the query rules."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from plugins.search import swedish

REPO = Path(__file__).resolve().parents[3]
LUNR_SV = REPO / "node_modules" / "lunr-languages" / "lunr.sv.js"


def test_the_shipped_stop_words_are_exactly_lunr_languages_swedish_ones():
    listed = re.search(r"generateStopWordFilter\('([^']+)'", LUNR_SV.read_text(encoding="utf-8")).group(1)
    assert swedish.stop_words() == frozenset(listed.split())


def _archive_words() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "legacy").glob("*.txt")))
    return sorted({swedish.trim(w.lower()) for w in re.split(r"[\s\-]+", text)} - {""})


def test_python_stems_every_archive_word_as_the_browser_does():
    """snowballstemmer (index) and lunr-languages (browser) must agree, or searches miss."""
    words = _archive_words()
    assert len(words) > 2000
    script = (
        "const lunr=require('lunr');require('lunr-languages/lunr.stemmer.support')(lunr);"
        "require('lunr-languages/lunr.sv')(lunr);const w=JSON.parse(require('fs').readFileSync(0,'utf8'));"
        "process.stdout.write(JSON.stringify(w.map(x=>lunr.sv.stemmer(new lunr.Token(x)).toString())))"
    )
    result = subprocess.run(["node", "-e", script], input=json.dumps(words), capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    browser = json.loads(result.stdout)
    different = [(w, swedish.stem(w), b) for w, b in zip(words, browser, strict=True) if swedish.stem(w) != b]
    assert different == []


def test_trimming_keeps_swedish_letters_and_digits():
    assert swedish.trim("”Örebro!”") == "Örebro"
    assert swedish.trim("(2015)") == "2015"
    assert swedish.trim("café.") == "café"
    assert swedish.trim("***") == ""


def test_folding_makes_words_without_diacritics_equal():
    assert swedish.fold("örebro") == "orebro" == swedish.fold("orebro")
    assert swedish.fold("åäöé") == "aaoe"


def test_inflected_forms_meet_in_the_index():
    assert swedish.index_term("kvalitetshandboken") == swedish.index_term("kvalitetshandbok")
    assert swedish.index_term("investeringar") == swedish.index_term("investering")
    assert swedish.index_term("och") == ""  # a stop word is not indexed


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("öppna data", [("öppna", False), ("dat", True)]),  # whole words go through the pipeline later
        ("nostalgi", [("nostalgi", True)]),
        ("och", [("och", True)]),
        ("i", [("i", False)]),
        ("vad är ett servicecenter", [("servicecent", True)]),
        ('"*:~^+-', []),
        ("", []),
    ],
)
def test_query_clauses(query, expected):
    got = [(c.term, c.prefix) for c in swedish.query_clauses(query)]
    assert got == expected


def test_a_very_long_query_is_cut_to_a_bounded_number_of_words():
    clauses = swedish.query_clauses("ord " * 5000 + "x" * 10_000)
    assert len(clauses) <= swedish.MAX_QUERY_WORDS
    assert all(len(c.term) <= swedish.MAX_WORD_CHARS for c in clauses)


def test_the_fast_index_is_the_index_lunr_py_would_build(tmp_path):
    """index_terms replaces lunr.py's tokenizer and pipeline for speed; the result must not change."""
    from lunr.builder import Builder

    from plugins.search.documents import SearchDocument
    from plugins.search.index import FIELDS, build_index, ref_of

    texts = [p.read_text("utf-8") for p in sorted((REPO / "content" / "articles").glob("*.md"))[:8]]
    docs = [SearchDocument(f"u{n}/", "artikel", t.split("\n", 1)[0], t, summary=t[:200], tags=["Öl-test"])
            for n, t in enumerate(texts)]  # fmt: skip

    def drop_empty(token, *_):  # the one deliberate difference: a word that trims to "" is no term
        return token if str(token) else None

    reference = Builder()
    trimmer, *rest = swedish.INDEX_PIPELINE
    reference.pipeline.add(trimmer, drop_empty, *rest)
    reference.search_pipeline.add(*swedish.SEARCH_PIPELINE)
    reference.ref("ref")
    for name, boost in FIELDS.items():
        reference.field(name, boost)
    for number, doc in enumerate(docs):
        reference.add({"ref": ref_of(number), "title": doc.title, "keywords": " ".join([*doc.topics, *doc.tags]),
                       "summary": doc.summary, "body": doc.body})  # fmt: skip
    assert build_index(docs).serialize() == reference.build().serialize()
