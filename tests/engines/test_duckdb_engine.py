"""The DuckDB engine's materialised table gives the figures the validated view gives."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from factcheck.engines import duckdb_engine
from factcheck.engines.base import Source
from factcheck.engines.duckdb_engine import DuckDBEngine
from factcheck.lang.where import parse_by, parse_where
from factcheck.plan import MetricKey, Scan


def _scan(where: str | None, by: str | None, *metrics: tuple[str, str | None]) -> Scan:
    node = parse_where(where) if where else None
    key = parse_by(by) if by else None
    scan = Scan(node, key)
    for aggregate, column in metrics:
        scan.metrics[MetricKey("d", aggregate, column, node, key)] = (aggregate, column)
    return scan


SCANS = [
    _scan(None, "month(day)", ("count", None), ("sum", "n")),
    _scan("n > 1", "quarter(day)", ("mean", "n")),
    _scan(None, "year(day)", ("count", None)),
    _scan(None, "weekday(day)", ("max", "n")),
    _scan("n >= 2", None, ("median", "n")),
    _scan(None, "month(text)", ("count", None)),  # a text column that holds no dates
    _scan(None, "__key0", ("count", None)),  # a column with the name a key would take
]


def _connection(path: Path) -> duckdb.DuckDBPyConnection:
    frame = pd.DataFrame(
        {
            "day": pd.to_datetime(["2024-01-31", "2024-02-01", None, "2025-07-04", "2024-02-29"]),
            "n": [1.0, 2.5, 3.0, None, 4.0],
            "text": ["a", "b", "c", "d", "e"],
            "__key0": ["x", "y", "x", None, "y"],
        }
    )
    frame.to_parquet(path)
    con = duckdb.connect()
    con.execute(f"CREATE TEMP VIEW t AS SELECT * FROM read_parquet('{path}')")
    return con


def test_materialised_table_gives_the_views_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(duckdb_engine, "COPY_PARQUET_AT_SCANS", len(SCANS))  # copied
    engine = DuckDBEngine()
    over_view = engine.compute_on(_connection(tmp_path / "a.parquet"), SCANS, (duckdb.Error,))
    con = _connection(tmp_path / "b.parquet")
    over_table = engine.compute(Source("d", session=con, errors=(duckdb.Error,)), SCANS)
    assert over_table == over_view
    kinds = dict(
        con.execute("SELECT table_name, table_type FROM information_schema.tables").fetchall()
    )
    # The view was replaced by a table of the database (compressed when in a file), not a
    # temporary one (held uncompressed in memory: 5x slower once it spilled at 30M rows).
    assert kinds["t"] == "BASE TABLE"
    # The month of a text column errors only its own claims, as over the view.
    errored = [k for k, r in over_table.items() if r.error]
    assert [k.by.column for k in errored] == ["text"]
    assert over_table[next(iter(SCANS[6].metrics))].groups == {"x": 2, "y": 2}
    # A second computation on the same rows (the table is already made) agrees too.
    assert engine.compute(Source("d", session=con, errors=(duckdb.Error,)), SCANS) == over_view


def test_a_parquet_file_with_few_scans_is_read_in_place(tmp_path: Path) -> None:
    """Fewer scans than COPY_PARQUET_AT_SCANS: no copy of the rows (each scan reads the file),
    the same figures."""
    assert len(SCANS) < duckdb_engine.COPY_PARQUET_AT_SCANS
    engine = DuckDBEngine()
    over_view = engine.compute_on(_connection(tmp_path / "a.parquet"), SCANS, (duckdb.Error,))
    con = _connection(tmp_path / "b.parquet")
    assert engine.compute(Source("d", session=con, errors=(duckdb.Error,)), SCANS) == over_view
    kinds = dict(
        con.execute("SELECT table_name, table_type FROM information_schema.tables").fetchall()
    )
    assert kinds == {"t": "VIEW"}


def test_text_loaded_rows_are_always_copied(tmp_path: Path) -> None:
    """A CSV's rows (loaded as `__raw`) go to the table whatever the number of scans: each
    scan would otherwise cast the text again; `__raw` is dropped once copied."""
    con = _connection(tmp_path / "a.parquet")
    con.execute("CREATE TABLE __raw AS SELECT * FROM t")
    DuckDBEngine().compute(Source("d", session=con, errors=(duckdb.Error,)), SCANS[:1])
    kinds = dict(
        con.execute("SELECT table_name, table_type FROM information_schema.tables").fetchall()
    )
    assert kinds == {"t": "BASE TABLE"}


def test_another_datasets_loaded_text_does_not_make_a_parquet_copy(tmp_path: Path) -> None:
    """The run's datasets share one DuckDB database (duckstore): a CSV loaded for another
    dataset (its `__raw`, in its own schema) does not make this Parquet file count as
    loaded text, so with few scans it is still read in place."""
    from factcheck.data import open_in_duckdb

    csv = tmp_path / "other.csv"
    csv.write_text("n\n1\n2\n", encoding="utf-8")
    other = open_in_duckdb(csv, "csv").session
    parquet = tmp_path / "b.parquet"
    _connection(parquet).close()  # writes the file
    mine = open_in_duckdb(parquet, "parquet").session
    try:
        mine.execute("CREATE TEMP VIEW t AS SELECT * EXCLUDE (__row) FROM __rows")
        DuckDBEngine().compute(Source("d", session=mine, errors=(duckdb.Error,)), SCANS[:1])
        views = "SELECT count(*) FROM duckdb_views() WHERE view_name = 't' AND temporary"
        assert mine.execute(views).fetchone() == (1,)  # still the view over the file
        tables = "SELECT count(*) FROM duckdb_tables() WHERE table_name = 't'"
        assert mine.execute(tables).fetchone() == (0,)  # no copy
    finally:
        mine.close()
        other.close()
