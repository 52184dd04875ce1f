"""Validate a dataset where it lies: its pandera schema's rules as SQL (schema_sql.py), run
over the rows by the database that holds them (DuckDB over a file, PostgreSQL).

The failures have the shape the pandas path gives (validate._failures): one entry per
(column, check) with the count of failing rows and up to EXAMPLES example rows (row
position and value, in file order). One query counts every value rule in a single pass;
only a failing rule is queried again, for its examples; each unique set is one GROUP BY.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NotRequired, TypedDict

from factcheck.dtype_sql import DtypeCheck, dtype_check
from factcheck.engines.base import whole
from factcheck.lang.sql import quote_ident
from factcheck.schema_sql import SqlSchema, cast_sql

EXAMPLES = 5  # example failing rows kept per check, as in the pandas path

# Runs one SQL statement (DuckDB's dialect; a PostgreSQL runner translates it) and
# returns its rows.
Run = Callable[[str], list[tuple[object, ...]]]

# A failing value, row index or column name as the report shows it.
Shown = int | float | str | bool | None


class Case(TypedDict):
    """One example failing row: its position, its line in the file (added once every
    failure is known, None where a format has no lines), the failing value."""

    index: Shown
    line: NotRequired[int | None]
    failure_case: Shown


class Failure(TypedDict):
    """One failing (column, check) of a dataset, as the report shows it."""

    check: str
    column: Shown  # None for a dataframe-wide check
    failure_cases: list[Case]
    count: int
    message: NotRequired[str]  # when the check could not run


def validate_rows(
    run: Run, rows: str, actual: dict[str, str], schema: SqlSchema
) -> tuple[int, list[Failure], dict[str, str]]:
    """Row count, failures, and each column's SQL after coercion (for the computing view).

    `rows` is a FROM item holding the rows as read, with a `__row` column (the row's
    position in the file, or NULL where rows have no order); `actual` maps each column as
    read to its SQL type.
    """
    failures = _structure(actual, schema)
    value = {c.name: cast_sql(c, actual[c.name]) for c in schema.columns if c.name in actual}
    rules = schema.rules(value)
    # Columns typed without coercion: their missing values decide the type pandas sees.
    typed = [c for c in schema.columns if c.name in actual and c.sql_type and not c.coerce]
    counted = ", ".join(
        [
            "count(*)",
            *(f"count(*) FILTER (WHERE {r.fails})" for r in rules),
            *(f"count(*) FILTER (WHERE {quote_ident(c.name)} IS NULL)" for c in typed),
        ]
    )
    counts = run(f"SELECT {counted} FROM {rows}")[0]
    total = whole(counts[0])
    nulls = counts[1 + len(rules) :]
    for column, missing in zip(typed, nulls, strict=True):
        wrong = dtype_check(column, actual[column.name], whole(missing), total)
        if wrong is not None:
            failures.append(_dtype_failure(run, rows, column.name, wrong))
    for rule, count in zip(rules, counts[1 : 1 + len(rules)], strict=True):
        if count:
            examples = run(
                f"SELECT __row, {rule.case} FROM {rows} WHERE {rule.fails} "
                f"ORDER BY __row LIMIT {EXAMPLES}"
            )
            failures.append(_failure(rule.check, rule.column, whole(count), examples))
    for check, columns in schema.unique:
        present = [c for c in columns if c in value]
        found = _duplicates(run, rows, check, present, value) if present else []
        failures.extend(found)
        if found and check == "multiple_fields_uniqueness":
            break  # pandera reports the first schema-level unique set that fails
    failures.sort(key=lambda f: (f["column"] is None, str(f["column"] or ""), f["check"]))
    return total, failures, value


def _dtype_failure(run: Run, rows: str, column: str, found: DtypeCheck) -> Failure:
    """pandera's dtype failure: the rows whose value does not convert, or, when there is
    none, the column's pandas dtype once."""
    if found.fails is not None:
        count = whole(run(f"SELECT count(*) FROM {rows} WHERE {found.fails}")[0][0])
        if count:
            examples = run(
                f"SELECT __row, {found.case} FROM {rows} WHERE {found.fails} "
                f"ORDER BY __row LIMIT {EXAMPLES}"
            )
            return _failure(found.check, column, count, examples)
    return _failure(found.check, column, 1, [(None, found.seen)])


def _structure(actual: dict[str, str], schema: SqlSchema) -> list[Failure]:
    """Missing columns, and columns a strict schema does not know."""
    failures: list[Failure] = []
    names = {c.name for c in schema.columns}
    for column in schema.columns:
        if column.name not in actual:
            failures.append(_failure("column_in_dataframe", None, 1, [(None, column.name)]))
    if schema.strict:
        for name in actual:
            if name not in names:
                failures.append(_failure("column_in_schema", None, 1, [(None, name)]))
    return failures


def _duplicates(
    run: Run, rows: str, check: str, columns: list[str], value: dict[str, str]
) -> list[Failure]:
    """Rows whose key repeats (nulls equal, as pandas' duplicated): per column, the rows
    where that column is not null, as pandera reports them."""
    keys = ", ".join(f"{value[c]} AS __k{i}" for i, c in enumerate(columns))
    group = ", ".join(str(i + 1) for i in range(len(columns)))
    dups = f"(SELECT {keys} FROM {rows} GROUP BY {group} HAVING count(*) > 1) AS __d"
    on = " AND ".join(f"{value[c]} IS NOT DISTINCT FROM __d.__k{i}" for i, c in enumerate(columns))
    joined = f"{rows} JOIN {dups} ON {on}"
    counted = ", ".join(f"count(*) FILTER (WHERE {value[c]} IS NOT NULL)" for c in columns)
    counts = run(f"SELECT {counted} FROM {joined}")[0]
    out: list[Failure] = []
    for column, count in zip(columns, counts, strict=True):
        if count:
            examples = run(
                f"SELECT __row, {value[column]} FROM {joined} WHERE {value[column]} IS NOT NULL "
                f"ORDER BY __row LIMIT {EXAMPLES}"
            )
            out.append(_failure(check, column, whole(count), examples))
    return out


def _failure(
    check: str, column: str | None, count: int, examples: Sequence[tuple[object, ...]]
) -> Failure:
    return {
        "check": check,
        "column": column,
        "failure_cases": [
            {"index": plain_value(i), "failure_case": plain_value(v)} for i, v in examples
        ],
        "count": count,
    }


def view_sql(rows: str, actual: dict[str, str], value: dict[str, str]) -> str:
    """SELECT of the validated rows: every column as read, coerced where the schema says."""
    columns = [f"{value.get(name, quote_ident(name))} AS {quote_ident(name)}" for name in actual]
    return f"SELECT {', '.join(columns)} FROM {rows}"


def plain_value(value: object) -> Shown:
    """A failing value or row index as the report shows it: a plain number, text or None."""
    if value is None:
        return None
    item = getattr(value, "item", None)  # a numpy scalar: its Python value
    if callable(item):
        value = item()
    if isinstance(value, float) and value != value:  # NaN: pandas' missing index or column
        return None
    if isinstance(value, int | float | str | bool):
        return value
    return str(value)
