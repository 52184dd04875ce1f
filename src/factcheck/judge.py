"""Judge an actual figure under a phrase's meaning: pass, warn or fail, with one line why.

Every comparison is exact (Decimal and Fraction), so "over 20,000" at exactly
20,000 fails and at 30,000 warns, whatever binary floating point would say.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from factcheck.phrases import DEFAULT_TOLERANCE, Number, Phrase, Tolerance, _fmt

_ORDER = {"pass": 0, "warn": 1, "fail": 2}
_SIMPLE = sorted({Fraction(p, q) for q in range(1, 6) for p in range(0, q + 1)})


@dataclass(frozen=True)
class Judgement:
    verdict: str  # pass | warn | fail
    explanation: str
    rule: str
    rounding_passes: dict[str, bool] | None = None
    low: float | None = None  # the pass band, for charts
    high: float | None = None
    failing_groups: list[str] = field(default_factory=list)


def judge(
    phrase: Phrase,
    actual: Any,
    *,
    over: str | None = None,
    tolerance: Tolerance | None = None,
    rounding: str = "half_up",
) -> Judgement:
    tol = phrase.tolerance or tolerance or DEFAULT_TOLERANCE
    if over in ("each", "any") and isinstance(actual, dict):
        return _groups(phrase, actual, over, tol, rounding)
    return _one(phrase, actual, tol, rounding)


def _one(phrase: Phrase, actual: Any, tol: Tolerance, rounding: str) -> Judgement:
    rule = describe_rule(phrase, tol, rounding)
    if phrase.kind == "key":
        ok = str(actual) == phrase.key
        tail = "as claimed" if ok else f"not {phrase.key}"
        return Judgement("pass" if ok else "fail", f"the winning group is {actual}, {tail}", rule)
    a = _decimal(actual)
    if phrase.kind == "fraction":
        return _fraction(phrase, a, rule)
    if phrase.kind == "range":
        low, high = phrase.low_bound, phrase.high_bound
        assert low is not None and high is not None
        ok = low <= a <= high
        where = "within" if ok else "outside"
        return Judgement(
            "pass" if ok else "fail",
            f"{_fmt(_round(a, 4))} is {where} {_fmt(low)}-{_fmt(high)} ({phrase.text.strip()})",
            rule,
            low=float(low),
            high=float(high),
        )
    if phrase.kind == "one_in":
        assert phrase.number is not None
        target = 1 / phrase.number.value
        ok = abs(a - target) <= target / 10
        return Judgement(
            "pass" if ok else "fail",
            f"{_fmt(_round(a, 4))} vs one in {_fmt(phrase.number.value)} = "
            f"{_fmt(_round(target, 4))}: {'within' if ok else 'more than'} 10%",
            rule,
            low=float(target * Decimal("0.9")),
            high=float(target * Decimal("1.1")),
        )
    number = phrase.number
    assert number is not None
    scale = Decimal(100) if number.percent else Decimal(1)
    shown = a * scale  # a fraction judged as a percentage
    unit = "%" if number.percent else ""
    judgement = _numeric(phrase, number, shown, unit, tol, rounding, rule)
    if scale != 1:
        low = judgement.low / 100 if judgement.low is not None else None
        high = judgement.high / 100 if judgement.high is not None else None
        return Judgement(
            judgement.verdict, judgement.explanation, rule, judgement.rounding_passes, low, high
        )
    return judgement


def _numeric(
    phrase: Phrase,
    number: Number,
    a: Decimal,
    unit: str,
    tol: Tolerance,
    rounding: str,
    rule: str,
) -> Judgement:
    """Numbers under a hedge: each branch says verdict, why, and the pass band (for charts)."""
    n, g = number.value, number.granularity
    av, nv = _fmt(_round(a, 4)) + unit, _fmt(n) + unit
    kind = phrase.kind
    if kind == "bare":
        return _bare(a, n, g, unit, rounding, rule)
    t = tol.amount(n)
    if kind == "exactly":
        verdict = "pass" if a == n else "fail"
        why = f"{av} {'equals' if a == n else 'is not exactly'} {nv}"
        band = (n, n)
    elif kind in ("over", "at_least"):
        word = "over" if kind == "over" else "at least"
        top = n + g
        band = (n, top)
        if not (a > n if kind == "over" else a >= n):
            verdict, why = "fail", f"{av} is not {word} {nv}"
        elif a >= top:
            verdict = "warn"
            edge = _fmt(top) + unit
            why = f"{av} is {word} {nv}, but also at or above {edge}: true but understated"
        else:
            verdict, why = "pass", f"{av} is {word} {nv} and below {_fmt(top)}{unit}"
    elif kind in ("under", "at_most"):
        word = "under" if kind == "under" else "at most"
        bottom = n - g
        band = (bottom, n)
        if not (a < n if kind == "under" else a <= n):
            verdict, why = "fail", f"{av} is not {word} {nv}"
        elif a <= bottom:
            verdict = "warn"
            edge = _fmt(bottom) + unit
            why = f"{av} is {word} {nv}, but also at or below {edge}: true but overstated"
        else:
            verdict, why = "pass", f"{av} is {word} {nv} and above {_fmt(bottom)}{unit}"
    elif kind == "between":
        assert phrase.high is not None
        band = (n, phrase.high.value)
        ok = n <= a <= band[1]
        verdict = "pass" if ok else "fail"
        why = f"{av} is {'within' if ok else 'outside'} {nv}-{_fmt(band[1])}{unit}"
    elif kind == "around":
        off = abs(a - n)
        verdict = "pass" if off <= t else "warn" if off <= 2 * t else "fail"
        how = {"pass": "within", "warn": "within twice", "fail": "more than twice"}[verdict]
        off_text = _fmt(_round(off, 4)) + unit
        why = f"{av} is {off_text} from {nv}: {how} the tolerance of {_fmt(t)}{unit} ({tol})"
        band = (n - t, n + t)
    elif kind == "nearly":
        ok = n - t <= a < n
        verdict = "pass" if ok else "fail"
        how = "just under" if ok else ("not under" if a >= n else "too far under")
        why, band = f"{av} is {how} {nv} (tolerance {tol})", (n - t, n)
    elif kind == "just_over":
        ok = n < a <= n + t
        verdict = "pass" if ok else "fail"
        how = "just over" if ok else ("not over" if a <= n else "too far over")
        why, band = f"{av} is {how} {nv} (tolerance {tol})", (n, n + t)
    else:
        raise ValueError(f"unknown phrase kind {kind}")
    return Judgement(verdict, why, rule, low=float(band[0]), high=float(band[1]))


def _bare(a: Decimal, n: Decimal, g: Decimal, unit: str, rounding: str, rule: str) -> Judgement:
    half_up = (a / g).quantize(Decimal(1), ROUND_HALF_UP) * g
    down = (a / g).quantize(Decimal(1), ROUND_DOWN) * g
    close = abs(a - n) <= abs(n) / 10
    passes = {"half_up": half_up == n and close, "down": down == n and close}
    at = "" if g == 1 else f" at {_fmt(g)}"
    av, nv = _fmt(_round(a, 4)) + unit, _fmt(n) + unit
    band = (
        (float(n - g / 2), float(n + g / 2)) if rounding == "half_up" else (float(n), float(n + g))
    )
    if a == n:
        return Judgement("pass", f"{av} is exactly {nv}", rule, passes, *band)
    if passes[rounding]:
        how = "rounds half-up" if rounding == "half_up" else "truncated"
        also = " (truncated too)" if rounding == "half_up" and passes["down"] else ""
        if rounding == "down" and half_up != n:
            also = f" (half-up rounding would give {_fmt(half_up)}{unit})"
        if rounding == "down" and half_up != n:
            also = f" (half-up rounding would give {_fmt(half_up)}{unit})"
        return Judgement("pass", f"{av} {how}{at} gives {nv}{also}", rule, passes, *band)
    if rounding == "half_up" and down == n:  # the contract's warn: no 10% test here
        return Judgement(
            "warn",
            f"{av} rounds half-up{at} to {_fmt(half_up)}{unit}, not {nv}; "
            f"truncated it gives {nv}: passes only if the publisher truncates",
            rule,
            passes,
            *band,
        )
    rounded = half_up if rounding == "half_up" else down
    how = "rounds half-up" if rounding == "half_up" else "truncates"
    extra = "" if close else f"; more than 10% from {nv}"
    return Judgement(
        "fail", f"{av} {how}{at} to {_fmt(rounded)}{unit}, not {nv}{extra}", rule, passes, *band
    )


def _fraction(phrase: Phrase, a: Decimal, rule: str) -> Judgement:
    f = phrase.fraction
    assert f is not None
    x = Fraction(a)
    nearest = min(_SIMPLE, key=lambda s: (abs(x - s), s))
    tied = [s for s in _SIMPLE if abs(x - s) == abs(x - nearest)]
    is_nearest = nearest == f and len(tied) == 1
    low, high = _fraction_band(f)
    shown = f"{float(a):.3f} ({float(a) * 100:.1f}%)"
    hedge = phrase.hedge
    near_text = f"nearest simple fraction is {_frac(nearest)}"
    if hedge in (None, "around"):
        ok = is_nearest
        return Judgement(
            "pass" if ok else "fail",
            f"{shown}: {near_text}" + ("" if ok else f", not {_frac(f)}"),
            rule,
            low=low,
            high=high,
        )
    if hedge == "over":
        nxt = min(s for s in _SIMPLE if s > f) if f < 1 else f
        if x <= f:
            return Judgement(
                "fail", f"{shown} is not more than {_frac(f)}", rule, low=float(f), high=float(nxt)
            )
        if x >= nxt:
            return Judgement(
                "warn",
                f"{shown} is more than {_frac(f)} but reaches {_frac(nxt)}: understated",
                rule,
                low=float(f),
                high=float(nxt),
            )
        return Judgement(
            "pass",
            f"{shown} is between {_frac(f)} and {_frac(nxt)}",
            rule,
            low=float(f),
            high=float(nxt),
        )
    if hedge == "under":
        prev = max(s for s in _SIMPLE if s < f) if f > 0 else f
        if x >= f:
            return Judgement(
                "fail", f"{shown} is not less than {_frac(f)}", rule, low=float(prev), high=float(f)
            )
        if x <= prev:
            return Judgement(
                "warn",
                f"{shown} is less than {_frac(f)} but down to {_frac(prev)}: overstated",
                rule,
                low=float(prev),
                high=float(f),
            )
        return Judgement(
            "pass",
            f"{shown} is between {_frac(prev)} and {_frac(f)}",
            rule,
            low=float(prev),
            high=float(f),
        )
    side_ok = x < f if hedge == "nearly" else x > f
    ok = side_ok and is_nearest
    side = "under" if hedge == "nearly" else "over"
    why = f"{shown} is {'' if side_ok else 'not '}{side} {_frac(f)}; {near_text}"
    return Judgement("pass" if ok else "fail", why, rule, low=low, high=high)


def _fraction_band(f: Fraction) -> tuple[float, float]:
    """Where `f` is the nearest simple fraction: midway to each neighbour."""
    i = _SIMPLE.index(f)
    low = (f + _SIMPLE[i - 1]) / 2 if i > 0 else f
    high = (f + _SIMPLE[i + 1]) / 2 if i + 1 < len(_SIMPLE) else f
    return float(low), float(high)


def _frac(f: Fraction) -> str:
    return f"{f.numerator}/{f.denominator}"


def _groups(
    phrase: Phrase, groups: dict[str, Any], over: str, tol: Tolerance, rounding: str
) -> Judgement:
    rule = describe_rule(phrase, tol, rounding)
    judged = {key: _one(phrase, value, tol, rounding) for key, value in groups.items()}
    band = next(iter(judged.values()), None)
    low, high = (band.low, band.high) if band else (None, None)
    if not judged:
        return Judgement("fail", "no groups to judge", rule)
    if over == "any":
        best = min(judged, key=lambda k: (_ORDER[judged[k].verdict], k))
        j = judged[best]
        return Judgement(
            j.verdict, f"best group {best}: {j.explanation}", rule, j.rounding_passes, low, high
        )
    failing = [k for k, j in judged.items() if j.verdict == "fail"]
    if failing:
        shown = ", ".join(f"{k} ({_fmt(_round(_decimal(groups[k]), 4))})" for k in failing[:6])
        more = f" and {len(failing) - 6} more" if len(failing) > 6 else ""
        return Judgement(
            "fail",
            f"{len(failing)} of {len(judged)} groups fail '{phrase.text.strip()}': {shown}{more}",
            rule,
            None,
            low,
            high,
            failing,
        )
    # Every group is within the bound; the warn column is judged on the extreme group.
    if phrase.kind in ("over", "at_least"):
        key = min(groups, key=lambda k: (groups[k], k))
        j = judged[key]
        return Judgement(
            j.verdict,
            f"all {len(judged)} groups pass the bound; smallest, {key}: {j.explanation}",
            rule,
            None,
            low,
            high,
        )
    if phrase.kind in ("under", "at_most"):
        key = max(groups, key=lambda k: (groups[k], k))
        j = judged[key]
        return Judgement(
            j.verdict,
            f"all {len(judged)} groups pass the bound; largest, {key}: {j.explanation}",
            rule,
            None,
            low,
            high,
        )
    warned = [k for k, j in judged.items() if j.verdict == "warn"]
    if warned:
        return Judgement(
            "warn",
            f"all {len(judged)} groups hold, loosely in " + ", ".join(warned[:6]),
            rule,
            None,
            low,
            high,
        )
    return Judgement(
        "pass", f"all {len(judged)} groups hold ('{phrase.text.strip()}')", rule, None, low, high
    )


def describe_rule(phrase: Phrase, tol: Tolerance | None = None, rounding: str = "half_up") -> str:
    """The rule applied, in words, for the report."""
    tol = phrase.tolerance or tol or DEFAULT_TOLERANCE
    kind = phrase.kind
    if kind == "key":
        return f"the winning group's key equals {phrase.key}"
    if kind == "range":
        return f"{phrase.text.strip()}: {_fmt(phrase.low_bound)} <= a <= {_fmt(phrase.high_bound)}"
    if kind == "fraction":
        f = _frac(phrase.fraction)
        return {
            None: f"{f} is the simple fraction (denominator <= 5) nearest to a",
            "around": f"{f} is the simple fraction (denominator <= 5) nearest to a",
            "over": f"a is above {f} and below the next simple fraction (warn beyond it)",
            "under": f"a is below {f} and above the previous simple fraction (warn beyond it)",
            "nearly": f"a is below {f} and {f} is the nearest simple fraction",
            "just_over": f"a is above {f} and {f} is the nearest simple fraction",
        }[phrase.hedge]
    if kind == "one_in":
        return f"a within 10% of 1/{_fmt(phrase.number.value)}"
    n = phrase.number
    assert n is not None
    u = "%" if n.percent else ""
    nv, g = _fmt(n.value) + u, n.granularity
    pct = " (a as a percentage)" if n.percent else ""
    if kind == "bare":
        how = "rounds half-up" if rounding == "half_up" else "truncates"
        warn = "; warn if only truncation gives it" if rounding == "half_up" else ""
        return f"{nv}: a {how} to it at {_fmt(g)}{u} and is within 10%{warn}{pct}"
    if kind == "exactly":
        return f"a = {nv}{pct}"
    if kind == "over":
        return f"over {nv}: {nv} < a < {_fmt(n.value + g)}{u}; warn at or above{pct}"
    if kind == "at_least":
        return f"at least {nv}: {nv} <= a < {_fmt(n.value + g)}{u}; warn at or above{pct}"
    if kind == "under":
        return f"under {nv}: {_fmt(n.value - g)}{u} < a < {nv}; warn at or below{pct}"
    if kind == "at_most":
        return f"at most {nv}: {_fmt(n.value - g)}{u} < a <= {nv}; warn at or below{pct}"
    if kind == "between":
        return f"{nv} <= a <= {_fmt(phrase.high.value)}{u}{pct}"
    t = _fmt(tol.amount(n.value)) + u
    if kind == "around":
        return f"around {nv}: |a - {nv}| <= {t} ({tol}); warn within twice that{pct}"
    if kind == "nearly":
        return f"nearly {nv}: {nv} - {t} <= a < {nv}{pct}"
    return f"just over {nv}: {nv} < a <= {nv} + {t}{pct}"


def _decimal(value: Any) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"not a number: {value!r}")
    return Decimal(str(value))


def _round(value: Decimal, places: int) -> Decimal:
    if value == value.to_integral_value():
        return value
    return value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP).normalize()
