"""``invoke bench``: how build and search grow, side by side with Hugo and Pagefind.

For each archive size (synthetic, from the real posts) and several runs:
Pelican full build (all plugins and search) from an empty output folder; a
rebuild with Pelican's content cache and one after an article changes (as
``invoke livereload`` rebuilds: cache on, output folder kept); peak memory,
output size; plain Pelican (no plugins, default theme) and Hugo on the same
Markdown; search payload and time to first and complete results in headless
Chromium; Pagefind indexing the same output and the bytes its first query
fetches. Writes a
Markdown table (docs/benchmarks.md). Medians with min–max; ratios, not only
seconds, because this machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.hugo import hugo_site  # noqa: E402
from bench.serve import serve  # noqa: E402
from bench.synthetic import make_archive  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
QUERIES = ["kvalitet", "servicecenter", "sociala investeringar"]


@dataclass
class Timed:
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    def text(self) -> str:
        if not self.seconds:
            return "–"
        return f"{statistics.median(self.seconds):.1f} s ({min(self.seconds):.1f}–{max(self.seconds):.1f})"

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")


# Root-relative links ("/sok/…"), so the built site works on whatever port the bench serves it.
BUILD_ENV = {**os.environ, "SITEURL": ""}


def run_measured(command: list[str], timed: Timed, cwd: Path = ROOT, env: dict | None = BUILD_ENV) -> None:
    """Run ``command``, adding its wall time and its peak memory (max RSS) to ``timed``."""
    started = time.perf_counter()
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    _pid, status, usage = os.wait4(process.pid, 0)
    timed.seconds.append(time.perf_counter() - started)
    timed.peak_mb.append(usage.ru_maxrss / 1024)
    if status != 0:
        log.seek(0)
        raise SystemExit(f"bench: {' '.join(command)} failed:\n{log.read().decode()[-3000:]}")


def pelican(content: Path, output: Path, *settings: str, conf: str = "publishconf.py") -> list[str]:
    extra = ["-e", *settings] if settings else []
    return [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", conf, "-q", *extra]


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def browser_bytes_and_times(url: str, server, pagefind: bool) -> tuple[float, float, float]:
    """(bytes sent for a first query, ms to first results, ms to complete results), medians.

    Bytes are counted by the server: ours, every search file but the full index (which comes
    after the first results; its size is reported separately); Pagefind's, all it fetched.
    """
    full_index = re.compile(r"^/sok/data/index\.[0-9a-f]+\.json$")

    def counted(path: str) -> bool:
        if pagefind:
            return path.startswith("/pagefind/")
        return path.startswith("/sok/data/") and not full_index.match(path)

    fetched, first, complete = [], [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for query in QUERIES:
            page = browser.new_context().new_page()
            server.sent.clear()
            if pagefind:
                page.goto(f"{url}/pagefind-bench.html?q={query}")
                page.wait_for_function("window.benchDone === true", timeout=60_000)
                first.append(page.evaluate("performance.getEntriesByName('pf:results')[0].startTime"))
                complete.append(first[-1])
            else:
                page.goto(f"{url}/sok/?q={query}")
                page.wait_for_selector("#sok.sok-klar", timeout=120_000)
                first.append(page.evaluate("performance.getEntriesByName('sok:forsta-resultat')[0].startTime"))
                complete.append(page.evaluate("performance.getEntriesByName('sok:alla-resultat')[0].startTime"))
                page.wait_for_timeout(300)  # the excerpts of the shown results
            fetched.append(sum(size for path, size in server.sent if counted(path)))
            page.context.close()
        browser.close()
    return statistics.median(fetched), statistics.median(first), statistics.median(complete)


PAGEFIND_PAGE = """<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Pagefind</title></head><body>
<script type="module">
const q = new URLSearchParams(location.search).get("q");
const pagefind = await import("/pagefind/pagefind.js");
const search = await pagefind.search(q);
await Promise.all(search.results.slice(0, 10).map(r => r.data()));
performance.mark("pf:results");
window.benchDone = true;
</script></body></html>"""


def measure(size: int, runs: int, work: Path) -> dict:
    content = make_archive(ROOT / "content", work / f"content-{size}", size)
    out = work / f"out-{size}"
    result: dict = {"size": size}
    full, cached, one, plain, hugo, pagefind_time = (Timed() for _ in range(6))
    for _ in range(runs):
        run_measured(pelican(content, out, "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false"), full)
    # Rebuilds as `invoke livereload` makes them: the content cache on, the output folder kept.
    rebuild = ("CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true", f'CACHE_PATH="{work / f"cache-{size}"}"',
               "DELETE_OUTPUT_DIRECTORY=false")  # fmt: skip
    run_measured(pelican(content, out, *rebuild), Timed())
    article = sorted((content / "articles").glob("*.md"))[0]
    for number in range(runs):
        run_measured(pelican(content, out, *rebuild), cached)
        article.write_text(article.read_text("utf-8") + f"\nÄndring {number}.\n", encoding="utf-8")
        run_measured(pelican(content, out, *rebuild), one)
    # The final output, for sizes and search: a full build.
    run_measured(pelican(content, out, "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false"), Timed())
    plain_out = work / f"plain-{size}"
    for _ in range(runs):
        # Plain Pelican: its default theme, no plugins, the same articles (pages use our own templates).
        run_measured(pelican(content, plain_out, "PLUGINS=[]", 'THEME="simple"', "PAGE_PATHS=[]",
                             'DIRECT_TEMPLATES=["index", "tags", "categories", "archives"]'), plain)  # fmt: skip
    site = hugo_site(content, work / f"hugo-{size}")
    if shutil.which("hugo"):
        for _ in range(runs):
            shutil.rmtree(site / "public", ignore_errors=True)
            run_measured(["hugo", "--quiet", "-s", str(site)], hugo)
    data = out / "sok" / "data"
    sizes = {p.name.split(".")[0]: p.read_bytes() for p in data.glob("*.json")}
    result["index_full_raw"] = sum(len(b) for n, b in sizes.items() if n == "index")
    result["index_full_gzip"] = sum(len(gzip.compress(b, 6)) for n, b in sizes.items() if n == "index")
    result["index_quick_gzip"] = sum(len(gzip.compress(b, 6)) for n, b in sizes.items() if n == "index-snabb")
    result["store_gzip"] = sum(len(gzip.compress(b, 6)) for n, b in sizes.items() if n == "store")
    url, server = serve(out)
    result["ours"] = browser_bytes_and_times(url, server, pagefind=False)
    server.shutdown()
    pagefind_out = work / f"pagefind-{size}"
    shutil.copytree(out, pagefind_out, dirs_exist_ok=True)
    for _ in range(runs):
        run_measured([sys.executable, "-m", "pagefind", "--site", str(pagefind_out), "--quiet"], pagefind_time)
    (pagefind_out / "pagefind-bench.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
    url, server = serve(pagefind_out)
    result["pagefind"] = browser_bytes_and_times(url, server, pagefind=True)
    server.shutdown()
    result |= {"full": full, "cached": cached, "one": one, "plain": plain, "hugo": hugo, "pagefind_time": pagefind_time}
    result["output_mb"] = folder_bytes(out) / 1e6
    return result


def table(results: list[dict]) -> str:
    lines = [
        f"# Mätningar: bygge och sökning\n\nKörd {dt.date.today().isoformat()} med `invoke bench` på den här "
        "maskinen (2 kärnor). Syntetiska arkiv av de riktiga inläggen (`scripts/bench/synthetic.py`); "
        "median och (min–max) över körningarna. Tider i sekunder är brusiga på en delad maskin; "
        "kvoterna mot vanlig Pelican och Hugo i samma körning är de siffror som håller.\n",
        "## Bygge\n",
        "*Allt*, *vanlig Pelican* och *Hugo* bygger från en tom utdatamapp (`publishconf.py` tömmer den). "
        "*Med cache* och *en artikel ändrad* är ombyggen så som `invoke livereload` gör dem: Pelicans "
        "innehållscache på och utdatamappen kvar.\n",
        "| artiklar | Pelican, allt (s) | med cache | en artikel ändrad | vanlig Pelican | Hugo | allt / vanlig | "
        "allt / Hugo | cache / allt | minne, topp | utdata |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['size']} | {r['full'].text()} | {r['cached'].text()} | {r['one'].text()} | {r['plain'].text()} | "
            f"{r['hugo'].text()} | {r['full'].median / r['plain'].median:.1f}× | "
            f"{r['full'].median / r['hugo'].median:.0f}× | {100 * r['cached'].median / r['full'].median:.0f} % | "
            f"{max(r['full'].peak_mb):.0f} MB | {r['output_mb']:.0f} MB |"
        )
    lines += [
        "\n## Sökning\n",
        "| artiklar | snabbindex (gzip) | fullt index (gzip) | lista (gzip) | hämtat till första sökningen | "
        "Pagefind hämtat | kvot | första träffar | alla träffar | Pagefind träffar | Pagefind indexering |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        ours, pf = r["ours"], r["pagefind"]
        lines.append(
            f"| {r['size']} | {r['index_quick_gzip'] / 1000:.0f} kB | {r['index_full_gzip'] / 1000:.0f} kB "
            f"({r['index_full_raw'] / 1e6:.1f} MB rått) | {r['store_gzip'] / 1000:.0f} kB | {ours[0] / 1000:.0f} kB | "
            f"{pf[0] / 1000:.0f} kB | {ours[0] / pf[0]:.1f}× | {ours[1]:.0f} ms | {ours[2]:.0f} ms | {pf[1]:.0f} ms | "
            f"{r['pagefind_time'].text()} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description="Mäter bygge och sökning (se docs/benchmarks.md).")
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        results = [measure(int(size), args.runs, Path(work)) for size in args.sizes.split(",")]
    text = table(results)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
