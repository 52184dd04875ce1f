"""Reading data files: read-only, by suffix, with a content hash for the report.

Into pandas (`read_frame`: xlsx, and schemas validated in pandas) or where they lie,
through DuckDB (`open_in_duckdb`: CSV, Parquet, JSON).
"""

from __future__ import annotations

import hashlib
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
    """A DuckDB session whose view `__rows` is the file's rows with `__row` (the row's
    position, 0-based as pandas' index), and the columns' types as read.

    CSV and JSON are loaded once into DuckDB's columnar storage (every check and scan
    would otherwise parse the text again); Parquet is scanned in place. The session is
    the dataset's part of the process's one DuckDB database (factcheck.duckstore): in
    memory for a small file, a compressed database file of its own for a large one;
    memory is bounded and spills to a scratch folder, removed at close.
    """
    import duckdb

    from factcheck.duckstore import SMALL_FILE, DuckSession
    from factcheck.engines.base import Opened

    session = DuckSession(large=path.stat().st_size > SMALL_FILE)
    try:
        if fmt == "parquet":
            session.execute(
                "CREATE VIEW __rows AS SELECT file_row_number AS __row, "
                f"* EXCLUDE (file_row_number) FROM {duckdb_reader(path, fmt)}"
            )
        else:
            _load_text(session.con, path, fmt)
            session.execute("CREATE VIEW __rows AS SELECT rowid AS __row, * FROM __raw")
        described = session.execute("DESCRIBE SELECT * EXCLUDE (__row) FROM __rows").fetchall()
    except BaseException:
        session.close()
        raise
    columns = {str(row[0]): str(row[1]).upper() for row in described}
    return Opened(session, columns, (duckdb.Error,))


def _load_text(con: duckdb.DuckDBPyConnection, path: Path, fmt: str) -> None:
    import duckdb

    try:
        con.execute(f"CREATE TABLE __raw AS SELECT * FROM {duckdb_reader(path, fmt)}")
    except duckdb.ConversionException:
        # The types were guessed from a sample and a later row does not fit: read the
        # whole file to guess them (twice the reading, only for such files).
        con.execute(f"CREATE TABLE __raw AS SELECT * FROM {duckdb_reader(path, fmt, True)}")
