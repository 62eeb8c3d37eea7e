"""Publish without GitHub Pages: build with publishconf.py, then rsync the site to its server.

The target comes from the settings (``PUBLISH_TARGET`` in publishconf.py,
normally from the environment), never from code: ``user@host:/var/www/site/``
over SSH, or a local folder.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from editorial.site_settings import load_settings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="publish.py", description="Bygger och publicerar sajten med rsync.")
    parser.add_argument("--settings", type=Path, default=ROOT / "publishconf.py")
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--output", type=Path, default=ROOT / "output")
    args = parser.parse_args(argv)
    target = load_settings(args.settings).get("PUBLISH_TARGET", "")
    if not target:
        print(
            "publish: PUBLISH_TARGET saknas. Sätt den i miljön (t.ex. PUBLISH_TARGET=user@server:/var/www/site/) "
            "eller i publishconf.py.",
            file=sys.stderr,
        )
        return 2
    if not shutil.which("rsync"):
        print("publish: rsync saknas. Kör 'bash scripts/setup.sh'.", file=sys.stderr)
        return 2
    build = [sys.executable, str(ROOT / "scripts" / "build_site.py"), str(args.content)]
    built = subprocess.run([*build, "-o", str(args.output), "-s", str(args.settings)], cwd=ROOT)
    if built.returncode:  # build_site.py has said why; nothing is published
        return built.returncode
    # --delete: pages removed from the site disappear from the server too; -c: compare by content.
    subprocess.run(["rsync", "-rlc", "--delete", f"{args.output}/", target], check=True)
    print(f"publish: publicerat till {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
