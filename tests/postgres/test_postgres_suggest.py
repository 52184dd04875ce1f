"""`factcheck suggest` on a database dataset (contract section 9), against a real server:
the candidates, figures and verdicts of the same rows in the CSV file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import PROJECTS
from tests.postgres.conftest import PASSWORD
from tests.postgres.test_postgres import ENV, TABLES, _database_project, _load


@pytest.fixture(scope="module")
def tables(pg_url: str) -> str:
    data = PROJECTS / "basic" / "data"
    _load(pg_url, "basic", TABLES, {name: data / f"{name}.csv" for name in TABLES})
    return pg_url


def _suggest(root: Path, env: dict[str, str], *args: str) -> Any:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "suggest", "--root", str(root), *args],
        capture_output=True, text=True, env={**os.environ, **env}, timeout=600, check=False,
    )  # fmt: skip


def test_a_table_gives_the_files_suggestions(tables: str, tmp_path: Path) -> None:
    args = ("total_cases", "--dataset", "cases", "--format", "json")
    files = _suggest(PROJECTS / "basic", {}, *args)
    done = _suggest(_database_project(tmp_path), {ENV: tables}, *args)
    assert done.returncode == files.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and PASSWORD not in done.stdout + done.stderr
    got, expected = json.loads(done.stdout), json.loads(files.stdout)
    assert got["candidates"] == expected["candidates"]
    cases = (PROJECTS / "basic" / "data" / "cases.csv").read_text().strip().splitlines()
    best = got["candidates"][0]
    assert (best["actual"], best["verdict"]) == (len(cases) - 1, "pass")  # rows, by hand


def test_a_table_over_data_rows_is_named(tables: str, tmp_path: Path) -> None:
    root = _database_project(tmp_path)
    (root / "pyproject.toml").write_text("[tool.factcheck.limits]\ndata_rows = 5\n")
    done = _suggest(root, {ENV: tables}, "total_cases", "--dataset", "cases")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "#basic.cases: more than 5 rows in one data file (12 rows)" in done.stderr
