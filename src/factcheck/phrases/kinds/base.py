"""What every phrase kind is: its words and its readers (English and Russian), its
semantics (a verdict with one line why, the rule in words, the passing band for charts);
and the figure as it is judged.

Every comparison is exact (Decimal and Fraction), so "over 20,000" at exactly 20,000
fails and at 30,000 warns, whatever binary floating point would say.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TypeVar

from factcheck.phrases.model import Phrase, Tolerance, fmt
from factcheck.phrases.ru import RuRead

T = TypeVar("T")
ROUNDINGS = ("half_up", "down")
# A figure computed in binary floating point is judged at this many significant digits:
# engines add in different orders, so 1232.8 comes back as 1232.799999999999 from one
# and 1232.8000000000002 from another; 12 digits is far beyond any published figure and
# far above float noise (about 16 digits), so every engine's figure judges the same.
SIGNIFICANT_DIGITS = 12


@dataclass(frozen=True)
class Judgement:
    verdict: str  # pass | warn | fail
    explanation: str  # one line a reader understands
    rule: str  # describe_rule(phrase)
    rounding_passes: dict[str, bool] | None = None  # bare numbers: {"half_up": .., "down": ..}
    low: float | None = None  # the pass band, for charts
    high: float | None = None
    failing_groups: list[object] = field(default_factory=list)  # over: each / any


@dataclass(frozen=True)
class Reading:
    """How a figure is read against the phrase: the tolerance and rounding in force, and
    the unit of N ("%" when a fraction is judged as a percentage)."""

    tolerance: Tolerance
    rounding: str = "half_up"
    unit: str = ""


JudgeFn = Callable[[Phrase, Decimal, Reading], Judgement]  # the figure as an exact number
KeyJudgeFn = Callable[[Phrase, object, Reading], Judgement]  # the figure as computed
RuleFn = Callable[[Phrase, Reading], str]


@dataclass(frozen=True)
class Said:
    """An English phrase as a kind's reader sees it: the editor's text, its normalised form,
    the hedge before the number (a kind's name, "bare" without one) and the words after it.
    `vague` holds the vague words in force (a project may redefine them), `kinds` the table."""

    text: str
    norm: str
    hedge: str
    rest: str
    vague: Mapping[str, tuple[float, float]]
    kinds: Mapping[str, Kind]


@dataclass(frozen=True)
class Reader:
    """How a kind reads its own syntax: `read` gives its Phrase, or None when the phrase is
    not of its shape (or raises PhraseError naming the word). The table tries every kind's
    readers by `order`, lowest first, and the first Phrase wins. An `as_written` reader sees
    the phrase before Russian is rewritten into English and before a hedge is split off (a
    quoted key, a project's vague word), so it runs before all others."""

    order: int
    read: Callable[[Said], Phrase | None]
    as_written: bool = False


@dataclass(frozen=True)
class RuReader:
    """How a kind reads its Russian form (ru.py's `RuRead`), tried by `order` as above."""

    order: int
    read: RuRead


@dataclass(frozen=True)
class Kind:
    """One kind of phrase, registered once in table.py.

    `en` and `ru` are the hedge words that say it before a number ("more than 20,000",
    "более 20 тысяч"; a Russian word is read as the first English one, or as `ru_as` says);
    kinds read by their own shape (fractions, "one in N", range words, group keys) have
    none, and declare their `readers` (English) and `ru_readers` (Russian) instead.
    `judge` gives the verdict, its line and the band (the table fills in the rule); `rule`
    says the rule in words.
    """

    name: str
    judge: JudgeFn
    rule: RuleFn
    en: tuple[str, ...] = ()
    ru: tuple[str, ...] = ()
    word: str = ""  # how a line says it: "at least"
    # over: each judges the warn column on one group: the smallest for "up" bounds
    # (over, at least), the largest for "down" ones (under, at most).
    direction: str | None = None
    numeric: bool = True  # judged against a number N, so a percentage scales a by 100
    with_fraction: bool = False  # may hedge a fraction ("more than half")
    # Judged on a group key, not a number: this judge takes the figure as computed.
    judge_key: KeyJudgeFn | None = None
    readers: tuple[Reader, ...] = ()
    ru_readers: tuple[RuReader, ...] = ()
    ru_as: tuple[tuple[str, str], ...] = ()  # Russian hedges read as other English words


class NotANumber(ValueError):
    """The figure is text (say the max of a text column) or not finite, but the phrase
    needs a number."""

    def __init__(self, value: object) -> None:
        super().__init__(f"the figure is {value!r}, not a number")
        self.value = value


def as_figure(value: T) -> T | float:
    """A computed figure as it is judged: a float rounded to 12 significant digits
    (239.99999999999997 -> 240.0); anything else (ints, Decimals, keys) unchanged.
    Every judged number goes through here: `to_decimal` below, and argmax/argmin."""
    if isinstance(value, numbers.Real) and not isinstance(
        value, bool | numbers.Integral | Decimal | Fraction
    ):
        number = float(value)  # numpy floats too
        if math.isfinite(number):
            return float(f"{number:.{SIGNIFICANT_DIGITS}g}")
        return number
    return value


def to_decimal(value: object) -> Decimal:
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


def show(value: Decimal) -> str:
    """A figure for a reader: thousands separators, at most 4 decimals."""
    if value != value.to_integral_value():
        value = value.quantize(Decimal("0.0001"), ROUND_HALF_UP).normalize()
    return fmt(value)


def show_any(value: object) -> str:
    try:
        return show(to_decimal(value))
    except ValueError:
        return str(value)


def key_text(actual: object) -> str:
    """A group key as text; a whole float (2024.0 from a numeric column) is 2024."""
    if isinstance(actual, numbers.Real) and not isinstance(actual, bool | numbers.Integral):
        if float(actual).is_integer():
            return str(int(float(actual)))
    return str(actual)


def label(phrase: Phrase) -> str:
    return phrase.text.strip()
