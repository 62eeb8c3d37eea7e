"""PDF from a handbook's HTML, with WeasyPrint: tagged (PDF/UA-1), bookmarks from headings.

Rendering takes most of a second per handbook, so finished PDFs are cached by
a digest of everything that shapes them. WeasyPrint's output is deterministic
for the same input, so the SHA-256 shown to readers only changes with the text.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from importlib import metadata
from pathlib import Path

PDF_VARIANT = "pdf/ua-1"


def _engine_version() -> str:
    return metadata.version("weasyprint")  # without importing it: a cache hit stays cheap


def render_pdf(html: str, base_url: str, cache_dir: Path) -> bytes:
    """The PDF for ``html``; relative links and images resolve against ``base_url``. Kept in ``cache_dir``."""
    digest = hashlib.sha256("\0".join([_engine_version(), PDF_VARIANT, base_url, html]).encode()).hexdigest()
    cached = cache_dir / f"{digest}.pdf"
    if cached.exists():
        return cached.read_bytes()
    import weasyprint  # imported late: only builds with handbooks pay its start-up

    pdf = weasyprint.HTML(string=html, base_url=base_url).write_pdf(pdf_variant=PDF_VARIANT)
    cache_dir.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=cache_dir, prefix=".pdf.")
    with os.fdopen(handle, "wb") as stream:
        stream.write(pdf)
    os.replace(temporary, cached)
    return pdf
