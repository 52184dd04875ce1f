"""Generate a SYNTHETIC benchmark project: a court-registry-like case table and N claims.

Every row is invented (seeded RNG) and labelled synthetic in the catalog; it is for
timing factcheck, never evidence of anything.

    python bench/generate.py --rows 1000000 --claims 500 --out bench/out/project
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd

COURTS = [f"Garrison court {i:02d}" for i in range(1, 41)]
REGIONS = ["Central", "North-West", "South", "North Caucasus", "Volga", "Urals", "Siberia",
           "Far East"]  # fmt: skip
START, END = np.datetime64("2022-09-21"), np.datetime64("2025-05-31")


def make_cases(rows: int, seed: int = 20250626) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    span = int((END - START).astype(int))
    received = START + rng.integers(0, span, rows).astype("timedelta64[D]")
    outcome = rng.choice(
        ["convicted", "acquitted", "returned", ""], rows, p=[0.8, 0.02, 0.05, 0.13]
    )
    delay = rng.integers(20, 300, rows).astype("timedelta64[D]")
    verdict = np.where(outcome == "", np.datetime64("NaT"), received + delay)
    sentence = np.where(outcome == "convicted", np.round(rng.gamma(2.2, 1.3, rows), 1), np.nan)
    return pd.DataFrame({
        "case_id": [f"C{i:08d}" for i in range(rows)],
        "court": rng.choice(COURTS, rows),
        "article": rng.choice([332, 337, 338], rows, p=[0.05, 0.9, 0.05]),
        "region": rng.choice(REGIONS, rows),
        "received": received,
        "verdict_date": verdict,
        "outcome": pd.Series(outcome).replace("", None),
        "sentence_years": sentence,
    })  # fmt: skip


SCHEMA = """\
schema_type: dataframe
version: 0.35.0
columns:
  case_id: {dtype: str, nullable: false, unique: true}
  court: {dtype: str, nullable: false}
  article: {dtype: int64, nullable: false, checks: {isin: [332, 337, 338]}}
  region: {dtype: str, nullable: false}
  received:
    dtype: 'datetime64[ns]'
    nullable: false
    checks: {in_range: {min_value: '2022-09-21', max_value: '2025-05-31'}}
  verdict_date: {dtype: 'datetime64[ns]', nullable: true}
  outcome: {dtype: str, nullable: true, checks: {isin: [convicted, acquitted, returned]}}
  sentence_years: {dtype: float64, nullable: true, checks: {greater_than_or_equal_to: 0}}
coerce: true
strict: true
"""

PHRASES = ["over {n}", "around {n}", "{n}", "under {n}", "between {lo} and {hi}", "at least {n}"]


def months(rng: np.random.Generator) -> tuple[str, str]:
    first = pd.Timestamp("2022-10-01") + pd.DateOffset(months=int(rng.integers(0, 30)))
    last = first + pd.DateOffset(months=int(rng.integers(1, 6))) - pd.DateOffset(days=1)
    return first.strftime("%Y-%m-%d"), last.strftime("%Y-%m-%d")


def make_claims(count: int, rows: int, seed: int = 7) -> list[dict]:
    """Claims over varied filters, so nearly every metric is distinct (the hard case)."""
    rng = np.random.default_rng(seed)
    scale = rows / 1_000_000
    claims = []
    for i in range(count):
        court = COURTS[i % len(COURTS)]
        region = REGIONS[i % len(REGIONS)]
        d1, d2 = months(rng)
        n = max(1, int(rng.integers(50, 30_000) * scale))
        phrase = PHRASES[i % len(PHRASES)].format(n=f"{n:,}", lo=f"{n // 2:,}", hi=f"{n * 2:,}")
        kind = i % 10
        claim: dict = {"id": f"c{i:04d}", "quote": f"synthetic claim {i}", "claim": phrase}
        if kind == 0:
            claim["metric"] = {"dataset": "cases", "where": f"court = '{court}' and article = 337"}
        elif kind == 1:
            claim["metric"] = {"dataset": "cases", "where": f"received between '{d1}' and '{d2}'"}
        elif kind == 2:
            claim["metric"] = {
                "dataset": "cases",
                "aggregate": "sum",
                "column": "sentence_years",
                "where": f"court = '{court}' and received >= '{d1}'",
            }
        elif kind == 3:
            claim["claim"] = f"about {rng.uniform(2, 4):.1f}"
            claim["metric"] = {
                "dataset": "cases",
                "aggregate": "mean",
                "column": "sentence_years",
                "where": f"region = '{region}' and outcome = 'convicted' and received <= '{d2}'",
            }
        elif kind == 4:
            claim["claim"] = f"{rng.uniform(2, 4):.1f}"
            claim["metric"] = {
                "dataset": "cases",
                "aggregate": "median",
                "column": "sentence_years",
                "where": f"article in (332, 338) and court = '{court}'",
            }
        elif kind == 5:
            claim["claim"] = f"at most {int(rng.integers(10, 25))}"
            claim["metric"] = {
                "dataset": "cases",
                "aggregate": "max",
                "column": "sentence_years",
                "where": f"region = '{region}' and received < '{d2}'",
            }
        elif kind == 6:
            claim["claim"] = "40"
            claim["metric"] = {
                "dataset": "cases",
                "aggregate": "nunique",
                "column": "court",
                "where": f"received between '{d1}' and '{d2}'",
            }
        elif kind == 7:
            claim["claim"] = f"over {max(1, int(n / 30)):,}"
            claim["metric"] = {
                "dataset": "cases",
                "by": "month(received)",
                "over": "each",
                "where": f"court = '{court}' and outcome is not null",
            }
        elif kind == 8:
            claim["claim"] = f"'{COURTS[int(rng.integers(0, len(COURTS)))]}'"
            claim["metric"] = {
                "dataset": "cases",
                "by": "court",
                "over": "argmax",
                "where": f"received between '{d1}' and '{d2}'",
            }
        else:
            claim["claim"] = f"around {max(1, int(n / 20)):,}"
            claim["expr"] = f"cases / working_days('RU', '{d1}', '{d2}')"
            claim["let"] = {
                "cases": {
                    "dataset": "cases",
                    "where": f"received between '{d1}' and '{d2}' and region = '{region}'",
                }
            }
        claims.append(claim)
    return claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--out", type=Path, default=Path("bench/out/project"))
    parser.add_argument("--parquet", action="store_true", help="write the data as parquet")
    args = parser.parse_args()
    out: Path = args.out
    for folder in ("claims", "data", "schemas"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    cases = make_cases(args.rows)
    name = "cases.parquet" if args.parquet else "cases.csv"
    if args.parquet:
        cases.to_parquet(out / "data" / name, index=False)
    else:
        cases.to_csv(out / "data" / name, index=False, date_format="%Y-%m-%d")
    (out / "schemas/cases.yaml").write_text(SCHEMA)
    (out / "data/datasets.yaml").write_text(
        "datasets:\n  cases:\n"
        f"    path: {name}\n    schema: cases\n"
        "    description: SYNTHETIC court-registry-like cases for benchmarking; not evidence\n"
        "    provenance: {kind: synthetic, publisher: factcheck bench/generate.py}\n"
    )
    claims = make_claims(args.claims, args.rows)
    document = {"source": {"title": "Synthetic benchmark article"}, "claims": claims}
    # JSON is valid YAML; it keeps the generator free of a YAML writer.
    (out / "claims/bench.yaml").write_text(json.dumps(document, indent=1))
    print(f"wrote {args.rows:,} synthetic rows and {len(claims)} claims to {out}")


if __name__ == "__main__":
    main()
