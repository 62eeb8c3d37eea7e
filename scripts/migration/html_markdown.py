"""HTML from old systems → clean Markdown, with markdownify (no pandoc).

WordPress stores post bodies without <p> tags (its "autop" adds them when
showing a page), so paragraphs are restored first; scripts, styles and
comments are dropped; headings become ATX (``##``), bullets ``-``.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment
from markdownify import MarkdownConverter

_BLOCK_START = re.compile(
    r"^<(p|div|ul|ol|li|table|thead|tbody|tr|h[1-6]|blockquote|pre|figure|hr|section|article)\b", re.IGNORECASE
)


def autop(html: str) -> str:
    """WordPress's paragraph rule: blank lines separate paragraphs, single newlines are breaks.

    Chunks that already start with a block element are left as they are.
    """
    chunks = [c.strip() for c in re.split(r"\n\s*\n", html.replace("\r\n", "\n")) if c.strip()]
    return "\n".join(
        chunk if _BLOCK_START.match(chunk) else f"<p>{chunk.replace(chr(10), '<br>')}</p>" for chunk in chunks
    )


def to_markdown(html: str, shift_headings: int = 0) -> str:
    """Markdown for an HTML fragment; ``shift_headings`` moves headings down (h1 → h2 with 1)."""
    soup = BeautifulSoup(autop(html), "html.parser")
    for element in soup.find_all(["script", "style", "noscript", "iframe"]):
        element.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    if shift_headings:
        for heading in soup.find_all(re.compile(r"^h[1-6]$")):
            heading.name = f"h{min(6, int(heading.name[1]) + shift_headings)}"
    markdown = MarkdownConverter(heading_style="ATX", bullets="-", strip=["span", "font"]).convert_soup(soup)
    markdown = re.sub(r"[ \t]+\n", lambda m: "  \n" if m.group(0).startswith("  ") else "\n", markdown)
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"


def bare_words(text: str) -> str:
    """Text as lower-case words and single spaces, so the same words compare equal across sources."""
    return " ".join(re.findall(r"\w+", text.lower()))


def plain_text(html: str) -> str:
    return re.sub(r"\s+", " ", BeautifulSoup(html or "", "html.parser").get_text(" ")).strip()


def lead_text(html: str) -> str:
    """The first paragraph's text (a summary), or all text when there is no paragraph."""
    first = BeautifulSoup(autop(html or ""), "html.parser").find("p")
    return plain_text(str(first)) if first else plain_text(html)


def image_sources(html: str) -> list[str]:
    """Every image an item shows: the files an editor must bring over by hand."""
    return [img["src"] for img in BeautifulSoup(html or "", "html.parser").find_all("img", src=True)]
