"""The kinds table: every phrase kind registered once, and the one judge that dispatches
on it (a figure, or each group's figure under `over: each` / `any`).

A new kind is a module in kinds/ with its words and semantics, and a line here.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import localcontext
from typing import Any

from factcheck.phrases.kinds.bare import BARE
from factcheck.phrases.kinds.base import (
    ROUNDINGS,
    Judgement,
    Kind,
    Reading,
    show_any,
    to_decimal,
)
from factcheck.phrases.kinds.between import BETWEEN
from factcheck.phrases.kinds.bounds import AT_LEAST, AT_MOST, OVER, UNDER
from factcheck.phrases.kinds.fraction import FRACTION
from factcheck.phrases.kinds.key import KEY
from factcheck.phrases.kinds.near import AROUND, EXACTLY, JUST_OVER, NEARLY
from factcheck.phrases.kinds.one_in import ONE_IN
from factcheck.phrases.kinds.range_word import RANGE_WORD
from factcheck.phrases.model import DEFAULT_TOLERANCE, MAX_DIGITS, Phrase, Tolerance

KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        BARE, EXACTLY, OVER, AT_LEAST, UNDER, AT_MOST, BETWEEN, AROUND, NEARLY, JUST_OVER,
        FRACTION, ONE_IN, RANGE_WORD, KEY,
    )
}  # fmt: skip

# Hedge words before a number -> their kind, longest first so "just over" wins over "over".
HEDGES: list[tuple[str, str]] = sorted(
    ((words, kind.name) for kind in KINDS.values() for words in kind.en),
    key=lambda pair: -len(pair[0]),
)
# Russian hedge words -> the English words of the same kind (ru.py rewrites with them).
HEDGES_RU: dict[str, str] = {words: kind.en[0] for kind in KINDS.values() for words in kind.ru} | {
    "от": "from",
    "между": "between",
}
FRACTION_HEDGES = {name for name, kind in KINDS.items() if kind.with_fraction}

_ORDER = {"pass": 0, "warn": 1, "fail": 2}
# Digits for exact arithmetic: a float figure spans at most 1e-324..1e308 at 12 digits, and a
# stated number has at most MAX_DIGITS digits (more gets more: _precision), so every rounding
# and comparison is exact (rounding 1e30 at the place of 1 needs 31 digits; 28 would raise).
PRECISION = 340 + 2 * MAX_DIGITS


def _precision(phrase: Phrase) -> int:
    """PRECISION, or more for a stated number longer than MAX_DIGITS (number_digits raised)."""
    stated = [n.value for n in (phrase.number, phrase.high) if n is not None]
    longest = max((len(format(abs(value), "f")) for value in stated), default=0)
    return PRECISION + 2 * max(0, longest - MAX_DIGITS)


def judge(
    phrase: Phrase,
    actual: Any,
    *,
    over: str | None = None,
    tolerance: Tolerance | None = None,
    rounding: str = "half_up",
) -> Judgement:
    if rounding not in ROUNDINGS:
        raise ValueError(f"rounding is half_up or down, not {rounding!r}")
    reading = Reading(phrase.tolerance or tolerance or DEFAULT_TOLERANCE, rounding)
    with localcontext() as context:
        context.prec = _precision(phrase)
        if over in ("each", "any") and isinstance(actual, dict):
            return _groups(phrase, actual, over, reading)
        return _one(phrase, actual, reading)


def describe_rule(phrase: Phrase, tol: Tolerance | None = None, rounding: str = "half_up") -> str:
    """The rule applied, in words, for the report."""
    reading = Reading(phrase.tolerance or tol or DEFAULT_TOLERANCE, rounding)
    return _rule(phrase, _kind(phrase), reading)


def _kind(phrase: Phrase) -> Kind:
    try:
        return KINDS[phrase.kind]
    except KeyError:
        raise ValueError(f"unknown phrase kind {phrase.kind}") from None


# How N is written, for the numeric kinds: a fraction judged as a percentage, or a ratio.
_PERCENT = ("%", "; a is a fraction, judged as a percentage")
_TIMES = ("×", "; a is a ratio, N times")


def _unit(phrase: Phrase, kind: Kind) -> tuple[str, str] | None:
    if not kind.numeric:
        return None
    return _PERCENT if phrase.percent else _TIMES if phrase.times else None


def _rule(phrase: Phrase, kind: Kind, reading: Reading) -> str:
    unit = _unit(phrase, kind)
    if unit is None:
        return kind.rule(phrase, reading)
    return kind.rule(phrase, replace(reading, unit=unit[0])) + unit[1]


def _one(phrase: Phrase, actual: Any, reading: Reading) -> Judgement:
    kind = _kind(phrase)
    rule = _rule(phrase, kind, reading)
    if kind.key:
        return replace(kind.judge(phrase, actual, reading), rule=rule)
    a = to_decimal(actual)
    unit = _unit(phrase, kind)
    if unit is None:
        return replace(kind.judge(phrase, a, reading), rule=rule)
    if unit is _TIMES:
        return replace(kind.judge(phrase, a, replace(reading, unit=unit[0])), rule=rule)
    # A percentage claim: a is a fraction, judged as a*100 against N; the band goes back.
    j = kind.judge(phrase, a * 100, replace(reading, unit="%"))
    low = j.low / 100 if j.low is not None else None
    high = j.high / 100 if j.high is not None else None
    return Judgement(j.verdict, j.explanation, rule, j.rounding_passes, low, high)


def direction(phrase: Phrase) -> str | None:
    """Which group is the extreme one for the warn column: "up" bounds look at the smallest."""
    name = phrase.hedge if phrase.kind == "fraction" else phrase.kind
    kind = KINDS.get(name or "")
    return kind.direction if kind is not None else None


def _groups(phrase: Phrase, groups: dict[Any, Any], over: str, reading: Reading) -> Judgement:
    rule = _rule(phrase, _kind(phrase), reading)
    if not groups:
        return Judgement("fail", "no groups to judge", rule)
    judged = {key: _one(phrase, value, reading) for key, value in groups.items()}
    first = next(iter(judged.values()))
    low, high = first.low, first.high  # the band does not depend on the group
    failing = [k for k, j in judged.items() if j.verdict == "fail"]
    label = phrase.text.strip()
    if over == "any":
        best = min(judged, key=lambda k: _ORDER[judged[k].verdict])
        j = judged[best]
        if j.verdict == "fail":
            why = f"no group of {len(judged)} holds '{label}'; e.g. {best}: {j.explanation}"
            return Judgement("fail", why, rule, None, low, high, failing)
        why = f"group {best}: {j.explanation}"
        return Judgement(j.verdict, why, rule, j.rounding_passes, low, high)
    if failing:
        shown = ", ".join(f"{k} ({show_any(groups[k])})" for k in failing[:6])
        more = f" and {len(failing) - 6} more" if len(failing) > 6 else ""
        why = f"{len(failing)} of {len(judged)} groups fail '{label}': {shown}{more}"
        return Judgement("fail", why, rule, None, low, high, failing)
    way = direction(phrase)
    if way is not None:
        # Every group is within the bound; the warn column is judged on the extreme group.
        pick = min if way == "up" else max
        key = pick(groups, key=lambda k: to_decimal(groups[k]))
        j = judged[key]
        extreme = "smallest" if way == "up" else "largest"
        why = f"all {len(judged)} groups hold; the {extreme}, {key}: {j.explanation}"
        return Judgement(j.verdict, why, rule, None, low, high)
    warned = [str(k) for k, j in judged.items() if j.verdict == "warn"]
    if warned:
        why = f"all {len(judged)} groups hold, loosely in " + ", ".join(warned[:6])
        return Judgement("warn", why, rule, None, low, high)
    return Judgement("pass", f"all {len(judged)} groups hold '{label}'", rule, None, low, high)
