"""Check the content before it is built: ``python scripts/check_content.py [CONTENT]``.

Prints every problem as ``file:line: message`` in plain Swedish and exits 1
when there are any (0 when all is well). ``invoke check`` runs it; so do the
tests, pre-commit and CI.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the handbooks plugin's rules (plugins/)

from editorial.checks import Problem, check, relative_to  # noqa: E402
from editorial.handbook_folders import check_handbook_folders  # noqa: E402
from editorial.inventory import take_inventory  # noqa: E402
from editorial.site_settings import load_settings, site_slugify  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def content_problems(content: Path, settings_path: Path) -> list[Problem]:
    """Every problem in ``content``, sorted by file and line (the build asks too, for a file Pelican could not read)."""
    settings = load_settings(settings_path)
    slugify = site_slugify(settings)
    inventory = take_inventory(content, settings, slugify)
    found = check(inventory, slugify) + check_handbook_folders(inventory, settings.get("HANDBOOKS_PATH", "handbooks"))
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="check_content.py",
        description="Kontrollerar innehållet (metadata, teman, länkar, alt-texter, rubriker) före bygget.",
    )
    parser.add_argument("content", nargs="?", type=Path, default=ROOT / "content", help="innehållsmappen")
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py", help="Pelicans inställningar")
    args = parser.parse_args(argv)
    if not args.content.is_dir():
        print(f"{args.content}: mappen finns inte.", file=sys.stderr)
        return 2
    problems = relative_to(content_problems(args.content, args.settings), Path.cwd())
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} fel att rätta innan innehållet publiceras.", file=sys.stderr)
        return 1
    print("Innehållet ser bra ut: inga fel hittades.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
