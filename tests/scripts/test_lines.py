"""Line shapes and the stems that the splitter compares lines by."""

from __future__ import annotations

import pytest
from migration.lines import content_stems


@pytest.mark.parametrize(
    ("definite", "plain"),
    [("matavfallet", "matavfall"), ("projektet", "projekt"), ("arbetet", "arbete"), ("innehållet", "innehåll")],
)
def test_a_noun_with_its_definite_ending_has_the_same_stem_as_without(definite, plain):
    assert content_stems(definite) == content_stems(plain)


def test_a_short_word_ending_in_et_keeps_its_letters():
    assert content_stems("ämnet") == ("ämnet",)
    assert content_stems("Paketet") == content_stems("paket")


def test_stop_words_short_words_and_numbers_carry_no_meaning():
    assert content_stems("Vi är 12 på en ö") == ()
