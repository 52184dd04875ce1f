"""A bare number, `848` or `12.6`: a rounds to N at its granularity and is within 10% of N.

Under `rounding: half_up` (the default) a figure that only truncation gives (38.55 printed
as 38) warns; under `rounding: down` truncation is the rule.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from factcheck.phrases.kinds.base import Judgement, Kind, Reading, show
from factcheck.phrases.model import Phrase, at_place, fmt, stated


def judge(phrase: Phrase, a: Decimal, reading: Reading) -> Judgement:
    assert phrase.number is not None
    n, g, unit, rounding = (
        phrase.number.value,
        phrase.number.granularity,
        reading.unit,
        reading.rounding,
    )
    half_up = (a / g).quantize(Decimal(1), ROUND_HALF_UP) * g
    down = (a / g).quantize(Decimal(1), ROUND_DOWN) * g  # truncation toward zero
    close = abs(a - n) <= abs(n) / 10
    passes = {"half_up": half_up == n and close, "down": down == n and close}
    nearest = "" if g == 1 else f" (nearest {fmt(g)}{unit})"
    av, nv = show(a) + unit, stated(phrase.number) + unit
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
                why += f" (half-up rounding would give {at_place(half_up, g)}{unit})"
        return Judgement("pass", why, "", passes, *band)
    if rounding == "half_up" and down == n:  # the contract's warn: no 10% test here
        if half_up == n and n == 0:  # 10% of 0 is 0: only 0 itself is within it
            how = f"rounds half-up to {nv}{nearest} but is not exactly 0"
        elif half_up == n:
            off = abs(a - n) / abs(n) * 100
            how = f"rounds half-up to {nv}{nearest} but is {show(off)}% away from it"
        else:
            how = f"rounds half-up to {at_place(half_up, g)}{unit}{nearest}, not {nv}"
        why = (
            f"{av} {how}; truncated (rounding down) it gives {nv}: "
            "passes only if the publisher truncates"
        )
        return Judgement("warn", why, "", passes, *band)
    rounded = half_up if rounding == "half_up" else down
    how = "rounds half-up to" if rounding == "half_up" else "truncated gives"
    if rounded == n and n == 0:  # 10% of 0 is 0: only 0 itself is within it
        why = f"{av} {how} {nv}{nearest}, but is not exactly 0"
    elif rounded == n:  # rounds to N, but too far from it
        off = abs(a - n) / abs(n) * 100
        why = f"{av} {how} {nv}{nearest}, but is {show(off)}% away from it: more than 10%"
    else:
        why = f"{av} {how} {at_place(rounded, g)}{unit}{nearest}, not {nv}"
    return Judgement("fail", why, "", passes, *band)


def rule(phrase: Phrase, reading: Reading) -> str:
    assert phrase.number is not None
    u = reading.unit
    nv = stated(phrase.number) + u
    nearest = f" (nearest {fmt(phrase.number.granularity)}{u})"
    if reading.rounding == "down":
        return f"{nv}: a truncated{nearest} gives {nv} and is within 10% of it"
    return (
        f"{nv}: a rounds half-up{nearest} to {nv} and is within 10% of it; "
        f"warns when only truncation gives {nv}"
    )


BARE = Kind("bare", judge, rule)
