"""The redirect rules: where a redirect page goes, and which links are rewritten."""

from __future__ import annotations

from plugins.redirects.redirects import legacy_path, redirect_save_as, rewrite_links

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
