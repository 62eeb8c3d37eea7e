"""Old addresses keep working: a redirect page at every legacy URL, maps for web servers,
and links to the old blog inside the content rewritten to the new pages.

Content names its old addresses in ``Legacy_url:`` (the migration writes it
from the WordPress export, or from links to the old blog found in the text).
Which hosts count as the old blog is a setting (``LEGACY_HOSTS``), not code.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from jinja2 import ChoiceLoader, FileSystemLoader
from pelican import signals
from pelican.generators import Generator

logger = logging.getLogger(__name__)
TEMPLATES = Path(__file__).parent / "templates"
DEFAULTS = {
    "LEGACY_HOSTS": [],
    "REDIRECT_MAPS_DIR": "redirects",  # nginx.conf and apache.conf for the web server's admin
}
_URL_AS_TEXT = re.compile(r"(?P<open><a\b[^>]*>)(?P<url>https?://[^<\s]+)(?P<close></a>)", re.IGNORECASE)
_HREF = re.compile(r"""(?P<attr>href\s*=\s*)(?P<quote>["'])(?P<url>https?://[^"']+)(?P=quote)""", re.IGNORECASE)


class RedirectError(Exception):
    """A legacy address that cannot get a redirect (it would replace a real page)."""

    exitcode = 2  # an editor's mistake: Pelican exits 2, scripts/build_site.py shows the message alone


@dataclass(frozen=True)
class Redirect:
    old_path: str  # "/enklarevardag/2015/11/12/slug/"
    save_as: str  # where the redirect page is written
    target_url: str  # the new page's URL, relative to SITEURL
    title: str
    source_path: str


def legacy_path(url: str) -> str:
    """The path part of an old address, with a leading slash; "" for a bare host."""
    path = urlparse(url.strip()).path or "/"
    return path if path.startswith("/") else "/" + path


def redirect_save_as(path: str) -> str:
    """A folder-style old path gets an index.html; a file-style one is written as it is."""
    relative = path.strip("/")
    if not relative:
        return ""
    return relative if re.search(r"\.[A-Za-z0-9]{2,5}$", relative) else f"{relative}/index.html"


def _key(path: str) -> str:
    return path.rstrip("/").lower()


def rewrite_links(html: str, hosts: list[str], new_url_of: dict[str, str], siteurl: str) -> str:
    """Links to the old blog that have a new page point to it; others stay as they are.

    A link whose text is the old address itself (a bare URL in the old text) shows the new one.
    """

    def new_url(old: str) -> str | None:
        url = urlparse(old)
        target = new_url_of.get(_key(url.path)) if url.hostname in hosts else None
        if target is None:
            return None
        return f"{siteurl}/{target}" + (f"#{url.fragment}" if url.fragment else "")

    def replace_href(match: re.Match) -> str:
        url = new_url(match["url"])
        return match[0] if url is None else f"{match['attr']}{match['quote']}{url}{match['quote']}"

    def replace_text(match: re.Match) -> str:
        url = new_url(match["url"])
        return match[0] if url is None else f"{match['open']}{url}{match['close']}"

    return _URL_AS_TEXT.sub(replace_text, _HREF.sub(replace_href, html))


class RedirectsGenerator(Generator):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for key, value in DEFAULTS.items():
            self.settings.setdefault(key, value)
        self.env.loader = ChoiceLoader([self.env.loader, FileSystemLoader(str(TEMPLATES))])
        self.redirects: list[Redirect] = []

    def _items(self) -> list:
        return [*self.context.get("articles", []), *self.context.get("pages", []),
                *self.context.get("hidden_pages", [])]  # fmt: skip

    def generate_context(self) -> None:
        items = self._items()
        taken = {item.save_as for item in items}
        for item in items:
            for url in str(getattr(item, "legacy_url", "") or "").split(","):
                if not url.strip():
                    continue
                path = legacy_path(url)
                save_as = redirect_save_as(path)
                if not save_as:
                    continue
                if save_as in taken:
                    raise RedirectError(
                        f"{item.source_path}: den gamla adressen {url.strip()} är samma som en sida på den nya "
                        "webbplatsen; ta bort den ur Legacy_url."
                    )
                taken.add(save_as)
                self.redirects.append(Redirect(path, save_as, item.url, item.title, item.source_path))
        new_url_of = {_key(r.old_path): r.target_url for r in self.redirects}
        hosts = list(self.settings["LEGACY_HOSTS"])
        siteurl = self.settings.get("SITEURL", "")
        for item in items:
            html = rewrite_links(item._content, hosts, new_url_of, siteurl)
            if html != item._content:
                item._content = html
                # Pelican memoizes rendered content per (item, siteurl); a rendering made before this
                # (none is, as the plugins run now) would be stale. Clearing the shared memo is cheap.
                item.get_content.cache.clear()
        # Handbook pages (plugins/handbooks), when there are any: their online text, not their PDFs,
        # which are rendered before this runs (an old link in a PDF still works through the redirect).
        for handbook in self.context.get("handbooks", []) or []:
            handbook.intro = rewrite_links(handbook.intro, hosts, new_url_of, siteurl)
            for release in handbook.releases:
                release.body = rewrite_links(release.body, hosts, new_url_of, siteurl)
                release.notes = rewrite_links(release.notes, hosts, new_url_of, siteurl)
        self.context["redirects"] = self.redirects

    def generate_output(self, writer) -> None:
        template = self.get_template("redirect")
        siteurl = self.settings.get("SITEURL", "")
        for redirect in self.redirects:
            writer.write_file(
                redirect.save_as,
                template,
                self.context,
                redirect=redirect,
                target=f"{siteurl}/{redirect.target_url}",
                relative_urls=False,
            )
        folder = Path(self.output_path) / self.settings["REDIRECT_MAPS_DIR"]
        folder.mkdir(parents=True, exist_ok=True)
        nginx, apache = [], []
        for redirect in sorted(self.redirects, key=lambda r: r.old_path):
            pattern = "^" + re.escape(redirect.old_path.rstrip("/")) + "/?$"
            target = f"{siteurl}/{redirect.target_url}"
            nginx.append(f"rewrite {pattern} {target} permanent;")
            apache.append(f"RedirectMatch 301 {pattern} {target}")
        header = "# Gamla adresser till nya (skapad av plugins/redirects; ändra inte för hand)\n"
        (folder / "nginx.conf").write_text(header + "\n".join(nginx) + "\n", encoding="utf-8")
        (folder / "apache.conf").write_text(header + "\n".join(apache) + "\n", encoding="utf-8")
        logger.info("redirects: %d gamla adresser", len(self.redirects))


def get_generators(_pelican) -> type[Generator]:
    return RedirectsGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
