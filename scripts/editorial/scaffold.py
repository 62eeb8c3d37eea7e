"""A new article, ready to write: the fields the site uses, today's date, chosen topics.

No Summary line: Pelican then takes the summary from the first paragraph,
which is better than an empty one an editor forgets to fill in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path


class ScaffoldError(Exception):
    """The editor asked for something that cannot be made (unknown topic, file exists)."""


def article_text(title: str, slug: str, date: dt.date, topics: list[str]) -> str:
    return (
        f"Title: {title}\n"
        f"Date: {date.isoformat()}\n"
        f"Slug: {slug}\n"
        f"Topics: {', '.join(topics)}\n"
        "Tags: \n"
        "\n"
        "Skriv inledningen här: en eller två meningar om vad inlägget handlar om.\n"
        "\n"
        "## Mellanrubrik\n"
        "\n"
        "Skriv texten här. Mellanrubriker börjar med ##.\n"
    )


def new_article(
    articles: Path,
    title: str,
    topics: list[str],
    known_topics: set[str],
    slugify: Callable[[str], str],
    today: dt.date,
) -> Path:
    """Write ``articles/<slug>.md`` and return its path; never overwrite an existing file."""
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError('Ge inlägget en rubrik: invoke new "Min rubrik".')
    if not known_topics:
        raise ScaffoldError("Det finns inga teman ännu. Lägg till ett tema i mappen för teman först.")
    unknown = [t for t in topics if t not in known_topics]
    if unknown or not topics:
        raise ScaffoldError(
            f"{'Okänt tema: ' + ', '.join(unknown) + '. ' if unknown else 'Välj minst ett tema. '}"
            f"Välj bland: {', '.join(sorted(known_topics))} (t.ex. --topics {sorted(known_topics)[0]})."
        )
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(f"Rubriken '{title}' ger ingen adress; använd bokstäver eller siffror.")
    path = articles / f"{slug}.md"
    articles.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as stream:  # "x": never overwrite
            stream.write(article_text(title, slug, today, topics))
    except FileExistsError:
        raise ScaffoldError(f"{path} finns redan. Välj en annan rubrik eller redigera den befintliga filen.") from None
    return path
