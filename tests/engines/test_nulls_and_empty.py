"""Every engine gives SQL's answers (DuckDB's) for nulls and for no rows.

A sum, mean, median, min or max over no non-null values is None (pandas alone would say
0.0 for a sum, and the claim would be judged against a zero that is not in the data);
nunique is 0; count(col) counts non-null values. Each engine is compared with DuckDB on
the same scans: no rows, all-null columns, and groups whose values are all null.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from factcheck.engines import get_engine
from factcheck.engines.base import Source
from factcheck.lang.where import GroupKey, parse_where
from factcheck.plan import Scan


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "court": pd.array(["A", "B", None, "A", "C", None], dtype="string"),
            "n": pd.array([1, 2, None, 4, None, 8], dtype="Int64"),
            "x": [1.5, None, 2.5, 3.0, None, 10.0],
            "none": pd.array([None] * 6, dtype="Float64"),
            "plain_none": [float("nan")] * 6,  # numpy float64 NaN, not a nullable dtype
        }
    )


def _scans() -> list[Scan]:
    aggregates = [("count", None), ("count", "n"), ("nunique", "court"), ("nunique", "none")]
    aggregates += [(a, c) for a in ("sum", "mean", "median", "min", "max") for c in "nx"]
    aggregates += [
        (a, c) for a in ("sum", "mean", "median", "min", "max") for c in ("none", "plain_none")
    ]
    return [
        Scan(
            parse_where(where) if where else None,
            by,
            {(str(where), str(by), a, c, None): (a, c) for a, c in aggregates},
        )
        for where in (None, "court = 'A'", "court = 'Z'", "x is null", "court = 'C'")
        for by in (None, GroupKey("court"))
    ]


@pytest.mark.parametrize("engine", ["pandas", "gx"])
def test_sql_answers_for_nulls_and_empty_input(engine: str) -> None:
    if engine == "gx":
        pytest.importorskip("great_expectations")
    frame, scans = _frame(), _scans()
    duck = get_engine("duckdb").compute(Source("t", frame=frame), scans)
    other = get_engine(engine).compute(Source("t", frame=frame), scans)
    assert duck.keys() == other.keys()
    for key, expected in duck.items():
        got = other[key]
        assert (got.rows, got.value, got.groups, got.error) == (
            expected.rows,
            expected.value,
            expected.groups,
            expected.error,
        ), key
        values = [got.value] if got.groups is None else list(got.groups.values())
        want = [expected.value] if expected.groups is None else list(expected.groups.values())
        assert [type(v) for v in values] == [type(v) for v in want], key


def test_a_sum_over_only_nulls_is_none_not_zero() -> None:
    """The case the issue found: pandas' 0.0 for a sum of nothing."""
    frame = _frame()
    scan = Scan(parse_where("x is null"), None, {("k",): ("sum", "x")})  # type: ignore[dict-item]
    for engine in ("duckdb", "pandas"):
        [result] = get_engine(engine).compute(Source("t", frame=frame), [scan]).values()
        assert (result.rows, result.value) == (2, None), engine


@pytest.mark.parametrize("engine", ["duckdb", "pandas", "gx"])
def test_a_claim_on_a_sum_of_nothing_errors_on_every_engine(project, factcheck, engine) -> None:
    if engine == "gx":
        pytest.importorskip("great_expectations")
    root = project("basic")
    (root / "claims" / "article.yaml").write_text(
        "source: {title: t}\n"
        "claims:\n"
        "  - id: nothing\n"
        "    quote: no sentences at all\n"
        '    claim: "0"\n'
        "    metric: {dataset: cases, aggregate: sum, column: sentence_years,"
        ' where: "sentence_years is null"}\n'
    )
    result = factcheck("check", "--root", root, "--engine", engine, "--format", "json")
    [claim] = json.loads(result.stdout)["claims"]
    assert (claim["verdict"], claim["actual"]) == ("error", None), claim["explanation"]
    assert "empty (all values missing)" in claim["explanation"]
