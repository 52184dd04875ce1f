"""`import factcheck` (and the CLI module) stays light: no pandas, pandera, DuckDB, jinja2."""

import subprocess
import sys

HEAVY = ("pandas", "pandera", "duckdb", "jinja2", "great_expectations", "pyarrow", "numpy")


def test_cli_import_pulls_no_engine() -> None:
    code = (
        "import sys, factcheck, factcheck.cli, factcheck.report, factcheck.engines;"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_python_dash_m_works() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "factcheck" in done.stdout
