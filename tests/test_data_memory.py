"""FACTCHECK_DUCKDB_MEMORY: a size DuckDB takes, or an error naming the variable (DuckDB's
own "Memory must have a number" names none)."""

import pytest

from factcheck import data


@pytest.mark.parametrize("size", ["1GB", "512MB", "2 GiB", "1.5gb"])
def test_a_size_is_passed_to_duckdb(monkeypatch: pytest.MonkeyPatch, size: str) -> None:
    monkeypatch.setenv("FACTCHECK_DUCKDB_MEMORY", size)
    assert data._memory_limit() == size


@pytest.mark.parametrize("size", ["lots", "1", "GB", "-1GB", "1GB; PRAGMA x"])
def test_anything_else_names_the_variable(monkeypatch: pytest.MonkeyPatch, size: str) -> None:
    monkeypatch.setenv("FACTCHECK_DUCKDB_MEMORY", size)
    with pytest.raises(ValueError, match="FACTCHECK_DUCKDB_MEMORY"):
        data._memory_limit()


def test_rows_are_held_in_a_scratch_database_file_removed_at_close(tmp_path) -> None:
    """A file's rows go to a database file in a private scratch folder (compressed, read
    through the bounded buffer pool), never beside the data; the folder goes with the
    connection."""
    import gc
    from pathlib import Path

    source = tmp_path / "cases.csv"
    source.write_text("id,n\n1,2\n2,3\n", encoding="utf-8")
    before = source.read_bytes()
    opened = data.open_in_duckdb(source, "csv")
    con = opened.session
    (path,) = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()
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


def test_a_killed_runs_scratch_folder_is_swept_and_a_live_ones_kept(tmp_path, monkeypatch) -> None:
    import os
    import subprocess
    import sys
    import tempfile

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
