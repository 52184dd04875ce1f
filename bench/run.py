"""Benchmark factcheck against hand-written DuckDB SQL measured in the same run.

For every cell of the matrix (rows x claims x format) each command runs as a whole
process: one warm-up round (file cache, bytecode; --no-warmup skips it), then
--repeat rounds interleaved so machine drift hits every command alike. The tables show
the median wall time, the median CPU time (user + system of the process and the children
it waited for: steadier than wall time on a shared machine), the peak resident memory
(max RSS, from wait4) and the ratios of wall and of CPU time to the fastest hand-written
SQL of the same cell (the variant with the least wall time, and with the least CPU
time). The data is SYNTHETIC (bench/generate.py).

`--tools postgres` starts a throwaway PostgreSQL server per cell (tests/pgserver.py, as
the tests do), loads the cell's rows into `public.cases` (untimed; its seconds are
printed and saved apart), and times factcheck on a copy of the project whose dataset is
that table, and the per-scan hand SQL run in PostgreSQL. Their CPU is the client's
(wait4) plus the server's (bench/pgbench.py reads it from /proc).

Afterwards every factcheck report is cross-checked: each figure must equal the hand SQL's,
and each verdict must be the one the generator wrote the claim to get. A mismatch makes
the script exit 1 (after the tables). Every measured row is also appended as JSON to
bench/out/results.jsonl, with the machine's load average.

    python bench/run.py --quick                  # 100,000 rows, 100 claims, CSV, 1 round
    python bench/run.py --rows 1000000 --claims 200,1000 --formats parquet,csv
    python bench/run.py --rows 10000000 --claims 1000 --formats parquet --repeat 1 \\
        --tools sql,factcheck --timeout 900
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PY = sys.executable
_SCRIPT = Path(PY).with_name("factcheck")
FACTCHECK = [str(_SCRIPT)] if _SCRIPT.exists() else [PY, "-m", "factcheck"]
SQL_MODES = {
    "per-scan": "hand SQL: one query per (filter, grouping)",
    "per-metric": "hand SQL: one query per metric",
    "batched": "hand SQL: one FILTER query per grouping",
}
# Where the hand SQL keeps the rows (baseline_duckdb.py --store); a variant is MODE or
# MODE@STORE, memory being the default.
SQL_STORES = {
    "memory": "",
    "file": ", table in a database file",
    "in-place": ", reading the file in place",
    "postgres": ", table in PostgreSQL",
}
PG_SQL = "per-scan@postgres"  # the hand SQL run in PostgreSQL with --tools postgres
PG_CHECK = "factcheck check (default engine), table in PostgreSQL"
ENGINES = {
    "factcheck": None,  # the default engine (DuckDB, reading the file where it lies)
    "pandas": "pandas",
    "gx": "gx",
    "spark": "spark",
}
DEFAULT_TOOLS = "sql,factcheck,pandas"


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float
    server_cpu: float = 0.0  # a PostgreSQL command's server side (backends, workers)
    server_peak_mb: float = 0.0


class TimedOut(Exception):
    pass


# Every command runs under this small parent: a child subreaper (prctl 36) that waits for
# every process the command leaves behind, so wait4's figures include them. Without it
# `--engine spark` measured 1.5 s of CPU for a 2-minute run: pyspark does not wait for
# the JVM it starts, and a process nobody waits for is in no one's rusage.
REAPER = """
import ctypes, os, subprocess, sys
ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)
code = subprocess.call(sys.argv[1:])
while True:
    try:
        os.wait()
    except ChildProcessError:
        break
sys.exit(code)
"""


def timed(cmd: list[str], timeout: float | None) -> Run:
    """Wall and CPU seconds and peak RSS (MB) of one whole process and every process it
    started (the peak is that of the largest single process). It runs in its own process
    group, so a timeout ends it and whatever it started."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [PY, "-S", "-c", REAPER, *cmd],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    assert proc.stderr is not None
    timer = threading.Timer(timeout or 1e9, os.killpg, (proc.pid, signal.SIGKILL))
    timer.start()
    err = proc.stderr.read()
    # wait4, not Popen.wait: it gives the rusage (CPU of the process and of the children
    # it waited for; ru_maxrss in KiB on Linux, the largest of them).
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    timer.cancel()
    wall = time.perf_counter() - start
    if proc.returncode == -signal.SIGKILL:
        raise TimedOut
    if proc.returncode not in (0, 1):  # factcheck exits 1 when a claim fails: expected here
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n{err.decode()[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def ensure_projects(base: Path, rows: int, counts: list[int], formats: list[str]) -> None:
    """Generate the projects that are missing (delete bench/out to regenerate)."""
    missing = [
        (c, f)
        for c in counts
        for f in formats
        if not (project_dir(base, rows, c, f) / "claims/bench.yaml").exists()
    ]
    if missing:
        subprocess.run(
            [PY, str(HERE / "generate.py"), str(base), "--rows", str(rows), "--claims",
             ",".join(map(str, counts)), "--matrix", ",".join(formats)],
            check=True,
        )  # fmt: skip


def project_dir(base: Path, rows: int, claims: int, fmt: str) -> Path:
    return base / f"project-{rows}-{claims}-{fmt}"


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
    print(f"  {label}: {compared} figures compared with the hand SQL's, {len(wrong)} differ")
    return wrong


def verdict_check(report: dict[str, Any], project: Path, label: str) -> list[str]:
    expected_file = project.with_name(project.name + ".expected.json")
    if not expected_file.exists():
        return []
    expected = json.loads(expected_file.read_text())
    got = Counter(c["verdict"] for c in report["claims"])
    off = [c for c in report["claims"] if c["verdict"] != expected[c["id"]]["verdict"]]
    print(f"  verdicts ({label}): {dict(got)}; {len(off)} differ from the generator's")
    return [
        f"{label}: {c['id']} {c['claim']!r} is {c['verdict']}, generator expected "
        f"{expected[c['id']]['verdict']}: {c['explanation']}"
        for c in off
    ]


def commands(
    project: Path, tmp: Path, tools: list[str], sql_modes: list[str], pg_project: Path | None
) -> dict:
    cmds: dict[str, tuple[list[str], Path | None]] = {}
    variants = sql_modes if "sql" in tools else []
    if pg_project is not None:
        variants = [*variants, PG_SQL]
    if variants:
        for variant in variants:
            mode, _, store = variant.partition("@")
            store = store or "memory"
            if store == "in-place" and not (project / "data/cases.parquet").exists():
                continue  # a CSV read in place is parsed again by every query
            out = tmp / f"sql-{mode}-{store}.json"
            cmd = [PY, str(HERE / "baseline_duckdb.py"), str(project), "--mode", mode]
            label = SQL_MODES[mode] + SQL_STORES[store]
            cmds[label] = ([*cmd, "--store", store, "--out", str(out)], out)
    check = [*FACTCHECK, "check", "--root", str(project), "--no-history"]
    for tool, engine in ENGINES.items():
        if tool in tools:
            out = tmp / f"{tool}.json"
            flag = ["--engine", engine] if engine else []
            label = "factcheck check" + (f" --engine {engine}" if engine else " (default engine)")
            cmds[label] = ([*check, *flag, "--format", f"json:{out}"], out)
    if pg_project is not None:
        out = tmp / "postgres.json"
        cmd = [*FACTCHECK, "check", "--root", str(pg_project), "--no-history"]
        cmds[PG_CHECK] = ([*cmd, "--format", f"json:{out}"], out)
    return cmds


def in_postgres(name: str) -> bool:
    return name.endswith(SQL_STORES["postgres"])


def measure(cmd: list[str], timeout: float | None, pg: Any) -> Run:
    """timed(), plus the server's share when the command runs in PostgreSQL (pg)."""
    if pg is None:
        return timed(cmd, timeout)
    meter = pg.meter()
    try:
        run = timed(cmd, timeout)
    finally:
        usage = meter.stop()
    run.server_cpu, run.server_peak_mb = usage.cpu, usage.peak_mb
    return run


def run_cell(
    project: Path, args: argparse.Namespace, tools: list[str], rows: int
) -> tuple[list[dict[str, Any]], list[str]]:
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    pg = None
    if "postgres" in tools:
        sys.path.insert(0, str(HERE))
        from pgbench import Postgres

        print("  loading the rows into PostgreSQL (untimed) ...", flush=True)
        pg = Postgres(project)
        print(f"  loaded in {pg.load_seconds:.1f} s", flush=True)
    try:
        return measure_cell(project, args, tools, rows, tmp, pg)
    finally:
        if pg is not None:
            pg.close()


def measure_cell(
    project: Path, args: argparse.Namespace, tools: list[str], rows: int, tmp: Path, pg: Any
) -> tuple[list[dict[str, Any]], list[str]]:
    cmds = commands(project, tmp, tools, args.sql, pg and pg.project)
    capped = {
        name
        for name in cmds
        if ("pandas" in name or "gx" in name)
        and rows > args.max_rows_pandas
        or "spark" in name
        and rows > args.max_rows_spark
    }
    runs: dict[str, list[Run]] = {name: [] for name in cmds}
    skipped: dict[str, str] = {name: "not run: above the row cap (--max-rows-*)" for name in capped}
    load = [os.getloadavg()[0]]
    rounds = args.repeat + (1 if args.warmup else 0)
    for i in range(rounds):
        for name, (cmd, _) in cmds.items():
            if name in skipped:
                continue
            try:
                run = measure(cmd, args.timeout, pg if in_postgres(name) else None)
            except TimedOut:
                skipped[name] = f"not run: > {args.timeout / 60:.0f} min (stopped)"
                continue
            if i or rounds == args.repeat:  # the first of more rounds is the warm-up
                runs[name].append(run)
            load.append(os.getloadavg()[0])
    hand = [rs for n, rs in runs.items() if n.startswith("hand") and rs and not in_postgres(n)]
    fastest = min((statistics.median(r.wall for r in rs) for rs in hand), default=math.nan)
    fastest_cpu = min((statistics.median(r.cpu for r in rs) for rs in hand), default=math.nan)
    pg_hand = runs.get(SQL_MODES["per-scan"] + SQL_STORES["postgres"]) or []
    pg_wall = statistics.median(r.wall for r in pg_hand) if pg_hand else math.nan
    pg_cpu = statistics.median(r.cpu + r.server_cpu for r in pg_hand) if pg_hand else math.nan
    rows_out = []
    for name in cmds:
        entry: dict[str, Any] = {"command": name}
        if name in skipped:
            entry["skipped"] = skipped[name]
        else:
            rs = runs[name]
            wall = statistics.median(r.wall for r in rs)
            cpu = statistics.median(r.cpu for r in rs)
            entry |= {
                "wall": round(wall, 2),
                "cpu": round(cpu, 2),
                "peak_mb": round(max(r.peak_mb for r in rs)),
                "x_fastest_sql": round(wall / fastest, 2),
                "x_fastest_sql_cpu": round(cpu / fastest_cpu, 2),
            }
            if in_postgres(name) and pg is not None:  # client + server CPU
                server = statistics.median(r.server_cpu for r in rs)
                entry |= {
                    "server_cpu": round(server, 2),
                    "server_peak_mb": round(max(r.server_peak_mb for r in rs)),
                    "load_s": round(pg.load_seconds, 1),
                    "x_fastest_sql_cpu": round((cpu + server) / fastest_cpu, 2),
                    "x_pg_sql": round(wall / pg_wall, 2),
                    "x_pg_sql_cpu": round((cpu + server) / pg_cpu, 2),
                }
        rows_out.append(entry)
    wrong = checks(project, cmds, skipped)
    for entry in rows_out:
        entry["load"] = [round(min(load), 1), round(max(load), 1)]
    return rows_out, wrong


def checks(project: Path, cmds: dict, skipped: dict[str, str]) -> list[str]:
    wrong: list[str] = []
    base_values = None
    for name, (_, out) in cmds.items():
        if name in skipped or out is None or not out.exists():
            continue
        if name.startswith("hand"):
            values = json.loads(out.read_text())
            if base_values is None:
                base_values = values
            elif not same(base_values, values):
                wrong.append(f"{name} disagrees with the other hand SQL")
    for name, (_, out) in cmds.items():
        if name.startswith("hand") or name in skipped or not out.exists():
            continue
        report = json.loads(out.read_text())
        if base_values is not None:
            wrong += cross_check(report, base_values, name)
        wrong += verdict_check(report, project, name)
    return wrong


def print_table(title: str, entries: list[dict[str, Any]]) -> None:
    print(f"\n{title}\n")
    heads = f"{'wall s':>7} | {'CPU s':>7} | {'peak MB':>7} | {'x SQL wall':>10} | {'x SQL CPU':>9}"
    print(f"| {'command':<44} | {heads} |")
    print(f"|{'-' * 46}|{'-' * 8}:|{'-' * 8}:|{'-' * 8}:|{'-' * 11}:|{'-' * 10}:|")
    for e in entries:
        if "skipped" in e:
            print(f"| {e['command']:<44} | {e['skipped']} | | | | |")
        else:
            print(
                f"| {e['command']:<44} | {e['wall']:>7.2f} | {e['cpu']:>7.2f} | "
                f"{e['peak_mb']:>7.0f} | {e['x_fastest_sql']:>10.2f} | "
                f"{e['x_fastest_sql_cpu']:>9.2f} |"
            )


def print_server_table(entries: list[dict[str, Any]]) -> None:
    """The PostgreSQL rows again, with the server's share (not in wait4's figures)."""
    pg = [e for e in entries if "server_cpu" in e]
    if not pg:
        return
    load = pg[0]["load_s"]
    print(f"\nPostgreSQL (table loaded untimed in {load:.1f} s); CPU = client + server\n")
    print("| command | wall s | client CPU s | server CPU s | client MB | server MB "
          "| x PG SQL wall | x PG SQL CPU | x DuckDB SQL wall | x DuckDB SQL CPU |")  # fmt: skip
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for e in pg:
        print(
            f"| {e['command']} | {e['wall']:.2f} | {e['cpu']:.2f} | {e['server_cpu']:.2f} | "
            f"{e['peak_mb']} | {e['server_peak_mb']} | {e['x_pg_sql']:.2f} | "
            f"{e['x_pg_sql_cpu']:.2f} | {e['x_fastest_sql']:.2f} | {e['x_fastest_sql_cpu']:.2f} |"
        )


def summary(results: Path) -> None:
    """The scaling table (rows x claims x format) of factcheck's default engine, from the
    latest measurement of each cell in results.jsonl."""
    latest: dict[tuple[int, int, str], dict[str, Any]] = {}
    for line in results.read_text().splitlines():
        entry = json.loads(line)
        if entry["command"] == "factcheck check (default engine)" and "wall" in entry:
            latest[(entry["rows"], entry["claims"], entry["format"])] = entry
    print("| rows | claims | format | wall s | CPU s | peak MB | x SQL wall | x SQL CPU | load |")
    print("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for (rows, claims, fmt), e in sorted(latest.items()):
        print(
            f"| {rows:,} | {claims:,} | {fmt} | {e['wall']:.1f} | {e['cpu']:.1f} | "
            f"{e['peak_mb']} | {e['x_fastest_sql']:.2f} | {e['x_fastest_sql_cpu']:.2f} | "
            f"{e['load'][0]}-{e['load'][1]} |"
        )


def _ints(text: str) -> list[int]:
    return [int(x.replace("_", "")) for x in text.split(",")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=_ints, default=[1_000_000], help="N or N,M,...")
    parser.add_argument("--claims", type=_ints, default=[200], help="N or N,M,...")
    parser.add_argument("--formats", default="parquet", help="parquet,csv")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--tools",
        default=DEFAULT_TOOLS,
        help="comma list of sql, factcheck, pandas, gx, spark, postgres (a throwaway server "
        f"per cell: factcheck and the per-scan hand SQL on a table; default {DEFAULT_TOOLS})",
    )
    parser.add_argument(
        "--sql",
        default="per-scan,per-metric,per-scan@file,per-scan@in-place",
        help="hand SQL variants: MODE[@STORE], MODE per-scan|per-metric|batched, "
        "STORE memory|file|in-place (in-place for Parquet only)",
    )
    parser.add_argument("--max-rows-pandas", type=int, default=1_000_000, help="pandas, gx")
    parser.add_argument("--max-rows-spark", type=int, default=10_000_000)
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per command")
    parser.add_argument("--data", type=Path, default=HERE / "out", help="where projects live")
    parser.add_argument(
        "--warmup",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="one untimed round first (file cache, bytecode); --no-warmup for big runs",
    )
    parser.add_argument("--quick", action="store_true", help="100k rows, 100 claims, 1 round")
    parser.add_argument(
        "--summary", action="store_true", help="print the scaling table from results.jsonl"
    )
    args = parser.parse_args()
    if args.summary:
        summary(args.data / "results.jsonl")
        return
    if args.quick:
        args.rows, args.claims, args.repeat, args.formats = [100_000], [100], 1, "csv"
    args.sql = args.sql.split(",")
    tools = args.tools.split(",")
    formats = args.formats.split(",")
    wrong: list[str] = []
    results = args.data / "results.jsonl"
    for rows in args.rows:
        ensure_projects(args.data, rows, args.claims, formats)
        for count in args.claims:
            for fmt in formats:
                project = project_dir(args.data, rows, count, fmt)
                print(f"\n== {rows:,} SYNTHETIC rows, {count} claims, {fmt}", flush=True)
                entries, bad = run_cell(project, args, tools, rows)
                wrong += bad
                title = (
                    f"{datetime.date.today()}: {rows:,} SYNTHETIC rows ({fmt}), {count} claims, "
                    f"median of {args.repeat}, {os.cpu_count()} CPUs, load average "
                    f"{entries[0]['load'][0]}-{entries[0]['load'][1]}"
                )
                print_table(title, entries)
                print_server_table(entries)
                with results.open("a") as out:
                    for e in entries:
                        stamp = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
                        cell = {"rows": rows, "claims": count, "format": fmt}
                        out.write(json.dumps({"at": stamp, **cell, **e}) + "\n")
    if wrong:
        print("\nMISMATCHES:\n  " + "\n  ".join(wrong[:40]))
        sys.exit(1)


if __name__ == "__main__":
    main()
