"""Judging an actual figure under each row of the phrase table, at its edges: pass, warn, fail."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from factcheck.phrases import Judgement, Tolerance, as_key, describe_rule, judge, parse_claim


def verdict(claim: str | dict, actual: Any, **kwargs: Any) -> str:
    return judge(parse_claim(claim), actual, **kwargs).verdict


@pytest.mark.parametrize(
    ("claim", "actual", "half_up", "down"),
    [
        ("848", 848, "pass", "pass"),
        ("848", 848.4, "pass", "pass"),
        ("848", 848.49, "pass", "pass"),
        ("848", 848.5, "warn", "pass"),  # half-up gives 849; truncation gives 848
        ("848", 849, "fail", "fail"),
        ("848", 847.5, "pass", "fail"),  # half-up gives 848; truncation 847
        ("848", 847.49, "fail", "fail"),
        ("38", 38.55, "warn", "pass"),
        ("38", 37.9, "pass", "fail"),
        ("12.6", 12.64, "pass", "pass"),
        ("12.6", 12.65, "warn", "pass"),
        ("12.60", 12.604, "pass", "pass"),
        ("12.60", 12.605, "warn", "pass"),  # the trailing zero makes g = 0.01
        ("12.60", 12.64, "fail", "fail"),
        ("1,000", 1049, "pass", "pass"),
        ("1,000", 1500, "warn", "fail"),  # truncation gives 1,000 but 50% off: down fails
        ("20,000", 22_000, "pass", "pass"),  # exactly 10% off
        ("20,000", 22_001, "warn", "fail"),  # rounds to 20,000 but more than 10% off
        ("20,000", 25_000, "warn", "fail"),
        ("1.3 billion", 1.25e9, "pass", "fail"),
        ("1.3 billion", 1.249e9, "fail", "fail"),
        ("1.3 billion", 1.35e9, "warn", "pass"),
        ("20\u00a0662", 20_662, "pass", "pass"),
        ("20\u00a0662", 20_662.5, "warn", "pass"),
        ("20\u00a0662", 20_661.6, "pass", "fail"),
        ("ten", 11, "pass", "pass"),  # g = 10, and exactly 10% off
        ("ten", 11.1, "warn", "fail"),  # truncates to ten but more than 10% off
        ("ten", 9, "pass", "fail"),
        ("ten", 8.9, "fail", "fail"),
        ("twenty-five", 25.4, "pass", "pass"),
        ("twenty-five", 25.5, "warn", "pass"),
        ("three million", 3.2e6, "pass", "pass"),
        ("three million", 3.5e6, "warn", "fail"),
        ("three million", 2.6e6, "fail", "fail"),
        ("a dozen", 12.4, "pass", "pass"),
        ("a dozen", 13, "fail", "fail"),
    ],
)
def test_bare_numbers(claim: str, actual: float, half_up: str, down: str) -> None:
    assert verdict(claim, actual) == half_up
    assert verdict(claim, actual, rounding="down") == down


def test_bare_reports_which_rounding_passes() -> None:
    result = judge(parse_claim("38"), 38.55)
    assert result.rounding_passes == {"half_up": False, "down": True}
    assert "38.55 rounds half-up to 39, not 38" in result.explanation
    assert "passes only if the publisher truncates" in result.explanation
    assert judge(parse_claim("848"), 848).rounding_passes == {"half_up": True, "down": True}


def test_bare_explanations() -> None:
    assert judge(parse_claim("848"), 848.4).explanation == (
        "848.4 rounds half-up to 848, within 10% of it"
    )
    far = judge(parse_claim("20,000"), 24_000, rounding="down").explanation
    assert "20% away" in far and "nearest 10,000" in far


@pytest.mark.parametrize(
    ("claim", "actual", "expected"),
    [
        ("60%", 0.605, "pass"),  # a is a fraction: 60.5 rounds to 60 at g = 10 points
        ("60%", 0.55, "pass"),
        ("60%", 0.5499, "fail"),
        ("60%", 0.65, "warn"),
        ("60.5%", 0.605, "pass"),
        ("60.5%", 0.6049, "pass"),
        ("60.5%", 0.6055, "warn"),
        ("over 60%", 0.6, "fail"),
        ("over 60%", 0.6001, "pass"),
        ("over 60%", 0.6999, "pass"),
        ("over 60%", 0.7, "warn"),
        ("about 40%", 0.36, "pass"),
        ("about 40%", 0.44, "pass"),
        ("about 40%", 0.4401, "warn"),
        ("about 40%", 0.48, "warn"),
        ("about 40%", 0.4801, "fail"),
        ("nearly 60%", 0.54, "pass"),
        ("nearly 60%", 0.5399, "fail"),
        ("nearly 60%", 0.5999, "pass"),
        ("nearly 60%", 0.6, "fail"),
        ("between 20% and 30%", 0.3, "pass"),
        ("between 20% and 30%", 0.3001, "fail"),
    ],
)
def test_percentages(claim: str, actual: float, expected: str) -> None:
    assert verdict(claim, actual) == expected


def test_percentage_band_is_a_fraction() -> None:
    result = judge(parse_claim("60%"), 0.605)
    assert (result.low, result.high) == (0.55, 0.65)
    assert "60.5%" in result.explanation


@pytest.mark.parametrize(
    ("claim", "actual", "expected"),
    [
        ("exactly 848", 848, "pass"),
        ("exactly 848", 848.0, "pass"),
        ("exactly 848", 848.01, "fail"),
        ("over 20,000", 20_000, "fail"),
        ("over 20,000", 20_000.0, "fail"),
        ("over 20,000", Decimal("20000.00"), "fail"),
        ("over 20,000", 20_001, "pass"),
        ("over 20,000", 29_999, "pass"),
        ("over 20,000", 30_000, "warn"),
        ("more than 20,000 cases", 25_000, "pass"),
        ("at least 500", 499, "fail"),
        ("at least 500", 500, "pass"),
        ("at least 500", 599, "pass"),
        ("at least 500", 600, "warn"),
        ("under 250", 250, "fail"),
        ("under 250", 249, "pass"),
        ("under 250", 240.01, "pass"),
        ("under 250", 240, "warn"),
        ("at most 12.6", 12.61, "fail"),
        ("at most 12.6", 12.6, "pass"),
        ("at most 12.6", 12.51, "pass"),
        ("at most 12.6", 12.5, "warn"),
        ("between 700 and 800", 700, "pass"),
        ("between 700 and 800", 800, "pass"),
        ("between 700 and 800", 699.99, "fail"),
        ("700\u2013800", 800.01, "fail"),
        ("around 1,000", 900, "pass"),
        ("around 1,000", 1_100, "pass"),
        ("around 1,000", 1_100.01, "warn"),
        ("around 1,000", 1_200, "warn"),
        ("around 1,000", 1_200.01, "fail"),
        ("nearly 1,000", 900, "pass"),
        ("nearly 1,000", 899.99, "fail"),
        ("nearly 1,000", 999.99, "pass"),
        ("nearly 1,000", 1_000, "fail"),
        ("just over 1,000", 1_000, "fail"),
        ("just over 1,000", 1_000.01, "pass"),
        ("just over 1,000", 1_100, "pass"),
        ("just over 1,000", 1_100.01, "fail"),
    ],
)
def test_hedged_numbers(claim: str, actual: Any, expected: str) -> None:
    assert verdict(claim, actual) == expected


@pytest.mark.parametrize(
    ("tolerance", "actual", "expected"),
    [
        (Tolerance(Decimal(5), True), 1_050, "pass"),
        (Tolerance(Decimal(5), True), 1_051, "warn"),
        (Tolerance(Decimal(10), False), 1_010, "pass"),
        (Tolerance(Decimal(10), False), 1_020, "warn"),
        (Tolerance(Decimal(10), False), 1_021, "fail"),
    ],
)
def test_around_with_a_tolerance(tolerance: Tolerance, actual: int, expected: str) -> None:
    assert verdict("about 1,000", actual, tolerance=tolerance) == expected


def test_over_explains_understatement_and_band() -> None:
    result = judge(parse_claim("over 20,000"), 30_000)
    assert "true but understated" in result.explanation
    assert (result.low, result.high) == (20_000, 30_000)
    assert result.rule == describe_rule(parse_claim("over 20,000"))
    assert result.rounding_passes is None


@pytest.mark.parametrize(
    ("claim", "actual", "expected"),
    [
        ("two-thirds", 0.612, "fail"),  # the nearest simple fraction is 3/5
        ("two-thirds", 0.633, "fail"),
        ("two-thirds", 0.634, "pass"),
        ("two-thirds", 0.65, "pass"),
        ("two-thirds", 0.708, "pass"),
        ("two-thirds", 0.709, "fail"),
        ("about two-thirds", 0.65, "pass"),
        ("half", 0.45, "fail"),  # exactly midway between 2/5 and 1/2: names neither
        ("half", 0.4501, "pass"),
        ("half", 0.5499, "pass"),
        ("half", 0.55, "fail"),
        ("a fifth", 0.1, "fail"),  # midway between 0 and 1/5
        ("a fifth", 0.11, "pass"),
        ("a fifth", 0.224, "pass"),
        ("a fifth", 0.225, "fail"),
        ("three-quarters", 0.75, "pass"),
        ("four-fifths", 0.899, "pass"),
        ("four-fifths", 0.9, "fail"),
        ("a third", Fraction(1, 3), "pass"),
        ("more than half", 0.5, "fail"),
        ("more than half", 0.5001, "pass"),
        ("more than half", 0.5999, "pass"),
        ("more than half", 0.6, "warn"),  # reaches 3/5: understated
        ("at least half", 0.5, "pass"),
        ("at least half", 0.4999, "fail"),
        ("at least half", 0.6, "warn"),
        ("less than a third", 0.3334, "fail"),
        ("less than a third", 0.3333, "pass"),
        ("less than a third", 0.2501, "pass"),
        ("less than a third", 0.25, "warn"),
        ("nearly two-thirds", 0.64, "pass"),
        ("nearly two-thirds", 0.6666, "pass"),
        ("nearly two-thirds", 0.6667, "fail"),  # above 2/3
        ("nearly two-thirds", 0.63, "fail"),  # nearer 3/5
        ("just over a quarter", 0.25, "fail"),
        ("just over a quarter", 0.26, "pass"),
        ("just over a quarter", 0.2916, "pass"),
        ("just over a quarter", 0.2917, "fail"),  # nearer 1/3
    ],
)
def test_fractions(claim: str, actual: Any, expected: str) -> None:
    assert verdict(claim, actual) == expected


def test_fraction_explanation_names_the_nearest() -> None:
    result = judge(parse_claim("two-thirds"), 0.612)
    assert "nearest simple fraction is 3/5" in result.explanation
    assert result.low == pytest.approx(19 / 30) and result.high == pytest.approx(17 / 24)


@pytest.mark.parametrize(
    ("claim", "actual", "expected"),
    [
        ("one in five", 0.18, "pass"),
        ("one in five", 0.22, "pass"),
        ("one in five", 0.1799, "fail"),
        ("one in five", 0.2201, "fail"),
        ("one in three", 0.3, "pass"),  # exactly 10% below 1/3: exact arithmetic
        ("one in three", 0.2999, "fail"),
        ("one in three", 0.3666, "pass"),
        ("one in three", 0.3667, "fail"),
    ],
)
def test_one_in(claim: str, actual: float, expected: str) -> None:
    assert verdict(claim, actual) == expected


@pytest.mark.parametrize(
    ("claim", "actual", "expected"),
    [
        ("a few hundred", 200, "pass"),
        ("a few hundred", 499, "pass"),
        ("a few hundred", 199, "fail"),
        ("a few hundred", 499.5, "fail"),
        ("several hundred", 300, "pass"),
        ("several hundred", 299, "fail"),
        ("hundreds", 999, "pass"),
        ("hundreds", 1_000, "fail"),
        ("thousands", 2_000, "pass"),
        ("thousands", 1_999, "fail"),
        ("tens of thousands", 99_999, "pass"),
        ("tens of thousands", 100_000, "fail"),
        ("dozens", 24, "pass"),
        ("dozens", 23, "fail"),
    ],
)
def test_vague_words(claim: str, actual: float, expected: str) -> None:
    assert verdict(claim, actual) == expected


def test_redefined_vague_word() -> None:
    phrase = parse_claim("a few hundred", vague_ranges={"a few hundred": (300, 499)})
    assert judge(phrase, 250).verdict == "fail"
    assert judge(phrase, 300).verdict == "pass"


@pytest.mark.parametrize(
    ("claim", "actual", "expected"),
    [
        ({"eq": "848"}, 848, "pass"),
        ({"eq": "848"}, 848.5, "fail"),
        ({"gt": "20000"}, 20_000, "fail"),
        ({"gt": "20000"}, 20_001, "pass"),
        ({"gt": "20000"}, 30_000, "warn"),
        ({"ge": "20000"}, 20_000, "pass"),
        ({"lt": "100"}, 100, "fail"),
        ({"lt": "100"}, 99, "pass"),
        ({"le": "12.60"}, 12.595, "pass"),
        ({"le": "12.60"}, 12.59, "warn"),
        ({"le": "12.60"}, 12.61, "fail"),
        ({"between": ["700", "800"]}, 800, "pass"),
        ({"between": ["700", "800"]}, 801, "fail"),
        ({"approx": "1000", "tolerance": "5%"}, 1_050, "pass"),
        ({"approx": "1000", "tolerance": "5%"}, 1_051, "warn"),
        ({"approx": "1000", "tolerance": "5%"}, 1_101, "fail"),
        ({"approx": "1000", "tolerance": "50"}, 1_050, "pass"),  # absolute: no %
        ({"approx": "1000", "tolerance": "50"}, 1_050.5, "warn"),
    ],
)
def test_explicit_maps(claim: dict, actual: float, expected: str) -> None:
    assert verdict(claim, actual) == expected


def test_explicit_tolerance_beats_the_default() -> None:
    phrase = parse_claim({"approx": "1000", "tolerance": "5%"})
    assert judge(phrase, 1_051, tolerance=Tolerance(Decimal(20), True)).verdict == "warn"


@pytest.mark.parametrize(
    ("claim", "groups", "expected", "failing"),
    [
        # "more than 24,000 every month": the smallest month alone settles pass/warn.
        ("over 24,000", {"2025-01": 24_951, "2025-02": 26_000}, "pass", []),
        ("over 24,000", {"2025-01": 25_000, "2025-02": 30_000}, "warn", []),
        ("over 24,000", {"2025-01": 24_951, "2025-02": 23_000}, "fail", ["2025-02"]),
        ("at least 24,000", {"a": 24_000, "b": 40_000}, "pass", []),
        ("under 250", {"a": 245, "b": 235}, "pass", []),  # the largest settles it
        ("under 250", {"a": 240, "b": 230}, "warn", []),
        ("under 250", {"a": 250, "b": 230}, "fail", ["a"]),
        ("more than half", {"x": 0.55, "y": 0.7}, "pass", []),
        ("more than half", {"x": 0.65, "y": 0.7}, "warn", []),
        ("848", {"a": 848, "b": 848.5}, "warn", []),
        ("848", {"a": 848, "b": 900, "c": 700}, "fail", ["b", "c"]),
        ("about 1,000", {"a": 1_000, "b": 1_100}, "pass", []),
    ],
)
def test_over_each(claim: str, groups: dict, expected: str, failing: list) -> None:
    result = judge(parse_claim(claim), groups, over="each")
    assert result.verdict == expected
    assert result.failing_groups == failing
    for key in failing:
        assert key in result.explanation


@pytest.mark.parametrize(
    ("groups", "expected", "failing"),
    [
        ({"a": 19_000, "b": 21_000}, "pass", []),
        ({"a": 19_000, "b": 35_000}, "warn", []),
        ({"a": 19_000, "b": 18_000}, "fail", ["a", "b"]),
    ],
)
def test_over_any(groups: dict, expected: str, failing: list) -> None:
    result = judge(parse_claim("over 20,000"), groups, over="any")
    assert (result.verdict, result.failing_groups) == (expected, failing)


@pytest.mark.parametrize(
    ("claim", "actual", "expected"),
    [
        ("UA", "UA", "pass"),
        ("UA", "AA", "fail"),
        ("UA", "ua", "fail"),  # keys keep their case: country and carrier codes
        ("'2024'", 2024, "pass"),
        ("'2024'", "2024", "pass"),
        ("'2024'", 2024.0, "pass"),
        ("'2024'", 2023, "fail"),
        ("2024-04", "2024-04", "pass"),
    ],
)
def test_keys(claim: str, actual: Any, expected: str) -> None:
    assert verdict(claim, actual, over="argmax") == expected


def test_a_number_used_as_key() -> None:
    assert judge(as_key(parse_claim("2024")), 2024).verdict == "pass"
    assert judge(as_key(parse_claim("2024")), 2025).verdict == "fail"


@pytest.mark.parametrize("actual", ["many", None, True, float("nan"), float("inf")])
def test_actual_must_be_a_finite_number(actual: Any) -> None:
    with pytest.raises(ValueError):
        judge(parse_claim("848"), actual)


def test_unknown_rounding_is_refused() -> None:
    with pytest.raises(ValueError):
        judge(parse_claim("848"), 848, rounding="half_even")


def test_judgement_is_frozen() -> None:
    result = judge(parse_claim("848"), 848)
    assert isinstance(result, Judgement)
    with pytest.raises(AttributeError):
        result.verdict = "fail"  # type: ignore[misc]
