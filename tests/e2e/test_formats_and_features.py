"""Every aggregate, filter and `over` mode, read from each data format, on both engines."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from tests.conftest import PROJECTS

EXPECTED = {
    "sum_years": 26.5,
    "median_years": 2.5,
    "min_years": 1.0,
    "max_years": 6.0,
    "courts": 4,
    "with_outcome": 10,
    "undecided": 2,
    "other_articles": 4,
    "kazan": 3,
    "outside_band": 5,
    "busiest_month_count": 4,
    "quietest_month_count": 2,
    "mean_month": 3,
    "median_month": 3,
    "sum_months": 12,
    "busiest_month": "2025-04",
    "quietest_month": "2025-01",
    "by_year": {"2025": 12},
    "by_quarter_any": {"2025-Q1": 8, "2025-Q2": 4},
    "first_day": {"2025-01-10": 1},
}


def write(frame: pd.DataFrame, path: Path) -> None:
    suffix = path.suffix
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    elif suffix == ".parquet":
        frame.assign(received=pd.to_datetime(frame["received"])).to_parquet(path)
    elif suffix == ".xlsx":
        frame.to_excel(path, index=False)
    elif suffix == ".json":
        frame.to_json(path, orient="records")
    else:
        frame.to_json(path, orient="records", lines=True)


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".xlsx", ".json", ".jsonl"])
@pytest.mark.parametrize("engine", ["duckdb", "pandas"])
def test_every_feature_in_every_format(tmp_path, factcheck, suffix: str, engine: str) -> None:
    root = tmp_path / "features"
    shutil.copytree(PROJECTS / "features", root)
    (root / "data").mkdir()
    (root / "schemas").mkdir()
    shutil.copy(PROJECTS / "basic/schemas/cases.py", root / "schemas/cases.py")
    write(pd.read_csv(PROJECTS / "basic/data/cases.csv"), root / f"data/cases{suffix}")
    (root / "data/datasets.yaml").write_text(
        f"datasets:\n  cases:\n    path: cases{suffix}\n    schema: cases\n"
        "    provenance: {kind: synthetic}\n"
    )
    result = factcheck("check", "--root", root, "--format", "json", "--engine", engine)
    report = json.loads(result.stdout)
    claims = {c["id"]: c for c in report["claims"]}
    for claim_id, actual in EXPECTED.items():
        assert claims[claim_id]["actual"] == actual, (claim_id, claims[claim_id]["explanation"])
        assert claims[claim_id]["verdict"] == "pass", (claim_id, claims[claim_id]["explanation"])
    assert result.exit_code == 0
