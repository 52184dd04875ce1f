"""Baseline: the benchmark claims' aggregates as hand-written DuckDB SQL over the raw file.

What an analyst would write without factcheck: `read_csv_auto`, then SQL generated
straight from the claims YAML (the `where` language is SQL syntax). No schema
validation, no phrase reading, no judging. Distinct metrics are computed once.

Modes (--mode):
  per-scan (default) one query per distinct (filter, grouping) with every aggregate asked
                     of it: the fastest variant here at every size measured
  per-metric         one query per distinct metric
  batched            one SELECT with a FILTER (WHERE ...) clause per ungrouped metric, and
                     one GROUP BY query per grouping key with a FILTER clause per metric
                     (the slowest: DuckDB evaluates every FILTER on every row)

Stores (--store): the file loaded into a DuckDB table in memory first (`memory`, the
default: CREATE TABLE t AS SELECT * FROM the file), into a table of a DuckDB database
file (`file`: stored compressed; the fastest at 10M rows and more), or read where it lies
by every query (`in-place`: a view over read_parquet / read_csv_auto), or in a
PostgreSQL table (`postgres`: the same statements translated by sqlglot from DuckDB's
dialect to PostgreSQL's and run through psycopg over `public.cases`, the URL taken from
the environment variable --url-env names; bench/pgbench.py loads the table).

Prints {claim id: {"actual": value or null, "metrics": {let name: value or groups}}};
`actual` is null for expressions that call working_days (the calendar is factcheck's).

    python bench/baseline_duckdb.py PROJECT [--mode per-metric] [--store file] [--out FILE]
    FACTCHECK_BENCH_PG=postgresql://... python bench/baseline_duckdb.py PROJECT --store postgres
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import statistics
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import yaml

AGG = {"count": "count({c})", "sum": "sum({c})", "mean": "avg({c})", "median": "median({c})",
       "min": "min({c})", "max": "max({c})", "nunique": "count(DISTINCT {c})"}  # fmt: skip
KEYS = {
    "month(received)": "strftime(received, '%Y-%m')",
    "year(received)": "year(received)",
    "quarter(received)": "year(received) || '-Q' || quarter(received)",
}
Metric = tuple[str, str | None, str | None, str | None]  # aggregate, column, where, by


def metric_key(spec: dict[str, Any]) -> Metric:
    return (spec.get("aggregate", "count"), spec.get("column"), spec.get("where"), spec.get("by"))


def aggregate_sql(metric: Metric) -> str:
    column = metric[1]
    return AGG[metric[0]].format(c=f'"{column}"' if column else "*")


def where_sql(where: str | None) -> str:
    # No `key IS NOT NULL` for grouped queries: the generated keys (received, court,
    # region) are never null, and an analyst who knows that would not compute a month's
    # strftime twice per row.
    return f" WHERE {where}" if where else ""


def per_scan(con: Any, metrics: list[Metric]) -> dict:
    """One query per distinct (where, by): all its aggregates in one SELECT."""
    scans: dict[tuple[str | None, str | None], list[Metric]] = {}
    for m in metrics:
        scans.setdefault((m[2], m[3]), []).append(m)
    values: dict[Metric, Any] = {}
    for (where, by), batch in scans.items():
        selects = ", ".join(aggregate_sql(m) for m in batch)
        if by is None:
            row = con.execute(f"SELECT {selects} FROM t{where_sql(where)}").fetchone()
            values.update(zip(batch, row, strict=True))
            continue
        key = KEYS.get(by, f'"{by}"')
        rows = con.execute(
            f"SELECT {key} AS k, {selects} FROM t{where_sql(where)} GROUP BY k"
        ).fetchall()
        for i, m in enumerate(batch):
            values[m] = {str(r[0]): r[1 + i] for r in rows}
    return values


def compute(con: Any, metrics: list[Metric], mode: str) -> dict:
    if mode == "per-scan":
        return per_scan(con, metrics)
    values: dict[Metric, Any] = {}
    scalars = [m for m in metrics if m[3] is None]
    grouped = [m for m in metrics if m[3] is not None]
    if mode == "per-metric":
        for m in scalars:
            sql = f"SELECT {aggregate_sql(m)} FROM t" + (f" WHERE {m[2]}" if m[2] else "")
            values[m] = con.execute(sql).fetchone()[0]
        for m in grouped:
            key = KEYS.get(m[3], f'"{m[3]}"')
            rows = con.execute(
                f"SELECT {key} AS k, {aggregate_sql(m)} FROM t"
                + (f" WHERE {m[2]}" if m[2] else "")
                + " GROUP BY k"
            ).fetchall()
            values[m] = {str(k): v for k, v in rows}
        return values
    if scalars:
        selects = [aggregate_sql(m) + (f" FILTER (WHERE {m[2]})" if m[2] else "") for m in scalars]
        row = con.execute(f"SELECT {', '.join(selects)} FROM t").fetchone()
        values.update(zip(scalars, row, strict=True))
    for by in sorted({m[3] for m in grouped}):
        batch = [m for m in grouped if m[3] == by]
        selects = []
        for m in batch:  # rows per group too: a group with no matching row does not exist
            clause = f" FILTER (WHERE {m[2]})" if m[2] else ""
            selects += [f"count(*){clause}", aggregate_sql(m) + clause]
        key = KEYS.get(by, f'"{by}"')
        rows = con.execute(f"SELECT {key} AS k, {', '.join(selects)} FROM t GROUP BY k").fetchall()
        for i, m in enumerate(batch):
            values[m] = {str(r[0]): r[2 + 2 * i] for r in rows if r[1 + 2 * i]}
    return values


def reduce(groups: dict[str, Any], over: str) -> Any:
    if over in ("each", "any"):
        return groups
    if over in ("argmax", "argmin"):
        pick = max if over == "argmax" else min
        return pick(groups, key=lambda k: groups[k])
    reducer = {"max": max, "min": min, "sum": sum, "mean": statistics.fmean,
               "median": statistics.median}[over]  # fmt: skip
    return reducer(groups.values())


def evaluate(expr: str, names: dict[str, Any]) -> float | None:
    """+ - * / over let values; days(); None when the expression needs working_days."""

    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return float(names[node.id])
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -walk(node.operand)
        if isinstance(node, ast.BinOp):
            left, right = walk(node.left), walk(node.right)
            ops = {ast.Add: float.__add__, ast.Sub: float.__sub__, ast.Mult: float.__mul__,
                   ast.Div: float.__truediv__}  # fmt: skip
            return ops[type(node.op)](float(left), float(right))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "days":
            start, end = (date.fromisoformat(walk(a)) for a in node.args)
            return float((end - start).days + 1)
        raise LookupError(ast.dump(node))

    try:
        return walk(ast.parse(expr, mode="eval"))
    except LookupError:
        return None


class PgConnection:
    """The hand SQL on PostgreSQL, with DuckDB's connection interface (execute, then
    fetchone or fetchall): each statement translated by sqlglot, over a temporary view
    `t` of the table. Numbers come back as DuckDB gives them (a whole numeric as int)."""

    def __init__(self, url: str, table: str) -> None:
        import psycopg

        self.conn = psycopg.connect(url, autocommit=True)
        self.conn.execute(f"CREATE TEMP VIEW t AS SELECT * FROM {table}".encode())
        self.cursor: Any = None

    def execute(self, sql: str) -> PgConnection:
        import sqlglot
        from sqlglot import exp

        def fix(node: exp.Expression) -> exp.Expression:
            # sqlglot leaves DuckDB's quarter() as is; PostgreSQL has only EXTRACT for it.
            if isinstance(node, exp.Quarter):
                return exp.Extract(this=exp.var("QUARTER"), expression=node.this)
            return node

        translated = sqlglot.parse_one(sql, read="duckdb").transform(fix).sql(dialect="postgres")
        self.cursor = self.conn.execute(translated.encode())
        return self

    def fetchone(self) -> tuple:
        return tuple(_plain(v) for v in self.cursor.fetchone())

    def fetchall(self) -> list[tuple]:
        return [tuple(_plain(v) for v in row) for row in self.cursor.fetchall()]

    def close(self) -> None:
        self.conn.close()


def _plain(value: object) -> object:
    if isinstance(value, Decimal):  # PostgreSQL's sum, avg and EXTRACT answer numeric
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def connect(data: Path, store: str, scratch: Path, url_env: str = "") -> Any:
    """Table `t` holding the file's rows: in DuckDB's memory (`memory`), in a database file
    (`file`: compressed, what factcheck's default engine does), or a view reading the file
    where it lies on every query (`in-place`)."""
    if store == "postgres":
        url = os.environ.get(url_env)
        if not url:
            raise SystemExit(f"--store postgres: environment variable {url_env} is not set")
        return PgConnection(url, "public.cases")
    reader = "read_parquet" if data.suffix == ".parquet" else "read_csv_auto"
    if store == "in-place":
        con = duckdb.connect()
        con.execute(f"CREATE VIEW t AS SELECT * FROM {reader}('{data}')")
        return con
    con = duckdb.connect(str(scratch / "t.duckdb") if store == "file" else ":memory:")
    con.execute(f"CREATE TABLE t AS SELECT * FROM {reader}('{data}')")
    return con


def main(
    project: Path, mode: str = "per-scan", store: str = "memory", url_env: str = ""
) -> dict[str, Any]:
    claims = yaml.safe_load((project / "claims/bench.yaml").read_text())["claims"]
    data = next((project / "data").glob("cases.*"), project / "data")
    with tempfile.TemporaryDirectory(prefix="bench-sql-") as scratch:
        con = connect(data, store, Path(scratch), url_env)
        try:
            return answers(con, claims, mode)
        finally:
            con.close()


def answers(con: Any, claims: list[dict], mode: str) -> dict[str, Any]:
    specs = {
        claim["id"]: claim["let"] if "let" in claim else {"value": claim["metric"]}
        for claim in claims
    }
    distinct = list(dict.fromkeys(metric_key(s) for lets in specs.values() for s in lets.values()))
    values = compute(con, distinct, mode)
    out: dict[str, Any] = {}
    for claim in claims:
        lets = {name: values[metric_key(s)] for name, s in specs[claim["id"]].items()}
        if "metric" in claim:
            over = claim["metric"].get("over", "each")
            actual = reduce(lets["value"], over) if "by" in claim["metric"] else lets["value"]
        else:
            actual = evaluate(claim["expr"], lets)
        out[claim["id"]] = {"actual": actual, "metrics": lets}
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--mode", choices=("per-scan", "per-metric", "batched"), default="per-scan")
    parser.add_argument(
        "--store", choices=("memory", "file", "in-place", "postgres"), default="memory"
    )
    parser.add_argument(
        "--url-env", default="FACTCHECK_BENCH_PG", help="--store postgres: the URL's variable"
    )
    parser.add_argument("--out", type=Path, help="write the JSON here instead of stdout")
    args = parser.parse_args()
    text = json.dumps(main(args.project, args.mode, args.store, args.url_env), default=str)
    if args.out:
        args.out.write_text(text)
    else:
        print(text)
