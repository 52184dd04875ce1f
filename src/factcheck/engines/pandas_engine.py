"""pandas over the validated frame: one filter and one group-by per scan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.engines.base import MetricResult, Source, compute_each, group_key, plain
from factcheck.lang.aggregates import AGGREGATES
from factcheck.lang.pandas_eval import group_key_series, where_mask
from factcheck.validate import ValidatesInPandas

if TYPE_CHECKING:
    import pandas as pd
    from pandas.core.groupby import DataFrameGroupBy

    from factcheck.plan import MetricKey, Scan


def _aggregate(data: pd.DataFrame | DataFrameGroupBy, aggregate: str, column: str | None) -> object:
    """Apply one aggregate to a frame or to a group-by object (which has `ngroups`)."""
    if column is None:  # count of rows
        return data.size() if hasattr(data, "ngroups") else len(data)
    spec = AGGREGATES[aggregate]
    return getattr(data[column], spec.pandas)(**spec.pandas_options)


def refuse_text_arithmetic(frame: pd.DataFrame, scan: Scan) -> None:
    """An aggregate of numbers over text is an error in SQL (DuckDB); pandas and GX would
    concatenate the text."""
    from pandas.api.types import is_string_dtype

    for aggregate, column in scan.metrics.values():
        if AGGREGATES[aggregate].numbers_only and column is not None:
            if is_string_dtype(frame[column]):
                raise TypeError(f"cannot take the {aggregate} of text column '{column}'")


def _rows(frame: pd.DataFrame, scan: Scan) -> pd.DataFrame:
    """The scan's rows, with only the columns it aggregates or groups by.

    Filtering first and selecting after would copy every column of every kept row.
    """
    if scan.where is None:
        return frame
    needed = {column for _, column in scan.metrics.values() if column is not None}
    if scan.by is not None:
        needed.add(scan.by.column)
    return frame.loc[where_mask(scan.where, frame), sorted(needed)]


class PandasEngine(ValidatesInPandas):
    name = "pandas"

    def compute(self, source: Source, scans: list[Scan]) -> dict[MetricKey, MetricResult]:
        frame = source.pandas()
        # e.g. a sum over a text column: that claim errors, the others go on.
        return compute_each(scans, lambda scan: self._scan(frame, scan), (TypeError, ValueError))

    def _scan(self, frame: pd.DataFrame, scan: Scan) -> dict[MetricKey, MetricResult]:
        import pandas as pd

        refuse_text_arithmetic(frame, scan)
        data = _rows(frame, scan)
        if scan.by is None:
            return {
                key: MetricResult(len(data), plain(_aggregate(data, agg, col)))
                for key, (agg, col) in scan.metrics.items()
            }
        keys = group_key_series(scan.by, data)
        grouped = data.groupby(keys, dropna=True, sort=True)
        rows = int(keys.notna().sum())
        results: dict[MetricKey, MetricResult] = {}
        for key, (agg, col) in scan.metrics.items():
            series = _aggregate(grouped, agg, col)
            if not isinstance(series, pd.Series):  # a group-by's aggregate is one per group
                raise TypeError(f"{agg} gave {type(series).__name__}, not a value per group")
            groups = {group_key(k): plain(v) for k, v in series.items()}
            results[key] = MetricResult(rows, groups=groups)
        return results
