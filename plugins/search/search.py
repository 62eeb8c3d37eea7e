"""Site search without a server: Lunr indexes built at build time, searched by lunr.js.

The plugin writes the indexes and the document store as JSON files whose
names carry a content hash (see index.py for why there are two indexes),
copies lunr.js, lunr-languages (Swedish) and search.js from the project's
locked node_modules, and writes the search page (``SEARCH_SAVE_AS``) that
reads ``?q=``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import pickle
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader
from pelican import signals
from pelican.generators import Generator

from .documents import collect
from .index import EXCERPT_CHUNK, SearchFiles, digest, serialize

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
DEFAULTS = {
    "SEARCH_URL": "sok/",
    "SEARCH_SAVE_AS": "sok/index.html",
    "SEARCH_ASSETS_DIR": "sok/data",  # index, store and scripts, with hashed names
    "SEARCH_NODE_MODULES": "node_modules",  # where npm ci put lunr and lunr-languages
}
# The browser side, in load order: lunr.js, Snowball support, Swedish, then ours.
SCRIPTS = [
    ("lunr", "lunr/lunr.min.js"),
    ("lunr-stemmer-support", "lunr-languages/min/lunr.stemmer.support.min.js"),
    ("lunr-sv", "lunr-languages/min/lunr.sv.min.js"),
]


class SearchSetupError(Exception):
    """The browser scripts are missing: the set-up step has not run."""


class SearchGenerator(Generator):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for key, value in DEFAULTS.items():
            self.settings.setdefault(key, value)
            self.context.setdefault(key, self.settings[key])
        self.env.loader = ChoiceLoader([self.env.loader, FileSystemLoader(str(HERE / "templates"))])
        self.files: dict[str, bytes] = {}

    def _script_sources(self) -> list[tuple[str, Path]]:
        modules = Path(self.settings["SEARCH_NODE_MODULES"])
        sources = [(name, modules / relative) for name, relative in SCRIPTS]
        missing = [str(path) for _, path in sources if not path.is_file()]
        if missing:
            raise SearchSetupError(
                f"Sökningens skript saknas ({', '.join(missing)}). Kör 'bash scripts/setup.sh' (npm ci) först."
            )
        return [*sources, ("search", HERE / "static" / "search.js")]

    def _add(self, name: str, extension: str, data: bytes) -> str:
        """Store ``data`` under a name that changes when its content does; return the URL."""
        save_as = f"{self.settings['SEARCH_ASSETS_DIR']}/{name}.{digest(data.decode('utf-8'))}.{extension}"
        self.files[save_as] = data
        return save_as

    def generate_context(self) -> None:
        self.context["SEARCH_URL"] = self.settings["SEARCH_URL"]

    def _search_files(self) -> SearchFiles:
        """The index files, from Pelican's cache folder when nothing searchable has changed.

        Building the index is a third of a 5,000-article build; a rebuild that changed a
        template, or nothing, should not pay for it again.
        """
        cache = Path(self.settings.get("CACHE_PATH", "cache")) / "search" / f"{content_key(self.context)}.pickle"
        if self.settings.get("LOAD_CONTENT_CACHE") and cache.is_file():
            with cache.open("rb") as stream:
                return pickle.load(stream)
        documents = collect(self.context)
        # Dates as the theme writes them (its `svdate` filter), else ISO: no date code in the browser.
        svdate = self.env.filters.get("svdate")
        files = serialize(documents, svdate) if svdate else serialize(documents)
        if self.settings.get("CACHE_CONTENT"):
            cache.parent.mkdir(parents=True, exist_ok=True)
            with cache.open("wb") as stream:
                pickle.dump(files, stream)
        return files

    def generate_output(self, writer) -> None:
        # Runs after every generator's context is complete, so topics and handbooks are there.
        files = self._search_files()
        urls = {
            "quick": self._add("index-snabb", "json", files.quick_index.encode("utf-8")),
            "index": self._add("index", "json", files.full_index.encode("utf-8")),
            "store": self._add("store", "json", files.store.encode("utf-8")),
        }
        excerpts = [self._add(f"utdrag-{n}", "json", chunk.encode("utf-8")) for n, chunk in enumerate(files.excerpts)]
        scripts = [self._add(name, "js", path.read_bytes()) for name, path in self._script_sources()]
        for save_as, data in self.files.items():
            target = Path(self.output_path) / save_as
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        writer.write_file(
            self.settings["SEARCH_SAVE_AS"],
            self.get_template("search"),
            self.context,
            search_urls=urls,
            search_excerpts_json=json.dumps([f"{self.settings['SITEURL']}/{url}" for url in excerpts]),
            search_excerpt_chunk=EXCERPT_CHUNK,
            search_scripts=scripts,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=self.settings["SEARCH_URL"],
        )
        logger.info("search: index %d kB, %d excerpt files", len(files.full_index) // 1000, len(files.excerpts))


def content_key(context: dict) -> str:
    """A digest of everything the index is made from, and of the code that makes it."""
    digest_of = hashlib.sha256()
    for path in sorted(HERE.glob("*.py")):
        digest_of.update(path.read_bytes())
    items = [*context.get("articles", []), *context.get("pages", []), *(context.get("topics") or [])]
    items += list(context.get("handbooks") or [])
    fields = ("url", "title", "_content", "intro", "summary", "date", "tags", "topics", "date_source")
    for item in items:
        for name in fields:
            digest_of.update(str(getattr(item, name, "")).encode("utf-8", "surrogatepass") + b"\0")
        latest = getattr(item, "latest", None)
        if latest is not None:
            digest_of.update(latest.body.encode("utf-8"))
    return digest_of.hexdigest()


def get_generators(_pelican) -> type[Generator]:
    return SearchGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
