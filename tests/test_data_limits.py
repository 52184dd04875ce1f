"""Data files are measured before they are read: uncompressed bytes and rows, from the
zip directory (xlsx), the footer (Parquet) or a streaming count (CSV, JSON Lines).
All data here is synthetic."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from factcheck.data_limits import data_problem, rows_problem
from factcheck.load.limits import Limits, Policy


def frame(rows: int) -> pd.DataFrame:
    return pd.DataFrame({"n": range(rows), "text": ["synthetic " * 20] * rows})


def test_xlsx_is_measured_uncompressed(tmp_path: Path) -> None:
    path = tmp_path / "d.xlsx"
    frame(2000).to_excel(path, index=False)
    with zipfile.ZipFile(path) as archive:
        uncompressed = sum(m.file_size for m in archive.infolist())
    assert path.stat().st_size < uncompressed / 5  # it compresses well
    limit = (path.stat().st_size + uncompressed) // 2  # above the file, below its content
    problem = data_problem(path, Limits(data_bytes=limit))
    assert problem is not None and f"({uncompressed:,} bytes uncompressed)" in problem
    assert "--limit data_bytes=N" in problem
    assert data_problem(path, Limits(data_bytes=uncompressed)) is None


def test_xlsx_rows_are_counted_without_reading_cells(tmp_path: Path) -> None:
    path = tmp_path / "d.xlsx"
    frame(30).to_excel(path, index=False)
    assert len(pd.read_excel(path)) == 30
    problem = data_problem(path, Limits(data_rows=29))
    assert problem is not None and "(30 rows)" in problem
    assert data_problem(path, Limits(data_rows=30)) is None


def test_csv_bytes_and_rows(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    frame(100).to_csv(path, index=False)
    with path.open(newline="") as handle:
        rows = sum(1 for _ in csv.reader(handle)) - 1
    assert rows == 100
    assert "(100 lines)" in (data_problem(path, Limits(data_rows=99)) or "")
    assert data_problem(path, Limits(data_rows=100)) is None
    size = path.stat().st_size
    assert f"({size:,} bytes)" in (data_problem(path, Limits(data_bytes=size - 1)) or "")


def test_parquet_from_its_footer(tmp_path: Path) -> None:
    path = tmp_path / "d.parquet"
    frame(50).to_parquet(path)
    assert "(50 rows)" in (data_problem(path, Limits(data_rows=49)) or "")
    assert data_problem(path, Limits(data_rows=50)) is None
    assert "uncompressed" in (data_problem(path, Limits(data_bytes=100)) or "")


def test_json_rows_after_reading() -> None:
    assert rows_problem(11, Limits(data_rows=10)) is not None
    assert rows_problem(10, Limits(data_rows=10)) is None


def test_a_broken_zip_is_left_to_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "d.xlsx"
    path.write_bytes(b"not a zip")
    assert data_problem(path, Limits()) is None


@pytest.mark.parametrize(("trusted", "expected"), [(True, 10**12), (False, 10_000_000)])
def test_an_untrusted_project_cannot_raise_a_limit(trusted: bool, expected: int) -> None:
    policy = Policy(python_schemas=trusted)
    assert policy.apply({"data_rows": 10**12}).data_rows == expected
    assert policy.apply({"data_rows": 5}).data_rows == 5  # lowering is always allowed
    raised = Policy(python_schemas=trusted, limits=(("data_rows", 10**12),))
    assert raised.apply({}).data_rows == 10**12  # the command line always wins
