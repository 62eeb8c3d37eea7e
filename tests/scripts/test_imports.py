"""WordPress exports (WXR) and saved HTML pages: every item accounted for, fields as given,
clean Markdown, the same guarantees as text dumps, and old addresses that keep working."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build_and_serve, copy_of_content, run_migrate

FIXTURES = ROOT / "tests" / "fixtures"
WXR = FIXTURES / "wxr" / "blogg.xml"
SAVED = FIXTURES / "saved_html"
TOPICS = ROOT / "content" / "topics"


def _meta(path: Path) -> dict[str, str]:
    header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in header.splitlines())


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("imported")
    result = run_migrate("--out", out, "--topics", TOPICS, WXR, SAVED / "inlagg.html", SAVED / "listning.html")
    assert result.returncode == 0, result.stderr
    return out


def _plan(out: Path) -> dict:
    return yaml.safe_load((out / "migration-plan.yaml").read_text(encoding="utf-8"))


def test_every_wxr_item_is_accounted_for_in_the_plan(imported):
    items = len(re.findall(r"<item>", WXR.read_text("utf-8")))
    entries = [e for e in _plan(imported)["imports"] if e["file"] == WXR.name]
    assert len(entries) == items
    kinds = {e["title"]: e["kind"] for e in entries}
    assert kinds == {
        "Cykelbanor året runt – så gör vi": "article",
        "Vinterns första snö": "article",
        "Om bloggen": "page",
        "Halvfärdigt om sandning": "draft",
        "plog": "attachment",
        "Meny": "skipped",
    }
    attachment = next(e for e in entries if e["kind"] == "attachment")
    assert attachment["attachment_url"].endswith("/plog.jpg")
    assert "nav_menu_item" in next(e for e in entries if e["kind"] == "skipped")["reason"]


def test_posts_keep_title_date_slug_categories_and_tags_as_exported(imported):
    post = _meta(imported / "articles" / "cykelbanor-aret-runt.md")
    assert post["Title"] == "Cykelbanor året runt – så gör vi"
    assert post["Date"] == "2016-02-03 10:15"  # wp:post_date (local), not pubDate (UTC)
    assert post["Tags"] == "Cykel, Snöröjning" and post["Category"] == "Trafik"
    entry = next(e for e in _plan(imported)["imports"] if e.get("slug") == "cykelbanor-aret-runt")
    assert entry["other_categories"] == ["Vinter"]
    snow = _meta(imported / "articles" / "vinterns-forsta-sno.md")  # percent-encoded å/ö in wp:post_name
    assert snow["Slug"] == "vinterns-forsta-sno" and snow["Date"] == "2015-12-01 07:30"


def test_pages_become_pages_and_drafts_stay_unpublished(imported):
    assert _meta(imported / "pages" / "om-testbloggen.md")["Title"] == "Om bloggen"
    draft = _meta(imported / "drafts" / "halvfardigt-om-sandning.md")
    assert draft["Status"] == "draft"
    assert not (imported / "articles" / "halvfardigt-om-sandning.md").exists()


def test_html_becomes_clean_markdown(imported):
    text = (imported / "articles" / "cykelbanor-aret-runt.md").read_text("utf-8")
    assert "Vi röjer **cykelbanorna** först när det snöar.  \nDet gäller hela kommunen." in text  # line break
    assert "## Så prioriterar vi" in text
    assert "- Huvudstråk\n  - Till skolor\n  - Till arbetsplatser\n- Övriga banor" in text  # nested list
    assert "| Stråk | Timmar |\n| --- | --- |\n| Huvudstråk | 4 |" in text  # table
    assert "![En plog på en cykelbana](" in text  # image keeps its alt text
    assert "<" not in text.split("\n\n", 1)[1]  # no HTML left


def test_saved_html_pages_single_post_and_listing(imported):
    post = _meta(imported / "articles" / "nya-oppettider.md")
    assert post["Title"] == "Nya öppettider på servicecenter" and post["Date"] == "2016-03-14 08:05"
    assert post["Tags"] == "Öppettider, Servicecenter" and post["Category"] == "Service"
    assert post["Legacy_url"].endswith("/2016/03/14/nya-oppettider/")
    body = (imported / "articles" / "nya-oppettider.md").read_text("utf-8")
    assert "var tracking" not in body and "Inga kommentarer" not in body and "Testbloggen" not in body
    listing = [e for e in _plan(imported)["imports"] if e["file"] == "listning.html" and e["kind"] == "article"]
    assert [e["title"] for e in listing] == ["Medborgardialog i höst", "Ny e-tjänst för bygglov"]
    assert _meta(imported / "articles" / "ny-e-tjanst.md")["Date"] == "2015-09-20"  # from the address


@pytest.mark.parametrize("page", ["inlagg.html", "listning.html"])
def test_every_text_of_a_saved_page_is_in_an_output_file_or_listed_as_left_out(imported, page):
    from bs4 import BeautifulSoup, NavigableString

    entries = [e for e in _plan(imported)["imports"] if e["file"] == page]
    written = " ".join((imported / e["output"]).read_text("utf-8") for e in entries if e.get("output"))
    written_words = " " + " ".join(re.findall(r"\w+", written.lower())) + " "
    left_out = [line for e in entries for line in e.get("left_out", [])]
    soup = BeautifulSoup((SAVED / page).read_text("utf-8"), "html.parser")
    texts = [
        " ".join(s.split())
        for s in soup.body.find_all(string=True)
        if type(s) is NavigableString and re.search(r"\w", s) and not s.find_parent(["script", "style"])
    ]
    assert texts
    for text in texts:
        words = " ".join(re.findall(r"\w+", text.lower()))
        assert f" {words} " in written_words or any(line.endswith(f": {text}") for line in left_out), text
    if page == "inlagg.html":  # the site's chrome and the comments are recorded, not silently dropped
        assert {"rad 10: Testbloggen", "rad 28: Inga kommentarer"} <= set(left_out)


def test_a_second_run_writes_nothing_and_editor_changes_are_kept(imported):
    edited = imported / "articles" / "vinterns-forsta-sno.md"
    edited.write_text(edited.read_text("utf-8") + "\nRedaktörens tillägg.\n", encoding="utf-8")
    again = run_migrate("--out", imported, "--topics", TOPICS, WXR, SAVED / "inlagg.html", SAVED / "listning.html")
    assert again.returncode == 0
    assert "(0 skrivna" in again.stdout
    assert "Redaktörens tillägg." in edited.read_text("utf-8")


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("avkortad.xml", lambda text: text[: len(text) // 2], r"avkortad\.xml:\d+: XML-filen är trasig eller avkortad"),
        ("trasig.xml", lambda text: text.replace("</title>", "", 1), r"trasig\.xml:\d+: XML-filen är trasig"),
        ("annan.xml", lambda text: "<?xml version='1.0'?><rss><channel/></rss>", r"annan\.xml:1: .*ingen WordPress"),
        ("tom.html", lambda text: (SAVED / "ingen-post.html").read_text("utf-8"), r"tom\.html: sidan innehåller inget"),
        ("datum.xml", lambda text: text.replace("2016-02-03", "2016-02-30", 1), r"datum\.xml:\d+: .*02-30.*finns"),
    ],
)  # fmt: skip
def test_bad_input_is_named_exits_2_and_writes_nothing(tmp_path, name, make, expected):
    bad = tmp_path / name
    bad.write_text(make(WXR.read_text("utf-8")), encoding="utf-8")
    out = tmp_path / "out"
    result = run_migrate("--out", out, "--topics", TOPICS, WXR, bad)
    assert result.returncode == 2
    assert re.search(expected, result.stderr), result.stderr
    assert not out.exists()


def test_a_published_post_without_a_title_takes_one_from_its_text_and_says_so(tmp_path):
    """WordPress lets a post go out untitled; the site needs a title, so its first words stand in."""
    export = WXR.read_text("utf-8")
    first_title = re.search(r"<item>\s*<title>([^<]*)</title>", export)
    untitled = tmp_path / "utan-rubrik.xml"
    untitled.write_text(export[: first_title.start(1)] + export[first_title.end(1) :], encoding="utf-8")
    out = tmp_path / "out"
    result = run_migrate("--out", out, "--topics", TOPICS, untitled)
    assert result.returncode == 0, result.stderr
    plan = yaml.safe_load((out / "migration-plan.yaml").read_text("utf-8"))
    (entry,) = [e for e in plan["imports"] if e.get("title_note")]
    assert entry["title"] and "ingen rubrik" in entry["title_note"]
    assert f"Title: {entry['title']}" in (out / entry["output"]).read_text("utf-8")


def test_old_addresses_redirect_and_old_links_are_rewritten(tmp_path, browser):
    content = copy_of_content(tmp_path)
    result = run_migrate("--out", content, "--topics", TOPICS, ROOT / "legacy", WXR)
    assert result.returncode == 0, result.stderr
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom publishconf import *\n"
        f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        "LEGACY_HOSTS = [*LEGACY_HOSTS, 'blogg.example.se']  # the fixture export's old blog\n",
        encoding="utf-8",
    )
    served = build_and_serve(content, tmp_path / "output", settings=settings)
    site = next(served)
    try:
        page = site.root / "testbloggen/2016/02/03/cykelbanor-aret-runt/index.html"
        assert page.is_file()
        html = page.read_text("utf-8")
        target = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html).group(1)
        assert target == f"{site.url}/artiklar/cykelbanor-aret-runt/"
        assert f'<link rel="canonical" href="{target}">' in html and f'<a href="{target}">' in html
        browser_page = browser.new_page()
        browser_page.goto(f"{site.url}/testbloggen/2016/02/03/cykelbanor-aret-runt/")
        browser_page.wait_for_url(target)
        browser_page.close()
        article = (site.root / "artiklar/cykelbanor-aret-runt/index.html").read_text("utf-8")
        assert f'href="{site.url}/artiklar/vinterns-forsta-sno/"' in article  # old link rewritten
        assert "blogg.example.se/testbloggen/2015" not in article
        assert not (site.root / "artiklar" / "halvfardigt-om-sandning").exists()  # drafts are not built
        nginx = (site.root / "redirects" / "nginx.conf").read_text("utf-8")
        assert "cykelbanor\\-aret\\-runt/?$ " + target in nginx
    finally:
        next(served, None)


def _wxr_from_archive(path: Path) -> list[dict[str, str]]:
    """A WordPress export of the archive's own posts, as the old blog would have produced it."""
    import html
    from xml.sax.saxutils import escape

    import markdown

    posts = []
    items = []
    for number, article in enumerate(sorted((ROOT / "content" / "articles").glob("*.md")), 1):
        meta = _meta(article)
        body = markdown.markdown(article.read_text("utf-8").split("\n\n", 1)[1], extensions=["extra"])
        tags = [t.strip() for t in meta.get("Tags", "").split(",") if t.strip()]
        posts.append({"title": meta["Title"], "date": meta["Date"], "slug": meta["Slug"], "tags": tags})
        categories = "".join(
            f'<category domain="post_tag" nicename="t{i}"><![CDATA[{tag}]]></category>' for i, tag in enumerate(tags)
        )
        items.append(
            f"<item><title>{escape(html.escape(meta['Title'], quote=False))}</title>"
            f"<link>https://blogg.example.se/gammal/{meta['Date'].replace('-', '/')}/{meta['Slug']}/</link>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded>"
            f"<wp:post_id>{number}</wp:post_id><wp:post_date><![CDATA[{meta['Date']} 12:00:00]]></wp:post_date>"
            f"<wp:post_name><![CDATA[{meta['Slug']}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>"
            f"<wp:post_type><![CDATA[post]]></wp:post_type>{categories}</item>"
        )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">'
        f"<channel><title>Arkivet</title>{''.join(items)}</channel></rss>",
        encoding="utf-8",
    )
    return posts


@pytest.mark.parametrize("with_text_dumps", [False, True], ids=["export-alone", "export-with-text-dumps"])
def test_an_export_of_the_archive_imports_with_every_title_date_slug_and_tag(tmp_path, with_text_dumps):
    export = tmp_path / "arkivet.xml"
    posts = _wxr_from_archive(export)
    out = tmp_path / "out"
    sources = [ROOT / "legacy", export] if with_text_dumps else [export]
    result = run_migrate("--out", out, "--topics", TOPICS, *sources)
    assert result.returncode == 0, result.stderr
    assert len(list((out / "articles").glob("*.md"))) == len(posts)  # the dumps' copies give way
    for post in posts:
        meta = _meta(out / "articles" / f"{post['slug']}.md")
        assert meta["Title"] == post["title"]
        assert meta["Date"] == f"{post['date']} 12:00" and meta["Slug"] == post["slug"]
        assert [t.strip() for t in meta.get("Tags", "").split(",") if t.strip()] == post["tags"]
