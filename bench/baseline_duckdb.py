"""Baseline: the same aggregates as the benchmark's claims, as hand-written DuckDB SQL.

One SELECT with a FILTER clause per ungrouped metric, one GROUP BY query per grouped
metric, straight over the CSV; no validation, no judging. Prints {claim id: value}.

    python bench/baseline_duckdb.py bench/out/project > baseline.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb

AGG = {"count": "count({c})", "sum": "sum({c})", "mean": "avg({c})", "median": "median({c})",
       "min": "min({c})", "max": "max({c})", "nunique": "count(DISTINCT {c})"}  # fmt: skip
KEYS = {"month(received)": "strftime(received, '%Y-%m')", "court": "court"}


def aggregate(metric: dict) -> str:
    column = metric.get("column")
    return AGG[metric.get("aggregate", "count")].format(c=f'"{column}"' if column else "*")


def main(project: Path, per_metric: bool = False) -> dict[str, object]:
    claims = json.loads((project / "claims/bench.yaml").read_text())["claims"]
    data = next((project / "data").glob("cases.*"))
    reader = f"read_parquet('{data}')" if data.suffix == ".parquet" else f"read_csv_auto('{data}')"
    con = duckdb.connect()
    con.execute(f"CREATE TABLE t AS SELECT * FROM {reader}")
    scalar, grouped = [], []
    for claim in claims:
        metric = claim.get("metric") or claim["let"]["cases"]
        (grouped if "by" in metric else scalar).append((claim["id"], metric))
    if per_metric:  # the design notes found separate queries faster than FILTER clauses
        row = tuple(
            con.execute(f"SELECT {aggregate(m)} FROM t WHERE {m['where']}").fetchone()[0]
            for _, m in scalar
        )
    else:
        selects = [f"{aggregate(m)} FILTER (WHERE {m['where']})" for _, m in scalar]
        row = con.execute(f"SELECT {', '.join(selects)} FROM t").fetchone()
    out: dict[str, object] = {cid: value for (cid, _), value in zip(scalar, row, strict=True)}
    for cid, m in grouped:
        key = KEYS[m["by"]]
        rows = con.execute(
            f"SELECT {key} AS k, {aggregate(m)} FROM t WHERE {m['where']} GROUP BY k ORDER BY k"
        ).fetchall()
        out[cid] = {str(k): v for k, v in rows}
    return out


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), "--per-metric" in sys.argv), default=str))
