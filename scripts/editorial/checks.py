"""The content check: every mistake an editor can make that the build would hide or break on.

Each rule is a pure function from parsed files to problems; ``check`` runs
them all. Messages are plain Swedish and name the file and line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .content_file import SLUG, ContentFile, topic_slug
from .inventory import Inventory, slug_of

DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$")
MARKDOWN_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<target><[^>]*>|[^)\s]*)(?:\s+\"[^\"]*\")?\)")
MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<target>[^)\s]*)")
HTML_IMAGE = re.compile(r"<img\b(?P<attributes>[^>]*)>", re.IGNORECASE)
HTML_LINK = re.compile(r"<a\b[^>]*\bhref=[\"'](?P<target>[^\"']*)[\"']", re.IGNORECASE)
ATX_HEADING = re.compile(r"^(?P<hashes>#{1,6})(?=\s|$)")
# "#skola #digitalisering": Python-Markdown, which Pelican uses, needs no space after "#" to make a heading.
HASHTAG_HEADING = re.compile(r"^#{1,6}[^\s#]")
FENCE = re.compile(r"^(```|~~~)")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|#|//)", re.IGNORECASE)
WEB_WITHOUT_HOST = re.compile(r"^https?://(?:[/?#]|$)", re.IGNORECASE)
MAX_TAG_CHARS = 40
# How an article's date was found: by the migration (text, url, inferred, editor) or an import (export, html).
# The site marks an "inferred" date as an estimate, so a misspelt one would show a guess as a fact.
DATE_SOURCES = ("text", "url", "inferred", "editor", "export", "html")
# The Status: values Pelican knows (its Article's and Page's allowed_statuses; a test compares them): it stops
# the build on any other. Spelt here, for importing Pelican would add a third of a second to every migration.
STATUSES = ("published", "hidden", "draft", "skip")
# Characters no text holds (U+0000-U+001F, U+007F-U+009F) but tab: the feeds' XML cannot carry them.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int  # 0: the file or folder as a whole (one that is missing, or its name)
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


def _text_lines(item: ContentFile) -> Iterator[tuple[int, str]]:
    """Body lines outside fenced code blocks (code may show Markdown as an example)."""
    fenced = False
    for number, text in item.body:
        if FENCE.match(text.strip()):
            fenced = not fenced
            continue
        if not fenced:
            yield number, text


def check_encoding(item: ContentFile) -> Iterator[tuple[int, str]]:
    """Pelican reads content as UTF-8 and stops the build on anything else."""
    if item.not_utf8_line:
        yield (
            item.not_utf8_line,
            "filen är inte sparad som UTF-8 (å, ä och ö blir fel och bygget stannar). Spara den som "
            "UTF-8 i din textredigerare.",
        )


def check_control_characters(item: ContentFile) -> Iterator[tuple[int, str]]:
    """A control character (pasted from a PDF or a word processor) is invisible and stops the build at the feeds."""
    lines = [(line, value) for line, value in item.fields.values()] + item.body
    for line, text in sorted(lines):
        found = CONTROL.search(text)
        if found:
            yield (
                line,
                f"raden har ett osynligt styrtecken (U+{ord(found.group()):04X}) som stoppar bygget. Skriv om "
                "raden, eller klistra in texten som oformaterad text.",
            )


def _is_date(value: str) -> bool:
    """ÅÅÅÅ-MM-DD (perhaps with a time), and a day that exists."""
    match = DATE.match(value)
    if not match:
        return False
    try:
        dt.datetime(*(int(part or 0) for part in match.groups()))
    except ValueError:
        return False
    return True


def check_date_field(item: ContentFile, key: str, needed_for: str = "", why: str = "") -> Iterator[tuple[int, str]]:
    """A date field written ÅÅÅÅ-MM-DD with a day that exists; ``needed_for`` says what a missing one is
    needed for (a field that may be left out has none), ``why`` what a wrong one does."""
    value, name = item.value(key), key.capitalize()
    if not value and needed_for:
        yield item.line_of(key), f"{name}: saknas ({needed_for}, skrivs ÅÅÅÅ-MM-DD)."
    elif value and not _is_date(value):
        yield item.line_of(key), f"{name}: '{value}' är inget giltigt datum{why}. Skriv ÅÅÅÅ-MM-DD, t.ex. 2026-01-31."


def check_topic_names(item: ContentFile, topics: set[str]) -> Iterator[tuple[int, str]]:
    """The topics a file names exist (the topics plugin stops the build on one it does not know)."""
    for topic, line in item.items("topics"):
        if topic and topic not in topics:
            yield line, f"temat '{topic}' finns inte. Befintliga teman: {', '.join(sorted(topics))}."
        elif not topic:
            yield line, "Topics: har ett tomt tema (två kommatecken i rad, eller ett kommatecken sist)."


def check_settings_fields(item: ContentFile, templates: set[str]) -> Iterator[tuple[int, str]]:
    """Fields Pelican acts on that the build would break on, or pass over silently, leaving the page out."""
    yield from check_date_field(item, "modified", why=" (sidan skulle tappas utan att bygget säger något)")
    source = item.value("date_source")
    if source and source not in DATE_SOURCES:
        yield (
            item.line_of("date_source"),
            f"Date_source: '{source}' ska vara en av {', '.join(DATE_SOURCES)} (skriv 'editor' för ett datum "
            "du har satt själv).",
        )
    status = item.value("status")
    if status and status.lower() not in STATUSES:
        yield (
            item.line_of("status"),
            f"Status: '{status}' känner bygget inte till, och det stannar. Skriv draft (ett utkast som inte "
            "publiceras), hidden (en sida som bara nås via länk) eller ta bort raden, så publiceras sidan.",
        )
    template = item.value("template")
    if template and templates and template not in templates:
        yield (
            item.line_of("template"),
            f"Template: '{template}' finns inte i temat, och bygget stannar. Ta bort raden, så används "
            "den vanliga sidmallen.",
        )
    for key in ("save_as", "url"):
        where = item.value(key)
        if where.startswith("/") or ".." in where.split("/"):
            yield (
                item.line_of(key),
                f"{key.capitalize()}: '{where}' pekar utanför webbplatsen, och då hoppar bygget över sidan "
                "utan att säga något. Ta bort raden; adressen görs av Slug:.",
            )


def check_own_address(item: ContentFile, inventory: Inventory) -> Iterator[tuple[int, str]]:
    """A ``Save_as:`` or ``Url:`` onto an address the site uses itself (the start page, a listing, an article's
    page): Pelican writes both pages to the one file, or links to the page lead to the other, without a word."""
    what = {
        "save_as": "den ena sidan skulle skriva över den andra",
        "url": "länkar till sidan skulle leda dit i stället",
    }
    for key, consequence in what.items():
        where = item.value(key).strip("/")
        if where and (not where.removesuffix("index.html") or where.split("/")[0] in inventory.reserved):
            yield (
                item.line_of(key),
                f"{key.capitalize()}: '{where}' är en adress som webbplatsen redan använder, och {consequence} "
                "utan att bygget säger något. Ta bort raden; adressen görs av Slug:.",
            )


def check_required(item: ContentFile, is_article: bool, topics: set[str]) -> Iterator[tuple[int, str]]:
    if item.stray_header_line:
        yield (
            item.stray_header_line,
            "raden ser inte ut som 'Nyckel: värde', så metadata slutar här. Lägg en tom rad mellan "
            "metadata och texten, eller rätta raden.",
        )
    for line, key in item.repeated:
        yield (
            line,
            f"{key.capitalize()}: står två gånger (först på rad {item.line_of(key)}); bygget använder den första "
            "eller gör en lista av båda. Ta bort den ena raden.",
        )
    if not item.value("title"):
        yield item.line_of("title"), "Title: saknas eller är tom (rubriken som läsaren ser)."
    if item.value("slug") and not SLUG.fullmatch(item.value("slug")):
        yield (
            item.line_of("slug"),
            (
                f"Slug: '{item.value('slug')}' får bara ha små bokstäver a–z, siffror och bindestreck "
                "(t.ex. mitt-inlagg)."
            ),
        )
    yield from check_topic_names(item, topics)  # a page may name topics too: the plugin reads every file's
    if not is_article:
        return
    yield from check_date_field(item, "date", needed_for="publiceringsdatum")
    if not item.items("topics"):
        yield item.line_of("topics"), f"Topics: saknas. Välj minst ett tema: {', '.join(sorted(topics))}."
    seen: set[str] = set()
    for tag, line in item.items("tags"):
        if not tag:
            yield line, "Tags: har en tom etikett (två kommatecken i rad, eller ett kommatecken sist)."
        elif len(tag) > MAX_TAG_CHARS:
            yield line, f"etiketten '{tag[:30]}…' är för lång (högst {MAX_TAG_CHARS} tecken)."
        elif tag.lower() in seen:
            yield line, f"etiketten '{tag}' står två gånger."
        seen.add(tag.lower())


def check_headings(item: ContentFile) -> Iterator[tuple[int, str]]:
    """Headings start at level 2 (the title is level 1) and never skip a level."""
    previous = 1
    lines = list(_text_lines(item))
    for index, (number, text) in enumerate(lines):
        if HASHTAG_HEADING.match(text):
            first = text.split()[0]
            yield (
                number,
                f"'{first}' först på raden blir en rubrik på webbplatsen. Är det taggar, skriv \\{first} "
                "(med \\ före) eller lägg dem i Tags:; är det en rubrik, skriv ## och ett mellanslag.",
            )
            continue
        match = ATX_HEADING.match(text)
        level = len(match["hashes"]) if match else None
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        if not match and text.strip() and re.fullmatch(r"=+\s*", following):
            level = 1
        if level is None:
            continue
        if level == 1:
            yield number, "rubrik på nivå 1 (#): den nivån är inläggets titel. Använd ## för mellanrubriker."
        elif level > previous + 1:
            yield (
                number,
                (
                    f"rubriken hoppar från nivå {previous} till nivå {level}. Ta nivåerna i tur och ordning "
                    f"({'#' * (previous + 1)} närmast), så att skärmläsare kan följa strukturen."
                ),
            )
        previous = level


def check_images(item: ContentFile) -> Iterator[tuple[int, str]]:
    for number, text in _text_lines(item):
        for match in MARKDOWN_IMAGE.finditer(text):
            if not match["alt"].strip():
                yield (
                    number,
                    (
                        f"bilden '{match['target']}' saknar alt-text. Skriv vad bilden visar: "
                        f"![Beskrivning]({match['target']})."
                    ),
                )
        for match in HTML_IMAGE.finditer(text):
            if not re.search(r"\balt\s*=", match["attributes"], re.IGNORECASE):
                yield number, 'en <img> saknar alt-text. Lägg till alt="beskrivning" (alt="" bara för ren dekoration).'


def _link_problem(target: str, item: ContentFile, inventory: Inventory) -> str | None:
    target = target.strip("<>")
    if not target:
        return "länken saknar adress: skriv den inom parentesen, [text](adress)."
    if WEB_WITHOUT_HOST.match(target):
        return f"länken '{target}' saknar webbplatsens namn efter '//'."
    if EXTERNAL.match(target):
        return None
    path = target.split("#", 1)[0].split("?", 1)[0]
    special = re.match(r"^[{|](?P<kind>\w+)[}|](?P<rest>.*)$", path)
    if special:
        kind, rest = special["kind"], special["rest"]
        if kind == "handbok":
            if rest.strip("/") not in inventory.handbooks:
                known = ", ".join(sorted(inventory.handbooks)) or "inga ännu"
                return f"handboken '{rest}' finns inte. Befintliga handböcker: {known}."
            return None
        if kind in ("filename", "static", "attach"):
            base = inventory.root if rest.startswith("/") else item.path.parent
            if not (base / rest.lstrip("/")).exists():
                return f"länken pekar på '{rest}', men den filen finns inte."
            return None
        if kind in ("tag", "category", "author", "index"):
            return None
        return f"'{{{kind}}}' är ingen känd länktyp. Använd {{filename}}, {{static}} eller {{handbok}}."
    if path.startswith("/"):
        site_path = path.lstrip("/")
        published = inventory.has_path(site_path) or inventory.publishes_file(site_path)
        if inventory.must_exist(site_path) and not published:
            return f"länken '{target}' leder inte till någon sida på webbplatsen."
        return None
    return (
        f"länken '{target}' är relativ och går sönder när sidan flyttas. Använd {{filename}}sökväg/till/fil.md "
        "eller en adress som börjar med /."
    )


def check_links(item: ContentFile, inventory: Inventory) -> Iterator[tuple[int, str]]:
    for number, text in _text_lines(item):
        targets = [m["target"] for m in MARKDOWN_LINK.finditer(text)]
        targets += [m["target"] for m in HTML_LINK.finditer(text)]
        for target in targets:
            problem = _link_problem(target, item, inventory)
            if problem:
                yield number, problem


def check_unique_slugs(items: list[ContentFile], kind: str, slugify: Callable[[str], str]) -> list[Problem]:
    problems = []
    first: dict[str, ContentFile] = {}
    for item in items:
        slug = slug_of(item, slugify)
        if not slug:
            continue
        if slug in first:
            other = first[slug]
            problems.append(
                Problem(
                    str(item.path),
                    item.line_of("slug") if item.value("slug") else item.line_of("title"),
                    f"{kind} får adressen '{slug}', som {other.path} redan har. Ge ett av dem en egen Slug:.",
                )
            )
        else:
            first[slug] = item
    return problems


def check_page_slugs(inventory: Inventory, slugify: Callable[[str], str]) -> Iterator[Problem]:
    for page in inventory.pages:
        slug = slug_of(page, slugify)
        if slug in inventory.reserved:
            yield Problem(
                str(page.path),
                page.line_of("slug") if page.value("slug") else page.line_of("title"),
                f"sidans adress '{slug}/' används redan av webbplatsen själv. Välj en annan Slug:.",
            )


def check_topic(topic: ContentFile) -> Iterator[tuple[int, str]]:
    """What the topics plugin needs of a topic file: a title, and a slug fit for a URL. Keywords may be
    left out (articles then name the topic by hand); a missing Slug: is taken from the file's name."""
    yield from check_required(topic, is_article=False, topics=set())
    if not topic.value("slug") and not SLUG.fullmatch(topic_slug(topic)):
        yield (
            1,
            f"temat har ingen Slug:, så filnamnet '{topic.path.stem}' blir dess adress, och där får bara "
            "små bokstäver a–z, siffror och bindestreck stå. Lägg till en Slug: (t.ex. mitt-tema).",
        )


def check_unread_files(inventory: Inventory) -> Iterator[Problem]:
    """Files among the texts that the site does not read: an HTML page, a Word file, Markdown saved as
    ".markdown". Pelican skips them without a word (pelicanconf.READERS), so the text would silently not
    be published."""
    for path in inventory.unread:
        yield Problem(
            str(path),
            0,
            "filen blir ingen sida: webbplatsen läser bara texter i Markdown, sparade med ändelsen .md. "
            "Skriv in texten i en .md-fil (docs/redaktorsguide.md visar hur) eller flytta filen härifrån.",
        )


def check(inventory: Inventory, slugify: Callable[[str], str]) -> list[Problem]:
    """All problems in the content tree, sorted by file and line."""
    problems: list[Problem] = []

    def add(item: ContentFile, found: Iterator[tuple[int, str]]) -> None:
        problems.extend(Problem(str(item.path), line, message) for line, message in found)

    topics = inventory.topics
    for item in inventory.articles:
        add(item, check_required(item, True, topics))
    for item in inventory.pages:
        add(item, check_required(item, False, topics))
    for item in [*inventory.articles, *inventory.pages]:
        add(item, check_own_address(item, inventory))
    for item in inventory.topic_files:
        add(item, check_topic(item))
    for item in [*inventory.articles, *inventory.pages, *inventory.topic_files, *inventory.handbook_files]:
        add(item, check_encoding(item))
        add(item, check_control_characters(item))
        add(item, check_settings_fields(item, inventory.templates))
        add(item, check_headings(item))
        add(item, check_images(item))
        add(item, check_links(item, inventory))
    problems += check_unique_slugs(inventory.articles, "inlägget", slugify)
    problems += check_unique_slugs(inventory.pages, "sidan", slugify)
    problems += check_page_slugs(inventory, slugify)
    problems += check_unread_files(inventory)
    return sorted(problems)


def relative_to(problems: list[Problem], base: Path) -> list[Problem]:
    """Paths as the editor sees them from the project folder."""
    out = []
    for problem in problems:
        path = Path(problem.path)
        try:
            path = path.resolve().relative_to(base.resolve())
        except ValueError:
            pass
        out.append(Problem(str(path), problem.line, problem.message))
    return out
