"""The typed result of reading a claim phrase: Number, Tolerance, Phrase, and PhraseError.

Precision comes from the text as written, so numbers are exact Decimals together with
their granularity (the place of the last written digit).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

# The digits of a stated number judged with the exact arithmetic's base precision; a
# longer one (up to the run's `number_digits`, load/limits.py) gets more (phrases/table.py).
MAX_DIGITS = 40


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
    times: bool = False  # a multiplier (twice, 1.5 times): the figure is a ratio


@dataclass(frozen=True)
class Tolerance:
    value: Decimal
    relative: bool  # a percentage of the stated number

    def amount(self, stated: Decimal) -> Decimal:
        return abs(stated) * self.value / 100 if self.relative else self.value

    def __str__(self) -> str:
        return f"{fmt(self.value)}%" if self.relative else fmt(self.value)


DEFAULT_TOLERANCE = Tolerance(Decimal(10), True)


@dataclass(frozen=True)
class Phrase:
    """What the claim asserts.

    kind: a name in the kinds table (phrases/table.py): bare | exactly | over | at_least |
    under | at_most | between | around | nearly | just_over | fraction | one_in |
    range_word | key. Explicit maps use the same kinds ({eq:} is exactly, {gt:} over ...).
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

    @property
    def times(self) -> bool:
        return self.number is not None and self.number.times


def parse_tolerance(text: str) -> Tolerance:
    raw = str(text).strip()
    relative = raw.endswith("%")
    body = raw[:-1].strip() if relative else raw
    try:
        if foreign_digit(body):
            raise ArithmeticError  # Decimal would read "1٠" as 10
        value = Decimal(body.replace(",", ""))
    except ArithmeticError:
        raise PhraseError(f"a tolerance is a number or a percentage, not '{raw}'", raw) from None
    if not value.is_finite() or value < 0:  # NaN first: comparing NaN raises
        raise PhraseError(f"a tolerance must be a positive number, not '{raw}'", raw)
    return Tolerance(value, relative)


def foreign_digit(text: str) -> str | None:
    """A decimal digit of another script ("٠", "५"): Python reads it as a digit, an editor
    never wrote it as one, so it is refused rather than read ("60٠" is not 600)."""
    return next((ch for ch in text if ch.isdecimal() and not ch.isascii()), None)


def stated(number: Number) -> str:
    """N as the editor wrote it, with its trailing zeros: a failing "16.40" says "not 16.40"."""
    return at_place(number.value, number.granularity)


def at_place(value: Decimal, granularity: Decimal) -> str:
    """A value written to the place of `granularity`: 16.4 at 0.01 is 16.40."""
    if value == value.to_integral_value():
        return fmt(value)
    places = max(0, -int(granularity.normalize().as_tuple().exponent))
    return f"{value:,.{places}f}"


def fmt(value: Decimal | float | int) -> str:
    """A stated number for a reader: thousands separators, its decimals as written."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number.normalize():,f}"
