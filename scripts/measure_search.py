"""Measure the search as a reader gets it: payload (gzip) and time from page load to first results.

Builds the site with publishconf.py into a temporary folder, serves it on
localhost and opens /sok/?q=… in headless Chromium several times. Prints a
Markdown table. Run by ``invoke bench``; not a test (timings are noisy).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import html
import http.server
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def payload(output: Path) -> dict[str, int]:
    """Bytes a browser fetches for search (index, store, scripts), raw and gzip -9."""
    page = (output / "sok" / "index.html").read_text(encoding="utf-8")
    names = re.findall(r'(?:data-quick|data-index|data-store|src)="[^"]*?/(sok/data/[^"]+)"', page)
    excerpts = json.loads(html.unescape(re.search(r'data-excerpts="([^"]+)"', page).group(1)))
    names += [re.sub(r"^.*?/(sok/data/)", r"\1", url) for url in excerpts]
    raw = [(output / n).read_bytes() for n in names]
    return {"files": len(raw), "raw": sum(map(len, raw)), "gzip": sum(len(gzip.compress(b, 9)) for b in raw)}


def first_results_ms(url: str, queries: list[str], runs: int) -> list[float]:
    timings = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for _ in range(runs):
            for query in queries:
                context = browser.new_context()
                page = context.new_page()
                page.goto(f"{url}/sok/?q={quote(query)}")
                page.wait_for_selector("#sok.sok-klar")
                timings.append(page.evaluate("performance.getEntriesByName('sok:forsta-resultat')[0].startTime"))
                context.close()
        browser.close()
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--query", action="append", default=None, help="query to time (repeatable)")
    args = parser.parse_args()
    queries = args.query or ["kvalitet", "orebro", "sociala investeringar"]
    with tempfile.TemporaryDirectory() as work:
        output = Path(work) / "output"
        output.mkdir()
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=output))
        url = f"http://127.0.0.1:{server.server_address[1]}"
        subprocess.run(
            [sys.executable, "-m", "pelican", str(args.content), "-o", str(output), "-s", "publishconf.py", "-q"],
            check=True,
            cwd=ROOT,
            env={**os.environ, "SITEURL": url},
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        size = payload(output)
        timings = first_results_ms(url, queries, args.runs)
        server.shutdown()
    print("| mått | värde |\n|---|---|")
    print(f"| sökningens filer | {size['files']} |")
    print(f"| nyttolast, okomprimerad | {size['raw'] / 1000:.1f} kB |")
    print(f"| nyttolast, gzip -9 | {size['gzip'] / 1000:.1f} kB (mål ≤ 100 kB) |")
    print(
        f"| sidladdning → första träffar (ms), {len(timings)} mätningar | median {statistics.median(timings):.0f}, "
        f"min {min(timings):.0f}, max {max(timings):.0f} (mål ≤ 200) |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
