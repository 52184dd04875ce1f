"""`import factcheck` (and the CLI module) stays light: no pandas, pandera, DuckDB, jinja2."""

import subprocess
import sys
from pathlib import Path

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


# Nothing the bundled check's default run uses (default engine, text report): test and
# browser tooling that pandera would pull in (hypothesis imports pytest and trio), the
# optional engines and databases, the HTML templates, and `holidays` once the per-user
# cache holds the calendars. pandas, pandera and DuckDB are needed: the bundled schemas
# include Python modules with dataframe-wide checks, which run in pandera's pandas backend.
NOT_IN_THE_CHECK = (
    "hypothesis", "pytest", "trio", "jinja2", "rich", "sqlglot", "psycopg",
    "great_expectations", "pyspark", "selenium", "openpyxl", "matplotlib", "holidays",
)  # fmt: skip
_MODULES_AT_EXIT = """
import atexit, sys
out = sys.argv.pop(1)
def dump():
    with open(out, "w") as handle:
        handle.write(" ".join(n for n, m in list(sys.modules.items()) if m is not None))
atexit.register(dump)
from factcheck.cli import main
main()
"""


def test_the_bundled_check_imports_only_what_it_uses(tmp_path: Path) -> None:
    import os

    root = Path(__file__).resolve().parent.parent
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    env["FACTCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    out = tmp_path / "modules.txt"
    argv = [sys.executable, "-c", _MODULES_AT_EXIT, str(out), "check", "--no-history"]
    for _ in range(2):  # the first run fills the per-user cache, as on a machine's first run
        done = subprocess.run(
            [*argv, "--root", str(root)], capture_output=True, text=True, env=env, check=False
        )
        assert done.returncode == 0, done.stderr[-2000:]
    imported = {name.split(".")[0] for name in out.read_text().split()}
    assert {"pandera", "duckdb", "factcheck"} <= imported  # the run did validate and compute
    assert sorted(imported & set(NOT_IN_THE_CHECK)) == []
