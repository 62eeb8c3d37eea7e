"""The search plugin on a fixture site: files with content hashes, scripts copied, clear set-up error."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

from lunr.index import Index

from plugins.fixture_site import build_site
from plugins.search.index import search

SITE = Path(__file__).parent / "site" / "content"
NODE_MODULES = Path(__file__).resolve().parents[3] / "node_modules"


def _build(content: Path, out: Path, **settings):
    return build_site(content, out, ["search"], SEARCH_NODE_MODULES=str(NODE_MODULES), **settings)


def _data_files(out: Path) -> dict[str, Path]:
    page = (out / "sok" / "index.html").read_text(encoding="utf-8")
    names = re.findall(r'(?:data-quick|data-index|data-store|src)="/?(sok/data/[^"]+)"', page)
    names += [
        url.lstrip("/") for url in json.loads(html.unescape(re.search(r'data-excerpts="([^"]+)"', page).group(1)))
    ]
    return {re.sub(r"\.[0-9a-f]{10}\.", ".", Path(n).name): out / n for n in names}


def test_the_search_page_links_hashed_index_store_and_scripts(tmp_path):
    result = _build(SITE, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    files = _data_files(tmp_path / "out")
    expected = {"index-snabb.json", "index.json", "store.json", "utdrag-0.json"}
    assert set(files) == expected | {"lunr.js", "lunr-stemmer-support.js", "lunr-sv.js", "search.js"}
    assert all(path.is_file() for path in files.values())
    assert (files["lunr.js"]).read_bytes() == (NODE_MODULES / "lunr" / "lunr.min.js").read_bytes()
    index = Index.load(json.loads(files["index.json"].read_text("utf-8")))
    store = json.loads(files["store.json"].read_text("utf-8"))
    titles = [store[ref]["title"] for ref in search(index, "cykelbana")]
    assert titles == ["Nya cykelbanor i Örebro", "Parkerna på sommaren"]  # the title match first


def test_changed_content_gives_new_file_names(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITE, content)
    assert _build(content, tmp_path / "before").returncode == 0
    (content / "parker.md").write_text("Title: Parker\nDate: 2024-06-01\n\nNy text.\n", encoding="utf-8")
    assert _build(content, tmp_path / "after").returncode == 0
    before, after = _data_files(tmp_path / "before"), _data_files(tmp_path / "after")
    assert before["index.json"].name != after["index.json"].name
    assert before["store.json"].name != after["store.json"].name
    assert before["lunr.js"].name == after["lunr.js"].name  # unchanged files keep their names (cache)


def test_missing_browser_scripts_say_how_to_set_up(tmp_path):
    result = build_site(SITE, tmp_path / "out", ["search"], SEARCH_NODE_MODULES=str(tmp_path / "nowhere"))
    assert result.returncode != 0
    assert "Kör 'bash scripts/setup.sh' (npm ci) först" in result.stdout + result.stderr


def test_the_index_comes_from_the_cache_until_the_content_changes(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITE, content)
    cache = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path / "cache")}
    assert _build(content, tmp_path / "first", **cache).returncode == 0
    assert len(list((tmp_path / "cache" / "search").glob("*.pickle"))) == 1
    assert _build(content, tmp_path / "again", **cache).returncode == 0
    assert _data_files(tmp_path / "again")["index.json"].name == _data_files(tmp_path / "first")["index.json"].name
    (content / "parker.md").write_text("Title: Parker\nDate: 2024-06-01\n\nNy text om dammar.\n", encoding="utf-8")
    assert _build(content, tmp_path / "changed", **cache).returncode == 0
    changed = _data_files(tmp_path / "changed")["index.json"]
    assert changed.name != _data_files(tmp_path / "first")["index.json"].name
    assert "dam" in changed.read_text("utf-8")  # the new word is in the index
