"""Is a data file small enough to read? Answered before a row is read.

A hostile project can ship an 8 MB xlsx that expands to 3 GB, a 3 MB xlsx with 20
million rows, or a 2 GB CSV; reading any of them costs minutes and gigabytes, or ends
in a MemoryError. The size that matters is the uncompressed one: an xlsx is a zip whose
directory declares each member's size (Python's zipfile never inflates a member past
its declared size), a Parquet file declares its rows and sizes in its footer. Rows are
counted by streaming (newlines of a CSV or JSON Lines file, `<row` elements of an xlsx
sheet), in bounded memory. The limits are `data_bytes` and `data_rows` (load/limits.py).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO

from factcheck.load.limits import Limits

_CHUNK = 1 << 20


def data_problem(path: Path, limits: Limits) -> str | None:
    """Why `path` is too large to read under `limits`, or None when it is not."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _xlsx(path, limits)
    if suffix == ".parquet":
        return _parquet(path, limits)
    size = path.stat().st_size
    if size > limits.data_bytes:
        return limits.exceeded("data_bytes", f"{size:,} bytes")
    if suffix in (".csv", ".jsonl"):
        header = 1 if suffix == ".csv" else 0  # a CSV's header is no row
        lines, whole = _count(path.open("rb"), b"\n", limits.data_bytes, limits.data_rows + header)
        rows = lines - header
        if rows > limits.data_rows:
            return limits.exceeded("data_rows", f"{_at_least(whole)}{rows:,} lines")
    return None


def rows_problem(rows: int, limits: Limits) -> str | None:
    """After reading (JSON has no cheap row count): the same limit, said the same way."""
    return limits.exceeded("data_rows", f"{rows:,} rows") if rows > limits.data_rows else None


def _count(handle: IO[bytes], needle: bytes, most: int, enough: int) -> tuple[int, bool]:
    """Occurrences of `needle` in a binary stream, reading at most `most` bytes, in chunks
    (a match across two chunks is counted once: the carried tail is shorter than it), and
    whether that is all of them: counting stops once more than `enough` are found, so a
    file of 20 million rows costs no more to refuse than one just over the limit."""
    found = 0
    tail = b""
    read = 0
    with handle:
        while read <= most:
            chunk = handle.read(_CHUNK)
            if not chunk:
                return found, True
            read += len(chunk)
            block = tail + chunk
            found += block.count(needle)
            tail = block[-(len(needle) - 1) :] if len(needle) > 1 else b""
            if found > enough:
                return found, not handle.read(1)
    return found, False


def _at_least(whole: bool) -> str:
    return "" if whole else "at least "


def _xlsx(path: Path, limits: Limits) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            total = sum(member.file_size for member in members)
            if total > limits.data_bytes:
                return limits.exceeded("data_bytes", f"{total:,} bytes uncompressed")
            rows, whole = 0, True
            for member in members:
                if member.filename.startswith("xl/worksheets/") and member.filename.endswith(
                    ".xml"
                ):
                    enough = limits.data_rows + 1 - rows  # + 1: the header row
                    found, whole = _count(archive.open(member), b"<row", limits.data_bytes, enough)
                    rows += found
                    if not whole:
                        break
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError):
        return None  # not a readable zip: the reader says why, as for any broken file
    rows -= 1  # the header row
    if rows > limits.data_rows:
        return limits.exceeded("data_rows", f"{_at_least(whole)}{rows:,} rows")
    return None


def _parquet(path: Path, limits: Limits) -> str | None:
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except Exception:  # pyarrow's kinds vary; the reader reports the broken file
        return None
    total = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
    if total > limits.data_bytes:
        return limits.exceeded("data_bytes", f"{total:,} bytes uncompressed")
    if meta.num_rows > limits.data_rows:
        return limits.exceeded("data_rows", f"{meta.num_rows:,} rows")
    return None
