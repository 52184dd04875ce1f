"""`where` filters and `by` group keys: parse, list columns, render SQL, filter pandas.

SQL is rendered from the tree (identifiers double-quoted, literals re-rendered),
and the pandas evaluation follows SQL's three-valued logic, so both engines
keep exactly the same rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from factcheck.lang.errors import LangError, parse_tree

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "LangError",
    "parse_where",
    "where_columns",
    "where_to_sql",
    "where_mask",
    "parse_by",
    "group_key_sql",
    "group_key_series",
    "GroupKey",
]


@dataclass(frozen=True)
class Column:
    name: str


@dataclass(frozen=True)
class Literal:
    value: Any  # int | Decimal | str | bool | None


Value = Column | Literal


@dataclass(frozen=True)
class Compare:
    op: str  # = != < <= > >=
    left: Value
    right: Value


@dataclass(frozen=True)
class In:
    value: Value
    options: tuple[Value, ...]
    negated: bool = False


@dataclass(frozen=True)
class Between:
    value: Value
    low: Value
    high: Value
    negated: bool = False


@dataclass(frozen=True)
class IsNull:
    value: Value
    negated: bool = False


@dataclass(frozen=True)
class Like:
    value: Value
    pattern: Value
    negated: bool = False


@dataclass(frozen=True)
class Not:
    operand: Node


@dataclass(frozen=True)
class And:
    left: Node
    right: Node


@dataclass(frozen=True)
class Or:
    left: Node
    right: Node


Node = Compare | In | Between | IsNull | Like | Not | And | Or

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_where(text: str) -> Node:
    tree = parse_tree("where.lark", text, "where")
    node = _build(tree)
    if isinstance(node, Column | Literal):
        raise LangError(
            "where must be a condition (e.g. col = 'x'), not a bare value", text.strip(), 1
        )
    return node


def _build(tree: Any) -> Any:
    from lark import Token

    if isinstance(tree, Token):
        raise LangError(f"unexpected '{tree}'", str(tree), tree.column)
    kind, kids = tree.data, [c for c in tree.children if not _keyword(c)]
    if kind == "column":
        return Column(str(kids[0]))
    if kind == "quoted_column":
        return Column(str(kids[0])[1:-1].replace('""', '"'))
    if kind == "number":
        raw = str(kids[0])
        return Literal(int(raw) if re.fullmatch(r"-?\d+", raw) else Decimal(raw))
    if kind == "string":
        return Literal(str(kids[0])[1:-1].replace("''", "'"))
    if kind in ("true", "false"):
        return Literal(kind == "true")
    if kind == "null":
        return Literal(None)
    if kind == "compare":
        left, op, right = tree.children
        return Compare("!=" if str(op) == "<>" else str(op), _build(left), _build(right))
    built = [_build(k) for k in kids]
    if kind in ("in_op", "not_in_op"):
        return In(built[0], tuple(built[1:]), kind == "not_in_op")
    if kind in ("between", "not_between"):
        return Between(built[0], built[1], built[2], kind == "not_between")
    if kind in ("is_null", "is_not_null"):
        return IsNull(built[0], kind == "is_not_null")
    if kind in ("like", "not_like"):
        return Like(built[0], built[1], kind == "not_like")
    if kind == "not_op":
        return Not(built[0])
    if kind == "and_op":
        return And(built[0], built[1])
    if kind == "or_op":
        return Or(built[0], built[1])
    raise LangError(f"unsupported construct '{kind}'", kind, None)  # grammar and code disagree


_KEYWORDS = {"OR", "AND", "NOT", "IN", "BETWEEN", "IS", "LIKE", "NULL"}


def _keyword(child: Any) -> bool:
    from lark import Token

    return isinstance(child, Token) and child.type in _KEYWORDS


def _walk(node: Any) -> Any:
    yield node
    for value in vars(node).values():
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            if hasattr(item, "__dataclass_fields__"):
                yield from _walk(item)


def where_columns(node: Node) -> set[str]:
    return {n.name for n in _walk(node) if isinstance(n, Column)}


# --- SQL -------------------------------------------------------------------


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_value(value: Value) -> str:
    if isinstance(value, Column):
        return quote_ident(value.name)
    v = value.value
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, int | Decimal):
        return str(v)
    return "'" + str(v).replace("'", "''") + "'"


def where_to_sql(node: Node) -> str:
    if isinstance(node, Compare):
        return f"({_sql_value(node.left)} {node.op} {_sql_value(node.right)})"
    if isinstance(node, In):
        options = ", ".join(_sql_value(o) for o in node.options)
        return f"({_sql_value(node.value)} {'NOT IN' if node.negated else 'IN'} ({options}))"
    if isinstance(node, Between):
        word = "NOT BETWEEN" if node.negated else "BETWEEN"
        low, high = _sql_value(node.low), _sql_value(node.high)
        return f"({_sql_value(node.value)} {word} {low} AND {high})"
    if isinstance(node, IsNull):
        return f"({_sql_value(node.value)} IS {'NOT ' if node.negated else ''}NULL)"
    if isinstance(node, Like):
        word = "NOT LIKE" if node.negated else "LIKE"
        return f"(CAST({_sql_value(node.value)} AS VARCHAR) {word} {_sql_value(node.pattern)})"
    if isinstance(node, Not):
        return f"(NOT {where_to_sql(node.operand)})"
    if isinstance(node, And):
        return f"({where_to_sql(node.left)} AND {where_to_sql(node.right)})"
    return f"({where_to_sql(node.left)} OR {where_to_sql(node.right)})"


# --- pandas ----------------------------------------------------------------


def where_mask(node: Node, df: pd.DataFrame) -> pd.Series:
    """Rows where the condition is true (unknown counts as not true, as in SQL)."""
    result = _eval(node, df)
    return result.fillna(False).astype(bool)


def _operand(value: Value, df: pd.DataFrame, other: Value | None = None) -> Any:
    import pandas as pd

    if isinstance(value, Column):
        return df[value.name]
    v = value.value
    if isinstance(v, Decimal):
        v = float(v)
    if isinstance(other, Column) and v is not None:
        column = df[other.name]
        if pd.api.types.is_datetime64_any_dtype(column) and isinstance(v, str) and _DATE.match(v):
            return pd.Timestamp(date.fromisoformat(v))
        if pd.api.types.is_numeric_dtype(column) and isinstance(v, str):
            try:
                return float(v)
            except ValueError:
                return v
    return v


def _null(x: Any, df: pd.DataFrame) -> Any:
    import pandas as pd

    if isinstance(x, pd.Series):
        return x.isna()
    return pd.Series(x is None, index=df.index)


def _kleene(values: Any, nulls: Any, df: pd.DataFrame) -> pd.Series:
    """A boolean result with NA wherever an operand was null."""
    import pandas as pd

    out = pd.Series(values, index=df.index).astype("boolean")
    out[nulls.to_numpy()] = pd.NA
    return out


def _compare(op: str, left: Any, right: Any) -> Any:
    import operator

    ops = {
        "=": operator.eq,
        "!=": operator.ne,
        "<": operator.lt,
        "<=": operator.le,
        ">": operator.gt,
        ">=": operator.ge,
    }
    return ops[op](left, right)


def _eval(node: Node, df: pd.DataFrame) -> pd.Series:
    if isinstance(node, Compare):
        left = _operand(node.left, df, node.right)
        right = _operand(node.right, df, node.left)
        nulls = _null(left, df) | _null(right, df)
        if left is None or right is None:
            return _kleene(False, nulls, df)
        return _kleene(_safe(lambda: _compare(node.op, left, right), df), nulls, df)
    if isinstance(node, In):
        value = _operand(node.value, df)
        options = [_operand(o, df, node.value) for o in node.options]
        hits = value.isin([o for o in options if o is not None])
        return _kleene(~hits if node.negated else hits, _null(value, df), df)
    if isinstance(node, Between):
        value = _operand(node.value, df)
        low = _operand(node.low, df, node.value)
        high = _operand(node.high, df, node.value)
        inside = _safe(lambda: (value >= low) & (value <= high), df)
        nulls = _null(value, df) | _null(low, df) | _null(high, df)
        return _kleene(~inside if node.negated else inside, nulls, df)
    if isinstance(node, IsNull):
        nulls = _null(_operand(node.value, df), df)
        return (~nulls if node.negated else nulls).astype("boolean")
    if isinstance(node, Like):
        value = _operand(node.value, df)
        pattern = _like_regex(str(node.pattern.value if isinstance(node.pattern, Literal) else ""))
        text = value.astype("string")
        hits = text.str.fullmatch(pattern, flags=re.DOTALL).fillna(False).astype(bool)
        return _kleene(~hits if node.negated else hits, _null(value, df), df)
    if isinstance(node, Not):
        return ~_eval(node.operand, df)
    if isinstance(node, And):
        return _eval(node.left, df) & _eval(node.right, df)
    if isinstance(node, Or):
        return _eval(node.left, df) | _eval(node.right, df)
    raise TypeError(node)  # unreachable: the parser builds only the nodes above


def _safe(compute: Any, df: pd.DataFrame) -> Any:
    """Comparing values of different kinds (text vs number) is false, not a crash."""
    try:
        result = compute()
    except TypeError:
        return False
    return result.fillna(False) if hasattr(result, "fillna") else result


def _like_regex(pattern: str) -> str:
    out = []
    for ch in pattern:
        out.append(".*" if ch == "%" else "." if ch == "_" else re.escape(ch))
    return "".join(out)


# --- by: group keys --------------------------------------------------------

_BY_FUNCS = ("year", "quarter", "month", "day")


@dataclass(frozen=True)
class GroupKey:
    column: str
    func: str | None = None  # year | quarter | month | day


def parse_by(text: str) -> GroupKey:
    """`col`, `"a column"`, or year/quarter/month/day of a column."""
    tree = parse_tree("by.lark", text, "by")
    tokens = list(tree.scan_values(lambda _: True))
    name = tokens[-1]
    column = str(name)[1:-1].replace('""', '"') if name.type == "QUOTED_NAME" else str(name)
    if len(tokens) == 1:
        return GroupKey(column)
    func = str(tokens[0]).lower()
    if func not in _BY_FUNCS:
        raise LangError(
            f"unknown function '{tokens[0]}' in by (year, quarter, month, day)",
            str(tokens[0]),
            tokens[0].column,
        )
    return GroupKey(column, func)


def group_key_sql(key: GroupKey) -> str:
    col = quote_ident(key.column)
    if key.func is None:
        return col
    if key.func == "year":
        return f"CAST(year({col}) AS BIGINT)"
    if key.func == "quarter":
        return f"strftime({col}, '%Y') || '-Q' || CAST(quarter({col}) AS VARCHAR)"
    if key.func == "month":
        return f"strftime({col}, '%Y-%m')"
    return f"strftime({col}, '%Y-%m-%d')"


def group_key_series(key: GroupKey, df: pd.DataFrame) -> pd.Series:
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
    fmt = "%Y-%m" if key.func == "month" else "%Y-%m-%d"
    return dates.dt.strftime(fmt).astype("string")
