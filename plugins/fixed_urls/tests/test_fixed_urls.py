"""fixed_urls: the URL is computed once, is the one Pelican would compute, and the site is unchanged."""

from __future__ import annotations

from pathlib import Path

from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import SafeDatetime

from plugins.fixed_urls.fixed_urls import fix_urls
from plugins.fixture_site import build_site


def _article(slug: str, **metadata: str) -> Article:
    settings = {**DEFAULT_CONFIG, "ARTICLE_URL": "{date:%Y}/{slug}/", "ARTICLE_SAVE_AS": "{date:%Y}/{slug}/index.html"}
    return Article("<p>x</p>", {"title": slug, "slug": slug, "date": SafeDatetime(2015, 3, 1), **metadata}, settings)


def test_the_fixed_url_is_pelicans_and_no_longer_recomputed():
    article = _article("servicecenter")
    assert fix_urls([article]) == 1
    assert article.url == "2015/servicecenter/"
    article.slug = "annat"  # computed once: later changes to the fields no longer reach the URL
    assert article.url == "2015/servicecenter/"
    assert article.save_as == "2015/annat/index.html"  # save_as is still Pelican's own


def test_an_editors_url_metadata_is_kept():
    article = _article("x", url="gammal/adress/")
    assert fix_urls([article]) == 0
    assert article.url == "gammal/adress/"


def _build(tmp_path: Path, plugins: list[str]) -> dict[str, str]:
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True, exist_ok=True)
    for number in range(3):
        (content / f"inlagg-{number}.md").write_text(
            f"Title: Inlägg {number}\nDate: 2024-01-0{number + 1}\nTags: a, b\nCategory: Blogg\n\nText {number}.\n",
            "utf-8",
        )
    (content / "pages" / "om.md").write_text("Title: Om\n\nOm bloggen.\n", "utf-8")
    out = tmp_path / f"out-{len(plugins)}"
    urls = {"ARTICLE_URL": "{date:%Y}/{slug}/", "ARTICLE_SAVE_AS": "{date:%Y}/{slug}/index.html"}
    result = build_site(content, out, plugins, **urls)
    assert result.returncode == 0, result.stdout + result.stderr
    return {str(p.relative_to(out)): p.read_text("utf-8") for p in sorted(out.rglob("*.html"))}


def test_a_site_is_byte_identical_with_and_without_the_plugin(tmp_path):
    without = _build(tmp_path, [])
    with_plugin = _build(tmp_path, ["fixed_urls"])
    assert "2024/inlagg-0/index.html" in without
    assert with_plugin == without
