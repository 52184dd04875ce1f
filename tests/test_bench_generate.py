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
