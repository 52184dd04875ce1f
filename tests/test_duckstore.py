"""The process's one DuckDB database (factcheck.duckstore): FACTCHECK_DUCKDB_MEMORY (a size
DuckDB takes, or an error naming the variable: DuckDB's own "Memory must have a number"
names none), where a dataset's rows are kept, and the scratch folder's lifetime."""

import gc
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from factcheck import data, duckstore


@pytest.mark.parametrize("size", ["1GB", "512MB", "2 GiB", "1.5gb"])
def test_a_size_is_passed_to_duckdb(monkeypatch: pytest.MonkeyPatch, size: str) -> None:
    monkeypatch.setenv("FACTCHECK_DUCKDB_MEMORY", size)
    assert duckstore.memory_limit() == size


@pytest.mark.parametrize("size", ["lots", "1", "GB", "-1GB", "1GB; PRAGMA x"])
def test_anything_else_names_the_variable(monkeypatch: pytest.MonkeyPatch, size: str) -> None:
    monkeypatch.setenv("FACTCHECK_DUCKDB_MEMORY", size)
    with pytest.raises(ValueError, match="FACTCHECK_DUCKDB_MEMORY"):
        duckstore.memory_limit()
    with pytest.raises(ValueError, match="FACTCHECK_DUCKDB_MEMORY"):
        duckstore.DuckSession(large=False)


def _database_path(session: duckstore.DuckSession) -> str | None:
    sql = "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    row = session.execute(sql).fetchone()
    assert row is not None
    return row[0]


def test_rows_are_held_in_a_scratch_database_file_removed_at_close(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large file's rows go to a database file in a private scratch folder (compressed,
    read through the bounded buffer pool), never beside the data; the folder goes with
    the last session."""
    monkeypatch.setattr(duckstore, "SMALL_FILE", 0)  # this small file counts as large
    source = tmp_path / "cases.csv"
    source.write_text("id,n\n1,2\n2,3\n", encoding="utf-8")
    before = source.read_bytes()
    opened = data.open_in_duckdb(source, "csv")
    con = opened.session
    assert isinstance(con, duckstore.DuckSession)
    path = _database_path(con)
    assert path is not None
    scratch = Path(path).parent
    assert scratch.is_dir() and scratch.name.startswith("factcheck-duckdb-")
    assert tmp_path not in Path(path).parents  # nothing written beside the data
    assert con.execute("SELECT current_setting('memory_limit')").fetchone()[0].endswith("B")
    assert con.execute("SELECT sum(n) FROM __rows").fetchone()[0] == 5
    con.close()
    del con, opened
    gc.collect()
    assert not scratch.exists()
    assert source.read_bytes() == before and sorted(tmp_path.iterdir()) == [source]


def test_small_files_share_one_database_and_keep_their_own_names(tmp_path: Path) -> None:
    """Two small files: in memory, in one database (one DuckDB start, not two), each with
    its own `__rows` and temporary `t`; closing one leaves the other's rows whole."""
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    one.write_text("n\n1\n2\n", encoding="utf-8")
    two.write_text("n\n10\n20\n30\n", encoding="utf-8")
    first = data.open_in_duckdb(one, "csv").session
    second = data.open_in_duckdb(two, "csv").session
    assert isinstance(first, duckstore.DuckSession) and isinstance(second, duckstore.DuckSession)
    assert _database_path(first) is None and _database_path(second) is None  # in memory
    databases = "SELECT count(*) FROM duckdb_databases() WHERE NOT internal"
    assert first.execute(databases).fetchone() == second.execute(databases).fetchone() == (1,)
    first.execute("CREATE TEMP VIEW t AS SELECT n FROM __rows")
    second.execute("CREATE TEMP VIEW t AS SELECT n * 2 AS n FROM __rows")
    assert first.execute("SELECT sum(n) FROM t").fetchone() == (3,)
    assert second.execute("SELECT sum(n) FROM t").fetchone() == (120,)
    first.close()
    first.close()  # closing twice is harmless
    assert second.execute("SELECT sum(n) FROM __rows").fetchone() == (60,)
    scratch = duckstore._store.folder if duckstore._store else None
    assert scratch is not None and scratch.is_dir()
    second.close()
    assert not scratch.exists() and duckstore._store is None


def test_a_killed_runs_scratch_folder_is_swept_and_a_live_ones_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gc.collect()  # a session another test left unclosed is released
    assert duckstore._store is None  # so opening below starts the database, and sweeps
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    stale = tmp_path / f"factcheck-duckdb-{dead}-abc"
    live = tmp_path / f"factcheck-duckdb-{os.getppid()}-def"  # our parent: alive
    other = tmp_path / "factcheck-duckdb-notapid-x"
    for folder in (stale, live, other):
        folder.mkdir()
        (folder / "rows.duckdb").write_bytes(b"x")
    source = tmp_path / "d.csv"
    source.write_text("a\n1\n", encoding="utf-8")
    data.open_in_duckdb(source, "csv").session.close()
    assert not stale.exists()
    assert live.exists() and other.exists()


@pytest.mark.parametrize("project", ["basic", "weather"])
def test_large_files_give_the_same_report_as_small_ones(
    project: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every file of a test project kept in a database file of its own (as a file over
    SMALL_FILE is): the same verdicts, figures and dataset entries as in memory."""
    from tests.conftest import PROJECTS

    from factcheck.run import Options, run_check

    def figures() -> tuple[object, object]:
        outcome = run_check(Options(root=PROJECTS / project))
        assert outcome.report is not None, outcome.problems
        report = outcome.report.as_dict()
        claims = [(c["id"], c["verdict"], c["actual"], c.get("groups")) for c in report["claims"]]
        return claims, report["datasets"]

    in_memory = figures()
    monkeypatch.setattr(duckstore, "SMALL_FILE", -1)
    assert figures() == in_memory
    gc.collect()
    assert duckstore._store is None  # every session closed: no database, no scratch folder


def test_the_bundled_check_starts_duckdb_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nine datasets (four validated in DuckDB, five in pandas and computed in DuckDB), one
    DuckDB start: each costs about 15 ms of CPU (docs/scale.md, cold start)."""
    import duckdb

    from factcheck.run import Options, run_check

    starts: list[object] = []
    connect = duckdb.connect

    def counted(*args: object, **kwargs: object) -> duckdb.DuckDBPyConnection:
        starts.append(args)
        return connect(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(duckdb, "connect", counted)
    outcome = run_check(Options(root=Path(__file__).resolve().parent.parent))
    assert outcome.report is not None, outcome.problems
    assert len(outcome.report.datasets) == 9
    assert len(starts) == 1
