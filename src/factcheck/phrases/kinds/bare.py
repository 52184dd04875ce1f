"""A bare number, `848` or `12.6`: a rounds to N at its granularity and is within 10% of N.

Under `rounding: half_up` (the default) a figure that only truncation gives (38.55 printed
as 38) warns; under `rounding: down` truncation is the rule.

Its reader is the last one tried: a number (digits or words, with its unit) after any
hedge, so a kind that is only hedge words ("over", "nearly") needs no reader of its own.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from factcheck.phrases import ru
from factcheck.phrases.kinds.base import Judgement, Kind, Reader, Reading, RuReader, Said, show
from factcheck.phrases.model import Phrase, PhraseError, at_place, fmt, stated
from factcheck.phrases.numbers import number


def read(said: Said) -> Phrase:
    key = date_key(said.norm) if said.hedge == "bare" else None
    if key is not None:  # "December 2015" is no number with a unit, and no key as written
        raise PhraseError(
            f"'{said.text.strip()}' is a date; write it as the group key `by:` makes: '{key}' "
            "(month(col) gives 2015-12, quarter(col) 2015-Q4, day(col) 2015-12-31)",
            said.text.strip(),
        )
    n, unit = number(said.rest, said.text)
    return Phrase(_unit_quantifier(said.hedge, unit), said.text, number=n)


def read_ru(said: ru.RuSaid) -> int:
    return ru.number(said.words, said.start, said.out, hedged=said.hedge is not None)


def _unit_quantifier(kind: str, unit: str) -> str:
    """Words after a number are its unit, unless they are themselves a quantifier."""
    if kind == "bare" and re.match(r"^(or more|or over|plus|\+)(\b|$)", unit):
        return "at_least"
    if kind == "bare" and re.match(r"^(or fewer|or less|or under)(\b|$)", unit):
        return "at_most"
    return kind


_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH = "(?P<m>" + "|".join(f"{m[:3]}(?:{m[3:]})?" for m in _MONTHS) + r")\.?"
_DATES = (
    (re.compile(rf"^(?:(?P<d>\d{{1,2}}) )?{_MONTH},? (?P<y>\d{{4}})$"), "month"),
    (re.compile(rf"^{_MONTH} (?P<d>\d{{1,2}}),? (?P<y>\d{{4}})$"), "month"),
    (re.compile(r"^q(?P<q>[1-4]),? (?P<y>\d{4})$|^(?P<y2>\d{4}),? q(?P<q2>[1-4])$"), "quarter"),
)


def date_key(norm: str) -> str | None:
    """The group key a date written in words would have: "december 2015" -> 2015-12."""
    for pattern, kind in _DATES:
        found = pattern.match(norm)
        if found is None:
            continue
        if kind == "quarter":
            year, quarter = (
                found.group("y") or found.group("y2"),
                found.group("q") or found.group("q2"),
            )
            return f"{year}-Q{quarter}"
        month = next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(found.group("m")))
        day = found.group("d")
        return f"{found.group('y')}-{month:02d}" + (f"-{int(day):02d}" if day else "")
    return None


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


# Last: any number after any hedge, once no kind of its own shape has read the phrase.
BARE = Kind("bare", judge, rule, readers=(Reader(100, read),), ru_readers=(RuReader(100, read_ru),))
