"""Reading claim phrases written in Russian: the same kinds, numbers and verdicts as English."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import report_of

from factcheck.phrases import PhraseError, describe_rule, judge, parse_claim


def verdict(claim: str, actual: Any, **kwargs: Any) -> str:
    return judge(parse_claim(claim), actual, **kwargs).verdict


@pytest.mark.parametrize(
    ("text", "value", "granularity"),
    [
        ("848", "848", "1"),
        ("848 приговоров", "848", "1"),
        ("20 662", "20662", "1"),  # a thousands group, not two numbers
        ("20\u00a0662", "20662", "1"),  # non-breaking space
        ("20\u2009662", "20662", "1"),  # thin space
        ("20\u202f662 дела", "20662", "1"),  # narrow no-break space
        ("20,662 дела", "20662", "1"),  # a comma thousands group, as in English
        ("20 000 дел", "20000", "10000"),
        ("12,6", "12.6", "0.1"),  # a decimal comma
        ("12,60", "12.60", "0.01"),
        ("0,5", "0.5", "0.1"),
        ("0,125 доли", "0.125", "0.001"),  # not a thousands group in Russian text
        ("20 тысяч", "20000", "10000"),
        ("20 тыс. человек", "20000", "10000"),
        ("20 тыс человек", "20000", "10000"),
        ("25 тысяч", "25000", "1000"),
        ("1,5 млн", "1500000", "100000"),
        ("1,5 млн.", "1500000", "100000"),
        ("3 миллиона", "3000000", "1000000"),
        ("1,3 млрд", "1300000000", "100000000"),
        ("2 миллиарда рублей", "2000000000", "1000000000"),
        ("ноль", "0", "1"),
        ("один", "1", "1"),
        ("одна", "1", "1"),
        ("три", "3", "1"),
        ("десять", "10", "10"),
        ("Двадцать", "20", "10"),
        ("двадцать пять", "25", "1"),
        ("сорок", "40", "10"),
        ("девяносто девять", "99", "1"),
        ("пятнадцать", "15", "1"),
        ("сто", "100", "100"),
        ("двести", "200", "100"),
        ("триста пятьдесят", "350", "10"),
        ("сто двадцать пять", "125", "1"),
        ("девятьсот девять", "909", "1"),
        ("тысяча", "1000", "1000"),
        ("три миллиона", "3000000", "1000000"),
        ("двадцать пять тысяч", "25000", "1000"),
        ("сто тысяч", "100000", "100000"),
    ],
)
def test_numbers_and_granularity(text: str, value: str, granularity: str) -> None:
    phrase = parse_claim(text)
    assert phrase.kind == "bare"
    assert phrase.value == Decimal(value)
    assert phrase.granularity == Decimal(granularity)
    assert phrase.text == text  # the editor's words, for the report
    assert not phrase.percent


def test_a_word_number_means_the_same_as_in_english() -> None:
    pairs = [
        ("десять", "ten"),
        ("двадцать пять", "twenty-five"),
        ("три миллиона", "three million"),
        ("сто", "a hundred"),
        ("двадцать пять тысяч", "twenty-five thousand"),
    ]
    for russian, english in pairs:
        ru, en = parse_claim(russian), parse_claim(english)
        assert (ru.kind, ru.value, ru.granularity) == (en.kind, en.value, en.granularity)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("ровно 848", "exactly", "848"),
        ("более 20 000", "over", "20000"),
        ("больше 20 000", "over", "20000"),
        ("свыше 20 000", "over", "20000"),
        ("более чем 20 000", "over", "20000"),
        ("больше чем 20 000", "over", "20000"),
        ("более 20 000 уголовных дел", "over", "20000"),
        ("более трёх лет", "over", "3"),  # ё = е
        ("более трех лет", "over", "3"),
        ("Более 20 тысяч", "over", "20000"),  # case-insensitive
        ("не менее 500", "at_least", "500"),
        ("не меньше 500", "at_least", "500"),
        ("как минимум 500", "at_least", "500"),
        ("по меньшей мере 500", "at_least", "500"),
        ("по крайней мере 500", "at_least", "500"),
        ("минимум 500", "at_least", "500"),
        ("20 000 и более", "at_least", "20000"),  # as "20,000 or more"
        ("20 000 или больше", "at_least", "20000"),
        ("менее 100", "under", "100"),
        ("меньше 100", "under", "100"),
        ("меньше чем 100", "under", "100"),
        ("менее десяти", "under", "10"),
        ("не более 100", "at_most", "100"),
        ("не больше 100", "at_most", "100"),
        ("максимум 100", "at_most", "100"),
        ("до 10 лет", "at_most", "10"),
        ("до десяти лет", "at_most", "10"),
        ("100 и менее", "at_most", "100"),
        ("около 1000", "around", "1000"),
        ("около десяти", "around", "10"),
        ("примерно 1000", "around", "1000"),
        ("приблизительно 1000", "around", "1000"),
        ("порядка 1000", "around", "1000"),
        ("около тысячи", "around", "1000"),  # genitive after a hedge: a thousand
        ("около сотни", "around", "100"),
        ("почти 1000", "nearly", "1000"),
        ("чуть меньше 1000", "nearly", "1000"),
        ("чуть менее 1000", "nearly", "1000"),
        ("немногим менее 1000", "nearly", "1000"),
        ("чуть больше 1000", "just_over", "1000"),
        ("чуть более 1000", "just_over", "1000"),
        ("немногим более 1000", "just_over", "1000"),
        ("немного больше 1000", "just_over", "1000"),
        ("немного более 1000", "just_over", "1000"),
        ("немногим больше 1000", "just_over", "1000"),
        ("немного меньше 1000", "nearly", "1000"),
        ("немного менее 1000", "nearly", "1000"),
        ("немногим меньше 1000", "nearly", "1000"),
        ("не более чем 100", "at_most", "100"),
        ("не менее чем 500", "at_least", "500"),
        ("менее чем 100", "under", "100"),
        ("более трехсот", "over", "300"),
        ("более двадцати пяти тысяч", "over", "25000"),
        ("более сотни тысяч", "over", "100000"),
        ("более миллиона", "over", "1000000"),
    ],
)
def test_hedges(text: str, kind: str, value: str) -> None:
    phrase = parse_claim(text)
    assert (phrase.kind, phrase.value) == (kind, Decimal(value))
    assert phrase.text == text


@pytest.mark.parametrize(
    ("russian", "english"),
    [
        ("более 20 000", "over 20,000"),
        ("не менее 500", "at least 500"),
        ("менее 12,6", "under 12.6"),
        ("не более 12,6", "at most 12.6"),
        ("около 1000", "around 1,000"),
        ("более трех лет", "more than three years"),
        ("около десяти", "about ten"),
        ("до десяти лет", "up to ten years"),
    ],
)
def test_hedges_have_the_english_granularity(russian: str, english: str) -> None:
    ru, en = parse_claim(russian), parse_claim(english)
    assert (ru.kind, ru.value, ru.granularity) == (en.kind, en.value, en.granularity)


@pytest.mark.parametrize(
    ("claim", "actual", "expected"),
    [
        ("более 20 000", 20_000, "fail"),  # over: N < a
        ("более 20 000", 20_001, "pass"),
        ("более 20 000", 29_999, "pass"),
        ("более 20 000", 30_000, "warn"),  # g = 10,000: true, but understated
        ("более 20\u00a0000 дел", 20_001, "pass"),
        ("не менее 500", 500, "pass"),
        ("не менее 500", 499, "fail"),
        ("не менее 500", 600, "warn"),
        ("менее 100", 100, "fail"),
        ("менее 100", 1, "pass"),
        ("менее 100", 0, "warn"),
        ("не более 12,6", 12.6, "pass"),
        ("не более 12,6", 12.61, "fail"),
        ("не более 12,6", 12.5, "warn"),
        ("ровно 848", 848, "pass"),
        ("ровно 848", 848.1, "fail"),
        ("около 1000", 900, "pass"),
        ("около 1000", 1100, "pass"),
        ("около 1000", 1101, "warn"),
        ("около 1000", 800, "warn"),
        ("около 1000", 799, "fail"),
        ("почти 1000", 900, "pass"),
        ("почти 1000", 999, "pass"),
        ("почти 1000", 1000, "fail"),
        ("почти 1000", 899, "fail"),
        ("чуть больше 1000", 1000, "fail"),
        ("чуть больше 1000", 1100, "pass"),
        ("чуть больше 1000", 1101, "fail"),
        ("20 662", 20662, "pass"),
        ("20 662", 20663, "fail"),
        ("20\u00a0662", 20662.4, "pass"),
        ("848 приговоров", 848.4, "pass"),
        ("848 приговоров", 848.5, "warn"),  # only truncation gives 848
    ],
)
def test_judged_as_english(claim: str, actual: Any, expected: str) -> None:
    assert verdict(claim, actual) == expected


@pytest.mark.parametrize(
    ("text", "kind", "value", "granularity", "actual", "expected"),
    [
        ("12,6%", "bare", "12.6", "0.1", 0.126, "pass"),
        ("12,6%", "bare", "12.6", "0.1", 0.1265, "warn"),  # 12.65 rounds half-up to 12.7
        ("12,6%", "bare", "12.6", "0.1", 0.1249, "fail"),
        ("12,6 %", "bare", "12.6", "0.1", 0.1255, "pass"),
        ("12,6 процента", "bare", "12.6", "0.1", 0.126, "pass"),
        ("60 процентов", "bare", "60", "10", 0.605, "pass"),
        ("шестьдесят процентов", "bare", "60", "10", 0.64, "pass"),
        ("1 процент", "bare", "1", "1", 0.01, "pass"),
        ("более 60%", "over", "60", "10", 0.6, "fail"),
        ("более 60%", "over", "60", "10", 0.65, "pass"),
        ("около 40%", "around", "40", "10", 0.43, "pass"),
        ("почти 60%", "nearly", "60", "10", 0.58, "pass"),
    ],
)
def test_percentages(
    text: str, kind: str, value: str, granularity: str, actual: float, expected: str
) -> None:
    phrase = parse_claim(text)
    assert (phrase.kind, phrase.value, phrase.granularity) == (
        kind,
        Decimal(value),
        Decimal(granularity),
    )
    assert phrase.percent
    assert judge(phrase, actual).verdict == expected


@pytest.mark.parametrize(
    ("text", "low", "high", "percent"),
    [
        ("от 700 до 800", "700", "800", False),
        ("от 700 до 800 приговоров", "700", "800", False),
        ("между 700 и 800", "700", "800", False),
        ("700-800", "700", "800", False),
        ("700\u2013800 дел", "700", "800", False),  # en dash
        ("700 \u2013 800", "700", "800", False),
        ("от трех до пяти лет", "3", "5", False),
        ("между двумя и пятью", "2", "5", False),
        ("от 1,3 до 1,5 млрд", "1300000000", "1500000000", False),  # B's scale applies to A
        ("20\u201330 тысяч", "20000", "30000", False),
        ("от тысячи до двух тысяч", "1000", "2000", False),
        ("от 20 до 30%", "20", "30", True),  # B's % applies to A
        ("от 20 до 30 процентов", "20", "30", True),
    ],
)
def test_ranges(text: str, low: str, high: str, percent: bool) -> None:
    phrase = parse_claim(text)
    assert phrase.kind == "between"
    assert phrase.number is not None and phrase.high is not None
    assert (phrase.number.value, phrase.high.value) == (Decimal(low), Decimal(high))
    assert phrase.percent is percent


@pytest.mark.parametrize(
    ("actual", "expected"), [(699, "fail"), (700, "pass"), (800, "pass"), (800.5, "fail")]
)
def test_range_verdicts(actual: float, expected: str) -> None:
    assert verdict("от 700 до 800", actual) == expected
    assert verdict("между 700 и 800", actual) == expected


@pytest.mark.parametrize(
    ("text", "fraction", "hedge"),
    [
        ("половина", Fraction(1, 2), None),
        ("половина обвиняемых", Fraction(1, 2), None),
        ("треть", Fraction(1, 3), None),
        ("одна треть", Fraction(1, 3), None),
        ("две трети", Fraction(2, 3), None),
        ("Две трети обвиняемых", Fraction(2, 3), None),
        ("четверть", Fraction(1, 4), None),
        ("три четверти", Fraction(3, 4), None),
        ("пятая часть", Fraction(1, 5), None),
        ("одна пятая", Fraction(1, 5), None),
        ("две пятых", Fraction(2, 5), None),
        ("три пятых", Fraction(3, 5), None),
        ("четыре пятых", Fraction(4, 5), None),
        ("более половины", Fraction(1, 2), "over"),
        ("больше половины", Fraction(1, 2), "over"),
        ("не менее половины", Fraction(1, 2), "at_least"),
        ("почти две трети", Fraction(2, 3), "nearly"),
        ("чуть больше трети", Fraction(1, 3), "just_over"),
        ("чуть больше четверти", Fraction(1, 4), "just_over"),
        ("менее трети", Fraction(1, 3), "under"),
        ("около двух третей", Fraction(2, 3), "around"),
        ("более трёх четвертей", Fraction(3, 4), "over"),
        ("почти половина", Fraction(1, 2), "nearly"),
    ],
)
def test_fractions(text: str, fraction: Fraction, hedge: str | None) -> None:
    phrase = parse_claim(text)
    assert (phrase.kind, phrase.fraction, phrase.hedge) == ("fraction", fraction, hedge)


@pytest.mark.parametrize(
    ("claim", "actual", "expected"),
    [
        ("две трети", 0.6116, "fail"),  # the nearest simple fraction is 3/5
        ("две трети", 0.65, "pass"),
        ("две трети", 0.75, "fail"),
        ("почти две трети", 0.65, "pass"),
        ("почти две трети", 0.67, "fail"),  # not under 2/3
        ("более половины", 0.55, "pass"),
        ("более половины", 0.5, "fail"),
        ("более половины", 0.6, "warn"),  # at the next simple fraction, 3/5
        ("чуть больше трети", 0.34, "pass"),
        ("чуть больше трети", 0.33, "fail"),
    ],
)
def test_fraction_verdicts(claim: str, actual: float, expected: str) -> None:
    assert verdict(claim, actual) == expected
    english = {
        "две трети": "two-thirds",
        "почти две трети": "nearly two-thirds",
        "более половины": "more than half",
        "чуть больше трети": "just over a third",
    }[claim]
    assert verdict(english, actual) == expected


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("каждый пятый", 5),
        ("каждая пятая", 5),
        ("каждое пятое", 5),
        ("каждый второй", 2),
        ("каждый третий", 3),
        ("каждая третья", 3),
        ("каждый четвёртый", 4),
        ("каждый десятый", 10),
        ("каждый седьмой", 7),
        ("каждый двадцатый", 20),
        ("каждый сотый", 100),
        ("каждый тысячный", 1000),
        ("каждый пятый обвиняемый", 5),
        ("один из пяти", 5),
        ("одна из пяти", 5),
        ("один из десяти осужденных", 10),
        ("1 из 4", 4),
    ],
)
def test_one_in(text: str, n: int) -> None:
    phrase = parse_claim(text)
    assert (phrase.kind, phrase.value) == ("one_in", Decimal(n))


@pytest.mark.parametrize(
    ("actual", "expected"), [(0.18, "pass"), (0.22, "pass"), (0.1799, "fail"), (0.2201, "fail")]
)
def test_one_in_verdicts(actual: float, expected: str) -> None:
    assert verdict("каждый пятый", actual) == expected
    assert verdict("один из пяти", actual) == expected


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("несколько сотен", 200, 499),
        ("несколько сотен дел", 200, 499),
        ("сотни", 200, 999),
        ("Сотни человек", 200, 999),
        ("тысячи", 2_000, 9_999),
        ("тысячи солдат", 2_000, 9_999),
        ("десятки тысяч", 20_000, 99_999),
        ("десятки", 24, 99),
        ("десятки дел", 24, 99),
        ("сотни тысяч", 200_000, 999_999),  # never plain "сотни" with a unit
        ("сотни тысяч человек", 200_000, 999_999),
    ],
)
def test_vague_words(text: str, low: int, high: int) -> None:
    phrase = parse_claim(text)
    assert (phrase.kind, phrase.low_bound, phrase.high_bound) == ("range_word", low, high)
    assert phrase.text == text


@pytest.mark.parametrize(
    ("actual", "expected"),
    [(199, "fail"), (200, "pass"), (460, "pass"), (499, "pass"), (500, "fail")],
)
def test_vague_verdicts(actual: float, expected: str) -> None:
    assert verdict("несколько сотен", actual) == expected


def test_vague_overrides_are_keyed_by_the_english_words() -> None:
    ranges = {"a few hundred": (300.0, 499.0), "dozens": (30.0, 99.0)}
    assert parse_claim("несколько сотен", vague_ranges=ranges).low_bound == 300
    assert parse_claim("десятки дел", vague_ranges=ranges).low_bound == 30
    assert parse_claim("несколько сотен").low_bound == 200  # the default is untouched
    # A project may also name a Russian word itself.
    assert parse_claim("десятки", vague_ranges={"десятки": (20.0, 90.0)}).high_bound == 90


@pytest.mark.parametrize(
    ("text", "key"), [("Москва", "Москва"), ("'Нижний Новгород'", "Нижний Новгород")]
)
def test_keys_keep_their_case(text: str, key: str) -> None:
    phrase = parse_claim(text)
    assert (phrase.kind, phrase.key) == ("key", key)


@pytest.mark.parametrize(
    ("value", "word"),
    [
        ("бажиллион дел", "бажиллион"),
        ("более бажиллиона", "бажиллиона"),
        ("две дюжины", "дюжины"),  # a unit that is a quantifier is refused, as "two dozen"
        ("20 дюжин", "дюжин"),
        ("три сотни", "сотни"),
        ("несколько сотен тысяч", "тысяч"),  # as "a few hundred thousand"
        ("несколько тысяч", "несколько"),
        ("тысячи миллионов", "миллионов"),
        ("миллионы", "миллионы"),
        ("более", "более"),
        ("около", "около"),
        ("ровно половина", "ровно половина"),  # as "exactly half"
        ("две четверти", "четверти"),  # no such English fraction: not guessed
        ("два с половиной миллиона", "половиной"),
        ("полтора миллиона", "полтора"),
        ("почти каждый пятый", "почти"),
        ("каждый", "каждый"),
        ("один из ноля", "ноля"),
        ("от 800 до 700", "от 800 до 700"),
        ("от 700", "от 700"),
        ("в три раза меньше", "меньше"),  # "в два раза больше" is read now (section 8)
        ("12,6,5", "12,6,5"),
        ("двадцать тысяч пятьсот", "пятьсот"),  # 20,500 is not "20 thousand" with a unit
        ("миллион двести тысяч", "двести"),
        ("20 тысяч 500", "500"),
        ("20 с лишним", "лишним"),  # "20-odd": no English row to read it as
        ("20 000 примерно", "примерно"),  # the hedge goes first
        ("1,500 млн", "1,500"),  # 1.5 million or 1,500 million? not guessed
        ("12,600% дел", "12,600%"),
    ],
)
def test_unreadable_phrases_name_the_word(value: str, word: str) -> None:
    with pytest.raises(PhraseError) as caught:
        parse_claim(value)
    assert caught.value.word == word
    assert caught.value.message
    assert "over" not in caught.value.message  # the message quotes the Russian text


def test_the_rule_is_labelled_with_the_russian_text() -> None:
    assert describe_rule(parse_claim("несколько сотен")).startswith(
        "несколько сотен: 200 <= a <= 499 passes"
    )
    assert describe_rule(parse_claim("более 20 000")).startswith(
        "over 20,000: 20,000 < a < 30,000 passes; a >= 30,000 warns"
    )


def test_english_decimal_commas_unchanged() -> None:
    # Thousands groups read as before; only a comma English refused is now decimal.
    assert parse_claim("20,662").value == 20662
    assert parse_claim("0,125").value == 125
    assert parse_claim("1,000").granularity == 1000


def test_check_reads_a_russian_claim(project, factcheck, tmp_path: Path) -> None:
    root = project("basic")
    claims = root / "claims" / "article.yaml"
    text = claims.read_text(encoding="utf-8")
    text = text.replace("claim: more than ten cases", "claim: более десяти дел")
    text = text.replace('claim: "20,662"', 'claim: "20\u00a0662 мужчин"')
    text = text.replace("claim: two-thirds", "claim: две трети")
    claims.write_text(text, encoding="utf-8")
    result = factcheck("check", "--root", root, "--format", "json")
    assert result.exit_code == 1, result.output  # the basic project has failures
    found = {c["id"]: c for c in report_of(result)["claims"]}
    assert (found["over_ten"]["verdict"], found["over_ten"]["actual"]) == ("pass", 12)
    assert found["over_ten"]["claim"] == "более десяти дел"
    assert (found["relay_men"]["verdict"], found["relay_men"]["actual"]) == ("pass", 20662)
    assert found["relay_men"]["claim"] == "20\u00a0662 мужчин"
    assert found["convicted_share"]["verdict"] == "fail"  # 0.75 is three quarters
    assert found["convicted_share"]["claim"] == "две трети"
