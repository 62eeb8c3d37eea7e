"""Developer and editor tasks: ``invoke --list``."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).parent
PY = sys.executable
OUTPUT = ROOT / "output"


@task
def migrate(c, force=False, replan=False):
    """Migrate legacy/ into content/ (follows content/migration-plan.yaml)."""
    flags = " --force" if force else ""
    flags += " --replan" if replan else ""
    c.run(f"{PY} scripts/migrate.py --out content legacy/{flags}", pty=False)


@task
def clean(c):
    """Remove the built site."""
    shutil.rmtree(OUTPUT, ignore_errors=True)


@task
def build(c, publish=False):
    """Build the site into output/ (``--publish`` uses publishconf.py)."""
    settings = "publishconf.py" if publish else "pelicanconf.py"
    c.run(f"{PY} scripts/build_site.py content -o {OUTPUT} -s {settings}")


@task
def serve(c, port=8000):
    """Serve output/ on http://localhost:PORT."""
    c.run(f"{PY} -m pelican --listen -o {OUTPUT} -p {port} -b 127.0.0.1")


@task
def livereload(c, port=8000):
    """Preview: rebuild on every save and reload the browser (http://127.0.0.1:PORT)."""
    c.run(f"{PY} scripts/preview.py --port {port}")


@task
def new(c, title, topics=""):
    """A new article: ``invoke new "Rubrik" --topics servicecenter,oppna-data``."""
    c.run(f"{PY} scripts/new_article.py {shlex.quote(title)} --topics {shlex.quote(topics)}", pty=sys.stdin.isatty())


@task
def check(c):
    """Check the content: metadata, topics, links, alt texts, headings (file:line for each problem)."""
    c.run(f"{PY} scripts/check_content.py content")


@task
def publish(c):
    """Build with publishconf.py and copy the site to PUBLISH_TARGET with rsync (see publishconf.py)."""
    c.run(f"{PY} scripts/publish.py")


@task(pre=[migrate, build])
def site(c, port=8000):
    """Migrate, build and serve the site locally."""
    serve(c, port=port)


@task
def bench(c, sizes="1000,5000", runs=3):
    """Measurements, separate from the tests: build and search at SIZES articles, beside Hugo and
    Pagefind; writes docs/benchmarks.md. ``invoke bench --sizes 0`` measures the archive itself."""
    c.run(f"{PY} scripts/bench/run.py --sizes {sizes} --runs {runs}")


@task
def bench_migration(c, runs=3):
    """Migration time: the archive through the CLI, and larger listing archives (docs/benchmarks-migration.md)."""
    c.run(f"{PY} scripts/bench/migration.py --runs {runs}")


@task
def bench_search(c, runs=5):
    """Search on the real archive only: payload and time to first results."""
    c.run(f"{PY} scripts/measure_search.py --runs {runs}")


@task
def lint(c):
    """ruff check and format check."""
    c.run(f"{PY} -m ruff check .")
    c.run(f"{PY} -m ruff format --check .")


@task
def test(c):
    """The full test suite (what CI runs); fails unless the tests run every line of our code (.coveragerc)."""
    c.run(f"{PY} -m pytest -q --cov --cov-report=term-missing:skip-covered")
