"""Reading the files an editor names or edits: bytes or UTF-8 text, or an error naming the file.

A path may be mistyped, a link broken, a plan saved by an editor in Windows-1252: each is a
``MigrationError`` naming the file (and, for text, the line), never a traceback.
"""

from __future__ import annotations

from pathlib import Path

from .errors import MigrationError


def unreadable(name: str, error: OSError) -> MigrationError:
    """The error for a file the system would not let us read (missing, a folder, no permission)."""
    return MigrationError(name, None, f"filen kan inte läsas: {error.strerror}")


def read_bytes(path: Path, name: str) -> bytes:
    """The file's bytes; ``name`` is the file as the user gave it."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise unreadable(name, error) from None


def read_utf8(path: Path, name: str) -> str:
    """The file's text, which must be UTF-8 (a BOM is allowed): the line of the first byte that is not."""
    data = read_bytes(path, name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise MigrationError(
            name,
            line,
            "filen är inte sparad som UTF-8 (å, ä och ö blir fel). Spara den som UTF-8 i din textredigerare.",
        ) from None
