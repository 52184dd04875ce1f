"""The benchmark's generator makes a project factcheck accepts (timings live in bench/)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_generated_project_lints(tmp_path, factcheck) -> None:
    out = tmp_path / "bench"
    command = [sys.executable, str(ROOT / "bench/generate.py"), "--rows", "2000", "--claims", "20"]
    subprocess.run([*command, "--out", str(out)], check=True, capture_output=True)
    result = factcheck("lint", "--root", out)
    assert result.exit_code == 0 and "20 claims" in result.stdout
    assert "SYNTHETIC" in (out / "data/datasets.yaml").read_text()
