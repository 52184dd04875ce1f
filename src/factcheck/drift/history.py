"""A local, append-only history of every claim's figure: .factcheck/history.jsonl."""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TypeGuard

from factcheck.results import JsonObject, RunReport
from factcheck.results.values import obj

HISTORY = Path(".factcheck") / "history.jsonl"


def append_run(
    root: Path, report: RunReport, *, warn: Callable[[str], None] | None = None
) -> Path | None:
    """One line per claim of the run; a read-only project is left alone (history is optional).

    The history file is the project's, and the project may be hostile: a symbolic link
    (`history.jsonl -> ~/.bashrc`), a FIFO (would hang) or a hard link there is refused with
    a warning, and the run goes on without history."""
    hashes = {d.name: d.identity for d in report.datasets}
    lines = []
    for claim in report.claims:
        if claim.deselected:
            continue  # deselected: this run says nothing about it
        lines.append(json.dumps({
            "time": report.generated,
            "id": claim.id,
            "actual": claim.actual,
            "verdict": str(claim.verdict),
            "fingerprint": claim.fingerprint,
            "datasets": {name: hashes[name] for name in claim.datasets if name in hashes},
        }, sort_keys=True, ensure_ascii=False))  # fmt: skip
    path = root / HISTORY
    try:
        (root / HISTORY.parent).mkdir(exist_ok=True)
    except FileExistsError:
        pass  # a file or a link named .factcheck: _open_own says which
    except OSError:
        return None
    try:
        fd = _open_own(root, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    except UnsafeHistory as exc:
        if warn is not None:
            warn(f"warning: {exc}; this run is not added to the history")
        return None
    except OSError:
        return None
    try:
        # One write of whole lines in append mode: concurrent runs interleave lines, not bytes.
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            handle.write("".join(line + "\n" for line in lines))
    except OSError:
        return None
    return path


class UnsafeHistory(Exception):
    """The history path is not a plain file of the project."""


def _open_own(root: Path, flags: int) -> int:
    """Open .factcheck/history.jsonl without following a link at either step and without
    blocking on a FIFO; UnsafeHistory when it is not a real folder and a regular file."""
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    try:
        folder = os.open(root / HISTORY.parent, os.O_RDONLY | os.O_DIRECTORY | nofollow)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR):
            raise UnsafeHistory(f"{HISTORY.parent} is not a folder (a link?)") from None
        raise
    try:
        fd = os.open(HISTORY.name, flags | nofollow | os.O_NONBLOCK, 0o666, dir_fd=folder)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENXIO, errno.EISDIR):
            raise UnsafeHistory(f"{HISTORY} is not a regular file") from None
        raise
    finally:
        os.close(folder)
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
        os.close(fd)
        what = "a hard link" if stat.S_ISREG(info.st_mode) else "not a regular file"
        raise UnsafeHistory(f"{HISTORY} is {what}")
    os.set_blocking(fd, True)
    return fd


def read_history(
    root: Path, claim_id: str, *, warn: Callable[[str], None] | None = None
) -> list[JsonObject]:
    """The claim's rows, oldest first. A line that is not a history record (cut short by a
    crash, edited by hand) is skipped with a warning; the good lines are kept."""
    try:
        fd = _open_own(root, os.O_RDONLY)
    except FileNotFoundError:
        return []
    except (UnsafeHistory, OSError) as exc:
        if warn is not None:
            warn(f"warning: {exc}; history not read")
        return []
    with os.fdopen(fd, "rb") as handle:
        data = handle.read()
    rows = []
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row: object = json.loads(line)
        except (ValueError, RecursionError):
            row = None
        if not _is_record(row):
            if warn is not None:
                warn(f"warning: {HISTORY}:{number}: not a history record; skipped")
            continue
        if row["id"] == claim_id:
            rows.append(row)
    return rows


def _is_record(row: object) -> TypeGuard[JsonObject]:
    """A line as append_run writes it: what render_history relies on has its type."""
    if not isinstance(row, dict) or not isinstance(row.get("id"), str):
        return False
    datasets = row.get("datasets")
    if datasets is not None and not (
        isinstance(datasets, dict) and all(isinstance(v, str) for v in datasets.values())
    ):
        return False
    value = row.get("actual")
    plain = (type(None), str, int, float, bool)
    if isinstance(value, dict):
        return all(isinstance(v, plain) for v in value.values())
    return isinstance(value, plain)


BLOCKS = "▁▂▃▄▅▆▇█"
ASCII_BLOCKS = "_.-=+*#@"


def sparkline(values: list[float], blocks: str = BLOCKS) -> str:
    if not values:
        return ""
    lo, hi = min(values), max(values)
    span = hi - lo or 1
    return "".join(blocks[round((v - lo) / span * (len(blocks) - 1))] for v in values)


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def render_history(claim_id: str, rows: list[JsonObject], *, unicode: bool = True) -> str:
    """A table (time, verdict, actual, data hashes) and a sparkline per series."""
    from factcheck.report._common import actual, number

    lines = [f"{claim_id}: {len(rows)} run(s)"]
    table = [("time", "verdict", "actual", "data (sha256)")]
    for row in rows:
        data = obj(row.get("datasets"))
        hashes = ",".join(f"{k}:{str(data[k])[:8]}" for k in sorted(data))
        table.append((str(row.get("time")), str(row.get("verdict")),
                      actual(row.get("actual"), 4), hashes or "-"))  # fmt: skip
    widths = [max(len(r[i]) for r in table) for i in range(3)]
    for time, verdict, value, hashes in table:
        lines.append(
            f"  {time:<{widths[0]}}  {verdict:<{widths[1]}}  {value:>{widths[2]}}  {hashes}"
        )
    blocks = BLOCKS if unicode else ASCII_BLOCKS
    series = _series(rows)
    for label, values in list(series.items())[:MAX_SERIES]:
        if len(values) > 1:
            name = f"{label}: " if label else ""
            lines.append(
                f"  {name}{sparkline(values, blocks)}  "
                f"min {number(min(values))}, max {number(max(values))}"
            )
    if len(series) > MAX_SERIES:
        lines.append(f"  … {len(series) - MAX_SERIES} more groups")
    text = "\n".join(lines) + "\n"
    if not unicode:  # a pipe or log that may not take UTF-8
        text = text.translate({ord("—"): "-", ord("…"): "..."})
        text = text.encode("ascii", "replace").decode("ascii")
    return text


MAX_SERIES = 12  # a chart per group; a claim by day would otherwise print hundreds


def _series(rows: list[JsonObject]) -> dict[str, list[float]]:
    """The numbers to chart: the figure itself, or each group's value (grouped claims)."""
    series: dict[str, list[float]] = {}
    for row in rows:
        value = row.get("actual")
        if _is_number(value):
            series.setdefault("", []).append(value)
        elif isinstance(value, dict):
            for key, group in value.items():
                if _is_number(group):
                    series.setdefault(str(key), []).append(group)
    return series
