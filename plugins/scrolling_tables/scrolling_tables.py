"""Wide tables scroll sideways in a box of their own, and a keyboard can scroll that box.

A table wider than a phone's screen would push the whole page sideways; in its own scrolling box it
stays in place. What scrolls must be reachable without a mouse (WCAG 2.1.1; axe's
"scrollable-region-focusable" reports a wide table in a scrolling box as a serious violation), so the
box takes focus and is a region named after the table's column headings, which a screen reader
announces. Done as a Markdown treeprocessor: every table Markdown writes (migrated posts, WordPress
imports, handbooks) gets its box, and no HTML is parsed twice.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from pelican import signals

DEFAULT_LABEL = "Tabell"
MAX_LABEL_HEADINGS = 3  # a name to recognise the table by, not a reading of it


def table_label(table: etree.Element, label: str = DEFAULT_LABEL) -> str:
    """The region's name: ``label`` and the table's first column headings ("Tabell: Plats, Ställen, Tak")."""
    headings = [" ".join("".join(cell.itertext()).split()) for cell in table.iter("th")]
    named = [heading for heading in headings if heading][:MAX_LABEL_HEADINGS]
    return f"{label}: {', '.join(named)}" if named else label


class _BoxTables(Treeprocessor):
    def __init__(self, md: Markdown, label: str) -> None:
        super().__init__(md)
        self.label = label

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag != "table":
                    continue
                box = etree.Element("div", {"class": "table-scroll", "role": "region", "tabindex": "0"})
                box.set("aria-label", table_label(child, self.label))
                box.tail, child.tail = child.tail, None
                parent.remove(child)
                box.append(child)
                parent.insert(index, box)


class ScrollingTables(Extension):
    """Markdown extension: each table in a focusable, named region (``label`` names it)."""

    def __init__(self, **kwargs: object) -> None:
        self.config = {"label": [DEFAULT_LABEL, "the word a table's region is named with"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's name)
        # After "inline" (priority 20), so that a heading cell's text is its words, not a placeholder.
        md.treeprocessors.register(_BoxTables(md, self.getConfig("label")), "scrolling_tables", 5)


def add_extension(pelican: object) -> None:
    """Hand the extension to Pelican's Markdown reader (``SCROLLING_TABLES_LABEL`` names the regions)."""
    settings = pelican.settings
    label = settings.get("SCROLLING_TABLES_LABEL", DEFAULT_LABEL)
    settings.setdefault("MARKDOWN", {}).setdefault("extensions", []).append(ScrollingTables(label=label))


def register() -> None:
    signals.initialized.connect(add_extension)
