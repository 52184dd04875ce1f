"""`expr`: the tree, every function, steps, render, and what is refused."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from factcheck.lang.expr import (
    BinOp,
    Call,
    EvalError,
    LangError,
    Name,
    Neg,
    Number,
    String,
    evaluate,
    expr_functions,
    expr_names,
    parse_expr,
    render,
)

LET = {"april_verdicts": 848, "march_verdicts": 800, "zero": 0, "share": 0.25}


def value(text: str, env: dict | None = None) -> float:
    return evaluate(parse_expr(text), LET if env is None else env).value


def test_the_tree() -> None:
    assert parse_expr("a / working_days('RU', '2025-04-01', '2025-04-30') - -1.5") == BinOp(
        "-",
        BinOp(
            "/",
            Name("a"),
            Call("working_days", (String("RU"), String("2025-04-01"), String("2025-04-30"))),
        ),
        Neg(Number(1.5, "1.5")),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 + 2 * 3", 7),
        ("(1 + 2) * 3", 9),
        ("10 - 4 - 3", 3),  # left to right
        ("48 / 4 / 2", 6),
        ("-2 * 3", -6),
        ("--2", 2),
        ("+2 - -3", 5),
        ("-(1 + 2)", -3),
        ("1.5e3 / .5", 3000),
        ("april_verdicts / 22", 848 / 22),
        ("(april_verdicts - march_verdicts) / march_verdicts * 100", 6),
        ("share * 4", 1),
    ],
)
def test_arithmetic(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("working_days('RU', '2025-04-01', '2025-04-30')", 22),
        ("working_days('ru', '2025-11-01', '2025-11-30')", 19),
        ("working_days('UA', '2024-01-01', '2024-12-31')", 262),  # martial law: holidays work
        ("working_days('RU', '2025-04-30', '2025-04-30')", 1),
        ("working_days('RU', '2025-05-01', '2025-05-01')", 0),
        ("days('2025-04-01', '2025-04-30')", 30),
        ("days('2024-02-28', '2024-03-01')", 3),
        ("days('2025-01-01', '2025-01-01')", 1),
        ("years('2022-02-24', '2025-02-24')", 3),
        ("round(years('2022-02-24', '2025-06-26'), 2)", 3.33),
        ("round(38.545, 1)", 38.5),
        ("round(38.55, 1)", 38.6),  # half away from zero, on the decimal the reader sees
        ("round(2.675, 2)", 2.68),
        ("round(38.5)", 39),
        ("round(-38.5)", -39),
        ("round(1234, -2)", 1200),
        ("round(april_verdicts / 22, 0)", 39),
        ("abs(-4)", 4),
        ("abs(march_verdicts - april_verdicts)", 48),
        ("min(3)", 3),
        ("min(3, 1, 2)", 1),
        ("max(3, 1, 2)", 3),
        ("max(april_verdicts, march_verdicts) - min(april_verdicts, march_verdicts)", 48),
    ],
)
def test_functions(text: str, expected: float) -> None:
    assert value(text) == pytest.approx(expected)


def test_steps_show_each_call_and_the_substituted_whole() -> None:
    text = "april_verdicts / working_days('RU', '2025-04-01', '2025-04-30')"
    result = evaluate(parse_expr(text), LET)
    assert result.steps == [
        "working_days('RU', '2025-04-01', '2025-04-30') = 22",
        f"{text} = 848 / 22 = 38.54545455",
    ]
    result = evaluate(parse_expr("round(max(april_verdicts, 900) / 3, 1)"), LET)
    assert result.steps == [
        "max(april_verdicts, 900) = max(848, 900) = 900",
        "round(max(april_verdicts, 900) / 3, 1) = round(900 / 3, 1) = 300",
    ]
    assert evaluate(parse_expr("april_verdicts"), LET).steps == []
    assert evaluate(parse_expr("1 + share"), LET).steps == ["1 + share = 1 + 0.25 = 1.25"]


def test_names_and_functions() -> None:
    node = parse_expr("a / max(b, c) + round(working_days('RU', '2025-01-01', '2025-01-31'))")
    assert expr_names(node) == {"a", "b", "c"}
    assert expr_functions(node) == {"max", "round", "working_days"}
    assert expr_names(parse_expr("1 + 2")) == set() == expr_functions(parse_expr("-a"))


def test_values_from_engines() -> None:
    env = {"a": np.int64(848), "b": Decimal("22"), "c": np.float64(0.5)}
    assert value("a / b + c", env) == pytest.approx(39.04545454)


def test_division_by_zero() -> None:
    with pytest.raises(EvalError) as caught:
        value("april_verdicts / zero")
    assert str(caught.value) == "division by zero in 'april_verdicts / zero': zero = 0"
    with pytest.raises(EvalError, match=r"'1 / \(share - 0.25\)': share - 0.25 = 0"):
        value("1 / (share - 0.25)")


@pytest.mark.parametrize(
    ("text", "env", "message"),
    [
        ("missing + 1", LET, "no value for 'missing'"),
        ("a + 1", {"a": "12"}, "'a' is not a number"),
        ("a + 1", {"a": None}, "'a' is not a number"),
        ("a + 1", {"a": True}, "'a' is not a number"),
        ("round(1.5, 0.5)", LET, "whole number"),
        ("1e308 * 10", LET, "too large"),
        ("working_days('XX', '2025-01-01', '2025-01-31')", LET, "'XX'"),
    ],
)
def test_evaluation_errors(text: str, env: dict, message: str) -> None:
    with pytest.raises(EvalError, match=message):
        value(text, env)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # Python and SQL are not expressions here: the error names the word where it stops
        ("__import__('os').system('ls')", "."),
        ("__import__('os')", "__import__"),
        ("open('x')", "open"),
        ("a.b", "."),
        ("a ** 2", "*"),
        ("a // 2", "/"),
        ("a % 2", "%"),
        ("lambda: 1", ":"),
        ("lambda x: x", "x"),
        ("a if b else c", "if"),
        ("[a for a in b]", "["),
        ("a; b", ";"),
        ("a = 1", "="),
        ("a[0]", "["),
        ("f'x'", "'x'"),
        ("a and b", "and"),
        # unknown functions and wrong arities name the function
        ("eval(a)", "eval"),
        ("sqrt(4)", "sqrt"),
        ("ROUND(a)", "ROUND"),  # function names are exact
        ("round(a, 1, 2)", "round"),
        ("round()", "round"),
        ("abs(1, 2)", "abs"),
        ("min()", "min"),
        ("max()", "max"),
        ("days('2025-01-01')", "days"),
        ("years('2025-01-01', '2025-01-02', '2025-01-03')", "years"),
        ("working_days('RU', '2025-01-01')", "working_days"),
        # strings only as calendar arguments, and those must be real dates
        ("'text' + 1", "text"),
        ("round('1')", "1"),
        ("abs('2025-01-01')", "2025-01-01"),
        ("days('2025-13-01', '2025-01-31')", "2025-13-01"),
        ("days('2025-01-01', '31.01.2025')", "31.01.2025"),
        ("days(a, '2025-01-31')", "a"),
        ("working_days(RU, '2025-01-01', '2025-01-31')", "RU"),
        ("working_days('', '2025-01-01', '2025-01-31')", ""),
        ("days('2025-02-01', '2025-01-31')", "2025-01-31"),  # end before start
        ("a +", None),
        ("", ""),
    ],
)
def test_refusals_name_the_word(text: str, word: str | None) -> None:
    with pytest.raises(LangError) as caught:
        parse_expr(text)
    assert isinstance(caught.value, ValueError)
    if word is not None:
        assert caught.value.word == word


def test_refusals_give_a_column() -> None:
    with pytest.raises(LangError) as caught:
        parse_expr("a + sqrt(b)")
    assert (caught.value.word, caught.value.column) == ("sqrt", 5)
    assert "sqrt" in caught.value.message
    with pytest.raises(LangError) as caught:
        parse_expr("a ** 2")
    assert caught.value.column == 4


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("a/(b-4)", "a / (b - 4)"),
        ("(a + b) * c", "(a + b) * c"),
        ("((a)) + (b * c)", "a + b * c"),
        ("a - (b - c)", "a - (b - c)"),
        ("a - (b + c)", "a - (b + c)"),
        ("(a - b) - c", "a - b - c"),
        ("a / (b * c)", "a / (b * c)"),
        ("-(a + b)", "-(a + b)"),
        ("- a * b", "-a * b"),
        ("round( a , 2 )", "round(a, 2)"),
        (
            "working_days('RU','2025-04-01','2025-04-30')",
            "working_days('RU', '2025-04-01', '2025-04-30')",
        ),
        ("1.50 + 2e3", "1.50 + 2e3"),  # numbers as written
    ],
)
def test_render_normalises_and_round_trips(text: str, normal: str) -> None:
    node = parse_expr(text)
    assert render(node) == normal
    assert parse_expr(render(node)) == node
