"""A `where` tree as a pandas `DataFrame.query` string: GX's pandas `row_condition`.

Rendered only where `query` keeps exactly the rows factcheck keeps (SQL's null logic):
comparisons of a column with a literal of the column's kind, `in`, `between`, `and`,
`or`. A comparison with a null is false in both, and and/or of such comparisons keep the
same rows; `!=`, `not in`, `not between` only on a column the schema declares
non-nullable (pandas keeps a null row there, SQL does not). `not`, `is null`, `like`, null
and boolean literals, and column-to-column comparisons are not rendered (None): the
caller then says the filter has no exact row condition instead of guessing.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from factcheck.lang.where import And, Between, Column, Compare, In, Literal, Node, Or

if TYPE_CHECKING:
    import pandas as pd

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

_OPS = {"=": "==", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}
_MIRROR = {"=": "=", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}


class _Column(Protocol):
    nullable: bool


class Schema(Protocol):
    """What is read of a dataset's (pandera) schema: which columns may hold nulls."""

    @property
    def columns(self) -> Mapping[str, _Column]: ...


def pandas_query(node: Node, frame: pd.DataFrame, schema: Schema | None) -> str | None:
    """The where tree `node` as a query string over `frame`, or None if not exact."""

    def nonnull(column: str) -> bool:
        if schema is None or column not in schema.columns:
            return False
        return not schema.columns[column].nullable

    def render(node: Node) -> str | None:
        if isinstance(node, And | Or):
            first, second = render(node.left), render(node.right)
            if first is None or second is None:
                return None
            return f"({first} {'and' if isinstance(node, And) else 'or'} {second})"
        if isinstance(node, Compare):
            op, left, right = node.op, node.left, node.right
            if isinstance(left, Literal) and isinstance(right, Column):
                op, left, right = _MIRROR[op], right, left
            if not (isinstance(left, Column) and isinstance(right, Literal)):
                return None
            if op == "!=" and not nonnull(left.name):
                return None
            name, literal = _name(left.name, frame), _literal(right.value, left.name, frame)
            if name is None or literal is None:
                return None
            if _is_datetime(frame, left.name) and op in ("=", "!="):
                # query's == and != match a date string as text (no row); the range is exact.
                if op == "!=":
                    return None
                return f"({name} >= {literal} and {name} <= {literal})"
            return f"{name} {_OPS[op]} {literal}"
        if isinstance(node, In):
            if not isinstance(node.value, Column) or (
                node.negated and not nonnull(node.value.name)
            ):
                return None
            if _is_datetime(frame, node.value.name):
                return None  # query's `in` matches a date string as text
            name = _name(node.value.name, frame)
            options = [
                _literal(o.value, node.value.name, frame) if isinstance(o, Literal) else None
                for o in node.options
            ]
            texts = [o for o in options if o is not None]
            if name is None or len(texts) < len(options):
                return None
            return f"{name} {'not in' if node.negated else 'in'} [{', '.join(texts)}]"
        if isinstance(node, Between):
            if not isinstance(node.value, Column) or (
                node.negated and not nonnull(node.value.name)
            ):
                return None
            name = _name(node.value.name, frame)
            low = (
                _literal(node.low.value, node.value.name, frame)
                if isinstance(node.low, Literal)
                else None
            )
            high = (
                _literal(node.high.value, node.value.name, frame)
                if isinstance(node.high, Literal)
                else None
            )
            if name is None or low is None or high is None:
                return None
            if node.negated:
                return f"({name} < {low} or {name} > {high})"
            return f"({name} >= {low} and {name} <= {high})"
        return None  # not, is null, like

    return render(node)


def _is_datetime(frame: pd.DataFrame, column: str) -> bool:
    return column in frame.columns and frame[column].dtype.kind == "M"


def _name(column: str, frame: pd.DataFrame) -> str | None:
    if column not in frame.columns:
        return None
    if column.isidentifier() and not keyword.iskeyword(column):
        return column
    return f"`{column}`" if "`" not in column else None


def _literal(value: object, column: str, frame: pd.DataFrame) -> str | None:
    """A literal as query source, only where pandas compares it as factcheck does."""
    import pandas as pd

    if column not in frame.columns or value is None or isinstance(value, bool):
        return None
    dtype = frame[column].dtype
    if isinstance(value, int | Decimal):
        if dtype.kind in "iuf":  # numpy numbers: NaN compares false, as a SQL null
            return str(value) if isinstance(value, int) else repr(float(value))
        return None
    if not isinstance(value, str):
        return None
    if dtype.kind == "M" and getattr(dtype, "tz", None) is None:
        # A 'YYYY-MM-DD' against naive datetimes: midnight, as factcheck compares it.
        return repr(value) if _DATE.match(value) else None
    if isinstance(dtype, pd.StringDtype) and dtype.na_value is not pd.NA:
        return repr(value)  # pandas' `str` dtype: a missing value compares false
    if dtype.kind == "O" and frame[column].dropna().map(type).eq(str).all():
        return repr(value)
    return None
