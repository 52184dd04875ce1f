"""A metric as written in a claim: dataset, aggregate, column, where, by, over."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from factcheck.lang.aggregates import AGGREGATES as AGGREGATE_TABLE
from factcheck.lang.where import LangError, parse_by, parse_where, where_columns
from factcheck.load.keys import check_keys, text
from factcheck.load.spec import AGGREGATES, OVER_MODES, DatasetSpec, MetricSpec
from factcheck.load.yamlsrc import Map, Node, Text
from factcheck.problems import Location, Problems

T = TypeVar("T")
_METRIC_KEYS = {"dataset", "aggregate", "column", "where", "by", "over"}


def parse_metric(
    node: Node,
    where: Location,
    datasets: dict[str, DatasetSpec],
    all_columns: dict[str, list[str]],
    problems: Problems,
) -> MetricSpec | None:
    """A `metric:` mapping (or a `let` entry) as a MetricSpec, or None after recording why."""
    if not isinstance(node, Map):
        problems.add(where, "a metric is a mapping: dataset, aggregate, column, where, by, over")
        return None
    ok = check_keys(node, _METRIC_KEYS, {"dataset"}, problems, "metric")
    dataset = text(node, "dataset", problems, "metric")
    columns: list[str] | None = None
    if dataset is not None:
        if dataset not in datasets:
            known = ", ".join(sorted(datasets)) or "none"
            problems.add(dataset.loc, f"unknown dataset (catalog has: {known})", str(dataset))
            ok = False
        else:
            columns = all_columns.get(str(dataset)) or None
    aggregate = text(node, "aggregate", problems, "metric") or "count"
    if aggregate not in AGGREGATES:
        problems.add(
            node.loc_of("aggregate"),
            "unknown aggregate (" + ", ".join(AGGREGATES) + ")",
            str(aggregate),
        )
        ok = False
    column = text(node, "column", problems, "metric")
    declared = AGGREGATE_TABLE.get(str(aggregate))
    if column is None and (declared is None or declared.needs_column):
        problems.add(node.loc, f"aggregate '{aggregate}' needs a column", str(aggregate))
        ok = False
    if column is not None:
        ok = _known_columns({str(column)}, column.loc, dataset, columns, problems) and ok

    where_node, raw_where, where_ok = _tree(node, "where", parse_where, problems)
    if where_node is not None and raw_where is not None:
        names = where_columns(where_node)
        where_ok = _known_columns(names, raw_where.loc, dataset, columns, problems)
    by_node, raw_by, by_ok = _tree(node, "by", parse_by, problems)
    if by_node is not None and raw_by is not None:
        by_ok = _known_columns({by_node.column}, raw_by.loc, dataset, columns, problems)
    ok = ok and where_ok and by_ok

    over = text(node, "over", problems, "metric")
    if over is not None:
        if over not in OVER_MODES:
            problems.add(over.loc, "unknown over (" + ", ".join(OVER_MODES) + ")", str(over))
            ok = False
        elif raw_by is None:
            problems.add(over.loc, "'over' needs 'by' (the groups it goes over)", str(over))
            ok = False
    elif raw_by is not None:
        over = Text("each", raw_by.loc)
    if not ok or dataset is None:
        return None
    return MetricSpec(
        dataset=str(dataset),
        aggregate=str(aggregate),
        column=str(column) if column is not None else None,
        where=where_node,
        where_text=str(raw_where) if where_node is not None else None,
        by=by_node,
        by_text=str(raw_by) if by_node is not None else None,
        over=str(over) if over is not None else None,
        loc=node.loc,
    )


def _tree(
    node: Map, key: str, parse: Callable[[str], T], problems: Problems
) -> tuple[T | None, Text | None, bool]:
    """A `where` or `by` value: its tree, its text, and whether it parses (else said why)."""
    raw = text(node, key, problems, "metric")
    if raw is None:
        return None, None, True
    try:
        return parse(str(raw)), raw, True
    except LangError as exc:
        problems.add(shift(raw.loc, exc), f"{key}: {exc.message}", exc.word)
        return None, raw, False


def shift(loc: Location, exc: LangError) -> Location:
    """Point at the offending word inside a one-line value."""
    col = getattr(exc, "column", None)
    if loc.col and col:
        return Location(loc.file, loc.line, loc.col + col - 1)
    return loc


def _known_columns(
    names: set[str],
    where: Location,
    dataset: Text | None,
    columns: list[str] | None,
    problems: Problems,
) -> bool:
    """Every column named is one of the dataset's (each unknown one said in `problems`)."""
    import difflib

    unknown = sorted(name for name in names if columns is not None and name not in columns)
    for name in unknown:
        near = difflib.get_close_matches(name, columns or [], n=1)
        hint = f"; did you mean '{near[0]}'?" if near else ""
        problems.add(where, f"unknown column of dataset '{dataset}'{hint}", name)
    return not unknown
