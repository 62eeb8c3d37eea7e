"""Restoring a flattened PDF: which trailing numbers are page numbers."""

from __future__ import annotations

import pytest
from migration.document import page_numbers_of


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        # numbered from the first page
        (["Omslag 1", "Text 2", "Mer text 3"], {0: 1, 1: 2, 2: 3}),
        # a cover and a summary without numbers, then 1, 2, 3
        (["Omslag", "Sammanfattning", "Text 1", "Text 2", "Text 3"], {2: 1, 3: 2, 4: 3}),
        # the cover counted as page 1 but not printed: the run starts at 2
        (["Omslag", "Text 2", "Text 3", "Text 4"], {1: 2, 2: 3, 3: 4}),
        # a full-page picture without a number between 3 and 5
        (["Text 1", "Text 2", "Text 3", "Bild", "Text 5", "Text 6"], {0: 1, 1: 2, 2: 3, 4: 5, 5: 6}),
        # a sentence that happens to end in a number, with nothing after it to count on
        (["Omslag", "Vi nådde mål 4", "Text utan nummer"], {}),
        # a number that breaks the run stays in the text
        (["Text 1", "Text 2", "Antal deltagare: 40", "Text 4"], {0: 1, 1: 2, 3: 4}),
    ],
)
def test_only_a_run_of_numbers_that_counts_up_is_taken_for_page_numbers(pages, expected):
    assert page_numbers_of(pages) == expected
