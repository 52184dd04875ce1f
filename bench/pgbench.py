"""The benchmark's PostgreSQL pieces: a throwaway server (tests/pgserver.py, the tests'
own), the cell's table loaded into it, a copy of the project whose dataset is that table,
and the server's CPU time and memory while a command runs.

A client's wait4 figures do not include the server: every query runs in a backend
process (and its parallel workers) forked by the postmaster, not in the client. Those
are measured here from /proc: the postmaster's own CPU plus what it collected from its
children that ended (utime + stime + cutime + cstime of /proc/PID/stat) plus the CPU of
its children still alive; the peak memory is the largest VmHWM of any one child that
appeared during the command (it includes the shared buffers that process touched, at
most 128 MB with the default settings).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
TABLE = "public.cases"
URL_ENV = "FACTCHECK_BENCH_PG"  # the variable the project copy names; only it holds the URL
PASSWORD = "bench-Pg-pw"  # a throwaway server on 127.0.0.1, removed at the end of the cell
# DuckDB's column types (as it reads the cell's file) -> PostgreSQL's
PG_TYPES = {
    "VARCHAR": "text", "BIGINT": "bigint", "INTEGER": "integer", "DOUBLE": "double precision",
    "FLOAT": "real", "BOOLEAN": "boolean", "DATE": "date", "TIMESTAMP": "timestamp",
}  # fmt: skip
_TICK = os.sysconf("SC_CLK_TCK")


def pgserver() -> ModuleType:
    """tests/pgserver.py, the module the tests start their server with (by path: tests/
    is not an installed package)."""
    path = HERE.parent / "tests" / "pgserver.py"
    spec = importlib.util.spec_from_file_location("factcheck_bench_pgserver", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def load_table(url: str, data: Path, scratch: Path) -> float:
    """Create `public.cases` with the file's columns and COPY its rows in (through a CSV
    that DuckDB writes), then VACUUM (FREEZE, ANALYZE) so no query of the timed commands
    pays for hint bits or statistics. Returns the seconds it took."""
    import duckdb
    import psycopg

    start = time.perf_counter()
    reader = "read_parquet" if data.suffix == ".parquet" else "read_csv_auto"
    con = duckdb.connect()
    columns = con.execute(f"DESCRIBE SELECT * FROM {reader}('{data}')").fetchall()
    csv = scratch / "cases.csv"
    con.execute(f"COPY (SELECT * FROM {reader}('{data}')) TO '{csv}' (HEADER, DELIMITER ',')")
    con.close()
    ddl = ", ".join(f'"{name}" {PG_TYPES[kind]}' for name, kind, *_ in columns)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP TABLE IF EXISTS {TABLE}".encode())
        conn.execute(f"CREATE TABLE {TABLE} ({ddl})".encode())
        with (
            conn.cursor().copy(f"COPY {TABLE} FROM STDIN (FORMAT csv, HEADER)".encode()) as cp,
            csv.open("rb") as f,
        ):
            while block := f.read(1 << 20):
                cp.write(block)
        conn.execute(f"VACUUM (FREEZE, ANALYZE) {TABLE}".encode())
    csv.unlink()
    return time.perf_counter() - start


def project_copy(project: Path, dest: Path) -> Path:
    """The project with its dataset `cases` read from the table: the data file left out,
    data/datasets.yaml's `path:` replaced by `database: {url_env: ..., table: ...}`
    (contract section 9). The URL itself is only ever in the environment."""
    data_file = next((project / "data").glob("cases.*"))

    def leave_out(folder: str, names: list[str]) -> set[str]:
        here = Path(folder)
        return {n for n in names if here / n == data_file or n == ".factcheck"}

    shutil.copytree(project, dest, ignore=leave_out)
    catalog = dest / "data" / "datasets.yaml"
    text = catalog.read_text()
    lines = [line for line in text.splitlines() if line.strip().startswith("path: cases.")]
    if len(lines) != 1:
        raise ValueError(f"{catalog}: expected one 'path: cases.*' line, found {len(lines)}")
    indent = lines[0][: len(lines[0]) - len(lines[0].lstrip())]
    database = f"{indent}database: {{url_env: {URL_ENV}, table: {TABLE}}}"
    catalog.write_text(text.replace(lines[0], database))
    return dest


def _stat(pid: int) -> tuple[int, list[int]] | None:
    """(parent pid, [utime, stime, cutime, cstime] in ticks) of a process, None if gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[1].split()  # after "(comm)", which may hold spaces
    return int(fields[1]), [int(x) for x in fields[11:15]]


def _children(parent: int) -> dict[int, list[int]]:
    out = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) and stat[0] == parent:
            out[int(entry.name)] = stat[1]
    return out


def _hwm_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@dataclass
class ServerUsage:
    cpu: float
    peak_mb: float


class ServerMeter:
    """The server's CPU seconds and peak memory over one command (see the module doc).
    Start it before the command and call `stop()` once the client has exited."""

    def __init__(self, postmaster: int, interval: float = 0.2) -> None:
        self.postmaster, self.interval = postmaster, interval
        self.before = _children(postmaster)
        self.cpu_before = self._cpu(self.before)
        self.peak = 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _cpu(self, children: dict[int, list[int]]) -> float:
        stat = _stat(self.postmaster)
        assert stat is not None, "the PostgreSQL server is gone"
        own = sum(stat[1])  # its own CPU and what it collected from children that ended
        return (own + sum(t[0] + t[1] for t in children.values())) / _TICK

    def _sample(self) -> None:
        while not self._done.wait(self.interval):
            for pid in _children(self.postmaster).keys() - self.before.keys():
                self.peak = max(self.peak, _hwm_mb(pid))

    def stop(self, wait: float = 30.0) -> ServerUsage:
        """Wait (up to `wait` s) for the command's backends to end, then measure."""
        deadline = time.monotonic() + wait
        while (now := _children(self.postmaster)).keys() - self.before.keys():
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        self._done.set()
        self._thread.join()
        return ServerUsage(self._cpu(now) - self.cpu_before, self.peak)


class Postgres:
    """One server for one cell, with the cell's table loaded and the project copied."""

    def __init__(self, project: Path) -> None:
        self.server = pgserver().start(PASSWORD)
        self.scratch = Path(tempfile.mkdtemp(prefix="factcheck-bench-pg-"))
        try:
            data = next((project / "data").glob("cases.*"))
            # In a process of its own: a child's peak RSS (ru_maxrss) starts from what the
            # parent had resident when it forked, and DuckDB's CSV writing would leave
            # this process at ~400 MB, the floor of every command measured after it.
            done = subprocess.run(
                [sys.executable, __file__, str(data), str(self.scratch)],
                env={**os.environ, URL_ENV: self.server.url},
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            self.load_seconds = float(done.stdout)
            self.project = project_copy(project, self.scratch / project.name)
        except BaseException:
            self.close()
            raise
        os.environ[URL_ENV] = self.server.url  # the commands inherit it

    def meter(self) -> ServerMeter:
        return ServerMeter(self.server.postmaster_pid())

    def close(self) -> None:
        os.environ.pop(URL_ENV, None)
        self.server.stop()
        shutil.rmtree(self.scratch, ignore_errors=True)


if __name__ == "__main__":  # load_table in a child process (Postgres above): DATA SCRATCH
    print(load_table(os.environ[URL_ENV], Path(sys.argv[1]), Path(sys.argv[2])))
