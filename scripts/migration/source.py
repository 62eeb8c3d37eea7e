"""Reading legacy dumps: bytes in, numbered lines out, or a clear error.

Editors get dumps from old systems: UTF-8 with or without BOM, Windows line
endings, sometimes Windows-1252 or UTF-16 (Notepad's "Unicode"). All of these
must give the same lines, and anything that is not text must stop the
migration before it writes a file.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import MigrationError
from .files import read_bytes

# Exactly the line breaks a text editor writes; str.splitlines() would also
# split on U+2028, form feeds and other characters that can occur inside text.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Control characters never found in a text dump (tab, CR and LF are allowed; a form feed, the page
# break of text taken out of a PDF, is read as a line break).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PAGE_BREAK_AT_LINE_EDGE = re.compile(r"(?<=[\r\n])\f|^\f|\f(?=[\r\n]|$)")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
EMPTY = "filen är tom – det finns ingen text att migrera"
# Bytes that Windows-1252 leaves undefined.
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


@dataclass(frozen=True)
class LegacyDump:
    """One legacy text dump, decoded into lines (line 1 is ``lines[0]``)."""

    path: Path
    name: str
    lines: tuple[str, ...]
    sha256: str
    encoding: str

    def line(self, number: int) -> str:
        return self.lines[number - 1]

    @classmethod
    def from_lines(cls, name: str, lines: tuple[str, ...] | list[str], encoding: str = "utf-8") -> LegacyDump:
        """A dump of lines already in memory (made archives, benchmarks), hashed as ``read_dump`` hashes."""
        lines = tuple(lines)
        return cls(Path(name), name, lines, _digest(lines), encoding)


def _digest(lines: tuple[str, ...]) -> str:
    # Hash the decoded lines, not the bytes: the same dump saved as CRLF or
    # Windows-1252 is the same source and must match the same plan.
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def decode_dump(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding) or raise MigrationError naming ``name``."""
    if not data.strip():
        raise MigrationError(name, None, EMPTY)
    if data.startswith(_UTF16_BOMS):
        return _decode_utf16(data, name)
    if b"\x00" in data:
        raise MigrationError(name, None, "filen är binär (innehåller NUL-byte), inte en textdump")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        bad = sorted({b for b in data if b >= 0x80} & _CP1252_UNDEFINED)
        if bad:
            line = data[: utf8_error.start].count(b"\n") + 1
            raise MigrationError(
                name,
                line,
                f"texten kan inte avkodas (varken UTF-8 eller Windows-1252): byte 0x{data[utf8_error.start]:02x}",
            ) from None
        text, encoding = data.decode("cp1252"), "cp1252"
    return _checked_text(text, name), encoding


def _decode_utf16(data: bytes, name: str) -> tuple[str, str]:
    """Windows Notepad's "Unicode" (UTF-16 with a byte order mark): text, though it is full of NUL bytes."""
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as error:
        raise MigrationError(name, None, f"texten kan inte avkodas som UTF-16: {error.reason}") from None
    if not text.strip():
        raise MigrationError(name, None, EMPTY)
    return _checked_text(text, name), "utf-16"


def _checked_text(text: str, name: str) -> str:
    """Text without control characters, composed as NFC.

    A form feed (a page break, in text taken out of a PDF) next to a line break is dropped, so the
    lines keep the numbers an editor's text editor shows; one inside a line breaks it.
    """
    text = _PAGE_BREAK_AT_LINE_EDGE.sub("", text).replace("\f", "\n")
    control = _CONTROL.search(text)
    if control:
        line = text[: control.start()].count("\n") + 1
        raise MigrationError(
            name, line, f"filen innehåller styrtecken (U+{ord(control.group()):04X}) – är det en textfil?"
        )
    # A dump copied on a Mac may use decomposed characters (a + combining ring);
    # compose them so that "Åmål" is one string however it was typed.
    return unicodedata.normalize("NFC", text)


def split_lines(text: str) -> tuple[str, ...]:
    """Split on real line breaks only and drop trailing white space of each line."""
    lines = [line.rstrip(" \t") for line in _LINE_BREAK.split(text)]
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(lines)


def read_dump(path: Path, display_name: str | None = None) -> LegacyDump:
    """Read and decode a dump; errors name the file as the user gave it."""
    name = display_name or str(path)
    text, encoding = decode_dump(read_bytes(path, name), name)
    lines = split_lines(text)
    return LegacyDump(path=path, name=name, lines=lines, sha256=_digest(lines), encoding=encoding)
