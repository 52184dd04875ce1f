"""One-sided bounds: `over N`, `at least N` (a is above N, and below N + g: higher is true
but understated, a warn) and their mirrors `under N`, `at most N`."""

from __future__ import annotations

from decimal import Decimal

from factcheck.phrases.kinds.base import JudgeFn, Judgement, Kind, Reading, RuleFn, show
from factcheck.phrases.model import Phrase, fmt, stated

Words = tuple[str, ...]


def _up(strict: bool, word: str) -> JudgeFn:
    def judge(phrase: Phrase, a: Decimal, reading: Reading) -> Judgement:
        assert phrase.number is not None
        n, g, unit = phrase.number.value, phrase.number.granularity, reading.unit
        av, nv, top = show(a) + unit, stated(phrase.number) + unit, n + g
        if not (a > n if strict else a >= n):
            verdict, why = "fail", f"{av} is not {word} {nv}"
        elif a >= top:
            verdict = "warn"
            why = (
                f"{av} is {word} {nv}, but also at or above {fmt(top)}{unit}: true but understated"
            )
        else:
            verdict, why = "pass", f"{av} is {word} {nv} and below {fmt(top)}{unit}"
        return Judgement(verdict, why, "", low=float(n), high=float(top))

    return judge


def _down(strict: bool, word: str) -> JudgeFn:
    def judge(phrase: Phrase, a: Decimal, reading: Reading) -> Judgement:
        assert phrase.number is not None
        n, g, unit = phrase.number.value, phrase.number.granularity, reading.unit
        av, nv, bottom = show(a) + unit, stated(phrase.number) + unit, n - g
        if not (a < n if strict else a <= n):
            verdict, why = "fail", f"{av} is not {word} {nv}"
        elif a <= bottom:
            edge = fmt(bottom) + unit
            verdict, why = (
                "warn",
                f"{av} is {word} {nv}, but also at or below {edge}: true but overstated",
            )
        else:
            verdict, why = "pass", f"{av} is {word} {nv} and above {fmt(bottom)}{unit}"
        return Judgement(verdict, why, "", low=float(bottom), high=float(n))

    return judge


def _rule(word: str, template: str) -> RuleFn:
    def rule(phrase: Phrase, reading: Reading) -> str:
        assert phrase.number is not None
        n, g, u = phrase.number.value, phrase.number.granularity, reading.unit
        nv, up, down = stated(phrase.number) + u, fmt(n + g) + u, fmt(n - g) + u
        return f"{word} {nv}: " + template.format(nv=nv, up=up, down=down)

    return rule


def _bound(
    name: str, word: str, up: bool, strict: bool, template: str, *, en: Words, ru: Words
) -> Kind:
    """A one-sided bound: "up" ones (over, at least) pass above N, "down" ones below."""
    judge = (_up if up else _down)(strict, word)
    way = "up" if up else "down"
    rule = _rule(word, template)
    return Kind(name, judge, rule, en=en, ru=ru, word=word, direction=way, with_fraction=True)


OVER = _bound(
    "over", "over", True, True,
    "{nv} < a < {up} passes; a >= {up} warns (true but understated)",
    en=("over", "more than", "above", "exceeding"),
    ru=("более", "больше", "свыше", "более чем", "больше чем"),
)  # fmt: skip
AT_LEAST = _bound(
    "at_least", "at least", True, False,
    "{nv} <= a < {up} passes; a >= {up} warns (true but understated)",
    en=("at least", "no fewer than", "no less than"),
    ru=("не менее", "не меньше", "не менее чем", "не меньше чем", "как минимум", "минимум",
        "по меньшей мере", "по крайней мере"),
)  # fmt: skip
UNDER = _bound(
    "under", "under", False, True,
    "{down} < a < {nv} passes; a <= {down} warns (true but overstated)",
    en=("under", "less than", "fewer than", "below"),
    ru=("менее", "меньше", "менее чем", "меньше чем"),
)  # fmt: skip
AT_MOST = _bound(
    "at_most", "at most", False, False,
    "{down} < a <= {nv} passes; a <= {down} warns (true but overstated)",
    en=("at most", "no more than", "up to"),
    ru=("не более", "не больше", "не более чем", "не больше чем", "максимум", "до"),
)  # fmt: skip
