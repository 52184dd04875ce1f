"""Properties of the phrase reader and the where/by/expr parsers: whatever an editor (or an
attacker) writes ends in a reading or in the reader's own clear error, in bounded time,
never another exception; and a phrase that reads judges any figure to a verdict."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from tests.fuzz.budget import FUZZ

from factcheck.lang.errors import LangError
from factcheck.lang.expr import parse_expr
from factcheck.lang.where import parse_by, parse_where
from factcheck.phrases import NotANumber, PhraseError, judge, parse_claim

PHRASE_TOKENS = [
    "over ", "more than ", "about ", "around ", "nearly ", "just over ", "at least ",
    "under ", "up to ", "between ", " and ", "from ", " to ", "-", "exactly ", "twice",
    "three times ", "1.5 times ", "half as many", "double", "more than double ",
    "a third", "two-thirds", "half", "one in ", "a few hundred", "dozens", "thousands",
    "%", " percent", "C", "°C", "mm", "$", "£", "€", "₽", "m", "bn", "k", " million",
    " тыс.", " млн", "более ", "около ", "почти ", "вдвое", "в два раза", "в 3 раза",
    "каждый пятый", "20,662", "20 662", "20\u00a0662", "12.60", "12,6", "0", "0.0",
    "1" * 60, "1e308", "inf", "nan", "٠", "'UA'", '"2024"', "December", "{", "}", "\x1b[31m",
]  # fmt: skip
NUMBER = st.one_of(
    st.integers(-(10**15), 10**15).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=4).map(str),
)
phrase_like = st.lists(st.sampled_from(PHRASE_TOKENS) | NUMBER, max_size=6).map("".join)
FIGURES = [0, 1, -1, 0.5, 2, 20662, 12345.678, 1e30, -1e-30, 239.99999999999997]

LANG_TOKENS = [
    "a", "b", "\"col x\"", "`x`", "=", "==", "!=", "<>", "<", ">=", " and ", " or ", "not ",
    "(", ")", " in ", " between ", " is null", " is not null", " like ", "'x'", "'%'",
    "'2025-01-01'", "1", "-2.5", "1" * 60, "true", "null", ",", "+", "-", "*", "/",
    "year(", "month(", "month_of_year(", "weekday(", "working_days(", "days(", "round(",
    "abs(", "min(", "max(", "'RU'", ";", "--", "/*", "__import__", "\x00", "ё",
]  # fmt: skip
lang_like = st.lists(st.sampled_from(LANG_TOKENS), max_size=25).map("".join)


@FUZZ
@given(phrase_like | st.text(max_size=60))
def test_a_phrase_reads_or_is_refused_and_judges_any_figure(text: str) -> None:
    try:
        phrase = parse_claim(text)
    except PhraseError:
        return
    if phrase.kind == "key":
        return  # a group key is judged against a winning group, never a number
    for figure in FIGURES:
        try:
            judgement = judge(phrase, figure)
        except NotANumber:
            continue
        assert judgement.verdict in ("pass", "warn", "fail"), (text, figure)
        assert judgement.explanation and "\n" not in judgement.explanation


@FUZZ
@given(lang_like | st.text(max_size=80))
def test_where_by_and_expr_parse_or_are_refused(text: str) -> None:
    for parse in (parse_where, parse_by, parse_expr):
        try:
            parse(text)
        except LangError:
            pass
