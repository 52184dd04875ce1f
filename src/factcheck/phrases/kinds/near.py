"""Phrases judged against N with a tolerance (default 10% of N, `tolerance:` to change it):
`around N` (within it; warn within twice it), `nearly N` (below N, within it) and
`just over N` (above N, within it); and `exactly N`, with no tolerance at all.

A multiplier ("twice", "3 times", "вдвое") is read here: a ratio is `around N` times unless
a hedge before it says otherwise ("more than double" is over 2)."""

from __future__ import annotations

from decimal import Decimal

from factcheck.phrases import ru
from factcheck.phrases.kinds.base import (
    Judgement,
    Kind,
    Reader,
    Reading,
    RuleFn,
    RuReader,
    Said,
    show,
)
from factcheck.phrases.model import Phrase, fmt, stated
from factcheck.phrases.numbers import multiplier


def _read_multiplier(said: Said) -> Phrase | None:
    """Before fractions: "half as many" is 0.5 times, not a half."""
    ratio = multiplier(said.rest, said.text)
    if ratio is None:
        return None
    return Phrase("around" if said.hedge == "bare" else said.hedge, said.text, number=ratio[0])


def _read_multiplier_ru(said: ru.RuSaid) -> int | None:
    """вдвое, в два раза, в 1.5 раза, в полтора раза."""
    end = ru.multiplier(said.words, said.start)
    if end is None:
        return None
    return ru.after_multiplier(said.words, said.start, end, said.out)


def _exactly(phrase: Phrase, a: Decimal, reading: Reading) -> Judgement:
    assert phrase.number is not None
    n = phrase.number.value
    av, nv = show(a) + reading.unit, stated(phrase.number) + reading.unit
    why = f"{av} {'equals' if a == n else 'is not exactly'} {nv}"
    return Judgement("pass" if a == n else "fail", why, "", low=float(n), high=float(n))


def _around(phrase: Phrase, a: Decimal, reading: Reading) -> Judgement:
    assert phrase.number is not None
    n, unit, tol = phrase.number.value, reading.unit, reading.tolerance
    t, off = tol.amount(n), abs(a - n)
    av, nv = show(a) + unit, stated(phrase.number) + unit
    verdict = "pass" if off <= t else "warn" if off <= 2 * t else "fail"
    how = {"pass": "within", "warn": "within twice", "fail": "more than twice"}[verdict]
    why = f"{av} is {show(off)}{unit} from {nv}: {how} the tolerance of {fmt(t)}{unit}"
    if tol.relative:
        why += f" ({tol} of {nv})"
    return Judgement(verdict, why, "", low=float(n - t), high=float(n + t))


def _nearly(phrase: Phrase, a: Decimal, reading: Reading) -> Judgement:
    assert phrase.number is not None
    n, unit = phrase.number.value, reading.unit
    t = reading.tolerance.amount(n)
    ok = n - t <= a < n
    how = "just under" if ok else ("not under" if a >= n else "too far under")
    nv = stated(phrase.number) + unit
    why = f"{show(a)}{unit} is {how} {nv} (within {fmt(t)}{unit} below it)"
    return Judgement("pass" if ok else "fail", why, "", low=float(n - t), high=float(n))


def _just_over(phrase: Phrase, a: Decimal, reading: Reading) -> Judgement:
    assert phrase.number is not None
    n, unit = phrase.number.value, reading.unit
    t = reading.tolerance.amount(n)
    ok = n < a <= n + t
    how = "just over" if ok else ("not over" if a <= n else "too far over")
    nv = stated(phrase.number) + unit
    why = f"{show(a)}{unit} is {how} {nv} (within {fmt(t)}{unit} above it)"
    return Judgement("pass" if ok else "fail", why, "", low=float(n), high=float(n + t))


def _rule(template: str) -> RuleFn:
    def rule(phrase: Phrase, reading: Reading) -> str:
        assert phrase.number is not None
        u, tol = reading.unit, reading.tolerance
        nv, t = stated(phrase.number) + u, fmt(tol.amount(phrase.number.value)) + u
        return template.format(nv=nv, t=t, tol=tol)

    return rule


EXACTLY = Kind(
    "exactly",
    _exactly,
    _rule("exactly {nv}: passes only when a = {nv}"),
    en=("exactly",),
    ru=("ровно",),
    word="exactly",
)
AROUND = Kind(
    "around",
    _around,
    _rule("around {nv}: |a - {nv}| <= {t} (tolerance {tol}) passes; up to twice that warns"),
    en=("around", "about", "approximately", "roughly", "some", "close to"),
    ru=("около", "примерно", "приблизительно", "порядка"),
    word="around",
    with_fraction=True,
    readers=(Reader(30, _read_multiplier),),
    ru_readers=(RuReader(30, _read_multiplier_ru),),
)
NEARLY = Kind(
    "nearly",
    _nearly,
    _rule("nearly {nv}: {nv} - {t} <= a < {nv} passes (tolerance {tol})"),
    en=("nearly", "almost", "just under"),
    ru=(
        "почти",
        "чуть меньше",
        "чуть менее",
        "немногим менее",
        "немногим меньше",
        "немного меньше",
        "немного менее",
    ),  # fmt: skip
    word="nearly",
    with_fraction=True,
)
JUST_OVER = Kind(
    "just_over",
    _just_over,
    _rule("just over {nv}: {nv} < a <= {nv} + {t} passes (tolerance {tol})"),
    en=("just over", "slightly more than"),
    ru=(
        "чуть больше",
        "чуть более",
        "немногим более",
        "немногим больше",
        "немного больше",
        "немного более",
    ),  # fmt: skip
    word="just over",
    with_fraction=True,
)
