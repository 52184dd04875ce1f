"""great-expectations (GX Core 1.x) over the validated frame: an independent second engine.

An auditor runs `factcheck check` with engine `gx` to recompute every figure with an
established library that shares no code with the default DuckDB engine, and compares.

What GX computes and what it does not:

- GX computes the **aggregates**. Each metric of a scan is one expectation without bounds
  whose result carries the figure: count -> ExpectTableRowCountToBeBetween
  (`observed_value`); count of a column -> ExpectColumnValuesToNotBeNull
  (`element_count - unexpected_count`, the non-null values, as SQL's `count(col)`);
  sum/mean/median/min/max -> ExpectColumn{Sum,Mean,Median,Min,Max}ToBeBetween;
  nunique -> ExpectColumnUniqueValueCountToBeBetween. All expectations of one scan (or of
  one group of a grouped scan) run as one suite in one validation.
- The **filter** (`where`) and the **group keys** (`by`) are factcheck's own: rows are
  kept by `pandas_eval.where_mask` (SQL's null logic) before GX sees them, because GX's
  pandas `row_condition` goes through `DataFrame.query`, whose nulls behave differently.
  Grouped scans compute keys with `pandas_eval.group_key_series` and run one GX batch
  per group: fine for auditing-size data, but the cost grows with the number of groups
  (docs/engines.md has measured times).
- SQL's answers are kept where pandas' differ: a sum, mean, median, min or max over no
  non-null values is None (pandas alone would give 0 for a sum), nunique is 0, and a
  sum or mean of a text column is an error (pandas and GX would concatenate the text).

GX runs in an ephemeral context: in-memory stores, no files written, analytics off
(`GX_ANALYTICS_ENABLED=False` is set before the import, and in the context's config),
no progress bars. A scan whose expectations raise errors only that scan's metrics.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from factcheck.engines.base import Figure, Key, MetricResult, Source, compute_each, group_key, plain
from factcheck.engines.pandas_engine import refuse_text_arithmetic
from factcheck.lang.aggregates import AGGREGATES, COUNT_ROWS_GX
from factcheck.lang.pandas_eval import group_key_series, where_mask
from factcheck.validate import ValidatesInPandas

if TYPE_CHECKING:
    import pandas as pd
    from great_expectations.core.batch_definition import BatchDefinition
    from great_expectations.core.expectation_validation_result import (
        ExpectationValidationResult,
    )
    from great_expectations.data_context import AbstractDataContext

    from factcheck.plan import MetricKey, Scan

# Before great_expectations is first imported (the registry imports it right after this
# module): no usage statistics (GX 1.24's own source has no sender left; belt and braces).
os.environ["GX_ANALYTICS_ENABLED"] = "False"

# factcheck aggregate -> GX expectation class whose result has `observed_value`, from the
# one aggregate table (gx-export compiles claims with the same classes). count has none:
# rows are COUNT_ROWS_GX's observed_value, a column's non-null values _NOT_NULL's counts.
EXPECTATION = {name: a.gx for name, a in AGGREGATES.items() if name != "count"}
_NOT_NULL = AGGREGATES["count"].gx
# A result names its expectation in snake case: expect_column_sum_to_be_between.
_CLASS_OF = {
    re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower(): name
    for name in [*EXPECTATION.values(), COUNT_ROWS_GX, _NOT_NULL]
}

# (expectation class name, column or None): one expectation per distinct pair in a suite.
Want = tuple[str, str | None]


def _wants(aggregate: str, column: str | None) -> list[Want]:
    """The expectations one metric needs (a sum also needs its non-null count)."""
    if column is None:
        return [(COUNT_ROWS_GX, None)]
    wants: list[Want] = [(AGGREGATES[aggregate].gx, column)]
    if AGGREGATES[aggregate].empty_is_null:
        wants.append((_NOT_NULL, column))  # no non-null values: None, as SQL
    return wants


def _value(aggregate: str, column: str | None, observed: dict[Want, Figure]) -> Figure:
    if column is None:
        return observed[(COUNT_ROWS_GX, None)]
    spec = AGGREGATES[aggregate]
    if spec.empty_is_null and observed[(_NOT_NULL, column)] == 0:
        return None
    if aggregate == "count":
        return observed[(_NOT_NULL, column)]
    return plain(observed[(spec.gx, column)])


def _exception(result: ExpectationValidationResult) -> str | None:
    """The first exception message GX recorded for one expectation, if any."""
    info = result.exception_info or {}
    infos = [info] if "raised_exception" in info else list(info.values())
    for item in infos:
        if isinstance(item, dict) and item.get("raised_exception"):
            message = str(item.get("exception_message") or "great-expectations error")
            return message.strip().splitlines()[0] if message.strip() else message
    return None


class GXError(Exception):
    """GX raised inside a validation: the scan's metrics error with this message."""


class GXEngine(ValidatesInPandas):
    name = "gx"

    def __init__(self) -> None:
        self._batches: BatchDefinition | None = None  # whole-dataframe, made on first use

    def compute(self, source: Source, scans: list[Scan]) -> dict[MetricKey, MetricResult]:
        frame = source.pandas()
        # GX raises many kinds of exception; a failing scan never becomes a traceback.
        return compute_each(scans, lambda scan: self._scan(frame, scan), (Exception,))

    def _scan(self, frame: pd.DataFrame, scan: Scan) -> dict[MetricKey, MetricResult]:
        refuse_text_arithmetic(frame, scan)
        data = _rows(frame, scan)
        wants = list(dict.fromkeys(w for a, c in scan.metrics.values() for w in _wants(a, c)))
        if scan.by is None:
            observed = self._validate(data, wants)
            return {
                key: MetricResult(len(data), _value(agg, col, observed))
                for key, (agg, col) in scan.metrics.items()
            }
        keys = group_key_series(scan.by, data)
        rows = int(keys.notna().sum())
        groups: dict[MetricKey, dict[Key, Figure]] = {key: {} for key in scan.metrics}
        for value, part in data.groupby(keys, dropna=True, sort=True):
            observed = self._validate(part, wants)  # one GX batch per group
            for key, (agg, col) in scan.metrics.items():
                groups[key][group_key(value)] = _value(agg, col, observed)
        return {key: MetricResult(rows, groups=groups[key]) for key in scan.metrics}

    def _validate(self, data: pd.DataFrame, wants: list[Want]) -> dict[Want, Figure]:
        """One suite, one validation over `data`: each expectation's figure."""
        batches = self._batch_definition()  # the context first: a suite needs one
        import great_expectations as gx
        import great_expectations.expectations as gxe

        suite = gx.ExpectationSuite(name="factcheck")
        for kind, column in wants:
            kwargs = {} if column is None else {"column": column}
            suite.add_expectation(getattr(gxe, kind)(**kwargs))
        batch = batches.get_batch(batch_parameters={"dataframe": data})
        validation = batch.validate(suite, result_format="BASIC")
        observed: dict[Want, Figure] = {}
        for result in validation.results:
            message = _exception(result)
            if message is not None:
                raise GXError(message)
            config = result.expectation_config
            if config is None:
                raise GXError("great-expectations returned a result without its expectation")
            kind, column = _CLASS_OF[config.type], config.kwargs.get("column")
            if kind == _NOT_NULL:
                value = result.result["element_count"] - result.result["unexpected_count"]
            else:
                value = result.result["observed_value"]
            observed[(kind, column)] = plain(value)
        missing = [w for w in wants if w not in observed]
        if missing:
            raise GXError(f"great-expectations returned no result for {missing[0][0]}")
        return observed

    def _batch_definition(self) -> BatchDefinition:
        if self._batches is None:
            source = _context().data_sources.add_pandas("factcheck")
            asset = source.add_dataframe_asset("frame")
            self._batches = asset.add_batch_definition_whole_dataframe("whole")
        return self._batches


def _rows(frame: pd.DataFrame, scan: Scan) -> pd.DataFrame:
    """The scan's rows (factcheck's own SQL-null filter), only the columns it uses."""
    needed = {column for _, column in scan.metrics.values() if column is not None}
    if scan.by is not None:
        needed.add(scan.by.column)
    if scan.where is None:
        return frame.loc[:, sorted(needed)]
    return frame.loc[where_mask(scan.where, frame), sorted(needed)]


def _context() -> AbstractDataContext:
    """An ephemeral GX context: in-memory stores, analytics and progress bars off."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
    )
    return gx.get_context(mode="ephemeral", project_config=config)
