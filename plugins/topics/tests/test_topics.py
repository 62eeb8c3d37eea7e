"""The topics plugin: unit tests of its rules and a build of a small fixture site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plugins.fixture_site import build_site
from plugins.topics.topics import check_topics, metadata_line, split_list

SITE = Path(__file__).parent / "site"
REPO = Path(__file__).resolve().parents[3]


def test_split_list_accepts_strings_and_lists():
    assert split_list("a, b ,, c") == ["a", "b", "c"]
    assert split_list(["a ", "b"]) == ["a", "b"]
    assert split_list(None) == []


class _Item:
    def __init__(self, path: Path, topics: str) -> None:
        self.source_path, self.topics = str(path), topics


def test_an_unknown_topic_is_reported_with_file_line_and_name(tmp_path):
    post = tmp_path / "inlagg.md"
    post.write_text("Title: X\nDate: 2024-01-01\nTopics: cyklar, bilar\n\nText\n", encoding="utf-8")
    assert metadata_line(str(post), "topics") == 3
    problems = check_topics([_Item(post, "cyklar, bilar")], {"cyklar"}, str(tmp_path))
    assert len(problems) == 1
    assert problems[0].startswith("inlagg.md:3: ämnet 'bilar' finns inte")


def test_a_file_that_cannot_be_read_again_or_names_no_topics_line_is_named_without_a_line(tmp_path):
    """The message must still name the file when the line cannot be found (file moved, key in a list)."""
    assert metadata_line(str(tmp_path / "borta.md"), "topics") is None
    problems = check_topics([_Item(tmp_path / "borta.md", "bilar")], {"cyklar"}, str(tmp_path))
    assert problems[0].startswith("borta.md: ämnet 'bilar' finns inte")


def _build(content: Path, out: Path, **settings: object):
    return build_site(
        content,
        out,
        ["topics"],
        ARTICLE_PATHS=["articles"],
        ARTICLE_EXCLUDES=["topics"],
        PAGE_EXCLUDES=["topics"],
        **settings,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("topics") / "output"
    result = _build(SITE / "content", out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_each_topic_gets_a_landing_page_with_intro_contacts_and_articles_by_year(built):
    html = (built / "tema" / "cyklar" / "index.html").read_text(encoding="utf-8")
    assert "<strong>cykelbanor</strong>" in html  # intro rendered from Markdown
    assert "Anna Andersson, trafikplanerare" in html and "Bo Berg, cykelsamordnare" in html
    assert html.index("Ny cykelbana") < html.index("Cykla i parken")  # newest first
    assert "<h3>2024</h3>" in html and "<h3>2023</h3>" in html
    assert "Utan tema" not in html
    parker = (built / "tema" / "parker" / "index.html").read_text(encoding="utf-8")
    assert "Cykla i parken" in parker and "Ny cykelbana" not in parker


def test_each_topic_has_its_own_atom_feed(built):
    feed = (built / "feeds" / "tema" / "cyklar.atom.xml").read_text(encoding="utf-8")
    assert feed.count("<entry>") == 2
    assert (built / "feeds" / "tema" / "parker.atom.xml").read_text(encoding="utf-8").count("<entry>") == 1


def test_the_topic_index_lists_every_topic(built):
    html = (built / "tema" / "index.html").read_text(encoding="utf-8")
    assert "Cyklar" in html and "Parker" in html


def test_the_index_and_the_feeds_can_be_switched_off_in_the_settings(tmp_path):
    out = tmp_path / "output"
    result = _build(SITE / "content", out, TOPICS_SAVE_AS="", TOPIC_FEED_ATOM=None)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Cykla i parken" in (out / "tema" / "cyklar" / "index.html").read_text(encoding="utf-8")
    assert not (out / "tema" / "index.html").exists() and not (out / "feeds" / "tema").exists()


def test_an_article_naming_an_unknown_topic_fails_the_build(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITE / "content", content)
    (content / "articles" / "fel.md").write_text(
        "Title: Fel tema\nDate: 2024-01-01\nTopics: cyklar, bilar\n\nText.\n", encoding="utf-8"
    )
    result = _build(content, tmp_path / "output")
    assert result.returncode != 0
    output = " ".join((result.stdout + result.stderr).split())
    assert "fel.md:3: ämnet 'bilar' finns inte" in output
