"""The review list's rules alone (scripts/migration/review.py); the list in a whole run: test_migration.py."""

from __future__ import annotations

import pytest
from migration.review import doubted
from migration.source import LegacyDump


@pytest.mark.parametrize(
    ("heading", "after", "confidence", "listed"),
    [
        ("Material från vårt seminarium om cykelbanor i staden", "Tack alla som kom och lyssnade i går.", 0.35, True),
        ("Material från vårt seminarium om cykelbanor i staden", "Tack alla som kom och lyssnade i går.", 0.25, False),
        ("Läs mer om stadens arbete med cykelbanor på", "https://example.se/cykel", 0.45, False),  # a link follows
        ("Har du frågor om hur vi bygger banorna?", "Kontakta Anna, anna@example.se", 0.45, False),  # contact details
        ("Nya banor i år", "Tack alla som kom och lyssnade i går.", 0.45, False),  # a short heading: from 0.5
        ("Nya banor i år", "Tack alla som kom och lyssnade i går.", 0.5, True),
    ],
)
def test_a_long_heading_over_running_text_inside_a_post_is_doubted_sooner(heading, after, confidence, listed):
    """The titles the splitter misses are long ones after a post on the same subject, doubted at about 0.3."""
    dump = LegacyDump.from_lines("a.txt", ["Cyklar i staden", "Staden bygger banor i år.", heading, "", after])
    assert doubted({"line": 3, "text": heading, "confidence": confidence}, dump) is listed
