"""A column's dtype without `coerce`, checked in SQL as pandera's pandas backend checks it.

pandas does not keep the type DuckDB's reader or a database gives a column: an integer
column with a missing value is float64 in pandas (numpy's integers hold no missing value),
a boolean one is object, a column with no value at all is float64. pandera compares the
schema's dtype with that pandas dtype and, when they differ, reports each value that
cannot be converted to the schema's dtype (row and value; for a text dtype, each value
that is not text), or, when every value converts, the column's pandas dtype once
(`float64`, no row). From the type read and the column's count of missing values, this
module says what pandas would see and which rows pandera would report, as SQL.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.lang.sql import quote_ident
from factcheck.schema_sql import Column, accepts

# The SQL types read (DuckDB's names) as pandas names them when no value is missing.
_PANDAS = {
    "BIGINT": "int64", "INTEGER": "int32", "SMALLINT": "int16", "TINYINT": "int8",
    "DOUBLE": "float64", "FLOAT": "float32", "REAL": "float32", "BOOLEAN": "bool",
    "VARCHAR": "str",
}  # fmt: skip
_INTEGERS = ("BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT")
_NUMERIC = ("int64", "int32", "int16", "int8", "float64", "float32")
_ALIASES = {"int": "int64", "float": "float64"}
_TEXT = ("str", "string", "string[pyarrow]", "string[python]")


@dataclass
class DtypeCheck:
    """How a column fails its dtype: the rows where `fails` is true, each shown as `case`;
    when no row is (or can be) such a row, the column's pandas dtype once (`seen`)."""

    check: str  # dtype('int64'), as pandera names it
    seen: str  # the pandas dtype the column has, e.g. float64
    fails: str | None = None  # SQL true on a row pandera reports; None: no row can be
    case: str = "NULL"  # SQL giving the value shown for such a row


def _base(actual: str) -> str:
    return actual.upper().split("(")[0].strip()


def pandas_dtype(actual: str, nulls: int, rows: int) -> str:
    """The dtype pandas gives a column read as `actual` with `nulls` of `rows` missing."""
    base = _base(actual)
    if rows and nulls == rows:  # nothing but missing values: pandas reads NaN, float64
        return "float64"
    if nulls and base in _INTEGERS:
        return "float64"
    if nulls and base == "BOOLEAN":
        return "object"
    return _PANDAS.get(base, actual.lower())


def dtype_check(column: Column, actual: str, nulls: int, rows: int) -> DtypeCheck | None:
    """None when pandas' dtype is the schema's; else how pandera reports the difference.
    For a column the schema types and does not coerce."""
    assert column.sql_type is not None and column.dtype is not None
    seen = pandas_dtype(actual, nulls, rows)
    want = _ALIASES.get(column.dtype, column.dtype)
    if want in _NUMERIC and seen in _NUMERIC:
        same = want == seen
    elif seen == "object" or (seen == "float64" and _PANDAS.get(_base(actual)) != "float64"):
        same = False  # missing values changed the type pandas reads
    else:
        same = accepts(column.sql_type, actual)
    if same:
        return None
    check, raw = f"dtype('{column.dtype}')", quote_ident(column.name)
    if column.dtype in _TEXT:  # every value that is not text (a missing one is not shown)
        shown = f"CAST({raw} AS DOUBLE)" if seen == "float64" else raw
        return DtypeCheck(check, seen, f"{raw} IS NOT NULL", shown)
    if want in _NUMERIC[:4] and seen in ("float64", "str"):
        # a missing value, or text that is not a whole number, cannot become an integer
        text = f" OR TRY_CAST({raw} AS BIGINT) IS NULL" if seen == "str" else ""
        return DtypeCheck(check, seen, f"{raw} IS NULL{text}", raw)
    if seen == "str" and column.sql_type in ("DOUBLE", "TIMESTAMP", "DATE"):
        cast = f"TRY_CAST({raw} AS {column.sql_type})"
        return DtypeCheck(check, seen, f"{raw} IS NOT NULL AND {cast} IS NULL", raw)
    return DtypeCheck(check, seen)
