"""Build the real site with Pelican and inspect the output."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("output")
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-o", str(out), "-s", "pelicanconf.py", "--fatal", "errors", "-q"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _meta(path: Path) -> dict[str, str]:
    header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in header.splitlines())


def test_every_article_and_document_is_a_page(site):
    articles = sorted((ROOT / "content" / "articles").glob("*.md"))
    assert len(articles) >= 20
    for path in articles:
        meta = _meta(path)
        page = site / "artiklar" / meta["Slug"] / "index.html"
        assert page.exists(), path.name
        html = page.read_text(encoding="utf-8")
        assert f"<h1>{meta['Title'].replace('&', '&amp;')}</h1>" in html
        assert '<html lang="sv">' in html
    for path in (ROOT / "content" / "documents").glob("*.md"):
        meta = _meta(path)
        html = (site / meta["Save_as"]).read_text(encoding="utf-8")
        assert "<h2" in html and meta["Title"] in html


def test_estimated_dates_are_shown_as_estimates_in_swedish(site):
    for path in (ROOT / "content" / "articles").glob("*.md"):
        meta = _meta(path)
        html = (site / "artiklar" / meta["Slug"] / "index.html").read_text(encoding="utf-8")
        if meta["Date_source"] == "inferred":
            assert "uppskattat datum" in html and re.search(r"ca\. [a-zåäö]+ \d{4}", html)
        else:
            assert "uppskattat" not in html and re.search(r"\d{1,2} [a-zåäö]+ \d{4}", html)


def test_internal_links_resolve(site):
    broken = []
    for page in site.rglob("*.html"):
        for href in re.findall(r'href="(/[^"#?]*)', page.read_text(encoding="utf-8")):
            target = site / href.lstrip("/")
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{page.relative_to(site)} -> {href}")
    assert not broken, broken[:10]
