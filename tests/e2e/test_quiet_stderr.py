"""A run says nothing on stderr that is not about the project: with the spark extra
installed, pandera's first validation imports pyspark.pandas, which warns about pandas 3
on every run (in CI logs, on every pull request) though factcheck never uses it."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1] / "projects" / "basic"


@pytest.mark.parametrize("engine", ["duckdb", "pandas"])
def test_check_writes_no_library_warning_to_stderr(tmp_path: Path, engine: str) -> None:
    root = tmp_path / "basic"
    shutil.copytree(PROJECT, root)
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "--root", str(root), "--no-history"]
        + ["--engine", engine, "--format", "json", "-o", str(tmp_path / "r.json")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr
    assert "Warning" not in done.stderr, done.stderr
