"""Reading data files: read-only, by suffix, with a content hash for the report.

Into pandas (`read_frame`: xlsx, and schemas validated in pandas) or where they lie,
through DuckDB (`open_in_duckdb`: CSV, Parquet, JSON).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

    from factcheck.engines.base import Opened


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_format(path: Path) -> str:
    """A data file's format, by its suffix: csv, parquet, xlsx, json or jsonl."""
    return path.suffix.lower().lstrip(".")


def read_frame(path: Path) -> pd.DataFrame:
    """Read one data file into pandas; the schema coerces types afterwards."""
    import pandas as pd

    suffix = path.suffix.lower()
    if suffix == ".csv":
        return pd.read_csv(path)
    if suffix == ".parquet":
        # pandas 3 would otherwise hand dates back as Python objects.
        return pd.read_parquet(path, to_pandas_kwargs={"date_as_object": False})
    if suffix == ".xlsx":
        return pd.read_excel(path)
    if suffix == ".jsonl":
        return pd.read_json(path, lines=True)
    if suffix == ".json":
        return pd.read_json(path)
    raise ValueError(f"unknown data format {suffix}")


# pandas' default missing-value spellings in CSV, so a file reads the same in DuckDB.
_CSV_NULLS = (
    "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
    "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
)  # fmt: skip
# The types pandas' read_csv infers, so a column without a schema dtype has the same type.
_CSV_TYPES = "['BOOLEAN', 'BIGINT', 'DOUBLE', 'VARCHAR']"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def duckdb_reader(path: Path, fmt: str, whole_sample: bool = False) -> str:
    """DuckDB's table function that reads the file where it lies (no copy into pandas)."""
    where = _quote(str(path))
    if fmt == "csv":
        nulls = "[" + ", ".join(_quote(n) for n in _CSV_NULLS) + "]"
        sample = ", sample_size = -1" if whole_sample else ""
        return (
            # pandas' dialect: comma, double quotes (doubled to escape), strict.
            f"read_csv({where}, header = true, delim = ',', quote = '\"', escape = '\"', "
            f"strict_mode = true, nullstr = {nulls}, "
            f"auto_type_candidates = {_CSV_TYPES}{sample})"
        )
    if fmt == "parquet":
        return f"read_parquet({where}, file_row_number = true)"
    if fmt in ("json", "jsonl"):
        layout = "newline_delimited" if fmt == "jsonl" else "array"
        return f"read_json({where}, format = '{layout}')"
    raise ValueError(f"DuckDB does not read {fmt} files here")


def open_in_duckdb(path: Path, fmt: str) -> Opened:
    """A DuckDB connection whose view `__rows` is the file's rows with `__row` (the row's
    position, 0-based as pandas' index), and the columns' types as read.

    CSV and JSON are loaded once into DuckDB's compressed columnar storage (every check and
    scan would otherwise parse the text again); Parquet is scanned in place. Memory is
    bounded: past the limit DuckDB spills to a temporary folder, removed at close.
    """
    import duckdb

    from factcheck.engines.base import Opened

    _sweep_stale_scratch()
    spill = tempfile.mkdtemp(prefix=f"{_SCRATCH}{os.getpid()}-")
    # A database file in the spill folder, not DuckDB's in-memory store: its tables are
    # compressed (dictionaries, bit-packing) and read through a bounded buffer pool. On
    # 30M rows the in-memory copy outgrew the 1GB limit and spilled 2.7 GB, uncompressed,
    # that every query read back: 5 typical queries 12.6 s; from the file 3.2 s, 720 MB
    # peak. At 10M, 2.1 s vs 1.1 s and 1,040 vs 330 MB (bench/README.md).
    con = duckdb.connect(
        str(Path(spill) / "rows.duckdb"),
        config={"temp_directory": spill, "memory_limit": _memory_limit()},
    )
    con.execute("SET preserve_insertion_order = true")  # rowid is then the file's order
    closer = weakref.finalize(con, shutil.rmtree, spill, True)
    try:
        if fmt == "parquet":
            con.execute(
                "CREATE VIEW __rows AS SELECT file_row_number AS __row, "
                f"* EXCLUDE (file_row_number) FROM {duckdb_reader(path, fmt)}"
            )
        else:
            _load_text(con, path, fmt)
            con.execute("CREATE VIEW __rows AS SELECT rowid AS __row, * FROM __raw")
        described = con.execute("DESCRIBE SELECT * EXCLUDE (__row) FROM __rows").fetchall()
    except BaseException:
        con.close()
        closer()
        raise
    columns = {str(row[0]): str(row[1]).upper() for row in described}
    return Opened(con, columns, (duckdb.Error,))


_SCRATCH = "factcheck-duckdb-"


def _sweep_stale_scratch() -> None:
    """Remove the scratch folders of factcheck runs that were killed (no finalizer ran):
    a 30M-row table leaves hundreds of MB. Only folders named with the PID of a process
    that no longer exists, and owned by this user; a live run's folder is never touched."""
    base = Path(tempfile.gettempdir())
    for folder in base.glob(f"{_SCRATCH}*-*"):
        pid = folder.name[len(_SCRATCH) :].split("-", 1)[0]
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


def _load_text(con: duckdb.DuckDBPyConnection, path: Path, fmt: str) -> None:
    import duckdb

    try:
        con.execute(f"CREATE TABLE __raw AS SELECT * FROM {duckdb_reader(path, fmt)}")
    except duckdb.ConversionException:
        # The types were guessed from a sample and a later row does not fit: read the
        # whole file to guess them (twice the reading, only for such files).
        con.execute(f"CREATE TABLE __raw AS SELECT * FROM {duckdb_reader(path, fmt, True)}")


def _memory_limit() -> str:
    """DuckDB's memory limit: FACTCHECK_DUCKDB_MEMORY (e.g. 2GB), else 1GB; past it DuckDB
    spills to disk rather than growing."""
    chosen = os.environ.get("FACTCHECK_DUCKDB_MEMORY", "1GB")
    if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", chosen.strip(), re.IGNORECASE):
        # Named here: DuckDB's own words ("Memory must have a number") name no variable.
        raise ValueError(f"FACTCHECK_DUCKDB_MEMORY is not a size such as 2GB: {chosen[:40]!r}")
    return chosen
