"""The tag cloud plugin: weighting, Swedish order, and a build of a small fixture site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plugins.fixture_site import build_site
from plugins.tag_cloud.ordering import swedish_key
from plugins.tag_cloud.tag_cloud import weigh

REPO = Path(__file__).resolve().parents[3]


def test_swedish_order_is_case_insensitive_with_a_ring_a_umlaut_o_umlaut_after_z():
    names = ["öppna data", "Ärenden", "zon", "Åtgärd", "anna", "Bok", "éclair"]
    assert sorted(names, key=swedish_key) == ["anna", "Bok", "éclair", "zon", "Åtgärd", "Ärenden", "öppna data"]


def test_weights_are_log_scaled_into_steps_most_used_is_step_one():
    cloud = weigh({"a": 1, "b": 2, "c": 4, "d": 16}, steps=4)
    steps = {e.name: e.step for e in cloud}
    assert steps["d"] == 1 and steps["a"] == 4
    assert steps["d"] <= steps["c"] <= steps["b"] <= steps["a"]
    assert {e.name: e.count for e in cloud} == {"a": 1, "b": 2, "c": 4, "d": 16}


def test_max_items_keeps_the_most_used_and_sorting_can_be_by_size():
    counts = {"Öl": 5, "Ål": 1, "Äpple": 3, "zebra": 2}
    assert [e.name for e in weigh(counts, max_items=3)] == ["zebra", "Äpple", "Öl"]
    assert [e.name for e in weigh(counts, sorting="size")] == ["Öl", "Äpple", "zebra", "Ål"]


def test_equal_counts_give_one_step_and_bad_settings_are_refused():
    assert {e.step for e in weigh({"a": 2, "b": 2}, steps=5)} == {1}
    assert weigh({}) == []
    with pytest.raises(ValueError, match="TAG_CLOUD_SORTING"):
        weigh({"a": 1}, sorting="random")
    for bad in ({"steps": 0}, {"max_items": 0}):
        with pytest.raises(ValueError, match="TAG_CLOUD_STEPS och TAG_CLOUD_MAX_ITEMS ska vara minst 1"):
            weigh({"a": 1}, **bad)


def test_a_site_build_shows_the_cloud_as_links_with_counts(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    posts = {"ett": "Öl, Åtgärd", "två": "Öl, zebra", "tre": "Öl, Ärende"}
    for slug, tags in posts.items():
        (content / f"{slug}.md").write_text(f"Title: {slug}\nDate: 2024-01-01\nTags: {tags}\n\nText.\n", "utf-8")
    theme = tmp_path / "theme" / "templates"
    theme.mkdir(parents=True)
    (theme / "index.html").write_text(
        '<ul>{% for e in tag_cloud %}<li class="s{{ e.step }}"><a href="/{{ e.tag.url }}">{{ e.name }}</a>'
        " ({{ e.count }})</li>{% endfor %}</ul>"
        "<p>{% for e in articles | tag_cloud %}{{ e.name }};{% endfor %}</p>",
        "utf-8",
    )
    out = tmp_path / "out"
    result = build_site(content, out, ["tag_cloud"], THEME=str(theme.parent), DIRECT_TEMPLATES=["index"])
    assert result.returncode == 0, result.stdout + result.stderr
    html = (out / "index.html").read_text(encoding="utf-8")
    assert re.findall(r">([^<]+)</a> \((\d)\)", html) == [("zebra", "1"), ("Åtgärd", "1"), ("Ärende", "1"), ("Öl", "3")]
    assert 'class="s1"><a href="/tag/ol.html">Öl' in html
    assert "<p>zebra;Åtgärd;Ärende;Öl;</p>" in html
