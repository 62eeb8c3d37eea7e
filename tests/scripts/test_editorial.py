"""Editor tooling: the content check, a new article from scaffold to built page, preview, publish."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import pty
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from build_site import what_to_fix
from conftest import ROOT, copy_of_content, run_build, untraced_environment
from editorial.checks import DATE_SOURCES, STATUSES, check_links
from editorial.content_file import parse
from editorial.inventory import take_inventory
from editorial.scaffold import ScaffoldError, new_article
from editorial.site_settings import load_settings
from migration.imports import DATE_SOURCES as IMPORTED_DATE_SOURCES
from migration.plan import DATE_SOURCES as PLANNED_DATE_SOURCES
from pelican.contents import Article, Page

PY = sys.executable


def _check(content: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PY, str(ROOT / "scripts" / "check_content.py"), str(content)], capture_output=True, text=True, cwd=ROOT
    )


def _build(content: Path, out: Path) -> subprocess.CompletedProcess:
    """The real site built from ``content`` into ``out``, as ``invoke build`` does."""
    return run_build(content, out, ROOT / "pelicanconf.py")


def test_the_real_content_passes_with_zero_errors():
    result = _check(ROOT / "content")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "inga fel" in result.stdout


BROKEN = {
    "missing-title": (
        "Date: 2024-01-02\nTopics: {topic}\n\nText.\n",
        r":1: Title: saknas",
    ),
    "bad-date": (
        "Title: Datum\nDate: 2024-02-30\nTopics: {topic}\n\nText.\n",
        r":2: Date: '2024-02-30' är inget giltigt datum",
    ),
    "unknown-topic": (
        "Title: Tema\nDate: 2024-01-02\nTopics: {topic}, cyklar\n\nText.\n",
        r":3: temat 'cyklar' finns inte\. Befintliga teman: ",
    ),
    "broken-link": (
        "Title: Länk\nDate: 2024-01-02\nTopics: {topic}\n\nFörsta stycket.\n\nSe [inlägget](/artiklar/finns-inte/).\n",
        r":7: länken '/artiklar/finns-inte/' leder inte till någon sida",
    ),
    "broken-filename-link": (
        "Title: Fil\nDate: 2024-01-02\nTopics: {topic}\n\nSe [detta]({{filename}}saknas.md).\n",
        r":5: länken pekar på 'saknas\.md', men den filen finns inte",
    ),
    "unknown-handbook": (
        "Title: Bok\nDate: 2024-01-02\nTopics: {topic}\n\nLäs [boken]({{handbok}}ingen-sadan).\n",
        r":5: handboken 'ingen-sadan' finns inte",
    ),
    "image-without-alt": (
        "Title: Bild\nDate: 2024-01-02\nTopics: {topic}\n\nText.\n\n![](bild.png)\n",
        r":7: bilden 'bild\.png' saknar alt-text",
    ),
    "html-image-without-alt": (
        'Title: Bild\nDate: 2024-01-02\nTopics: {topic}\n\n<img src="bild.png">\n',
        r":5: en <img> saknar alt-text",
    ),
    "heading-level-1": (
        "Title: Rubrik\nDate: 2024-01-02\nTopics: {topic}\n\n# Stor rubrik\n\nText.\n",
        r":5: rubrik på nivå 1",
    ),
    "hashtags-first-on-a-line": (  # Python-Markdown makes "#skola" a heading, without the space CommonMark wants
        "Title: Taggar\nDate: 2024-01-02\nTopics: {topic}\n\nText.\n\n#skola #digitalisering\n",
        r":7: '#skola' först på raden blir en rubrik på webbplatsen\. Är det taggar, skriv \\#skola",
    ),
    "skipped-heading-level": (
        "Title: Rubrik\nDate: 2024-01-02\nTopics: {topic}\n\n## Del\n\n#### Underdel\n",
        r":7: rubriken hoppar från nivå 2 till nivå 4",
    ),
    "empty-tag": (
        "Title: Etikett\nDate: 2024-01-02\nTopics: {topic}\nTags: Ett,, Två\n\nText.\n",
        r":4: Tags: har en tom etikett",
    ),
    "empty-link": (
        "Title: Länk\nDate: 2024-01-02\nTopics: {topic}\n\nLäs mer [här]().\n",
        r":5: länken saknar adress",
    ),
    "link-without-host": (
        "Title: Länk\nDate: 2024-01-02\nTopics: {topic}\n\nLäs mer [här](https://).\n",
        r":5: länken 'https://' saknar webbplatsens namn",
    ),
    "date-in-words": (
        "Title: Datum\nDate: 2 januari 2024\nTopics: {topic}\n\nText.\n",
        r":2: Date: '2 januari 2024' är inget giltigt datum\. Skriv ÅÅÅÅ-MM-DD",
    ),
    "missing-date": ("Title: Utan datum\nTopics: {topic}\n\nText.\n", r":\d+: Date: saknas"),
    "missing-topics": ("Title: Utan tema\nDate: 2024-01-02\n\nText.\n", r":\d+: Topics: saknas\. Välj minst ett tema"),
    "empty-topic": (
        "Title: Tema\nDate: 2024-01-02\nTopics: {topic},, \n\nText.\n",
        r":3: Topics: har ett tomt tema",
    ),
    "long-tag": (
        "Title: Etikett\nDate: 2024-01-02\nTopics: {topic}\nTags: " + "Lång" * 20 + "\n\nText.\n",
        r":4: etiketten 'LångLång.*' är för lång",
    ),
    "repeated-tag": (
        "Title: Etikett\nDate: 2024-01-02\nTopics: {topic}\nTags: Cykel, cykel\n\nText.\n",
        r":4: etiketten 'cykel' står två gånger",
    ),
    "underlined-heading-level-1": (
        "Title: Rubrik\nDate: 2024-01-02\nTopics: {topic}\n\nStor rubrik\n===========\n\nText.\n",
        r":5: rubrik på nivå 1",
    ),
    "unknown-link-kind": (
        "Title: Länk\nDate: 2024-01-02\nTopics: {topic}\n\nSe [detta]({{sida}}om-bloggen).\n",
        r":5: '\{sida\}' är ingen känd länktyp",
    ),
    "relative-link": (
        "Title: Länk\nDate: 2024-01-02\nTopics: {topic}\n\nSe [detta](../pages/om-bloggen.md).\n",
        r":5: länken '\.\./pages/om-bloggen\.md' är relativ",
    ),
    # Found by random edits of the archive's articles: each passed the check, then stopped the build
    # (template, control character) or left the page out without a word (Modified, Save_as).
    "impossible-modified-date": (
        "Title: Ändrad\nDate: 2024-01-02\nModified: 2024-02-30\nTopics: {topic}\n\nText.\n",
        r":3: Modified: '2024-02-30' är inget giltigt datum",
    ),
    "missing-template": (
        "Title: Mall\nDate: 2024-01-02\nTemplate: kampanj\nTopics: {topic}\n\nText.\n",
        r":3: Template: 'kampanj' finns inte i temat",
    ),
    "saved-outside-the-site": (
        "Title: Utanför\nDate: 2024-01-02\nSave_as: ../ut.html\nTopics: {topic}\n\nText.\n",
        r":3: Save_as: '\.\./ut\.html' pekar utanför webbplatsen",
    ),
    "saved-over-the-start-page": (  # the start page was this article, and the build said nothing
        "Title: Start\nDate: 2024-01-02\nSave_as: index.html\nTopics: {topic}\n\nText.\n",
        r":3: Save_as: 'index\.html' är en adress som webbplatsen redan använder",
    ),
    "linked-to-the-start-page": (  # built, and every link to the article led to the start page
        "Title: Länkad\nDate: 2024-01-02\nUrl: index.html\nTopics: {topic}\n\nText.\n",
        r":3: Url: 'index\.html' är en adress som webbplatsen redan använder, och länkar till sidan",
    ),
    "saved-over-a-listing": (
        "Title: Sök\nDate: 2024-01-02\nSave_as: sok/index.html\nTopics: {topic}\n\nText.\n",
        r":3: Save_as: 'sok/index\.html' är en adress som webbplatsen redan använder",
    ),
    "control-character": (
        "Title: Tecken\nDate: 2024-01-02\nTopics: {topic}\n\nText från en pdf\x07 med ett pip.\n",
        r":5: raden har ett osynligt styrtecken \(U\+0007\)",
    ),
    "form-feed": (  # str.splitlines took it for a line break, so the check saw nothing, or a stray header line
        "Title: Sidbrytning\nDate: 2024-01-02\nTopics: {topic}\n\nFörsta sidan.\x0cAndra sidan.\n",
        r":5: raden har ett osynligt styrtecken \(U\+000C\)",
    ),
    "misspelt-date-source": (  # the site marks only "inferred" as an estimate
        "Title: Källa\nDate: 2024-01-02\nDate_source: inferd\nTopics: {topic}\n\nText.\n",
        r":3: Date_source: 'inferd' ska vara en av",
    ),
    "repeated-field": (  # Pelican keeps the first Slug:, the check read the last: each passed what the other broke on
        "Title: Två\nSlug: forsta\nDate: 2024-01-02\nTopics: {topic}\nSlug: andra\n    fortsatt\n\nText.\n",
        r":5: Slug: står två gånger \(först på rad 2\)",
    ),
    "unknown-status": (  # passed the check, then Pelican stopped the build ("Unknown status")
        "Title: Utkast\nDate: 2024-01-02\nStatus: utkast\nTopics: {topic}\n\nText.\n",
        r":3: Status: 'utkast' känner bygget inte till",
    ),
    "no-blank-line-after-metadata": (
        "Title: Tomrad\nDate: 2024-01-02\nTopics: {topic}\nHär börjar texten direkt.\n",
        r":4: raden ser inte ut som 'Nyckel: värde'",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_mistake_is_named_with_file_and_line_and_fails(tmp_path, case):
    content = copy_of_content(tmp_path)
    topic = sorted(p.stem for p in (content / "topics").glob("*.md"))[0]
    text, expected = BROKEN[case]
    (content / "articles" / "trasig.md").write_text(text.format(topic=topic), encoding="utf-8")
    result = _check(content)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if "trasig.md" in line]
    assert lines and all(line.startswith(f"{content / 'articles' / 'trasig.md'}:") for line in lines), result.stdout
    assert any(re.search(expected, line) for line in lines), result.stdout


def test_a_page_that_names_a_topic_names_one_that_exists(tmp_path):
    """A page needs no topic, but the topics plugin reads a page's Topics: too, and stops the build on one it
    does not know."""
    content = copy_of_content(tmp_path)
    (content / "pages" / "om-oss.md").write_text("Title: Om oss\nTopics: finns-inte\n\nText.\n", encoding="utf-8")
    result = _check(content)
    assert result.returncode == 1 and f"{content / 'pages' / 'om-oss.md'}:2: temat 'finns-inte'" in result.stdout


# Slips an editor can make in a migrated article or a page: (folder, where in the file, the line).
# "{other}" is another article's slug. The first ten passed the check once and then broke the build,
# left a page out without a word or wrote or linked it over the start page; the rest must pass it and build.
SLIPS = [
    ("articles", "header", "Template: kampanj"),
    ("articles", "header", "Save_as: ../ut.html"),
    ("articles", "header", "Modified: 2015-02-30"),
    ("articles", "body", "Text ur en pdf\x07 med ett pip."),
    ("articles", "top", "Slug: {other}"),
    ("articles", "header", "Date_source: inferd"),
    ("pages", "header", "Topics: finns-inte"),
    ("articles", "header", "Status: utkast"),
    ("articles", "header", "Save_as: index.html"),
    ("articles", "header", "Url: index.html"),
    ("articles", "header", "Lang: en"),
    ("articles", "header", "Status: draft"),
    ("articles", "header", "Status: Draft"),
    ("articles", "header", "Save_as: eget.html"),
    ("articles", "header", "Slug:"),
    ("articles", "header", "Tags:"),
    ("articles", "header", "Summary:"),
    ("articles", "body", "```"),
    ("articles", "body", "<!--"),
]


@pytest.mark.parametrize(("folder", "where", "line"), SLIPS)
def test_a_slip_the_check_lets_through_builds_with_every_article(tmp_path, folder, where, line):
    """The check's promise: what it passes, Pelican builds, and no article goes missing on the way."""
    content = copy_of_content(tmp_path)
    first, other = sorted((content / "articles").glob("*.md"))[:2]
    path = first if folder == "articles" else sorted((content / folder).glob("*.md"))[-1]
    lines = path.read_text(encoding="utf-8").split("\n")
    at = {"top": 0, "header": lines.index(""), "body": lines.index("") + 1}[where]
    lines.insert(at, line.format(other=parse(other).value("slug")))
    path.write_text("\n".join(lines), encoding="utf-8")
    if _check(content).returncode:
        return  # named, with its line (see BROKEN for the messages)
    out = tmp_path / "output"
    build = _build(content, out)
    assert build.returncode == 0, build.stdout + build.stderr
    unlisted = ("draft", "hidden")
    published = [p for p in (content / "articles").glob("*.md") if parse(p).value("status").lower() not in unlisted]
    assert f"Processed {len(published)} articles" in build.stdout, build.stdout


def _only_version_md(book: Path, version: Path) -> None:
    for path in version.iterdir():
        if path.name != "version.md":
            path.unlink()


def _writes(name: str, text: str) -> Callable[[Path, Path], None]:
    """An edit that writes ``text`` to the handbook's file ``name`` ("VERSION/…": in its version's folder)."""

    def edit(book: Path, version: Path) -> None:
        (book / name.replace("VERSION", version.name)).write_text(text, encoding="utf-8")

    return edit


# Slips in a handbook folder: (edit of the handbook's folder, what the check says, and about which path).
# The build stopped on the first of them, with Pelican's traceback after its message; the check said nothing.
HANDBOOK_SLIPS = {
    "no-handbook-md": (lambda book, version: (book / "handbook.md").unlink(), "filen handbook.md saknas", ""),
    "no-title": (
        _writes("handbook.md", "Summary: Utan titel\n\nText.\n"),
        ":1: Title: saknas (handbokens titel",
        "handbook.md",
    ),
    "unknown-topic": (
        _writes("handbook.md", "Title: Bok\nTopics: finns-inte\n\nText.\n"),
        ":2: temat 'finns-inte' finns inte",
        "handbook.md",
    ),
    "no-version-md": (lambda book, version: (version / "version.md").unlink(), "filen version.md saknas", "VERSION"),
    "version-date-in-words": (
        _writes("VERSION/version.md", "Date: igår\n\nText.\n"),
        ":1: Date: 'igår' är inget giltigt datum",
        "VERSION/version.md",
    ),
    "version-without-date": (
        _writes("VERSION/version.md", "Ny version.\n"),
        ":1: Date: saknas (versionens datum",
        "VERSION/version.md",
    ),
    "version-folder-with-a-space": (
        lambda book, version: version.rename(book / "ny version"),
        "versionens mappnamn får bara ha",
        "ny version",
    ),
    "unknown-file": (
        lambda book, version: (version / "bild.png").write_bytes(b"\x89PNG"),
        "bild.png: okänd fil i en handboksversion",
        "VERSION/bild.png",
    ),
    "version-without-text": (_only_version_md, "versionen har varken kapitel", "VERSION"),
}


@pytest.mark.parametrize("slip", sorted(HANDBOOK_SLIPS))
def test_a_slip_in_a_handbook_folder_is_named_by_the_check(tmp_path, slip):
    content = copy_of_content(tmp_path)
    book = sorted(p for p in (content / "handbooks").iterdir() if p.is_dir())[0]
    version = sorted(p for p in book.iterdir() if p.is_dir())[0]
    edit, message, where = HANDBOOK_SLIPS[slip]
    edit(book, version)
    result = _check(content)
    path = str(book / where.replace("VERSION", version.name)).removesuffix("/")
    found = [line for line in result.stdout.splitlines() if line.startswith(path) and message in line]
    assert result.returncode == 1 and found, result.stdout
    if not message.startswith(":"):  # a folder, or a file as a whole: no line to name
        assert found[0].startswith((f"{path}: ", f"{path}/: ")), found


def _without_version_md(content: Path) -> str:
    version = sorted((content / "handbooks").glob("*/*/version.md"))[0]
    version.unlink()
    return f"{version.parent.relative_to(content)}/: filen version.md saknas"


def _with_unknown_topic(content: Path) -> str:
    article = sorted((content / "articles").glob("*.md"))[0]
    text = article.read_text(encoding="utf-8")
    field = re.search(r"(?m)^Topics: .*$", text)
    article.write_text(text[: field.start()] + "Topics: finns-inte" + text[field.end() :], encoding="utf-8")
    line = text[: field.start()].count("\n") + 1
    return f"{article.relative_to(content)}:{line}: ämnet 'finns-inte' finns inte"


@pytest.mark.parametrize("mistake", [_without_version_md, _with_unknown_topic])
def test_a_build_stopped_by_an_editors_mistake_shows_its_message_alone(tmp_path, mistake):
    """Pelican's command line showed a plugin's message in a column as wide as the terminal (a file's path
    broken over lines), followed by its traceback; the editor needs the message, whole, and exit code 2."""
    content = copy_of_content(tmp_path)
    message = mistake(content)
    result = _build(content, tmp_path / "out")
    assert result.returncode == 2, result.stderr
    assert any(line.startswith(message) for line in result.stderr.splitlines()), result.stderr
    assert "Traceback" not in result.stderr


def test_a_build_stopped_by_a_file_pelican_cannot_read_says_what_to_fix_in_it(tmp_path):
    """Pelican logs the file it could not read, and the reason only with DEBUG: the build shows the content
    check's line for it, so the editor need not know to run `invoke check`."""
    content = copy_of_content(tmp_path)
    (content / "articles" / "trasig.md").write_text("Title: Trasig\nDate: inte ett datum\n\nText.\n", encoding="utf-8")
    result = _build(content, tmp_path / "out")
    assert result.returncode == 1, result.stderr
    assert "Could not process articles/trasig.md" in result.stderr and "Traceback" not in result.stderr
    assert f"{content / 'articles' / 'trasig.md'}:2: Date: 'inte ett datum' är inget giltigt datum" in result.stderr


def test_a_file_pelican_cannot_read_and_the_check_finds_nothing_in_gets_pelicans_reason(tmp_path):
    """Pelican names a file it could not read and keeps its reason to its DEBUG log: where the check finds
    nothing wrong in the file, the build shows Pelican's reason (before stop 44 an HTML article with a date
    Pelican could not read was such a file; Pelican reads only .md files now, as the check does)."""
    content = copy_of_content(tmp_path)
    article = sorted((content / "articles").glob("*.md"))[0]
    fixes = what_to_fix(content, ROOT / "pelicanconf.py", {f"articles/{article.name}": "'inte' is not a date"})
    assert fixes == [f"{article.resolve()}: Pelican kunde inte läsa filen: 'inte' is not a date"]


def test_a_file_the_site_does_not_read_is_named_by_the_check_and_not_built(tmp_path):
    """An HTML page, a Word file or Markdown saved as ".markdown" among the texts. Pelican built the HTML
    page with no check of its links or alt texts, and skipped the others without a word. The check names
    each, the build reads none of them; hidden files (".DS_Store") are no one's text and pass."""
    content = copy_of_content(tmp_path)
    html = (
        '<html><head><title>Gammal sida i html</title><meta name="date" content="2015-03-12"></head>'
        '<body><p><img src="bild.png"> <a href="/finns-inte/">En länk</a></p></body></html>'
    )
    unread = [content / "articles" / "gammal.html", content / "pages" / "om.docx", content / "topics" / "nytt.markdown"]
    unread[0].write_text(html, encoding="utf-8")
    unread[1].write_bytes(b"PK\x03\x04")
    unread[2].write_text("Title: Nytt tema\n\nText.\n", encoding="utf-8")
    (content / "articles" / ".DS_Store").write_bytes(b"\x00\x01")
    result = _check(content)
    assert result.returncode == 1
    named = [line for line in result.stdout.splitlines() if ": filen blir ingen sida: " in line]
    assert sorted(line.split(": filen")[0] for line in named) == sorted(str(path) for path in unread), result.stdout
    build = _build(content, tmp_path / "out")
    assert build.returncode == 0, build.stderr
    pages = list((tmp_path / "out").rglob("*.html"))
    assert pages and not any("Gammal sida i html" in page.read_text(encoding="utf-8") for page in pages)


def test_a_build_stopped_by_a_logged_error_lists_what_the_check_finds(tmp_path):
    """Pelican logs an unknown status as an error and stops: the check's line for it follows."""
    content = copy_of_content(tmp_path)
    first = sorted((content / "articles").glob("*.md"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace("\n\n", "\nStatus: utkast\n\n", 1), encoding="utf-8")
    result = _build(content, tmp_path / "out")
    assert result.returncode == 1 and "Unknown status 'utkast'" in result.stderr, result.stderr
    assert f"{first}:" in result.stderr and "Status: 'utkast' känner bygget inte till" in result.stderr


def test_a_bug_in_the_build_keeps_its_traceback(tmp_path):
    settings = tmp_path / "settings.py"
    settings.write_text("SITENAME = 1 / 0\n", encoding="utf-8")
    result = run_build(None, tmp_path / "out", settings)
    assert result.returncode == 1 and "Traceback" in result.stderr and "ZeroDivisionError" in result.stderr


def test_links_that_work_code_examples_and_a_file_of_only_a_header_pass(tmp_path):
    """Every kind of link that resolves passes; Markdown shown inside a fenced code block is an example,
    not the page's own heading or image; hashtags with their "#" escaped are text; a page may be a header alone."""
    content = copy_of_content(tmp_path)
    topic = sorted(p.stem for p in (content / "topics").glob("*.md"))[0]
    handbook = sorted(p.name for p in (content / "handbooks").iterdir() if p.is_dir())[0]
    article = sorted((content / "articles").glob("*.md"))[0].name
    (content / "articles" / "fungerar.md").write_text(
        f"Title: Länkar som fungerar\nDate: 2024-01-02\nTopics: {topic}\n\n"
        f"Läs [boken]({{handbok}}{handbook}), [inlägget]({{filename}}{article}), "
        f"[inlägget igen]({{filename}}/articles/{article}), [etiketten]({{tag}}cykel), "
        "[om bloggen](/om-bloggen/) och [arkivet](/arkiv/).\n\n"
        "![Karta över parken](https://example.org/karta.png) "
        '<img src="https://example.org/karta.png" alt="Karta över parken">\n\n'
        "\\#skola #digitalisering\n\n"  # tags written as text, their "#" escaped
        "Så skriver du en rubrik och en bild:\n\n```markdown\n# Stor rubrik\n\n![](bild.png)\n```\n",
        encoding="utf-8",
    )
    (content / "pages" / "bara-rubrik.md").write_text("Title: Bara en rubrik\nSlug: bara-rubrik", encoding="utf-8")
    result = _check(content)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_link_to_a_file_is_checked_against_the_files_pelican_copies_as_they_are(tmp_path):
    """Pelican publishes a content file at its own path only from ``STATIC_PATHS``; any other file in the
    content folder stays behind, so a link to it would break on the site."""
    root = tmp_path / "content"
    (root / "bilder").mkdir(parents=True)
    (root / "bilder" / "karta.png").write_bytes(b"png")
    (root / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    (root / "anteckningar.txt").write_text("Bara för redaktionen.\n", encoding="utf-8")
    article = root / "articles" / "lankar.md"
    article.parent.mkdir()
    article.write_text(
        "Title: Länkar\nDate: 2024-01-02\n\n"
        "[kartan](/bilder/karta.png)\n[robots](/robots.txt)\n"
        "[saknas](/bilder/saknas.png)\n[anteckningar](/anteckningar.txt)\n",
        encoding="utf-8",
    )
    inventory = take_inventory(root, {"STATIC_PATHS": ["bilder", "robots.txt"]}, str.lower)
    problems = list(check_links(parse(article), inventory))
    assert problems == [
        (6, "länken '/bilder/saknas.png' leder inte till någon sida på webbplatsen."),
        (7, "länken '/anteckningar.txt' leder inte till någon sida på webbplatsen."),
    ]


def test_a_page_at_an_address_the_site_uses_itself_is_named(tmp_path):
    content = copy_of_content(tmp_path)
    (content / "pages" / "arkivet.md").write_text("Title: Arkivet\nSlug: arkiv\n\nText.\n", encoding="utf-8")
    result = _check(content)
    assert result.returncode == 1
    assert f"{content / 'pages' / 'arkivet.md'}:2: sidans adress 'arkiv/' används redan" in result.stdout


def test_a_content_folder_that_does_not_exist_is_named(tmp_path):
    result = _check(tmp_path / "finns-inte")
    assert result.returncode == 2 and "finns-inte: mappen finns inte." in result.stderr


def test_a_file_not_saved_as_utf8_is_named_and_its_other_mistakes_still_found(tmp_path):
    """An editor's text editor may save in Windows-1252; Pelican would stop the build on it."""
    content = copy_of_content(tmp_path)
    topic = sorted(p.stem for p in (content / "topics").glob("*.md"))[0]
    text = f"Title: Grönt och skönt\nDate: 2024-01-02\nTopics: {topic}\n\nText.\n\n![](bild.png)\n"
    (content / "articles" / "trasig.md").write_bytes(text.encode("cp1252"))
    result = _check(content)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert re.search(r"trasig\.md:1: filen är inte sparad som UTF-8", result.stdout), result.stdout
    assert re.search(r"trasig\.md:7: bilden 'bild\.png' saknar alt-text", result.stdout), result.stdout


@pytest.mark.parametrize(
    "name, header, line, expected",
    [
        ("nytt-tema.md", "Slug: nytt-tema\nKeywords: nytt", 1, "Title: saknas"),
        ("Nytt tema.md", "Title: Nytt tema", 1, "temat har ingen Slug:, så filnamnet 'Nytt tema'"),
        ("nytt-tema.md", "Title: Nytt tema\nSlug: Nytt_tema", 2, "Slug: 'Nytt_tema' får bara ha"),
    ],
    ids=["no-title", "file-name-no-slug", "bad-slug"],
)
def test_a_mistake_in_a_topic_file_is_named_as_the_migration_names_it(tmp_path, name, header, line, expected):
    content = copy_of_content(tmp_path)
    (content / "topics" / name).write_text(f"{header}\n\nIngress.\n", encoding="utf-8")
    result = _check(content)
    assert result.returncode == 1
    assert f"{content / 'topics' / name}:{line}: {expected}" in result.stdout, result.stdout


def test_a_topic_without_slug_or_keywords_passes_the_check_and_articles_may_name_it(tmp_path):
    content = copy_of_content(tmp_path)
    (content / "topics" / "nytt-tema.md").write_text("Title: Nytt tema\n\nIngress.\n", encoding="utf-8")
    (content / "articles" / "nytt.md").write_text(
        "Title: Nytt\nDate: 2024-01-02\nTopics: nytt-tema\n\nText.\n", encoding="utf-8"
    )
    result = _check(content)
    assert result.returncode == 0, result.stdout


def test_a_duplicate_slug_names_both_files(tmp_path):
    content = copy_of_content(tmp_path)
    original = sorted((content / "articles").glob("*.md"))[0]
    slug = re.search(r"(?m)^Slug: (.+)$", original.read_text("utf-8")).group(1)
    topic = sorted(p.stem for p in (content / "topics").glob("*.md"))[0]
    copy = content / "articles" / "zz-kopia.md"
    copy.write_text(f"Title: Kopia\nDate: 2024-01-02\nSlug: {slug}\nTopics: {topic}\n\nText.\n", encoding="utf-8")
    result = _check(content)
    assert result.returncode == 1
    assert re.search(rf"zz-kopia\.md:3: inlägget får adressen '{slug}', som .*{original.name} redan har", result.stdout)


def _new(content: Path, title: str, topics: str) -> subprocess.CompletedProcess:
    command = [PY, str(ROOT / "scripts" / "new_article.py"), title, "--topics", topics, "--content", str(content)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, stdin=subprocess.DEVNULL)


def test_new_then_check_then_build_works_end_to_end(tmp_path):
    content = copy_of_content(tmp_path)
    topic = sorted(p.stem for p in (content / "topics").glob("*.md"))[0]
    result = _new(content, "Öppet hus på Åbytorp", topic)
    assert result.returncode == 0, result.stderr
    path = content / "articles" / "oppet-hus-pa-abytorp.md"  # å, ä, ö folded in the slug
    text = path.read_text("utf-8")
    # The site's own day (Swedish time), which is not the machine's around midnight.
    today = dt.datetime.now(ZoneInfo(load_settings(ROOT / "pelicanconf.py")["TIMEZONE"])).date()
    assert f"Date: {today.isoformat()}" in text and f"Topics: {topic}" in text
    assert _check(content).returncode == 0
    out = tmp_path / "output"
    build = _build(content, out)
    assert build.returncode == 0, build.stdout + build.stderr
    assert "<h1>Öppet hus på Åbytorp</h1>" in (out / "artiklar" / "oppet-hus-pa-abytorp" / "index.html").read_text()
    again = _new(content, "Öppet hus på Åbytorp", topic)
    assert again.returncode == 2 and "finns redan" in again.stderr  # never overwrites
    assert path.read_text("utf-8") == text
    unknown = _new(content, "Annat", "cyklar")
    assert unknown.returncode == 2 and "Okänt tema: cyklar" in unknown.stderr


@pytest.mark.parametrize(
    "title, known, message",
    [
        ("   ", {"cyklar"}, 'Ge inlägget en rubrik: invoke new "Min rubrik".'),
        ("Nytt", set(), "Det finns inga teman ännu."),
        ("!!!", {"cyklar"}, "Rubriken '!!!' ger ingen adress"),
    ],
    ids=["blank-title", "no-topics-yet", "title-without-letters"],
)
def test_an_article_that_cannot_be_made_is_explained(tmp_path, title, known, message):
    with pytest.raises(ScaffoldError, match=re.escape(message)):
        new_article(tmp_path, title, ["cyklar"], known, lambda text: re.sub(r"\W+", "", text), dt.date(2026, 1, 2))
    assert not list(tmp_path.iterdir())


def test_new_asks_for_the_topics_when_run_at_a_terminal(tmp_path):
    """Without --topics at a terminal the editor picks topics by number (or types a name); a comma too many
    is no topic."""
    content = copy_of_content(tmp_path)
    topics = sorted(p.stem for p in (content / "topics").glob("*.md"))
    primary, replica = pty.openpty()
    command = [PY, str(ROOT / "scripts" / "new_article.py"), "Fråga om teman", "--content", str(content)]
    with subprocess.Popen(command, stdin=replica, stdout=replica, stderr=replica, cwd=ROOT) as new:
        os.close(replica)
        os.write(primary, f"2, {topics[0]},\n".encode())
        assert new.wait(timeout=60) == 0
    shown = os.read(primary, 65536).decode("utf-8", errors="replace")
    os.close(primary)
    assert "Vilka teman handlar inlägget om?" in shown and f"  1. {topics[0]}" in shown
    text = (content / "articles" / "fraga-om-teman.md").read_text("utf-8")
    assert f"Topics: {topics[1]}, {topics[0]}" in text


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(condition, seconds: float, message: str) -> float:
    """Seconds until ``condition()`` holds, failing with ``message`` after ``seconds``."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < seconds, message
        time.sleep(0.05)
    return time.monotonic() - started


@contextlib.contextmanager
def _previewing(tmp_path: Path, env: dict[str, str] | None = None):
    """``scripts/preview.py`` serving a copy of the content: the first article's file and URL, and the log.
    Ends it with Ctrl+C, which must end it cleanly."""
    content = copy_of_content(tmp_path)
    port = _free_port()
    log = tmp_path / "preview.log"
    with log.open("w", encoding="utf-8") as output:
        preview = subprocess.Popen(
            [PY, str(ROOT / "scripts" / "preview.py"), "--content", str(content), "--output", str(tmp_path / "out"),
             "--port", str(port)],
            cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, text=True, env=env,
        )  # fmt: skip
    try:
        article = sorted((content / "articles").glob("*.md"))[0]
        slug = re.search(r"(?m)^Slug: (.+)$", article.read_text("utf-8")).group(1)
        url = f"http://127.0.0.1:{port}/artiklar/{slug}/"
        deadline = time.monotonic() + 60
        while "livereload" not in _fetch(url):  # the served page carries the reload script
            assert time.monotonic() < deadline and preview.poll() is None, "preview did not start"
            time.sleep(0.2)
        time.sleep(1.0)  # let the watcher take its first look
        yield article, url, log, preview
    finally:
        preview.send_signal(signal.SIGINT)  # Ctrl+C
        assert preview.wait(timeout=10) == 0


def test_preview_shows_a_one_article_change_within_two_seconds(tmp_path):
    """Timed as an editor runs it: untraced (coverage's tracing nearly doubles a rebuild, and under it the
    median stood at 1.3-1.6 s alone and over 2 s on a loaded machine)."""
    with _previewing(tmp_path, untraced_environment()) as (article, url, _, _):
        delays = []
        for number in range(3):
            marker = f"Ändrat i förhandsvisningen {number}"
            article.write_text(article.read_text("utf-8") + f"\n{marker}\n", encoding="utf-8")
            delays.append(_wait_for(lambda m=marker: m in _fetch(url), 10, "the change never showed"))
        print("preview delays (s):", [round(d, 2) for d in delays])
        assert statistics.median(delays) < 2.0, delays


def test_preview_reports_a_save_that_breaks_the_build_and_goes_on(tmp_path):
    with _previewing(tmp_path) as (article, url, log, preview):
        good = article.read_text("utf-8")
        article.write_text(good + "\nÄndrat i förhandsvisningen\n", encoding="utf-8")
        _wait_for(lambda: "Ändrat i förhandsvisningen" in _fetch(url), 10, "the change never showed")
        article.write_text(re.sub(r"(?m)^Topics: .*$", "Topics: finns-inte", good), encoding="utf-8")
        _wait_for(lambda: "preview: bygget misslyckades" in log.read_text("utf-8"), 10, "the failure was not shown")
        assert "Ändrat i förhandsvisningen" in _fetch(url) and preview.poll() is None  # still serving
        article.write_text(good + "\nRättat\n", encoding="utf-8")
        _wait_for(lambda: "Rättat" in _fetch(url), 10, "the fixed article never showed")


@pytest.mark.skipif(shutil.which("rsync") is None, reason="rsync is installed by scripts/setup.sh")
def test_publish_copies_the_built_site_to_the_target_from_settings(tmp_path):
    target = tmp_path / "server"
    target.mkdir()
    (target / "gammal-sida.html").write_text("borttagen", encoding="utf-8")
    env = {**os.environ, "PUBLISH_TARGET": f"{target}/", "SITEURL": "https://example.org"}
    command = [PY, str(ROOT / "scripts" / "publish.py"), "--output", str(tmp_path / "out")]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (target / "index.html").is_file() and not (target / "gammal-sida.html").exists()
    missing = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env={**env, "PUBLISH_TARGET": ""})
    assert missing.returncode == 2 and "PUBLISH_TARGET saknas" in missing.stderr
    no_rsync = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env={**env, "PATH": str(tmp_path)})
    assert no_rsync.returncode == 2 and "rsync saknas" in no_rsync.stderr


@pytest.mark.skipif(shutil.which("rsync") is None, reason="rsync is installed by scripts/setup.sh")
def test_publish_publishes_nothing_when_the_build_stops(tmp_path):
    content = copy_of_content(tmp_path)
    message = _with_unknown_topic(content)
    target = tmp_path / "server"
    target.mkdir()
    (target / "index.html").write_text("förra versionen", encoding="utf-8")
    command = [PY, str(ROOT / "scripts" / "publish.py"), "--content", str(content), "--output", str(tmp_path / "out")]
    result = subprocess.run(
        command, capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PUBLISH_TARGET": f"{target}/"}
    )
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in target.iterdir()] == ["index.html"]
    assert (target / "index.html").read_text(encoding="utf-8") == "förra versionen"


def test_every_date_source_the_migration_writes_is_one_the_check_knows():
    """The check names a misspelt Date_source; one the migration or an import writes must pass it."""
    assert {*PLANNED_DATE_SOURCES, *IMPORTED_DATE_SOURCES.values()} == set(DATE_SOURCES)


def test_the_statuses_the_check_knows_are_pelicans():
    assert STATUSES == Article.allowed_statuses == Page.allowed_statuses
