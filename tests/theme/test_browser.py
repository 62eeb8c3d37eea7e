"""Every template type in a real browser: axe-core (WCAG 2.0/2.1 A and AA), phone and desktop.

Chromium is Debian's (/usr/bin/chromium), driven by Playwright; axe-core comes
from node_modules (package-lock.json). Screenshots are written to
screenshots/ for a person to look at (CI keeps them as an artifact).
"""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from conftest import ROOT
from playwright.sync_api import Browser, Page

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOTS = ROOT / "screenshots"
WIDTHS = [360, 1280]
MAX_TABS = 100  # more links than any page has before its text


def _first_link(html_path, pattern: str) -> str:
    match = re.search(pattern, html_path.read_text(encoding="utf-8"))
    assert match, pattern
    return match.group(1)


@pytest.fixture(scope="session")
def template_urls(built_site) -> dict[str, str]:
    """One URL per template type, found in the built site (not hard-coded content)."""
    root, url = built_site.root, built_site.url
    index = root / "index.html"
    article = _first_link(index, r'class="article-title"><a href="([^"]+/artiklar/[^"]+)"')
    year = sorted(p.parent.name for p in (root / "arkiv").glob("*/index.html"))[-1]
    month = sorted((root / "arkiv" / year).glob("*/index.html"))[-1].parent.name
    tag = sorted((root / "etikett").glob("*/index.html"))[0].parent.name
    topic = sorted((root / "tema").glob("*/index.html"))[0].parent.name
    handbook = sorted((root / "handbocker").glob("*/index.html"))[0].parent
    version = sorted(handbook.glob("*/index.html"))[0].parent.name
    return {
        "start": f"{url}/",
        "start-sida-2": f"{url}/sida/2/",
        "artikel": article,
        "sida": f"{url}/om-bloggen/",
        "tillganglighet": f"{url}/tillganglighetsredogorelse/",
        "handbocker": f"{url}/handbocker/",
        "handbok": f"{url}/handbocker/{handbook.name}/",
        "handbok-version": f"{url}/handbocker/{handbook.name}/{version}/",
        "arkiv": f"{url}/arkiv/",
        "arkiv-ar": f"{url}/arkiv/{year}/",
        "arkiv-manad": f"{url}/arkiv/{year}/{month}/",
        "etiketter": f"{url}/etikett/",
        "etikett": f"{url}/etikett/{tag}/",
        "kategorier": f"{url}/kategori/",
        "kategori": f"{url}/kategori/blogg/",
        "teman": f"{url}/tema/",
        "tema": f"{url}/tema/{topic}/",
        "sok": f"{url}/sok/?q=kvalitet",
        "404": f"{url}/404.html",
    }


def _open(browser: Browser, url: str, width: int) -> tuple[Page, list[str]]:
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    response = page.goto(url)
    assert response and response.ok, url
    return page, requests


def _axe_violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {json.dumps([n['target'] for n in v['nodes']][:3])}"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_template_type_has_zero_axe_violations(browser, built_site, template_urls, width):
    SCREENSHOTS.mkdir(exist_ok=True)
    failures = {}
    for name, url in template_urls.items():
        page, requests = _open(browser, url, width)
        violations = _axe_violations(page)
        if violations:
            failures[name] = violations
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
        foreign = [r for r in requests if not r.startswith(built_site.url)]
        assert not foreign, f"{name}: requests to other hosts: {foreign}"
        page.close()
    assert not failures, json.dumps(failures, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("width", [320, 360])
def test_nothing_scrolls_sideways_on_a_phone(browser, template_urls, width):
    for name, url in template_urls.items():
        page, _ = _open(browser, url, width)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        page.close()
        assert overflow <= 0, f"{name} is {overflow}px too wide at {width}px"


def test_the_skip_link_comes_first_and_moves_focus_to_the_content(browser, template_urls):
    page, _ = _open(browser, template_urls["artikel"], 1280)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Hoppa till innehållet"
    assert page.evaluate("getComputedStyle(document.activeElement).top") != "-160px"  # visible when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "innehall"
    page.close()


def test_focus_is_visible_on_links(browser, template_urls):
    page, _ = _open(browser, template_urls["start"], 1280)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    page.close()
    assert outline not in ("none", "")


def test_pagination_is_a_labelled_nav_marking_the_current_page(browser, template_urls):
    page, _ = _open(browser, template_urls["start-sida-2"], 1280)
    nav = page.locator("nav.pagination")
    assert nav.get_attribute("aria-label")
    current = nav.locator('[aria-current="page"]')
    assert current.count() == 1 and "2" in current.inner_text()
    page.close()


def test_headings_start_at_one_and_never_skip_a_level(browser, template_urls):
    for name, url in template_urls.items():
        page, _ = _open(browser, url, 1280)
        levels = page.evaluate(
            "[...document.querySelectorAll('main h1,main h2,main h3,main h4,main h5,main h6')].map(h => +h.tagName[1])"
        )
        page.close()
        assert levels and levels[0] == 1 and levels.count(1) == 1, (name, levels)
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (name, levels)


def test_the_axe_check_does_catch_a_violation(browser, template_urls):
    """Guards the harness: an image without alt text injected into a page must be reported."""
    page, _ = _open(browser, template_urls["artikel"], 1280)
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    violations = _axe_violations(page)
    page.close()
    assert any(v.startswith("image-alt") for v in violations), violations


def test_a_reader_downloads_the_handbook_pdf_from_its_page(browser, template_urls):
    page, _ = _open(browser, template_urls["handbok"], 360)
    link = page.get_by_role("link", name=re.compile(r"^Ladda ner som PDF"))
    with page.expect_download() as info:
        link.click()
    download = info.value
    data = open(download.path(), "rb").read()
    assert data.startswith(b"%PDF-")
    shown = page.locator(".download-box .checksum code").first.inner_text()
    assert shown == hashlib.sha256(data).hexdigest()
    assert f"{round(len(data) / 1000)} kB" in page.locator(".download-box .download-facts").first.inner_text()


@pytest.mark.parametrize("width", WIDTHS)
def test_an_older_handbook_version_page_has_zero_axe_violations(browser, site_with_new_handbook_version, width):
    site = site_with_new_handbook_version
    handbook = sorted((site.root / "handbocker").glob("*/index.html"))[0].parent.name
    for url in [f"{site.url}/handbocker/{handbook}/1.0/", f"{site.url}/handbocker/{handbook}/"]:
        page, _ = _open(browser, url, width)
        assert page.locator("main").inner_text()
        assert _axe_violations(page) == [], url
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, url
        page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_wide_table_scrolls_in_its_own_box_which_a_keyboard_reaches(browser, site_with_a_wide_table, width):
    page, _ = _open(browser, f"{site_with_a_wide_table.url}/artiklar/en-bred-tabell/", width)
    try:
        assert _axe_violations(page) == []
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        box = page.get_by_role("region", name="Tabell: Kolumn 1, Kolumn 2, Kolumn 3")
        assert box.evaluate("b => b.scrollWidth > b.clientWidth")  # wider than the screen, at either width
        for _ in range(MAX_TABS):  # a keyboard user tabs to it ...
            page.keyboard.press("Tab")
            if box.evaluate("b => b === document.activeElement"):
                break
        else:
            pytest.fail(f"the table's box was not reached in {MAX_TABS} presses of Tab")
        page.keyboard.press("ArrowRight")  # ... and scrolls it
        page.wait_for_function("() => document.activeElement.scrollLeft > 0")
    finally:
        page.close()
