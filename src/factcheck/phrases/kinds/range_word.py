"""Vague quantity words: `a few hundred` (200-499), `hundreds`, `thousands`, `dozens` ...
(`несколько сотен`, `тысячи`): a lies in the word's range, inclusive. A project may
redefine the ranges in [tool.factcheck.vague]."""

from __future__ import annotations

from decimal import Decimal

from factcheck.phrases.kinds.base import Judgement, Kind, Reading, label, show
from factcheck.phrases.model import Phrase, fmt


def judge(phrase: Phrase, a: Decimal, reading: Reading) -> Judgement:
    low, high = phrase.low_bound, phrase.high_bound
    assert low is not None and high is not None
    ok = low <= a <= high
    where = "within" if ok else "outside"
    return Judgement(
        "pass" if ok else "fail",
        f"{show(a)} is {where} {fmt(low)}-{fmt(high)} ({label(phrase)})",
        "",
        low=float(low),
        high=float(high),
    )


def rule(phrase: Phrase, reading: Reading) -> str:
    low, high = fmt(phrase.low_bound or 0), fmt(phrase.high_bound or 0)
    return f"{label(phrase)}: {low} <= a <= {high} passes"


RANGE_WORD = Kind("range_word", judge, rule, numeric=False)
