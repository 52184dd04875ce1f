"""Cold start of the bundled check: `factcheck check` on this repository's own project.

Each command is a new process (interpreter start, imports, run, exit), timed by the
operating system's accounting of the finished child (`os.wait4`: CPU = user + system,
and wall), after one warm-up round, in rounds that interleave every command so machine
drift hits all alike. Medians are printed beside the ratio to two baselines timed in the
same rounds: an empty interpreter (`python -c pass`) and `python -c "import pandas"`.

The check runs twice per round: with an empty per-user cache (a fresh folder each time,
as on a machine's very first run) and with a cache the warm-up filled (every later run).
On a shared, loaded machine quote CPU seconds and ratios rather than wall time.

    python bench/coldstart.py               # 7 rounds
    python bench/coldstart.py --repeat 15
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one whole process; exits on a failed run."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert proc.stderr is not None
    error = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: a failed claim is still a finished check
        sys.exit(f"{' '.join(argv)} exited {code}: {error.decode(errors='replace')[-500:]}")
    return usage.ru_utime + usage.ru_stime, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="counted rounds (default 7)")
    args = parser.parse_args()

    warm_cache = tempfile.mkdtemp(prefix="factcheck-coldstart-cache-")
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    check = [PY, "-m", "factcheck", "check", "--no-history", "--root", str(ROOT)]
    commands = {
        "python -c pass": ([PY, "-c", "pass"], None),
        "python -c 'import pandas'": ([PY, "-c", "import pandas"], None),
        "python -c 'import pandera.pandas'": ([PY, "-c", "import pandera.pandas"], None),
        "factcheck check, empty user cache": (check, "empty"),
        "factcheck check, user cache filled": (check, warm_cache),
    }
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for round_ in range(args.repeat + 1):  # round 0 warms the disk cache and fills the cache
        for name, (argv, cache) in commands.items():
            env = dict(base_env)
            empty = tempfile.mkdtemp(prefix="factcheck-coldstart-") if cache == "empty" else None
            if cache is not None:
                env["FACTCHECK_CACHE_DIR"] = empty or cache
            result = timed(argv, env)
            if empty:
                shutil.rmtree(empty)
            if round_:
                samples[name].append(result)
    shutil.rmtree(warm_cache)

    cpu = {n: statistics.median(c for c, _ in s) for n, s in samples.items()}
    wall = {n: statistics.median(w for _, w in s) for n, s in samples.items()}
    bare, pandas = "python -c pass", "python -c 'import pandas'"
    load = os.getloadavg()[0]
    print(f"{args.repeat} rounds, median; load average {load:.1f} on {os.cpu_count()} CPUs")
    print(f"| command | CPU s | wall s | CPU × {bare} | CPU × import pandas |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name in commands:
        print(
            f"| {name} | {cpu[name]:.3f} | {wall[name]:.3f} | "
            f"{cpu[name] / cpu[bare]:.1f} | {cpu[name] / cpu[pandas]:.2f} |"
        )


if __name__ == "__main__":
    main()
