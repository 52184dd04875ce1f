"""`one in N` (`каждый пятый`, `один из пяти`): a is within 10% of 1/N. It takes no hedge:
"nearly one in five" has no row in the phrase table, and read as "nearly 1" it would
judge the wrong number."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from factcheck.phrases.kinds.base import Judgement, Kind, Reading, show
from factcheck.phrases.model import Phrase, PhraseError, fmt
from factcheck.phrases.numbers import number

_ONE_IN = re.compile(r"^(?:one|1) in (.+)$")


def parse(text: str, hedge: str, rest: str) -> Phrase | None:
    found = _ONE_IN.match(rest)
    if found is None:
        return None
    if hedge != "bare":
        raise PhraseError(f"'{text.strip()}': one in N takes no hedge", text.strip())
    n, _ = number(found.group(1), text)
    if n.value <= 0:
        raise PhraseError(f"'{text}': one in N needs N above zero", n.text)
    return Phrase("one_in", text, number=n)


def _target(phrase: Phrase) -> Fraction:
    assert phrase.number is not None
    return 1 / Fraction(phrase.number.value)  # exact: one in 3 is 1/3, not 0.333...


def judge(phrase: Phrase, a: Decimal, reading: Reading) -> Judgement:
    assert phrase.number is not None
    target = _target(phrase)
    ok = abs(Fraction(a) - target) <= target / 10
    return Judgement(
        "pass" if ok else "fail",
        f"{show(a)} vs one in {fmt(phrase.number.value)} = {float(target):.4g}: "
        f"{'within' if ok else 'more than'} 10% of it",
        "",
        low=float(target * Fraction(9, 10)),
        high=float(target * Fraction(11, 10)),
    )


def rule(phrase: Phrase, reading: Reading) -> str:
    assert phrase.number is not None
    target = _target(phrase)
    lo, hi = float(target * Fraction(9, 10)), float(target * Fraction(11, 10))
    n = fmt(phrase.number.value)
    return f"one in {n}: {lo:.4g} <= a <= {hi:.4g} (within 10% of 1/N) passes"


ONE_IN = Kind("one_in", judge, rule, numeric=False)
