"""PostgreSQL datasets (contract section 9) against a real server (conftest.py).

The basic test project's three CSV files are loaded into tables (synthetic data); the same
claims checked against the tables must give the verdicts and figures of the files.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import PROJECTS
from tests.postgres.conftest import PASSWORD

TABLES = {
    "cases": "case_id text, court text, article integer, received date, outcome text, "
    "sentence_years double precision, region text",
    "monthly": "month text, country text, verdicts integer, received integer",
    "relay": "metric text, value integer",
}
ENV = "FACTCHECK_TEST_DB"


def _load(url: str, schema: str, tables: dict[str, str], files: dict[str, Path]) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.execute(f"CREATE SCHEMA {schema}")
        for name, columns in tables.items():
            conn.execute(f"CREATE TABLE {schema}.{name} ({columns})")
            with conn.cursor().copy(f"COPY {schema}.{name} FROM STDIN (FORMAT csv, HEADER)") as cp:
                cp.write(files[name].read_bytes())


@pytest.fixture(scope="module")
def basic_db(pg_url: str) -> str:
    data = PROJECTS / "basic" / "data"
    _load(pg_url, "basic", TABLES, {name: data / f"{name}.csv" for name in TABLES})
    return pg_url


def _database_project(tmp_path: Path, tables: dict[str, str] | None = None) -> Path:
    """The basic project with every dataset a table in schema `basic`."""
    root = tmp_path / "basic"
    shutil.copytree(PROJECTS / "basic", root, ignore=shutil.ignore_patterns(".factcheck", "*.lock"))
    catalog = (root / "data" / "datasets.yaml").read_text()
    for name in TABLES:
        table = (tables or {}).get(name, f"basic.{name}")
        catalog = catalog.replace(
            f"path: {name}.csv", f"database: {{url_env: {ENV}, table: {table}}}"
        )
        (root / "data" / f"{name}.csv").unlink()
    (root / "data" / "datasets.yaml").write_text(catalog)
    return root


def _check(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "--root", str(root), "--no-history",
         "--format", "json", *args],
        capture_output=True, text=True, env={**os.environ, **env}, timeout=300, check=False,
    )  # fmt: skip


def _figures(report: dict[str, Any]) -> dict[str, Any]:
    return {c["id"]: (c["verdict"], c["actual"], c.get("groups")) for c in report["claims"]}


@pytest.mark.parametrize("engine", ["duckdb", "pandas"])
def test_tables_give_the_files_figures(basic_db: str, tmp_path: Path, engine: str) -> None:
    files = _check(PROJECTS / "basic", {}, "--engine", engine)
    tables = _check(_database_project(tmp_path), {ENV: basic_db}, "--engine", engine)
    assert tables.returncode == files.returncode == 1, tables.stderr
    got, expected = json.loads(tables.stdout), json.loads(files.stdout)
    assert _figures(got) == _figures(expected)
    port = basic_db.rsplit(":", 1)[1].split("/")[0]
    for dataset, file_dataset in zip(got["datasets"], expected["datasets"], strict=True):
        assert dataset["path"] == f"postgresql://127.0.0.1:{port}/postgres#basic.{dataset['name']}"
        assert "sha256" not in dataset and len(dataset["fingerprint"]) == 64
        assert (dataset["rows"], dataset["valid"]) == (file_dataset["rows"], file_dataset["valid"])
    assert PASSWORD not in tables.stdout + tables.stderr


def test_bad_rows_found_in_the_database(pg_url: str, tmp_path: Path) -> None:
    """The same failing checks and counts as pandera's pandas backend on the same rows."""
    bad = tmp_path / "monthly.csv"
    bad.write_text(
        "month,country,verdicts,received\n2025-01,RU,410,520\n2025-1,RU,-5,540\n"
        "2025-03,XX,500,1\n2025-03,XX,7,\n"
    )
    _load(pg_url, "bad", {"monthly": TABLES["monthly"]}, {"monthly": bad})
    root = _database_project(tmp_path, {"monthly": "bad.monthly"})
    done = _check(root, {ENV: pg_url})
    assert done.returncode == 3, done.stderr
    monthly = next(d for d in json.loads(done.stdout)["datasets"] if d["name"] == "monthly")
    files = PROJECTS / "basic"
    shutil.copy(bad, tmp_path / "monthly-only.csv")
    import pandas as pd
    import pandera.pandas as pa

    schema = pa.DataFrameSchema.from_yaml(files / "schemas" / "monthly.yaml")
    with pytest.raises(pa.errors.SchemaErrors) as caught:
        schema.validate(pd.read_csv(bad), lazy=True)
    cases = caught.value.failure_cases
    expected = {(str(c), str(k)): len(g) for (c, k), g in cases.groupby(["column", "check"])}
    expected.pop(("received", "dtype('int64')"))  # pandas repeats the coercion failure
    got = {(f["column"], f["check"]): f["count"] for f in monthly["failures"]}
    assert got == expected
    assert ("received", "coerce_dtype('int64')") in got  # a missing value in an int64 column
    shown = {c["failure_case"] for f in monthly["failures"] for c in f["failure_cases"]}
    assert {"2025-1", -5, "XX"} <= shown
    assert monthly["valid"] is False


def test_fingerprint_ignores_row_order_and_sees_a_change(pg_url: str, tmp_path: Path) -> None:
    import psycopg

    from factcheck.load.spec import DatabaseSpec
    from factcheck.postgres import Session

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS fp CASCADE; CREATE SCHEMA fp")
        conn.execute("CREATE TABLE fp.a (k int, v text); CREATE TABLE fp.b (k int, v text)")
        conn.execute("INSERT INTO fp.a VALUES (1, 'x'), (2, 'y'), (3, NULL)")
        conn.execute("INSERT INTO fp.b VALUES (3, NULL), (1, 'x'), (2, 'y')")
    import os

    os.environ[ENV] = pg_url
    try:

        def fingerprint(table: str) -> tuple[int, str]:
            session = Session(DatabaseSpec(ENV, table=table), "t")
            try:
                return session.fingerprint()
            finally:
                session.close()

        assert fingerprint("fp.a") == fingerprint("fp.b")
        assert fingerprint("fp.a")[0] == 3
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute("UPDATE fp.b SET v = 'z' WHERE k = 2")
        assert fingerprint("fp.a") != fingerprint("fp.b")
    finally:
        del os.environ[ENV]


def test_a_query_dataset(basic_db: str, tmp_path: Path) -> None:
    root = _database_project(tmp_path)
    catalog = root / "data" / "datasets.yaml"
    catalog.write_text(
        catalog.read_text().replace(
            "table: basic.relay}", 'query: "select metric, value from basic.relay"}'
        )
    )
    done = _check(root, {ENV: basic_db})
    report = json.loads(done.stdout)
    assert _figures(report)["relay_men"][:2] == ("pass", 20662)
    relay = next(d for d in report["datasets"] if d["name"] == "relay")
    assert relay["path"].endswith("/postgres#query")


@pytest.mark.parametrize("case", ["unset", "unreachable", "no table", "wrong password"])
def test_config_errors_name_dataset_and_variable(basic_db: str, tmp_path: Path, case: str) -> None:
    port = int(basic_db.rsplit(":", 1)[1].split("/")[0])
    env = {
        "unset": {},
        "unreachable": {ENV: basic_db.replace(f":{port}/", ":1/")},
        "no table": {ENV: basic_db},
        "wrong password": {ENV: basic_db.replace(PASSWORD, PASSWORD + "x")},
    }[case]
    tables = {"relay": "basic.no_such_table"} if case == "no table" else None
    done = _check(_database_project(tmp_path, tables), env)
    assert done.returncode == 2, done.stdout + done.stderr
    assert ENV in done.stderr and "dataset 'relay'" in done.stderr
    assert "Traceback" not in done.stderr
    assert PASSWORD not in done.stdout + done.stderr
    if case == "no table":
        assert "no_such_table" in done.stderr


def test_catalog_refuses_a_url_and_a_write(tmp_path: Path) -> None:
    root = _database_project(tmp_path)
    catalog = root / "data" / "datasets.yaml"
    text = catalog.read_text()
    text = text.replace(
        f"{{url_env: {ENV}, table: basic.relay}}",
        "{url_env: 'postgresql://u:p@h/db', table: relay}",
    )
    text = text.replace(
        f"{{url_env: {ENV}, table: basic.monthly}}", f'{{url_env: {ENV}, query: "delete from t"}}'
    )
    catalog.write_text(text)
    done = _check(root, {})
    assert done.returncode == 2
    assert "url_env names an environment variable" in done.stderr
    assert "read-only SELECT" in done.stderr
    assert "u:p@" not in done.stderr  # a URL written where its variable's name belongs


@pytest.mark.parametrize("func", ["year", "quarter", "month", "month_of_year", "weekday", "day"])
def test_group_keys_in_postgres(basic_db: str, func: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every `by` key function, translated to PostgreSQL, groups as pandas does (quarter()
    is not a PostgreSQL function: sqlglot left it as DuckDB wrote it)."""
    import pandas as pd

    from factcheck.lang.sql import group_key_sql
    from factcheck.lang.where import GroupKey
    from factcheck.load.spec import DatabaseSpec
    from factcheck.postgres import Session

    monkeypatch.setenv(ENV, basic_db)
    session = Session(DatabaseSpec(ENV, table="basic.cases"), "cases")
    try:
        key = group_key_sql(GroupKey("received", func))
        rows = session.run(f"SELECT {key} AS k, count(*) FROM basic.cases GROUP BY k")
    finally:
        session.close()
    dates = pd.to_datetime(pd.read_csv(PROJECTS / "basic" / "data" / "cases.csv")["received"])
    keys = {
        "year": dates.dt.year.astype(str),
        "quarter": dates.dt.year.astype(str) + "-Q" + dates.dt.quarter.astype(str),
        "month": dates.dt.strftime("%Y-%m"),
        "month_of_year": dates.dt.month_name(),
        "weekday": dates.dt.day_name(),
        "day": dates.dt.strftime("%Y-%m-%d"),
    }[func]
    assert {str(k): n for k, n in rows} == keys.value_counts().to_dict()
