"""`factcheck gx-export` on database datasets (contract section 9), against a real server.

The run validates a table where it lies (no rows in memory); GX runs its suites on a
pandas frame, so gx-export reads the table's rows, within the data_rows limit. The suites
and their results must be those of the same rows exported from the CSV files.
"""

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

pytest.importorskip("great_expectations")


@pytest.fixture(scope="module")
def tables(pg_url: str) -> str:
    data = PROJECTS / "basic" / "data"
    _load(pg_url, "basic", TABLES, {name: data / f"{name}.csv" for name in TABLES})
    return pg_url


def _export(root: Path, out: Path, env: dict[str, str], *args: str) -> Any:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "gx-export", "--root", str(root), "--out", str(out),
         *args],
        capture_output=True, text=True, env={**os.environ, **env}, timeout=600, check=False,
    )  # fmt: skip


def _suites(out: Path) -> dict[str, list[tuple[str, str]]]:
    """Every saved suite: its expectations as (type, kwargs as JSON)."""
    found = {}
    for path in sorted((out / "gx" / "expectations").rglob("*.json")):
        data = json.loads(path.read_text())
        found[path.relative_to(out).as_posix()] = sorted(
            (e["type"], json.dumps(e["kwargs"], sort_keys=True)) for e in data["expectations"]
        )
    return found


def _results(out: Path) -> dict[str, list[tuple[str, str, bool, str]]]:
    """Every stored validation: each expectation's type, kwargs, success and result."""
    found = {}
    folder = out / "gx" / "uncommitted" / "validations"
    for path in sorted(folder.rglob("*.json")):
        suite = path.relative_to(folder).parts[:2]  # dataset/kind; then run ids
        found["/".join(suite)] = sorted(
            (
                r["expectation_config"]["type"],
                json.dumps(
                    {k: v for k, v in r["expectation_config"]["kwargs"].items() if k != "batch_id"},
                    sort_keys=True,
                ),
                r["success"],
                json.dumps(r.get("result"), sort_keys=True, default=str),
            )
            for r in json.loads(path.read_text())["results"]
        )
    return found


def test_tables_export_as_their_files(tables: str, tmp_path: Path) -> None:
    files_out, tables_out = tmp_path / "files", tmp_path / "tables"
    files = _export(PROJECTS / "basic", files_out, {})
    done = _export(_database_project(tmp_path), tables_out, {ENV: tables})
    assert done.returncode == files.returncode == 1, done.stderr  # check's code: a claim fails
    assert "Traceback" not in done.stderr
    assert PASSWORD not in done.stdout + done.stderr
    assert _suites(tables_out) == _suites(files_out)
    got, expected = _results(tables_out), _results(files_out)
    # monthly and relay were validated in PostgreSQL by the run (read here for GX); cases
    # has a Python check, so the run read it into pandas itself.
    assert {"monthly/schema", "relay/claims", "cases/schema"} <= set(got)
    assert got == expected
    # Each dataset's suites as gx-export prints them: the same counts as from the files.
    assert done.stdout.replace(str(tables_out), "OUT") == files.stdout.replace(
        str(files_out), "OUT"
    )


def test_rows_gx_cannot_have_are_a_configuration_error(tables: str, tmp_path: Path) -> None:
    """Over data_rows (the run, validating in the database, read none), or a variable not
    set: exit 2, the dataset named, no traceback, nothing written."""
    monthly = PROJECTS / "basic" / "data" / "monthly.csv"
    lines = monthly.read_text().splitlines()
    tripled = tmp_path / "monthly.csv"  # 24 rows (synthetic), more than cases' 12
    tripled.write_text("\n".join(lines[:1] + lines[1:] * 3) + "\n")
    _load(tables, "big", {"monthly": TABLES["monthly"]}, {"monthly": tripled})
    root = _database_project(tmp_path, {"monthly": "big.monthly"})
    out = tmp_path / "out"
    env = {ENV: tables}
    limit = ("--limit", "data_rows=12")  # cases (read into pandas by the run) passes it

    checked = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "--root", str(root), "--no-history", *limit],
        capture_output=True, text=True, env={**os.environ, **env}, timeout=600, check=False,
    )  # fmt: skip
    assert checked.returncode != 2, checked.stderr  # the run validates monthly in place
    big = _export(root, out, env, *limit)
    assert big.returncode == 2, big.stdout + big.stderr
    assert "Traceback" not in big.stderr and PASSWORD not in big.stdout + big.stderr
    assert "#big.monthly: more than 12 rows in one data file (24 rows)" in big.stderr
    assert "[monthly]" in big.stderr and "data_rows" in big.stderr
    assert "1 problem in the project; nothing was exported." in big.stderr
    assert not out.exists()

    unset = _export(root, out, {ENV: ""})
    assert unset.returncode == 2 and "Traceback" not in unset.stderr
    assert ENV in unset.stderr and "dataset 'relay'" in unset.stderr
    assert not out.exists()
