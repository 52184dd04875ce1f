"""A run says nothing on stderr that is not about the project: with the spark extra
installed, pandera's first validation imports pyspark.pandas, which warns about pandas 3
on every run (in CI logs, on every pull request) though factcheck never uses it."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1] / "projects" / "basic"


@pytest.mark.parametrize("engine", ["duckdb", "pandas", "gx"])
def test_check_writes_no_library_warning_to_stderr(tmp_path: Path, engine: str) -> None:
    if engine == "gx":  # great-expectations imports pyspark too, when it is installed
        pytest.importorskip("great_expectations")
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


def test_gx_export_writes_no_library_warning_to_stderr(tmp_path: Path) -> None:
    pytest.importorskip("great_expectations")
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "gx-export", "--root", str(PROJECT)]
        + ["--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode in (0, 1), done.stderr
    assert "Warning" not in done.stderr, done.stderr
