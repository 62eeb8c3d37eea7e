"""The site's own settings and slug rule, so editor tools agree with what Pelican builds."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from pelican.settings import read_settings
from pelican.utils import slugify


def load_settings(path: Path) -> dict:
    """Pelican's settings from ``path``, without its warnings about feeds (irrelevant here)."""
    quiet = logging.getLogger("pelican.settings")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        return read_settings(str(path))
    finally:
        quiet.setLevel(level)


def site_slugify(settings: dict) -> Callable[[str], str]:
    """Pelican's slugify with the site's substitutions (å, ä, ö folded to a, a, o)."""
    substitutions = settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    return lambda text: slugify(text, regex_subs=substitutions)
