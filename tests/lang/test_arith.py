"""`expr`: arithmetic, the whitelisted functions, steps, and refusals."""

from __future__ import annotations

import pytest

from factcheck.lang.expr import EvalError, LangError, evaluate, expr_names, parse_expr, render


def value(text: str, **env: float) -> float:
    return evaluate(parse_expr(text), env).value


def test_arithmetic_and_precedence() -> None:
    assert value("1 + 2 * 3") == 7
    assert value("(1 + 2) * 3") == 9
    assert value("-a + 10 / 4", a=1) == 1.5
    assert value("a - b - c", a=10, b=3, c=2) == 5


def test_functions() -> None:
    assert value("working_days('RU', '2025-04-01', '2025-04-30')") == 22
    assert value("working_days('RU', '2025-11-01', '2025-11-30')") == 19
    assert value("days('2025-01-01', '2025-01-31')") == 31
    assert round(value("years('2022-02-24', '2025-06-26')"), 2) == 3.33
    assert value("round(38.545, 1)") == 38.5
    assert value("round(38.5)") == 39  # half away from zero, as editors round
    assert value("round(2.675, 2)") == 2.68  # not 2.67 (binary float) nor even-rounding
    assert value("round(0 - 2.5)") == -3
    assert value("abs(0 - 4)") == 4
    assert value("min(3, 1, 2)") == 1 and value("max(3, 1, 2)") == 3


def test_steps_show_intermediate_values() -> None:
    result = evaluate(parse_expr("v / working_days('RU', '2025-04-01', '2025-04-30')"), {"v": 848})
    assert result.steps[0] == "working_days('RU', '2025-04-01', '2025-04-30') = 22"
    assert result.steps[-1].endswith("= 848 / 22 = 38.54545455")


def test_names() -> None:
    text = "a / max(b, c) + working_days('RU', '2025-01-01', '2025-01-31')"
    assert expr_names(parse_expr(text)) == {"a", "b", "c"}


def test_division_by_zero_is_an_evaluation_error() -> None:
    with pytest.raises(EvalError, match="division by zero"):
        value("a / (b - 4)", a=1, b=4)


def test_unknown_name_at_evaluation() -> None:
    with pytest.raises(EvalError, match="no value for 'x'"):
        value("x + 1")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("__import__('os').system('ls')", "."),
        ("a ** 2", "*"),
        ("eval(a)", "eval"),
        ("a.b", "."),
        ("round(a, 1, 2)", "round"),
        ("days('2025-13-01', '2025-01-31')", "2025-13-01"),
        ("working_days(RU, '2025-01-01', '2025-01-31')", "RU"),
        ("'text' + 1", "text"),
        ("lambda: 1", ":"),
        ("a; b", ";"),
    ],
)
def test_refusals_name_the_word(text: str, word: str) -> None:
    with pytest.raises(LangError) as caught:
        parse_expr(text)
    assert caught.value.word == word


def test_render_round_trips() -> None:
    for text in (
        "a / (b - 4)",
        "(a + b) * c",
        "a - (b - c)",
        "working_days('RU', '2025-04-01', '2025-04-30')",
    ):
        assert render(parse_expr(text)) == text


def test_unknown_country() -> None:
    with pytest.raises(EvalError, match="XX"):
        value("working_days('XX', '2025-01-01', '2025-01-31')")
