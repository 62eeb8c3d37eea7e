"""Loading the editor-owned rules: migration-rules.yaml and content/topics/*.md.

Mistakes here are made by editors, so every error names the file and line
and says in plain Swedish what to fix.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, fields
from pathlib import Path

import yaml
from editorial.checks import check_encoding, check_topic
from editorial.content_file import ContentFile, topic_slug
from editorial.content_file import parse as parse_content_file

from .errors import YAML_SLIPS, MigrationError
from .files import read_utf8, unreadable
from .lines import PageFurniture, without_hidden
from .title_cues import SplitCues


@dataclass(frozen=True)
class KeywordRule:
    name: str  # tag name, or topic slug
    keywords: tuple[str, ...]  # lower case

    @staticmethod
    def make(name: str, keywords: list[str]) -> KeywordRule:
        return KeywordRule(name, tuple(k.strip().lower() for k in keywords if k.strip()))

    def hits(self, title: str, body: str) -> int:
        """Keyword occurrences, each at the start of a word ("data" in "öppna data" and "datan", not in
        "metadata"); a hit in the title counts twice. ``title`` and ``body`` are in lower case, as the
        keywords are: ``assign`` lowers a post's text once for all the rules."""
        return sum(2 * word_starts(title, k) + word_starts(body, k) for k in self.keywords)


def word_starts(text: str, keyword: str) -> int:
    """Non-overlapping occurrences of keyword in text that start a word.

    A plain string search: the same count as a case-blind regex with a word-start look-behind, in about
    a quarter of its time on the archive's posts (the regex took a quarter of a whole migration)."""
    count, at = 0, text.find(keyword)
    while at != -1:
        if at == 0 or not _is_word_char(text[at - 1]):
            count += 1
            at = text.find(keyword, at + len(keyword))
        else:
            at = text.find(keyword, at + 1)
    return count


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    rule: KeywordRule


@dataclass(frozen=True)
class MigrationRules:
    min_hits: int
    document_markers: tuple[str, ...]
    date_labels: tuple[str, ...]
    closing_cues: tuple[str, ...]
    continuation_cues: tuple[str, ...]
    linking_words: tuple[str, ...]
    attachment_cues: tuple[str, ...]
    ending_cues: tuple[str, ...]
    time_words: tuple[str, ...]
    time_openers: tuple[str, ...]
    noise_lines: frozenset[str]
    tag_labels: frozenset[str]  # casefolded
    byline_labels: frozenset[str]  # casefolded
    caption_labels: frozenset[str]  # casefolded
    filing_labels: frozenset[str]  # casefolded
    legacy_hosts: tuple[str, ...]
    tags: tuple[KeywordRule, ...]
    topics: tuple[Topic, ...]

    @property
    def page(self) -> PageFurniture:
        """What the old site's page printed around its posts, as this file names it."""
        return PageFurniture(
            self.noise_lines, self.tag_labels, self.byline_labels, self.caption_labels, self.filing_labels
        )

    @property
    def split_cues(self) -> SplitCues:
        """The phrases post splitting looks for; a link to a download ends a post as "läs mer" does."""
        return SplitCues(
            self.closing_cues + self.attachment_cues,
            self.continuation_cues,
            self.linking_words,
            self.ending_cues,
            self.time_words,
            self.time_openers,
        )


def _string_list(data: dict, key: str, path: str, lines: dict[str, int]) -> tuple[str, ...]:
    """A list of phrases; a blank one would match every line (every line a post's end, say)."""
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise MigrationError(path, lines.get(key), f"'{key}' ska vara en lista med texter, ingen av dem tom")
    return tuple(value)


def _check_keys(data: dict, path: str, lines: dict[str, int]) -> None:
    """Every key of the rules file is one the migration reads (a field of MigrationRules; topics have their
    own files): a misspelt key ("closing_cue") would otherwise be read as no rules at all. It is named, with
    the key meant."""
    known = [f.name for f in fields(MigrationRules) if f.name != "topics"]
    for key in data:
        if key not in known:
            meant = difflib.get_close_matches(str(key), known, n=1)
            hint = f" – menade du '{meant[0]}'?" if meant else f" – kända nycklar: {', '.join(known)}"
            raise MigrationError(path, lines.get(str(key)), f"okänd nyckel '{key}'{hint}")


def _key_lines(node: yaml.Node | None) -> dict[str, int]:
    """The line of each top-level key, and of each tag under 'tags' ("tags/Namn"): errors name it."""
    lines: dict[str, int] = {}
    for key, value in node.value if isinstance(node, yaml.MappingNode) else []:
        lines[str(key.value)] = key.start_mark.line + 1
        if key.value == "tags" and isinstance(value, yaml.MappingNode):
            lines |= {f"tags/{tag.value}": tag.start_mark.line + 1 for tag, _ in value.value}
    return lines


def load_rules_file(path: Path) -> tuple[dict, dict[str, int]]:
    """The rules file's data, and the line of each key in it (see _key_lines)."""
    text = read_utf8(path, str(path))
    try:
        node, data = _parsed_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise MigrationError(
            str(path),
            mark.line + 1 if mark else None,
            f"regelfilen är inte giltig YAML – {YAML_SLIPS} ({getattr(error, 'problem', None) or error})",
        ) from None
    if not isinstance(data, dict):
        raise MigrationError(str(path), None, "regelfilen ska innehålla nycklar som 'tags:' och 'min_hits:'")
    return data, _key_lines(node)


def _parsed_yaml(text: str) -> tuple[yaml.Node | None, object]:
    """The YAML document as a node tree (it knows each key's line) and as data, parsed once."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def load_topics(directory: Path) -> tuple[Topic, ...]:
    """The topics editors keep in ``content/topics/*.md``, read and checked as the content check and the topics
    plugin read them, so all three accept the same files and a mistake gets the same words. A topic without
    keywords is one that articles name by hand; the migration gives it none."""
    topics = []
    for path in sorted(directory.glob("*.md")):
        topic = _topic_file(path)
        slug = topic_slug(topic)
        keywords = [k for k, _ in topic.items("keywords")]
        topics.append(Topic(slug, topic.value("title"), KeywordRule.make(slug, keywords)))
    return tuple(topics)


def _topic_file(path: Path) -> ContentFile:
    """A topic file's header, or the content check's first objection to it, named with the file and line."""
    try:
        topic = parse_content_file(path)
    except OSError as error:
        raise unreadable(str(path), error) from None
    problems = [*check_encoding(topic), *check_topic(topic)]
    if problems:
        line, message = problems[0]
        raise MigrationError(str(path), line, message)
    return topic


def load_rules(rules_path: Path, topics_dir: Path | None) -> MigrationRules:
    data, lines = load_rules_file(rules_path)
    name = str(rules_path)
    _check_keys(data, name, lines)
    tags_data = data.get("tags", {}) or {}
    if not isinstance(tags_data, dict):
        raise MigrationError(name, lines.get("tags"), "'tags' ska vara en lista av 'Taggnamn: [nyckelord, …]'")
    tags = []
    for tag, keywords in tags_data.items():
        if not isinstance(keywords, list) or not keywords:
            raise MigrationError(name, lines.get(f"tags/{tag}"), f"taggen '{tag}' behöver en lista med nyckelord")
        tags.append(KeywordRule.make(str(tag), [str(k) for k in keywords]))
    min_hits = data.get("min_hits", 2)
    if not isinstance(min_hits, int) or min_hits < 1:
        raise MigrationError(name, lines.get("min_hits"), "'min_hits' ska vara ett heltal, minst 1")

    def texts(key: str) -> tuple[str, ...]:
        return _string_list(data, key, name, lines)

    return MigrationRules(
        min_hits=min_hits,
        document_markers=texts("document_markers"),
        date_labels=texts("date_labels"),
        closing_cues=tuple(c.lower() for c in texts("closing_cues")),
        continuation_cues=tuple(c.lower() for c in texts("continuation_cues")),
        linking_words=tuple(c.lower() for c in texts("linking_words")),
        attachment_cues=tuple(c.lower() for c in texts("attachment_cues")),
        ending_cues=tuple(c.lower() for c in texts("ending_cues")),
        time_words=tuple(c.lower() for c in texts("time_words")),
        time_openers=tuple(c.lower() for c in texts("time_openers")),
        noise_lines=frozenset(c.lower() for c in texts("noise_lines")),
        tag_labels=frozenset(c.strip().casefold() for c in texts("tag_labels")),
        byline_labels=frozenset(c.strip().casefold() for c in texts("byline_labels")),
        caption_labels=frozenset(c.strip().casefold() for c in texts("caption_labels")),
        filing_labels=frozenset(c.strip().casefold() for c in texts("filing_labels")),
        legacy_hosts=texts("legacy_hosts"),
        tags=tuple(tags),
        topics=load_topics(topics_dir) if topics_dir and topics_dir.is_dir() else (),
    )


MAX_TAGS = 6


_NAME_GAPS = re.compile(r"[\s_-]+")


def _squashed(name: str) -> str:
    """A tag's or topic's name as a hashtag writes it: in one case, without spaces, hyphens or underscores
    ("#ÖppnaData", "öppna-data" and "Öppna data" are one name)."""
    return _NAME_GAPS.sub("", name.casefold())


def with_printed_tags(rules: MigrationRules, printed: list[str], found: list[str]) -> list[str]:
    """The tags the old site printed under a post (or its writer's hashtags), then those its keywords gave
    (``found``), once each.

    A printed tag is spelt as the rules file spells a tag of that name ("#öppnadata" is the rules' "Öppna
    data"), else with a capital first letter, as the rules' tags are: Pelican files "webb" and "Webb" as one
    tag, shown as whichever it met first.
    """
    spelt = {_squashed(rule.name): rule.name for rule in rules.tags}
    tags: dict[str, str] = {}  # squashed name -> the tag, in order
    for tag in [*printed, *found]:
        tags.setdefault(_squashed(tag), spelt.get(_squashed(tag), tag[:1].upper() + tag[1:]))
    return list(tags.values())


def with_printed_topics(rules: MigrationRules, printed: list[str], found: list[str]) -> list[str]:
    """The topics the old site's printed tags or categories name, then those the keywords gave (``found``).

    A printed category is the editors' own word on a post's subject, and its line is not in the text the
    keywords are counted in. It names a topic when it is the topic's title or slug, or holds one of its
    keywords at the start of a word ("Kategorier: Öppna data", "Taggar: Facebook", "#öppnadata").
    """
    named = [
        topic.slug
        for tag in printed
        for topic in rules.topics
        if _squashed(tag) in (_squashed(topic.title), _squashed(topic.slug))
        or any(word_starts(tag.lower(), keyword) for keyword in topic.rule.keywords)
    ]
    return list(dict.fromkeys([*named, *found]))


_SPACES = re.compile(r"[^\S\n]+")  # a run of spaces within a line


def assign(rules: MigrationRules, title: str, body: str) -> tuple[list[str], list[str], dict[str, int]]:
    """(tags, topics, evidence) for a post; evidence maps each name to its hit count."""
    # The rules' phrases' spaces, and their case (every keyword is in lower case: see KeywordRule.make).
    title, body = (_SPACES.sub(" ", without_hidden(text)).lower() for text in (title, body))
    evidence: dict[str, int] = {}
    tag_scores = [(rule.hits(title, body), rule.name) for rule in rules.tags]
    tags = [name for hits, name in sorted(tag_scores, key=lambda x: (-x[0], x[1])) if hits >= rules.min_hits][:MAX_TAGS]
    topic_scores = [(topic.rule.hits(title, body), topic.slug) for topic in rules.topics]
    topics = [slug for hits, slug in sorted(topic_scores, key=lambda x: (-x[0], x[1])) if hits >= rules.min_hits]
    if not topics:
        best = max(topic_scores, default=(0, ""))
        topics = [best[1]] if best[0] > 0 else []
    for hits, name in tag_scores + topic_scores:
        if hits:
            evidence[name] = hits
    return sorted(tags, key=str.lower), topics, evidence
