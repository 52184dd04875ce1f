"""A dataset's column names, known without scanning its rows.

The claims' columns are checked against these at load time, so a typo in a
column name is a configuration error (exit 2) found by `factcheck lint` too.
"""

from __future__ import annotations

import csv

from factcheck.load.limits import Limits
from factcheck.load.spec import DatasetSpec
from factcheck.problems import Problems


def dataset_columns(
    spec: DatasetSpec, problems: Problems, limits: Limits | None = None
) -> list[str]:
    if spec.database is not None or spec.path is None:
        return _database_columns(spec, problems)
    suffix = spec.path.suffix.lower()
    if suffix == ".xlsx":
        # openpyxl reads every row of a sheet that does not declare its size to find the
        # first one (a 3 MB xlsx of 20 million rows took minutes): measured first.
        from factcheck.data_limits import data_problem

        too_large = data_problem(spec.path, limits or Limits())
        if too_large:
            problems.add(spec.loc, f"{spec.rel_path}: {too_large}", spec.name)
            return []
    try:
        if suffix == ".csv":
            with spec.path.open(newline="", encoding="utf-8-sig") as handle:
                return next(csv.reader(handle), [])
        if suffix == ".parquet":
            import pyarrow.parquet as pq

            return list(pq.read_schema(spec.path).names)
        if suffix == ".xlsx":
            from openpyxl import load_workbook

            book = load_workbook(spec.path, read_only=True)
            first = next(book.active.iter_rows(max_row=1, values_only=True), ())
            return [str(c) for c in first if c is not None]
        # json / jsonl: DuckDB finds the keys from a sample, without loading the file.
        import duckdb

        from factcheck.data import duckdb_reader

        with duckdb.connect() as con:
            reader = duckdb_reader(spec.path, suffix.lstrip("."))
            return [
                str(row[0]) for row in con.execute(f"DESCRIBE SELECT * FROM {reader}").fetchall()
            ]
    except Exception as exc:  # any reader failure is the user's file, not our bug
        problems.add(spec.loc, f"cannot read the header of {spec.rel_path}: {exc}", spec.name)
        return []


def _database_columns(spec: DatasetSpec, problems: Problems) -> list[str]:
    """A table's or query's columns, asked of the database (no rows are read). A missing
    variable, an unreachable server or a missing table is a problem naming both."""
    from factcheck.postgres import DatabaseProblem, Session

    assert spec.database is not None
    try:
        session = Session(spec.database, spec.name)
    except DatabaseProblem as exc:
        problems.add(spec.loc, str(exc), spec.database.url_env)
        return []
    try:
        return list(session.columns)
    finally:
        session.close()
