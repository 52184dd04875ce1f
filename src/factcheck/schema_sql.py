"""A pandera schema as SQL, so a dataset is validated where it lies (DuckDB, PostgreSQL).

The schema files stay pandera's own (YAML or Python) and pandera still reads them; this
module reads the resulting `DataFrameSchema` and renders each of its rules as a SQL
predicate that is true for a failing row. The pieces pandera's SQL backends (ibis) skip are
rendered here too: a column's `unique`, `coerce` (a value that cannot be cast is a
`coerce_dtype(...)` failure) and the failing rows themselves.

Only what has a faithful SQL form is rendered: pandera's built-in checks listed in
`_CHECKS`, dtypes in `_TYPES`, column `unique`/`nullable`, schema `unique`/`strict`/
`coerce`. A schema with anything else (a Python check function, regex column names, an
index, parsers) is `Unsupported`, and the caller validates it in pandas instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from factcheck.lang.sql import quote_ident

if TYPE_CHECKING:
    from pandera.api.pandas.container import DataFrameSchema

# A built-in check's statistics as pandera keeps them: {"min_value": 0}, {"pattern": ...}.
Statistics = Mapping[str, object]

# pandera dtype (as str(dtype)) -> SQL type the column is cast to when the schema coerces.
_TYPES = {
    **dict.fromkeys(("int64", "int32", "int16", "int8", "Int64", "Int32", "int"), "BIGINT"),
    **dict.fromkeys(("float64", "float32", "Float64", "Float32", "float"), "DOUBLE"),
    **dict.fromkeys(("str", "string", "string[pyarrow]", "string[python]"), "VARCHAR"),
    **dict.fromkeys(("bool", "boolean"), "BOOLEAN"),
    **dict.fromkeys(("datetime64[ns]", "datetime64[us]", "datetime64[ms]"), "TIMESTAMP"),
    "date": "DATE",
}
# The SQL types that satisfy a dtype without coercion (DuckDB's names, upper case).
_FAMILY = {
    "BIGINT": ("BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT"),
    "DOUBLE": ("DOUBLE", "FLOAT", "REAL"),
    "VARCHAR": ("VARCHAR",),
    "BOOLEAN": ("BOOLEAN",),
    "TIMESTAMP": ("TIMESTAMP", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_US"),
    "DATE": ("DATE",),
}


# dtypes whose pandas column cannot hold a missing value.
_NO_NULLS = ("int64", "int32", "int16", "int8", "int", "bool")


class Unsupported(Exception):
    """The schema has a rule without a faithful SQL form: validate this dataset in pandas."""


def literal(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        return repr(value) if isinstance(value, float) else str(value)
    return "'" + str(value).replace("'", "''") + "'"


def _range(c: str, low: object, high: object, inc_low: object, inc_high: object) -> str:
    parts = []
    if low is not None:
        parts.append(f"{c} {'>=' if inc_low else '>'} {literal(low)}")
    if high is not None:
        parts.append(f"{c} {'<=' if inc_high else '<'} {literal(high)}")
    return " AND ".join(parts) or "TRUE"


def _length(c: str, s: Statistics) -> str:
    exact = s.get("exact_value")
    if isinstance(exact, int | float | str | Decimal):
        return f"length({c}) = {int(exact)}"
    return _range(f"length({c})", s.get("min_value"), s.get("max_value"), True, True)


def _in(c: str, values: object) -> str:
    if not isinstance(values, Iterable):
        raise Unsupported(f"isin/notin over {type(values).__name__}")
    listed = list(values)
    return f"{c} IN ({', '.join(literal(v) for v in listed)})" if listed else "FALSE"


def _text(value: object) -> str:
    """A check's text statistic (a pattern, a prefix)."""
    if not isinstance(value, str):
        raise Unsupported(f"a text check with {type(value).__name__}")
    return value


# pandera built-in check name -> SQL that is true when the (non-null) value PASSES.
# Regular expressions: pandera's str_matches is re.match (anchored at the start),
# str_contains is re.search.
_CHECKS: dict[str, Callable[[str, Statistics], str]] = {
    "equal_to": lambda c, s: f"{c} = {literal(s['value'])}",
    "not_equal_to": lambda c, s: f"{c} <> {literal(s['value'])}",
    "greater_than": lambda c, s: f"{c} > {literal(s['min_value'])}",
    "greater_than_or_equal_to": lambda c, s: f"{c} >= {literal(s['min_value'])}",
    "less_than": lambda c, s: f"{c} < {literal(s['max_value'])}",
    "less_than_or_equal_to": lambda c, s: f"{c} <= {literal(s['max_value'])}",
    "in_range": lambda c, s: _range(
        c, s["min_value"], s["max_value"], s.get("include_min", True), s.get("include_max", True)
    ),
    "isin": lambda c, s: _in(c, s["allowed_values"]),
    "notin": lambda c, s: f"NOT ({_in(c, s['forbidden_values'])})",
    "str_matches": lambda c, s: (
        f"regexp_matches({c}, {literal('^(?:' + _text(s['pattern']) + ')')})"
    ),
    "str_contains": lambda c, s: f"regexp_matches({c}, {literal(_text(s['pattern']))})",
    "str_startswith": lambda c, s: (
        f"substr({c}, 1, {len(_text(s['string']))}) = {literal(s['string'])}"
    ),
    "str_endswith": lambda c, s: (
        f"substr({c}, length({c}) - {len(_text(s['string'])) - 1}) = {literal(s['string'])}"
        if s["string"]
        else "TRUE"
    ),
    "str_length": _length,
}


@dataclass
class Rule:
    """One check of the schema as SQL over the rows as read: `fails` is true on a failing row."""

    check: str  # the check's name as pandera reports it: isin(['A', 'B']), not_nullable
    column: str | None
    fails: str
    case: str  # SQL giving the failing value shown in the report


@dataclass
class Column:
    name: str
    dtype: str | None  # pandera's dtype name (int64, str, datetime64[ns]) or None
    sql_type: str | None  # the SQL type it is cast to when coerced
    coerce: bool


@dataclass
class SqlSchema:
    columns: list[Column]
    # (column, error as pandera names it, statistics, check name)
    checks: list[tuple[str, str, Statistics, str]] = field(default_factory=list)
    nullable: dict[str, bool] = field(default_factory=dict)
    unique: list[tuple[str, list[str]]] = field(default_factory=list)  # (check name, columns)
    strict: bool = False

    def rules(self, value: dict[str, str]) -> list[Rule]:
        """Every value check as SQL; `value` maps a column to its SQL after coercion."""
        out = []
        for column in self.columns:
            if column.name not in value:
                continue  # a missing column is its own failure (column_in_dataframe)
            raw, c = quote_ident(column.name), value[column.name]
            if column.coerce and column.sql_type is not None:
                fails = []
                if c != raw:  # cast: a value that does not convert fails
                    fails.append(f"({raw} IS NOT NULL AND {c} IS NULL)")
                    if column.sql_type == "BIGINT":  # 2.5 cannot become an integer, 2.0 can
                        fails.append(f"({raw} IS NOT NULL AND TRY_CAST({raw} AS DOUBLE) <> {c})")
                if column.dtype in _NO_NULLS:
                    # numpy's int and bool hold no missing value: pandas cannot coerce one,
                    # so neither does SQL (a nullable column says Int64 or boolean).
                    fails.append(f"{raw} IS NULL")
                if fails:
                    check = f"coerce_dtype('{column.dtype}')"
                    out.append(Rule(check, column.name, " OR ".join(fails), raw))
            if not self.nullable[column.name]:
                out.append(Rule("not_nullable", column.name, f"{raw} IS NULL", "NULL"))
        for name, error, statistics, check in self.checks:
            if name in value:
                c = value[name]
                passes = _CHECKS[check](c, statistics)
                # pandera ignores nulls in checks (ignore_na): nullability is its own rule.
                out.append(Rule(error, name, f"{c} IS NOT NULL AND NOT ({passes})", c))
        return out


def translate(schema: DataFrameSchema) -> SqlSchema:
    """The SQL form of a pandera DataFrameSchema; raises Unsupported for what has none."""
    _refuse_unsupported(schema)
    out = SqlSchema(columns=[], strict=bool(schema.strict))
    for name, column in schema.columns.items():
        if column.regex or not column.required or column.parsers or column.default is not None:
            raise Unsupported(f"column '{name}' uses a rule validated only in pandas")
        dtype = None if column.dtype is None else str(column.dtype)
        if dtype is not None and dtype not in _TYPES:
            raise Unsupported(f"dtype {dtype} of column '{name}'")
        sql_type = _TYPES.get(dtype) if dtype else None
        coerce = bool(column.coerce or schema.coerce) and sql_type is not None
        out.columns.append(Column(name, dtype, sql_type, coerce))
        out.nullable[name] = bool(column.nullable)
        for check in column.checks:
            builtin = check.is_builtin_check(check.name) and check.name in _CHECKS
            if not builtin or not check.statistics or check.groupby is not None:
                raise Unsupported(f"check {check.name} of column '{name}'")
            _CHECKS[check.name]("c", check.statistics)  # Unsupported: statistics without SQL
            out.checks.append((name, str(check.error), check.statistics, check.name))
        if column.unique:
            out.unique.append(("field_uniqueness", [name]))
    if schema.unique:
        sets = [schema.unique] if all(isinstance(u, str) for u in schema.unique) else schema.unique
        out.unique.extend(("multiple_fields_uniqueness", list(s)) for s in sets)
    return out


def _refuse_unsupported(schema: DataFrameSchema) -> None:
    if schema.checks:
        raise Unsupported("dataframe-wide checks run in pandas")
    if schema.index is not None or schema.parsers or schema.ordered:
        raise Unsupported("index, parsers or ordered columns")
    if schema.add_missing_columns or schema.unique_column_names or schema.drop_invalid_rows:
        raise Unsupported("add_missing_columns, unique_column_names or drop_invalid_rows")
    if schema.strict not in (True, False):  # 'filter' drops columns: a pandas operation
        raise Unsupported(f"strict: {schema.strict}")
    if schema.dtype is not None:
        raise Unsupported("a dataframe-wide dtype")


def cast_sql(column: Column, actual: str) -> str:
    """The column as the validated rows show it: cast when the schema coerces and the
    type read is not already the schema's."""
    c = quote_ident(column.name)
    if column.coerce and column.sql_type and not accepts(column.sql_type, actual):
        return f"TRY_CAST({c} AS {column.sql_type})"
    return c


def accepts(sql_type: str, actual: str) -> bool:
    """Whether a column read as `actual` already has the schema's type (no coercion)."""
    base = actual.upper().split("(")[0].strip()
    return base in _FAMILY.get(sql_type, (sql_type,))
