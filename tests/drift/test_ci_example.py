"""The example GitHub Actions workflow's factcheck commands, run as written."""

from __future__ import annotations

import json
import re
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
    summary = (tmp_path / "summary.md").read_text().splitlines()[0]
    assert summary.startswith("###") and "factcheck" in summary  # the job's step summary
    assert json.loads((root / "reports/factcheck.sarif").read_text())["runs"]
    # The data moves after publication: the same step now fails with the drift code.
    csv = root / "data/monthly.csv"
    csv.write_text(csv.read_text().replace("2025-04,RU,848,1012", "2025-04,RU,850,1012"))
    done = subprocess.run([exe, *shlex.split(steps[0])[1:]], cwd=root, capture_output=True,
                          text=True, env={"PATH": str(Path(exe).parent)})  # fmt: skip
    assert done.returncode == 4 and "april_verdicts" in done.stdout


def test_workflow_uploads_the_reports() -> None:
    steps = yaml.safe_load(WORKFLOW.read_text())["jobs"]["factcheck"]["steps"]
    uses = {s["uses"].split("@")[0]: s for s in steps if "uses" in s}
    assert uses["actions/upload-artifact"]["with"]["path"] == "reports/report.html"
    sarif = uses["github/codeql-action/upload-sarif"]
    assert sarif["with"]["sarif_file"] == "reports/factcheck.sarif"
    assert sarif["if"] == "always()"  # the failing run is the one worth annotating


def test_pre_commit_hook_runs_lint(project) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "factcheck-lint")
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert re.match(hook["files"], "claims/article.yaml")
    assert re.match(hook["files"], "claims/sub/x.yml")
    assert not re.match(hook["files"], "data/datasets.yaml")
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
    (root / "claims/article.yaml").write_text("claims: [")
    broken = subprocess.run([exe, *shlex.split(hook["entry"])[1:]], cwd=root,
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert broken.returncode == 2 and "claims/article.yaml" in broken.stderr
