"""The words of numbers, fractions, multipliers and quantities, English and Russian: one
lexicon, read by the phrase parser (numbers.py, ru.py, the kinds' readers) and by
coverage and extract.

The hedge words ("over", "более") belong to their kind and are collected from the
kinds table (table.py).
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


# --- Russian: ru.py rewrites a Russian phrase into English with these words -----

# Multipliers in one word -> the English multiplier ("в два раза" is read in to_english).
RU_MULTIPLIERS: dict[str, str] = {
    "вдвое": "twice", "втрое": "three times", "вчетверо": "four times",
    "впятеро": "five times", "вшестеро": "six times", "вдесятеро": "ten times",
}  # fmt: skip

# Number words, nominative and the oblique forms that follow hedges and prepositions
# (более трех, около десяти, от двух до пяти, между двумя и пятью).
RU_UNITS: dict[str, int] = {
    "ноль": 0, "нуль": 0, "ноля": 0, "нуля": 0,
    "один": 1, "одна": 1, "одно": 1, "одного": 1, "одной": 1, "одну": 1, "одним": 1,
    "два": 2, "две": 2, "двух": 2, "двум": 2, "двумя": 2,
    "три": 3, "трех": 3, "трем": 3, "тремя": 3,
    "четыре": 4, "четырех": 4, "четырем": 4, "четырьмя": 4,
    "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
    "пяти": 5, "шести": 6, "семи": 7, "восьми": 8, "девяти": 9,
    "пятью": 5, "шестью": 6, "восемью": 8, "девятью": 9,
}  # fmt: skip
RU_TEENS: dict[str, int] = {
    "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
    "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17,
    "восемнадцать": 18, "девятнадцать": 19,
}  # fmt: skip
RU_TEENS.update({word[:-1] + "и": n for word, n in list(RU_TEENS.items())})  # десяти, пятнадцати
RU_TEENS.update({word[:-1] + "ью": n for word, n in list(RU_TEENS.items()) if word.endswith("ь")})
RU_TENS: dict[str, int] = {
    "двадцать": 20, "двадцати": 20, "тридцать": 30, "тридцати": 30, "сорок": 40, "сорока": 40,
    "пятьдесят": 50, "пятидесяти": 50, "шестьдесят": 60, "шестидесяти": 60,
    "семьдесят": 70, "семидесяти": 70, "восемьдесят": 80, "восьмидесяти": 80,
    "девяносто": 90, "девяноста": 90,
}  # fmt: skip
RU_HUNDREDS: dict[str, int] = {
    "сто": 100, "ста": 100, "двести": 200, "двухсот": 200, "триста": 300, "трехсот": 300,
    "четыреста": 400, "четырехсот": 400, "пятьсот": 500, "пятисот": 500,
    "шестьсот": 600, "шестисот": 600, "семьсот": 700, "семисот": 700,
    "восемьсот": 800, "восьмисот": 800, "девятьсот": 900, "девятисот": 900,
}  # fmt: skip

# Scale words after a number: "20 тысяч", "1,5 млн", "три миллиарда".
RU_SCALES: dict[str, str] = {
    "тысяча": "thousand", "тысячи": "thousand", "тысяч": "thousand", "тысячу": "thousand",
    "тысячей": "thousand", "тысячам": "thousand", "тысячами": "thousand",
    "тыс": "thousand", "тыс.": "thousand",
    "миллион": "million", "миллиона": "million", "миллионов": "million", "млн": "million",
    "млн.": "million",
    "миллиард": "billion", "миллиарда": "billion", "миллиардов": "billion", "млрд": "billion",
    "млрд.": "billion",
}  # fmt: skip
# A scale word with no number before it is one of it: "тысяча", "около тысячи", "более сотни".
RU_ONE_OF: dict[str, str] = {
    "сотня": "a hundred", "сотню": "a hundred", "сотни": "a hundred",
    "тысяча": "a thousand", "тысячу": "a thousand", "тысячи": "a thousand",
    "миллион": "a million", "миллиона": "a million",
    "миллиард": "a billion", "миллиарда": "a billion",
}  # fmt: skip
# The plural forms among them are vague words when nothing hedges them ("тысячи" alone).
RU_PLURAL_WHEN_BARE = {"сотни", "тысячи"}
RU_PERCENT = {"процент", "процента", "процентов", "проц.", "%"}

# Vague quantity words -> the English vague word, whose range (and a project's
# [tool.factcheck.vague] override) applies.
RU_VAGUE: dict[str, str] = {
    "несколько сотен": "a few hundred",
    "сотни": "hundreds",
    "тысячи": "thousands",
    "десятки тысяч": "tens of thousands",
    "десятки": "dozens",
    "сотни тысяч": "hundreds of thousands",
}

# Words that multiply or count what comes before them: as a unit they are refused,
# so each becomes the English quantifier the English reader refuses.
RU_QUANTIFIERS: dict[str, str] = {
    **{w: "dozen" for w in ("дюжина", "дюжины", "дюжин", "дюжину")},
    **{w: "hundreds" for w in ("сотня", "сотни", "сотен", "сотню")},
    **{w: "thousands" for w in ("тысяча", "тысячи", "тысяч", "тысячу", "тыс", "тыс.")},
    **{w: "millions" for w in ("миллион", "миллиона", "миллионов", "миллионы", "млн", "млн.")},
    **{w: "billions" for w in ("миллиард", "миллиарда", "миллиардов", "миллиарды", "млрд")},
    **{w: "dozens" for w in ("десяток", "десятка", "десятки", "десятков")},
    **{w: "percent" for w in ("процент", "процента", "процентов")},
}  # fmt: skip

# Fractions: a numerator word and a denominator word -> the English fraction words.
RU_NUMERATORS: dict[str, int] = {
    "одна": 1, "одной": 1, "одну": 1, "две": 2, "двух": 2, "три": 3, "трех": 3,
    "четыре": 4, "четырех": 4,
}  # fmt: skip
RU_DENOMINATORS: dict[str, int] = {
    "половина": 2, "половины": 2, "половину": 2, "половиной": 2,
    "треть": 3, "трети": 3, "третью": 3, "третей": 3,
    "четверть": 4, "четверти": 4, "четвертью": 4, "четвертей": 4,
    "пятая": 5, "пятой": 5, "пятую": 5, "пятых": 5, "пятые": 5,
}  # fmt: skip
RU_FRACTIONS: dict[tuple[int | None, int], str] = {
    (None, 2): "half", (1, 2): "one half",
    (None, 3): "a third", (1, 3): "one third", (2, 3): "two thirds",
    (None, 4): "a quarter", (1, 4): "one quarter", (3, 4): "three quarters",
    (None, 5): "a fifth", (1, 5): "one fifth", (2, 5): "two fifths", (3, 5): "three fifths",
    (4, 5): "four fifths",
}  # fmt: skip

RU_WITH_MORE = {"половиной", "лишним", "небольшим", "гаком", "хвостиком", "копейками"}


def ru_number_words() -> set[str]:
    """Every Russian word the phrase reader (ru.py) takes as (part of) a number, a fraction,
    a scale, a quantity or a multiplier: coverage finds figures by the same words. "один"
    and "ноль" are left out (too common alone), and so are the ordinal fifths (пятой)."""
    units = {w for w, n in RU_UNITS.items() if n > 1}
    halves_to_quarters = {w for w, d in RU_DENOMINATORS.items() if d < 5}
    words = (
        units
        | set(RU_TEENS)
        | set(RU_TENS)
        | set(RU_HUNDREDS)
        | set(RU_SCALES)
        | set(RU_QUANTIFIERS)
    )
    percent = {w for w, english in RU_QUANTIFIERS.items() if english == "percent"}
    return (words - percent) | halves_to_quarters | set(RU_MULTIPLIERS)
