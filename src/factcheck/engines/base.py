"""The engine seam: what the planner hands an engine and what comes back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.plan import MetricKey, Scan


@dataclass
class MetricResult:
    """One computed metric: a single value, or a value per group."""

    rows: int  # rows that passed the filter
    value: Any = None  # when not grouped
    groups: dict[Any, Any] | None = None  # group key -> value, when grouped
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class Engine(Protocol):
    name: str

    def compute(self, frame: pd.DataFrame, scans: list[Scan]) -> dict[MetricKey, MetricResult]:
        """Compute every metric of every scan over one validated dataset."""
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
    return results


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def plain(value: Any) -> Any:
    """numpy/pandas scalars to plain Python numbers (None for missing)."""
    import pandas as pd  # loaded already: every engine starts from a DataFrame

    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:  # NaN: an aggregate over nothing
        return None
    return value


def group_key(value: Any) -> Any:
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
