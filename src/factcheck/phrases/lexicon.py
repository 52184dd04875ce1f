"""The English words of numbers, fractions, multipliers and quantities: one lexicon,
read by the phrase parser (numbers.py, parse.py) and by coverage and extract.

The hedge words ("over", "nearly") belong to their kind and are collected from the
kinds table (table.py); the Russian words are in ru.py.
"""

from __future__ import annotations

from fractions import Fraction

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
DIGIT_SCALES = {"hundred": 100, **SCALES}
# Words that multiply or count the number before them: as a "unit" they would
# silently change N ("two dozen", "3 hundred", "hundreds of thousands"), so they are errors.
QUANTIFIER_WORDS = {
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
    "billions", "trillion", "trillions", "dozen", "dozens", "percent",
}  # fmt: skip

FRACTION_WORDS: dict[str, Fraction] = {
    "half": Fraction(1, 2), "a half": Fraction(1, 2), "one half": Fraction(1, 2),
    "a third": Fraction(1, 3), "one third": Fraction(1, 3), "two thirds": Fraction(2, 3),
    "a quarter": Fraction(1, 4), "one quarter": Fraction(1, 4),
    "three quarters": Fraction(3, 4),
    "a fifth": Fraction(1, 5), "one fifth": Fraction(1, 5), "two fifths": Fraction(2, 5),
    "three fifths": Fraction(3, 5), "four fifths": Fraction(4, 5),
}  # fmt: skip

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

# Thousands separators inside a number: comma, space, and the no-break and thin spaces.
SPACES = "\u00a0\u2009\u202f\u2007"

# Multipliers: the figure is a ratio, judged as `around N` unless a hedge says otherwise
# ("more than double" is over 2). Also "N times" (1.5 times, ten times) and "Nx".
MULTIPLIER_WORDS: dict[str, int] = {
    "twice": 2, "double": 2, "doubled": 2, "triple": 3, "tripled": 3, "treble": 3,
    "trebled": 3, "quadruple": 4, "quadrupled": 4,
}  # fmt: skip
HALF_AS = ("half as many", "half as much")  # 0.5
TIMES = ("times", "x", "×")
# Words after a multiplier that turn it upside down ("three times fewer" is a third, or
# is it?): refused, never guessed.
INVERTING = ("fewer", "less", "smaller", "lower", "cheaper", "shorter")

# Currency signs before a number: the sign is a unit; a letter glued after the number is a
# scale ($5m, £3.2bn, €10k). Without a sign, 5m is five metres and "20k" is refused.
CURRENCY_SIGNS = "$£€₽¥₴"
CURRENCY_SCALES: dict[str, int] = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
    "b": 1_000_000_000,
}  # fmt: skip


def english_number(value: int) -> str:
    """0..99 in English words (Russian word numbers keep g = 1 as multipliers this way)."""
    words = {n: w for w, n in (UNITS | TENS).items()}
    if value in words:
        return words[value]
    if 20 < value < 100:
        return f"{words[value - value % 10]} {words[value % 10]}"
    return str(value)


def number_words() -> set[str]:
    """Every English word the phrase reader takes as (part of) a number, a fraction, a
    quantity or a multiplier: coverage and extract find figures by the same words. "one"
    and "zero" are left out (too common alone: "one of them")."""
    fractions = {w for words in FRACTION_WORDS for w in words.split()[-1:]}
    plurals = {w + "s" for w in fractions if not w.endswith("s") and w != "half"}
    units = {w for w, n in UNITS.items() if n > 1}
    quantities = QUANTIFIER_WORDS - {"percent"}
    return units | set(TENS) | quantities | fractions | plurals | set(MULTIPLIER_WORDS)
