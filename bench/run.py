"""Benchmark factcheck against a hand-written DuckDB baseline, measured in the same run.

Each command runs as a whole process, --repeat times after one warm-up; the table shows
the median wall time, the peak resident memory of that process, and the ratio to the
baseline's median. The data is SYNTHETIC (bench/generate.py).

    python bench/run.py                 # 1,000,000 rows, 500 claims, 3 repeats
    python bench/run.py --quick         # 100,000 rows, 100 claims, 1 repeat
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
FACTCHECK = [PY, "-m", "factcheck"]

VALIDATE_ONLY = """
import sys, pandas as pd, pandera.pandas as pa
from pathlib import Path
root = Path(sys.argv[1])
schema = pa.DataFrameSchema.from_yaml(root / "schemas/cases.yaml")
schema.validate(pd.read_csv(root / "data/cases.csv"), lazy=True)
"""


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1, 3):  # factcheck exits 1 when claims fail: expected here
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}")
    return wall, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="100k rows, 100 claims, 1 repeat")
    args = parser.parse_args()
    if args.quick:
        args.rows, args.claims, args.repeat = 100_000, 100, 1
    project = HERE / "out" / f"project-{args.rows}-{args.claims}"
    if not (project / "claims/bench.yaml").exists():
        subprocess.run([PY, str(HERE / "generate.py"), "--rows", str(args.rows), "--claims",
                        str(args.claims), "--out", str(project)], check=True)  # fmt: skip
    out = Path(tempfile.mkdtemp()) / "report.json"
    check = [*FACTCHECK, "check", "--root", str(project), "--no-history", "--format", f"json:{out}"]
    commands = {
        "baseline: hand-written DuckDB SQL": [PY, str(HERE / "baseline_duckdb.py"), str(project)],
        "same SQL, one query per metric": [
            PY,
            str(HERE / "baseline_duckdb.py"),
            str(project),
            "--per-metric",
        ],
        "factcheck check (duckdb engine)": [*check, "--engine", "duckdb"],
        "factcheck check (pandas engine)": [*check, "--engine", "pandas"],
        "pandas read + pandera validation only": [PY, "-c", VALIDATE_ONLY, str(project)],
        "factcheck lint (no data scanned)": [*FACTCHECK, "lint", "--root", str(project)],
    }
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for cmd in commands.values():
        timed(cmd)  # warm-up: file cache, bytecode
    for _ in range(args.repeat):  # interleaved, so machine drift hits every command alike
        for name, cmd in commands.items():
            results[name].append(timed(cmd))
    base = statistics.median(w for w, _ in results["baseline: hand-written DuckDB SQL"])
    print(
        f"{args.rows:,} synthetic rows, {args.claims} claims, median of {args.repeat} "
        f"run(s), {os.cpu_count()} CPUs"
    )
    print(f"{'command':<42} {'wall s':>8} {'peak MB':>8} {'x baseline':>11}")
    for name, runs in results.items():
        wall = statistics.median(w for w, _ in runs)
        peak = max(m for _, m in runs)
        print(f"{name:<42} {wall:>8.2f} {peak:>8.0f} {wall / base:>11.2f}")


if __name__ == "__main__":
    main()
