"""The same Markdown as a Hugo site, for a side-by-side build time (Debian's ``hugo``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

CONFIG = """baseURL = "http://example.org/"
languageCode = "sv"
title = "Jämförelse"
[taxonomies]
tag = "tags"
topic = "topics"
"""
SINGLE = (
    "<!DOCTYPE html><html lang=sv><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>"
    "{{ .Content }}</body></html>"
)
LIST = (
    "<!DOCTYPE html><html lang=sv><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>"
    "{{ range .Paginator.Pages }}<h2><a href='{{ .RelPermalink }}'>{{ .Title }}</a></h2>{{ .Summary }}{{ end }}"
    "</body></html>"
)


def _front_matter(meta: dict[str, str]) -> str:
    """Pelican's "Key: value" metadata as Hugo's JSON front matter."""
    split = lambda value: [v.strip() for v in value.split(",") if v.strip()]  # noqa: E731
    data = {"title": meta.get("Title", ""), "date": meta.get("Date", ""), "slug": meta.get("Slug", "")}
    data |= {"tags": split(meta.get("Tags", "")), "topics": split(meta.get("Topics", ""))}
    return json.dumps(data, ensure_ascii=False)


def hugo_site(content: Path, site: Path) -> Path:
    """A Hugo site at ``site`` with every article of ``content``; minimal layouts of its own."""
    if site.exists():
        shutil.rmtree(site)
    (site / "content" / "posts").mkdir(parents=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "config.toml").write_text(CONFIG, encoding="utf-8")
    (site / "layouts" / "_default" / "single.html").write_text(SINGLE, encoding="utf-8")
    (site / "layouts" / "_default" / "list.html").write_text(LIST, encoding="utf-8")
    for path in sorted((content / "articles").glob("*.md")):
        header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        meta = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
        (site / "content" / "posts" / path.name).write_text(f"{_front_matter(meta)}\n\n{body}", encoding="utf-8")
    return site
