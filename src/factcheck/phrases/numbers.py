"""A stated number at the start of a phrase: digits ("20,662", "12.6%", "1.3 billion") or
words ("twenty-five", "three million"), its granularity, and the words after it (its unit).
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.load.limits import current
from factcheck.phrases.lexicon import (
    CURRENCY_SCALES,
    CURRENCY_SIGNS,
    DIGIT_SCALES,
    HALF_AS,
    INVERTING,
    MULTIPLIER_WORDS,
    QUANTIFIER_WORDS,
    SCALES,
    SPACES,
    TENS,
    TIMES,
    UNITS,
)
from factcheck.phrases.model import NotAKey, Number, PhraseError

_DIGITS = re.compile(
    rf"^(?P<sign>-)?(?P<int>\d{{1,3}}(?:[, {SPACES}]\d{{3}})+|\d+)(?:\.(?P<dec>\d+))?"
    r"(?:\s*(?P<scale>hundred|thousand|million|billion)\b)?(?P<pct>\s*(?:%|per ?cent\b))?"
)


def normalise(text: str) -> str:
    out = text.strip().lower()
    out = re.sub(rf"(?<=\d)[{SPACES}](?=\d{{3}})", " ", out)
    out = re.sub(f"[{SPACES}]", " ", out)
    out = out.replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-")
    out = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", out)  # two-thirds -> two thirds
    return re.sub(r"\s+", " ", out)


def no_quantifier(unit: str, text: str) -> None:
    """Refuse a unit that would change the number ("two dozen", "hundreds of thousands")."""
    words = unit.split()
    if words[:1] == ["of"] or words[:1] == ["a"]:
        words = words[1:]
    if words and words[0] in QUANTIFIER_WORDS:
        raise PhraseError(f"cannot read the quantity in '{text.strip()}'", words[0])


def number(rest: str, text: str) -> tuple[Number, str]:
    """Parse a number at the start of `rest`; return it and the words after it (its unit).

    A unit may be glued to the digits (33c, 4,426mm, 3.2m/s); after a currency sign a
    glued k / m / bn is a scale ($5m is 5 million)."""
    currency = rest[:1] in CURRENCY_SIGNS and rest[1:2].isdigit()
    found = _DIGITS.match(rest[1:] if currency else rest)
    if not found:
        return word_number(rest, text)
    shift = 1 if currency else 0
    unit = rest[found.end() + shift :]
    digits = re.sub(f"[, {SPACES}]", "", found.group("int"))
    dec = found.group("dec")
    # The run's number_digits, the same limit the YAML reader holds every number to.
    length = len(digits) + len(dec or "")
    if length > current().number_digits:
        raise NotAKey(
            current().exceeded("number_digits", f"{length:,} digits"), found.group(0)[:20] + "…"
        )
    scale = DIGIT_SCALES.get(found.group("scale") or "", 1)
    written = rest[:shift] + found.group(0).strip()
    if unit and not unit[0].isspace() and unit[0] != "+":
        glued = unit.split()[0]
        if currency and not found.group("scale") and glued in CURRENCY_SCALES:
            scale, written = CURRENCY_SCALES[glued], written + glued
        else:
            _glued_unit(glued, rest, text)
        unit = unit[len(glued) :]
    value = Decimal(digits + ("." + dec if dec else "")) * scale
    if dec:
        granularity = Decimal(1).scaleb(-len(dec)) * scale
    else:
        granularity = place(int(digits)) * scale
    if found.group("sign"):
        value = -value
    unit = unit.strip()
    no_quantifier(unit, text)
    return Number(value, granularity, written, bool(found.group("pct"))), unit


def _glued_unit(glued: str, rest: str, text: str) -> None:
    """A unit written against the number (33c, 35.6°c, 4,426mm, 3.2m/s, 12km) is a unit like
    any other; what is not a unit there is refused: "2024-q2", "20,66", "60٠"."""
    if not (glued[0].isalpha() or glued[0] in "°/µ'\"") or any(c.isdigit() for c in glued):
        raise PhraseError(f"cannot read a number in '{text.strip()}'", rest.split()[0])
    if glued in CURRENCY_SCALES:
        raise NotAKey(
            f"cannot tell whether '{glued}' in '{text.strip()}' is a unit or a scale: write "
            f"the scale as a word (5 million) or the unit apart (5 m)",
            glued,
        )


def multiplier(rest: str, text: str) -> tuple[Number, str] | None:
    """A multiplier at the start of `rest`: twice, double(d), triple(d), half as many, N times,
    Nx; None when `rest` is not one. A multiplier in words has g = 1 ("more than ten times"
    is over 10 and below 11); in digits, g is read as for any number (1.5 times: 0.1)."""
    words = rest.split()
    if not words:
        return None
    if words[0] in MULTIPLIER_WORDS:
        stated = Number(Decimal(MULTIPLIER_WORDS[words[0]]), Decimal(1), words[0], times=True)
        return stated, _after_multiplier(words[1:], text)
    for half in HALF_AS:
        if rest == half or rest.startswith(half + " "):
            stated = Number(Decimal("0.5"), Decimal("0.1"), half, times=True)
            return stated, _after_multiplier(rest[len(half) :].split(), text)
    glued = re.match(r"^(\d+(?:\.\d+)?)[x×](?:\s|$)", rest)  # 3x, 1.5×
    if glued:
        rest = f"{glued.group(1)} times{rest[glued.end(1) + 1 :]}"
    try:
        stated, unit = number(rest, text)
    except PhraseError:
        return None
    after = unit.split()
    if not after or after[0] not in TIMES or stated.percent:
        return None
    g = stated.granularity if stated.text[:1].isdigit() else Decimal(1)
    written = f"{stated.text} times"
    return Number(stated.value, g, written, times=True), _after_multiplier(after[1:], text)


def _after_multiplier(words: list[str], text: str) -> str:
    """The words after a multiplier ("as many", "more", "the 2020 figure"): its unit, unless
    they turn it upside down ("three times fewer"), which is refused."""
    if words and words[0] in INVERTING:
        raise PhraseError(
            f"'{text.strip()}': a multiplier with '{words[0]}' can be read two ways; "
            "claim the ratio the other way round (a third: `one third`, or 0.33)",
            words[0],
        )
    return " ".join(words)


def place(integer: int) -> Decimal:
    """Place value of the last non-zero digit: 848 -> 1, 20,000 -> 10,000, 0 -> 1."""
    if integer == 0:
        return Decimal(1)
    value = 1
    while integer % 10 == 0:
        integer //= 10
        value *= 10
    return Decimal(value)


def word_number(rest: str, text: str) -> tuple[Number, str]:
    words = rest.split()
    i = 0
    value: int | None = None
    granularity = 1
    if words[:2] == ["a", "dozen"]:
        value, granularity, i = 12, 1, 2
    elif words and words[0] == "a" and len(words) > 1 and words[1] in DIGIT_SCALES:
        value, granularity, i = 1, 1, 1  # a hundred, a thousand, a million
    elif words and words[0] in TENS:
        value, granularity, i = TENS[words[0]], 10, 1
        if len(words) > 1 and words[1] in UNITS and 0 < UNITS[words[1]] < 10:
            value, granularity, i = value + UNITS[words[1]], 1, 2
    elif words and words[0] in UNITS:
        value, i = UNITS[words[0]], 1
        granularity = 10 if value == 10 else 1
    if value is None:
        word = words[1] if words[:1] == ["a"] and len(words) > 1 else words[0] if words else text
        raise PhraseError(f"cannot read a number in '{text.strip()}'", word)
    if i < len(words) and words[i] == "hundred":
        value, granularity, i = value * 100, granularity * 100, i + 1
    if i < len(words) and words[i] in SCALES:
        scale = SCALES[words[i]]
        value, granularity, i = value * scale, granularity * scale, i + 1
    percent = i < len(words) and words[i] in ("percent", "per", "%")
    if percent:
        if words[i] == "per" and words[i + 1 : i + 2] != ["cent"]:
            raise PhraseError(f"cannot read a number in '{text.strip()}'", "per")
        i += 2 if words[i] == "per" else 1
    unit = " ".join(words[i:])
    no_quantifier(unit, text)
    return Number(Decimal(value), Decimal(granularity), " ".join(words[:i]), percent), unit
