"""The aggregates a metric can ask for, declared once: every engine reads this table.

After Deequ's analyzers, each aggregate says what it means and how each way of computing
it spells it: SQL (DuckDB, and any SQL engine), pandas (the pandas engine), and the
great-expectations expectation whose result carries the figure (the gx engine and
gx-export). Its preconditions are data too: whether it needs a column, and whether the
column must hold numbers (text is refused, as SQL refuses it; pandas would concatenate).

What every engine answers alike, because the table says so (SQL's semantics):
- `count` counts rows; with a column, the rows where it is not null;
- over no non-null values, `sum`, `mean`, `median`, `min` and `max` are None (NULL),
  never 0; `count` and `nunique` are 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Aggregate:
    name: str
    sql: str  # over {c}, the quoted column
    pandas: str  # the pandas Series / GroupBy method
    gx: str  # GX expectation class; its result's `observed_value` is the figure
    needs_column: bool = True
    numbers_only: bool = False  # a text column is an error (SQL refuses it)
    empty_is_null: bool = True  # over no non-null values: None, as SQL's NULL
    pandas_options: dict[str, int] = field(default_factory=dict)


AGGREGATES: dict[str, Aggregate] = {
    a.name: a
    for a in (
        # count(col) counts non-null values. In GX that is ExpectColumnValuesToNotBeNull's
        # element_count - unexpected_count; without a column, COUNT_ROWS below.
        Aggregate("count", "count({c})", "count", "ExpectColumnValuesToNotBeNull",
                  needs_column=False, empty_is_null=False),
        # pandas' sum of nothing is 0.0 unless it must see one value (SQL: NULL).
        Aggregate("sum", "sum({c})", "sum", "ExpectColumnSumToBeBetween",
                  numbers_only=True, pandas_options={"min_count": 1}),
        Aggregate("mean", "avg({c})", "mean", "ExpectColumnMeanToBeBetween", numbers_only=True),
        Aggregate("median", "median({c})", "median", "ExpectColumnMedianToBeBetween"),
        Aggregate("min", "min({c})", "min", "ExpectColumnMinToBeBetween"),
        Aggregate("max", "max({c})", "max", "ExpectColumnMaxToBeBetween"),
        Aggregate("nunique", "count(DISTINCT {c})", "nunique",
                  "ExpectColumnUniqueValueCountToBeBetween", empty_is_null=False),
    )
}  # fmt: skip

# `count` without a column: every row.
COUNT_ROWS_SQL = "count(*)"
COUNT_ROWS_GX = "ExpectTableRowCountToBeBetween"

AGGREGATE_NAMES = tuple(AGGREGATES)
