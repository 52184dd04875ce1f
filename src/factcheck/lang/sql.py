"""Syntax trees to SQL: identifiers double-quoted, literals re-rendered, never user text.

Used by the DuckDB engine (and any SQL engine): the filter, the group key, and each
aggregate as lang/aggregates.py spells it in SQL.
"""

from __future__ import annotations

from decimal import Decimal

from factcheck.lang.aggregates import AGGREGATES, COUNT_ROWS_SQL
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
    Literal,
    Node,
    Not,
    Value,
)


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def aggregate_sql(aggregate: str, column: str | None) -> str:
    """One aggregate over one column (count over none: every row)."""
    if column is None:
        return COUNT_ROWS_SQL
    return AGGREGATES[aggregate].sql.format(c=quote_ident(column))


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


def group_key_sql(key: GroupKey) -> str:
    """The key as a DuckDB expression: the column, or an int year / 'YYYY-Qn' / 'YYYY-MM' /
    'YYYY-MM-DD' / month name / weekday name text, the same keys group_key_series gives."""
    if key.func is None:
        return quote_ident(key.column)
    # Through DATE so text columns holding ISO dates group like date columns, as in pandas.
    col = f"CAST({quote_ident(key.column)} AS DATE)"
    if key.func == "year":
        return f"CAST(year({col}) AS BIGINT)"
    if key.func == "quarter":
        return f"strftime({col}, '%Y') || '-Q' || CAST(quarter({col}) AS VARCHAR)"
    if key.func == "month":
        return f"strftime({col}, '%Y-%m')"
    if key.func == "month_of_year":
        return _name_of(f"EXTRACT(MONTH FROM {col})", MONTH_NAMES)
    if key.func == "weekday":
        return _name_of(f"EXTRACT(ISODOW FROM {col})", WEEKDAY_NAMES)
    return f"strftime({col}, '%Y-%m-%d')"


def _name_of(number_sql: str, names: tuple[str, ...]) -> str:
    """A 1-based number mapped through a table of names (NULL stays NULL)."""
    whens = " ".join(f"WHEN {i} THEN {_sql_value(Literal(n))}" for i, n in enumerate(names, 1))
    return f"(CASE {number_sql} {whens} END)"
