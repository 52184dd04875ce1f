"""`where` filters and `by` group keys: parsed into small syntax trees.

Only parsing and checking live here. The engines turn the trees into work:
`factcheck.lang.sql` renders SQL (DuckDB), `factcheck.lang.pandas_eval`
evaluates them on a DataFrame; both keep exactly the same rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from factcheck.lang.errors import LangError, check_number, parse_tree

if TYPE_CHECKING:
    from lark import Token, Tree

__all__ = ["LangError", "parse_where", "where_columns", "parse_by", "GroupKey", "Node"]


@dataclass(frozen=True)
class Column:
    name: str


@dataclass(frozen=True)
class Literal:
    value: int | Decimal | str | bool | None
    # Part of equality: True == 1 and Decimal('1.0') == 1 in Python, but a filter on
    # `flag = true` and one on `flag = 1` are different metrics (plan.MetricKey).
    kind: str = field(init=False, repr=False, default="")

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", type(self.value).__name__)


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
    pattern: Literal  # always a 'quoted' string: a column's values could act as patterns
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


def parse_where(text: str) -> Node:
    """Parse a `where` filter; anything outside the SQL subset is a LangError."""
    try:
        tree = parse_tree("where.lark", text, "where")
    except LangError as exc:
        raise _double_equals(_name_the_call(exc, text), text) from None
    if tree.data in _VALUES:
        raise LangError(
            "where must be a condition (e.g. col = 'x'), not a bare value", text.strip(), 1
        )
    return _condition(tree)


# The parse-tree rules of a value (a leaf); every other rule is a condition.
_VALUES = {"column", "quoted_column", "number", "string", "true", "false", "null"}


def _value(tree: Tree[Token] | Token) -> Value:
    from lark import Token

    if isinstance(tree, Token):
        raise LangError(f"unexpected '{tree}'", str(tree), tree.column)
    kind, kids = tree.data, tree.children
    if kind == "column":
        return Column(str(kids[0]))
    if kind == "quoted_column":
        return Column(str(kids[0])[1:-1].replace('""', '"'))
    if kind == "number":
        raw = check_number(kids[0])
        return Literal(int(raw) if re.fullmatch(r"-?\d+", raw) else Decimal(raw))
    if kind == "string":
        return Literal(str(kids[0])[1:-1].replace("''", "'"))
    if kind in ("true", "false"):
        return Literal(kind == "true")
    if kind == "null":
        return Literal(None)
    raise LangError(f"unsupported construct '{kind}'", kind, None)  # grammar and code disagree


def _condition(tree: Tree[Token] | Token) -> Node:
    from lark import Token

    if isinstance(tree, Token):
        raise LangError(f"unexpected '{tree}'", str(tree), tree.column)
    kind, kids = tree.data, [c for c in tree.children if not _keyword(c)]
    if kind == "compare":
        left, op, right = tree.children
        return Compare("!=" if str(op) == "<>" else str(op), _value(left), _value(right))
    if kind == "not_op":
        return Not(_condition(kids[0]))
    if kind in ("and_op", "or_op"):
        both = (_condition(kids[0]), _condition(kids[1]))
        return And(*both) if kind == "and_op" else Or(*both)
    values = [_value(k) for k in kids]
    if kind in ("in_op", "not_in_op"):
        return In(values[0], tuple(values[1:]), kind == "not_in_op")
    if kind in ("between", "not_between"):
        return Between(values[0], values[1], values[2], kind == "not_between")
    if kind in ("is_null", "is_not_null"):
        return IsNull(values[0], kind == "is_not_null")
    if kind in ("like", "not_like"):
        pattern = values[1]
        if not (isinstance(pattern, Literal) and isinstance(pattern.value, str)):
            # A pattern from a column could hide regex-like behaviour per row: keep it literal.
            word = pattern.name if isinstance(pattern, Column) else str(pattern.value)
            raise LangError(
                f"like needs a 'quoted' pattern, not {word}", word, _column_of(tree.children[-1])
            )
        return Like(values[0], pattern, kind == "not_like")
    raise LangError(f"unsupported construct '{kind}'", kind, None)  # grammar and code disagree


def _double_equals(exc: LangError, text: str) -> LangError:
    """`==` is how Python and pandas compare; in SQL, and so in where, it is one `=`."""
    at = (exc.column or 0) - 1
    if exc.word != "=" or at < 1 or text[at - 1 : at + 1] != "==":
        return exc
    fixed = text[: at - 1] + "=" + text[at + 1 :]
    message = f"'==' compares in Python, not in where: write one '=' ({fixed.strip()})"
    return LangError(message, "==", exc.column - 1 if exc.column else None)


def _name_the_call(exc: LangError, text: str) -> LangError:
    """A '(' right after a name is a function call: say so, it is the usual mistake."""
    if exc.word != "(" or not exc.column:
        return exc
    before = text[: exc.column - 1].rstrip()
    start = len(before)
    while start > 0 and (before[start - 1].isalnum() or before[start - 1] == "_"):
        start -= 1
    name = before[start:]
    if not name:
        return exc
    message = f"function calls are not allowed in where: '{name}(' (compare columns and values)"
    return LangError(message, exc.word, exc.column)


def _column_of(child: Tree[Token] | Token) -> int | None:
    """1-based column of a parse-tree child, if lark kept it."""
    meta = getattr(child, "meta", None)
    return getattr(child, "column", None) or getattr(meta, "column", None)


_KEYWORDS = {"OR", "AND", "NOT", "IN", "BETWEEN", "IS", "LIKE", "NULL"}


def _keyword(child: object) -> bool:
    from lark import Token

    return isinstance(child, Token) and child.type in _KEYWORDS


def _walk(node: Node | Value) -> Iterator[Node | Value]:
    yield node
    for value in vars(node).values():
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            if hasattr(item, "__dataclass_fields__"):
                yield from _walk(item)


def where_columns(node: Node) -> set[str]:
    return {n.name for n in _walk(node) if isinstance(n, Column)}


# --- by: group keys --------------------------------------------------------

_BY_FUNCS = ("year", "quarter", "month", "day", "month_of_year", "weekday")

# The keys of the calendar functions, defined once: every renderer (SQL, pandas) maps the
# month number 1..12 and the ISO weekday number 1 (Monday)..7 through these tables, so the
# keys never depend on a database's or an operating system's locale.
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The keys of each calendar function, in the calendar's order (groups are reported so).
CALENDAR_NAMES = {"month_of_year": MONTH_NAMES, "weekday": WEEKDAY_NAMES}


@dataclass(frozen=True)
class GroupKey:
    column: str
    func: str | None = None  # one of _BY_FUNCS


def parse_by(text: str) -> GroupKey:
    """`col`, `"a column"`, or one of _BY_FUNCS of a column."""
    tree = parse_tree("by.lark", text, "by")
    tokens = list(tree.scan_values(lambda _: True))
    name = tokens[-1]
    column = str(name)[1:-1].replace('""', '"') if name.type == "QUOTED_NAME" else str(name)
    if len(tokens) == 1:
        return GroupKey(column)
    func = str(tokens[0]).lower()
    if func not in _BY_FUNCS:
        raise LangError(
            f"unknown function '{tokens[0]}' in by ({', '.join(_BY_FUNCS)})",
            str(tokens[0]),
            tokens[0].column,
        )
    return GroupKey(column, func)
