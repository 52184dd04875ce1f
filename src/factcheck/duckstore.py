"""DuckDB sessions for datasets: one DuckDB database per process, a private part per dataset.

Starting a DuckDB database costs about 15 ms of CPU (it builds its catalog of functions):
a database per dataset was nine of them for the bundled project's nine datasets, about
0.13 s of a 1.1 s check (bench/coldstart.py). Here every dataset gets a connection to one
shared database (`cursor()`, about 1 ms) and its own schema or attached file, selected
with `USE`, so its names (`__raw`, `__rows`, `t`) and its temporary views are its own.

Where a dataset's rows are kept depends on the size of its file:

- up to SMALL_FILE bytes, in the shared in-memory database (nothing written to disk);
- larger, in a database file of its own in the scratch folder, attached to the shared
  database: its tables are compressed (dictionaries, bit-packing) and read through the
  bounded buffer pool. On 30M rows an in-memory copy outgrew the 1GB limit and spilled
  2.7 GB, uncompressed, that every query read back (bench/README.md).

The memory limit (FACTCHECK_DUCKDB_MEMORY, else 1GB) bounds the shared database, so all
of a run's datasets together, not each one; past it DuckDB spills to the scratch folder.
The database and its scratch folder live while a session is open: closing a session
drops its schema or detaches (and deletes) its file, and the last one closes the
database and removes the folder. A session that is never closed is released when it is
garbage-collected.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import tempfile
import threading
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

SMALL_FILE = 16 * 1024 * 1024  # bytes; a larger file's rows go to a database file of its own
SCRATCH = "factcheck-duckdb-"  # the scratch folder's prefix, then the process id


@dataclass
class _Store:
    con: duckdb.DuckDBPyConnection
    folder: Path
    limit: str
    sessions: int = 0
    names: itertools.count[int] = field(default_factory=itertools.count)


_lock = threading.RLock()
_store: _Store | None = None


class DuckSession:
    """One dataset's connection to the shared database, in the dataset's own schema (or
    attached file). `execute` runs SQL there; `con` is the DuckDB connection itself."""

    def __init__(self, large: bool) -> None:
        with _lock:
            store = _open_store()
            self.con: duckdb.DuckDBPyConnection = store.con.cursor()
            self.name = f"d{next(store.names)}"
            store.sessions += 1
            self._release = weakref.finalize(self, _release, store, self.con, self.name, large)
        try:
            if large:
                file = str(store.folder / f"{self.name}.duckdb").replace("'", "''")
                self.con.execute(f"ATTACH '{file}' AS {self.name}")
                self.con.execute(f"USE {self.name}")
            else:
                self.con.execute(f"CREATE SCHEMA memory.{self.name}")
                self.con.execute(f"USE memory.{self.name}")
        except BaseException:
            self.close()
            raise

    def execute(self, sql: str, /) -> duckdb.DuckDBPyConnection:
        return self.con.execute(sql)

    def close(self) -> None:
        """Drop the dataset's rows and release the shared database (idempotent)."""
        self._release()


def _open_store() -> _Store:
    """The shared database, opened on first use; its memory limit follows the variable."""
    global _store
    limit = memory_limit()
    if _store is not None:
        if _store.limit != limit:
            _store.con.execute(f"SET memory_limit = '{limit}'")
            _store.limit = limit
        return _store
    import duckdb

    sweep_stale_scratch()
    folder = Path(tempfile.mkdtemp(prefix=f"{SCRATCH}{os.getpid()}-"))
    try:
        con = duckdb.connect(
            ":memory:", config={"temp_directory": str(folder), "memory_limit": limit}
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    con.execute("SET preserve_insertion_order = true")  # rowid is then the file's order
    _store = _Store(con, folder, limit)
    return _store


def _release(store: _Store, con: duckdb.DuckDBPyConnection, name: str, large: bool) -> None:
    global _store
    import duckdb

    with _lock:
        try:
            con.close()
            if large:
                store.con.execute(f"DETACH DATABASE IF EXISTS {name}")
                for leftover in store.folder.glob(f"{name}.duckdb*"):  # the file and its WAL
                    leftover.unlink(missing_ok=True)
            else:
                store.con.execute(f"DROP SCHEMA IF EXISTS memory.{name} CASCADE")
        except (duckdb.Error, OSError):  # the database is closed below when it is the last
            pass
        store.sessions -= 1
        if store.sessions == 0:
            store.con.close()
            shutil.rmtree(store.folder, ignore_errors=True)
            if _store is store:
                _store = None


def sweep_stale_scratch() -> None:
    """Remove the scratch folders of factcheck runs that were killed (no finalizer ran):
    a 30M-row table leaves hundreds of MB. Only folders named with the PID of a process
    that no longer exists, and owned by this user; a live run's folder is never touched."""
    base = Path(tempfile.gettempdir())
    for folder in base.glob(f"{SCRATCH}*-*"):
        pid = folder.name[len(SCRATCH) :].split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            if folder.is_symlink() or folder.lstat().st_uid != os.getuid():
                continue
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:  # alive under another user (EPERM), or the folder just went
            continue


def memory_limit() -> str:
    """DuckDB's memory limit: FACTCHECK_DUCKDB_MEMORY (e.g. 2GB), else 1GB; past it DuckDB
    spills to disk rather than growing."""
    chosen = os.environ.get("FACTCHECK_DUCKDB_MEMORY", "1GB")
    if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", chosen.strip(), re.IGNORECASE):
        # Named here: DuckDB's own words ("Memory must have a number") name no variable.
        raise ValueError(f"FACTCHECK_DUCKDB_MEMORY is not a size such as 2GB: {chosen[:40]!r}")
    return chosen
