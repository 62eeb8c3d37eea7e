"""Writing generated files safely: atomically, and never over an editor's work.

A manifest (``.migration-manifest.json`` in the output folder) remembers the
SHA-256 of every file the migration wrote. A file whose content no longer
matches was changed by an editor and is left alone unless ``--force``.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".migration-manifest.json"


def sha256(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path`` and rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_editor_changes: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    manifest_unreadable: bool = False  # every changed file was kept as an editor's: say so


def read_manifest(out: Path) -> dict[str, str] | None:
    """The hashes the last run wrote ({} before the first run), or None if the manifest is broken: then
    every file that differs from what the migration would write now counts as an editor's and is kept."""
    path = out / MANIFEST
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_outputs(out: Path, files: dict[str, str], force: bool = False) -> WriteReport:
    """Write ``files`` (relative path -> text) under ``out``, guarding editor changes."""
    manifest = read_manifest(out)
    report = WriteReport(manifest_unreadable=manifest is None)
    manifest = manifest or {}
    new_manifest: dict[str, str] = {}
    for relative, text in sorted(files.items()):
        path = out / relative
        if path.exists():
            current = path.read_bytes()  # an editor may have saved it in another encoding: compare bytes
            if current == text.encode("utf-8"):
                report.unchanged.append(relative)
                new_manifest[relative] = sha256(text)
                continue
            if not force and manifest.get(relative) != sha256(current):
                report.kept_editor_changes.append(relative)
                new_manifest[relative] = manifest.get(relative, "")
                continue
        write_atomic(path, text)
        report.written.append(relative)
        new_manifest[relative] = sha256(text)
    for relative, digest in manifest.items():
        path = out / relative
        if relative in files or not path.exists():
            continue
        current = path.read_bytes()
        if not current or sha256(current) == digest or force:
            path.unlink()
            report.removed.append(relative)
        else:
            report.kept_editor_changes.append(relative)
            new_manifest[relative] = digest
    write_atomic(out / MANIFEST, json.dumps(new_manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return report
