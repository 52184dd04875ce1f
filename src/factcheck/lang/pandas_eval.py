"""`where` and `by` trees evaluated on a pandas DataFrame, with SQL's semantics.

Every condition evaluates to a nullable boolean Series (True / False / NA = unknown);
pandas' "boolean" dtype already does Kleene logic for &, | and ~, as SQL does, so this
keeps the same rows as the SQL that `factcheck.lang.sql` renders for DuckDB.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, TypeAlias

from factcheck.lang.where import (
    MONTH_NAMES,
    WEEKDAY_NAMES,
    And,
    Between,
    Column,
    Compare,
    GroupKey,
    In,
    IsNull,
    Like,
    Node,
    Not,
    Or,
    Value,
)

if TYPE_CHECKING:
    import pandas as pd

# One side of a comparison: a column, or a literal as the column's kind holds it.
Operand: TypeAlias = "pd.Series | pd.Timestamp | date | float | str | bool | None"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # a 'YYYY-MM-DD' literal against a date column


def where_mask(node: Node, df: pd.DataFrame) -> pd.Series:
    """Rows where the condition is true (unknown counts as not true, as in SQL)."""
    result = _eval(node, df)
    return result.fillna(False).astype(bool)


def _eval(node: Node, df: pd.DataFrame) -> pd.Series:
    if isinstance(node, Compare):
        return _compare(node.op, node.left, node.right, df)
    if isinstance(node, In):
        # SQL defines x IN (a, b) as x = a OR x = b: a null option makes a miss unknown.
        result = _compare("=", node.value, node.options[0], df)
        for option in node.options[1:]:
            result = result | _compare("=", node.value, option, df)
        return ~result if node.negated else result
    if isinstance(node, Between):
        low = _compare(">=", node.value, node.low, df)
        inside = low & _compare("<=", node.value, node.high, df)
        return ~inside if node.negated else inside
    if isinstance(node, IsNull):
        nulls = _null(_operand(node.value, df), df)
        return (~nulls if node.negated else nulls).astype("boolean")
    if isinstance(node, Like):
        value = _operand(node.value, df)
        pattern = _like_regex(str(node.pattern.value))
        text = _as_text(_series(value, df))
        # The inline (?s) flag, not flags=re.DOTALL: pandas falls back to a slow per-row
        # Python loop when flags are passed (measured in bench/, about 10x on 1M rows).
        hits = text.str.fullmatch(f"(?s:{pattern})").fillna(False).astype(bool)
        return _kleene(~hits if node.negated else hits, _null(value, df), df)
    if isinstance(node, Not):
        return ~_eval(node.operand, df)
    if isinstance(node, And):
        return _eval(node.left, df) & _eval(node.right, df)
    if isinstance(node, Or):
        return _eval(node.left, df) | _eval(node.right, df)
    raise TypeError(node)  # unreachable: the parser builds only the nodes above


def _compare(op: str, left_value: Value, right_value: Value, df: pd.DataFrame) -> pd.Series:
    import operator

    ops = {
        "=": operator.eq,
        "!=": operator.ne,
        "<": operator.lt,
        "<=": operator.le,
        ">": operator.gt,
        ">=": operator.ge,
    }
    left = _operand(left_value, df, right_value)
    right = _operand(right_value, df, left_value)
    nulls = _null(left, df) | _null(right, df)
    if left is None or right is None:
        return _kleene(False, nulls, df)
    return _kleene(_safe(lambda: ops[op](left, right)), nulls, df)


def _operand(value: Value, df: pd.DataFrame, other: Value | None = None) -> Operand:
    """A column as a Series; a literal as a scalar of the kind the other side holds."""
    import pandas as pd

    if isinstance(value, Column):
        return df[value.name]
    v: Operand = float(value.value) if isinstance(value.value, Decimal) else value.value
    if isinstance(other, Column) and isinstance(v, str):
        column = df[other.name]
        if _DATE.match(v) and pd.api.types.is_datetime64_any_dtype(column):
            stamp = pd.Timestamp(date.fromisoformat(v))
            tz = getattr(column.dtype, "tz", None)
            return stamp.tz_localize(tz) if tz is not None else stamp
        if _DATE.match(v) and _holds_dates(column):
            return date.fromisoformat(v)  # a column of datetime.date objects (DuckDB: DATE)
        if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
            try:
                return float(v)  # DuckDB casts '5' to the column's number type too
            except ValueError:
                return v
    return v


def _holds_dates(column: pd.Series) -> bool:
    from datetime import datetime

    if column.dtype != object:
        return False
    first = column.dropna()
    return (
        len(first) > 0 and type(first.iloc[0]) is date and not isinstance(first.iloc[0], datetime)
    )


def _series(x: object, df: pd.DataFrame) -> pd.Series:
    import pandas as pd

    return x if isinstance(x, pd.Series) else pd.Series([x] * len(df), index=df.index, dtype=object)


def _null(x: object, df: pd.DataFrame) -> pd.Series:
    import pandas as pd

    if isinstance(x, pd.Series):
        return x.isna()
    return pd.Series(x is None, index=df.index)


def _kleene(values: pd.Series | bool, nulls: pd.Series, df: pd.DataFrame) -> pd.Series:
    """A boolean result with NA wherever an operand was null."""
    import pandas as pd

    out = pd.Series(values, index=df.index).astype("boolean")
    out[nulls.to_numpy()] = pd.NA
    return out


def _safe(compute: Callable[[], pd.Series | bool]) -> pd.Series | bool:
    """Comparing values of different kinds (text vs number) is false, not a crash."""
    try:
        result = compute()
    except TypeError:
        return False
    return result.fillna(False) if hasattr(result, "fillna") else result


def _as_text(values: pd.Series) -> pd.Series:
    """Values as DuckDB's CAST(... AS VARCHAR) writes them, so `like` matches the same."""
    import pandas as pd

    if pd.api.types.is_bool_dtype(values):
        return values.map({True: "true", False: "false"}).astype("string")
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.dt.strftime("%Y-%m-%d %H:%M:%S").astype("string")
    return values.astype("string")


def _like_regex(pattern: str) -> str:
    # % is any run of characters, _ one character; everything else matches itself.
    out = []
    for ch in pattern:
        out.append(".*" if ch == "%" else "." if ch == "_" else re.escape(ch))
    return "".join(out)


def group_key_series(key: GroupKey, df: pd.DataFrame) -> pd.Series:
    """The key of every row (NA where the column is null); see group_key_sql."""
    import pandas as pd

    column = df[key.column]
    if key.func is None:
        return column
    dates = pd.to_datetime(column)
    if key.func == "year":
        return dates.dt.year.astype("Int64")
    if key.func == "quarter":
        text = (
            dates.dt.year.astype("Int64").astype("string")
            + "-Q"
            + dates.dt.quarter.astype("Int64").astype("string")
        )
        return text
    if key.func == "month_of_year":
        return _name_of(dates.dt.month, MONTH_NAMES)
    if key.func == "weekday":
        return _name_of(dates.dt.day_of_week + 1, WEEKDAY_NAMES)  # pandas: Monday is 0
    fmt = "%Y-%m" if key.func == "month" else "%Y-%m-%d"
    return dates.dt.strftime(fmt).astype("string")


def _name_of(numbers: pd.Series, names: tuple[str, ...]) -> pd.Series:
    """A 1-based number mapped through a table of names (NA stays NA); see sql._name_of."""
    return numbers.astype("Int64").map(dict(enumerate(names, 1))).astype("string")
