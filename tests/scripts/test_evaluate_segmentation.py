"""The splitting benchmark's command line: several seeds are measured apart and summed."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from conftest import ROOT
from evaluate_segmentation import sealed_sets
from migration.evaluation import MigrationScore, SplitScore

SCRIPT = ROOT / "scripts" / "evaluate_segmentation.py"
SET = ROOT / "tests" / "fixtures" / "unseen_posts" / "set11"
LINE = re.compile(
    r"^(?P<label>[^:]+):\s+.*?(?P<boundaries>\d+) gränser: (?P<missed>\d+) missade, (?P<false>\d+) felaktiga"
)


def _run(*args: str) -> str:
    """The script's output for these arguments (it must succeed)."""
    done = subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _figures(*seeds: int) -> dict[str, tuple[int, int, int]]:
    figures = {}
    for line in _run(
        "--variants", "2", "--archives", "2", "--set-archives", "1", "--seed", *map(str, seeds), "--unseen", str(SET)
    ).splitlines():
        if match := LINE.match(line):
            figures[match["label"]] = (int(match["boundaries"]), int(match["missed"]), int(match["false"]))
    return figures


def test_several_seeds_are_the_sum_of_each_seed_and_the_archive_counts_once():
    one, two, both = _figures(1), _figures(2), _figures(1, 2)
    assert set(both) == {
        "arkivet",
        "omblandat",
        "omordnat",
        "som arkivet",
        "osedda set11",
        "bara nya set11",
        "som arkivet med set11",
    }
    assert both["arkivet"] == one["arkivet"] == two["arkivet"]
    for label in set(both) - {"arkivet"}:
        assert both[label] == tuple(a + b for a, b in zip(one[label], two[label], strict=True)), label
    # One archive of the known posts and the set's, in five dumps: a boundary for every post but each dump's first.
    assert one["som arkivet med set11"][0] == one["som arkivet"][0] / 2 + len(list(SET.glob("*.txt")))


def test_split_scores_add_up():
    a, b = SplitScore(), SplitScore()
    a.add({3, 7}, {3}, ["Rubrik"] * 8)
    b.add({4}, {4, 6}, ["Rubrik"] * 8)
    total = a + b
    assert (total.dumps, total.boundaries, total.missed, total.false, total.dumps_with_errors) == (2, 3, 1, 1, 2)
    assert total.examples == a.examples + b.examples
    assert total.share == 2 / 3
    whole = MigrationScore(1, 1, 1, 0, a, 5, 2, 1) + MigrationScore(2, 2, 1, 1, b, 9, 3, 0)
    assert (whole.archives, whole.copies_found, whole.documents_found, whole.perfect) == (3, 3, 2, 1)
    assert (whole.posts, whole.posts_listed, whole.errors_listed) == (14, 5, 1)
    assert whole.summary().endswith("granskningslistan: 5 av 14 inlägg, 1 av 2 fel")
    assert whole.splits.boundaries == 3 and whole.splits.examples == total.examples


def test_a_sealed_sets_figures_are_printed_and_its_mistakes_never(tmp_path):
    """A set kept as a fair test must not show its failing titles to whoever tunes the rules."""
    long_posts = ROOT / "tests" / "fixtures" / "unseen_posts" / "set15"  # a post of it is cut on every seed
    lines = {line.strip()[:70] for path in long_posts.glob("*.txt") for line in path.read_text().splitlines()}

    def run(*extra: str) -> str:
        return _run("--variants", "4", "--unseen", str(long_posts), *extra)

    def shown(output: str) -> set[str]:
        return {line.split(": ", 1)[1].strip() for line in output.splitlines() if " × " in line} & lines

    assert shown(run()), "the set's mistakes are listed when it is not sealed"
    sealed = run("--sealed", "set15")
    assert not shown(sealed)
    assert "osedda set15:" in sealed and "bara nya set15:" in sealed
    assert re.search(r"inläggens medianlängd: kända \d+ tecken; set15 \d\.\d\d×", sealed)
    # A set listed in sealed.txt is sealed without asking: the same posts under a sealed set's name.
    (name, *_) = sealed_sets()
    shutil.copytree(long_posts, tmp_path / name)
    listed = _run("--variants", "4", "--unseen", str(tmp_path / name))
    assert f"osedda {name}:" in listed and not shown(listed)
