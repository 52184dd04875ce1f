"""Where a failing data row was written: the file's line, the header being line 1.

pandera names a failing row by the frame's 0-based index; an editor opens the file,
where the first data row of a CSV is line 2. CSV rows are counted as pandas reads
them (blank lines skipped, a quoted field may span lines), so the line is the row's
first line. Formats without lines (Parquet, JSON) get none.
"""

from __future__ import annotations

import csv
from pathlib import Path


def row_lines(path: Path, indices: set[int]) -> dict[int, int]:
    """For each 0-based data row in `indices`, its first line in the file."""
    suffix = path.suffix.lower()
    if not indices:
        return {}
    if suffix == ".xlsx":  # the sheet's row number: header in row 1
        return {i: i + 2 for i in indices}
    if suffix == ".jsonl":
        return _counted(path, indices, header=False)
    if suffix == ".csv":
        return _counted(path, indices, header=True)
    return {}


def _counted(path: Path, indices: set[int], *, header: bool) -> dict[int, int]:
    found: dict[int, int] = {}
    last = max(indices)
    row = -1 if header else 0
    try:
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            if not header:
                for number, line in enumerate(handle, 1):
                    if line.strip():
                        if row in indices:
                            found[row] = number
                        row += 1
                        if row > last:
                            break
                return found
            reader = csv.reader(handle)
            start = 1
            for record in reader:
                if any(record):  # pandas skips blank lines
                    if row in indices:
                        found[row] = start
                    row += 1
                    if row > last:
                        break
                start = reader.line_num + 1
    except (OSError, csv.Error):
        return found  # lines are a help to the reader; the failure itself stands
    return found
