"""Synthetic archives for benchmarks: N articles made from the real ones.

Each article takes its body from two real articles (paragraphs interleaved,
so lengths stay realistic), a varied title, a date spread over fifteen years,
and tags and topics drawn from the real ones plus invented tags so that tag
pages grow as they would. Seeded, so every run measures the same archive.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

WORDS = ["Nytt", "Mer", "Om", "Så", "Vi", "Fler", "Snart", "Idag", "Äntligen", "Hur"]
EXTRA_TAGS = 120  # invented tags on top of the real ones


def _split(text: str) -> tuple[dict[str, str], list[str]]:
    header, _, body = text.partition("\n\n")
    meta = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
    return meta, [p for p in body.split("\n\n") if p.strip()]


def make_archive(real_content: Path, out: Path, count: int, seed: int = 1) -> Path:
    """A content folder at ``out`` with ``count`` articles and the real topics, pages and handbooks."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    for folder in ("topics", "pages", "handbooks"):
        shutil.copytree(real_content / folder, out / folder)
    real = [_split(p.read_text(encoding="utf-8")) for p in sorted((real_content / "articles").glob("*.md"))]
    tags = sorted({t.strip() for meta, _ in real for t in meta.get("Tags", "").split(",") if t.strip()})
    tags += [f"Ämne {n}" for n in range(EXTRA_TAGS)]
    topics = sorted(p.stem for p in (real_content / "topics").glob("*.md"))
    start = dt.date(2010, 1, 1)
    articles = out / "articles"
    articles.mkdir(parents=True)
    for number in range(count):
        (meta, first), (_, second) = rng.choice(real), rng.choice(real)
        body = [
            p for pair in zip(first, second, strict=False) for p in pair
        ] or first  # the shorter one sets the length
        title = f"{rng.choice(WORDS)} {meta['Title'][:60]} ({number + 1})"
        date = start + dt.timedelta(days=rng.randrange(15 * 365))
        text = (
            f"Title: {title}\nDate: {date.isoformat()}\nSlug: inlagg-{number + 1}\n"
            f"Tags: {', '.join(rng.sample(tags, rng.randint(1, 4)))}\n"
            f"Topics: {', '.join(rng.sample(topics, rng.randint(1, 2)))}\n"
            f"Summary: {meta.get('Summary', title)}\n\n" + "\n\n".join(body) + "\n"
        )
        (articles / f"inlagg-{number + 1}.md").write_text(text, encoding="utf-8")
    return out
