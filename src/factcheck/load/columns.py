"""A dataset's column names, known without scanning its rows.

The claims' columns are checked against these at load time, so a typo in a
column name is a configuration error (exit 2) found by `factcheck lint` too.
"""

from __future__ import annotations

import csv

from factcheck.load.spec import DatasetSpec
from factcheck.problems import Problems


def dataset_columns(spec: DatasetSpec, problems: Problems) -> list[str]:
    suffix = spec.path.suffix.lower()
    try:
        if suffix == ".csv":
            with spec.path.open(newline="", encoding="utf-8-sig") as handle:
                return next(csv.reader(handle), [])
        if suffix == ".parquet":
            import pyarrow.parquet as pq

            return list(pq.read_schema(spec.path).names)
        if suffix == ".xlsx":
            from openpyxl import load_workbook

            book = load_workbook(spec.path, read_only=True)
            first = next(book.active.iter_rows(max_row=1, values_only=True), ())
            return [str(c) for c in first if c is not None]
        # json / jsonl: reading the file is the only way to know its keys.
        from factcheck.data import read_frame

        return [str(c) for c in read_frame(spec.path).columns]
    except Exception as exc:  # any reader failure is the user's file, not our bug
        problems.add(spec.loc, f"cannot read the header of {spec.rel_path}: {exc}", spec.name)
        return []
