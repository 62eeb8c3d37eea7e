"""The redirect rules: where a redirect page goes, and which links are rewritten."""

from __future__ import annotations

from pathlib import Path

from plugins.fixture_site import build_site
from plugins.redirects.redirects import legacy_path, redirect_save_as, rewrite_links

SETTINGS = {"PAGE_URL": "{slug}/", "PAGE_SAVE_AS": "{slug}/index.html", "LEGACY_HOSTS": ["old.example"]}

NEW = {"/blogg/2015/11/12/gammalt": "artiklar/nytt/"}


def test_old_paths_become_folders_or_files():
    assert legacy_path("http://old.example/blogg/2015/11/12/gammalt/") == "/blogg/2015/11/12/gammalt/"
    assert redirect_save_as("/blogg/2015/11/12/gammalt/") == "blogg/2015/11/12/gammalt/index.html"
    assert redirect_save_as("/blogg/gammal-sida.html") == "blogg/gammal-sida.html"
    assert redirect_save_as("/") == ""  # the old start page is not redirected over the new one


def test_links_to_the_old_blog_point_to_the_new_page():
    html = (
        '<a href="http://old.example/blogg/2015/11/12/gammalt/#del">läs</a> '
        '<a href="http://old.example/blogg/2015/11/12/gammalt">http://old.example/blogg/2015/11/12/gammalt</a> '
        '<a href="http://other.example/blogg/2015/11/12/gammalt/">annan värd</a> '
        '<a href="http://old.example/okand/">okänd</a>'
    )
    rewritten = rewrite_links(html, ["old.example"], {k.lower(): v for k, v in NEW.items()}, "https://ny.example")
    assert '<a href="https://ny.example/artiklar/nytt/#del">läs</a>' in rewritten
    assert ">https://ny.example/artiklar/nytt/</a>" in rewritten  # a bare old URL shows the new one
    assert 'href="http://other.example/blogg/2015/11/12/gammalt/"' in rewritten  # not the old blog
    assert 'href="http://old.example/okand/"' in rewritten  # no new page: left as it is


def _site(tmp_path: Path, legacy_urls: str) -> Path:
    content = tmp_path / "content"
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "om.md").write_text("Title: Om bloggen\nSlug: om\n\nText.\n", encoding="utf-8")
    (content / "nytt.md").write_text(
        f"Title: Nytt\nDate: 2024-01-02\nSlug: nytt\nLegacy_url: {legacy_urls}\n\nText.\n", encoding="utf-8"
    )
    return content


def test_the_old_start_page_gets_no_redirect_and_the_others_do(tmp_path):
    content = _site(tmp_path, "http://old.example/, http://old.example/blogg/2015/11/12/gammalt/")
    out = tmp_path / "output"
    result = build_site(content, out, ["redirects"], **SETTINGS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "nytt" in (out / "blogg/2015/11/12/gammalt/index.html").read_text("utf-8")
    assert "nytt" not in (out / "index.html").read_text("utf-8").split("<body", 1)[0]  # no refresh to it


def test_an_old_address_that_is_a_page_of_the_new_site_fails_the_build_naming_the_file(tmp_path):
    content = _site(tmp_path, "http://old.example/om/")
    result = build_site(content, tmp_path / "output", ["redirects"], **SETTINGS)
    assert result.returncode != 0
    output = " ".join((result.stdout + result.stderr).split())
    assert "nytt.md: den gamla adressen http://old.example/om/ är samma som en sida på den nya webbplatsen" in output
