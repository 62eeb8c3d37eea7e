"""Build the site as ``pelican CONTENT -o OUTPUT -s SETTINGS --fatal errors -q`` does, in words an editor can act on.

Pelican's command line prints every error that stops a build with a traceback, in a column as wide as
the terminal (a file's path broken over three lines in CI's log). Our plugins stop the build on an
editor's mistake (an unknown topic, a handbook folder without version.md, an old address that would
replace a page) with a message naming the file and what to do; Pelican's own errors (a file it cannot
read) are logged with theirs before the build stops. Both are shown here as the message alone, one
line each. Pelican names a file it cannot read but keeps the reason to its DEBUG log: the content
check's message for that file (``file:line: message``) is shown under it, or else Pelican's reason.
Anything else is a bug and keeps its traceback.

``invoke build``, the tests' site builds and CI build through this.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from check_content import content_problems
from editorial.checks import Problem, relative_to
from pelican import Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[1]
EDITOR_MISTAKE = 2  # Pelican's `exitcode` on a plugin's error for editors; the migration's and check's exit too
LOGGED_ERROR = "Warning or error encountered"  # what Pelican raises once it has logged an error (--fatal errors)
UNREADABLE = "Could not process %s"  # how Pelican logs a content file it could not read


class UnreadFiles(logging.Handler):
    """The content files Pelican could not read, with its reason (the exception it is handling as it logs)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.reasons: dict[str, str] = {}

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == UNREADABLE:
            self.reasons[str(record.args[0])] = str(sys.exc_info()[1])


def what_to_fix(content: Path, settings: Path, unread: dict[str, str]) -> list[str]:
    """Every problem the content check finds, and Pelican's reason for a file it could not read where the
    check finds nothing (Pelican's log names the file only)."""
    problems = content_problems(content, settings)
    named = {Path(problem.path).resolve() for problem in problems}
    for name, reason in sorted(unread.items()):
        path = (content / name).resolve()
        if path not in named:
            problems.append(Problem(str(path), 0, f"Pelican kunde inte läsa filen: {reason}"))
    return [str(problem) for problem in relative_to(problems, Path.cwd())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build_site.py", description="Bygg webbplatsen med Pelican.")
    parser.add_argument("content", type=Path, nargs="?", default=ROOT / "content")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "output")
    parser.add_argument("-s", "--settings", type=Path, default=ROOT / "pelicanconf.py")
    args = parser.parse_args(argv)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    init_logging(level=logging.WARNING, fatal="errors", handler=handler)
    unread = UnreadFiles()
    logging.getLogger("pelican").addHandler(unread)
    override = {"PATH": str(args.content.resolve()), "OUTPUT_PATH": str(args.output.resolve())}
    try:
        Pelican(read_settings(str(args.settings), override=override)).run()
    except Exception as error:
        if getattr(error, "exitcode", None) == EDITOR_MISTAKE:
            print(f"Bygget stoppades:\n{error}", file=sys.stderr)
            return EDITOR_MISTAKE
        if isinstance(error, RuntimeError) and str(error) == LOGGED_ERROR:
            fixes = what_to_fix(args.content, args.settings, unread.reasons)
            heading = "Bygget stoppades av felet ovan." + (" Det här behöver rättas:" if fixes else "")
            print(heading, *fixes, sep="\n", file=sys.stderr)
            return 1
        raise
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
