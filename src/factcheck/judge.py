"""Judge an actual figure under a phrase's meaning: pass, warn or fail, with one line why.

Every comparison is exact (Decimal and Fraction), so "over 20,000" at exactly
20,000 fails and at 30,000 warns, whatever binary floating point would say.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from typing import Any

from factcheck.phrases import DEFAULT_TOLERANCE, MAX_DIGITS, Number, Phrase, Tolerance, _fmt

ROUNDINGS = ("half_up", "down")
# Digits for exact arithmetic: a float figure spans at most 1e-324..1e308 at 12 digits, and a
# stated number has at most MAX_DIGITS digits, so every rounding and comparison is exact.
PRECISION = 340 + 2 * MAX_DIGITS
_ORDER = {"pass": 0, "warn": 1, "fail": 2}
# Every simple fraction p/q with q <= 5 in [0, 1]; 0 and 1 bound the outermost bands,
# so 1% is not "a fifth" and 99% is not "four-fifths".
_SIMPLE = sorted({Fraction(p, q) for q in range(1, 6) for p in range(0, q + 1)})
_WORDS = {
    "exactly": "exactly", "over": "over", "at_least": "at least", "under": "under",
    "at_most": "at most", "around": "around", "nearly": "nearly", "just_over": "just over",
}  # fmt: skip


@dataclass(frozen=True)
class Judgement:
    verdict: str  # pass | warn | fail
    explanation: str  # one line a reader understands
    rule: str  # describe_rule(phrase)
    rounding_passes: dict[str, bool] | None = None  # bare numbers: {"half_up": .., "down": ..}
    low: float | None = None  # the pass band, for charts
    high: float | None = None
    failing_groups: list[Any] = field(default_factory=list)  # over: each / any


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
    tol = phrase.tolerance or tolerance or DEFAULT_TOLERANCE
    # Rounding a figure to a phrase's place needs as many digits as lie between them:
    # 1e30 at the place of 1, or 60 at the place of 1e-30; the default 28 would raise.
    with localcontext() as context:
        context.prec = PRECISION
        if over in ("each", "any") and isinstance(actual, dict):
            return _groups(phrase, actual, over, tol, rounding)
        return _one(phrase, actual, tol, rounding)


def _one(phrase: Phrase, actual: Any, tol: Tolerance, rounding: str) -> Judgement:
    rule = describe_rule(phrase, tol, rounding)
    if phrase.kind == "key":
        got = _key_text(actual)
        ok = got == phrase.key
        tail = "as claimed" if ok else f"not {phrase.key}"
        return Judgement("pass" if ok else "fail", f"the winning group is {got}, {tail}", rule)
    a = _decimal(actual)
    if phrase.kind == "fraction":
        return _fraction(phrase, a, rule)
    if phrase.kind == "range_word":
        low, high = phrase.low_bound, phrase.high_bound
        assert low is not None and high is not None
        ok = low <= a <= high
        where = "within" if ok else "outside"
        return Judgement(
            "pass" if ok else "fail",
            f"{_show(a)} is {where} {_fmt(low)}-{_fmt(high)} ({phrase.text.strip()})",
            rule,
            low=float(low),
            high=float(high),
        )
    if phrase.kind == "one_in":
        assert phrase.number is not None
        target = 1 / Fraction(phrase.number.value)  # exact: one in 3 is 1/3, not 0.333...
        off = abs(Fraction(a) - target)
        ok = off <= target / 10
        return Judgement(
            "pass" if ok else "fail",
            f"{_show(a)} vs one in {_fmt(phrase.number.value)} = {float(target):.4g}: "
            f"{'within' if ok else 'more than'} 10% of it",
            rule,
            low=float(target * Fraction(9, 10)),
            high=float(target * Fraction(11, 10)),
        )
    number = phrase.number
    assert number is not None
    if not number.percent:
        return _numeric(phrase, number, a, "", tol, rounding, rule)
    # A percentage claim: a is a fraction, judged as a*100 against N; the band goes back.
    j = _numeric(phrase, number, a * 100, "%", tol, rounding, rule)
    low = j.low / 100 if j.low is not None else None
    high = j.high / 100 if j.high is not None else None
    return Judgement(j.verdict, j.explanation, rule, j.rounding_passes, low, high)


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
    av, nv = _show(a) + unit, _fmt(n) + unit
    kind = phrase.kind
    if kind == "bare":
        return _bare(a, n, g, unit, rounding, rule)
    t = tol.amount(n)
    word = _WORDS.get(kind, kind)
    if kind == "exactly":
        verdict = "pass" if a == n else "fail"
        why = f"{av} {'equals' if a == n else 'is not exactly'} {nv}"
        band = (n, n)
    elif kind in ("over", "at_least"):
        top = n + g
        band = (n, top)
        if not (a > n if kind == "over" else a >= n):
            verdict, why = "fail", f"{av} is not {word} {nv}"
        elif a >= top:
            verdict = "warn"
            why = (
                f"{av} is {word} {nv}, but also at or above {_fmt(top)}{unit}: true but understated"
            )
        else:
            verdict, why = "pass", f"{av} is {word} {nv} and below {_fmt(top)}{unit}"
    elif kind in ("under", "at_most"):
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
        why = f"{av} is {_show(off)}{unit} from {nv}: {how} the tolerance of {_fmt(t)}{unit}"
        if tol.relative:
            why += f" ({tol} of {nv})"
        band = (n - t, n + t)
    elif kind == "nearly":
        ok = n - t <= a < n
        verdict = "pass" if ok else "fail"
        how = "just under" if ok else ("not under" if a >= n else "too far under")
        why, band = f"{av} is {how} {nv} (within {_fmt(t)}{unit} below it)", (n - t, n)
    elif kind == "just_over":
        ok = n < a <= n + t
        verdict = "pass" if ok else "fail"
        how = "just over" if ok else ("not over" if a <= n else "too far over")
        why, band = f"{av} is {how} {nv} (within {_fmt(t)}{unit} above it)", (n, n + t)
    else:
        raise ValueError(f"unknown phrase kind {kind}")
    return Judgement(verdict, why, rule, low=float(band[0]), high=float(band[1]))


def _bare(a: Decimal, n: Decimal, g: Decimal, unit: str, rounding: str, rule: str) -> Judgement:
    half_up = (a / g).quantize(Decimal(1), ROUND_HALF_UP) * g
    down = (a / g).quantize(Decimal(1), ROUND_DOWN) * g  # truncation toward zero
    close = abs(a - n) <= abs(n) / 10
    passes = {"half_up": half_up == n and close, "down": down == n and close}
    nearest = "" if g == 1 else f" (nearest {_fmt(g)}{unit})"
    av, nv = _show(a) + unit, _fmt(n) + unit
    # Pass band: where a rounds to N, narrowed by the 10% test.
    lo, hi = (n - g / 2, n + g / 2) if rounding == "half_up" else (n, n + g)
    if n < 0 and rounding == "down":
        lo, hi = n - g, n
    band = (float(max(lo, n - abs(n) / 10)), float(min(hi, n + abs(n) / 10)))
    if passes[rounding]:
        if a == n:
            why = f"{av} is exactly {nv}"
        elif rounding == "half_up":
            why = f"{av} rounds half-up to {nv}{nearest}, within 10% of it"
        else:
            why = f"{av} truncated gives {nv}{nearest}, within 10% of it"
            if half_up != n:
                why += f" (half-up rounding would give {_fmt(half_up)}{unit})"
        return Judgement("pass", why, rule, passes, *band)
    if rounding == "half_up" and down == n:  # the contract's warn: no 10% test here
        why = (
            f"{av} rounds half-up to {_fmt(half_up)}{unit}{nearest}, not {nv}; "
            f"truncated (rounding down) it gives {nv}: passes only if the publisher truncates"
        )
        return Judgement("warn", why, rule, passes, *band)
    rounded = half_up if rounding == "half_up" else down
    how = "rounds half-up" if rounding == "half_up" else "truncated gives"
    if rounded == n:  # rounds to N, but too far from it
        off = abs(a - n) / abs(n) * 100
        why = f"{av} {how} {nv}{nearest}, but is {_show(off)}% away from it: more than 10%"
    else:
        why = f"{av} {how} {_fmt(rounded)}{unit}{nearest}, not {nv}"
    return Judgement("fail", why, rule, passes, *band)


def _fraction(phrase: Phrase, a: Decimal, rule: str) -> Judgement:
    f = phrase.fraction
    assert f is not None
    x = Fraction(a)
    nearest = min(_SIMPLE, key=lambda s: abs(x - s))
    tied = [s for s in _SIMPLE if abs(x - s) == abs(x - nearest)]
    is_nearest = tied == [f]  # exactly midway between two fractions names neither
    low, high = _fraction_band(f)
    shown = f"{float(a):.3f} ({_show(a * 100)}%)"
    near_text = f"the nearest simple fraction is {_frac(nearest)}"
    hedge = phrase.hedge
    if hedge in (None, "around"):
        ok = is_nearest
        why = f"{shown}: {near_text}" + ("" if ok else f", not {_frac(f)}")
        return Judgement("pass" if ok else "fail", why, rule, low=low, high=high)
    if hedge in ("over", "at_least"):
        above = [s for s in _SIMPLE if s > f]
        nxt = above[0] if above else None
        band = (float(f), float(nxt) if nxt is not None else 1.0)
        word = "more than" if hedge == "over" else "at least"
        if not (x > f if hedge == "over" else x >= f):
            return Judgement("fail", f"{shown} is not {word} {_frac(f)}", rule, None, *band)
        if nxt is not None and x >= nxt:
            why = f"{shown} is {word} {_frac(f)} but reaches {_frac(nxt)}: true but understated"
            return Judgement("warn", why, rule, None, *band)
        upto = f" and below {_frac(nxt)}" if nxt is not None else ""
        return Judgement("pass", f"{shown} is {word} {_frac(f)}{upto}", rule, None, *band)
    if hedge in ("under", "at_most"):
        below = [s for s in _SIMPLE if s < f]
        prev = below[-1] if below else None
        band = (float(prev) if prev is not None else 0.0, float(f))
        word = "less than" if hedge == "under" else "at most"
        if not (x < f if hedge == "under" else x <= f):
            return Judgement("fail", f"{shown} is not {word} {_frac(f)}", rule, None, *band)
        if prev is not None and x <= prev:
            why = f"{shown} is {word} {_frac(f)} but down to {_frac(prev)}: true but overstated"
            return Judgement("warn", why, rule, None, *band)
        upto = f" and above {_frac(prev)}" if prev is not None else ""
        return Judgement("pass", f"{shown} is {word} {_frac(f)}{upto}", rule, None, *band)
    # nearly / just over: on the stated side of F, and F still the nearest simple fraction.
    side_ok = x < f if hedge == "nearly" else x > f
    ok = side_ok and is_nearest
    side = "under" if hedge == "nearly" else "over"
    why = f"{shown} is {'' if side_ok else 'not '}{side} {_frac(f)}; {near_text}"
    band = (low, float(f)) if hedge == "nearly" else (float(f), high)
    return Judgement("pass" if ok else "fail", why, rule, None, *band)


def _fraction_band(f: Fraction) -> tuple[float, float]:
    """Where `f` is the nearest simple fraction: midway to each neighbour."""
    i = _SIMPLE.index(f)
    low = (f + _SIMPLE[i - 1]) / 2 if i > 0 else f
    high = (f + _SIMPLE[i + 1]) / 2 if i + 1 < len(_SIMPLE) else f
    return float(low), float(high)


def _frac(f: Fraction) -> str:
    return f"{f.numerator}/{f.denominator}"


def _direction(phrase: Phrase) -> str | None:
    """Which group is the extreme one for the warn column: "up" bounds look at the smallest."""
    kind = phrase.hedge if phrase.kind == "fraction" else phrase.kind
    if kind in ("over", "at_least"):
        return "up"
    if kind in ("under", "at_most"):
        return "down"
    return None


def _groups(
    phrase: Phrase, groups: dict[Any, Any], over: str, tol: Tolerance, rounding: str
) -> Judgement:
    rule = describe_rule(phrase, tol, rounding)
    if not groups:
        return Judgement("fail", "no groups to judge", rule)
    judged = {key: _one(phrase, value, tol, rounding) for key, value in groups.items()}
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
        shown = ", ".join(f"{k} ({_show_any(groups[k])})" for k in failing[:6])
        more = f" and {len(failing) - 6} more" if len(failing) > 6 else ""
        why = f"{len(failing)} of {len(judged)} groups fail '{label}': {shown}{more}"
        return Judgement("fail", why, rule, None, low, high, failing)
    direction = _direction(phrase)
    if direction is not None:
        # Every group is within the bound; the warn column is judged on the extreme group.
        pick = min if direction == "up" else max
        key = pick(groups, key=lambda k: _decimal(groups[k]))
        j = judged[key]
        extreme = "smallest" if direction == "up" else "largest"
        why = f"all {len(judged)} groups hold; the {extreme}, {key}: {j.explanation}"
        return Judgement(j.verdict, why, rule, None, low, high)
    warned = [str(k) for k, j in judged.items() if j.verdict == "warn"]
    if warned:
        why = f"all {len(judged)} groups hold, loosely in " + ", ".join(warned[:6])
        return Judgement("warn", why, rule, None, low, high)
    return Judgement("pass", f"all {len(judged)} groups hold '{label}'", rule, None, low, high)


def describe_rule(phrase: Phrase, tol: Tolerance | None = None, rounding: str = "half_up") -> str:
    """The rule applied, in words, for the report."""
    tol = phrase.tolerance or tol or DEFAULT_TOLERANCE
    kind = phrase.kind
    if kind == "key":
        return f"passes when the winning group is {phrase.key}"
    if kind == "range_word":
        low, high = _fmt(phrase.low_bound or 0), _fmt(phrase.high_bound or 0)
        return f"{_label(phrase)}: {low} <= a <= {high} passes"
    if kind == "fraction":
        return _fraction_rule(phrase)
    n = phrase.number
    assert n is not None
    if kind == "one_in":
        target = 1 / Fraction(n.value)
        lo, hi = float(target * Fraction(9, 10)), float(target * Fraction(11, 10))
        return f"one in {_fmt(n.value)}: {lo:.4g} <= a <= {hi:.4g} (within 10% of 1/N) passes"
    u = "%" if n.percent else ""
    nv, g = _fmt(n.value) + u, n.granularity
    pct = "; a is a fraction, judged as a percentage" if n.percent else ""
    up, down = _fmt(n.value + g) + u, _fmt(n.value - g) + u
    if kind == "bare":
        nearest = f" (nearest {_fmt(g)}{u})"
        if rounding == "down":
            return f"{nv}: a truncated{nearest} gives {nv} and is within 10% of it{pct}"
        return (
            f"{nv}: a rounds half-up{nearest} to {nv} and is within 10% of it; "
            f"warns when only truncation gives {nv}{pct}"
        )
    if kind == "exactly":
        return f"exactly {nv}: passes only when a = {nv}{pct}"
    if kind == "over":
        return f"over {nv}: {nv} < a < {up} passes; a >= {up} warns (true but understated){pct}"
    if kind == "at_least":
        return (
            f"at least {nv}: {nv} <= a < {up} passes; a >= {up} warns (true but understated){pct}"
        )
    if kind == "under":
        return f"under {nv}: {down} < a < {nv} passes; a <= {down} warns (true but overstated){pct}"
    if kind == "at_most":
        return (
            f"at most {nv}: {down} < a <= {nv} passes; a <= {down} warns (true but overstated){pct}"
        )
    if kind == "between":
        assert phrase.high is not None
        hv = _fmt(phrase.high.value) + u
        return f"between {nv} and {hv}: {nv} <= a <= {hv} passes{pct}"
    t = _fmt(tol.amount(n.value)) + u
    if kind == "around":
        return (
            f"around {nv}: |a - {nv}| <= {t} (tolerance {tol}) passes; up to twice that warns{pct}"
        )
    if kind == "nearly":
        return f"nearly {nv}: {nv} - {t} <= a < {nv} passes (tolerance {tol}){pct}"
    if kind == "just_over":
        return f"just over {nv}: {nv} < a <= {nv} + {t} passes (tolerance {tol}){pct}"
    raise ValueError(f"unknown phrase kind {kind}")


def _fraction_rule(phrase: Phrase) -> str:
    f = phrase.fraction
    assert f is not None
    name = _frac(f)
    low, high = _fraction_band(f)
    nearest = f"{name} is the simple fraction (denominator <= 5) nearest to a"
    if phrase.hedge in (None, "around"):
        return f"{name}: passes when {nearest} ({low:.4f} < a < {high:.4f})"
    if phrase.hedge in ("over", "at_least"):
        above = [s for s in _SIMPLE if s > f]
        op, word = ("<", "more than") if phrase.hedge == "over" else ("<=", "at least")
        if not above:
            return f"{word} {name}: {name} {op} a passes"
        nxt = _frac(above[0])
        return (
            f"{word} {name}: {name} {op} a < {nxt} passes; a >= {nxt} warns (true but understated)"
        )
    if phrase.hedge in ("under", "at_most"):
        below = [s for s in _SIMPLE if s < f]
        op, word = ("<", "less than") if phrase.hedge == "under" else ("<=", "at most")
        if not below:
            return f"{word} {name}: a {op} {name} passes"
        prev = _frac(below[-1])
        return (
            f"{word} {name}: {prev} < a {op} {name} passes; a <= {prev} warns (true but overstated)"
        )
    if phrase.hedge == "nearly":
        return f"nearly {name}: a < {name} and {nearest} ({low:.4f} < a < {name}) passes"
    return f"just over {name}: a > {name} and {nearest} ({name} < a < {high:.4f}) passes"


def _label(phrase: Phrase) -> str:
    return phrase.text.strip()


class NotANumber(ValueError):
    """The figure is text (say the max of a text column) but the phrase needs a number."""

    def __init__(self, value: Any) -> None:
        super().__init__(f"the figure is {value!r}, not a number")
        self.value = value


# A figure computed in binary floating point is judged at this many significant digits:
# engines add in different orders, so 1232.8 comes back as 1232.799999999999 from one
# and 1232.8000000000002 from another; 12 digits is far beyond any published figure and
# far above float noise (about 16 digits), so every engine's figure judges the same.
SIGNIFICANT_DIGITS = 12


def as_figure(value: Any) -> Any:
    """A computed figure as it is judged: a float rounded to 12 significant digits
    (239.99999999999997 -> 240.0); anything else (ints, Decimals, keys) unchanged.
    Every judged number goes through here: `_decimal` below, and argmax/argmin in judging."""
    if isinstance(value, float | numbers.Real) and not isinstance(
        value, bool | numbers.Integral | Decimal | Fraction
    ):
        number = float(value)  # numpy floats too
        if math.isfinite(number):
            return float(f"{number:.{SIGNIFICANT_DIGITS}g}")
        return number
    return value


def _decimal(value: Any) -> Decimal:
    """An actual figure as an exact Decimal: a float at 12 significant digits, written as
    its shortest repr, so 0.1 stays 0.1 and 1232.799999999999 is 1232.8."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real | Decimal):
        raise NotANumber(value)
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, numbers.Integral):
        number = Decimal(int(value))
    elif isinstance(value, Fraction):
        number = Decimal(value.numerator) / Decimal(value.denominator)
    else:
        number = Decimal(repr(as_figure(value)))
    if not number.is_finite():
        raise NotANumber(value)  # inf or NaN in the data: the claim errors, the run goes on
    return number


def _key_text(actual: Any) -> str:
    """A group key as text; a whole float (2024.0 from a numeric column) is 2024."""
    if isinstance(actual, numbers.Real) and not isinstance(actual, bool | numbers.Integral):
        if float(actual).is_integer():
            return str(int(actual))
    return str(actual)


def _show(value: Decimal) -> str:
    """A figure for a reader: thousands separators, at most 4 decimals."""
    if value != value.to_integral_value():
        value = value.quantize(Decimal("0.0001"), ROUND_HALF_UP).normalize()
    return _fmt(value)


def _show_any(value: Any) -> str:
    try:
        return _show(_decimal(value))
    except ValueError:
        return str(value)
