"""The benchmark's generator makes a project factcheck accepts (timings live in bench/)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def test_generated_project_lints(tmp_path: Path, factcheck: Callable[..., Any]) -> None:
    out = tmp_path / "project"
    command = [sys.executable, str(ROOT / "bench/generate.py"), str(out)]
    subprocess.run([*command, "--rows", "2000", "--claims", "20"], check=True, capture_output=True)
    result = factcheck("lint", "--root", out)
    assert result.exit_code == 0, result.output
    assert "20 claims" in result.stdout
    assert "SYNTHETIC" in (out / "data/datasets.yaml").read_text()
    assert "kind: synthetic" in (out / "data/datasets.yaml").read_text()
    assert (out / "README.md").read_text().startswith("<!-- SYNTHETIC")


def test_matrix_shares_rows_and_claims(tmp_path: Path) -> None:
    """--matrix: one table for every format and claim count; the CSV is what pandas'
    to_csv writes; N claims are the first N of the longer list (the run compares them)."""
    import pandas as pd
    import yaml

    command = [sys.executable, str(ROOT / "bench/generate.py"), str(tmp_path), "--rows", "3000"]
    command += ["--claims", "5,12", "--matrix", "csv,parquet"]
    subprocess.run(command, check=True, capture_output=True)
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import make_cases
    finally:
        sys.path.pop(0)
    cases = make_cases(3000)
    expected_csv = cases.to_csv(index=False, date_format="%Y-%m-%d")
    assert (tmp_path / "project-3000-5-csv/data/cases.csv").read_text() == expected_csv
    parquet = pd.read_parquet(tmp_path / "project-3000-12-parquet/data/cases.parquet")
    pd.testing.assert_frame_equal(parquet.astype(str), cases.astype(str))  # units differ

    def claims(name: str) -> list[Any]:
        return yaml.safe_load((tmp_path / name / "claims/bench.yaml").read_text())["claims"]

    assert len(claims("project-3000-12-csv")) == 12
    assert claims("project-3000-5-parquet") == claims("project-3000-12-csv")[:5]
