"""Swedish alphabetical order: å, ä, ö after z, in that order, case-insensitive.

Python's default order puts Ä before Å (by code point), and locale-based
sorting depends on locales the build machine may not have.
"""

from __future__ import annotations

# Letters after z, in Swedish order (æ and ø sort as ä and ö).
_AFTER_Z = {"å": "\U0010fff0", "ä": "\U0010fff1", "æ": "\U0010fff1", "ö": "\U0010fff2", "ø": "\U0010fff2"}
_AS_BASE = {"é": "e", "è": "e", "ü": "y", "á": "a", "à": "a"}


def swedish_key(text: str) -> str:
    folded = str(text).casefold()
    return "".join(_AFTER_Z.get(ch) or _AS_BASE.get(ch, ch) for ch in folded)
