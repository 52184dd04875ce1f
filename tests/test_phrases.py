"""Reading claim phrases: numbers with their granularity, hedges, fractions, words, maps, errors."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from factcheck.phrases import PhraseError, Tolerance, describe_rule, parse_claim, parse_tolerance


@pytest.mark.parametrize(
    ("text", "value", "granularity"),
    [
        ("848", "848", "1"),
        ("20,662", "20662", "1"),
        ("20 662", "20662", "1"),
        ("20\u00a0662", "20662", "1"),  # non-breaking space
        ("20\u2009662", "20662", "1"),  # thin space
        ("20\u202f662", "20662", "1"),  # narrow non-breaking space
        ("1,000", "1000", "1000"),
        ("20,000", "20000", "10000"),
        ("0", "0", "1"),
        ("12.6", "12.6", "0.1"),
        ("12.60", "12.60", "0.01"),  # the trailing zero is precision
        ("1.3 billion", "1300000000", "100000000"),
        ("20 thousand", "20000", "10000"),
        ("3 hundred", "300", "100"),
        ("-5", "-5", "1"),
        ("zero", "0", "1"),
        ("three", "3", "1"),
        ("ten", "10", "10"),
        ("Twenty", "20", "10"),
        ("twenty-five", "25", "1"),
        ("twenty five", "25", "1"),
        ("ninety-nine", "99", "1"),
        ("a dozen", "12", "1"),
        ("a hundred", "100", "100"),
        ("three million", "3000000", "1000000"),
        ("twenty-five thousand", "25000", "1000"),
        ("848 verdicts", "848", "1"),
        ("38 per working day", "38", "1"),
        ("848 cases to date", "848", "1"),
    ],
)
def test_bare_numbers_and_granularity(text: str, value: str, granularity: str) -> None:
    phrase = parse_claim(text)
    assert phrase.kind == "bare"
    assert phrase.value == Decimal(value)
    assert phrase.granularity == Decimal(granularity)
    assert phrase.text == text
    assert not phrase.percent


def test_granularity_is_exact() -> None:
    # Decimal, not float: 0.1 is exactly a tenth, so band edges compare exactly.
    assert parse_claim("12.6").granularity == Decimal("0.1")
    assert isinstance(parse_claim("12.6").granularity, Decimal)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("exactly 848", "exactly", "848"),
        ("over 20,000", "over", "20000"),
        ("more than three years", "over", "3"),
        ("above 20,000", "over", "20000"),
        ("exceeding 20,000", "over", "20000"),
        ("over 20,000 criminal cases", "over", "20000"),
        ("at least 500", "at_least", "500"),
        ("no fewer than 500", "at_least", "500"),
        ("20,000 or more", "at_least", "20000"),
        ("20,000+", "at_least", "20000"),
        ("under 100", "under", "100"),
        ("less than 100", "under", "100"),
        ("fewer than 100", "under", "100"),
        ("below 100", "under", "100"),
        ("at most 100", "at_most", "100"),
        ("no more than 100", "at_most", "100"),
        ("up to 100", "at_most", "100"),
        ("around 1,000", "around", "1000"),
        ("about 1,000", "around", "1000"),
        ("approximately 1,000", "around", "1000"),
        ("roughly 1,000", "around", "1000"),
        ("some 1,000", "around", "1000"),
        ("close to 1,000", "around", "1000"),
        ("nearly 1,000", "nearly", "1000"),
        ("almost 1,000", "nearly", "1000"),
        ("just under 1,000", "nearly", "1000"),
        ("just over 1,000", "just_over", "1000"),
        ("slightly more than 1,000", "just_over", "1000"),
        ("OVER 20,000", "over", "20000"),  # words are case-insensitive
    ],
)
def test_hedges(text: str, kind: str, value: str) -> None:
    phrase = parse_claim(text)
    assert (phrase.kind, phrase.value) == (kind, Decimal(value))


@pytest.mark.parametrize(
    ("text", "low", "high", "percent"),
    [
        ("between 700 and 800", "700", "800", False),
        ("from 700 to 800", "700", "800", False),
        ("700 to 800", "700", "800", False),
        ("700-800", "700", "800", False),
        ("700\u2013800", "700", "800", False),  # en dash
        ("700 \u2013 800 cases", "700", "800", False),
        ("three to five", "3", "5", False),
        ("between 1.3 and 1.5 billion", "1300000000", "1500000000", False),  # B's scale
        ("20 to 30 percent", "20", "30", True),  # B's % applies to A
        ("between 20% and 30%", "20", "30", True),
        ("-5 to -3", "-5", "-3", False),
    ],
)
def test_ranges(text: str, low: str, high: str, percent: bool) -> None:
    phrase = parse_claim(text)
    assert phrase.kind == "between"
    assert phrase.number is not None and phrase.high is not None
    assert (phrase.number.value, phrase.high.value) == (Decimal(low), Decimal(high))
    assert phrase.percent is percent


@pytest.mark.parametrize(
    ("text", "kind", "value", "granularity"),
    [
        ("60%", "bare", "60", "10"),  # contract: 60% has g = 10 points
        ("60.5%", "bare", "60.5", "0.1"),
        ("60 %", "bare", "60", "10"),
        ("60 per cent", "bare", "60", "10"),
        ("sixty percent", "bare", "60", "10"),
        ("over 60%", "over", "60", "10"),
        ("about 40%", "around", "40", "10"),
        ("nearly 60%", "nearly", "60", "10"),
    ],
)
def test_percentages(text: str, kind: str, value: str, granularity: str) -> None:
    phrase = parse_claim(text)
    assert (phrase.kind, phrase.value, phrase.granularity) == (
        kind,
        Decimal(value),
        Decimal(granularity),
    )
    assert phrase.percent


@pytest.mark.parametrize(
    ("text", "fraction", "hedge"),
    [
        ("half", Fraction(1, 2), None),
        ("a half", Fraction(1, 2), None),
        ("one half", Fraction(1, 2), None),
        ("a third", Fraction(1, 3), None),
        ("one third", Fraction(1, 3), None),
        ("two-thirds", Fraction(2, 3), None),
        ("two thirds", Fraction(2, 3), None),
        ("Two-Thirds of the accused", Fraction(2, 3), None),
        ("a quarter", Fraction(1, 4), None),
        ("three-quarters", Fraction(3, 4), None),
        ("a fifth", Fraction(1, 5), None),
        ("two-fifths", Fraction(2, 5), None),
        ("three-fifths", Fraction(3, 5), None),
        ("four-fifths", Fraction(4, 5), None),
        ("more than half", Fraction(1, 2), "over"),
        ("at least half", Fraction(1, 2), "at_least"),
        ("nearly two-thirds", Fraction(2, 3), "nearly"),
        ("just over a quarter", Fraction(1, 4), "just_over"),
        ("less than a third", Fraction(1, 3), "under"),
        ("about two-thirds", Fraction(2, 3), "around"),
    ],
)
def test_fractions(text: str, fraction: Fraction, hedge: str | None) -> None:
    phrase = parse_claim(text)
    assert (phrase.kind, phrase.fraction, phrase.hedge) == ("fraction", fraction, hedge)


@pytest.mark.parametrize(("text", "n"), [("one in five", 5), ("1 in 4 adults", 4)])
def test_one_in(text: str, n: int) -> None:
    phrase = parse_claim(text)
    assert (phrase.kind, phrase.value) == ("one_in", Decimal(n))


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("a few hundred", 200, 499),
        ("several hundred", 300, 999),
        ("hundreds", 200, 999),
        ("thousands", 2_000, 9_999),
        ("tens of thousands", 20_000, 99_999),
        ("dozens", 24, 99),
        ("Hundreds of people", 200, 999),
        ("hundreds of thousands", 200_000, 999_999),  # not "hundreds" with a unit
    ],
)
def test_vague_words(text: str, low: int, high: int) -> None:
    phrase = parse_claim(text)
    assert (phrase.kind, phrase.low_bound, phrase.high_bound) == ("range_word", low, high)


def test_vague_words_can_be_redefined_and_extended() -> None:
    ranges = {"a few hundred": (300.0, 499.0), "scores": (40.0, 99.0)}
    assert parse_claim("a few hundred", vague_ranges=ranges).low_bound == 300
    assert parse_claim("scores of cases", vague_ranges=ranges).high_bound == 99
    assert parse_claim("a few hundred").low_bound == 200  # the default is untouched


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("UA", "UA"),
        ("'2024'", "2024"),
        ('"2024"', "2024"),
        ("'New York'", "New York"),
        ("2024-04", "2024-04"),  # a month, not the range 2024 to 4
        ("2024-Q2", "2024-Q2"),
    ],
)
def test_keys(text: str, key: str) -> None:
    phrase = parse_claim(text)
    assert (phrase.kind, phrase.key) == ("key", key)


@pytest.mark.parametrize(
    ("value", "kind", "number"),
    [
        ({"eq": "848"}, "exactly", "848"),
        ({"gt": "20000"}, "over", "20000"),
        ({"ge": "20,000"}, "at_least", "20000"),
        ({"lt": "12.60"}, "under", "12.60"),
        ({"le": "5"}, "at_most", "5"),
        ({"approx": "1000"}, "around", "1000"),
    ],
)
def test_explicit_maps(value: dict, kind: str, number: str) -> None:
    phrase = parse_claim(value)
    assert (phrase.kind, phrase.value) == (kind, Decimal(number))


def test_explicit_map_granularity_comes_from_the_text() -> None:
    assert parse_claim({"lt": "12.60"}).granularity == Decimal("0.01")


def test_explicit_between_and_tolerance() -> None:
    between = parse_claim({"between": ["700", "800"]})
    assert between.kind == "between" and between.high is not None
    assert (between.value, between.high.value) == (700, 800)
    approx = parse_claim({"approx": "1000", "tolerance": "5%"})
    assert approx.tolerance == Tolerance(Decimal(5), True)
    absolute = parse_claim({"approx": "1000", "tolerance": "50"})
    assert absolute.tolerance == Tolerance(Decimal(50), False)


@pytest.mark.parametrize(
    ("text", "relative", "amount_of_1000"),
    [("10%", True, "100"), ("5 %", True, "50"), ("50", False, "50"), ("0.5", False, "0.5")],
)
def test_parse_tolerance(text: str, relative: bool, amount_of_1000: str) -> None:
    tolerance = parse_tolerance(text)
    assert tolerance.relative is relative
    assert tolerance.amount(Decimal(1000)) == Decimal(amount_of_1000)


@pytest.mark.parametrize("text", ["", "ten-ish", "-5", "5%%", "nan", "%"])
def test_unreadable_tolerance(text: str) -> None:
    with pytest.raises(PhraseError):
        parse_tolerance(text)


@pytest.mark.parametrize(
    ("value", "word"),
    [
        ("a bajillion", "bajillion"),
        ("over", "over"),
        ("", ""),
        ("   ", "   "),
        ("hundred", "hundred"),
        ("two dozen", "dozen"),  # a unit that is a quantifier is refused, not ignored
        ("a few hundred thousand", "thousand"),
        ("thousands of millions", "millions"),
        ("half a million", "million"),
        ("exactly half", "exactly half"),
        ("New York", "new"),
        ("over a bajillion", "bajillion"),
        ("between 800 and 700", "between 800 and 700"),
        ("one in zero", "zero"),
        ("nearly one in five", "nearly one in five"),  # not "nearly 1"
        ("about 1 in 4", "about 1 in 4"),
        ({"eq": "848 cases"}, "cases"),
        ({"gt": "lots"}, "lots"),
        ({"between": ["700"]}, "between"),
        ({"between": ["800", "700"]}, "800"),
        ({"around": "1000"}, "around"),
        ({"approx": "1000", "tolerance": "a bit"}, "a bit"),
    ],
)
def test_unreadable_phrases_name_the_word(value: str | dict, word: str) -> None:
    with pytest.raises(PhraseError) as caught:
        parse_claim(value)
    assert caught.value.word == word
    assert isinstance(caught.value, ValueError)
    assert caught.value.message


@pytest.mark.parametrize(
    ("claim", "rule"),
    [
        ("over 20,000", "over 20,000: 20,000 < a < 30,000 passes; a >= 30,000 warns"),
        ("at least 500", "at least 500: 500 <= a < 600 passes; a >= 600 warns"),
        ("under 100", "under 100: 0 < a < 100 passes; a <= 0 warns"),
        ("at most 12.6", "at most 12.6: 12.5 < a <= 12.6 passes; a <= 12.5 warns"),
        ("over 60%", "over 60%: 60% < a < 70% passes; a >= 70% warns"),
        ("between 700 and 800", "between 700 and 800: 700 <= a <= 800 passes"),
        ("about 1,000", "around 1,000: |a - 1,000| <= 100 (tolerance 10%) passes"),
        ("nearly 1,000", "nearly 1,000: 1,000 - 100 <= a < 1,000 passes"),
        ("848", "848: a rounds half-up (nearest 1) to 848 and is within 10% of it"),
        ("more than half", "more than 1/2: 1/2 < a < 3/5 passes; a >= 3/5 warns"),
        ("two-thirds", "2/3: passes when 2/3 is the simple fraction (denominator <= 5)"),
        ("a few hundred", "a few hundred: 200 <= a <= 499 passes"),
        ("UA", "passes when the winning group is UA"),
    ],
)
def test_describe_rule(claim: str, rule: str) -> None:
    assert describe_rule(parse_claim(claim)).startswith(rule)


def test_phrase_is_frozen() -> None:
    phrase = parse_claim("848")
    with pytest.raises(AttributeError):
        phrase.kind = "over"  # type: ignore[misc]
