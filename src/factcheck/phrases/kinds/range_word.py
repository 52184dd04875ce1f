"""Vague quantity words: `a few hundred` (200-499), `hundreds`, `thousands`, `dozens` ...
(`несколько сотен`, `тысячи`): a lies in the word's range, inclusive. A project may
redefine the ranges in [tool.factcheck.vague]."""

from __future__ import annotations

from decimal import Decimal

from factcheck.phrases import lexicon, ru
from factcheck.phrases.kinds.base import (
    Judgement,
    Kind,
    Reader,
    Reading,
    RuReader,
    Said,
    label,
    show,
)
from factcheck.phrases.model import Phrase, fmt
from factcheck.phrases.numbers import no_quantifier


def read(said: Said) -> Phrase | None:
    """A vague word as written, before any hedge: a project's own may contain one."""
    for word in sorted(said.vague, key=len, reverse=True):
        if said.norm == word or said.norm.startswith(word + " "):
            no_quantifier(said.norm[len(word) :].strip(), said.text)
            low, high = said.vague[word]
            return Phrase(
                "range_word", said.text, low_bound=Decimal(str(low)), high_bound=Decimal(str(high))
            )
    return None


def read_ru(said: ru.RuSaid) -> int | None:
    """Тысячи, несколько сотен: the English vague word, when nothing hedges it."""
    if said.hedge is not None:
        return None
    vague, j = ru.longest(said.words, said.start, lexicon.RU_VAGUE)
    if vague is None:
        return None
    said.out.add(lexicon.RU_VAGUE[vague], vague)
    return j


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


RANGE_WORD = Kind(
    "range_word",
    judge,
    rule,
    numeric=False,
    readers=(Reader(10, read, as_written=True),),
    ru_readers=(RuReader(10, read_ru),),
)
