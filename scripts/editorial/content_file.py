"""A content file as an editor wrote it: metadata lines and body lines, with line numbers.

Pelican reads the same files with Python-Markdown's meta extension; this
parser keeps what Pelican forgets (the line of each field) so every problem
can be reported as ``file:line``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# What a slug may be: it is part of a URL and of a file name (the migration makes slugs so, too).
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FIELD = re.compile(r"^(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)$")
_CONTINUATION = re.compile(r"^ {4,}\S")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass
class ContentFile:
    path: Path
    fields: dict[str, tuple[int, str]] = field(default_factory=dict)  # lower-case key -> (line, value)
    body: list[tuple[int, str]] = field(default_factory=list)  # (line, text)
    stray_header_line: int | None = None  # a header line that is not "Key: value"
    not_utf8_line: int | None = None  # the first line holding bytes UTF-8 cannot decode
    # A key given again, (line, key): Pelican keeps the first "Slug:", "Date:" … and makes a list of others.
    repeated: list[tuple[int, str]] = field(default_factory=list)

    def value(self, key: str) -> str:
        return self.fields.get(key.lower(), (0, ""))[1].strip()

    def line_of(self, key: str) -> int:
        return self.fields.get(key.lower(), (1, ""))[0]

    def items(self, key: str) -> list[tuple[str, int]]:
        """A comma-separated field as (item, line); empty items kept as "" so they can be reported."""
        if key.lower() not in self.fields:
            return []
        line, value = self.fields[key.lower()]
        return [(item.strip(), line) for item in value.split(",")] if value.strip() else []


def topic_slug(topic: ContentFile) -> str:
    """A topic's slug as the topics plugin takes it: ``Slug:`` if given, else the file's name."""
    return topic.value("slug") or topic.path.stem


def parse(path: Path) -> ContentFile:
    """Split a Markdown content file into its metadata header and body.

    A file saved in another encoding than UTF-8 (Windows-1252, say) is read with the bad bytes
    replaced, so that its other problems are found too, and the first such line is noted.
    """
    parsed = ContentFile(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        parsed.not_utf8_line = data[: error.start].count(b"\n") + 1
        text = data.decode("utf-8", errors="replace")
    # Lines as Markdown reads them: a form feed or U+001E inside a line is a character (which the check names),
    # not a line break as str.splitlines would have it.
    lines = _LINE_BREAK.split(text)
    if lines and not lines[-1]:
        lines.pop()
    number = 0
    last_key = None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            break
        match = _FIELD.match(line)
        if match and match["key"].lower() in parsed.fields:
            parsed.repeated.append((number, match["key"]))
            last_key = ""  # its continuation lines belong to the repetition, kept out as Pelican does
        elif match:
            last_key = match["key"].lower()
            parsed.fields[last_key] = (number, match["value"])
        elif last_key is not None and _CONTINUATION.match(line):
            if last_key:
                start, value = parsed.fields[last_key]
                parsed.fields[last_key] = (start, f"{value} {line.strip()}")
        else:
            parsed.stray_header_line = number
            number -= 1  # this line starts the body, as it does for Pelican
            break
    else:
        number = len(lines)
    parsed.body = [(n, t) for n, t in enumerate(lines[number:], number + 1)]
    return parsed
