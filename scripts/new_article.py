"""Scaffold a new article: ``python scripts/new_article.py "Rubrik" --topics a,b``.

Without --topics, and at a terminal, it asks which topics to use.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))

from editorial.inventory import take_inventory  # noqa: E402
from editorial.scaffold import ScaffoldError, new_article  # noqa: E402
from editorial.site_settings import load_settings, site_slugify  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _ask_topics(known: list[str]) -> list[str]:
    print("Vilka teman handlar inlägget om? Skriv numren, med kommatecken emellan:")
    for number, topic in enumerate(known, 1):
        print(f"  {number}. {topic}")
    answer = input("Teman: ")
    chosen = []
    for part in answer.replace(" ", "").split(","):
        if part.isdigit() and 1 <= int(part) <= len(known):
            chosen.append(known[int(part) - 1])
        elif part:
            chosen.append(part)
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="new_article.py", description="Skapar ett nytt inlägg att skriva i.")
    parser.add_argument("title", help="inläggets rubrik")
    parser.add_argument("--topics", default="", help="teman, med kommatecken emellan (t.ex. servicecenter)")
    parser.add_argument("--content", type=Path, default=ROOT / "content", help="innehållsmappen")
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py")
    args = parser.parse_args(argv)
    settings = load_settings(args.settings)
    slugify = site_slugify(settings)
    known = take_inventory(args.content, settings, slugify).topics
    topics = [t.strip() for t in args.topics.split(",") if t.strip()]
    if not topics and sys.stdin.isatty():
        topics = _ask_topics(sorted(known))
    today = dt.datetime.now(ZoneInfo(settings.get("TIMEZONE", "UTC"))).date()
    articles = args.content / settings.get("ARTICLE_PATHS", ["articles"])[0]
    try:
        path = new_article(articles, args.title, topics, known, slugify, today)
    except ScaffoldError as error:
        print(f"new: {error}", file=sys.stderr)
        return 2
    print(f"Nytt inlägg: {path}\nSkriv texten, kör sedan 'invoke check' och 'invoke livereload' för att se det.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
