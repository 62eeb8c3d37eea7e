"""The rules file editors own: a mistake in it is named with the file and the line of its key."""

from __future__ import annotations

import random
import re

import pytest
from conftest import DUMPS, ROOT, run_migrate
from migration.errors import MigrationError
from migration.rules import assign, load_rules, with_printed_tags, with_printed_topics, word_starts

RULES = ROOT / "data" / "migration-rules.yaml"
TOPICS = ROOT / "content" / "topics"


def _line_of(text: str, pattern: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if re.match(pattern, line))


@pytest.mark.parametrize(
    "key_line, replace, message",
    [
        (r"min_hits:", lambda line: "min_hits: två", "'min_hits' ska vara ett heltal"),
        (r"closing_cues:", lambda line: "closing_cues: kontakta", "'closing_cues' ska vara en lista"),
        (r"  \w+: \[", lambda line: line.split(":")[0] + ": []", "behöver en lista med nyckelord"),
    ],
    ids=["min_hits", "a-list-as-one-text", "a-tag-without-keywords"],
)
def test_a_mistake_in_the_rules_names_the_file_and_the_line(tmp_path, key_line, replace, message):
    text = RULES.read_text(encoding="utf-8")
    line = _line_of(text, key_line)
    rows = text.splitlines()
    rows[line - 1] = replace(rows[line - 1])
    if key_line == r"closing_cues:":  # the list's items under the key go too
        while rows[line].startswith("  - "):
            del rows[line]
    broken = tmp_path / "regler.yaml"
    broken.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(MigrationError) as error:
        load_rules(broken, TOPICS)
    assert str(error.value).startswith(f"{broken}:{line}: ") and message in str(error.value)


def test_the_cli_stops_on_a_broken_rules_file_and_writes_nothing(tmp_path):
    broken = tmp_path / "regler.yaml"
    broken.write_text(RULES.read_text(encoding="utf-8").replace("min_hits: 2", "min_hits: 0"), encoding="utf-8")
    out = tmp_path / "out"
    result = run_migrate("--out", out, "--rules", broken, DUMPS[0])
    assert result.returncode == 2 and "regler.yaml:" in result.stderr and "min_hits" in result.stderr
    assert not out.exists()


def _topics_with(tmp_path, header: bytes, name: str = "nytt-tema.md"):
    """The archive's topics folder plus one topic file whose header is ``header``."""
    folder = tmp_path / "topics"
    folder.mkdir()
    for topic in TOPICS.glob("*.md"):
        (folder / topic.name).write_bytes(topic.read_bytes())
    broken = folder / name
    broken.write_bytes(header + b"\n\nIngress.\n")
    return folder, broken


@pytest.mark.parametrize(
    "header, line, message",
    [
        (b"Title: Nytt tema\nSlug: nytt-tema\nnyckelord utan nyckel", 3, "'Nyckel: värde'"),
        (b"Slug: nytt-tema\nKeywords: nytt", 1, "Title: saknas"),
        (b"Title: Nytt tema\nSlug: Nytt tema\nKeywords: nytt", 2, "Slug: 'Nytt tema' får bara ha"),
        ("Title: Nytt tema\nSlug: nytt-tema\nKeywords: vård, omsorg".encode("cp1252"), 3, "inte sparad som UTF-8"),
    ],
    ids=["stray-header-line", "no-title", "slug-with-capitals-and-space", "windows-1252"],
)
def test_a_mistake_in_a_topic_file_names_the_file_and_the_line(tmp_path, header, line, message):
    folder, broken = _topics_with(tmp_path, header)
    with pytest.raises(MigrationError) as error:
        load_rules(RULES, folder)
    assert str(error.value).startswith(f"{broken}:{line}: ") and message in str(error.value)


def test_a_topic_keyword_list_may_run_over_two_header_lines_as_pelican_reads_it(tmp_path):
    folder, _ = _topics_with(tmp_path, b"Title: Nytt tema\nSlug: nytt-tema\nKeywords: ett,\n    tv\xc3\xa5")
    topic = next(t for t in load_rules(RULES, folder).topics if t.slug == "nytt-tema")
    assert topic.rule.keywords == ("ett", "två")


def test_a_topic_without_slug_or_keywords_is_taken_as_the_topics_plugin_takes_it(tmp_path):
    """The site builds such a topic (slug from the file name, articles naming it by hand), so the migration must
    not stop on it; it just assigns it to no post."""
    folder, _ = _topics_with(tmp_path, b"Title: Nytt tema")
    topic = next(t for t in load_rules(RULES, folder).topics if t.slug == "nytt-tema")
    assert topic.title == "Nytt tema" and topic.rule.keywords == ()
    assert "nytt-tema" not in assign(load_rules(RULES, folder), "Nytt tema", "Nytt tema, nytt tema.")[1]


def test_a_topic_file_whose_name_is_no_slug_needs_a_slug_line(tmp_path):
    folder, broken = _topics_with(tmp_path, b"Title: Nytt tema\nKeywords: nytt", name="Nytt tema.md")
    with pytest.raises(MigrationError) as error:
        load_rules(RULES, folder)
    assert str(error.value).startswith(f"{broken}:1: ") and "filnamnet 'Nytt tema' blir dess adress" in str(error.value)


@pytest.mark.parametrize(
    "make, line, message",
    [
        (lambda text: text.encode("cp1252"), "first-non-ascii", "inte sparad som UTF-8"),
        (lambda text: b"tags: [ett\nmin_hits: 2\n", 2, "inte giltig YAML"),
        (lambda text: b"- en lista\n- inga nycklar\n", None, "ska innehålla nycklar som 'tags:'"),
        (lambda text: b"tags:\n  - Medborgardialog\nmin_hits: 2\n", 1, "'tags' ska vara en lista av 'Taggnamn:"),
        (None, None, "filen kan inte läsas"),
        # A misspelt key was read as no rules at all: posts split without closing cues, without a word.
        (lambda text: b"min_hits: 2\nclosing_cue:\n  - kontakta\n", 2, "okänd nyckel 'closing_cue' – menade du"),
        (lambda text: b"min_hits: 2\nregler: []\n", 2, "okänd nyckel 'regler' – kända nycklar: min_hits,"),
        (lambda text: b"closing_cues:\n  - kontakta\n  - ' '\n", 1, "ingen av dem tom"),  # would match every line
    ],
    ids=["windows-1252", "broken-yaml", "not-a-mapping", "tags-as-a-list", "a-folder", "misspelt", "unknown", "blank"],
)
def test_a_rules_file_that_cannot_be_read_as_rules_is_named_with_its_line(tmp_path, make, line, message):
    broken = tmp_path / "regler.yaml"
    if make is None:
        broken.mkdir()  # a path to a folder, mistyped
    else:
        broken.write_bytes(make(RULES.read_text(encoding="utf-8")))
    if line == "first-non-ascii":
        line = next(n for n, row in enumerate(RULES.read_text(encoding="utf-8").splitlines(), 1) if not row.isascii())
    with pytest.raises(MigrationError) as error:
        load_rules(broken, TOPICS)
    where = f"{broken}:{line}: " if line else f"{broken}: "
    assert str(error.value).startswith(where) and message in str(error.value), str(error.value)


def test_a_topic_file_that_cannot_be_read_is_named(tmp_path):
    folder, _ = _topics_with(tmp_path, b"Title: Nytt tema")
    (folder / "borta.md").symlink_to(tmp_path / "finns-inte.md")  # a link left behind by a moved file
    with pytest.raises(MigrationError) as error:
        load_rules(RULES, folder)
    assert str(error.value).startswith(f"{folder / 'borta.md'}: filen kan inte läsas")


@pytest.mark.parametrize(
    ("text", "keyword", "count"),
    [
        ("Öppna data och datan", "data", 2),  # a word, and a word it starts
        ("metadata, Data-lager", "data", 1),  # not inside a word; any case
        ("_data 2data", "data", 0),  # an underscore or a digit is part of the word
        ("a-a-a", "a-a", 1),  # occurrences do not overlap
        ("", "data", 0),
    ],
)
def test_a_keyword_counts_where_it_starts_a_word(text, keyword, count):
    assert word_starts(text.lower(), keyword) == count


def test_keyword_counts_agree_with_a_case_blind_word_start_pattern():
    """The string search stands in for `(?<!\\w)keyword` with re.IGNORECASE: same counts on every text."""
    texts = [dump.read_text(encoding="utf-8") for dump in DUMPS]
    texts += ["".join(random.Random(seed).choice("aAåÅ ö_-1.\u00a0") for _ in range(60)) for seed in range(300)]
    keywords = [k for rule in load_rules(RULES, TOPICS).tags for k in rule.keywords] + ["a", "å ö", "-1", "_a"]
    for text in texts:
        for keyword in keywords:
            expected = len(re.findall(rf"(?<!\w){re.escape(keyword)}", text, re.IGNORECASE))
            assert word_starts(text.lower(), keyword) == expected, (keyword, text[:60])


def test_printed_tags_come_first_spelt_as_the_rules_spell_them_and_each_once():
    rules = load_rules(RULES, TOPICS)
    known = rules.tags[0].name  # a tag the keywords give, as the rules file spells it
    printed = [known.lower(), "öppna data", "Öppna Data", "SKL-nätverket"]
    tags = with_printed_tags(rules, printed, [known, "Ekonomi"])
    assert tags == [known, "Öppna data", "SKL-nätverket", "Ekonomi"]
    assert "taggar" in rules.tag_labels and "kategorier" in rules.tag_labels  # casefolded from the rules file


def test_a_hashtag_names_the_tag_or_topic_it_squashes_into_one_word():
    """A hashtag writes a name in one word ("#ÖppnaData", "#kvalitetsmässan"): it is the rules' tag or the topic
    of that name without its spaces and hyphens, not a tag of its own beside it."""
    rules = load_rules(RULES, TOPICS)
    two_words = next(rule.name for rule in rules.tags if " " in rule.name)  # "Sveriges kvalitetskommun"
    hashtag = two_words.title().replace(" ", "")  # "SverigesKvalitetskommun"
    assert with_printed_tags(rules, [hashtag, "skolmat"], [two_words]) == [two_words, "Skolmat"]
    topic = next(topic for topic in rules.topics if "-" in topic.slug)  # "oppna-data", titled "Öppna data"
    assert with_printed_topics(rules, [topic.title.replace(" ", "").lower()], []) == [topic.slug]
    assert with_printed_topics(rules, [topic.slug.replace("-", "_")], []) == [topic.slug]


def test_printed_categories_that_name_a_topic_give_it_first(tmp_path):
    """A printed category is the editors' word on a post's subject; its line is not in the text the keywords
    are counted in, so before stop 43 it gave tags but never a topic."""
    topics, _ = _topics_with(tmp_path, "Title: Vård och omsorg\nSlug: vard-och-omsorg\nKeywords: hemtjänst".encode())
    rules = load_rules(RULES, topics)
    assert with_printed_topics(rules, ["VÅRD OCH OMSORG"], ["annat"]) == ["vard-och-omsorg", "annat"]  # its title
    assert with_printed_topics(rules, ["vard-och-omsorg"], []) == ["vard-och-omsorg"]  # its slug
    assert with_printed_topics(rules, ["Hemtjänsten i Väst"], []) == ["vard-och-omsorg"]  # one of its keywords
    assert with_printed_topics(rules, ["Ekonomi", "Omsorgen"], ["annat"]) == ["annat"]  # names no topic
    assert with_printed_topics(rules, ["Vård och omsorg"], ["vard-och-omsorg"]) == ["vard-och-omsorg"]  # once
