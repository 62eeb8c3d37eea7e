"""Live preview for editors: build, serve, rebuild on every save and reload the browser.

``invoke livereload`` runs this. It follows Pelican's own quickstart tasks:
the livereload server watches content, theme and plugins, rebuilds in this
process with Pelican's content cache (warm imports and the cache keep a
rebuild well under a second on the archive) and tells the open browser to
reload.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import time
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from livereload import Server
from livereload.watcher import Watcher
from pelican import Pelican
from pelican.settings import read_settings
from tornado.ioloop import IOLoop, PeriodicCallback

ROOT = Path(__file__).resolve().parents[1]
logger = logging.getLogger("preview")
# livereload looks for saved files every 800 ms, which was half the wait for a one-article change on the
# archive (rebuild 0.5 s). A look takes 3 ms on the archive and 50 ms on 5,000 files.
POLL_MS = 300


class QuickWatcher(Watcher):
    """livereload's own polling watcher, looking every POLL_MS; after Ctrl+C it stops the server instead.

    Ctrl+C used to raise KeyboardInterrupt wherever the process was, also in the middle of a rebuild
    writing the site; once (a fresh-clone test run, not reproduced in ten runs since) the preview then
    went on serving instead of ending. Now Ctrl+C only asks, and the server stops between two looks.
    """

    def __init__(self) -> None:
        super().__init__()
        self.stopping = False

    def start(self, callback) -> bool:
        def look() -> None:
            if self.stopping:
                IOLoop.current().stop()  # livereload's serve() then closes the loop and returns
            else:
                callback()

        PeriodicCallback(look, POLL_MS).start()
        return True  # livereload then starts no poller of its own

    def stop_on_ctrl_c(self) -> None:
        signal.signal(signal.SIGINT, lambda *_: setattr(self, "stopping", True))


def builder(settings_file: Path, content: Path, output: Path):
    """A function that builds the site once and reports how long it took."""

    def build() -> None:
        started = time.perf_counter()
        settings = read_settings(
            str(settings_file),
            # Pelican's content cache: a rebuild re-reads only the files that changed (cache/ is
            # gitignored); on 5,000 articles a rebuild takes about a third of a full build
            # (docs/benchmarks.md).
            override={
                "PATH": str(content),
                "OUTPUT_PATH": str(output),
                "CACHE_CONTENT": True,
                "LOAD_CONTENT_CACHE": True,
            },
        )
        # Pelican makes a new Jinja environment on every build, which compiled every template again: a
        # third of a one-article rebuild on the archive. Compiled templates are kept in the cache folder
        # (a template's source checksum is part of its key, so an edited template compiles anew).
        templates = Path(settings["CACHE_PATH"]) / "templates"
        templates.mkdir(parents=True, exist_ok=True)
        jinja = {**settings["JINJA_ENVIRONMENT"], "bytecode_cache": FileSystemBytecodeCache(str(templates))}
        settings["JINJA_ENVIRONMENT"] = jinja
        try:
            Pelican(settings).run()
        except Exception as error:  # the editor sees the message and fixes the file; the server goes on
            print(f"preview: bygget misslyckades: {error}", file=sys.stderr, flush=True)
            return
        print(f"preview: byggt på {time.perf_counter() - started:.2f} s", flush=True)

    return build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="preview.py", description="Förhandsvisning som uppdateras när du sparar.")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--output", type=Path, default=ROOT / "output")
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    build = builder(args.settings, args.content.resolve(), args.output.resolve())
    watcher = QuickWatcher()
    watcher.stop_on_ctrl_c()
    build()
    server = Server(watcher=watcher)
    for watched in (args.content, ROOT / "theme", ROOT / "plugins"):
        server.watch(str(watched / "**" / "*"), build)
    print(f"preview: http://127.0.0.1:{args.port}/ (Ctrl+C avslutar)", flush=True)
    server.serve(host="127.0.0.1", port=args.port, root=str(args.output))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
