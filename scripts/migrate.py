#!/usr/bin/env python3
"""Migrate legacy blog dumps to Pelican Markdown. See --help."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from migration.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
