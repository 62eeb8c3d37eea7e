"""WordPress exports (WXR) and saved HTML pages: every item accounted for, fields as given,
clean Markdown, the same guarantees as text dumps, and old addresses that keep working."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build_and_serve, copy_of_content, run_migrate

FIXTURES = ROOT / "tests" / "fixtures"
WXR = FIXTURES / "wxr" / "blogg.xml"
SAVED = FIXTURES / "saved_html"
TOPICS = ROOT / "content" / "topics"
WP = "http://wordpress.org/export/1.2/"


def _without_post_dates(export: str) -> str:
    """The export without its first item's wp:post_date and wp:post_date_gmt."""
    return re.sub(r"\s*<wp:post_date(_gmt)?>.*", "", export, count=2)


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


def test_the_run_reports_what_an_export_gave_in_swedish_counts(tmp_path):
    """The editors read the run's report: "1 sida", not "1 sidor"."""
    result = run_migrate("--out", tmp_path / "out", "--topics", TOPICS, WXR)
    assert result.returncode == 0, result.stderr
    assert "importerat: 2 artiklar, 1 sida, 1 utkast, 1 bilaga, 1 hoppades över →" in result.stdout


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
    assert post["Tags"] == "Cykel, Snöröjning" and post["Category"] == "Trafik"  # its post format is neither
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
        ("kommentar.xml", lambda text: f"<?xml version='1.0'?><!-- {WP} --><rss><channel/></rss>",
         r"kommentar\.xml:1: .*namnrymden wp saknas"),
        ("utan-kanal.xml", lambda text: f"<?xml version='1.0'?><rss xmlns:wp='{WP}'/>",
         r"utan-kanal\.xml:1: .*<rss><channel> saknas"),
        ("tom.xml", lambda text: f"<rss xmlns:wp='{WP}'><channel><title>B</title></channel></rss>",
         r"tom\.xml:1: .*inga inlägg"),
        ("utan-datum.xml", lambda text: _without_post_dates(text.replace("2016 09:15:00 +0000", "i fjol")),
         r"utan-datum\.xml:13: 'Cykelbanor året runt – så gör vi' är publicerad men saknar wp:post_date"),
        ("utan-titel.xml", lambda text: _without_post_dates(text.replace("2016 09:15:00 +0000", "i fjol")).replace(
            "<title>Cykelbanor året runt – så gör vi</title>", "<title></title>"),
         r"utan-titel\.xml:13: ett inlägg utan titel är publicerat men saknar wp:post_date"),
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


def _wxr_from_archive(path: Path, address: Callable[[str], str] = str) -> list[dict[str, str]]:
    """A WordPress export of the archive's own posts, as the old blog would have produced it; ``address``
    makes each post's WordPress slug from the migrated one."""
    import html
    from xml.sax.saxutils import escape

    import markdown

    posts = []
    items = []
    for number, article in enumerate(sorted((ROOT / "content" / "articles").glob("*.md")), 1):
        meta = _meta(article)
        body = markdown.markdown(article.read_text("utf-8").split("\n\n", 1)[1], extensions=["extra"])
        tags = [t.strip() for t in meta.get("Tags", "").split(",") if t.strip()]
        meta["Slug"] = address(meta["Slug"])
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


@pytest.mark.parametrize(
    "with_text_dumps, address",
    [(False, str), (True, str), (True, lambda slug: slug.rsplit("-", 1)[0])],  # WordPress's slug a word shorter
    ids=["export-alone", "export-with-text-dumps", "export-with-text-dumps-at-other-addresses"],
)
def test_an_export_of_the_archive_imports_with_every_title_date_slug_and_tag(tmp_path, with_text_dumps, address):
    """The dumps' copies of the exported posts give way, found by address or, where WordPress named a
    post otherwise than the migration would, by their text."""
    export = tmp_path / "arkivet.xml"
    posts = _wxr_from_archive(export, address)
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


def test_an_export_dated_only_by_pubdate_and_with_https_namespaces_is_read(tmp_path):
    """A trimmed or hand-made export may lack wp:post_date (the RSS date stands in) and write its
    namespaces with https://."""
    export = _without_post_dates(WXR.read_text("utf-8"))
    made = tmp_path / "handgjord.xml"
    made.write_text(export.replace("http://wordpress.org/export/", "https://wordpress.org/export/"), "utf-8")
    out = tmp_path / "out"
    result = run_migrate("--out", out, "--topics", TOPICS, made)
    assert result.returncode == 0, result.stderr
    plan = yaml.safe_load((out / "migration-plan.yaml").read_text("utf-8"))
    entry = next(e for e in plan["imports"] if e["title"] == "Cykelbanor året runt – så gör vi")
    assert _meta(out / entry["output"])["Date"] == "2016-02-03 09:15"
    assert _meta(out / entry["output"])["Summary"] == "Hur vi röjer cykelbanor på vintern."


def _export(*items: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        f'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="{WP}"><channel><title>B</title>'
        + "".join(
            f"<item><title>{title}</title><content:encoded><![CDATA[{body}]]></content:encoded>"
            f"<wp:post_date>2016-0{n}-01 10:00:00</wp:post_date><wp:post_name>{slug}</wp:post_name>"
            "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>"
            for n, (title, slug, body) in enumerate((item.split("|") for item in items), 1)
        )
        + "</channel></rss>"
    )


def test_an_exported_category_or_tag_that_names_a_topic_gives_the_post_that_topic(tmp_path):
    """As a dump's printed tags do (rules.with_printed_topics): the site's own categories say what a post is
    about, though its text may not use the topic's keywords often enough."""
    export = tmp_path / "blogg.xml"
    category = '<category domain="category" nicename="oppna-data"><![CDATA[Öppna data]]></category>'
    export.write_text(
        _export("Nya datamängder|nya|<p>Nu finns parkeringsplatserna som en fil.</p>").replace(
            "</item>", f"{category}</item>"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_migrate("--out", out, "--topics", TOPICS, export)
    assert result.returncode == 0, result.stderr
    (entry,) = _plan(out)["imports"]
    assert entry["topics"] == ["oppna-data"]
    assert _meta(out / "articles" / "nya.md")["Topics"] == "oppna-data"


def test_posts_exported_under_one_address_each_get_their_own_and_an_empty_untitled_post_is_named(tmp_path):
    """Also: a post body's own h1 goes a level down, under the title the page shows as h1."""
    export = tmp_path / "blogg.xml"
    export.write_text(
        _export(
            "Vinterväghållning|vinter|<p>Om plogning.</p><h1>Gator</h1><p>Först.</p><h2>Gång</h2><p>Sedan.</p>",
            "Vinter i parken|vinter|<p>Om skridskor.</p>",
            "||",
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_migrate("--out", out, "--topics", TOPICS, export)
    assert result.returncode == 0, result.stderr
    first, second, untitled = _plan(out)["imports"]
    assert (first["slug"], second["slug"]) == ("vinter", "vinter-2")
    assert second["note"] == "adressen 'vinter' fanns redan; fick 'vinter-2'"
    assert "Om skridskor." in (out / "articles" / "vinter-2.md").read_text("utf-8")
    assert "\n## Gator\n" in (out / "articles" / "vinter.md").read_text("utf-8")  # under the page's own h1
    assert "\n### Gång\n" in (out / "articles" / "vinter.md").read_text("utf-8")
    assert untitled["title"] == "(utan rubrik)" and "ingen rubrik" in untitled["title_note"]


def test_a_saved_page_of_a_theme_without_the_usual_classes_becomes_a_draft_with_its_text(tmp_path):
    """No .entry-content, the address only in og:url, no date: the post's own text is kept (the theme's
    header, footer, scripts and comments are not), and it waits as a draft for an editor to date it."""
    out = tmp_path / "out"
    result = run_migrate("--out", out, "--topics", TOPICS, SAVED / "utan-klasser.html")
    assert result.returncode == 0, result.stderr
    entry, page_text = _plan(out)["imports"]
    assert entry["kind"] == "draft" and entry["slug"] == "sommarlasning-for-alla" and "inget datum" in entry["reason"]
    assert entry["legacy_urls"] == ["https://blogg.example.se/testbloggen/sommarlasning-for-alla/"]
    body = (out / entry["output"]).read_text("utf-8").split("\n\n", 1)[1]
    assert "Biblioteken lånar ut **sommarkassar**" in body and "## Så gör du" in body
    assert not [text for text in ("Sommarläsning", "Annonsplats", "anteckning", "Publicerat") if text in body]
    assert {"rad 9: Till startsidan", "rad 17: Publicerat i Kultur"} <= set(page_text["left_out"])


def test_a_listing_whose_posts_lack_a_machine_date_or_an_address_is_read_from_what_it_has(tmp_path):
    """A theme that writes its dates for people only (``<time datetime="14 mars 2016">``) dates a post by its
    address; an address ending in a file name gives no slug (the title does); a post with no address at all
    has no old address to redirect and waits, undated, as a draft. The title inside the post's ``<header>``
    goes with the header, and a page whose every text a post carries lists nothing as left out."""
    page = tmp_path / "sida.html"
    page.write_text(
        "<!doctype html><html><body>"
        '<article><header><h2><a href="https://blogg.example.se/b/2016/03/14/inlagg-17.html">Nya cykelställ</a>'
        '</h2><time datetime="14 mars 2016"></time></header><p>Vi har satt upp fyrtio nya cykelställ.</p></article>'
        '<article><h2>Sommarstängt</h2><div class="entry-content"><p>Kontoret har stängt i juli.</p></div></article>'
        "</body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_migrate("--out", out, "--topics", TOPICS, page)
    assert result.returncode == 0, result.stderr
    dated, undated = _plan(out)["imports"]  # no entry for left-out text
    assert (dated["kind"], dated["slug"]) == ("article", "nya-cykelstall")
    assert dated["legacy_urls"] == ["https://blogg.example.se/b/2016/03/14/inlagg-17.html"]
    assert _meta(out / dated["output"])["Date"] == "2016-03-14"
    body = (out / dated["output"]).read_text("utf-8").split("\n\n", 1)[1]
    assert "Nya cykelställ" not in body and "fyrtio nya cykelställ" in body
    assert undated["kind"] == "draft" and "inget datum" in undated["reason"] and not undated.get("legacy_urls")
