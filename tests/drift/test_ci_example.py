"""The example GitHub Actions workflow's factcheck commands, run as written."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / "docs/github-actions-example.yml"


def factcheck_exe() -> str:
    """The installed console script (beside this Python when the venv is not activated)."""
    beside = Path(sys.executable).parent / "factcheck"
    found = str(beside) if beside.exists() else shutil.which("factcheck")
    assert found, "factcheck must be installed (pip install -e .)"
    return found


def factcheck_steps() -> list[str]:
    steps = yaml.safe_load(WORKFLOW.read_text())["jobs"]["factcheck"]["steps"]
    return [s["run"] for s in steps if "run" in s and s["run"].startswith("factcheck")]


def test_workflow_commands_run(project, tmp_path) -> None:
    root = project()
    exe = factcheck_exe()
    subprocess.run([exe, "lock"], cwd=root, check=True, capture_output=True)
    steps = factcheck_steps()
    assert steps and "--locked" in steps[0]
    for step in steps:
        args = shlex.split(step)
        done = subprocess.run([exe, *args[1:]], cwd=root, capture_output=True, text=True,
                              env={"PATH": str(Path(exe).parent), "GITHUB_STEP_SUMMARY":
                                   str(tmp_path / "summary.md")})  # fmt: skip
        assert done.returncode == 1, done.stderr  # the project's known failures, no drift
        assert "::error file=claims/article.yaml" in done.stdout
    for report in ("reports/report.html", "reports/factcheck.sarif", "reports/junit.xml"):
        assert (root / report).stat().st_size > 0
    assert (tmp_path / "summary.md").read_text().startswith("### factcheck")


def test_pre_commit_hook_runs_lint(project) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "factcheck-lint")
    root = project()
    exe = factcheck_exe()
    done = subprocess.run(
        [exe, *shlex.split(hook["entry"])[1:]],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "OK" in done.stdout
