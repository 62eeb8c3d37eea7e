"""Shared fixtures: the archive, and running the migration CLI for real."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
LEGACY = ROOT / "legacy"
DUMPS = sorted(LEGACY.glob("*.txt"))


def run_migrate(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "migrate.py"), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


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
