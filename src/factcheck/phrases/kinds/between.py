"""`between A and B`, `from A to B`, `A to B`, `A-B` (`от A до B`, `между A и B`):
A <= a <= B passes, inclusive."""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.phrases import ru
from factcheck.phrases.kinds.base import Judgement, Kind, Reader, Reading, RuReader, Said, show
from factcheck.phrases.lexicon import DIGIT_SCALES
from factcheck.phrases.model import Number, Phrase, PhraseError, stated
from factcheck.phrases.numbers import number


def range_pair(rest: str) -> tuple[str, str] | None:
    """`A and B`, `A to B`, `A-B`, where A is a whole number (so "848 cases to date" is not)."""
    found = re.match(r"^(.+?)\s*(?: and | to |-)\s*(.+)$", rest)
    if not found:
        return None
    try:
        _, unit = number(found.group(1), rest)
    except PhraseError:
        return None
    return (found.group(1), found.group(2)) if unit == "" else None


def parse(text: str, rest: str) -> Phrase:
    pair = range_pair(rest)
    if pair is None:
        raise PhraseError(f"'{text.strip()}' needs two numbers: between A and B", text.strip())
    high, _ = number(pair[1], text)
    # "between 1.3 and 1.5 billion", "20 to 30 percent": the scale and % of B apply to A.
    scale = next((w for w in high.text.split() if w in DIGIT_SCALES), None)
    low_text = pair[0]
    if scale and not any(w in DIGIT_SCALES for w in low_text.split()):
        low_text += " " + scale
    low, _ = number(low_text, text)
    if low.percent != high.percent:
        low = Number(low.value, low.granularity, low.text, True)
        high = Number(high.value, high.granularity, high.text, True)
    if low.value > high.value:
        raise PhraseError(f"'{text.strip()}': the first number must be the smaller", text.strip())
    return Phrase("between", text, number=low, high=high)


def read(said: Said) -> Phrase | None:
    if said.hedge == "between" or (said.hedge == "bare" and range_pair(said.rest) is not None):
        return parse(said.text, said.rest)
    return None


# The word between the two numbers after each Russian hedge, and its English.
_LINKS = {"от": ("до", "to"), "между": ("и", "and")}


def read_ru(said: ru.RuSaid) -> int | None:
    """от A до B, между A и B."""
    if said.hedge not in _LINKS:
        return None
    words, i, out = said.words, said.start, said.out
    j = ru.number(words, i, out, hedged=True)
    link = _LINKS[said.hedge]
    if j > i and j < len(words) and words[j] == link[0]:
        out.add(link[1], link[0])
        j = ru.number(words, j + 1, out, hedged=True)
    return j


def judge(phrase: Phrase, a: Decimal, reading: Reading) -> Judgement:
    assert phrase.number is not None and phrase.high is not None
    n, b, unit = phrase.number.value, phrase.high.value, reading.unit
    ok = n <= a <= b
    low, high = stated(phrase.number) + unit, stated(phrase.high) + unit
    why = f"{show(a)}{unit} is {'within' if ok else 'outside'} {low}-{high}"
    return Judgement("pass" if ok else "fail", why, "", low=float(n), high=float(b))


def rule(phrase: Phrase, reading: Reading) -> str:
    assert phrase.number is not None and phrase.high is not None
    nv, hv = stated(phrase.number) + reading.unit, stated(phrase.high) + reading.unit
    return f"between {nv} and {hv}: {nv} <= a <= {hv} passes"


BETWEEN = Kind(
    "between",
    judge,
    rule,
    en=("between", "from"),
    ru=("между",),
    ru_as=(("от", "from"),),
    word="between",
    readers=(Reader(20, read),),
    ru_readers=(RuReader(50, read_ru),),  # after fractions: "от двух третей" is one
)
