"""Contract section 8: multipliers (EN and RU), units glued to numbers, currency scales,
and digits of other scripts refused."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.phrases import PhraseError, Tolerance, describe_rule, judge, parse_claim


@pytest.mark.parametrize(
    ("text", "kind", "n", "g"),
    [
        ("twice", "around", "2", "1"),
        ("double", "around", "2", "1"),
        ("doubled", "around", "2", "1"),
        ("two times", "around", "2", "1"),
        ("three times", "around", "3", "1"),
        ("triple", "around", "3", "1"),
        ("tripled", "around", "3", "1"),
        ("1.5 times", "around", "1.5", "0.1"),
        ("ten times", "around", "10", "1"),  # a word number: g = 1
        ("half as many", "around", "0.5", "0.1"),
        ("twice as many cases", "around", "2", "1"),
        ("3x", "around", "3", "1"),
        ("more than double", "over", "2", "1"),
        ("more than twice", "over", "2", "1"),
        ("nearly double", "nearly", "2", "1"),
        ("almost double", "nearly", "2", "1"),
        ("at least three times", "at_least", "3", "1"),
        ("about twice", "around", "2", "1"),
        ("exactly twice", "exactly", "2", "1"),
        # Russian
        ("вдвое", "around", "2", "1"),
        ("вдвое больше", "around", "2", "1"),
        ("втрое", "around", "3", "1"),
        ("в два раза", "around", "2", "1"),
        ("в два раза больше", "around", "2", "1"),
        ("в 3 раза", "around", "3", "1"),
        ("в 2,5 раза", "around", "2.5", "0.1"),
        ("в полтора раза", "around", "1.5", "0.1"),
        ("в десять раз", "around", "10", "1"),
        ("более чем вдвое", "over", "2", "1"),
        ("почти вдвое", "nearly", "2", "1"),
        ("не менее чем в три раза", "at_least", "3", "1"),
    ],
)
def test_multipliers_are_ratios(text: str, kind: str, n: str, g: str) -> None:
    phrase = parse_claim(text)
    assert (phrase.kind, phrase.value, phrase.granularity) == (kind, Decimal(n), Decimal(g))
    assert phrase.times and phrase.text == text


@pytest.mark.parametrize(
    ("claim", "actual", "expected"),
    [
        ("twice", 2.2, "pass"),  # |a - 2| <= 10% of 2
        ("twice", 1.8, "pass"),
        ("twice", 2.21, "warn"),  # within twice the tolerance
        ("twice", 2.4, "warn"),
        ("twice", 2.41, "fail"),
        ("twice", 2.7567567567567566, "fail"),  # the expr, once judged as a key
        ("half as many", 0.55, "pass"),
        ("half as many", 0.56, "warn"),
        ("1.5 times", 1.35, "pass"),
        ("ten times", 11.5, "warn"),
        ("more than double", 2.5, "pass"),  # 2 < a < 2 + g
        ("more than double", 2.0, "fail"),
        ("more than double", 3.0, "warn"),  # true but understated
        ("nearly double", 1.85, "pass"),  # 2 - 10% of 2 <= a < 2
        ("nearly double", 2.0, "fail"),
        ("nearly double", 1.79, "fail"),
        ("at least three times", 3.0, "pass"),
        ("at least three times", 2.99, "fail"),
        ("вдвое", 2.1, "pass"),
        ("в полтора раза", 1.7, "warn"),  # 0.2 from 1.5: within twice 0.15
    ],
)
def test_multipliers_judged_as_around_n(claim: str, actual: float, expected: str) -> None:
    assert judge(parse_claim(claim), actual).verdict == expected


def test_a_multiplier_takes_the_claims_tolerance() -> None:
    assert judge(parse_claim("twice"), 2.3, tolerance=Tolerance(Decimal(20), True)).verdict == (
        "pass"
    )


def test_a_multiplier_explains_itself_as_a_ratio() -> None:
    judgement = judge(parse_claim("twice"), 2.7567567567567566)
    assert judgement.explanation == (
        "2.7568× is 0.7568× from 2×: more than twice the tolerance of 0.2× (10% of 2×)"
    )
    assert describe_rule(parse_claim("more than double")).startswith("over 2×: 2× < a < 3×")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("three times fewer", "fewer"),  # a third, or a quarter? never guessed
        ("twice less", "less"),
        ("в три раза меньше", "меньше"),
    ],
)
def test_inverted_multipliers_are_refused(text: str, word: str) -> None:
    with pytest.raises(PhraseError) as caught:
        parse_claim(text)
    assert caught.value.word == word


@pytest.mark.parametrize(
    ("text", "kind", "n", "g"),
    [
        ("33C", "bare", "33", "1"),
        ("over 33C", "over", "33", "1"),
        ("35.6°C", "bare", "35.6", "0.1"),
        ("4,426mm", "bare", "4426", "1"),
        ("3.2m/s", "bare", "3.2", "0.1"),
        ("12km", "bare", "12", "1"),
        ("30kg", "bare", "30", "10"),
        ("$5m", "bare", "5000000", "1000000"),
        ("£3.2bn", "bare", "3200000000", "100000000"),
        ("€10k", "bare", "10000", "10000"),
        ("over $5m", "over", "5000000", "1000000"),
        ("$5 million", "bare", "5000000", "1000000"),
        ("₽1.5 млрд", "bare", "1500000000", "100000000"),
        ("более ₽1,5 млрд", "over", "1500000000", "100000000"),
    ],
)
def test_glued_units_and_currency_scales(text: str, kind: str, n: str, g: str) -> None:
    phrase = parse_claim(text)
    assert (phrase.kind, phrase.value, phrase.granularity) == (kind, Decimal(n), Decimal(g))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("20k", "k"),  # a scale letter with no currency sign: unit or scale?
        ("5m", "m"),
        ("60٠", "٠"),  # Arabic-Indic zero: never read as 600
        ("более 60٠", "٠"),
        ("१२", "१"),
    ],
)
def test_what_is_not_a_glued_unit_is_refused(text: str, word: str) -> None:
    with pytest.raises(PhraseError) as caught:
        parse_claim(text)
    assert caught.value.word == word


def test_foreign_digits_refused_in_maps_and_tolerances() -> None:
    from factcheck.phrases import parse_tolerance

    with pytest.raises(PhraseError):
        parse_claim({"eq": "6٠"})
    with pytest.raises(PhraseError):
        parse_tolerance("1٠%")


def test_a_month_key_is_still_a_key() -> None:
    assert parse_claim("2024-Q2").kind == "key"
    assert parse_claim("2024-04").kind == "key"
