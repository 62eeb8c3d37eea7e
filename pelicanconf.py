"""Pelican settings for Enklare vardag (local development)."""

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

from theme.filters import JINJA_FILTERS  # noqa: E402,F401  (Swedish dates, metadata lists)

AUTHOR = "Örebro kommun"
SITENAME = "Enklare vardag"
SITESUBTITLE = "Örebro kommuns blogg om service, kvalitet och utveckling"
SITEURL = ""

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
# Topic files, handbooks, the migration plan and rules are content for plugins, not pages.
IGNORE_FILES = [".#*", "migration-plan.yaml", ".migration-manifest.json"]
ARTICLE_EXCLUDES = ["topics", "handbooks"]
PAGE_EXCLUDES = ["topics", "handbooks"]
STATIC_PATHS = []
# Pelican reads only what the content check reads: Markdown files ending in .md. An HTML or reStructuredText file,
# or Markdown saved as .markdown, would be built with no check of its metadata, links or alt texts; the check
# names such a file instead (editorial.checks.check_unread_files).
READERS = {extension: None for extension in ("html", "htm", "rst", "markdown", "mkd", "mdown")}

TIMEZONE = "Europe/Stockholm"
DEFAULT_LANG = "sv"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"
DEFAULT_CATEGORY = "Blogg"
USE_FOLDER_AS_CATEGORY = False

THEME = "theme"
ARTICLE_URL = "artiklar/{slug}/"
ARTICLE_SAVE_AS = "artiklar/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TAG_URL = "etikett/{slug}/"
TAG_SAVE_AS = "etikett/{slug}/index.html"
TAGS_URL = "etikett/"
TAGS_SAVE_AS = "etikett/index.html"
CATEGORY_URL = "kategori/{slug}/"
CATEGORY_SAVE_AS = "kategori/{slug}/index.html"
CATEGORIES_URL = "kategori/"
CATEGORIES_SAVE_AS = "kategori/index.html"
ARCHIVES_URL = "arkiv/"
ARCHIVES_SAVE_AS = "arkiv/index.html"
YEAR_ARCHIVE_URL = "arkiv/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "arkiv/{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "arkiv/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "arkiv/{date:%Y}/{date:%m}/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "tags", "categories", "archives", "robots"]
ROBOTS_SAVE_AS = "robots.txt"
SLUGIFY_SOURCE = "title"
SLUG_REGEX_SUBSTITUTIONS = [
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]

DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/sida/{number}/", "{base_name}/sida/{number}/index.html"),
)

# Atom feeds: all articles, per category, per tag (per topic: plugins/topics).
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/alla.atom.xml"
CATEGORY_FEED_ATOM = "feeds/kategori/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/etikett/{slug}.atom.xml"
TOPIC_FEED_ATOM = "feeds/tema/{slug}.atom.xml"
FEED_MAX_ITEMS = 20
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Autoescape: titles, tags and other metadata are text, so a title like "<img onerror=…>" shows as
# text. Fields that are HTML by nature (content, summary, intros) are marked `| safe` in templates.
# auto_reload off: every build (also each livereload rebuild) makes a new environment, so checking
# each included template's file time on every use (55,000 stat calls at 5,000 articles) buys nothing.
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
    "autoescape": True,
    "auto_reload": False,
}

MARKDOWN = {
    "extension_configs": {
        # A footnote's link back to where it is referred to says so in Swedish to a screen reader (Markdown's
        # own says "↩", titled in English); the arrow is for the eye.
        "markdown.extensions.extra": {
            "footnotes": {
                "BACKLINK_TEXT": '<span aria-hidden="true">&#8617;</span>'
                '<span class="visually-hidden">Tillbaka till texten</span>',
                "BACKLINK_TITLE": "Tillbaka till hänvisningen till fotnot %d",
            }
        },
        "markdown.extensions.toc": {},
        # A numbered list keeps its first number ("3. …" after a paragraph shows 3, not 1).
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}

PLUGIN_PATHS = ["plugins"]
# Our own plugins (plugins/) and maintained ones from the pelican-plugins family.
PLUGINS = [
    "topics",
    "handbooks",
    "search",
    "redirects",
    "tag_cloud",
    "fixed_urls",  # speed: URLs computed once (plugins/fixed_urls/README.md)
    "scrolling_tables",  # a wide table scrolls in a box a keyboard can reach (plugins/scrolling_tables)
    "pelican.plugins.sitemap",
    "pelican.plugins.neighbors",
    "pelican.plugins.related_posts",
]

TOPICS_PATH = "topics"
TOPIC_URL = "tema/{slug}/"
TOPIC_SAVE_AS = "tema/{slug}/index.html"
TOPICS_URL = "tema/"
TOPICS_SAVE_AS = "tema/index.html"

HANDBOOKS_PATH = "handbooks"  # one folder per handbook; see plugins/handbooks/README.md
HANDBOOKS_URL = "handbocker/"
HANDBOOKS_SAVE_AS = "handbocker/index.html"
HANDBOOKS_FEED_ATOM = "feeds/handbocker.atom.xml"

# plugins/redirects: old addresses keep working. The old blog's hosts are archive facts, kept in
# the editors' data file beside the migration rules that use them too.
LEGACY_HOSTS = yaml.safe_load((Path(__file__).parent / "data" / "migration-rules.yaml").read_text("utf-8"))[
    "legacy_hosts"
]

SEARCH_URL = "sok/"  # plugins/search: the page that reads ?q=
SEARCH_SAVE_AS = "sok/index.html"
SEARCH_NODE_MODULES = str(Path(__file__).parent / "node_modules")  # lunr.js, lunr-languages (npm ci)

RELATED_POSTS_MAX = 3

TAG_CLOUD_STEPS = 4
TAG_CLOUD_MAX_ITEMS = 100
TAG_CLOUD_SORTING = "alphabetically"  # Swedish order; or "size"
READING_WORDS_PER_MINUTE = 200  # theme/filters.py: reading_minutes

SITEMAP = {
    "format": "xml",
    "priorities": {"articles": 0.7, "indexes": 0.5, "pages": 0.4},
    "changefreqs": {"articles": "monthly", "indexes": "weekly", "pages": "monthly"},
    "exclude": ["404.html", "robots.txt", "sida/"],
}

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
# When the cache is on (invoke livereload, the bench): Pelican rewrites it on every build, and
# gzip made that write a second of a cached 5,000-article build. Disk is cheaper than that.
GZIP_CACHE = False
