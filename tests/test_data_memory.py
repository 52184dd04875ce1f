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
