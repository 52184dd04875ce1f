"""Size limits of the claim languages (issue 10): a clear LangError, never a RecursionError.

Each case below crashed with a traceback before the limits (RecursionError in lint for
`where`, in check for `expr`; decimal.InvalidOperation for round(x, 30)); a text at the
limit still parses and renders on every path that walks the tree.
"""

from __future__ import annotations

import pandas as pd
import pytest

from factcheck.lang.errors import LangError
from factcheck.lang.expr import MAX_ROUND_PLACES, EvalError, evaluate, parse_expr, render
from factcheck.lang.pandas_eval import where_mask
from factcheck.lang.sql import where_to_sql
from factcheck.lang.where import parse_by, parse_where
from factcheck.load.limits import Limits, in_force

MAX_DEPTH = Limits().expr_depth
MAX_DIGITS = Limits().number_digits
MAX_TEXT = Limits().expr_chars


def _ors(n: int) -> str:
    return " or ".join(f"a = {i}" for i in range(n))


@pytest.mark.parametrize(
    "text",
    [_ors(490), "not " * 495 + "a = 1", "(" * 300 + "a = 1" + ")" * 300 + " and b = 1" * 200],
)
def test_a_deep_where_is_refused_clearly(text: str) -> None:
    with pytest.raises(LangError, match=rf"too deeply nested: \d+ levels \(at most {MAX_DEPTH}\)"):
        parse_where(text)


def test_a_where_at_the_limit_still_parses_renders_and_filters() -> None:
    node = parse_where(_ors(99))
    frame = pd.DataFrame({"a": range(200)})
    assert int(where_mask(node, frame).sum()) == 99
    assert where_to_sql(node).count(" OR ") == 98
    with pytest.raises(LangError, match="too deeply nested"):
        parse_where(_ors(100 + 5))


def test_a_long_list_stays_flat() -> None:
    node = parse_where("a in (" + ", ".join(str(i) for i in range(2000)) + ")")
    assert int(where_mask(node, pd.DataFrame({"a": range(3000)})).sum()) == 2000


def test_a_deep_expr_is_refused_at_parse_time() -> None:
    with pytest.raises(LangError, match="too deeply nested: 490 levels"):
        parse_expr(" + ".join(["1"] * 490))
    node = parse_expr(" + ".join(["1"] * 100))
    assert evaluate(node, {}).value == 100
    assert render(node).count("+") == 99


def test_overlong_texts_are_refused() -> None:
    with pytest.raises(LangError, match=f"at most {MAX_TEXT:,}"):
        parse_where("a in (" + ", ".join(["1"] * 10_000) + ")")
    with pytest.raises(LangError, match="at most"):
        parse_by("x" * (MAX_TEXT + 1))


@pytest.mark.parametrize("parse", [parse_where, parse_expr])
def test_overlong_numbers_are_refused(parse) -> None:
    # The digit limit was 40 here and 100 in the YAML reader; it is now one limit,
    # number_digits (100), so the overlong number is 101 digits long.
    long = "1" * (MAX_DIGITS + 1)
    text = f"a = {long}" if parse is parse_where else f"{long} / 3"
    with pytest.raises(LangError, match=f"a number of 101 digits \\(at most {MAX_DIGITS}\\)"):
        parse(text)
    ok = "9" * MAX_DIGITS
    parse(f"a = {ok}" if parse is parse_where else f"{ok} / 3")


def test_round_places_are_bounded_when_written() -> None:
    with pytest.raises(LangError, match=f"between -{MAX_ROUND_PLACES} and {MAX_ROUND_PLACES}"):
        parse_expr("round(x, 30)")
    with pytest.raises(LangError, match="got -21"):
        parse_expr("round(x, -21)")
    assert evaluate(parse_expr("round(x, 20)"), {"x": 1.5}).value == 1.5
    assert evaluate(parse_expr("round(x, -3)"), {"x": 1499.0}).value == 1000


def test_round_places_are_bounded_when_computed() -> None:
    with pytest.raises(EvalError, match="places must be between"):
        evaluate(parse_expr("round(x, n)"), {"x": 1.5, "n": 30})
    # A huge value at the most places: the rounding has the digits it needs.
    assert evaluate(parse_expr("round(x, 20)"), {"x": 1e308}).value == 1e308


def test_working_days_span_is_bounded_before_any_computation() -> None:
    with pytest.raises(LangError, match="covers 9999 calendar years"):
        parse_expr("working_days('RU', '0001-01-01', '9999-12-31')")
    parse_expr("working_days('RU', '2000-01-01', '2099-12-31')")  # 100 years: allowed


# Each limit is the run's (load/limits.py): raised, the same text parses; lowered, an
# ordinary one is refused; each refusal names the flag that raises it.


def test_a_raised_depth_parses_renders_and_filters_deep_texts() -> None:
    text = _ors(490)
    with pytest.raises(LangError, match="--limit expr_depth=N"):
        parse_where(text)
    with in_force(Limits(expr_depth=600)):  # as a run loads, then computes, in the block
        node = parse_where(text)
        deep_expr = parse_expr(" + ".join(["1"] * 490))
        assert int(where_mask(node, pd.DataFrame({"a": range(1000)})).sum()) == 490
        assert where_to_sql(node).count(" OR ") == 489
        assert evaluate(deep_expr, {}).value == 490 and render(deep_expr).count("+") == 489


def test_a_lowered_depth_refuses_an_ordinary_text() -> None:
    with in_force(Limits(expr_depth=3)), pytest.raises(LangError, match=r"at most 3\)"):
        parse_where("a = 1 or b = 2 or c = 3 or d = 4")


def test_raised_text_and_number_limits() -> None:
    long_text = "a = '" + "x" * MAX_TEXT + "'"
    with pytest.raises(LangError, match="--limit expr_chars=N"):
        parse_where(long_text)
    digits = "9" * 150
    with pytest.raises(LangError, match="--limit number_digits=N"):
        parse_expr(f"{digits} / 3")
    with in_force(Limits(expr_chars=40_000, number_digits=150)):
        node = parse_where(long_text)
        assert int(where_mask(node, pd.DataFrame({"a": ["x" * MAX_TEXT, "x"]})).sum()) == 1
        assert evaluate(parse_expr(f"{digits} / 3"), {}).value == pytest.approx(float(digits) / 3)


def test_a_raised_calendar_span_is_computed() -> None:
    text = "working_days('RU', '1900-01-01', '2099-12-31')"  # 200 calendar years
    with pytest.raises(LangError, match="--limit calendar_years=N"):
        parse_expr(text)
    with in_force(Limits(calendar_years=200)):
        node = parse_expr(text)
    # Computed outside the block, as in a run: the span was checked when parsed.
    assert 40_000 < evaluate(node, {}).value < 73_050
