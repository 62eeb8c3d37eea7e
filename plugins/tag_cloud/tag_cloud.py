"""Weighted tag clouds that are lists of links, with the weight readable as text.

`pelican-tag-cloud` was the starting point, but it sorts by code point (Ä
before Å), has no clouds for a subset of articles (a topic's) and conveys the
weight by font size alone. This plugin keeps its settings' names and its log
scale, sorts in Swedish order, and gives every entry its article count.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pelican import signals

from .ordering import swedish_key

DEFAULTS = {"TAG_CLOUD_STEPS": 4, "TAG_CLOUD_MAX_ITEMS": 100, "TAG_CLOUD_SORTING": "alphabetically"}
SORTINGS = ("alphabetically", "size")


@dataclass(frozen=True)
class CloudEntry:
    tag: object  # a Pelican Tag (has .name, .url) or anything with str()
    count: int  # articles with the tag
    step: int  # 1 = most used … STEPS = least used

    @property
    def name(self) -> str:
        return str(self.tag)


def weigh(counts: dict, steps: int = 4, max_items: int = 100, sorting: str = "alphabetically") -> list[CloudEntry]:
    """The cloud for tag → article count: the ``max_items`` most used, log-scaled into ``steps``."""
    if sorting not in SORTINGS:
        raise ValueError(f"TAG_CLOUD_SORTING ska vara en av {', '.join(SORTINGS)}, inte {sorting!r}")
    if steps < 1 or max_items < 1:
        raise ValueError("TAG_CLOUD_STEPS och TAG_CLOUD_MAX_ITEMS ska vara minst 1")
    # Most used first; ties in Swedish order so the cut at max_items is stable.
    ranked = sorted(counts.items(), key=lambda item: (-item[1], swedish_key(str(item[0]))))[:max_items]
    if not ranked:
        return []
    most, least = ranked[0][1], ranked[-1][1]
    spread = math.log(most - least + 1) or 1.0

    def step(count: int) -> int:
        if most == least:  # all equally used: all are the most used
            return 1
        return int(round(steps - (steps - 1) * math.log(count - least + 1) / spread))

    cloud = [CloudEntry(tag, count, step(count)) for tag, count in ranked]
    if sorting == "alphabetically":
        cloud.sort(key=lambda entry: swedish_key(entry.name))
    return cloud


def count_tags(articles: Iterable) -> Counter:
    return Counter(tag for article in articles for tag in getattr(article, "tags", []) or [])


def _settings_cloud(settings: dict, articles: Iterable) -> list[CloudEntry]:
    return weigh(
        count_tags(articles),
        settings.get("TAG_CLOUD_STEPS", DEFAULTS["TAG_CLOUD_STEPS"]),
        settings.get("TAG_CLOUD_MAX_ITEMS", DEFAULTS["TAG_CLOUD_MAX_ITEMS"]),
        settings.get("TAG_CLOUD_SORTING", DEFAULTS["TAG_CLOUD_SORTING"]),
    )


def add_filter(generator) -> None:
    """``{{ some_articles | tag_cloud }}`` in any template: a cloud for any set of articles."""
    generator.env.filters["tag_cloud"] = lambda articles: _settings_cloud(generator.settings, articles)


def add_site_cloud(generator) -> None:
    """``tag_cloud`` in every template: the cloud over all articles."""
    generator.context["tag_cloud"] = _settings_cloud(generator.settings, generator.articles)


def register() -> None:
    signals.generator_init.connect(add_filter)
    signals.article_generator_finalized.connect(add_site_cloud)
