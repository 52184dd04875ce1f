"""The engine seam: what the planner hands an engine and what comes back.

An engine receives a dataset's `Source` (where its validated rows are: a data file, a
database table or query, or rows already read into pandas) and the planned scans, and
computes every metric where the rows are. It never receives a bare pandas frame, so an
engine that runs in a database or on a file never forces the data into memory.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from factcheck.lang.where import CALENDAR_NAMES

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd

    from factcheck.plan import MetricKey, Scan


@dataclass
class Source:
    """One validated dataset, as an engine receives it.

    Exactly one place holds the rows: `frame` (read and validated in pandas: xlsx, a
    schema with Python checks, the pandas engines), `path` (a data file that validation
    read where it lies) or `database` (a table or query in a database). `columns` are the
    column types after the schema's coercion, as SQL types, for an engine that reads the
    file itself. `session` is an engine-specific live handle the validation already opened
    on the rows (a DuckDB connection with the file loaded), so the rows are read once.
    """

    name: str
    frame: pd.DataFrame | None = None
    path: Path | None = None
    format: str | None = None  # csv | parquet | json | jsonl | xlsx
    database: Any = None  # factcheck.load.spec.DatabaseSpec, for a database dataset
    columns: dict[str, str] = field(default_factory=dict)
    session: Any = None

    def pandas(self) -> pd.DataFrame:
        """The validated rows as a pandas frame, for engines that compute in pandas."""
        if self.frame is None:
            raise ValueError(f"dataset '{self.name}' was not read into pandas")
        return self.frame


# What an aggregate gives (None: over no values): a number, or for min/max over text or
# dates, that value. A group's key as the report shows it: an int (year), text, or a bool.
Figure = int | float | Decimal | str | bool | date | None
Key = int | str | bool | None


@dataclass
class MetricResult:
    """One computed metric: a single value, or a value per group."""

    rows: int  # rows that passed the filter
    value: Figure = None  # when not grouped
    groups: dict[Key, Figure] | None = None  # group key -> value, when grouped
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class Engine(Protocol):
    name: str
    # True: the engine computes in pandas and needs `Source.frame` (every dataset is read
    # and validated in pandas first). False: it reads files and databases where they are.
    needs_frame: bool

    def compute(self, source: Source, scans: list[Scan]) -> dict[MetricKey, MetricResult]:
        """Compute every metric of every scan over one validated dataset, where it is."""
        ...


def compute_each(
    scans: list[Scan],
    run_scan: Callable[[Scan], dict[MetricKey, MetricResult]],
    errors: tuple[type[BaseException], ...],
) -> dict[MetricKey, MetricResult]:
    """Run every scan. When one fails, its metrics are retried one by one, so that one bad
    aggregate (a sum over a text column) errors only the claims that asked for it."""
    results: dict[MetricKey, MetricResult] = {}
    for scan in scans:
        try:
            results.update(run_scan(scan))
            continue
        except errors as exc:
            if len(scan.metrics) == 1:
                results.update({k: MetricResult(0, error=first_line(exc)) for k in scan.metrics})
                continue
        for key, metric in scan.metrics.items():
            try:
                results.update(run_scan(replace(scan, metrics={key: metric})))
            except errors as exc:
                results[key] = MetricResult(0, error=first_line(exc))
    for scan in scans:
        for key, (aggregate, column) in scan.metrics.items():
            results[key] = _in_calendar_order(_finite(results[key], aggregate, column), scan)
    return results


def _in_calendar_order(result: MetricResult, scan: Scan) -> MetricResult:
    """Month and weekday names in the calendar's order (January..December, Monday..Sunday),
    not the alphabet's, on every engine; other keys keep the engine's sorted order."""
    names = CALENDAR_NAMES.get(scan.by.func or "") if scan.by is not None else None
    if names is None or result.groups is None:
        return result
    rank = {name: i for i, name in enumerate(names)}
    ordered = sorted(result.groups.items(), key=lambda item: rank.get(str(item[0]), len(rank)))
    return replace(result, groups=dict(ordered))


def _finite(result: MetricResult, aggregate: str, column: str | None) -> MetricResult:
    """An infinite figure (a float column holding inf, or values whose sum overflows, such
    as 1e308 + 1e308) is an error naming where it is, on every engine alike: no phrase can
    be judged against it, and an argmax over it would crown a group by an overflow."""
    values = {None: result.value} if result.groups is None else result.groups
    infinite = [k for k, v in values.items() if isinstance(v, float) and math.isinf(v)]
    if result.error or not infinite:
        return result
    where = "" if result.groups is None else " in group " + ", ".join(map(str, infinite[:5]))
    more = f" and {len(infinite) - 5} more" if len(infinite) > 5 else ""
    return MetricResult(
        result.rows,
        error=f"{aggregate}({column}) is {values[infinite[0]]}{where}{more}: the column holds "
        "infinite values, or values too large to add up",
    )


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def plain(value: object) -> Figure:
    """numpy/pandas scalars to plain Python numbers (None for missing)."""
    pd = sys.modules.get("pandas")  # pandas' own missing values, when pandas is in use
    if value is None or (pd is not None and (value is pd.NA or value is pd.NaT)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:  # NaN: an aggregate over nothing
        return None
    return value


def group_key(value: object) -> Key:
    """Group keys as the report shows them: ints stay ints, the rest text."""
    value = plain(value)
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "isoformat"):  # a date or timestamp column used as the key
        text = value.isoformat()
        return text[:10] if text[10:].strip("T0:.") == "" else text
    return str(value)
