"""Figures are judged as numbers, not float noise: 12 significant digits (contract section 8)."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from factcheck.phrases import NotANumber, PhraseError, as_figure, judge, parse_claim


@pytest.mark.parametrize(
    ("raw", "figure"),
    [
        (1232.799999999999, 1232.8),
        (1232.8000000000002, 1232.8),
        (239.99999999999997, 240.0),
        (240.00000000000003, 240.0),
        (0.1 + 0.2, 0.3),
        (np.float64(239.99999999999997), 240.0),
        (123456789012.4, 123456789012.0),  # the 13th digit is past what is judged
        (1e-30 / 3, 3.33333333333e-31),
    ],
)
def test_a_float_is_rounded_to_12_significant_digits(raw: float, figure: float) -> None:
    assert as_figure(raw) == figure


@pytest.mark.parametrize("exact", [12, 10**20, Decimal("1232.7999999999999"), "UA", None])
def test_exact_numbers_and_keys_are_not_touched(exact: object) -> None:
    assert as_figure(exact) == exact


@pytest.mark.parametrize("rounding", ["half_up", "down"])
@pytest.mark.parametrize(
    ("claim", "noisy"),
    [
        ("1,232.8", 1232.799999999999),
        ("1,232.8", 1232.8000000000002),
        ("240", 239.99999999999997),
        ("240", 240.00000000000003),
        ("exactly 240", 239.99999999999997),
        ("at least 240", 239.99999999999997),
        ("at most 240", 240.00000000000003),
        ("30%", 0.30000000000000004),
    ],
)
def test_noise_never_changes_a_verdict(claim: str, noisy: float, rounding: str) -> None:
    phrase = parse_claim(claim)
    assert judge(phrase, noisy, rounding=rounding).verdict == "pass"


def test_group_values_are_rounded_too() -> None:
    groups = {"north": 1232.799999999999, "south": 239.99999999999997}
    assert judge(parse_claim("at least 240"), groups, over="each").verdict == "pass"
    assert judge(parse_claim("at least 240"), groups, over="any").verdict == "pass"


@pytest.mark.parametrize(
    ("claim", "actual", "verdict"),
    [
        ("38", 1e30, "fail"),
        ("38", 1e308, "fail"),
        ("38", 5e-324, "fail"),
        ("60.0000000000000000000000000000", 60.0, "pass"),
        ("60.0000000000000000000000000000", 60.1, "fail"),
        ("60.0000000000000000000000000000", 1e300, "fail"),
    ],
)
def test_huge_and_over_precise_figures_end_in_a_verdict(
    claim: str, actual: float, verdict: str
) -> None:
    judgement = judge(parse_claim(claim), actual)
    assert judgement.verdict == verdict
    assert judgement.explanation


@pytest.mark.parametrize("bad", [float("inf"), float("-inf"), float("nan"), np.float64("inf")])
def test_a_figure_that_is_not_finite_is_not_a_number(bad: float) -> None:
    with pytest.raises(NotANumber):
        judge(parse_claim("38"), bad)


def test_a_number_too_long_to_judge_is_refused_naming_it() -> None:
    with pytest.raises(PhraseError) as caught:
        parse_claim("1" * 5000)
    assert "5,000 digits" in caught.value.message
    assert caught.value.word and caught.value.word.startswith("111")


@pytest.mark.parametrize(
    ("actual", "rounding", "verdict"),
    [(0.0025, "half_up", "warn"), (0.2, "half_up", "warn"), (0, "half_up", "pass")]
    + [(0.2, "down", "fail"), (0, "down", "pass")],
)
def test_a_bare_zero_is_judged_not_divided_by(actual: float, rounding: str, verdict: str) -> None:
    """Found by the differential engine test (seeds 23, 47): claim "0" with a figure that
    rounds (or truncates) to 0 raised DivisionByZero computing how far it is, in percent,
    from 0."""
    judgement = judge(parse_claim("0"), actual, rounding=rounding)
    assert judgement.verdict == verdict
    if verdict != "pass":
        assert "not exactly 0" in judgement.explanation
