"""The handbooks plugin: its pure rules, and a build of a fixture site with two handbooks."""

from __future__ import annotations

import hashlib
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pypdf
import pytest

from plugins.fixture_site import build_site
from plugins.handbooks.handbooks import combine_chapters, contents_of
from plugins.handbooks.model import Chapter, human_size, version_key
from plugins.handbooks.references import reference_line, replace_references

SITE = Path(__file__).parent / "site" / "content"
ATOM = "{http://www.w3.org/2005/Atom}"
SETTINGS = {
    "ARTICLE_PATHS": ["articles"],
    "ARTICLE_EXCLUDES": ["topics", "handbooks"],
    "PAGE_EXCLUDES": ["topics", "handbooks"],
}


def test_sizes_are_written_the_swedish_way():
    assert human_size(512) == "512 byte"
    assert human_size(312_400) == "312 kB"
    assert human_size(1_450_000) == "1,4 MB"


def test_versions_order_as_numbers():
    assert sorted(["3.10", "3.9", "4.0", "2024"], key=version_key) == ["3.9", "3.10", "4.0", "2024"]


def test_several_chapters_get_headings_of_their_own_and_unique_anchors():
    first = Chapter("Inledning", '<h2 id="mal">Mål</h2><p><a href="#mal">upp</a></p>', "a.md")
    second = Chapter("Vinter", '<h2 id="mal">Mål</h2>', "b.md")
    html = combine_chapters([first, second])
    assert '<h2 id="k1-inledning">Inledning</h2>' in html and '<h3 id="k1-mal">Mål</h3>' in html
    assert '<a href="#k1-mal">' in html and '<h3 id="k2-mal">' in html
    assert contents_of(html) == [("k1-inledning", "Inledning"), ("k2-vinter", "Vinter")]
    assert combine_chapters([first]) == first.html  # one chapter reads as written


def test_the_line_of_a_reference_is_found_or_none_is_claimed(tmp_path):
    article = tmp_path / "inlagg.md"
    article.write_text("Title: X\n\nLäs [boken]({handbok}cykel).\n", encoding="utf-8")
    assert reference_line(str(article), "cykel") == 3
    assert reference_line(str(article), "bil") is None
    assert reference_line(str(tmp_path / "borta.md"), "cykel") is None


def test_references_become_urls_and_unknown_ones_are_reported():
    html = '<a href="{handbok}cykel">a</a> <a href=\'|handbok|cykel#del-2\'>b</a> <a href="{handbok}bil">c</a>'
    replaced, unknown = replace_references(html, {"cykel": "/handbocker/cykel/"}.get)
    assert '<a href="/handbocker/cykel/">a</a>' in replaced and "href='/handbocker/cykel/#del-2'" in replaced
    assert unknown == ["bil"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("handbooks") / "output"
    result = build_site(SITE, out, ["topics", "handbooks"], **SETTINGS)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _pdf_text(path: Path) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(path)
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_every_version_has_a_page_and_the_stable_page_shows_the_latest(built):
    latest = _text(built / "handbocker/cykelhandboken/index.html")
    older = _text(built / "handbocker/cykelhandboken/1.0/index.html")
    assert "Den andra versionen" in latest and "Den första versionen" not in latest
    assert "<strong>stadens regler</strong>" in latest  # the introduction, from Markdown
    assert "Det här är en äldre version" in older and 'href="/handbocker/cykelhandboken/"' in older
    assert "Det här är en äldre version" not in latest
    assert latest.index(">2.0</a>") < latest.index(">1.0</a>")  # history, newest first
    assert 'href="/handbocker/cykelhandboken/1.0/cykelhandboken-1.0.pdf"' in latest  # old files stay linked


def test_downloads_show_format_size_and_the_checksum_of_the_real_file(built):
    html = _text(built / "handbocker/cykelhandboken/index.html")
    for relative in ["handbocker/cykelhandboken/cykelhandboken.pdf", "handbocker/cykelhandboken/cykelhandboken.pptx"]:
        data = (built / relative).read_bytes()
        assert f'href="/{relative}"' in html
        assert hashlib.sha256(data).hexdigest() in html
        assert human_size(len(data)) in html
    assert "(PDF, " in html and "(PowerPoint, " in html


def test_the_stable_url_serves_the_same_bytes_as_the_latest_version(built):
    stable = (built / "handbocker/cykelhandboken/cykelhandboken.pdf").read_bytes()
    assert stable == (built / "handbocker/cykelhandboken/2.0/cykelhandboken-2.0.pdf").read_bytes()
    assert stable != (built / "handbocker/cykelhandboken/1.0/cykelhandboken-1.0.pdf").read_bytes()
    supplied = SITE / "handbooks/parkrapport/2024/parkrapport.pdf"
    assert (built / "handbocker/parkrapport/parkrapport.pdf").read_bytes() == supplied.read_bytes()


def test_the_pdf_is_real_with_headings_as_text_and_bookmarks(built):
    reader, text = _pdf_text(built / "handbocker/cykelhandboken/2.0/cykelhandboken-2.0.pdf")
    for heading in ["Cykelhandboken", "Inledning", "Cykla på vintern", "Snöröjning", "Vinterdäck", "Cykelparkering"]:
        assert heading in text
    titles = []

    def walk(outline):
        for item in outline:
            walk(item) if isinstance(item, list) else titles.append(item.title)

    walk(reader.outline)
    assert {"Inledning", "Cykla på vintern", "Snöröjning", "Cykelparkering"} <= set(
        titles
    )  # the last: from the file name
    assert reader.metadata.title == "Cykelhandboken, version 2.0"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged PDF, for screen readers


def test_a_rebuild_gives_byte_identical_pdfs_and_the_cache_serves_the_same_bytes(built, tmp_path):
    relative = "handbocker/cykelhandboken/cykelhandboken.pdf"
    again = tmp_path / "output"  # the same place both times: the PDF's cache key holds its base URL
    for run in ("first", "cached"):
        result = build_site(SITE, again, ["topics", "handbooks"], CACHE_PATH=str(tmp_path / "cache"), **SETTINGS)
        assert result.returncode == 0, result.stderr
        assert (again / relative).read_bytes() == (built / relative).read_bytes(), run
    assert list((tmp_path / "cache").rglob("*.pdf"))  # the second build read its PDFs from here


def test_articles_link_handbooks_by_a_stable_reference(built):
    html = _text(built / "ny-version-av-cykelhandboken.html")
    assert '<a href="/handbocker/cykelhandboken/">cykelhandboken</a>' in html


def test_listing_feed_and_topic_data(built):
    listing = _text(built / "handbocker/index.html")
    assert listing.index("Cykelhandboken") < listing.index("Parkrapport")
    feed = ET.parse(built / "feeds/handbocker.atom.xml").getroot()
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert titles == ["Parkrapport, version 2024", "Cykelhandboken, version 2.0", "Cykelhandboken, version 1.0"]
    handbook = _text(built / "handbocker/cykelhandboken/index.html")
    assert 'href="/tema/cyklar/"' in handbook  # topics linked when the topics plugin runs


def _broken_copy(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(SITE, content)
    return content


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (
            lambda c: (c / "articles/ny-handbok.md").write_text(
                "Title: X\nDate: 2024-01-01\n\nSe [boken]({handbok}bilhandboken).\n", "utf-8"
            ),
            r"articles/ny-handbok\.md:4: handboken 'bilhandboken' finns inte\. Befintliga handböcker: "
            r"cykelhandboken, parkrapport",
        ),
        (
            lambda c: (c / "handbooks/cykelhandboken/2.0/version.md").unlink(),
            r"handbooks/cykelhandboken/2\.0/: filen version\.md saknas",
        ),
        (
            lambda c: (c / "handbooks/parkrapport/2024/anteckning.txt").write_text("x", "utf-8"),
            r"handbooks/parkrapport/2024/anteckning\.txt: okänd fil i en handboksversion",
        ),
        (
            lambda c: (c / "handbooks/parkrapport/handbook.md").write_text("Title: P\nTopics: bilar\n", "utf-8"),
            r"handbooks/parkrapport/handbook\.md:2: ämnet 'bilar' finns inte",
        ),
        (
            lambda c: (c / "handbooks/parkrapport/2024/version.md").write_text("Text utan datum.\n", "utf-8"),
            r"handbooks/parkrapport/2024/version\.md:1: Date: saknas",
        ),
        (
            lambda c: (c / "handbooks/parkrapport/2024/version.md").write_text("Title: v\nDate: 31/2 2024\n", "utf-8"),
            r"handbooks/parkrapport/2024/version\.md:2: datumet går inte att läsa .* ÅÅÅÅ-MM-DD",
        ),
        (
            lambda c: (c / "handbooks/cykelhandboken/2.0/01-inledning.md").write_bytes(
                "Title: Å\n\nÖ.\n".encode("cp1252")
            ),
            r"handbooks/cykelhandboken/2\.0/01-inledning\.md: filen är inte sparad som UTF-8",
        ),
        (
            lambda c: (c / "handbooks/parkrapport/handbook.md").unlink(),
            r"handbooks/parkrapport/: filen handbook\.md saknas",
        ),
        (
            lambda c: (c / "handbooks/parkrapport/handbook.md").write_text("Summary: Om parker.\n", "utf-8"),
            r"handbooks/parkrapport/handbook\.md:1: Title: saknas",
        ),
        (
            lambda c: shutil.rmtree(c / "handbooks/parkrapport/2024"),
            r"handbooks/parkrapport/: handboken har ingen version",
        ),
        (
            lambda c: (c / "handbooks/parkrapport/2024").rename(c / "handbooks/parkrapport/Version 2024"),
            r"handbooks/parkrapport/Version 2024/: versionens mappnamn får bara ha",
        ),
        (
            lambda c: (c / "handbooks/parkrapport/2024/parkrapport.pdf").unlink(),
            r"handbooks/parkrapport/2024/: versionen har varken kapitel",
        ),
    ],
    ids=[
        "unknown-reference",
        "missing-version-file",
        "unknown-file",
        "unknown-topic",
        "missing-date",
        "bad-date",
        "chapter-not-utf8",
        "missing-handbook-file",
        "handbook-without-title",
        "no-version",
        "bad-version-folder-name",
        "version-without-chapters-or-file",
    ],
)
def test_editor_mistakes_fail_the_build_naming_file_and_line(tmp_path, breakage, expected):
    content = _broken_copy(tmp_path)
    breakage(content)
    result = build_site(content, tmp_path / "output", ["topics", "handbooks"], **SETTINGS)
    assert result.returncode != 0
    assert re.search(expected, re.sub(r"\s+", " ", result.stdout + result.stderr)), result.stdout + result.stderr


def test_a_version_with_two_files_of_one_format_links_both_and_the_stable_url_serves_the_handbooks_own(tmp_path):
    """Appendices that sort before the report ("bilaga.pdf", "parkrapport-bilaga.pdf") stay on the
    version page; the stable URL serves the file named after the handbook."""
    content = _broken_copy(tmp_path)
    (content / "handbooks/parkrapport/2024/bilaga.pdf").write_bytes(b"%PDF-1.4 bilaga")
    (content / "handbooks/parkrapport/2024/parkrapport-bilaga.pdf").write_bytes(b"%PDF-1.4 bilaga 2")
    out = tmp_path / "output"
    result = build_site(content, out, ["topics", "handbooks"], **SETTINGS)
    assert result.returncode == 0, result.stdout + result.stderr
    version = _text(out / "handbocker/parkrapport/2024/index.html")
    assert 'href="/handbocker/parkrapport/2024/bilaga.pdf"' in version
    assert 'href="/handbocker/parkrapport/2024/parkrapport.pdf"' in version
    stable = (out / "handbocker/parkrapport/parkrapport.pdf").read_bytes()
    assert stable == (SITE / "handbooks/parkrapport/2024/parkrapport.pdf").read_bytes()
    assert [p.name for p in (out / "handbocker/parkrapport").glob("*.pdf")] == ["parkrapport.pdf"]


def test_without_the_topics_plugin_handbooks_build_and_link_no_topics(tmp_path):
    out = tmp_path / "output"
    result = build_site(SITE, out, ["handbooks"], **SETTINGS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'href="/tema/' not in _text(out / "handbocker/cykelhandboken/index.html")


def test_the_listing_and_the_feed_can_be_switched_off_in_the_settings(tmp_path):
    """A site that lists its handbooks elsewhere sets ``HANDBOOKS_SAVE_AS`` and ``HANDBOOKS_FEED_ATOM`` empty."""
    out = tmp_path / "output"
    settings = {**SETTINGS, "HANDBOOKS_SAVE_AS": "", "HANDBOOKS_FEED_ATOM": None, "HANDBOOK_PDF": False}
    result = build_site(SITE, out, ["handbooks"], **settings)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (out / "handbocker/cykelhandboken/index.html").is_file()
    assert not (out / "handbocker/index.html").exists() and not (out / "feeds/handbocker.atom.xml").exists()
