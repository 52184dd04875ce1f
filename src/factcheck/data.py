"""Reading data files: read-only, by suffix, with a content hash for the report."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


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
