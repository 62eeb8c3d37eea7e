"""Pelican settings for the published site: real URL, feeds on."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://orebro-kommun.github.io/enklare-vardag")
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL

DELETE_OUTPUT_DIRECTORY = True

# A draft (Status: draft) is for the editor's own preview: Pelican writes it to drafts/ by default, and the
# published site would carry it at a guessable address. Nothing is written for it here.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

# `invoke publish` (rsync) copies the built site here: "user@server:/var/www/site/" or a folder.
# Set it in the environment of whoever publishes; GitHub Pages deploys need none of it.
PUBLISH_TARGET = os.environ.get("PUBLISH_TARGET", "")
