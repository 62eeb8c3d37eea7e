"""Building a small fixture site with some of our plugins: shared by the plugins' build tests.

Each plugin is tested on a site of its own, built by Pelican in a subprocess
exactly as the real site is, so a test sees what a reader would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PLUGINS = Path(__file__).parent

BASE_SETTINGS = {
    "SITENAME": "Testplats",
    "SITEURL": "",
    "THEME": "simple",
    "TIMEZONE": "Europe/Stockholm",
    "FEED_DOMAIN": "",
    "FEED_ALL_ATOM": None,
    "CATEGORY_FEED_ATOM": None,
}


def build_site(content: Path, out: Path, plugins: list[str], **settings: object) -> subprocess.CompletedProcess:
    """Build ``content`` into ``out`` with ``plugins``; settings override the defaults above."""
    values = {**BASE_SETTINGS, "PATH": str(content), "PLUGIN_PATHS": [str(PLUGINS)], "PLUGINS": plugins, **settings}
    settings_file = out.parent / f"{out.name}-settings.py"
    out.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text("".join(f"{key} = {value!r}\n" for key, value in values.items()), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(out), "-s", str(settings_file), "--fatal", "errors"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "400"},  # Pelican's log wraps at the terminal width
    )
