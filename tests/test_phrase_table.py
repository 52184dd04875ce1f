"""The contract's phrase table, row by row, at its edges: just pass, just warn, just fail."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from factcheck.phrases import PhraseError, Tolerance, judge, parse_claim


def verdict(claim: str | dict, actual, **kwargs) -> str:
    return judge(parse_claim(claim), actual, **kwargs).verdict


@pytest.mark.parametrize(
    ("text", "value", "granularity"),
    [
        ("848", "848", "1"),
        ("20,662", "20662", "1"),
        ("20 662", "20662", "1"),
        ("20\u00a0662", "20662", "1"),
        ("20\u202f662", "20662", "1"),
        ("1,000", "1000", "1000"),
        ("20,000", "20000", "10000"),
        ("12.6", "12.6", "0.1"),
        ("12.60", "12.60", "0.01"),
        ("1.3 billion", "1300000000", "100000000"),
        ("20 thousand", "20000", "10000"),
        ("ten", "10", "10"),
        ("three", "3", "1"),
        ("twenty-five", "25", "1"),
        ("three million", "3000000", "1000000"),
        ("a dozen", "12", "1"),
        ("848 verdicts", "848", "1"),
        ("over 20,000 criminal cases", "20000", "10000"),
    ],
)
def test_numbers_and_granularity(text: str, value: str, granularity: str) -> None:
    number = parse_claim(text).number
    assert number.value == Decimal(value)
    assert number.granularity == Decimal(granularity)


@pytest.mark.parametrize(
    ("claim", "actual", "expected", "rounding"),
    [
        ("848", 848, "pass", "half_up"),
        ("848", 848.49, "pass", "half_up"),
        ("848", 848.5, "warn", "half_up"),  # rounds to 849; truncates to 848
        ("848", 849.0, "fail", "half_up"),
        ("848", 847.4, "fail", "half_up"),
        ("38", 38.545, "warn", "half_up"),
        ("38", 38.545, "pass", "down"),
        ("38", 37.9, "pass", "half_up"),
        ("38", 37.9, "fail", "down"),
        ("12.6", 12.64, "pass", "half_up"),
        ("12.60", 12.64, "fail", "half_up"),
        ("12.60", 12.604, "pass", "half_up"),
        ("1,000", 1049, "pass", "half_up"),
        ("1,000", 1500, "warn", "half_up"),  # rounds to 2,000; truncates to 1,000
        ("1,000", 2100, "fail", "half_up"),
        ("20,000", 24000, "warn", "half_up"),  # rounds to 20,000 but 20% off; truncation only
        ("20,000", 24000, "fail", "down"),
        ("20,000", 21000, "pass", "half_up"),
        ("6", 6.9, "warn", "half_up"),
    ],
)
def test_bare_numbers_and_rounding(claim, actual, expected, rounding) -> None:
    assert verdict(claim, actual, rounding=rounding) == expected


def test_rounding_passes_are_reported() -> None:
    result = judge(parse_claim("38"), 848 / 22)
    assert result.rounding_passes == {"half_up": False, "down": True}
    assert "39" in result.explanation and "truncat" in result.explanation


@pytest.mark.parametrize(
    ("claim", "cases"),
    [
        ("exactly 848", [(848, "pass"), (848.0001, "fail"), (847, "fail")]),
        ("over 20,000", [(20000, "fail"), (20001, "pass"), (29999, "pass"), (30000, "warn")]),
        ("more than 20,000", [(19999, "fail"), (20000.5, "pass")]),
        ("above 50", [(50, "fail"), (59, "pass"), (60, "warn")]),
        ("exceeding 50", [(51, "pass")]),
        ("at least 20,000", [(19999, "fail"), (20000, "pass"), (29999, "pass"), (30000, "warn")]),
        ("no fewer than 40", [(39, "fail"), (40, "pass"), (50, "warn")]),
        ("under 500", [(500, "fail"), (499, "pass"), (401, "pass"), (400, "warn")]),
        ("less than 500", [(450, "pass")]),
        ("fewer than 10", [(10, "fail"), (1, "pass"), (0, "warn")]),
        ("below 500", [(399, "warn")]),
        ("at most 500", [(501, "fail"), (500, "pass"), (401, "pass"), (400, "warn")]),
        ("no more than 500", [(500, "pass")]),
        ("up to 15 years", [(15, "pass"), (16, "fail")]),
        ("between 700 and 800", [(699, "fail"), (700, "pass"), (800, "pass"), (801, "fail")]),
        ("from 700 to 800", [(750, "pass"), (848, "fail")]),
        ("700 to 800", [(700, "pass")]),
        ("700-800", [(800, "pass"), (699.9, "fail")]),
        ("15,000\u201320,000", [(15800, "pass")]),
        (
            "around 1,000",
            [
                (1100, "pass"),
                (900, "pass"),
                (1100.1, "warn"),
                (1200, "warn"),
                (1200.1, "fail"),
                (799, "fail"),
            ],
        ),
        ("about 40", [(44, "pass"), (47, "warn")]),
        ("approximately 100", [(110, "pass")]),
        ("roughly 100", [(89, "warn")]),
        ("some 100", [(100, "pass")]),
        ("close to 100", [(79, "fail")]),
        ("nearly 60", [(54, "pass"), (59.9, "pass"), (60, "fail"), (53.9, "fail")]),
        ("almost 60", [(58, "pass")]),
        ("just under 60", [(61, "fail")]),
        ("just over 1,000", [(1000, "fail"), (1001, "pass"), (1100, "pass"), (1100.5, "fail")]),
        ("slightly more than 1,000", [(1050, "pass")]),
    ],
)
def test_hedges(claim: str, cases: list) -> None:
    for actual, expected in cases:
        assert verdict(claim, actual) == expected, (claim, actual)


@pytest.mark.parametrize(
    ("claim", "cases"),
    [
        ("60%", [(0.6, "pass"), (0.64, "pass"), (0.65, "warn"), (0.66, "warn"), (0.7, "fail")]),
        ("61.2%", [(3382 / 5530, "pass"), (0.6125, "warn")]),
        ("over 60%", [(0.6, "fail"), (0.61, "pass"), (0.7, "warn")]),
        ("about 40%", [(0.44, "pass"), (0.47, "warn"), (0.49, "fail")]),
        ("nearly 60%", [(0.59, "pass"), (0.61, "fail")]),
        ("60 per cent", [(0.6, "pass")]),
    ],
)
def test_percentages(claim: str, cases: list) -> None:
    for actual, expected in cases:
        assert verdict(claim, actual) == expected, (claim, actual)


@pytest.mark.parametrize(
    ("claim", "cases"),
    [
        # Simple fractions (q <= 5) around 2/3: 3/5 = 0.6 and 3/4; midpoints 0.6333, 0.7083.
        (
            "two-thirds",
            [
                (0.612, "fail"),
                (0.634, "pass"),
                (0.65, "pass"),
                (0.708, "pass"),
                (0.709, "fail"),
                (0.6333, "fail"),
            ],
        ),
        ("two thirds", [(2 / 3, "pass")]),
        ("half", [(0.5, "pass"), (0.46, "pass"), (0.45, "fail"), (0.44, "fail")]),  # 0.45: tie
        ("a third", [(0.33, "pass"), (0.3, "pass"), (0.29, "fail")]),
        ("a quarter", [(0.25, "pass")]),
        ("three-quarters", [(0.74, "pass"), (0.79, "fail")]),
        ("a fifth", [(0.2, "pass"), (0.23, "fail")]),
        ("two-fifths", [(0.41, "pass")]),
        ("more than half", [(0.5, "fail"), (0.55, "pass"), (0.6, "warn")]),
        ("less than a third", [(0.34, "fail"), (0.3, "pass"), (0.25, "warn")]),
        ("about two-thirds", [(0.65, "pass"), (0.61, "fail")]),
        ("nearly two-thirds", [(0.65, "pass"), (0.67, "fail"), (0.62, "fail")]),
        ("just over a quarter", [(0.26, "pass"), (0.24, "fail"), (0.3, "fail")]),
    ],
)
def test_fractions(claim: str, cases: list) -> None:
    for actual, expected in cases:
        assert verdict(claim, actual) == expected, (claim, actual)


def test_fraction_explanation_names_the_nearest() -> None:
    result = judge(parse_claim("two-thirds"), 3446 / 5858)
    assert result.verdict == "fail" and "3/5" in result.explanation


@pytest.mark.parametrize(
    ("claim", "cases"),
    [
        ("one in five", [(0.2, "pass"), (0.22, "pass"), (0.221, "fail"), (0.179, "fail")]),
        ("1 in 20", [(0.05, "pass")]),
        ("a few hundred", [(199, "fail"), (200, "pass"), (499, "pass"), (500, "fail")]),
        ("several hundred", [(299, "fail"), (300, "pass"), (999, "pass")]),
        ("hundreds", [(200, "pass"), (1000, "fail")]),
        ("thousands", [(1999, "fail"), (2000, "pass"), (9999, "pass"), (10000, "fail")]),
        ("tens of thousands", [(20000, "pass"), (19999, "fail"), (100000, "fail")]),
        ("dozens", [(23, "fail"), (24, "pass"), (99, "pass")]),
        ("a few hundred cases each month", [(461, "pass")]),
    ],
)
def test_one_in_and_vague_words(claim: str, cases: list) -> None:
    for actual, expected in cases:
        assert verdict(claim, actual) == expected, (claim, actual)


def test_project_redefines_vague_words() -> None:
    phrase = parse_claim("a few hundred", vague_ranges={"a few hundred": (300, 499)})
    assert judge(phrase, 250).verdict == "fail"


@pytest.mark.parametrize(
    ("claim", "cases"),
    [
        ({"eq": "848"}, [(848, "pass"), (849, "fail")]),
        ({"gt": "20000"}, [(20000, "fail"), (20001, "pass")]),
        ({"ge": "20000"}, [(20000, "pass")]),
        ({"lt": "10"}, [(10, "fail"), (9, "pass")]),
        ({"le": "10"}, [(10, "pass")]),
        ({"between": ["700", "800"]}, [(750, "pass"), (848, "fail")]),
        ({"approx": "1000", "tolerance": "5%"}, [(1050, "pass"), (1051, "warn"), (1101, "fail")]),
        ({"approx": "1000", "tolerance": "20"}, [(1020, "pass"), (1021, "warn")]),
    ],
)
def test_explicit_maps(claim: dict, cases: list) -> None:
    for actual, expected in cases:
        assert verdict(claim, actual) == expected, (claim, actual)


def test_claim_tolerance_applies_to_around() -> None:
    assert verdict("around 1,000", 1060, tolerance=Tolerance(Decimal(5), True)) == "warn"


def test_each_and_any_groups() -> None:
    months = {"2025-01": 24951, "2025-02": 26000, "2025-03": 31000}
    assert verdict("more than 24,000", months, over="each") == "pass"  # smallest 24,951
    assert verdict("more than 25,000", months, over="each") == "fail"
    assert verdict("more than 10,000", months, over="each") == "warn"  # smallest is >= 20,000
    result = judge(parse_claim("more than 25,000"), months, over="each")
    assert result.failing_groups == ["2025-01"] and "2025-01" in result.explanation
    assert verdict("more than 30,000", months, over="any") == "pass"
    assert verdict("more than 40,000", months, over="any") == "fail"
    assert verdict("under 40,000", months, over="each") == "pass"


def test_key_phrases() -> None:
    assert verdict("UA", "UA") == "pass"
    assert verdict("UA", "RU") == "fail"
    assert verdict("'2024'", 2024) == "pass"


@pytest.mark.parametrize(
    "bad",
    ["a bajillion", "over", "", "between 800", {"eqq": "4"}, "one in zero", "between 9 and 1"],
)
def test_unreadable_phrases_name_the_word(bad) -> None:
    with pytest.raises(PhraseError) as caught:
        parse_claim(bad)
    assert caught.value.word is not None


def test_bajillion_names_bajillion() -> None:
    with pytest.raises(PhraseError) as caught:
        parse_claim("a bajillion")
    assert caught.value.word == "bajillion"


def test_fraction_value_is_exact() -> None:
    assert parse_claim("two-thirds").fraction == Fraction(2, 3)
