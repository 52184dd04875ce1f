"""The engine seam: an engine validates a dataset where it chooses, then computes on it.

`Engine.validate` reads a dataset's rows (a file, a database table or query) and checks
them against the dataset's schema: where they lie (`validate.ValidatesInPlace`, the
schema's rules as SQL) or in pandas (`validate.ValidatesInPandas`, pandera's own
backend). The result's `Source` says where the validated rows now are, and
`Engine.compute` receives it with the planned scans and computes every metric there. An
engine never receives a bare pandas frame it did not ask for, so an engine that runs in a
database or on a file never forces the data into memory.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from factcheck.lang.where import CALENDAR_NAMES

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd
    from pandera.api.pandas.container import DataFrameSchema

    from factcheck.load.limits import Limits
    from factcheck.load.spec import DatabaseSpec, DatasetSpec
    from factcheck.plan import MetricKey, Scan
    from factcheck.problems import Problems
    from factcheck.validate import DatasetResult

# One row of a SQL answer: the values as the database driver gives them.
Row = tuple[object, ...]


class Cursor(Protocol):
    def fetchone(self) -> Row | None: ...

    def fetchall(self) -> list[Row]: ...


class SqlSession(Protocol):
    """A live handle on a dataset's rows that runs DuckDB-dialect SQL: a DuckDB
    connection, or an adapter (`Answers`) that translates the SQL for another database."""

    def execute(self, sql: str, /) -> Cursor: ...

    def close(self) -> None: ...


class Answers:
    """DuckDB-dialect SQL answered elsewhere (PostgreSQL, Spark), with a DuckDB
    connection's `execute(sql).fetchall()` / `fetchone()`: a subclass says how `run`s."""

    def __init__(self) -> None:
        self._rows: list[Row] = []

    def run(self, sql: str) -> list[Row]:
        raise NotImplementedError

    def execute(self, sql: str) -> Answers:
        self._rows = self.run(sql)
        return self

    def fetchone(self) -> Row | None:
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[Row]:
        return self._rows

    def close(self) -> None:
        """Release what the adapter holds (nothing by default)."""


@dataclass
class Opened:
    """A data file opened where it lies: `session` has view `__rows` (the file's rows
    with `__row`, the row's 0-based position in the file), `columns` each column as read
    with its SQL type (DuckDB's names), `errors` what the session raises for a query that
    cannot run (a bad value met while reading, a sum over text)."""

    session: SqlSession
    columns: dict[str, str]
    errors: tuple[type[BaseException], ...]


@dataclass
class Source:
    """One validated dataset, as an engine receives it.

    Exactly one place holds the rows: `frame` (read and validated in pandas: xlsx, a
    schema with Python checks, the pandas engines), `path` (a data file that validation
    read where it lies) or `database` (a table or query in a database). `columns` are the
    column types after the schema's coercion, as SQL types, for an engine that reads the
    file itself. `session` is the live handle the validation already opened on the rows
    (a DuckDB connection with the file loaded, Spark, the database), whose view `t` holds
    the validated rows, so the rows are read once; `errors` are what it raises for a
    query that cannot run.
    """

    name: str
    frame: pd.DataFrame | None = None
    path: Path | None = None
    format: str | None = None  # csv | parquet | json | jsonl | xlsx
    database: DatabaseSpec | None = None  # for a database dataset
    columns: dict[str, str] = field(default_factory=dict)
    session: SqlSession | None = None
    errors: tuple[type[BaseException], ...] = ()

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


class Engine(Protocol):
    name: str

    def validate(
        self,
        spec: DatasetSpec,
        schema: DataFrameSchema | None,
        problems: Problems,
        limits: Limits,
    ) -> DatasetResult | None:
        """Read one dataset and validate it against its schema (None: no schema), where
        this engine wants its rows; None after a problem recorded in `problems`."""
        ...

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
    values: dict[Key, Figure] = {None: result.value} if result.groups is None else result.groups
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


def whole(value: object) -> int:
    """A count as the database answers it (an int; numeric from some drivers)."""
    if isinstance(value, int | Decimal | float):
        return int(value)
    raise TypeError(f"a count is {type(value).__name__}: {value!r}")


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def plain(value: object) -> Figure:
    """numpy/pandas scalars to plain Python numbers (None for missing)."""
    pd = sys.modules.get("pandas")  # pandas' own missing values, when pandas is in use
    if value is None or (pd is not None and (value is pd.NA or value is pd.NaT)):
        return None
    item = getattr(value, "item", None)  # a numpy scalar: its Python value
    if callable(item):
        value = item()
    if value is None or (isinstance(value, float) and value != value):  # NaN, NaT: nothing
        return None
    if isinstance(value, int | float | Decimal | str | date):  # bool is an int; datetime a date
        return value
    return str(value)  # no figure of another type reaches a report (it would not be JSON)


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
