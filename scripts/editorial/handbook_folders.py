"""The content check's rules for handbook folders: the files the handbooks plugin needs, before a build.

The plugin stops the build on the first mistake in a folder; the check names every one, from the same
rules (``folder_problems``): a file or folder as a whole as ``path: message``, a field as ``file:line: message``.
"""

from __future__ import annotations

from collections.abc import Iterator

from plugins.handbooks.model import HANDBOOK_FILE, VERSION_FILE, folder_problems

from .checks import Problem, check_date_field, check_topic_names
from .content_file import ContentFile
from .inventory import Inventory


def check_handbook_folders(inventory: Inventory, handbooks_path: str) -> list[Problem]:
    """Every handbook folder's missing or unknown files, and the title and dates its files must give."""
    root = inventory.root / handbooks_path
    folders = [p for p in sorted(root.glob("*/")) if not p.name.startswith(".")]  # none where there is no folder
    problems = [
        Problem(str(path) + ("/" if path.is_dir() else ""), 0, message)
        for folder in folders
        for path, message in folder_problems(folder)
    ]
    for item in inventory.handbook_files:
        problems += [Problem(str(item.path), line, message) for line, message in _fields(item, inventory.topics)]
    return sorted(problems)


def _fields(item: ContentFile, topics: set[str]) -> Iterator[tuple[int, str]]:
    if item.path.name == HANDBOOK_FILE:
        if not item.value("title"):
            yield item.line_of("title"), "Title: saknas (handbokens titel, som läsaren ser)."
        yield from check_topic_names(item, topics)
    if item.path.name == VERSION_FILE:
        yield from check_date_field(item, "date", needed_for="versionens datum")
