"""Shared fixtures: the archive, and running the migration CLI for real."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from migration.rules import MigrationRules, load_rules
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LEGACY = ROOT / "legacy"
DUMPS = sorted(LEGACY.glob("*.txt"))


def run_migrate(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "migrate.py"), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )


def archive_rules() -> MigrationRules:
    """The archive's migration rules, read as `invoke migrate` reads them (the rules file and the topics)."""
    return load_rules(ROOT / "data" / "migration-rules.yaml", ROOT / "content" / "topics")


def untraced_environment() -> dict[str, str]:
    """This environment without coverage's hook for subprocesses (.coveragerc, `patch = subprocess`).

    A timed run measures what an editor waits for; tracing every line nearly doubles it."""
    return {k: v for k, v in os.environ.items() if k not in ("COVERAGE_PROCESS_CONFIG", "COVERAGE_PROCESS_START")}


@pytest.fixture(scope="session")
def truth() -> dict:
    return yaml.safe_load((ROOT / "tests" / "fixtures" / "legacy_truth.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def migrated(tmp_path_factory) -> Path:
    """The archive migrated afresh (no plan) into a temporary content folder."""
    out = tmp_path_factory.mktemp("content")
    result = run_migrate("--out", out, LEGACY)
    assert result.returncode == 0, result.stderr
    return out


@dataclass(frozen=True)
class BuiltSite:
    """The real site built with publishconf.py and served on localhost."""

    root: Path
    url: str  # SITEURL the site was built with, e.g. http://127.0.0.1:PORT

    def file_for(self, href: str) -> Path | None:
        """The output file an internal link points to, or None for an external link."""
        href = href.split("#", 1)[0].split("?", 1)[0]
        if href.startswith(self.url):
            href = href[len(self.url) :]
        if not href.startswith("/") or href.startswith("//"):
            return None
        target = self.root / href.lstrip("/")
        return target / "index.html" if href.endswith("/") or target.is_dir() else target


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def run_build(content: Path | None, out: Path, settings: Path, **env: str) -> subprocess.CompletedProcess:
    """The site built as ``invoke build`` builds it (scripts/build_site.py), its output captured.

    ``content`` None builds the settings' own PATH; ``env`` adds variables (a SITEURL to serve it at)."""
    command = [sys.executable, str(ROOT / "scripts" / "build_site.py"), *([str(content)] if content else [])]
    return subprocess.run(
        [*command, "-o", str(out), "-s", str(settings)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
    )


def build_and_serve(content: Path, root: Path, settings: Path = ROOT / "publishconf.py"):
    """Build ``content`` (with publishconf.py unless told) into ``root`` and serve it on localhost."""
    root.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}"
    result = run_build(content, root, settings, SITEURL=url, COLUMNS="400")
    assert result.returncode == 0, result.stdout + result.stderr
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield BuiltSite(root, url)
    server.shutdown()


def copy_of_content(work: Path) -> Path:
    """A copy of the real content an end-to-end test may change as an editor would."""
    shutil.copytree(ROOT / "content", work / "content")
    return work / "content"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright, with the flags this project's CI requires."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    yield from build_and_serve(ROOT / "content", tmp_path_factory.mktemp("site") / "output")


@pytest.fixture(scope="session")
def site_with_new_handbook_version(tmp_path_factory) -> BuiltSite:
    """The real content after an editor publishes version 2.0 of the first handbook.

    Version 2.0 is version 1.0 with one chapter more, dated a year later: what
    an editor does once a year (see plugins/handbooks/README.md).
    """
    work = tmp_path_factory.mktemp("new-version")
    content = copy_of_content(work)
    handbook = sorted((content / "handbooks").glob("*/handbook.md"))[0].parent
    old = sorted(p for p in handbook.iterdir() if p.is_dir())[-1]
    new = handbook / "2.0"
    shutil.copytree(old, new)
    (new / "version.md").write_text("Date: 2099-01-31\n\nEtt nytt kapitel om uppföljning.\n", encoding="utf-8")
    (new / "zz-uppfoljning.md").write_text("Title: Uppföljning\n\n## Nya mått\n\nText.\n", encoding="utf-8")
    yield from build_and_serve(content, work / "output")


@pytest.fixture(scope="session")
def site_with_a_wide_table(tmp_path_factory) -> BuiltSite:
    """The real content and one article more, holding a table far wider than a phone (its first row the
    column headings), as a migrated table copied with its tabs comes out."""
    work = tmp_path_factory.mktemp("wide-table")
    content = copy_of_content(work)
    headings = " | ".join(f"Kolumn {n}" for n in range(1, 9))
    row = " | ".join(f"Värde{n}ettlångtordutanbindestreck" for n in range(1, 9))
    (content / "articles" / "bred-tabell.md").write_text(
        f"Title: En bred tabell\nDate: 2015-03-12\nSummary: En tabell.\n\nText före.\n\n| {headings} |\n"
        f"|{' --- |' * 8}\n| {row} |\n\nText efter.\n",
        encoding="utf-8",
    )
    yield from build_and_serve(content, work / "output")
