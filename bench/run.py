"""Benchmark factcheck against a hand-written DuckDB baseline measured in the same run.

Each command runs as a whole process: one warm-up, then --repeat rounds, interleaved so
that machine drift hits every command alike. The table shows the median wall time, the
peak resident memory (max RSS of the process, from wait4) and the ratio to the
baseline's median. The data is SYNTHETIC (bench/generate.py).

Afterwards the figures are cross-checked: every metric factcheck computed (both engines)
must equal the baseline's, and factcheck's verdicts are compared with the verdicts the
generator wrote each claim to get. A mismatch makes the script exit 1 (after the table).

    python bench/run.py                 # 1,000,000 rows, 500 claims, median of 3
    python bench/run.py --quick         # 100,000 rows, 100 claims, 1 round (CI smoke)
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PY = sys.executable
_SCRIPT = Path(PY).with_name("factcheck")
FACTCHECK = [str(_SCRIPT)] if _SCRIPT.exists() else [PY, "-m", "factcheck"]
BASELINE = "baseline: DuckDB SQL, batched FILTER"
PER_METRIC = "DuckDB SQL, one query per metric"

VALIDATE_ONLY = """
import sys
from pathlib import Path
import pandas as pd
import pandera.pandas as pa
root = Path(sys.argv[1])
schema = pa.DataFrameSchema.from_yaml(root / "schemas/cases.yaml")
schema.validate(pd.read_csv(next((root / "data").glob("cases.*"))), lazy=True)
"""

PHASES = """
import json, sys
from pathlib import Path
from factcheck.run import Options, run_check
outcome = run_check(Options(root=Path(sys.argv[1]), engine=sys.argv[2] or None))
print(json.dumps(outcome.timings))
"""


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # factcheck exits 1 when a claim fails: expected here
        raise SystemExit(f"{' '.join(cmd)} exited {code}:\n{err.decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024  # Linux reports KiB


def ensure_project(rows: int, claims: int) -> Path:
    project = HERE / "out" / f"project-{rows}-{claims}"
    made = project / "claims/bench.yaml"
    if not made.exists() or made.stat().st_mtime < (HERE / "generate.py").stat().st_mtime:
        subprocess.run(
            [PY, str(HERE / "generate.py"), str(project), "--rows", str(rows),
             "--claims", str(claims)],
            check=True,
        )  # fmt: skip
    return project


def same(x: Any, y: Any) -> bool:
    if isinstance(x, dict) or isinstance(y, dict):
        return (
            isinstance(x, dict)
            and isinstance(y, dict)
            and x.keys() == y.keys()
            and all(same(x[k], y[k]) for k in x)
        )
    if isinstance(x, int | float) and isinstance(y, int | float):
        return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)
    return str(x) == str(y)


def cross_check(report: dict[str, Any], baseline: dict[str, Any], label: str) -> list[str]:
    """Every metric (and every actual the baseline can compute) must equal the baseline's."""
    wrong, compared = [], 0
    for claim in report["claims"]:
        base = baseline[claim["id"]]
        if claim["verdict"] == "error":
            wrong.append(f"{label}: {claim['id']} is error: {claim['explanation']}")
            continue
        if base["actual"] is not None:
            compared += 1
            if not same(claim["actual"], base["actual"]):
                wrong.append(f"{label}: {claim['id']} actual {claim['actual']} != {base['actual']}")
        for metric in (claim.get("computation") or {}).get("metrics", []):
            compared += 1
            value = metric["groups"] if metric.get("groups") is not None else metric["value"]
            if not same(value, base["metrics"][metric["name"]]):
                wrong.append(f"{label}: {claim['id']}.{metric['name']} {str(value)[:80]}")
    print(f"{label}: {compared} figures compared with the baseline's, {len(wrong)} differ")
    return wrong


def phase_timings(report: dict[str, Any], project: Path, engine: str) -> dict[str, float]:
    if isinstance(report.get("timings"), dict):
        return report["timings"]
    try:  # not in the JSON report (yet): ask the Python API once
        done = subprocess.run(
            [PY, "-c", PHASES, str(project), engine], capture_output=True, text=True, check=True
        )
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (subprocess.CalledProcessError, ValueError, IndexError):
        return {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="100k rows, 100 claims, 1 round")
    args = parser.parse_args()
    if args.quick:
        args.rows, args.claims, args.repeat = 100_000, 100, 1
    project = ensure_project(args.rows, args.claims)
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    check = [*FACTCHECK, "check", "--root", str(project), "--no-history"]
    baseline = [PY, str(HERE / "baseline_duckdb.py"), str(project)]
    commands = {
        BASELINE: [*baseline, "--out", str(tmp / "baseline.json")],
        PER_METRIC: [*baseline, "--per-metric", "--out",
                                             str(tmp / "per-metric.json")],
        "factcheck check (default engine)": [*check, "--format", f"json:{tmp / 'default.json'}"],
        "factcheck check --engine pandas": [*check, "--engine", "pandas", "--format",
                                            f"json:{tmp / 'pandas.json'}"],
        "pandas read_csv + pandera validate only": [PY, "-c", VALIDATE_ONLY, str(project)],
        "factcheck lint (no data read)": [*FACTCHECK, "lint", "--root", str(project)],
    }  # fmt: skip
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for cmd in commands.values():
        timed(cmd)  # warm-up: file cache, bytecode
    for _ in range(args.repeat):
        for name, cmd in commands.items():
            results[name].append(timed(cmd))

    base = statistics.median(w for w, _ in results[BASELINE])
    fastest = min(base, statistics.median(w for w, _ in results[PER_METRIC]))
    print(
        f"\n{datetime.date.today()}: {args.rows:,} SYNTHETIC rows, {args.claims} claims, "
        f"median of {args.repeat} round(s), {os.cpu_count()} CPUs\n"
    )
    print(
        f"| {'command':<42} | {'wall s':>7} | {'peak MB':>7} | {'x baseline':>10} "
        f"| {'x fastest SQL':>13} |"
    )
    print(f"|{'-' * 44}|{'-' * 8}:|{'-' * 8}:|{'-' * 11}:|{'-' * 14}:|")
    for name, runs in results.items():
        wall = statistics.median(w for w, _ in runs)
        peak = max(m for _, m in runs)
        print(
            f"| {name:<42} | {wall:>7.2f} | {peak:>7.0f} | {wall / base:>10.2f} "
            f"| {wall / fastest:>13.2f} |"
        )

    reports = {e: json.loads((tmp / f"{e}.json").read_text()) for e in ("default", "pandas")}
    print(f"\ndefault engine: {reports['default'].get('engine')}")
    for engine, report in reports.items():
        phases = phase_timings(report, project, "" if engine == "default" else engine)
        text = ", ".join(f"{k} {v:.2f} s" for k, v in phases.items()) or "not available"
        print(f"phases ({engine}): {text}")

    wrong: list[str] = []
    base_values = json.loads((tmp / "baseline.json").read_text())
    if not same(base_values, json.loads((tmp / "per-metric.json").read_text())):
        wrong.append("the two baseline modes disagree")
    for engine, report in reports.items():
        wrong += cross_check(report, base_values, engine)
    expected_file = project.with_name(project.name + ".expected.json")
    if expected_file.exists():
        expected = json.loads(expected_file.read_text())
        for engine, report in reports.items():
            got = Counter(c["verdict"] for c in report["claims"])
            off = [c for c in report["claims"] if c["verdict"] != expected[c["id"]]["verdict"]]
            print(f"verdicts ({engine}): {dict(got)}; {len(off)} differ from the generator's")
            wrong += [
                f"{engine}: {c['id']} {c['claim']!r} is {c['verdict']}, generator expected "
                f"{expected[c['id']]['verdict']}: {c['explanation']}"
                for c in off
            ]
    if wrong:
        print("\nMISMATCHES:\n  " + "\n  ".join(wrong[:40]))
        sys.exit(1)


if __name__ == "__main__":
    main()
