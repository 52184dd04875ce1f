"""The benchmark's PostgreSQL pieces (bench/pgbench.py, baseline_duckdb.py --store postgres)
against the tests' real server, on a small SYNTHETIC generated project. Timings live in
bench/; this checks that what the bench measures is the right thing."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from tests.postgres.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench() -> Iterator[dict[str, ModuleType]]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import baseline_duckdb
        import pgbench
        import run
    finally:
        sys.path.pop(0)
    yield {"pgbench": pgbench, "baseline": baseline_duckdb, "run": run}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bench") / "project"
    command = [sys.executable, str(ROOT / "bench/generate.py"), str(out), "--rows", "3000"]
    subprocess.run([*command, "--claims", "40", "--parquet"], check=True, capture_output=True)
    return out


def test_project_copy_names_the_table_and_no_url(
    bench: dict[str, ModuleType], project: Path, tmp_path: Path
) -> None:
    import yaml

    pgbench = bench["pgbench"]
    copy = pgbench.project_copy(project, tmp_path / "copy")
    catalog = yaml.safe_load((copy / "data/datasets.yaml").read_text())["datasets"]["cases"]
    assert catalog["database"] == {"url_env": pgbench.URL_ENV, "table": "public.cases"}
    assert "path" not in catalog and catalog["schema"] == "cases"
    assert not list((copy / "data").glob("cases.*"))  # the rows are only in the table
    assert (copy / "schemas/cases.yaml").read_text() == (project / "schemas/cases.yaml").read_text()
    text = "".join(p.read_text() for p in copy.rglob("*") if p.is_file())
    assert "postgresql://" not in text and pgbench.PASSWORD not in text


def test_copy_refuses_a_catalog_it_cannot_rewrite(
    bench: dict[str, ModuleType], project: Path, tmp_path: Path
) -> None:
    odd = tmp_path / "odd"
    subprocess.run(["cp", "-r", str(project), str(odd)], check=True)
    catalog = odd / "data/datasets.yaml"
    catalog.write_text(catalog.read_text().replace("path: cases.", "path:  cases."))
    with pytest.raises(ValueError, match="expected one 'path: cases"):
        bench["pgbench"].project_copy(odd, tmp_path / "copy")


def test_hand_sql_in_postgres_equals_duckdb(
    bench: dict[str, ModuleType], project: Path, pg_url: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The rows loaded into the table are the file's, and the per-scan hand SQL run in
    PostgreSQL gives every figure DuckDB's gives on the file (relative 1e-9)."""
    import pandas as pd
    import psycopg

    pgbench, baseline = bench["pgbench"], bench["baseline"]
    pgbench.load_table(pg_url, project / "data/cases.parquet", tmp_path)
    frame = pd.read_parquet(project / "data/cases.parquet")
    with psycopg.connect(pg_url) as conn:
        count, nulls, total = conn.execute(
            "SELECT count(*), count(*) - count(outcome), sum(sentence_years) FROM public.cases"
        ).fetchone()
    assert count == len(frame) and nulls == frame["outcome"].isna().sum()
    assert total == pytest.approx(frame["sentence_years"].sum(), rel=1e-12)
    monkeypatch.setenv("BENCH_TEST_PG", pg_url)
    in_pg = baseline.main(project, "per-scan", "postgres", "BENCH_TEST_PG")
    in_duckdb = baseline.main(project, "per-scan", "memory")
    assert in_pg.keys() == in_duckdb.keys()
    differ = [k for k in in_pg if not bench["run"].same(in_pg[k], in_duckdb[k])]
    assert not differ, [(k, in_pg[k], in_duckdb[k]) for k in differ[:3]]
    assert PASSWORD in pg_url  # the fixture's URL carries the password; the copy must not


def test_server_meter_sees_the_backends_cpu(bench: dict[str, ModuleType]) -> None:
    """A query's CPU is spent in a backend process, not in the client: the meter finds it."""
    import psycopg

    server = bench["pgbench"].pgserver().start("meter-pw")
    try:
        meter = bench["pgbench"].ServerMeter(server.postmaster_pid())
        with psycopg.connect(server.url) as conn:
            conn.execute("SELECT count(DISTINCT md5(g::text)) FROM generate_series(1, 300000) g")
        usage = meter.stop()
    finally:
        server.stop()
    assert usage.cpu > 0.1
    assert usage.peak_mb > 1
