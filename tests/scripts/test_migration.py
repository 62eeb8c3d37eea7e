"""The migration on the real archive: lossless, idempotent, editor-safe, plan-driven."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import random
import re
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import accumulate
from pathlib import Path

import pytest
import yaml
from conftest import DUMPS, LEGACY, ROOT, archive_rules, run_migrate, untraced_environment
from migration import body, cli, planner
from migration.body import render_body
from migration.copies import SharedRuns
from migration.document import MARKER_BEFORE_PAGE
from migration.dump_text import MIN_LEAD_CHARS, ContentLine, content_lines
from migration.evaluation import (
    STAMP_PLACES,
    made_archives,
    read_listed,
    read_posts,
    score_migration,
    truth_dumps,
    truth_posts,
    with_date_stamps,
    with_leftovers,
    without_blank_lines,
)
from migration.lines import BULLET_CHARS, DECORATION_LINE, INVISIBLE
from migration.planner import plan_migration
from migration.review import NO_TEXT, REVIEW_SPLIT_BELOW
from migration.source import LegacyDump, read_dump

UNSEEN = ROOT / "tests" / "fixtures" / "unseen_posts"
# The rules file's document marker: the line that makes a dump a document.
_MARKER = archive_rules().document_markers[0]


def _normalise(text: str, flattened: bool = False) -> str:
    """Text as a reader sees it: no Markdown syntax, no case, single spaces.

    ``flattened``: the text of a flattened PDF, whose list signs ("o", "2.") stand mid-line in the dump and
    start lines in the document; read so only there, for in a post "… vecka 23." before a capital is text."""
    text = re.sub(r"(?m)^\[\^(\d+)\]:", r"\1", text)  # footnotes: the note
    text = re.sub(r"\[\^(\d+)\]", r" \1", text)  # ... and its reference
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links
    text = re.sub(f"(?m){DECORATION_LINE.pattern}", "<hr>", text)  # a line of decoration, as it stands or a rule
    text = re.sub(r"(?m)^\|(?: --- \|)+$", "", text).replace("|", " ")  # tables: a row's cells, apart
    text = re.sub(r"(?m)^[ \t]*(#+|-|\*|\d+[.)])[ \t]+(?=\S)", "", text)  # headings and list signs, not escaped ones
    text = text.replace("\\", "").replace("**", "")
    text = re.sub(f"[{BULLET_CHARS}{INVISIBLE}]", " ", text).replace("&lt;", "<")
    if flattened:
        text = re.sub(r"(?<=[.!?:])\s+o\s+(?=[A-ZÅÄÖ])", " ", text)  # a flattened PDF's bullets (see document.py)
        # ... and numbered items, wherever they stand; at a source line's end the next page decides
        text = re.sub(r"(?<!\S)\d{1,2}\.(?:\s+(?=[A-ZÅÄÖ])|\s*$)", " ", text)
    return " ".join(text.lower().split())


def _plan(out):
    return yaml.safe_load((out / "migration-plan.yaml").read_text(encoding="utf-8"))


def _files(out: Path) -> dict[Path, bytes]:
    """Every file under ``out`` with its bytes: to show that a run wrote nothing."""
    return {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}


def _migrate_following(out, plan: dict) -> dict:
    """Save an edited plan in ``out``, migrate the archive again following it, and return the new plan."""
    return _migrate_following_from(out, plan, LEGACY)


def _migrate_following_from(out, plan: dict, sources) -> dict:
    """Save an edited plan in ``out``, migrate ``sources`` again following it, and return the new plan."""
    (out / "migration-plan.yaml").write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), "utf-8")
    result = run_migrate("--out", out, sources)
    assert result.returncode == 0, result.stderr
    return _plan(out)


def _kept_and_copy(plan: dict) -> tuple[tuple[dict, dict], tuple[dict, dict]]:
    """(source, post) of the archive's kept post and of its copy, as the plan records them."""
    posts = [(s, p) for s in plan["sources"] for p in s["posts"]]
    kept = next((s, p) for s, p in posts if p.get("copies"))
    copy = next((s, p) for s, p in posts if p.get("duplicate_of") == kept[1]["slug"])
    return kept, copy


def test_every_line_ends_up_in_exactly_one_output_or_in_dropped(migrated):
    _assert_every_line_kept(migrated, LEGACY)


def test_a_report_unlike_the_archives_loses_nothing_either(tmp_path):
    """A cover with words before its title and its facts, a table of contents, a running head, a list of lower-case
    fragments: the archive's report has none of them, and the cover's words were once dropped without a word."""
    head = "KN 14 Sid {} (5)"  # a running head, its page number in it
    out, document = _migrated_report(
        tmp_path,
        "Årsrapport för biblioteken 2019",
        "Biblioteksplan 2018–2022",
        _MARKER,
        "Rapport Årsrapport för biblioteken 2019 Beslutad av kulturnämnden Datum: 2020-03-12 Diarienummer: KN 14 1",
        f"{head.format(2)} INNEHÅLL Inledning 3 Verksamheten ........ 4 Ekonomi 5 2",
        f"{head.format(3)} INLEDNING Biblioteken har haft fler besökare än någonsin. Vi har öppnat två nya filialer. 3",
        f"{head.format(4)} VERKSAMHETEN Vi har ordnat följande: • läsecirklar för unga • språkcaféer. Besöken ökade. 4",
        f"{head.format(5)} EKONOMI Nämnden redovisar ett överskott. 5",
    )
    assert [d["line"] for d in document["dropped"]] == [2, 3, 5]  # the list, the marker, the table of contents
    assert "innehållsförteckning" in document["dropped"][-1]["reason"]
    text = (out / document["posts"][0]["output"]).read_text(encoding="utf-8")
    assert "\n\nRapport\n\nBeslutad av kulturnämnden\n\n- **Datum:** 2020-03-12" in text
    assert "- läsecirklar för unga\n- språkcaféer." in text
    assert "Inledning 3" not in text
    assert "Sid" not in text and document["removed_running_text"] == {n: [head.format(n - 3)] for n in (6, 7, 8)}


def test_a_report_numbered_at_its_pages_starts_loses_nothing_but_its_page_numbers(tmp_path):
    pages = ["Cyklar i staden Datum: 2020-03-01", "BAKGRUND Staden växer och", "fler cyklar. Vi bygger 3 banor."]
    _, document = _migrated_report(tmp_path, "Cyklar i staden", _MARKER, *(f"{n} {p}" for n, p in enumerate(pages, 1)))
    assert document["removed_page_numbers"] == {3: 1, 4: 2, 5: 3}


def test_posts_shaped_unlike_the_archives_lose_nothing(tmp_path):
    """Numbered steps and lessons, "*" bullets, a table copied with its tabs, lines of decoration, a dateline,
    hashtags: the archive's posts have none of them."""
    lead = "Tekniska förvaltningen har satt upp fyrtio nya cykelställ vid resecentrum för pendlare."
    dump = [
        "– – –",  # decoration before the first title: no title itself
        "Nya cykelställ vid stationen",
        "Publicerad 12 mars 2015",
        lead,
        "1. Vi frågade pendlarna.",
        "2. Vi valde tre platser.",
        "* Arbetet kostade 240 000 kronor.",
        "***",
        "Plats\tStällen\tTak",
        "Resecentrum\t40\tJa",
        "Tre lärdomar från öppna data",
        "Efter vårt första hackathon har vi lärt oss tre saker om hur data ska beskrivas och delas.",
        "1. Data behöver förklaras",
        "Flera lag förstod inte vad kolumnerna i filerna betydde, så varje fil får en beskrivning.",
        "2. Verksamheten måste vara med",
        "De bästa idéerna kom när någon från verksamheten satt med laget och svarade på frågor.",
        "#öppnadata #hackathon",
    ]
    out, source = _migrated_dump(tmp_path, "dump.txt", dump)
    assert [p["title"] for p in source["posts"]] == ["Nya cykelställ vid stationen", "Tre lärdomar från öppna data"]
    assert [d["line"] for d in source["dropped"]] == [1, 17]  # decoration; the hashtags, read as tags
    assert source["posts"][1]["tags"][:2] == ["Öppnadata", "Hackathon"]
    first, second = ((out / post["output"]).read_text(encoding="utf-8") for post in source["posts"])
    assert f"Publicerad 12 mars 2015\n\n{lead}\n\n1. Vi frågade pendlarna.\n2. Vi valde" in first
    assert "* * *\n\n| Plats | Ställen | Tak |\n| --- | --- | --- |\n| Resecentrum | 40 | Ja |" in first
    assert "## 2\\. Verksamheten måste vara med" in second and second.endswith("svarade på frågor.\n")


def test_decoration_before_a_reports_title_is_no_title_and_is_dropped_with_its_reason(tmp_path):
    _, document = _migrated_report(tmp_path, "– – –", "Cyklar i staden", _MARKER, "Cyklar i staden Datum: 2020-03-01")
    assert document["posts"][0]["title"] == "Cyklar i staden"
    assert [(d["line"], d["reason"]) for d in document["dropped"]][0] == (1, "rad utan ord före dokumentets titel")


def test_a_line_of_signs_in_a_reports_text_is_dropped_with_its_reason_not_run_into_the_next_page(tmp_path):
    out, document = _migrated_report(
        tmp_path, "Cyklar i staden", _MARKER, "* * *", "Cyklar i staden 3 mars 2020", "– – –", "Andra sidans text. 2"
    )
    assert [(d["line"], d["text"]) for d in document["dropped"] if "dekoration" in d["reason"]] == [
        (3, "* * *"),
        (5, "– – –"),
    ]
    assert (document["posts"][0]["date"], document["posts"][0]["date_source"]) == ("2020-03-03", "text")
    (written,) = (out / "handbooks").rglob("cyklar-i-staden.md")
    assert "–" not in written.read_text(encoding="utf-8")


@pytest.mark.parametrize("space", ["\u00a0", "&nbsp;"])
def test_a_line_that_shows_nothing_is_no_title_and_no_page_and_is_dropped_with_its_reason(tmp_path, space):
    """A line of a non-breaking space, as the character or as "&nbsp;", opening a dump was taken for the first
    post's title when written as the entity; in a report, it was a page of its own, or left out without a word."""
    lead = "Från och med måndag går bussarna var tionde minut i rusningstid, meddelar kommunen i dag."
    _, source = _migrated_dump(tmp_path / "inlagg", "bussar.txt", [space, "Bussarna går oftare", space, lead])
    assert [post["title"] for post in source["posts"]] == ["Bussarna går oftare"]
    assert [(d["line"], d["reason"]) for d in source["dropped"]] == [(1, body.INVISIBLE_LINE), (3, body.INVISIBLE_LINE)]
    _, document = _migrated_report(
        tmp_path / "rapport", "Cyklar i staden", space, _MARKER, space, "Cyklar i staden 3 mars 2020"
    )
    assert document["posts"][0]["title"] == "Cyklar i staden"
    assert [(d["line"], d["reason"]) for d in document["dropped"] if d["text"] == space] == [
        (2, body.INVISIBLE_LINE),
        (4, body.INVISIBLE_LINE),
    ]


# Lines no post of the archive has, in every shape the migration tells apart and some it must not trip on:
# decoration, lone signs, Markdown and HTML syntax, tables, impossible dates, a wild link, a very long line.
_ODD_LINES = [
    *(
        "\u00a0",
        "&nbsp;",
        "\t",
        "\ufeff",
        "\u200b",
        "‣",
        "• ",
        "* * *",
        "– – –",
        "#",
        "#taggar #för #inlägget",
        ">",
        "2)",
        "/",
        ":",
    ),
    *("Datum:", "http://", "www.", "a@b", "x" * 3000, "Sida 2 av 10", "INNEHÅLL", "Har du frågor?", "Läs mer »"),
    *("<b>fet</b>", "[länk](http://exempel.se)", "Title: Falsk", "Cell\tcell", "A\tB\tC", "Uppdatering 2099-13-45:"),
    *("Publicerad 31 februari 2015", "http://exempel.se/2015/02/30/inlagg/", "{filename}/x.md", "🙂", "```", "~~~"),
    *("| a | b |", _MARKER),
    # A flattened report's list signs are not a post's: "1." alone, "o", a number ending a sentence.
    *("1.", "o", "1) Gå till sidan", "Mötet hålls i vecka 23."),
]


def _migrated_in_process(out: Path, sources: Path) -> tuple[int, str]:
    """Migrate ``sources`` into ``out`` in this process (many archives in seconds): the exit code and what
    the migration said on stderr; where it succeeded, every line is kept or dropped with a reason."""
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(["--out", str(out), "--quiet", str(sources)])
    if code == 0:
        _assert_every_line_kept(out, sources)
    return code, errors.getvalue()


def _odd_archive(rng: random.Random, posts: list[list[str]]) -> list[list[str]]:
    """Up to four listing dumps of known posts (one may recur in two dumps), odd lines put among them."""
    dumps = []
    for _ in range(rng.randint(1, 4)):
        lines = []
        for post in rng.sample(posts, rng.randint(1, 5)):
            post = list(post)
            for _ in range(rng.randint(0, 4)):
                post.insert(rng.randint(0, len(post)), rng.choice(_ODD_LINES))
            lines += post
        dumps.append(lines)
    return dumps


@pytest.mark.parametrize("seed", range(4))
def test_archives_with_odd_lines_among_their_posts_lose_nothing_or_fail_plainly(truth, tmp_path, seed):
    """What an archive not seen may hold, put anywhere, in random archives (ten per seed): the migration
    ends without a traceback, and either every line is kept or dropped with a reason, or it says plainly
    which file it cannot migrate and writes nothing. Such archives found a post's hashtags turned into
    a heading, a copy's own line lost, and decoration taken for a title."""
    rng = random.Random(seed)
    posts = truth_posts(truth, lambda name: list(read_dump(LEGACY / name).lines))
    for number in range(10):
        sources = tmp_path / f"{number}" / "legacy"
        sources.mkdir(parents=True)
        for index, lines in enumerate(_odd_archive(rng, posts)):
            (sources / f"{index}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        out = sources.parent / "out"
        code, said = _migrated_in_process(out, sources)
        if code:
            assert code == 2 and re.search(r"\d\.txt(:\d+)?: ", said) and not out.exists(), said


# What an editor may write in a post's fields of the plan, right or wrong ("SLUG": another post's address).
_PLAN_VALUES = {
    "lines": ["", "abc", "10-5", "0-3", "1-99999", None, 12, [1, 2], "3–9", "1-1"],
    "title": ["", None, 123, ["a"], "x" * 500, "Title: med kolon", "#rubrik", "<b>fet</b>", "En ny rubrik"],
    "date": ["2015-13-45", "igår", 2015, None, "2015-02-30", "15/3/2015", "1850-01-01", "2015-03-01"],
    "date_source": ["editor", "foo", None, "url"],
    "tags": ["en sträng", [1, 2], [None], [], ["ok", ""], {"a": 1}],
    "topics": ["oppna-data", ["finns-inte"], [], [None]],
    "slug": ["", "Ä Ö", "../../etc", None, "a/b", "SLUG", "ny-adress"],
    "kind": ["document", "page", None, "article"],
    "duplicate_of": ["finns-inte", None, "SLUG", "", "ITSELF"],
    "reviewed": [True, "ja", None],
}


def _edited_plan(rng: random.Random, plan: dict) -> dict:
    """One to three random edits of a plan's posts: a field set, emptied or taken away; a post taken out,
    written twice, or the posts of a dump put in another order."""
    posts = [(s, p) for s in plan["sources"] for p in s["posts"]]
    for _ in range(rng.randint(1, 3)):
        source, post = rng.choice(posts)
        action = rng.random()
        if action < 0.7:
            key = rng.choice(list(_PLAN_VALUES))
            value = rng.choice(_PLAN_VALUES[key])
            if value in ("SLUG", "ITSELF"):
                value = (rng.choice(posts)[1] if value == "SLUG" else post).get("slug")
            if rng.random() < 0.2:
                post.pop(key, None)
            else:
                post[key] = value
        elif action < 0.8 and post in source["posts"]:
            source["posts"].remove(post)
        elif action < 0.9:
            source["posts"].append(dict(post))
        else:
            rng.shuffle(source["posts"])
    return plan


@pytest.mark.parametrize("seed", range(3))
def test_random_edits_of_the_plan_are_followed_losing_nothing_or_named_plainly(migrated, tmp_path, seed):
    """Editors correct the plan by hand (ten plans per seed): the migration follows it and keeps every line
    (or lists it in dropped), or names the plan and stops, writing nothing; a further run, following the plan
    it wrote, changes nothing. Such edits found two silent losses: a post marked as a copy of itself, and a
    kept post's copies left naming a copy."""
    rng = random.Random(seed)
    for number in range(10):
        out = tmp_path / str(number)
        shutil.copytree(migrated, out)
        plan = _edited_plan(rng, _plan(out))
        (out / "migration-plan.yaml").write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
        before = _files(out)
        code, said = _migrated_in_process(out, LEGACY)
        if code:
            assert code == 2 and "migration-plan.yaml" in said, said
            assert _files(out) == before
            continue
        written = _files(out)
        assert _migrated_in_process(out, LEGACY)[0] == 0
        assert _files(out) == written, f"plan {number} of seed {seed}: a further run changed the output"


def _corrected_plan(rng: random.Random, plan: dict, dumps: dict[str, tuple[str, ...]]) -> dict:
    """One to four corrections an editor may make, each valid: two posts merged, a post split at a heading,
    a title or a date set, a copy made an article of its own, a post marked as a copy of the copy, a post
    marked as reviewed."""
    listings = [s for s in plan["sources"] if s["kind"] == "listing"]
    copy = next(p for s in listings for p in s["posts"] if p.get("duplicate_of"))
    for _ in range(rng.randint(1, 4)):
        source = rng.choice(listings)
        posts = source["posts"]
        post = rng.choice(posts)
        first, last = map(int, post["lines"].split("-"))
        alone = not post.get("duplicate_of") and not post.get("copies")
        edit = rng.choice(["merge", "split", "title", "date", "own", "copy of the copy", "reviewed"])
        if edit == "merge" and alone and post is not posts[-1] and not posts[posts.index(post) + 1].get("copies"):
            after = posts[posts.index(post) + 1]
            if not after.get("duplicate_of"):
                post["lines"] = f"{first}-{after['lines'].split('-')[1]}"
                posts.remove(after)
        elif edit == "split" and alone:
            lines = dumps[source["file"]]
            headings = [n for n in range(first + 2, last) if 0 < len(lines[n - 1]) < 80 and len(lines[n]) >= 80]
            if headings:
                at = rng.choice(headings)
                post["lines"] = f"{first}-{at - 1}"
                posts.insert(posts.index(post) + 1, {"lines": f"{at}-{last}", "title": "Ett inlägg av två"})
        elif edit == "title" and not post.get("duplicate_of"):
            post["title"] = "En rubrik rättad av redaktören"
        elif edit == "date":
            post["date"], post["date_source"] = f"2012-0{rng.randint(1, 9)}-05", "editor"
        elif edit == "own":
            copy["duplicate_of"] = ""
        elif edit == "copy of the copy" and alone and copy.get("duplicate_of"):
            post["duplicate_of"] = copy["slug"]
        else:
            post["reviewed"] = True
    return plan


@pytest.mark.parametrize("seed", range(3))
def test_an_editors_corrections_are_followed_and_a_further_run_changes_nothing(truth, tmp_path, seed):
    """Made archives of the archive's posts, their plans corrected as editors do (eight per seed), migrated
    following the plan twice: the second run changes nothing. Such corrections found an emptied duplicate_of
    the next run forgot, a copy of a copy listed in another place by the next run, and a copied post's date
    set by hand that moved its neighbours' estimates one run late; made archives migrated twice, a split
    judged on its confidence before the plan rounded it."""
    rng = random.Random(seed)
    for number, archive in enumerate(made_archives(_known_posts(truth), seed, 8, n_dumps=3)):
        sources = tmp_path / str(number) / "legacy"
        sources.mkdir(parents=True)
        for name, lines in archive.dumps.items():
            (sources / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        out = sources.parent / "out"
        assert _migrated_in_process(out, sources)[0] == 0
        first_run = _files(out)
        assert _migrated_in_process(out, sources)[0] == 0 and _files(out) == first_run
        dumps = {name: tuple(lines) for name, lines in archive.dumps.items()}
        plan = _corrected_plan(rng, _plan(out), dumps)
        (out / "migration-plan.yaml").write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
        assert _migrated_in_process(out, sources)[0] == 0
        followed = _files(out)
        assert _migrated_in_process(out, sources)[0] == 0
        assert _files(out) == followed, f"archive {number} of seed {seed}: a further run changed the output"


def _migrated_report(tmp_path: Path, *lines: str) -> tuple[Path, dict]:
    """Migrate a document dump of ``lines``; check that it loses nothing; the output folder and its plan section."""
    return _migrated_dump(tmp_path, "rapport.txt", lines)


def _migrated_dumps(tmp_path: Path, dumps: dict[str, Sequence[str]]) -> tuple[Path, dict]:
    """Migrate dumps (file name -> lines); check that they lose nothing; the output folder and the plan."""
    sources = tmp_path / "legacy"
    sources.mkdir(parents=True)
    for name, lines in dumps.items():
        (sources / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_migrate("--out", out, "--quiet", sources)
    assert result.returncode == 0, result.stderr
    _assert_every_line_kept(out, sources)
    return out, _plan(out)


def _migrated_dump(tmp_path: Path, name: str, lines: Sequence[str]) -> tuple[Path, dict]:
    """Migrate one dump of ``lines``; check that it loses nothing; the output folder and the dump's plan section."""
    out, plan = _migrated_dumps(tmp_path, {name: lines})
    (source,) = plan["sources"]
    return out, source


def _known_posts(truth) -> list[list[str]]:
    """The archive's posts, each without its blank lines: what made archives are built of."""
    return [without_blank_lines(post) for post in truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))]


def _assert_every_line_kept(out: Path, legacy: Path) -> None:
    """Every non-blank line of every dump in ``out``'s plan is in exactly one output, or dropped with a reason."""
    plan = _plan(out)
    outputs = {}
    # a report's text is read as a flattened PDF, also where a listing dump holds a copy of it
    documents = {p["output"] for s in plan["sources"] for p in s["posts"] if p["kind"] == "document"}
    for source in plan["sources"]:
        dump_lines = read_dump(legacy / source["file"], source["file"]).lines  # the migration's own line breaks
        dropped = {d["line"] for d in source["dropped"]}
        pages = {int(k): v for k, v in (source.get("removed_page_numbers") or {}).items()}
        footnotes = {int(k): v for k, v in (source.get("moved_footnotes") or {}).items()}
        running = {int(k): v for k, v in (source.get("removed_running_text") or {}).items()}
        owner = {}
        for post in source["posts"]:
            first, last = map(int, post["lines"].split("-"))
            target = post["output"] or next(
                p["output"] for s in plan["sources"] for p in s["posts"] if p["slug"] == post["duplicate_of"]
            )
            for number in range(first, last + 1):
                assert number not in owner, f"{source['file']}:{number} is in two posts"
                owner[number] = target
        for number, text in enumerate(dump_lines, 1):
            if not text:
                continue
            if number in dropped:
                continue
            assert number in owner, f"{source['file']}:{number} is in no output and not dropped"
            flattened = owner[number] in documents
            if owner[number] not in outputs:
                outputs[owner[number]] = _normalise((out / owner[number]).read_text(encoding="utf-8"), flattened)
            for removed in running.get(number, []):  # a running head or foot, repeated on every page
                assert removed in text
                text = text.replace(removed, " ", 1).strip()
            page = pages.get(number)  # a page number taken from the page's end, or from its start
            expected = _normalise(re.sub(rf"\s+{page}$|^{page}\s+", "", text, count=1) if page else text, flattened)
            # a footnote, moved from the page's end to the document's
            for note in (_normalise(n, flattened) for n in footnotes.get(number, [])):
                assert note in expected
                expected = expected.replace(note, " ").strip()
                assert note.split(maxsplit=1)[1] in outputs[owner[number]].split("fotnoter")[-1]
            title = next(
                _normalise(p["title"], flattened)
                for p in source["posts"]
                if p["output"] == owner[number] or p.get("duplicate_of")
            )
            pieces = [expected]
            if source["kind"] == "document" and title and title in expected and expected != title:
                pieces = expected.split(title, 1)  # the cover line: the title is metadata, the words around it body
            for piece in filter(None, map(str.strip, pieces)):
                assert piece in outputs[owner[number]], f"{source['file']}:{number} not found in {owner[number]}"
    assert all(d["reason"] for s in plan["sources"] for d in s["dropped"])


def test_second_run_is_byte_identical_and_writes_nothing(migrated, tmp_path):
    out = tmp_path / "again"
    shutil.copytree(migrated, out)
    before = _files(out)
    result = run_migrate("--out", out, LEGACY)
    assert result.returncode == 0, result.stderr
    assert "0 skrivna" in result.stdout
    after = _files(out)
    assert before == after


def test_a_report_saved_twice_is_one_document_counted_once(truth, tmp_path):
    """The summary counted a document's copy as a document, where an article's copy is a duplicate only:
    "2 dokument" for one handbook written."""
    (name,) = truth_dumps(truth, "document")
    sources = tmp_path / "legacy"
    shutil.copytree(LEGACY, sources)
    shutil.copy(LEGACY / name, sources / f"zz-{name}")
    out = tmp_path / "out"
    assert _migrated_in_process(out, sources) == (0, "")
    plan = yaml.safe_load((out / "migration-plan.yaml").read_text(encoding="utf-8"))
    copy = next(s for s in plan["sources"] if s["file"] == f"zz-{name}")["posts"][0]
    assert copy["kind"] == "document" and copy["duplicate_of"]
    summary = plan["summary"]
    assert (summary["documents"], summary["duplicates"]) == (1, 2)  # the archive's own copied post, and the report
    assert len(list((out / "handbooks").glob("*/handbook.md"))) == 1


def test_a_document_whose_first_page_stands_on_the_markers_line_migrates_as_before(truth, migrated, tmp_path):
    """The report's dump with the line break after "Transkript:" lost: before, it was read as a listing (12
    articles more, no document); now the same handbook, dated alike, every line kept, the marker alone listed
    as dropped."""
    (name,) = truth_dumps(truth, "document")
    sources = tmp_path / "legacy"
    shutil.copytree(LEGACY, sources)
    lines = (sources / name).read_text(encoding="utf-8").split("\n")
    marker = next(n for n, text in enumerate(lines) if text.strip().rstrip(":").lower() == "transkript")
    first = next(n for n in range(marker + 1, len(lines)) if lines[n].strip())
    joined = [*lines[:marker], f"{lines[marker].strip()} {lines[first]}", *lines[first + 1 :]]
    (sources / name).write_text("\n".join(joined), encoding="utf-8")
    out = tmp_path / "out"
    assert _migrated_in_process(out, sources) == (0, "")
    plan, before = (yaml.safe_load((d / "migration-plan.yaml").read_text(encoding="utf-8")) for d in (out, migrated))
    (source,) = [s for s in plan["sources"] if s["file"] == name]
    (was,) = [s for s in before["sources"] if s["file"] == name]
    assert source["kind"] == "document" and source["posts"][0]["date"] == was["posts"][0]["date"]
    assert {"line": marker + 1, "text": lines[marker].strip(), "reason": MARKER_BEFORE_PAGE} in source["dropped"]
    handbooks = {p.relative_to(out): p.read_text(encoding="utf-8") for p in (out / "handbooks").rglob("*.md")}
    originals = {p.relative_to(migrated): p.read_text(encoding="utf-8") for p in (migrated / "handbooks").rglob("*.md")}
    assert handbooks.keys() == originals.keys()
    chapters = [k for k in handbooks if k.name not in ("handbook.md", "version.md")]  # those name the lines
    assert chapters and all(handbooks[k] == originals[k] for k in chapters)


def test_the_migration_says_which_articles_no_topic_fits_before_the_content_check_refuses_them(tmp_path):
    """No keyword of any topic in the post: the plan lists it, and the run says so and what to do, for
    `invoke check` refuses an article without a topic and the editor would meet it only there."""
    (tmp_path / "a.txt").write_text(
        "Kaffet i fikarummet\nNu finns det nybryggt kaffe i fikarummet varje morgon klockan nio.\n\n"
        "Öppna data om luftkvaliteten\nNu publicerar vi öppna data om luften i staden, som öppna data.\n",
        encoding="utf-8",
    )
    result = run_migrate("--out", tmp_path / "out", tmp_path / "a.txt")
    assert result.returncode == 0, result.stderr
    plan = yaml.safe_load((tmp_path / "out" / "migration-plan.yaml").read_text(encoding="utf-8"))
    assert plan["summary"]["posts_without_topic"] == ["kaffet-i-fikarummet"]
    assert "1 artikel utan tema (summary.posts_without_topic)" in result.stdout
    assert result.stdout.startswith("migrate: 2 artiklar, 0 dokument, 0 dubbletter, 0 rader strukna")
    assert "'topics:'" in result.stdout and "'Keywords:'" in result.stdout
    assert "utan tema" not in run_migrate("--out", tmp_path / "archive", LEGACY).stdout  # every post has one


def test_editor_changes_are_kept_unless_forced(migrated, tmp_path):
    out = tmp_path / "edited"
    shutil.copytree(migrated, out)
    article = sorted((out / "articles").glob("*.md"))[0]
    edited = article.read_text(encoding="utf-8") + "\nEn rad som redaktören lade till.\n"
    article.write_text(edited, encoding="utf-8")
    result = run_migrate("--out", out, LEGACY)
    assert result.returncode == 0
    assert article.read_text(encoding="utf-8") == edited
    assert article.name in result.stderr and "--force" in result.stderr
    result = run_migrate("--out", out, LEGACY, "--force")
    assert result.returncode == 0
    assert "redaktören lade till" not in article.read_text(encoding="utf-8")


def test_a_broken_manifest_keeps_the_editors_file_and_says_why(migrated, tmp_path):
    out = tmp_path / "edited"
    shutil.copytree(migrated, out)
    (out / ".migration-manifest.json").write_text("{avbruten", encoding="utf-8")
    article = sorted((out / "articles").glob("*.md"))[0]
    edited = article.read_text(encoding="utf-8") + "\nEn rad som redaktören lade till.\n"
    article.write_text(edited, encoding="utf-8")
    result = run_migrate("--out", out, LEGACY)
    assert result.returncode == 0 and article.read_text(encoding="utf-8") == edited
    assert ".migration-manifest.json gick inte att läsa" in result.stderr, result.stderr


def test_rerun_follows_an_edited_plan(migrated, tmp_path):
    out = tmp_path / "planned"
    shutil.copytree(migrated, out)
    plan = _plan(out)
    source = next(s for s in plan["sources"] if s["kind"] == "listing" and len(s["posts"]) >= 3)
    first, second = source["posts"][0], source["posts"][1]
    # Merge the first two posts, and give the merged post a new title and date.
    first["lines"] = f"{first['lines'].split('-')[0]}-{second['lines'].split('-')[1]}"
    first["title"] = "Sammanslaget inlägg"
    first["date"] = "2014-03-02"
    first["date_source"] = "editor"
    del first["slug"]
    del source["posts"][1]
    _migrate_following(out, plan)
    merged = (out / "articles" / "sammanslaget-inlagg.md").read_text(encoding="utf-8")
    assert "Title: Sammanslaget inlägg" in merged and "Date: 2014-03-02" in merged
    assert second["title"] in merged  # the second post's title line is now body text
    assert not (out / second["output"]).exists()


def test_a_dump_changed_since_the_plan_is_an_error_until_the_editor_says_the_plan_fits(migrated, tmp_path):
    """A plan made for another version of a dump is neither followed nor written over: its corrections
    would be lost without a word. Without the dump's sha256 the plan is followed again."""
    out, legacy = tmp_path / "out", tmp_path / "legacy"
    shutil.copytree(migrated, out)
    shutil.copytree(LEGACY, legacy)
    plan = _plan(out)
    source = next(s for s in plan["sources"] if s["kind"] == "listing")
    source["posts"][0]["title"] = "Redaktörens rubrik"
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    (out / "migration-plan.yaml").write_text(text, "utf-8")
    dump = legacy / source["file"]
    dump.write_text(dump.read_text(encoding="utf-8").rstrip("\n") + "\nEn rad som lades till efteråt.\n", "utf-8")
    n_lines = len(dump.read_text(encoding="utf-8").splitlines())
    before = _files(out)
    result = run_migrate("--out", out, legacy)
    assert result.returncode == 2
    line = text.splitlines().index(f"- file: {source['file']}") + 1
    assert f"migration-plan.yaml:{line}: {source['file']} har ändrats sedan planen skrevs" in result.stderr
    assert _files(out) == before
    del source["sha256"]
    last = source["posts"][-1]
    last["lines"] = f"{last['lines'].split('-')[0]}-{n_lines}"
    again = _migrate_following_from(out, plan, legacy)
    followed = next(s for s in again["sources"] if s["file"] == source["file"])
    assert followed["posts"][0]["title"] == "Redaktörens rubrik"


def test_a_run_without_a_dump_the_plan_has_is_an_error_naming_its_section(migrated, tmp_path):
    """Run on some dumps only, the migration would write a plan without the others' sections, and an
    editor's corrections to them would be gone; a dump renamed on disk is the same case."""
    out = tmp_path / "out"
    shutil.copytree(migrated, out)
    text = (out / "migration-plan.yaml").read_text(encoding="utf-8")
    first, *others = sorted(s["file"] for s in _plan(out)["sources"])
    before = _files(out)
    result = run_migrate("--out", out, LEGACY / first)
    assert result.returncode == 2
    line = text.splitlines().index(f"- file: {others[0]}") + 1
    assert f"migration-plan.yaml:{line}: planen har ett avsnitt för {others[0]}, men filen är inte med" in result.stderr
    assert _files(out) == before
    assert run_migrate("--out", out, LEGACY / first, "--replan").returncode == 0  # the editor's choice, said aloud


def test_broken_plan_is_an_error_naming_the_plan_and_line(migrated, tmp_path):
    out = tmp_path / "broken"
    shutil.copytree(migrated, out)
    plan_path = out / "migration-plan.yaml"
    text = plan_path.read_text(encoding="utf-8")
    posts_start = text.index("\nsources:")  # the summary's review list names lines too
    first_lines = re.compile(r"lines: (\d+)-(\d+)").search(text, posts_start)
    broken = text[: first_lines.start()] + "lines: 5-1" + text[first_lines.end() :]
    plan_path.write_text(broken, encoding="utf-8")
    before = sorted(p.read_bytes() for p in (out / "articles").glob("*.md"))
    result = run_migrate("--out", out, LEGACY)
    assert result.returncode == 2
    assert re.search(r"migration-plan\.yaml:\d+: 'lines: 5-1'", result.stderr)
    assert sorted(p.read_bytes() for p in (out / "articles").glob("*.md")) == before


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("date", "2015-13-45", "ska vara ett datum som finns"),
        ("date", "igår", "ÅÅÅÅ-MM-DD"),
        ("date_source", "gissat", "ska vara en av"),
        ("title", "  ", "får inte vara tom"),
        ("tags", "Medborgardialog", "ska vara en lista"),
        ("topics", ["finns-inte"], "okänt tema 'finns-inte'"),
        ("kind", "nyhet", "ska vara en av article, document"),
        ("slug", "Min rubrik!", "får bara ha små bokstäver"),
        ("lines", None, "'lines: ' ska vara två radnummer"),  # as written: an empty field, not "None"
        ("kind", ["article"], "'kind: [article]' ska vara en av"),
    ],
)
def test_an_editors_mistake_in_a_plan_field_names_the_plan_and_the_posts_line(
    migrated, tmp_path, field, value, message
):
    """Found while reading the plan, before anything is written: not a traceback, not a silent default."""
    out = tmp_path / "edited"
    shutil.copytree(migrated, out)
    plan = _plan(out)
    plan["sources"][0]["posts"][0][field] = value
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    if field == "date":  # written by hand, without the quotes safe_dump adds
        text = text.replace(f"date: '{value}'", f"date: {value}", 1)
    (out / "migration-plan.yaml").write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("  - title:") and n > 20)
    result = run_migrate("--out", out, LEGACY)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert f"migration-plan.yaml:{line}: " in result.stderr and message in result.stderr, result.stderr


def test_a_date_changed_in_the_plan_without_date_source_editor_is_recomputed_with_a_warning(migrated, tmp_path):
    out = tmp_path / "edited"
    shutil.copytree(migrated, out)
    plan = _plan(out)
    post = next(p for s in plan["sources"] for p in s["posts"] if p.get("date_source") == "inferred")
    post["date"] = "2001-01-01"
    (out / "migration-plan.yaml").write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), "utf-8")
    result = run_migrate("--out", out, LEGACY)
    assert result.returncode == 0, result.stderr
    assert "varning" in result.stderr and "2001-01-01" in result.stderr and "date_source: editor" in result.stderr
    assert "2001-01-01" not in (out / "migration-plan.yaml").read_text(encoding="utf-8")


def test_an_editors_date_on_a_dumps_oldest_post_dates_the_posts_listed_above_it_after_it(migrated, tmp_path):
    """The page listed its posts newest first: a later date set by hand under estimated ones moves them past
    it, a day for each post between, and the run names each date it moves."""
    out = tmp_path / "edited"
    shutil.copytree(migrated, out)
    plan = _plan(out)
    estimated = [s for s in plan["sources"] if all(p.get("date_source") == "inferred" for p in s["posts"])]
    source = next(s for s in estimated if s["kind"] == "listing" and len(s["posts"]) >= 3)
    oldest, above = source["posts"][-1], source["posts"][:-1]
    assert all(p["date"] < "2020-01-01" for p in source["posts"])
    oldest["date"], oldest["date_source"] = "2020-03-01", "editor"
    (out / "migration-plan.yaml").write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), "utf-8")
    result = run_migrate("--out", out, LEGACY)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("räknas om") >= len(above), result.stderr
    dates = [p["date"] for p in next(s for s in _plan(out)["sources"] if s["file"] == source["file"])["posts"]]
    assert dates[-1] == "2020-03-01" and dates[-2] == "2020-03-02"
    assert dates == sorted(dates, reverse=True) and len(set(dates)) == len(dates)


def test_an_editors_date_older_than_a_dated_post_listed_under_it_is_kept_and_named(migrated, tmp_path):
    """A date typed wrong in the plan (a year too early) would put the post under one its page listed
    below it; the run keeps the editor's date and names both posts and the plan's line to look at."""
    out = tmp_path / "edited"
    shutil.copytree(migrated, out)
    plan = _plan(out)
    source = next(s for s in plan["sources"] if any(p.get("date_source") in ("url", "text") for p in s["posts"][1:]))
    dated = next(k for k, p in enumerate(source["posts"]) if k and p.get("date_source") in ("url", "text"))
    top, below = source["posts"][0], source["posts"][dated]
    slip = (dt.date.fromisoformat(str(below["date"])) - dt.timedelta(days=400)).isoformat()
    top["date"], top["date_source"] = slip, "editor"
    (out / "migration-plan.yaml").write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), "utf-8")
    written = (out / "migration-plan.yaml").read_text("utf-8").splitlines()
    result = run_migrate("--out", out, LEGACY)
    assert result.returncode == 0, result.stderr
    (warning,) = [w for w in result.stderr.splitlines() if "nyaste inlägget först" in w]
    assert top["title"] in warning and below["title"] in warning and slip in warning, warning
    # it names the line where the edited post's entry begins in the plan the editor wrote
    named = int(re.search(r"migration-plan\.yaml:(\d+):", warning)[1])
    assert top["title"] in written[named - 1], (written[named - 1], warning)
    assert next(p for p in _plan(out)["sources"] if p["file"] == source["file"])["posts"][0]["date"] == slip
    assert "nyaste inlägget först" not in run_migrate("--out", tmp_path / "fresh", LEGACY).stderr


def test_a_dump_of_nothing_but_layout_leftovers_is_an_error_naming_it(tmp_path):
    """Lines the rules list as leftovers of the old layout are no post: such a dump is as empty as a
    blank one (it used to end in a traceback)."""
    rules = archive_rules()
    leftovers = tmp_path / "rester.txt"
    leftovers.write_text("\n\n".join([*sorted(rules.noise_lines)] * 2) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_migrate("--out", out, DUMPS[0], leftovers)
    assert result.returncode == 2 and "rester.txt" in result.stderr and "inget inlägg" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


@pytest.mark.parametrize(
    ("lines", "line", "says"),
    [
        (["{marker}", "Rapportens text på första sidan. 1"], 1, "titel"),  # the marker first: no title
        (["* * *", "{marker}", "Rapportens text på första sidan. 1"], 2, "titel"),  # only decoration before it
        (["Rapport om cyklar", "", "{marker}", "", ""], 3, "ingen text"),  # nothing after the marker
        (["Rapport om cyklar", "{marker}", "* * *", "•"], 2, "ingen text"),  # only signs after it
    ],
)
def test_a_document_dump_without_a_title_or_without_text_is_an_error_naming_the_marker(tmp_path, lines, line, says):
    """Both used to be written: the first ended in a traceback, the second as an empty handbook."""
    rules = archive_rules()
    (marker,) = rules.document_markers
    document = tmp_path / "rapport.txt"
    document.write_text("\n".join(text.format(marker=marker) for text in lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_migrate("--out", out, DUMPS[0], document)
    assert result.returncode == 2 and f"rapport.txt:{line}:" in result.stderr and says in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_files_in_a_source_folder_that_are_no_source_are_named_not_passed_over_silently(tmp_path):
    folder = tmp_path / "dumpar"
    folder.mkdir()
    shutil.copy(DUMPS[0], folder / DUMPS[0].name)
    (folder / "anteckningar.md").write_text("En dump sparad med fel ändelse.\n", encoding="utf-8")
    (folder / "äldre").mkdir()
    (folder / ".DS_Store").write_bytes(b"\x00")
    out = tmp_path / "out"
    result = run_migrate("--out", out, folder)
    assert result.returncode == 0, result.stderr
    named = [line for line in result.stderr.splitlines() if "hoppade över" in line]
    assert len(named) == 2 and "anteckningar.md" in named[0] and "äldre" in named[1], result.stderr
    skipped = yaml.safe_load((out / "migration-plan.yaml").read_text(encoding="utf-8"))["summary"]["skipped_files"]
    assert [p.rsplit("/", 1)[-1] for p in skipped] == ["anteckningar.md", "äldre"]


def test_a_post_saved_twice_in_a_row_in_one_dump_is_kept_once(truth):
    """Two saves of a listing page pasted into one dump: the repeated title starts a post, and the
    second copy is found to be the first."""
    posts = [without_blank_lines(p) for p in truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))]
    post, other = posts[3], posts[4]
    rules = archive_rules()
    plan = plan_migration([_dump("a.txt", [*other, *post, *post])], rules).plan
    planned = plan.sources[0].posts
    assert [p.first for p in planned] == [1, len(other) + 1, len(other) + len(post) + 1]
    assert planned[2].duplicate_of == planned[1].slug and plan.summary["duplicates"] == 1


def test_a_post_saved_twice_in_one_dump_with_another_post_between_is_kept_once(truth):
    posts = [without_blank_lines(p) for p in truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))]
    rules = archive_rules()
    for post, between, after in [(posts[4], posts[9], posts[15]), (posts[8], posts[13], posts[19])]:
        plan = plan_migration([_dump("a.txt", [*post, *between, *post, *after])], rules).plan
        planned = plan.sources[0].posts
        again = len(post) + len(between) + 1
        assert [p.first for p in planned] == [1, len(post) + 1, again, again + len(post)]
        assert planned[2].duplicate_of == planned[0].slug and plan.summary["duplicates"] == 1


def test_an_output_that_cannot_be_written_is_an_error_naming_it_not_a_traceback(tmp_path):
    a_file = tmp_path / "inte-en-mapp"
    a_file.write_text("", encoding="utf-8")
    result = run_migrate("--out", a_file, DUMPS[0])
    assert result.returncode == 2 and "inte-en-mapp" in result.stderr and "mapp" in result.stderr
    assert a_file.read_text(encoding="utf-8") == ""

    blocked = tmp_path / "ut"
    blocked.mkdir()
    (blocked / "articles").write_text("", encoding="utf-8")  # where the articles' folder should go
    result = run_migrate("--out", blocked, DUMPS[0])
    assert result.returncode == 2 and "articles" in result.stderr and "kan inte skriva" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_fresh_migration_of_the_archive_finds_every_post_and_the_document(migrated, truth):
    """The command line on the archive as it is, without a plan: every hand-checked post start and no
    other, the document as one document. The splitter weighs words by the listing dumps alone: with the
    document's words counted too, one title of dump 001 fell just short of a strong title (until stop 30)."""
    plan = _plan(migrated)
    for source in plan["sources"]:
        expected = truth[source["file"]]
        found = [int(p["lines"].split("-")[0]) for p in source["posts"]]
        if expected["kind"] == "document":
            assert [p["kind"] for p in source["posts"]] == ["document"]
        else:
            assert found == expected["starts"], source["file"]


def test_duplicate_post_is_kept_once_with_its_copies_recorded(migrated, truth):
    plan = _plan(migrated)
    ((a_file, a_line, b_file, b_line),) = truth["duplicates"]
    posts = {(s["file"], int(p["lines"].split("-")[0])): p for s in plan["sources"] for p in s["posts"]}
    a, b = posts[(a_file, a_line)], posts[(b_file, b_line)]
    kept, copy = (b, a) if "duplicate_of" in a else (a, b)
    assert "duplicate_of" not in kept and copy["duplicate_of"] == kept["slug"]
    assert copy["output"] is None and kept["output"]
    assert kept["copies"] == [f"{b_file if copy is b else a_file}:{copy['lines']}"]
    assert plan["summary"]["duplicates"] == 1


def _dump(name: str, lines: list[str]) -> LegacyDump:
    return LegacyDump.from_lines(name, lines)


def _content(*dumps: LegacyDump) -> dict[str, list[ContentLine]]:
    return {d.name: content_lines(list(enumerate(d.lines, 1))) for d in dumps}


@pytest.mark.parametrize("which", ["the longest post", "a title and three paragraphs"])
def test_a_copy_with_a_line_edited_between_the_two_saves_is_found_and_loses_nothing(truth, which):
    """Listing pages saved at different times: a sentence was edited in between. The difference
    must neither cut the post in two nor hide the copy, and the edited line goes to the plan. A short
    post shares only three of its four lines with its other save (copies.same_post reads the fourth as edited)."""
    posts = [without_blank_lines(p) for p in truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))]
    post = max(posts, key=len) if which == "the longest post" else next(p for p in posts if len(p) == 4)
    first, second, third, fourth = [p for p in posts if p is not post][:4]
    middle = next(i for i in range(len(post) // 2, len(post)) if len(post[i]) > 100)
    edited = [*post[:middle], post[middle] + " Texten uppdaterades senare.", *post[middle + 1 :]]
    a = _dump("a.txt", [*first, *post, *second])
    b = _dump("b.txt", [*third, *edited, *fourth])
    starts = SharedRuns(_content(a, b)).starts()
    assert starts["a.txt"] == {len(first) + 1, len(first) + len(post) + 1}
    assert starts["b.txt"] == {len(third) + 1, len(third) + len(post) + 1}

    rules = archive_rules()
    plan = plan_migration([a, b], rules).plan
    copies = [p for s in plan.sources for p in s.posts if p.title == post[0].strip()]
    assert len(copies) == 2 and sum(bool(p.duplicate_of) for p in copies) == 1
    copy = next(p for p in copies if p.duplicate_of)
    dropped = {d["line"]: d for s in plan.sources if s.file == copy.source for d in s.dropped}
    edited_line = (len(first) if copy.source == "a.txt" else len(third)) + middle + 1
    assert edited_line in dropped and "kopia" in dropped[edited_line]["reason"]
    assert [d for d in dropped.values() if "kopia" in d["reason"]] == [dropped[edited_line]]


def test_a_post_in_three_dumps_is_kept_once_and_both_copies_point_at_it(truth):
    """Each later copy a line longer than the one before: the second was kept over the first, then the
    third over the second. The first pointed at a post without an output."""
    posts = [without_blank_lines(p) for p in truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))]
    post = max(posts, key=len)
    others = [p for p in posts if p is not post]
    longer = [*post, "Uppdaterat med en rad till i slutet av inlägget, som läsarna bad om."]
    longest = [*longer, "Och ännu en rad, när inlägget uppdaterades en andra gång under hösten."]
    dumps = [
        _dump("a.txt", [*others[0], *post, *others[1]]),
        _dump("b.txt", [*others[2], *longer, *others[3]]),
        _dump("c.txt", [*others[4], *longest, *others[5]]),
    ]
    plan = plan_migration(dumps, archive_rules()).plan
    found = {p.source: p for s in plan.sources for p in s.posts if p.title == post[0].strip()}
    kept = found["c.txt"]
    assert kept.output and not kept.duplicate_of
    assert found["a.txt"].duplicate_of == found["b.txt"].duplicate_of == kept.slug
    assert sorted(kept.copies) == sorted(f"{p.source}:{p.lines}" for p in (found["a.txt"], found["b.txt"]))


def test_a_copys_own_line_is_listed_even_where_another_post_of_the_twins_dump_has_the_same_line(truth):
    """Lines recur from post to post ("Har du frågor?"): the copy's line must line up with the kept post's own
    lines to count as kept, not just be somewhere in that dump."""
    posts = [without_blank_lines(p) for p in truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))]
    post = max(posts, key=len)
    first, second, third = [p for p in posts if p is not post][:3]
    middle = next(i for i in range(len(post) // 2, len(post)) if len(post[i]) > 100)
    copied = [*post[:middle], second[-1], *post[middle + 1 :]]  # a line replaced by one another post ends with
    a = _dump("a.txt", [*first, *post, *second])
    b = _dump("b.txt", [*third, *copied])
    plan = plan_migration([a, b], archive_rules()).plan
    copy = next(p for s in plan.sources for p in s.posts if p.title == post[0].strip() and p.duplicate_of)
    assert copy.source == "b.txt"
    listed = [d["line"] for s in plan.sources if s.file == "b.txt" for d in s.dropped if "kopia" in d["reason"]]
    assert listed == [len(third) + middle + 1]


def test_a_post_copied_into_two_dumps_is_cut_alike_in_both(truth, tmp_path):
    """Made of the archive's posts, a two-dump archive whose copy the splitter cut at a subheading at the top of
    one dump and left whole in the other (the cues read past the copy, into the posts after it, which differ).
    The copies are one text: both are whole, the one post kept, and the cut not taken is listed for review."""
    posts = _known_posts(truth)
    copy = posts[11]
    before_copy = [*posts[2], *posts[0]]
    a = [*before_copy, *copy, *posts[10]]
    b = [*copy, *posts[14], *posts[3], *posts[5]]
    _, plan = _migrated_dumps(tmp_path, {"a.txt": a, "b.txt": b})
    for name, first in (("a.txt", len(before_copy) + 1), ("b.txt", 1)):
        (source,) = (s for s in plan["sources"] if s["file"] == name)
        (post,) = (p for p in source["posts"] if int(p["lines"].split("-")[0]) == first)
        assert post["lines"] == f"{first}-{first + len(copy) - 1}"
        assert first < post["closest_rejected_split"]["line"] < first + len(copy)
    assert plan["summary"]["duplicates"] == 1
    assert any(r["lines"].startswith("1-") and r["file"] == "b.txt" for r in plan["summary"]["review_first"])


def test_a_copy_denied_one_cut_is_denied_the_next_the_search_takes_instead(truth, tmp_path, monkeypatch):
    """A search denied the cut its other copy lacks may cut the copy elsewhere, at a line the other copy has
    uncut too (in a made archive with a link list in the copy, found by whole migrations with odd layouts): that
    cut goes as well, until the copies are cut alike. Here the search cuts the first of the copy's headings
    that it is not denied, in the dump the copy opens."""
    first_post, copy, splits = _migrate_a_copy_cut_at_each_heading(truth, tmp_path, monkeypatch)
    assert first_post["lines"] == f"1-{len(copy)}"
    assert splits == 4  # the first split, then one round for each of the three cuts denied


def test_the_rounds_of_denying_a_copys_cuts_are_bounded(truth, tmp_path, monkeypatch):
    """A search that keeps finding new cuts is not followed for ever: after ``MAX_SPLIT_ALIKE_ROUNDS`` the run
    keeps what it has (the copy cut where it is still cut) and writes the migration."""
    monkeypatch.setattr(planner, "MAX_SPLIT_ALIKE_ROUNDS", 2)
    first_post, copy, splits = _migrate_a_copy_cut_at_each_heading(truth, tmp_path, monkeypatch)
    assert splits == 3
    assert first_post["lines"] != f"1-{len(copy)}" and first_post["lines"].startswith("1-")


def _migrate_a_copy_cut_at_each_heading(truth, tmp_path, monkeypatch) -> tuple[dict, list[str], int]:
    """Migrates two dumps sharing a post with three headings, the search made to cut the copy in the first
    dump at the first heading it is not denied; returns the first dump's first post in the plan, the copy,
    and how many times the dumps were split."""
    posts = _known_posts(truth)
    headings = [sum(line.title_shaped for line in content_lines(list(enumerate(p, 1)))[1:]) for p in posts]
    copy = posts[headings.index(3)]  # three cuts to deny, one by one
    others = [p for p in posts if p is not copy]
    dumps = {"a.txt": [*copy, *others[0], *others[1]], "b.txt": [*others[2], *copy, *others[3]]}
    found_splits = planner.split_dumps
    splits = []

    def cuts_the_copy(lines, *args):
        splits.append(1)
        spans = found_splits(lines, *args)
        forbidden = args[4][0] if len(args) > 4 else frozenset()
        headings = [line.number for line in lines[0] if 1 < line.number <= len(copy) and line.title_shaped]
        cut = next((n for n in headings if n not in forbidden), None)
        if cut is not None:
            first = next(s for s in spans[0] if s.start < cut <= s.end)
            at = spans[0].index(first)
            spans[0][at : at + 1] = [replace(first, end=cut - 1), replace(first, start=cut, doubt=None)]
        return spans

    monkeypatch.setattr(planner, "split_dumps", cuts_the_copy)
    out = tmp_path / "out"
    sources = tmp_path / "legacy"
    sources.mkdir()
    for name, lines in dumps.items():
        (sources / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _migrated_in_process(out, sources) == (0, "")
    (source,) = (s for s in _plan(out)["sources"] if s["file"] == "a.txt")
    return source["posts"][0], copy, len(splits)


def test_a_copy_split_differently_from_its_twin_is_still_found(migrated, tmp_path):
    """An editor splits the kept copy of a post in two; the other copy is then no single post's twin."""
    out = tmp_path / "resplit"
    shutil.copytree(migrated, out)
    plan = _plan(out)
    (source, kept), (copy_source, copy) = _kept_and_copy(plan)
    first, last = map(int, kept["lines"].split("-"))
    middle = (first + last) // 2
    kept["lines"] = f"{first}-{middle - 1}"
    source["posts"].insert(source["posts"].index(kept) + 1, {"lines": f"{middle}-{last}", "title": "Andra halvan"})
    del kept["copies"], copy["duplicate_of"]
    plan = _migrate_following(out, plan)
    posts = {(s["file"], p["lines"]): p for s in plan["sources"] for p in s["posts"]}
    assert (
        posts[(copy_source["file"], copy["lines"])]["duplicate_of"]
        == posts[(source["file"], f"{first}-{middle - 1}")]["slug"]
    )
    assert plan["summary"]["duplicates"] == 1
    # every line of the copy is held by one of the two halves: none is listed as only in the copy
    assert not [d for s in plan["sources"] for d in s["dropped"] if "kopia" in d["reason"]]


def test_a_copy_whole_in_one_dump_and_merged_with_its_neighbour_in_a_later_one_is_found(migrated, tmp_path):
    """The later dump's splitter missed the titles after the copy: its post holds the copy and the posts
    after it (as many lines again: a line or two more would still read as the same post). The whole copy
    in the earlier dump is then the duplicate, and nothing is listed as lost."""
    out = tmp_path / "merged"
    shutil.copytree(migrated, out)
    plan = _plan(out)
    (kept_source, kept), (source, copy) = _kept_and_copy(plan)
    assert plan["sources"].index(kept_source) < plan["sources"].index(source)
    after = source["posts"][source["posts"].index(copy) + 1 :]
    first, last = (int(n) for n in copy["lines"].split("-"))
    assert int(after[-1]["lines"].split("-")[1]) - last >= last - first
    copy["lines"] = f"{first}-{after[-1]['lines'].split('-')[1]}"
    for post in after:
        source["posts"].remove(post)
    del kept["copies"], copy["duplicate_of"]
    plan = _migrate_following(out, plan)
    posts = {(s["file"], p["lines"]): p for s in plan["sources"] for p in s["posts"]}
    merged = posts[(source["file"], copy["lines"])]
    assert posts[(kept_source["file"], kept["lines"])]["duplicate_of"] == merged["slug"]
    assert not merged.get("duplicate_of") and plan["summary"]["duplicates"] == 1
    assert not [d for s in plan["sources"] for d in s["dropped"] if "kopia" in d["reason"]]


def test_a_split_just_under_the_review_bound_is_judged_as_the_plan_writes_it(truth, tmp_path, monkeypatch):
    """The plan writes a split's confidence to two decimals, and a second run reads it from there: a split found
    at 0.7468 was listed for review as "(0.75)", then the second run, reading 0.75, left it out, and the plan
    changed (found by whole migrations of made archives run twice)."""
    found_splits = planner.split_dumps

    def nearly_sure(*args, **kwargs):
        return [
            [replace(s, confidence=REVIEW_SPLIT_BELOW - 0.0032) for s in spans]
            for spans in found_splits(*args, **kwargs)
        ]

    monkeypatch.setattr(planner, "split_dumps", nearly_sure)
    posts = _known_posts(truth)
    sources = tmp_path / "legacy"
    sources.mkdir()
    (sources / "a.txt").write_text("\n".join(line for post in posts[:4] for line in post) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert _migrated_in_process(out, sources) == (0, "")
    first = (out / "migration-plan.yaml").read_bytes()
    assert _migrated_in_process(out, sources) == (0, "")
    assert (out / "migration-plan.yaml").read_bytes() == first
    plan = _plan(out)
    assert {p["split_confidence"] for p in plan["sources"][0]["posts"]} == {round(REVIEW_SPLIT_BELOW, 2)}
    # 0.75 as written is not under the bound: not listed, in the first run as in the second
    assert not [r for r in plan["summary"]["review_first"] if r["why"].startswith("osäker gräns")]


def test_the_plan_lists_the_posts_to_review_first_and_an_editor_can_tick_them_off(migrated, tmp_path):
    out = tmp_path / "review"
    shutil.copytree(migrated, out)
    plan = _plan(out)
    review = plan["summary"]["review_first"]
    assert review, "a fresh split of the archive has uncertain splits"
    posts = {(s["file"], p["lines"]): p for s in plan["sources"] for p in s["posts"]}
    for entry in review:
        post = posts[(entry["file"], entry["lines"])]
        assert entry["title"] == post["title"]
        if entry["why"].startswith("osäker gräns"):
            assert post["split_confidence"] < REVIEW_SPLIT_BELOW
        elif post["kind"] == "document":  # the report's tables, run into its text
            assert re.match(r"rad \d+: (\d+ belopp i samma mening|ord med versal i följd)", entry["why"])
        else:
            assert post["closest_rejected_split"]["confidence"] >= 0.5
            assert f"rad {post['closest_rejected_split']['line']} " in entry["why"]
    first = posts[(review[0]["file"], review[0]["lines"])]
    first["reviewed"] = True
    again = _migrate_following(out, plan)
    assert (review[0]["file"], review[0]["lines"]) not in {
        (e["file"], e["lines"]) for e in again["summary"]["review_first"]
    }
    kept = next(
        p
        for s in again["sources"]
        for p in s["posts"]
        if p["lines"] == review[0]["lines"] and s["file"] == review[0]["file"]
    )
    assert kept["reviewed"] is True


def test_a_post_with_a_title_and_no_text_is_listed_first_for_review():
    """A dump holding only a heading is migrated (nothing is lost) and the editor is told to look at it."""
    rules = archive_rules()
    posts = _dump("inlagg.txt", ["Cyklar i staden", "Staden bygger fler cykelbanor i år och fler parkeringar."])
    plan = plan_migration([posts, _dump("rubrik.txt", ["Bussarna går oftare", "\u00a0"])], rules).plan
    review = plan.summary["review_first"]
    assert review[0] == {"file": "rubrik.txt", "lines": "1-2", "title": "Bussarna går oftare", "why": NO_TEXT}
    assert all(entry["file"] != "inlagg.txt" or entry["why"] != NO_TEXT for entry in review)


def test_the_review_list_holds_most_split_errors_of_made_archives(truth):
    """Reviewing the listed posts (about a quarter) finds most boundary errors the splitter makes.

    The known posts alone give too few errors to measure a share on (4 on seeds 3 and 4 × 10, 3
    listed): every mended error moved the share across its bound. Three sets of posts written in
    the archive's style are mixed in, so that the sample has errors of both kinds to list.
    """
    posts = truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))
    for name in ("set6", "set11", "set12"):
        posts += read_posts(UNSEEN / name)
    (document,) = truth_dumps(truth, "document")
    rules = archive_rules()
    archives = [a for seed in (3, 4, 5) for a in made_archives(posts, seed=seed, count=10)]
    score = score_migration(archives, read_dump(LEGACY / document), rules)
    # Measured at stop 36: 10 errors, all in listed posts; 26 % of posts listed (8 of 10 and 26 % before a long
    # heading over running text was doubted from 0.3: the errors left are long titles after a post on the same
    # subject). A rejected split is doubted on its contrast too: on its title cues alone the list held 86 of
    # 107 (stop 18).
    errors = score.splits.errors
    assert errors >= 5, f"{errors} errors are too few to measure the list on: mix in more posts"
    assert score.errors_listed / errors >= 0.9 and score.posts_listed / score.posts <= 0.3, score.summary()


def test_archives_made_like_the_legacy_one_have_their_copy_and_document_found(truth):
    """Five dumps of shuffled posts without blank lines, one post in two dumps, the document beside."""
    posts = truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))
    (document,) = truth_dumps(truth, "document")
    rules = archive_rules()
    score = score_migration(made_archives(posts, seed=11, count=6), read_dump(LEGACY / document), rules)
    assert (score.copies_found, score.documents_found) == (6, 6), score.summary()
    # Measured at stop 23: 0 % (1 missed of 120 at stop 22); 0 % on seed 12 × 6. On 360 made archives
    # (seeds 7, 55, 101, 3, 4, 5, 11, 12, 13 × 40): 1.1 %.
    assert score.splits.errors / score.splits.boundaries <= 0.02, (
        score.summary() + "\n" + "\n".join(score.splits.examples)
    )


@pytest.mark.parametrize("under_every_post", [False, True])
def test_archives_with_a_layout_leftover_under_posts_split_at_the_titles(truth, under_every_post):
    """A label, the tags or a caption under half of the posts (tests/fixtures/leftover_lines.txt), or one
    such line under every post: each stands between a post's end and the next title, and belongs to the
    post above it."""
    leftovers = read_listed(ROOT / "tests" / "fixtures" / "leftover_lines.txt")
    if under_every_post:
        leftovers = [line for line in leftovers if ": " in line][:1]  # "Kategorier: …", which reads as a title
    known = truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))
    posts = with_leftovers(known, leftovers, seed=11, share=1.0 if under_every_post else 0.5)
    assert {post[-1] for post in posts} & set(leftovers)
    (document,) = truth_dumps(truth, "document")
    score = score_migration(made_archives(posts, seed=11, count=6), read_dump(LEGACY / document), archive_rules())
    assert (score.copies_found, score.documents_found) == (6, 6), score.summary()
    # Measured at stop 39 (seed 11 x 6): 7 + 4 boundary errors of 120 (9.2 %) before a repeated leftover was
    # kept from counting as a series' title and titles were read past a leftover; 0 + 0 after. With
    # "Kategorier: …" under every post, stop 40: the copy found in 3 of 6 and 8 + 7 errors (12.5 %) before
    # a copy was looked for past the leftover above it (copies._past_leftovers), 6 of 6 and 2 + 1 after;
    # 0 + 0 since a line under every post counts as a separator (dump_text.recurring_leftovers).
    assert score.splits.errors / score.splits.boundaries <= 0.02, (
        score.summary() + "\n" + "\n".join(score.splits.examples)
    )


def test_a_leftover_under_a_few_posts_of_each_dump_is_found_over_the_whole_archive(truth):
    """Mixed leftovers under half of the posts: in two made archives (seed 101, the sixth and the tenth) a
    line under a post recurs under others in other dumps, but under fewer than three in its own. Counted per
    dump it was read as a title ("Dela på Facebook") or hid one: 2 + 1 boundary errors of 40. Counted over
    the archive's dumps (dump_text.recurring_leftovers), none."""
    leftovers = read_listed(ROOT / "tests" / "fixtures" / "leftover_lines.txt")
    known = truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))
    archives = made_archives(with_leftovers(known, leftovers, seed=101), seed=101, count=10)
    (document,) = truth_dumps(truth, "document")
    score = score_migration([archives[5], archives[9]], read_dump(LEGACY / document), archive_rules())
    assert score.splits.errors == 0, score.summary() + "\n" + "\n".join(score.splits.examples)


def test_archives_saved_with_non_breaking_spaces_between_words_split_as_with_spaces(truth):
    """A page saved with a non-breaking space between every two words: the closing phrases the rules spell
    with spaces were not found. Seed 7 × 20: 7 + 2 boundary errors, 2 + 0 as with plain spaces since the
    splitter reads such a space as a space; the copy is found in every archive (its title, in the plan,
    has plain spaces, as before)."""
    known = truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))
    posts = [[line.replace(" ", "\u00a0") if line.strip() else line for line in post] for post in known]
    (document,) = truth_dumps(truth, "document")
    score = score_migration(made_archives(posts, seed=11, count=6), read_dump(LEGACY / document), archive_rules())
    assert (score.copies_found, score.documents_found) == (6, 6), score.summary()
    assert score.splits.errors / score.splits.boundaries <= 0.02, (
        score.summary() + "\n" + "\n".join(score.splits.examples)
    )


@pytest.mark.parametrize("space", ["\u00a0", "  "], ids=["non-breaking", "doubled"])
def test_the_archive_saved_with_other_spaces_migrates_as_the_archive_does(tmp_path, space):
    """Every space of the archive's dumps a non-breaking one, as a page copied from a browser may give, or
    doubled: the same posts, titles, tags, topics, dates and review list, and the same text but for those
    spaces. Before the splitter, the classifier and the keyword rules read them as one plain space, a quote
    after a dash was read as running text (one more post on the review list) and phrases of the rules
    ("Sveriges Kommuner och Landsting", "digital service") were not found: five articles lost a tag or a
    topic; made archives of the known posts with doubled spaces (seed 7 × 20) had 6 + 13 boundary errors
    instead of 2 + 0."""
    saved = tmp_path / "saved"
    saved.mkdir()
    for dump in DUMPS:
        lines = dump.read_text(encoding="utf-8").split("\n")
        spaced = [line.replace(" ", space) if line.strip() else line for line in lines]
        (saved / dump.name).write_text("\n".join(spaced), encoding="utf-8")
    plain, spaced = tmp_path / "plain", tmp_path / "spaced"
    assert _migrated_in_process(plain, LEGACY) == (0, "")
    assert _migrated_in_process(spaced, saved) == (0, "")

    def read(out: Path) -> dict:
        text = {p.relative_to(out): p.read_text(encoding="utf-8").replace(space, " ") for p in out.rglob("*.md")}
        plan = yaml.safe_load((out / "migration-plan.yaml").read_text(encoding="utf-8"))
        posts = [{k: v for k, v in post.items() if k != "sha256"} for s in plan["sources"] for post in s["posts"]]
        planned = json.dumps([posts, plan["summary"]["review_first"]], ensure_ascii=False).replace(space, " ")
        return {"text": text, "plan": json.loads(planned)}

    assert read(spaced) == read(plain)


def test_the_tags_a_listing_page_printed_under_a_post_become_its_tags(tmp_path, truth):
    """A saved listing page prints a post's tags or categories under it ("Taggar: öppna data, webb"): they
    become the post's first tags, spelt as the rules spell a tag of that name or with a capital, and the
    line is listed in the plan with the tags read from it, not left in the text."""
    known = truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))[:4]
    printed = ["Taggar: öppna data, webb", "Kategorier: Service; kvalitetsmässan", None, "TAGGAR: Webb"]
    posts = [[*without_blank_lines(post), *([line] if line else [])] for post, line in zip(known, printed, strict=True)]
    out, source = _migrated_dump(tmp_path, "sparad-sida.txt", [line for post in posts for line in post])
    tags = {post["title"]: post["tags"] for post in source["posts"]}
    assert list(tags) == [post[0] for post in known]
    first, second, third, fourth = tags.values()
    assert first[:2] == ["Öppna data", "Webb"] and second[:2] == ["Service", "Kvalitetsmässan"]
    assert fourth[0] == "Webb" and not {"Öppna data", "Service"} & set(third)
    reasons = {d["text"]: d["reason"] for d in source["dropped"]}
    assert all("lästa som inläggets" in reasons[line] for line in printed if line)
    article = (out / source["posts"][0]["output"]).read_text(encoding="utf-8")
    assert "\nTags: Öppna data, Webb" in article and "Taggar" not in article
    assert source["posts"][0]["topics"][0] == "oppna-data"  # the printed tag names a topic: it comes first


def test_tags_a_page_printed_above_each_title_go_to_the_post_under_them(tmp_path, truth):
    """A theme that shows a post's categories first prints the tag line above its title. The splitter does
    not read tag lines, so each post ran to the next one's title: every post got the next one's tags, and the
    first post of a dump that opened with a tag line took it for its title. Made archives of the known posts
    with a tag line above every title (seed 7 × 5): 100 + 100 boundary errors of 120, 2 of 96 posts with their
    own tags; 0 + 0 and 120 of 120 now, as with the tag line under the post."""
    known = truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))[:4]
    printed = ["Taggar: öppna data, webb", "Kategorier: Service; kvalitetsmässan", "", "Taggar: Webb"]
    posts = [[*([line, ""] if line else []), *post] for post, line in zip(known, printed, strict=True)]
    lines = [line for post in posts for line in post]
    out, source = _migrated_dump(tmp_path, "sparad-sida.txt", lines)
    starts = [1 + sum(len(post) for post in posts[:k]) for k in range(len(posts))]
    assert [(post["title"], int(post["lines"].split("-")[0])) for post in source["posts"]] == [
        (post[0], start) for post, start in zip(known, starts, strict=True)
    ]
    first, second, third, fourth = (post["tags"] for post in source["posts"])
    assert first[:2] == ["Öppna data", "Webb"] and second[:2] == ["Service", "Kvalitetsmässan"]
    assert fourth[0] == "Webb" and not {"Öppna data", "Service"} & set(third)
    reasons = {d["text"]: d["reason"] for d in source["dropped"]}
    assert all("lästa som inläggets" in reasons[line] for line in printed if line)


def test_a_title_printed_twice_is_written_once(tmp_path, truth):
    """The title printed twice (an image's alt text over the heading): the post starts at the first, and the
    second is listed in the plan as repeating the title, not written as the post's first line."""
    known = _known_posts(truth)[:3]
    lines = [line for post in known for line in [post[0], *post]]
    out, source = _migrated_dump(tmp_path, "sparad-sida.txt", lines)
    starts = [1 + sum(len(post) + 1 for post in known[:k]) for k in range(len(known))]
    assert [(p["title"], int(p["lines"].split("-")[0])) for p in source["posts"]] == [
        (post[0], start) for post, start in zip(known, starts, strict=True)
    ]
    assert [d["line"] for d in source["dropped"] if "upprepar inläggets rubrik" in d["reason"]] == [
        s + 1 for s in starts
    ]
    for post, planned in zip(known, source["posts"], strict=True):
        body = (out / planned["output"]).read_text(encoding="utf-8").split("\n\n", 1)[1]
        assert body.split("\n")[0] != post[0]


def _stamps(count: int, seed: int) -> list[str]:
    """Date stamps as a saved listing page prints them ("Publicerat 12 mars 2015 av Anna"), random days."""
    rng = random.Random(seed)
    days = [(rng.randint(1, 28), rng.choice(["mars", "maj", "oktober"]), rng.randint(2012, 2016)) for _ in range(count)]
    return [f"Publicerat {day} {month} {year} av Anna" for day, month, year in days]


def _bylines(count: int) -> list[str]:
    """A writer's line as a saved listing page prints it ("Av Anna Ek"), a different writer for each post."""
    firsts, lasts = ("Anna", "Erik", "Sara", "Olle", "Karin", "Nils"), ("Ek", "Lund", "Berg", "Holm", "Dal")
    names = [f"Av {first} {last}" for first in firsts for last in lasts]
    assert count <= len(names)  # the copy is told by the line under its byline: one byline per post
    return names[:count]


@pytest.mark.parametrize("stamps", [_stamps, lambda count, seed: _bylines(count)], ids=["date", "byline"])
@pytest.mark.parametrize("where", STAMP_PLACES)
def test_archives_with_a_date_stamp_on_every_post_split_at_the_titles(truth, where, stamps):
    """Measured at stop 40 (seed 11 x 6), before a stamp was read as no title and past it: with the stamp
    under every title 51 + 51 boundary errors of 120, above every title 105 + 103 (the copy found in none),
    under every post 8 + 6; 0 + 0, 1 + 0 and 1 + 0 after. A byline ("Av Anna Ek", stop 43; seed 7 × 20) under
    every title: 231 + 220 errors of 400 before it was read as a stamp, above every title 398 + 401."""
    known = truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))
    posts = with_date_stamps(known, stamps(len(known), seed=11), where)
    archives = made_archives(posts, seed=11, count=6)
    if where == "above":  # the copy is told by its title, the line under its stamp
        titles = {post[0]: post[1] for post in posts}
        archives = [replace(a, copied_title=titles[a.copied_title]) for a in archives]
    (document,) = truth_dumps(truth, "document")
    score = score_migration(archives, read_dump(LEGACY / document), archive_rules())
    assert (score.copies_found, score.documents_found) == (6, 6), score.summary()
    assert score.splits.errors / score.splits.boundaries <= 0.02, (
        score.summary() + "\n" + "\n".join(score.splits.examples)
    )


def test_the_listing_pages_own_heading_over_its_first_post_is_no_title(tmp_path, truth):
    """A page saved whole opens with its own heading (the blog's name) over its first post. Taken for the first
    post's title, it pushed the real title down to a subheading: made archives of the known posts with one of
    two such headings over each dump (five seeds × 1) had the first post wrong in 25 of 25 dumps, 0 now. It is
    known as a line that opens two dumps or more over a title-shaped line, a different one in each."""
    known = _known_posts(truth)
    pages = [known[0:3], known[3:6], known[6:9]]
    dumps = {
        f"sida-{n}.txt": ["Enklare vardag", *(line for post in posts for line in post)] for n, posts in enumerate(pages)
    }
    # The first page's first post copied into a page saved without the heading: the copy starts that post
    # under the heading, and the heading was cut off as a post of its own.
    dumps["sida-3.txt"] = [*known[9], *known[0], *known[10]]
    _, plan = _migrated_dumps(tmp_path, dumps)
    for posts, source in zip(pages, plan["sources"], strict=False):
        assert [post["title"] for post in source["posts"]] == [post[0] for post in posts]
        assert [(d["line"], "listsidans egen rubrik" in d["reason"]) for d in source["dropped"]][:1] == [(1, True)]
    # A post copied to the top of two dumps, its title over a subheading, opens both over the same line: a title.
    copied = next(post for post in known if content_lines([(1, post[0]), (2, post[1])])[1].title_shaped)
    others = [post for post in known if post is not copied]
    dumps = [LegacyDump.from_lines(f"kopia-{n}.txt", [*copied, *others[n]]) for n in range(2)]
    plan = plan_migration(dumps, archive_rules()).plan
    assert [source.posts[0].title for source in plan.sources] == [copied[0], copied[0]]


def test_the_listing_pages_menu_over_its_first_post_is_no_post_of_its_own(tmp_path, truth):
    """A page saved whole may open with several lines of its own: a menu, the blog's name and motto. Only the
    first was known (a line opening two dumps or more); the others became the first post's title and text.
    Made archives of the known posts with four such lines over every dump (seed 7 × 20): the first post
    wrong in 100 of 100 dumps, in none now; and in none where one page opens with a post copied to the top
    of another (one archive of the 20: no page heading was known there, a heading over the same post twice)."""
    known = _known_posts(truth)
    menu = ["Hoppa till innehåll", "Enklare vardag", "En blogg om service och kvalitet", "Om bloggen"]
    pages = [known[0:3], known[3:6], known[6:9], [known[0], *known[9:11]]]
    dumps = {f"sida-{n}.txt": [*menu, *(line for post in posts for line in post)] for n, posts in enumerate(pages)}
    _, plan = _migrated_dumps(tmp_path, dumps)
    for posts, source in zip(pages, plan["sources"], strict=True):
        assert [post["title"] for post in source["posts"]] == [post[0] for post in posts]
        dropped = [(d["line"], "listsidans egen rubrik" in d["reason"]) for d in source["dropped"]]
        assert dropped[: len(menu)] == [(n, True) for n in range(1, len(menu) + 1)]
    copies = [post for source in plan["sources"] for post in source["posts"] if post["title"] == known[0][0]]
    assert len(copies) == 2 and sum("duplicate_of" in post for post in copies) == 1


def test_the_listing_pages_footer_under_its_last_post_is_no_text_of_that_post(tmp_path, truth):
    """A page saved whole ends with lines of its own: links to other pages, the site's footer. They were the last
    post's text (made archives of the known posts with such a footer, seed 7 × 20: in 100 of 100 dumps); now they
    are dropped as the page's. A sign-off under every post, and a post copied to the end of two dumps, are no
    footer: the sign-off stands inside the dumps too, and the copies end alike over the same paragraph."""
    known = _known_posts(truth)
    footer = ["« Äldre inlägg", "© Örebro kommun 2015"]
    sign_off = "Har du frågor? Mejla oss på kvalitet@exempel.se"
    pages = [known[0:3], known[3:6], [known[6], known[11], known[7]], known[8:10]]
    dumps = {
        f"sida-{n}.txt": [*(line for post in posts for line in (*post, sign_off)), *footer]
        for n, posts in enumerate(pages)
    }
    dumps["utan-sidfot.txt"] = [*known[10], *known[11]]
    out, plan = _migrated_dumps(tmp_path, dumps)
    for posts, source in zip(pages, plan["sources"], strict=False):
        assert [post["title"] for post in source["posts"]] == [post[0] for post in posts]
        footers = [d["text"] for d in source["dropped"] if "sidfot" in d["reason"]]
        assert footers == footer
        last = (out / source["posts"][-1]["output"]).read_text(encoding="utf-8")
        assert "Äldre inlägg" not in last and "Har du frågor?" in last
    (without,) = [source for source in plan["sources"] if source["file"] == "utan-sidfot.txt"]
    assert not any("sidfot" in d["reason"] for d in without["dropped"])
    copies = [post for source in plan["sources"] for post in source["posts"] if post["title"] == known[11][0]]
    (kept,) = [post for post in copies if post["output"]]
    assert len(copies) == 2 and known[11][-1].strip()[-30:] in (out / kept["output"]).read_text(encoding="utf-8")
    # A post copied to the end of two dumps, its last lines short (a name, an address): the same paragraph over
    # them in both, and nowhere else.
    copied = next(post for post in known if all(len(line) < 60 for line in post[-2:]))
    others = [post for post in known if post is not copied]
    dumps = [LegacyDump.from_lines(f"kopia-{n}.txt", [*others[n], *copied]) for n in range(2)]
    plan = plan_migration(dumps, archive_rules()).plan
    assert not any("sidfot" in d["reason"] for source in plan.sources for d in source.dropped)


def test_a_page_number_over_and_under_the_posts_is_the_pages_and_no_post(tmp_path, truth):
    """The page's number over and under its posts ("Sida 2 av 4"): the lines are alike but for their numbers. A
    post copied to the end of a page ended over the footer, and the edge of the copy cut the footer off as a post
    of its own (made archives of the known posts with a page number under each dump, seed 7 × 20:
    13 such posts of 100 dumps; with the number varying, 17 and every footer in a post; none now)."""
    known = _known_posts(truth)
    pages = [[known[22], *known[0:2]], [*known[3:5], known[22]], known[5:8]]
    dumps = {
        f"sida-{n}.txt": [f"Sida {n} av 4", *(line for post in posts for line in post), f"Sida {n} av 4"]
        for n, posts in enumerate(pages, 2)
    }
    _, plan = _migrated_dumps(tmp_path, dumps)
    for number, (posts, source) in enumerate(zip(pages, plan["sources"], strict=True), 2):
        assert [post["title"] for post in source["posts"]] == [post[0] for post in posts]
        page_lines = [(d["text"], d["reason"].split(":")[0]) for d in source["dropped"] if "listsidans" in d["reason"]]
        page = f"Sida {number} av 4"
        assert page_lines == [(page, "listsidans egen rubrik eller meny"), (page, "listsidans sidfot")]


def test_two_dumps_opening_and_ending_with_posts_alike_but_for_a_number_have_no_page_lines():
    """Lines alike but for their numbers are the page's (its number) in three dumps or more, not in two: there
    two posts may differ by a number only, a year in their titles, a phone number in their last lines."""

    def post(year: int, subheading: str, ending: tuple[str, ...] = ()) -> list[str]:
        return [
            f"Budget {year}",
            subheading,
            f"Kommunfullmäktige har beslutat om budgeten för {year}, och här berättar vi vad den betyder för dig.",
            f"Mer pengar går till skolan och äldreomsorgen under {year}, medan kostnaderna för lokaler minskar.",
            *ending,
        ]

    def other(n: int) -> list[str]:
        return [
            f"Biblioteket öppnar i Vivalla, del {n}",
            f"Här berättar vi om biblioteket, del {n}, och vad det ger dig.",
        ]

    dumps = [
        [*post(2015, "Det här är budgeten i korthet"), *other(1)],
        [*post(2016, "Så används pengarna"), *other(2)],
        [*other(3), *post(2017, "Skolan får mest", ("Ring oss på 019-21 10 00",))],
        [*other(4), *post(2018, "Äldreomsorgen växer", ("Ring oss på 019-21 20 00",))],
    ]
    plan = plan_migration(
        [LegacyDump.from_lines(f"sida-{n}.txt", lines) for n, lines in enumerate(dumps)], archive_rules()
    ).plan
    assert not [d for source in plan.sources for d in source.dropped if "listsidans" in d["reason"]]
    assert [source.posts[0].title for source in plan.sources][:2] == ["Budget 2015", "Budget 2016"]


def test_two_posts_ending_in_the_same_contact_line_over_the_pages_share_block_are_no_copies():
    """A share block under every post ("Dela:", "Facebook", "Twitter", "LinkedIn") made two posts that end with
    the same contact prompt and line a run of six lines in two dumps: taken for a copied post, it cut both posts
    at the prompt (made archives of the known posts with the block under every post, seed 7 × 20: 0 + 8 boundary
    errors of 400; 1 + 0 now). The lines the page printed under every post are no part of a copy."""
    block = ["Dela:", "Facebook", "Twitter", "LinkedIn"]
    contact = ["Har du frågor?", "Välkommen att kontakta Eva Ek, projektledare, på eva.ek@exempel.se."]

    def post(title: str, subject: str, ending: list[str] = ()) -> list[str]:
        lead = f"Här berättar vi om {subject} och vad det betyder för dig som bor eller arbetar i kommunen."
        more = f"Arbetet med {subject} fortsätter under hela året, och vi återkommer med mer om det här i bloggen."
        return [title, lead, more, *ending, *block]

    dumps = [
        [
            *post("Nya cykelbanor i centrum", "cykelbanorna", contact),
            *post("Biblioteket öppnar i Vivalla", "biblioteket"),
            *post("Vi söker testpiloter", "den nya e-tjänsten"),
        ],
        [
            *post("Skolmaten blir öppna data", "skolmaten", contact),
            *post("Färre samtal i kö", "telefonköerna"),
            *post("Medborgardialog om nya stadsdelen", "stadsdelen"),
        ],
    ]
    plan = plan_migration(
        [LegacyDump.from_lines(f"sida-{n}.txt", lines) for n, lines in enumerate(dumps)], archive_rules()
    ).plan
    assert [[post.first for post in source.posts] for source in plan.sources] == [[1, 10, 17]] * 2


@pytest.mark.parametrize("where", ["under the title", "under the post"])
def test_archives_with_a_filing_line_on_every_post_split_at_the_titles(truth, where):
    """A classic WordPress theme prints where each post was filed ("Publicerat i Service | 2 kommentarer"), under
    the post or under its title. Shaped like a title, it was taken for one: under every post (seed 7 × 20) 81 + 72
    boundary errors of 400 and the copy found in 6 of 20 archives, 0 + 0 now (the rules' filing_labels). Under
    the title it is text, not a subheading."""
    known = truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))
    categories = ("Service", "Kvalitet", "Öppna data", "Sociala medier")
    filed = [f"Publicerat i {categories[k % 4]} | {k % 5} kommentarer" for k in range(len(known))]
    if where == "under the post":
        posts = [[*post, line] for post, line in zip(known, filed, strict=True)]
    else:
        posts = [[post[0], line, *post[1:]] for post, line in zip(known, filed, strict=True)]
    (document,) = truth_dumps(truth, "document")
    score = score_migration(made_archives(posts, seed=11, count=6), read_dump(LEGACY / document), archive_rules())
    assert (score.copies_found, score.documents_found) == (6, 6), score.summary()
    assert score.splits.errors / score.splits.boundaries <= 0.02, score.summary()
    lead = next(line for line in known[0] if len(line) > 80)
    body = render_body([(2, filed[0]), (3, lead)], archive_rules().page).markdown
    assert body.split("\n\n")[0].replace("\\", "") == filed[0], body  # a line of text, not "## …"


@pytest.mark.parametrize("dated", [False, True], ids=["caption", "caption and date"])
def test_archives_with_a_caption_under_every_title_split_at_the_titles(truth, dated):
    """A listing page with an image under each title prints its caption or credit ("Bild: …", "Foto: …", a
    label from the rules' caption_labels). Shaped like a "Subject: phrase" title over the lead, it was taken
    for the title: made archives of the known posts so (five seeds × 1) had 95 boundary errors of 100, 1 now.
    With a date stamp under the caption, the stamp was taken for the title's lead: 7 errors of 100, 0 now."""
    known = truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))
    rng = random.Random(11)
    people, places = ("Två medarbetare", "En chef", "Fyra elever"), ("i receptionen", "på torget", "i Aulan")
    captions = [f"{rng.choice(['Bild', 'Foto'])}: {rng.choice(people)} {rng.choice(places)}" for _ in known]
    dates = [stamp.replace("Publicerat ", "").replace(" av Anna", "") for stamp in _stamps(len(known), seed=11)]
    under = [[caption, date] if dated else [caption] for caption, date in zip(captions, dates, strict=True)]
    posts = [[post[0], *lines, *post[1:]] for post, lines in zip(known, under, strict=True)]
    (document,) = truth_dumps(truth, "document")
    score = score_migration(made_archives(posts, seed=11, count=6), read_dump(LEGACY / document), archive_rules())
    assert (score.copies_found, score.documents_found) == (6, 6), score.summary()
    assert score.splits.errors / score.splits.boundaries <= 0.02, score.summary()


@pytest.mark.parametrize("where", ["above", "under"])
def test_a_date_stamp_and_a_byline_together_are_read_past_as_one(truth, where):
    """A page may print both the date and the writer on lines of their own. Above the titles, each post started
    at the byline and the date was left as a post of its own, which the plan could not write: the migration
    stopped. Under them, the title's lead was looked for on the date line, past the byline only. Made archives
    of the known posts so (seed 7 × 10): above 6 + 2 boundary errors of 200 (and a failed migration), under
    13 + 4; 2 + 2 and 1 + 0 now."""
    known = truth_posts(truth, lambda n: list(read_dump(LEGACY / n).lines))
    dates = [stamp.replace("Publicerat ", "").replace(" av Anna", "") for stamp in _stamps(len(known), seed=11)]
    bylines = _bylines(len(known))
    if where == "above":
        posts = [[date, byline, *post] for post, date, byline in zip(known, dates, bylines, strict=True)]
    else:
        posts = [[post[0], byline, date, *post[1:]] for post, date, byline in zip(known, dates, bylines, strict=True)]
    titles = {post[0]: next(line for line in post if line in {k[0] for k in known}) for post in posts}
    archives = [replace(a, copied_title=titles[a.copied_title]) for a in made_archives(posts, seed=11, count=6)]
    (document,) = truth_dumps(truth, "document")
    score = score_migration(archives, read_dump(LEGACY / document), archive_rules())
    assert (score.copies_found, score.documents_found) == (6, 6), score.summary()
    assert score.splits.errors / score.splits.boundaries <= 0.03, score.summary()


@pytest.mark.parametrize(
    "stamps",
    [
        ("Publicerat 12 mars 2015 av Anna", "2014-05-03", "Publicerat 2 februari 2014 av Erik"),
        ("mars 12, 2015", "3.5.2014", "den 2 februari 2014"),
    ],
    ids=["as written", "other forms"],
)
@pytest.mark.parametrize("above", [True, False])
def test_a_post_is_dated_by_its_stamp_which_stays_in_its_text_under_the_title(tmp_path, above, stamps):
    """Wherever the page printed the stamp, the post keeps it as a line of text under its title (not a
    subheading, not dropped), and takes its date from it. A one-word stamp ("2014-05-03") over a subheading
    was dropped as a lone label before stop 43, and the post's date was estimated."""
    posts = [
        [
            "Cyklar i staden",
            stamps[0],
            "Staden bygger fler cykelbanor i år, och cyklisterna får bättre parkeringar vid stationen.",
            "Cykelbanorna byggs först i de centrala delarna där trafiken är som tätast under morgonen.",
        ],
        [
            "Bussarna går oftare på landsbygden",
            stamps[1],
            "Tätare turer till byarna",
            "Från januari går bussarna till byarna varje halvtimme under rusningstid på vardagar.",
            "Resenärerna har länge önskat tätare turer, visar den senaste enkäten om kollektivtrafiken.",
        ],
        [
            "Biblioteket öppnar på söndagar",
            stamps[2],
            "Från mars har biblioteket öppet på söndagar, och på biblioteket finns då också läxhjälp.",
            "Söndagsöppet på biblioteket prövas i ett år, och sedan frågar vi låntagarna vad de tycker.",
        ],
    ]
    lines = [line for title, stamp, *text in posts for line in ([stamp, title] if above else [title, stamp]) + text]
    out, source = _migrated_dump(tmp_path, "lista.txt", lines)
    ends = list(accumulate(len(post) for post in posts))
    assert [(p["title"], p["lines"]) for p in source["posts"]] == [
        (post[0], f"{end - len(post) + 1}-{end}") for post, end in zip(posts, ends, strict=True)
    ]
    assert [(p["date"], p["date_source"]) for p in source["posts"]] == [
        ("2015-03-12", "text"),
        ("2014-05-03", "text"),
        ("2014-02-02", "text"),
    ]
    for post, (_, stamp, *_) in zip(source["posts"], posts, strict=True):
        body = (out / post["output"]).read_text(encoding="utf-8").split("\n\n", 1)[1]
        assert body.startswith(stamp + "\n\n"), body


def test_a_post_that_gives_a_transcript_leaves_its_dump_a_listing():
    """The document marker after a post's running text is a line of that post (a film's transcript),
    not the start of a flattened PDF: taken for a document, the dump's posts would be dropped."""
    rules = archive_rules()
    (marker,) = rules.document_markers
    lines = [
        "Nya cykelbanor vid stationen i höst",
        "Staden bygger fler cykelbanor i år, och cyklisterna får bättre parkeringar vid stationen. Cykelbanorna "
        "byggs först i de centrala delarna, där trafiken är som tätast under morgonen, och sedan ut mot byarna.",
        "Se filmen om cykelbanorna på kommunens webbplats",
        "I filmen berättar trafikplaneraren om hur banorna dras och varför de byggs först i centrum.",
        marker,
        "Hej, jag heter Eva och jag planerar trafiken här i staden. I dag ska jag visa er de nya cykelbanorna.",
    ]
    plan = plan_migration([_dump("a.txt", lines)], rules).plan
    (source,) = plan.sources
    assert source.kind == "listing" and {p.kind for p in source.posts} == {"article"}
    assert not source.dropped


def test_document_dump_becomes_a_document(migrated, truth):
    plan = _plan(migrated)
    (name,) = truth_dumps(truth, "document")
    expected = truth[name]
    source = next(s for s in plan["sources"] if s["file"] == name)
    assert source["kind"] == "document" and len(source["posts"]) == 1
    doc = source["posts"][0]
    assert doc["title"] == expected["title"]
    assert doc["date"] == str(expected["date"]) and doc["date_source"] == "text"
    text = (migrated / doc["output"]).read_text(encoding="utf-8")
    assert doc["output"].startswith(f"handbooks/{doc['slug']}/")  # the first version of a handbook
    assert (migrated / "handbooks" / doc["slug"] / "handbook.md").is_file()
    headings = re.findall(r"(?m)^## (.+)$", text)
    assert len(headings) >= 5 and all(not h.isupper() for h in headings)
    prose = [
        line for line in text.splitlines() if not re.match(r"\s*(-|\d+\.)\s", line)
    ]  # an item may end "… version 1"
    assert not any(re.search(r"\s\d{1,2}$", line) for line in prose), "page numbers must be removed"
    assert source["removed_page_numbers"]
    related = [d for d in source["dropped"] if "orelaterade" in d["reason"]]
    assert len(related) > 20


def _report_with_a_table(tmp_path) -> Path:
    """A document dump whose fourth line holds a table run into its text (and whose third, two amounts in prose)."""
    lines = [
        "Rapport om cykelbanor 2024",
        _MARKER,
        "Kommunen har byggt cykelbanor för 2 400 000 kronor, mot 1 900 000 kronor året innan. 1",
        "Kostnaderna fördelades så här: Post Kostnad Kommentar Asfalt 1 200 000 Nya banor Belysning 450 000 "
        "Lampor längs ån Skyltar 150 000 Vägvisning Summa 1 800 000 Resten gick till underhåll. 2",
    ]
    document = tmp_path / "rapport.txt"
    document.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return document


def test_a_table_flattened_into_a_document_is_listed_for_review_by_its_line(tmp_path):
    """The columns of a table run into text cannot be restored safely, so the editor is shown where it is."""
    document = _report_with_a_table(tmp_path)
    result = run_migrate("--out", tmp_path / "out", "--quiet", document)
    assert result.returncode == 0, result.stderr
    plan = _plan(tmp_path / "out")
    (entry,) = plan["summary"]["review_first"]
    assert entry["file"] == "rapport.txt" and entry["title"] == "Rapport om cykelbanor 2024"
    assert entry["why"].startswith("rad 4: 4 belopp i samma mening – en tabell som blivit löptext?")


def test_an_editors_corrections_to_a_document_in_the_plan_are_followed(tmp_path):
    """The document's title, date and "reviewed" in the plan are the editor's, as an article's are: a re-run
    used to write the found ones back over them, and the review list never emptied."""
    report = _report_with_a_table(tmp_path)
    out = tmp_path / "out"
    assert run_migrate("--out", out, "--quiet", report).returncode == 0
    plan = _plan(out)
    (entry,) = plan["sources"][0]["posts"]
    entry |= {"title": "Cykelbanorna 2024", "date": "2024-12-20", "date_source": "editor", "reviewed": True}
    (out / "migration-plan.yaml").write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), "utf-8")
    result = run_migrate("--out", out, "--quiet", report)
    assert result.returncode == 0, result.stderr
    plan = _plan(out)
    (document,) = plan["sources"][0]["posts"]
    assert (document["title"], document["date"], document["date_source"]) == (
        "Cykelbanorna 2024",
        "2024-12-20",
        "editor",
    )
    assert document["reviewed"] is True and plan["summary"]["review_first"] == []
    version = out / document["output"]
    assert version.read_text(encoding="utf-8").startswith("Title: Cykelbanorna 2024\n")
    assert "Date: 2024-12-20" in (version.parent / "version.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("posts", "lines"), [(0, ""), (2, ""), (1, "1-3")])
def test_a_plan_that_splits_shortens_or_drops_a_document_is_an_error_naming_its_line(tmp_path, posts, lines):
    """A document is one entry in the plan, over the whole file; cut, shortened or deleted there, it is not
    guessed at."""
    report = _report_with_a_table(tmp_path)
    out = tmp_path / "out"
    assert run_migrate("--out", out, "--quiet", report).returncode == 0
    plan = _plan(out)
    (entry,) = plan["sources"][0]["posts"]
    plan["sources"][0]["posts"] = [entry | ({"lines": lines} if lines else {}) for _ in range(posts)]
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    (out / "migration-plan.yaml").write_text(text, "utf-8")
    before = _files(out)
    result = run_migrate("--out", out, "--quiet", report)
    assert result.returncode == 2
    named = "- file: rapport.txt" if posts == 0 else "  - title: Rapport om cykelbanor 2024"  # the last entry
    line = [n for n, t in enumerate(text.splitlines(), 1) if t == named][-1]
    says = "rapport.txt är ett dokument och har ett enda inlägg i planen, 'lines: 1-4'"
    assert f"migration-plan.yaml:{line}: {says}" in result.stderr
    assert _files(out) == before


def test_a_document_dated_without_a_label_takes_the_first_date_on_its_cover(truth, tmp_path):
    (name,) = truth_dumps(truth, "document")
    expected = truth[name]
    date = expected["date"]
    months = "januari februari mars april maj juni juli augusti september oktober november december".split()
    text, count = re.subn(
        rf"\b\w+:\s*{date:%Y-%m-%d}",
        f"Örebro {date.day} {months[date.month - 1]} {date.year}",
        (LEGACY / name).read_text(encoding="utf-8"),
    )
    assert count == 1  # the cover's labelled date is now plain words
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_migrate("--out", tmp_path / "out", "--quiet", tmp_path / name)
    assert result.returncode == 0, result.stderr
    (doc,) = _plan(tmp_path / "out")["sources"][0]["posts"]
    assert doc["kind"] == "document"
    assert (doc["date"], doc["date_source"]) == (str(date), "text")


@pytest.mark.parametrize("written", ["{month} {year}", "Datum: {year}-{month_number:02}"])
def test_a_document_whose_cover_gives_only_a_month_is_dated_in_that_month_as_an_estimate(truth, tmp_path, written):
    """Without the month the report is dated by the latest year its later pages name (a year after the cover)."""
    (name,) = truth_dumps(truth, "document")
    date = truth[name]["date"]
    months = "januari februari mars april maj juni juli augusti september oktober november december".split()
    month = written.format(month=months[date.month - 1], year=date.year, month_number=date.month)
    text, count = re.subn(rf"\b\w+:\s*{date:%Y-%m-%d}", month, (LEGACY / name).read_text(encoding="utf-8"))
    assert count == 1  # the cover gives the month alone
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_migrate("--out", tmp_path / "out", "--quiet", tmp_path / name)
    assert result.returncode == 0, result.stderr
    (doc,) = _plan(tmp_path / "out")["sources"][0]["posts"]
    assert (doc["date"], doc["date_source"]) == (str(date.replace(day=15)), "inferred")
    assert month.split()[-1] in doc["date_evidence"] and "mitten av månaden" in doc["date_evidence"]


def test_a_document_with_no_date_written_in_it_gets_an_estimate_marked_as_one(truth, tmp_path):
    (name,) = truth_dumps(truth, "document")
    text, count = re.subn(rf"\b\w+:\s*{truth[name]['date']:%Y-%m-%d}", "", (LEGACY / name).read_text(encoding="utf-8"))
    assert count == 1  # the cover's date is gone
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_migrate("--out", tmp_path / "out", "--quiet", tmp_path / name)
    assert result.returncode == 0, result.stderr
    (doc,) = _plan(tmp_path / "out")["sources"][0]["posts"]
    assert doc["kind"] == "document" and doc["date_source"] == "inferred"
    assert doc["date_evidence"].startswith("uppskattat: årtal i texten")


def test_every_article_has_date_source_topics_and_summary(migrated):
    for path in (migrated / "articles").glob("*.md"):
        header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        meta = dict(line.split(": ", 1) for line in header.splitlines())
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", meta["Date"]), path.name
        assert meta["Date_source"] in {"url", "text", "inferred"}, path.name
        assert meta.get("Summary"), path.name
        assert meta.get("Slug") and re.fullmatch(r"[a-z0-9-]+", meta["Slug"]), path.name
    plan = _plan(migrated)
    assert plan["summary"]["dates_by_source"].get("url", 0) >= 1


def test_structure_is_converted(migrated):
    texts = {p.name: p.read_text(encoding="utf-8") for p in (migrated / "articles").glob("*.md")}
    joined = "\n".join(texts.values())
    assert re.search(r"(?m)^## \S", joined)
    assert re.search(r"(?m)^- \S", joined)
    assert re.search(r"\[[^\]]+@[^\]]+\]\(mailto:", joined)
    assert re.search(r"\]\(https?://", joined)
    assert re.search(r"(?m)^- \*\*[^*]+:\*\* ", joined), "key: value facts become a list"
    assert "•" not in joined


def test_migration_of_the_archive_takes_under_two_seconds(tmp_path):
    """Median of three cold runs (Python start-up included), so one busy moment does not fail it.

    Untraced: the coverage hook nearly doubles a run (1.8–2.0 s against 0.9–1.2 s, measured at stop 32)."""
    timings = []
    for run in range(3):
        started = time.perf_counter()
        result = run_migrate("--out", tmp_path / f"timed{run}", LEGACY, "--quiet", env=untraced_environment())
        timings.append(time.perf_counter() - started)
        assert result.returncode == 0, result.stderr
    assert sorted(timings)[1] < 2.0, f"migration took {sorted(timings)} s"


def test_committed_content_matches_the_committed_plan(tmp_path):
    """content/ is what the migration produces from legacy/ and the committed plan."""
    from conftest import ROOT

    out = tmp_path / "content"
    shutil.copytree(ROOT / "content", out)
    result = run_migrate("--out", out, LEGACY)
    assert result.returncode == 0, result.stderr
    assert "0 skrivna" in result.stdout
    assert len(DUMPS) == 5


CODE = (
    "*.py",
    "scripts/**/*.py",
    "plugins/**/*.py",
    "plugins/**/*.html",
    "theme/**/*.py",
    "theme/**/*.html",
    "theme/**/*.js",
)


def _archive_phrases_in(code: dict[str, str]) -> set[tuple[str, str]]:
    """(file, phrase) for every run of four words of a legacy dump that a code file contains."""
    found = set()
    for dump in DUMPS:
        for line in dump.read_text(encoding="utf-8").splitlines():
            words = line.strip(" \u00a0\t•").lower().split()
            for i in range(len(words) - 3):
                phrase = " ".join(words[i : i + 4])
                found.update((name, phrase) for name, text in code.items() if len(phrase) >= 18 and phrase in text)
    return found


def test_no_title_or_sentence_of_the_archive_appears_in_code():
    """The migration works from general rules; the archive's facts live in data and content files."""
    root = LEGACY.parent
    code = {
        str(path.relative_to(root)): path.read_text(encoding="utf-8").lower()
        for pattern in CODE
        for path in root.glob(pattern)
        if "tests" not in path.relative_to(root).parts
    }
    assert len(code) > 30
    title = next(line for line in DUMPS[0].read_text(encoding="utf-8").splitlines() if len(line.split()) >= 4)
    assert _archive_phrases_in({"planted.py": f"X = {title!r}".lower()})  # the check does see a pasted title
    assert _archive_phrases_in(code) == set()


def test_layout_leftovers_listed_in_the_rules_do_not_hide_the_next_title():
    """A share block ("Dela:", "Facebook") after a post's closing line: listed in the rules file, it is
    skipped when splitting, so the short title after it follows the closing line and starts a post;
    its lines go to the plan's dropped list with the reason."""
    first = [
        "Cyklar i staden",
        "Staden bygger fler cykelbanor i år, och cyklisterna får bättre parkeringar vid stationen.",
        "Cykelbanorna byggs först i de centrala delarna där trafiken är som tätast under morgonen.",
        "Parkeringarna vid stationen får tak och laddplatser för elcyklar under hösten.",
        "Läs mer om cyklarna på kommunens webbplats.",
    ]
    share = ["Dela:", "Facebook", "Twitter"]
    second = [
        "Tätare bussar",
        "Från januari går bussarna till byarna varje halvtimme under rusningstid på vardagar.",
        "Tidtabellerna finns i appen och på hållplatserna från mitten av december.",
    ]
    dump = _dump("a.txt", [*first, *share, *second])
    rules = archive_rules()
    unlisted = plan_migration([dump], rules).plan
    assert [p.first for p in unlisted.sources[0].posts] == [1]  # the labels hide the short title
    listed = replace(rules, noise_lines=rules.noise_lines | {"dela:", "facebook", "twitter"})
    (source,) = plan_migration([dump], listed).plan.sources
    assert [(p.first, p.last) for p in source.posts] == [(1, 8), (9, 11)]
    dropped = {d["line"]: d["reason"] for d in source.dropped}
    assert sorted(dropped) == [6, 7, 8] and all("noise_lines" in reason for reason in dropped.values())


def _first_post_line(text: str, pattern: str) -> int:
    """The plan's first row under 'sources:' matching ``pattern`` (the summary's review list names lines too)."""
    rows = text.splitlines()
    sources = rows.index("sources:")
    return next(n for n, row in enumerate(rows, 1) if n > sources and re.fullmatch(pattern, row))


def _with_post_lines(text: str, k: int, new: Callable[[int, int], str]) -> str:
    """The plan's text with the ``k``-th post's 'lines: A-B' row written as ``new(A, B)``."""
    rows = text.splitlines(keepends=True)
    sources = rows.index("sources:\n")  # the summary's review list above names lines too
    posts = [n for n, row in enumerate(rows) if n > sources and re.fullmatch(r"    lines: \d+-\d+\n", row)]
    first, last = map(int, rows[posts[k]].split(": ")[1].split("-"))
    rows[posts[k]] = f"    lines: {new(first, last)}\n" if new(first, last) else ""
    return "".join(rows)


def _with_blank_post(text: str) -> str:
    """The plan with a post of its own for the blank line before the second post's title (an editor's cut)."""
    rows = text.splitlines(keepends=True)
    first = _first_post_line(text, r"    lines: \d+-\d+") - 1
    start, end = map(int, rows[first].split(": ")[1].split("-"))
    rows[first] = f"    lines: {start}-{end - 1}\n"
    rows.insert(first + 1, f"  - title: Tomt\n    lines: {end}-{end}\n")
    return "".join(rows)


PLAN_MISTAKES = {
    # name: (edit of the plan's text, line of the plan the error names or None, what it says)
    "windows-1252": (lambda t: t.encode("cp1252", errors="replace"), "first-non-ascii", "inte sparad som UTF-8"),
    "broken-yaml": (
        lambda t: _with_post_lines(t, 0, lambda a, b: f"{a}: {b}: x"),
        "first-lines",
        "inte giltig YAML – se efter på raden och den före",
    ),
    "no-sources": (lambda t: t.replace("\nsources:", "\nkällor:", 1), 1, "planen saknar 'sources:'"),
    "a-source-without-file": (lambda t: t.replace("\n- file: ", "\n- fil: ", 1), "first-source", "behöver 'file:'"),
    "a-post-without-lines": (lambda t: _with_post_lines(t, 0, lambda a, b: ""), "first-post", "behöver 'lines:"),
    "lines-past-the-end": (lambda t: _with_post_lines(t, 0, lambda a, b: f"{a}-99999"), "first-post", "har bara"),
    "overlapping-posts": (
        lambda t: _with_post_lines(t, 1, lambda a, b: f"{a - 3}-{b}"),
        "second-post",
        "ingår redan i ett annat inlägg",
    ),
    "a-post-of-blank-lines": (lambda t: _with_blank_post(t), "blank-post", "har ingen text, bara tomma rader"),
    "lines-in-no-post": (lambda t: _with_post_lines(t, 0, lambda a, b: f"{a}-{b - 3}"), None, "ingår inte i något"),
}


@pytest.mark.parametrize("mistake", list(PLAN_MISTAKES))
def test_a_plan_the_migration_cannot_follow_is_named_with_its_line_and_nothing_is_written(migrated, tmp_path, mistake):
    edit, line, message = PLAN_MISTAKES[mistake]
    out = tmp_path / "edited"
    shutil.copytree(migrated, out)
    plan_path = out / "migration-plan.yaml"
    text = plan_path.read_text(encoding="utf-8")
    edited = edit(text)
    plan_path.write_bytes(edited if isinstance(edited, bytes) else edited.encode("utf-8"))
    lines = {
        "first-non-ascii": next(n for n, row in enumerate(text.splitlines(), 1) if not row.isascii()),
        "first-lines": _first_post_line(text, r"    lines: \d+-\d+"),
        "first-source": _first_post_line(text, r"- file: .*"),
        "first-post": _first_post_line(text, r"  - title: .*"),
        "blank-post": _first_post_line(text, r"    lines: \d+-\d+") + 1,
        "second-post": [n for n, row in enumerate(text.splitlines(), 1) if row.startswith("  - title: ")][1],
    }
    where = f"{plan_path}:{lines.get(line, line)}: " if line else f"{plan_path}: "
    before = {p: p.read_bytes() for p in out.rglob("*.md")}
    result = run_migrate("--out", out, LEGACY)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert where in result.stderr and message in result.stderr, result.stderr
    assert {p: p.read_bytes() for p in out.rglob("*.md")} == before


@pytest.mark.parametrize("dated", ["kept", "copy"])
def test_an_editors_date_on_a_copied_post_dates_it_in_both_dumps_and_a_further_run_changes_nothing(
    migrated, tmp_path, dated
):
    """The copy's neighbours are estimated beside it: beside the editor's date from the first run that follows
    the plan on, not beside an estimate first and the editor's date in the next run (the plan changed)."""
    out = tmp_path / "dated"
    shutil.copytree(migrated, out)
    plan = _plan(out)
    kept, copy = (post for _, post in _kept_and_copy(plan))
    editors = {"kept": kept, "copy": copy}[dated]
    # after the written date of the post under the copy: an earlier one is out of listing order, and named
    editors["date"], editors["date_source"] = "2013-05-06", "editor"
    plan = _migrate_following(out, plan)
    kept, copy = (post for _, post in _kept_and_copy(plan))
    assert (kept["date"], kept["date_source"]) == (copy["date"], copy["date_source"]) == ("2013-05-06", "editor")
    written = (out / "migration-plan.yaml").read_bytes()
    result = run_migrate("--out", out, LEGACY)
    assert result.returncode == 0, result.stderr
    assert (out / "migration-plan.yaml").read_bytes() == written and "varning" not in result.stderr


def test_an_editor_who_empties_duplicate_of_keeps_the_copy_as_an_article_of_its_own(migrated, tmp_path):
    """The two posts may only look alike (a text published twice, once revised): the editor decides."""
    out = tmp_path / "edited"
    shutil.copytree(migrated, out)
    plan = _plan(out)
    (_, kept), (copy_source, copy) = _kept_and_copy(plan)
    copy["duplicate_of"] = ""
    plan = _migrate_following(out, plan)
    posts = {(s["file"], p["lines"]): p for s in plan["sources"] for p in s["posts"]}
    copy = posts[(copy_source["file"], copy["lines"])]
    assert not copy.get("duplicate_of") and plan["summary"]["duplicates"] == 0
    assert copy["output"] != kept["output"] and (out / copy["output"]).is_file()
    assert not [p for p in posts.values() if p.get("copies")]
    # the plan keeps the editor's word: a further run does not find the copy again
    assert copy["duplicate_of"] == ""
    written = (out / "migration-plan.yaml").read_bytes()
    result = run_migrate("--out", out, LEGACY)
    assert result.returncode == 0, result.stderr
    assert (out / "migration-plan.yaml").read_bytes() == written


def test_a_post_an_editor_marks_as_a_copy_of_a_copy_is_listed_in_order_and_a_further_run_changes_nothing(
    migrated, tmp_path
):
    """A post marked as a copy of a copy is moved to the post kept, at the end of its list; the next run, reading
    it as a copy of the kept post, listed it in the order of the dumps: the plan changed on every run."""
    out = tmp_path / "edited"
    shutil.copytree(migrated, out)
    plan = _plan(out)
    (_, kept), (copy_source, copy) = _kept_and_copy(plan)
    names = [s["file"] for s in plan["sources"]]
    earlier = next(s for s in plan["sources"] if names.index(s["file"]) < names.index(copy_source["file"]))
    marked = next(p for p in earlier["posts"] if p["slug"] != kept["slug"] and not p.get("copies"))
    marked["duplicate_of"] = copy["slug"]
    plan = _migrate_following(out, plan)
    (_, kept), _ = _kept_and_copy(plan)
    assert kept["copies"] == [f"{earlier['file']}:{marked['lines']}", f"{copy_source['file']}:{copy['lines']}"]
    written = (out / "migration-plan.yaml").read_bytes()
    result = run_migrate("--out", out, LEGACY)
    assert result.returncode == 0, result.stderr
    assert (out / "migration-plan.yaml").read_bytes() == written


def test_a_post_an_editor_marks_as_the_copy_of_an_unlike_one_has_its_own_lines_listed(truth, tmp_path):
    """Its lines are in no output: each is listed as only in the copy, also a short line (a subheading, "Har
    du frågor?") that the post after the one named happens to have, which once counted as kept."""
    posts = _known_posts(truth)
    kept = min(posts, key=len)  # shorter than the post marked: the lines it is lined up with reach past it
    after = next(p for p in posts if p is not kept and any(len(line) < MIN_LEAD_CHARS for line in p[2:]))
    short = next(line for line in after[2:] if len(line) < MIN_LEAD_CHARS)
    paragraphs = [
        f"Stycke {n} om biblioteket i Vivalla, som öppnar igen efter ett halvår av ombyggnad." for n in range(8)
    ]
    marked = ["Biblioteket i Vivalla öppnar igen", *paragraphs[:4], short, *paragraphs[4:]]
    out, plan = _migrated_dumps(tmp_path, {"a.txt": [*kept, *after], "b.txt": marked})
    assert [p["lines"] for p in plan["sources"][0]["posts"]] == [
        f"1-{len(kept)}",
        f"{len(kept) + 1}-{len(kept) + len(after)}",
    ]
    plan["sources"][1]["posts"][0]["duplicate_of"] = plan["sources"][0]["posts"][0]["slug"]
    plan = _migrate_following_from(out, plan, tmp_path / "legacy")
    _assert_every_line_kept(out, tmp_path / "legacy")
    assert {d["line"] for d in plan["sources"][1]["dropped"] if "kopia" in d["reason"]} == set(range(1, 11))


@pytest.mark.parametrize(
    ("names", "says"),
    [
        ("finns-inte", "inget inlägg i planen har den adressen"),
        ("itself", "leder tillbaka till inlägget självt"),  # it was written as a copy of nothing: its lines lost
    ],
)
def test_a_duplicate_of_naming_no_post_or_the_post_itself_is_named_with_the_plans_line(migrated, tmp_path, names, says):
    out = tmp_path / "edited"
    shutil.copytree(migrated, out)
    plan = _plan(out)
    post = plan["sources"][0]["posts"][1]
    post["duplicate_of"] = post["slug"] if names == "itself" else names
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    (out / "migration-plan.yaml").write_text(text, encoding="utf-8")
    line = [n for n, row in enumerate(text.splitlines(), 1) if row.startswith("  - title: ")][1]
    before = _files(out)
    result = run_migrate("--out", out, LEGACY)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert f"migration-plan.yaml:{line}: duplicate_of: '{post['duplicate_of']}'" in result.stderr, result.stderr
    assert says in result.stderr and _files(out) == before


def test_a_kept_post_an_editor_marks_as_a_copy_takes_its_own_copies_along(migrated, tmp_path):
    """Its copies would otherwise name a post without an output, and their lines be in none."""
    out = tmp_path / "edited"
    shutil.copytree(migrated, out)
    plan = _plan(out)
    (kept_source, kept), (copy_source, copy) = _kept_and_copy(plan)
    # the last of its dump: a copy's lines may also be held by the posts after the one it names
    third = next(
        s["posts"][-1] for s in plan["sources"] if s["posts"][-1]["kind"] == "article" and s is not kept_source
    )
    kept["duplicate_of"] = third["slug"]
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    (out / "migration-plan.yaml").write_text(text, encoding="utf-8")
    entries = [n for n, row in enumerate(text.splitlines(), 1) if row.startswith("  - title: ")]
    line = entries[[p for s in plan["sources"] for p in s["posts"]].index(copy)]
    result = run_migrate("--out", out, LEGACY)
    assert result.returncode == 0, result.stderr
    # The copy's entry still names the post the editor made a copy: followed to the post kept, and said so.
    assert (
        f"migration-plan.yaml:{line}: duplicate_of: '{kept['slug']}' är själv en kopia; inlägget "
        f"räknas som kopia av '{third['slug']}', som behålls" in result.stderr
    ), result.stderr
    posts = {(s["file"], p["lines"]): p for s in _plan(out)["sources"] for p in s["posts"]}
    assert posts[(copy_source["file"], copy["lines"])]["duplicate_of"] == third["slug"]
    assert posts[(kept_source["file"], kept["lines"])]["duplicate_of"] == third["slug"]
    copies = next(p["copies"] for p in posts.values() if p["slug"] == third["slug"])
    assert {f"{copy_source['file']}:{copy['lines']}", f"{kept_source['file']}:{kept['lines']}"} <= set(copies)
    _assert_every_line_kept(out, LEGACY)


def test_a_title_an_editor_replaces_is_listed_in_the_plan_with_the_new_title(migrated, tmp_path):
    """The title line is in no output once the editor's title stands in its place: the plan says so."""
    out = tmp_path / "edited"
    shutil.copytree(migrated, out)
    plan = _plan(out)
    source = plan["sources"][0]
    post = source["posts"][2]
    first = int(post["lines"].split("-")[0])
    post["title"] = "En rubrik som redaktören skrev"
    followed = _migrate_following(out, plan)
    source = next(s for s in followed["sources"] if s["file"] == source["file"])
    (entry,) = [d for d in source["dropped"] if d["line"] == first]
    assert "En rubrik som redaktören skrev" in entry["reason"]
    _assert_every_line_kept(out, LEGACY)
    again = run_migrate("--out", out, LEGACY).stdout
    # Not "noise lines": the summary counts every line the plan lists, an editor's replaced title too.
    assert "0 skrivna" in again and f"{followed['summary']['dropped_lines']} rader strukna (planens dropped)" in again


def test_a_tag_line_under_a_post_is_no_title_for_the_next_post():
    """A saved page's tag line under a post ("Taggar: …") is shaped like a "Subject: phrase" title, and its
    tags are often the next post's subject, so the title after it did not stand out (here the two posts
    were one) or the tag line was taken for the title (made archives with leftovers under half of the
    posts, seeds 7, 55, 101 × 40: twice). Read as the rules' tag line, it is no candidate title: it stays
    with the post above and gives it its tags."""
    first = [
        "Nya parkeringar för cyklar vid stationen",
        "Staden bygger fler cykelbanor i år, och cyklisterna får bättre parkeringar vid stationen.",
        "– Vi har väntat länge på det här, säger Eva Ek som cyklar till jobbet varje dag året runt.",
    ]
    tag_line = "Taggar: bussar, landsbygden, tidtabeller"
    second = [
        "Tätare bussar på landsbygden",
        "Från januari går bussarna till byarna på landsbygden varje halvtimme under rusningstid.",
        "Tidtabellerna för bussarna finns i appen och på hållplatserna från mitten av december.",
    ]
    dump = _dump("a.txt", [*first, tag_line, *second])
    rules = archive_rules()
    untagged = plan_migration([dump], replace(rules, tag_labels=frozenset())).plan
    assert [(p.first, p.last) for p in untagged.sources[0].posts] == [(1, 7)]
    (source,) = plan_migration([dump], rules).plan.sources
    assert [(p.first, p.last) for p in source.posts] == [(1, 4), (5, 7)]
    assert source.posts[0].tags[:3] == ["Bussar", "Landsbygden", "Tidtabeller"]
    assert [d["line"] for d in source.dropped] == [4]
