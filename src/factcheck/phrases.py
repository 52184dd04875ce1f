"""What a claim asserts: the editor's phrase ("over 20,000", "two-thirds") as a typed Phrase.

Precision comes from the text as written, so numbers are parsed from strings
into exact Decimals together with their granularity (the place of the last
written digit). A phrase that cannot be read raises PhraseError naming the
word; nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from factcheck import phrases_ru

# Default ranges of the vague quantity words (inclusive); a project may redefine them.
VAGUE_RANGES: dict[str, tuple[float, float]] = {
    "a few hundred": (200, 499),
    "several hundred": (300, 999),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "dozens": (24, 99),
    # Not in the contract's list, but an editor writes it; without it "hundreds of
    # thousands" would be unreadable (never read as plain "hundreds").
    "hundreds of thousands": (200_000, 999_999),
}

# Hedge words, longest first so "just over" wins over "over".
HEDGES: list[tuple[str, str]] = sorted(
    [
        ("exactly", "exactly"),
        ("over", "over"), ("more than", "over"), ("above", "over"), ("exceeding", "over"),
        ("at least", "at_least"), ("no fewer than", "at_least"), ("no less than", "at_least"),
        ("under", "under"), ("less than", "under"), ("fewer than", "under"), ("below", "under"),
        ("at most", "at_most"), ("no more than", "at_most"), ("up to", "at_most"),
        ("around", "around"), ("about", "around"), ("approximately", "around"),
        ("roughly", "around"), ("some", "around"), ("close to", "around"),
        ("nearly", "nearly"), ("almost", "nearly"), ("just under", "nearly"),
        ("just over", "just_over"), ("slightly more than", "just_over"),
        ("between", "between"), ("from", "between"),
    ],
    key=lambda pair: -len(pair[0]),
)  # fmt: skip

FRACTION_WORDS: dict[str, Fraction] = {
    "half": Fraction(1, 2), "a half": Fraction(1, 2), "one half": Fraction(1, 2),
    "a third": Fraction(1, 3), "one third": Fraction(1, 3), "two thirds": Fraction(2, 3),
    "a quarter": Fraction(1, 4), "one quarter": Fraction(1, 4),
    "three quarters": Fraction(3, 4),
    "a fifth": Fraction(1, 5), "one fifth": Fraction(1, 5), "two fifths": Fraction(2, 5),
    "three fifths": Fraction(3, 5), "four fifths": Fraction(4, 5),
}  # fmt: skip

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_DIGIT_SCALES = {"hundred": 100, **_SCALES}
# Words that multiply or count the number before them: as a "unit" they would
# silently change N ("two dozen", "3 hundred", "hundreds of thousands"), so they are errors.
_QUANTIFIER_WORDS = {
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
    "billions", "trillion", "trillions", "dozen", "dozens", "percent",
}  # fmt: skip

# No published figure has more digits; longer ones are refused rather than judged slowly.
MAX_DIGITS = 40
_SPACES = "\u00a0\u2009\u202f\u2007"
_DIGITS = re.compile(
    r"^(?P<sign>-)?(?P<int>\d{1,3}(?:[,  \u2009\u202f\u2007]\d{3})+|\d+)(?:\.(?P<dec>\d+))?"
    r"(?:\s*(?P<scale>hundred|thousand|million|billion)\b)?(?P<pct>\s*(?:%|per ?cent\b))?"
)
# A bare word that names a group (UA, 2024-Q2): starts with a letter or digit.
_KEY = re.compile(r"[^\W_][\w.-]*")


class PhraseError(ValueError):
    def __init__(self, message: str, word: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.word = word


class NotAKey(PhraseError):
    """Unreadable, and not a group key either (a number too long to judge)."""


@dataclass(frozen=True)
class Number:
    """A stated number: its value, its granularity g, and its text."""

    value: Decimal
    granularity: Decimal
    text: str
    percent: bool = False


@dataclass(frozen=True)
class Tolerance:
    value: Decimal
    relative: bool  # a percentage of the stated number

    def amount(self, stated: Decimal) -> Decimal:
        return abs(stated) * self.value / 100 if self.relative else self.value

    def __str__(self) -> str:
        return f"{_fmt(self.value)}%" if self.relative else _fmt(self.value)


DEFAULT_TOLERANCE = Tolerance(Decimal(10), True)


@dataclass(frozen=True)
class Phrase:
    """What the claim asserts.

    kind: bare | exactly | over | at_least | under | at_most | between | around |
    nearly | just_over | fraction | one_in | range_word | key. Explicit maps use the
    same kinds ({eq:} is exactly, {gt:} over, {approx:} around ...).
    """

    kind: str
    text: str  # as the editor wrote it
    number: Number | None = None  # N; the lower end A of `between`
    high: Number | None = None  # the upper end B of `between`
    fraction: Fraction | None = None
    # With a fraction: over | at_least | under | at_most | around | nearly | just_over.
    hedge: str | None = None
    low_bound: Decimal | None = None  # range words, inclusive
    high_bound: Decimal | None = None
    key: str | None = None
    tolerance: Tolerance | None = None  # from an explicit {approx:, tolerance:} map

    @property
    def value(self) -> Decimal | None:
        return self.number.value if self.number is not None else None

    @property
    def granularity(self) -> Decimal | None:
        return self.number.granularity if self.number is not None else None

    @property
    def percent(self) -> bool:
        return self.number is not None and self.number.percent


def parse_tolerance(text: str) -> Tolerance:
    raw = str(text).strip()
    relative = raw.endswith("%")
    body = raw[:-1].strip() if relative else raw
    try:
        value = Decimal(body.replace(",", ""))
    except ArithmeticError:
        raise PhraseError(f"a tolerance is a number or a percentage, not '{raw}'", raw) from None
    if not value.is_finite() or value < 0:  # NaN first: comparing NaN raises
        raise PhraseError(f"a tolerance must be a positive number, not '{raw}'", raw)
    return Tolerance(value, relative)


def parse_claim(
    value: str | dict, *, vague_ranges: dict[str, tuple[float, float]] | None = None
) -> Phrase:
    if isinstance(value, dict):
        return _explicit(value)
    return _parse_text(str(value), vague_ranges, russian=True)


def _parse_text(
    text: str, vague_ranges: dict[str, tuple[float, float]] | None, *, russian: bool
) -> Phrase:
    norm = _normalise(text)
    if not norm:
        raise PhraseError("the claim is empty", text)
    quoted = re.fullmatch(r"""(['"])(.+)\1""", norm)
    if quoted:
        return Phrase("key", text, key=text.strip()[1:-1])  # original case: 'UA' stays UA
    ranges = {k.lower(): v for k, v in {**VAGUE_RANGES, **(vague_ranges or {})}.items()}
    for word in sorted(ranges, key=len, reverse=True):
        if norm == word or norm.startswith(word + " "):
            _no_quantifier(norm[len(word) :].strip(), text)
            low, high = ranges[word]
            return Phrase(
                "range_word", text, low_bound=Decimal(str(low)), high_bound=Decimal(str(high))
            )
    if russian and phrases_ru.is_russian(norm):
        return _russian(text, norm, vague_ranges)
    kind, rest = "bare", norm
    for words, hedge in HEDGES:
        if norm.startswith(words + " "):
            kind, rest = hedge, norm[len(words) + 1 :]
            break
    if kind == "between":
        return _between(text, rest)
    if kind == "bare" and _range_pair(rest) is not None:
        try:
            return _between(text, rest)
        except NotAKey:
            raise
        except PhraseError:
            if _is_key(text):
                return Phrase("key", text, key=text.strip())  # 2024-04: a month, not a range
            raise
    fraction = _fraction(rest)
    if fraction is not None:
        return _fraction_phrase(text, kind, fraction, rest)
    one_in = re.match(r"^(?:one|1) in (.+)$", rest)
    if one_in and kind != "bare":
        # "nearly one in five" has no row in the phrase table; read as "nearly 1" it would
        # judge the wrong number, so it is refused.
        raise PhraseError(f"'{text.strip()}': one in N takes no hedge", text.strip())
    if one_in:
        number, _ = _number(one_in.group(1), text)
        if number.value <= 0:
            raise PhraseError(f"'{text}': one in N needs N above zero", number.text)
        return Phrase("one_in", text, number=number)
    try:
        number, unit = _number(rest, text)
    except NotAKey:
        raise
    except PhraseError:
        if kind == "bare" and _is_key(text):
            return Phrase("key", text, key=text.strip())  # e.g. UA, with over: argmax
        raise
    return Phrase(_unit_quantifier(kind, unit), text, number=number)


def _russian(text: str, norm: str, vague_ranges: dict[str, tuple[float, float]] | None) -> Phrase:
    """A Russian phrase, read as the English phrase it means exactly; it keeps the editor's text."""
    try:
        rewrite = phrases_ru.to_english(norm)
    except phrases_ru.Unreadable as exc:
        raise PhraseError(exc.message, exc.word) from None
    try:
        phrase = _parse_text(rewrite.english, vague_ranges, russian=False)
    except PhraseError as exc:
        word = text.strip() if exc.word == rewrite.english else rewrite.original(exc.word)
        raise PhraseError(exc.message.replace(rewrite.english, text.strip()), word) from None
    if phrase.kind == "key":
        return Phrase("key", text, key=text.strip())  # its own case: Москва
    return replace(phrase, text=text)


def as_key(phrase: Phrase) -> Phrase:
    """A number written as a group key (`2024` with over: argmax)."""
    return Phrase("key", phrase.text, key=phrase.text.strip().strip("'\""))


# Words that are never a group key: a claim of just "over" or "hundred" is unreadable.
_RESERVED = (
    {w for h, _ in HEDGES for w in h.split()}
    | set(_UNITS)
    | set(_TENS)
    | _QUANTIFIER_WORDS
    | {w for words in FRACTION_WORDS for w in words.split()}
    | {"a", "an", "and", "in", "to", "of", "per", "cent", "thirds", "quarters", "fifths"}
)


def _is_key(text: str) -> bool:
    word = text.strip()
    return bool(_KEY.fullmatch(word)) and word.lower() not in _RESERVED


def _normalise(text: str) -> str:
    out = text.strip().lower()
    out = re.sub(r"(?<=\d)[\u00a0\u2009\u202f\u2007](?=\d{3})", " ", out)
    out = re.sub(f"[{_SPACES}]", " ", out)
    out = out.replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-")
    out = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", out)  # two-thirds -> two thirds
    return re.sub(r"\s+", " ", out)


def _unit_quantifier(kind: str, unit: str) -> str:
    """Words after a number are its unit, unless they are themselves a quantifier."""
    if kind == "bare" and re.match(r"^(or more|or over|plus|\+)(\b|$)", unit):
        return "at_least"
    if kind == "bare" and re.match(r"^(or fewer|or less|or under)(\b|$)", unit):
        return "at_most"
    return kind


def _no_quantifier(unit: str, text: str) -> None:
    """Refuse a unit that would change the number ("two dozen", "hundreds of thousands")."""
    words = unit.split()
    if words[:1] == ["of"] or words[:1] == ["a"]:
        words = words[1:]
    if words and words[0] in _QUANTIFIER_WORDS:
        raise PhraseError(f"cannot read the quantity in '{text.strip()}'", words[0])


def _range_pair(rest: str) -> tuple[str, str] | None:
    """`A and B`, `A to B`, `A-B`, where A is a whole number (so "848 cases to date" is not)."""
    found = re.match(r"^(.+?)\s*(?: and | to |-)\s*(.+)$", rest)
    if not found:
        return None
    try:
        _, unit = _number(found.group(1), rest)
    except PhraseError:
        return None
    return (found.group(1), found.group(2)) if unit == "" else None


def _between(text: str, rest: str) -> Phrase:
    pair = _range_pair(rest)
    if pair is None:
        raise PhraseError(f"'{text.strip()}' needs two numbers: between A and B", text.strip())
    high, _ = _number(pair[1], text)
    # "between 1.3 and 1.5 billion", "20 to 30 percent": the scale and % of B apply to A.
    scale = next((w for w in high.text.split() if w in _DIGIT_SCALES), None)
    low_text = pair[0]
    if scale and not any(w in _DIGIT_SCALES for w in low_text.split()):
        low_text += " " + scale
    low, _ = _number(low_text, text)
    if low.percent != high.percent:
        low = Number(low.value, low.granularity, low.text, True)
        high = Number(high.value, high.granularity, high.text, True)
    if low.value > high.value:
        raise PhraseError(f"'{text.strip()}': the first number must be the smaller", text.strip())
    return Phrase("between", text, number=low, high=high)


def _fraction(rest: str) -> Fraction | None:
    for words in sorted(FRACTION_WORDS, key=len, reverse=True):
        if rest == words or rest.startswith(words + " "):
            return FRACTION_WORDS[words]
    return None


_FRACTION_HEDGES = {
    "bare": None, "over": "over", "at_least": "at_least", "under": "under",
    "at_most": "at_most", "around": "around", "nearly": "nearly", "just_over": "just_over",
}  # fmt: skip


def _fraction_phrase(text: str, kind: str, fraction: Fraction, rest: str) -> Phrase:
    if kind not in _FRACTION_HEDGES:
        raise PhraseError(f"'{text}': '{kind.replace('_', ' ')}' does not go with a fraction", text)
    words = next(w for w in sorted(FRACTION_WORDS, key=len, reverse=True) if rest.startswith(w))
    _no_quantifier(rest[len(words) :].strip(), text)  # "half a million" is not a fraction
    return Phrase("fraction", text, fraction=fraction, hedge=_FRACTION_HEDGES[kind])


def _number(rest: str, text: str) -> tuple[Number, str]:
    """Parse a number at the start of `rest`; return it and the words after it (its unit)."""
    found = _DIGITS.match(rest)
    if found:
        unit = rest[found.end() :]
        if unit and not unit[0].isspace() and unit[0] != "+":
            # "2024-q2", "20,66": not a number followed by a unit
            raise PhraseError(f"cannot read a number in '{text.strip()}'", rest.split()[0])
        digits = re.sub(r"[,  \u2009\u202f\u2007]", "", found.group("int"))
        dec = found.group("dec")
        if len(digits) + len(dec or "") > MAX_DIGITS:
            raise NotAKey(
                f"a number of {len(digits) + len(dec or ''):,} digits in a claim: "
                f"at most {MAX_DIGITS} are read",
                found.group(0)[:20] + "…",
            )
        scale = _DIGIT_SCALES.get(found.group("scale") or "", 1)
        value = Decimal(digits + ("." + dec if dec else "")) * scale
        if dec:
            granularity = Decimal(1).scaleb(-len(dec)) * scale
        else:
            granularity = _place(int(digits)) * scale
        if found.group("sign"):
            value = -value
        unit = unit.strip()
        _no_quantifier(unit, text)
        number = Number(value, granularity, found.group(0).strip(), bool(found.group("pct")))
        return number, unit
    return _word_number(rest, text)


def _place(integer: int) -> Decimal:
    """Place value of the last non-zero digit: 848 -> 1, 20,000 -> 10,000, 0 -> 1."""
    if integer == 0:
        return Decimal(1)
    place = 1
    while integer % 10 == 0:
        integer //= 10
        place *= 10
    return Decimal(place)


def _word_number(rest: str, text: str) -> tuple[Number, str]:
    words = rest.split()
    i = 0
    value: int | None = None
    granularity = 1
    if words[:2] == ["a", "dozen"]:
        value, granularity, i = 12, 1, 2
    elif words and words[0] == "a" and len(words) > 1 and words[1] in _DIGIT_SCALES:
        value, granularity, i = 1, 1, 1  # a hundred, a thousand, a million
    elif words and words[0] in _TENS:
        value, granularity, i = _TENS[words[0]], 10, 1
        if len(words) > 1 and words[1] in _UNITS and 0 < _UNITS[words[1]] < 10:
            value, granularity, i = value + _UNITS[words[1]], 1, 2
    elif words and words[0] in _UNITS:
        value, i = _UNITS[words[0]], 1
        granularity = 10 if value == 10 else 1
    if value is None:
        word = words[1] if words[:1] == ["a"] and len(words) > 1 else words[0] if words else text
        raise PhraseError(f"cannot read a number in '{text.strip()}'", word)
    if i < len(words) and words[i] == "hundred":
        value, granularity, i = value * 100, granularity * 100, i + 1
    if i < len(words) and words[i] in _SCALES:
        scale = _SCALES[words[i]]
        value, granularity, i = value * scale, granularity * scale, i + 1
    percent = i < len(words) and words[i] in ("percent", "per", "%")
    if percent:
        if words[i] == "per" and words[i + 1 : i + 2] != ["cent"]:
            raise PhraseError(f"cannot read a number in '{text.strip()}'", "per")
        i += 2 if words[i] == "per" else 1
    unit = " ".join(words[i:])
    _no_quantifier(unit, text)
    return Number(Decimal(value), Decimal(granularity), " ".join(words[:i]), percent), unit


_MAP_KINDS = {"eq": "exactly", "gt": "over", "ge": "at_least", "lt": "under", "le": "at_most"}


def _explicit(value: dict) -> Phrase:
    text = "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    keys = set(value)
    if keys & set(_MAP_KINDS) and len(keys) == 1:
        (key,) = keys
        return Phrase(_MAP_KINDS[key], text, number=_map_number(value[key], key, text))
    if keys == {"between"}:
        pair = value["between"]
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            raise PhraseError("between takes two numbers: {between: [A, B]}", "between")
        low, high = (_map_number(v, "between", text) for v in pair)
        if low.value > high.value:
            raise PhraseError(f"{text}: the first number must be the smaller", str(pair[0]))
        return Phrase("between", text, number=low, high=high)
    if "approx" in keys and keys <= {"approx", "tolerance"}:
        number = _map_number(value["approx"], "approx", text)
        tolerance = parse_tolerance(str(value["tolerance"])) if "tolerance" in value else None
        return Phrase("around", text, number=number, tolerance=tolerance)
    unknown = sorted(keys - {*_MAP_KINDS, "between", "approx", "tolerance"})
    word = str(unknown[0]) if unknown else ", ".join(sorted(map(str, keys)))
    raise PhraseError(
        "an explicit claim is one of eq, gt, ge, lt, le, between, approx (+ tolerance)", word
    )


def _map_number(raw: object, key: str, text: str) -> Number:
    """A value in an explicit map is one number, nothing after it."""
    if not isinstance(raw, str | int | float | Decimal) or isinstance(raw, bool):
        raise PhraseError(f"'{key}' takes a number, not {raw!r}", str(raw))
    number, unit = _number(_normalise(str(raw)), text)
    if unit:
        raise PhraseError(f"'{key}' takes one number, not '{raw}'", unit.split()[0])
    return number


def _fmt(value: Decimal | float | int) -> str:
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number.normalize():,f}"
