"""Russian claim phrases ("более 20 тысяч", "две трети"), read as the English phrase they mean.

`to_english` rewrites a Russian phrase into the English phrase text that means
exactly the same ("более 20 тысяч" -> "over 20 thousand"), so parse.py reads it
with the English rules and every verdict rule applies unchanged. This module is the
shared machinery (number words, scales, quantifiers, the rewrite itself); each kind's
own Russian form ("каждый пятый", "от A до B", "две трети") is read by its reader in
kinds/, which the kinds table hands to `to_english` in order. Only what is
exact is rewritten: a word number becomes its digits (whose last non-zero digit
is the word's place, as for English word numbers), a decimal comma a point.
Words after the number are its unit and pass through untouched, except a
quantifier ("две дюжины", "сотни тысяч"), which becomes the English quantifier
so that it is refused as in English. What cannot be rewritten exactly raises
Unreadable naming the word; nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from factcheck.phrases.lexicon import english_number

CYRILLIC = re.compile("[\u0400-\u04ff]")

# Multipliers in one word -> the English multiplier ("в два раза" is read in to_english).
MULTIPLIERS: dict[str, str] = {
    "вдвое": "twice", "втрое": "three times", "вчетверо": "four times",
    "впятеро": "five times", "вшестеро": "six times", "вдесятеро": "ten times",
}  # fmt: skip

# Number words, nominative and the oblique forms that follow hedges and prepositions
# (более трех, около десяти, от двух до пяти, между двумя и пятью).
_UNITS: dict[str, int] = {
    "ноль": 0, "нуль": 0, "ноля": 0, "нуля": 0,
    "один": 1, "одна": 1, "одно": 1, "одного": 1, "одной": 1, "одну": 1, "одним": 1,
    "два": 2, "две": 2, "двух": 2, "двум": 2, "двумя": 2,
    "три": 3, "трех": 3, "трем": 3, "тремя": 3,
    "четыре": 4, "четырех": 4, "четырем": 4, "четырьмя": 4,
    "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
    "пяти": 5, "шести": 6, "семи": 7, "восьми": 8, "девяти": 9,
    "пятью": 5, "шестью": 6, "восемью": 8, "девятью": 9,
}  # fmt: skip
_TEENS: dict[str, int] = {
    "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
    "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17,
    "восемнадцать": 18, "девятнадцать": 19,
}  # fmt: skip
_TEENS.update({word[:-1] + "и": n for word, n in list(_TEENS.items())})  # десяти, пятнадцати
_TEENS.update({word[:-1] + "ью": n for word, n in list(_TEENS.items()) if word.endswith("ь")})
_TENS: dict[str, int] = {
    "двадцать": 20, "двадцати": 20, "тридцать": 30, "тридцати": 30, "сорок": 40, "сорока": 40,
    "пятьдесят": 50, "пятидесяти": 50, "шестьдесят": 60, "шестидесяти": 60,
    "семьдесят": 70, "семидесяти": 70, "восемьдесят": 80, "восьмидесяти": 80,
    "девяносто": 90, "девяноста": 90,
}  # fmt: skip
_HUNDREDS: dict[str, int] = {
    "сто": 100, "ста": 100, "двести": 200, "двухсот": 200, "триста": 300, "трехсот": 300,
    "четыреста": 400, "четырехсот": 400, "пятьсот": 500, "пятисот": 500,
    "шестьсот": 600, "шестисот": 600, "семьсот": 700, "семисот": 700,
    "восемьсот": 800, "восьмисот": 800, "девятьсот": 900, "девятисот": 900,
}  # fmt: skip

# Scale words after a number: "20 тысяч", "1,5 млн", "три миллиарда".
SCALES: dict[str, str] = {
    "тысяча": "thousand", "тысячи": "thousand", "тысяч": "thousand", "тысячу": "thousand",
    "тысячей": "thousand", "тысячам": "thousand", "тысячами": "thousand",
    "тыс": "thousand", "тыс.": "thousand",
    "миллион": "million", "миллиона": "million", "миллионов": "million", "млн": "million",
    "млн.": "million",
    "миллиард": "billion", "миллиарда": "billion", "миллиардов": "billion", "млрд": "billion",
    "млрд.": "billion",
}  # fmt: skip
# A scale word with no number before it is one of it: "тысяча", "около тысячи", "более сотни".
_ONE_OF: dict[str, str] = {
    "сотня": "a hundred", "сотню": "a hundred", "сотни": "a hundred",
    "тысяча": "a thousand", "тысячу": "a thousand", "тысячи": "a thousand",
    "миллион": "a million", "миллиона": "a million",
    "миллиард": "a billion", "миллиарда": "a billion",
}  # fmt: skip
# The plural forms among them are vague words when nothing hedges them ("тысячи" alone).
_PLURAL_WHEN_BARE = {"сотни", "тысячи"}
PERCENT = {"процент", "процента", "процентов", "проц.", "%"}

# Vague quantity words -> the English vague word, whose range (and a project's
# [tool.factcheck.vague] override) applies.
VAGUE: dict[str, str] = {
    "несколько сотен": "a few hundred",
    "сотни": "hundreds",
    "тысячи": "thousands",
    "десятки тысяч": "tens of thousands",
    "десятки": "dozens",
    "сотни тысяч": "hundreds of thousands",
}

# Words that multiply or count what comes before them: as a unit they are refused,
# so each becomes the English quantifier the English reader refuses.
QUANTIFIERS: dict[str, str] = {
    **{w: "dozen" for w in ("дюжина", "дюжины", "дюжин", "дюжину")},
    **{w: "hundreds" for w in ("сотня", "сотни", "сотен", "сотню")},
    **{w: "thousands" for w in ("тысяча", "тысячи", "тысяч", "тысячу", "тыс", "тыс.")},
    **{w: "millions" for w in ("миллион", "миллиона", "миллионов", "миллионы", "млн", "млн.")},
    **{w: "billions" for w in ("миллиард", "миллиарда", "миллиардов", "миллиарды", "млрд")},
    **{w: "dozens" for w in ("десяток", "десятка", "десятки", "десятков")},
    **{w: "percent" for w in ("процент", "процента", "процентов")},
}  # fmt: skip

# Fractions: a numerator word and a denominator word -> the English fraction words.
NUMERATORS: dict[str, int] = {
    "одна": 1, "одной": 1, "одну": 1, "две": 2, "двух": 2, "три": 3, "трех": 3,
    "четыре": 4, "четырех": 4,
}  # fmt: skip
DENOMINATORS: dict[str, int] = {
    "половина": 2, "половины": 2, "половину": 2, "половиной": 2,
    "треть": 3, "трети": 3, "третью": 3, "третей": 3,
    "четверть": 4, "четверти": 4, "четвертью": 4, "четвертей": 4,
    "пятая": 5, "пятой": 5, "пятую": 5, "пятых": 5, "пятые": 5,
}  # fmt: skip
FRACTIONS: dict[tuple[int | None, int], str] = {
    (None, 2): "half", (1, 2): "one half",
    (None, 3): "a third", (1, 3): "one third", (2, 3): "two thirds",
    (None, 4): "a quarter", (1, 4): "one quarter", (3, 4): "three quarters",
    (None, 5): "a fifth", (1, 5): "one fifth", (2, 5): "two fifths", (3, 5): "three fifths",
    (4, 5): "four fifths",
}  # fmt: skip

_WITH_MORE = {"половиной", "лишним", "небольшим", "гаком", "хвостиком", "копейками"}

# A token of a number written in digits: 20, 662, 12.6%, 700-800, 20,000+.
_COMMA_NUMBER = re.compile(r"\d+(?:,\d+)+")
_NUMERIC = re.compile(r"^[$£€₽¥₴]?-?\d[\d.,%+-]*$|^[-%+]$")  # ₽1.5: the sign is a unit


class Unreadable(ValueError):
    def __init__(self, message: str, word: str) -> None:
        super().__init__(message)
        self.message = message
        self.word = word


@dataclass
class Rewrite:
    """The English phrase, and which Russian words each English word came from."""

    english: str = ""
    words: dict[str, str] = field(default_factory=dict)

    def add(self, english: str, russian: str) -> None:
        self.english = f"{self.english} {english}".strip()
        for word in english.split():
            self.words.setdefault(word, russian)

    def original(self, word: str | None) -> str | None:
        return self.words.get(word, word) if word is not None else None


def is_russian(norm: str) -> bool:
    """Cyrillic, or a decimal comma that the English reader refuses ("12,6%"; "20,662" and
    "0,125" are thousands groups in English and stay so)."""
    return CYRILLIC.search(norm) is not None or any(
        not re.fullmatch(r"\d{1,3}(?:,\d{3})+", number) for number in _COMMA_NUMBER.findall(norm)
    )


@dataclass(frozen=True)
class RuSaid:
    """A Russian phrase as a kind's reader sees it: its words, where the words after the
    hedge start, the hedge (None without one) and the English rewrite so far."""

    norm: str
    words: list[str]
    start: int
    hedge: str | None
    out: Rewrite


# A kind's Russian reader: adds its English words to `out` and returns where the unit
# starts, or None when the phrase is not of its shape.
RuRead = Callable[[RuSaid], int | None]


def to_english(norm: str, hedges: Mapping[str, str], readers: Sequence[RuRead]) -> Rewrite:
    """Rewrite a normalised (lower-case, single-spaced) Russian phrase into English:
    `hedges` are the Russian hedge words with their English ones, `readers` the kinds'
    Russian readers in the table's order; the first that reads the phrase wins."""
    words = _decimal_commas(norm.replace("ё", "е")).split()
    out = Rewrite()
    hedge, i = longest(words, 0, hedges)
    if hedge is not None:
        out.add(hedges[hedge], hedge)
    said = RuSaid(norm, words, i, hedge, out)
    for read in readers:
        j = read(said)
        if j is not None:
            return unit(words, j, out, hedges)
    return unit(words, i, out, hedges)  # with no number, a leading quantifier is still refused


def multiplier(words: list[str], i: int) -> int | None:
    """The end of a multiplier at words[i] (вдвое, в два раза, в 1.5 раза, в полтора раза)."""
    if i < len(words) and words[i] in MULTIPLIERS:
        return i + 1
    if words[i : i + 1] != ["в"]:
        return None
    j = i + 2 if words[i + 1 : i + 2] and _NUMERIC.match(words[i + 1]) else None
    if words[i + 1 : i + 2] and words[i + 1] in ("полтора", "полторы"):
        j = i + 2
    if j is None:
        value, j = word_number(words, i + 1)
        j = None if value is None else j
    return j + 1 if j is not None and words[j : j + 1] in (["раз"], ["раза"]) else None


def after_multiplier(words: list[str], i: int, end: int, out: Rewrite) -> int:
    """Add the English multiplier; return where its unit starts. "больше" after it belongs
    to it ("вдвое больше": twice as many); "меньше" is refused."""
    said = " ".join(words[i:end])
    if words[i] in MULTIPLIERS:
        out.add(MULTIPLIERS[words[i]], said)
    elif words[i + 1] in ("полтора", "полторы"):
        out.add("1.5 times", said)
    elif _NUMERIC.match(words[i + 1]):
        out.add(f"{words[i + 1]} times", said)
    else:
        value, _ = word_number(words, i + 1)
        assert value is not None
        out.add(f"{english_number(value)} times", said)  # a word number: g = 1, as in English
    after = words[end : end + 1]
    if after and after[0] in ("меньше", "менее", "ниже", "реже", "дешевле"):
        raise Unreadable(
            f"'{' '.join(words)}': a multiplier with '{after[0]}' can be read two ways; "
            "claim the ratio the other way round (a third: `треть`, or 0.33)",
            after[0],
        )
    if after and after[0] in ("больше", "более", "выше", "чаще", "дороже"):
        out.add("more", after[0])
        return end + 1
    return end


def _decimal_commas(text: str) -> str:
    """12,6 -> 12.6 (a decimal comma); 20,662 stays (a thousands group, read as in English)."""

    def one(found: re.Match[str]) -> str:
        number = found.group(0)
        if re.fullmatch(r"[1-9]\d{0,2}(?:,\d{3})+", number):
            return number
        if number.count(",") == 1:
            return number.replace(",", ".")
        return number  # 1,2,3: left for the English reader to refuse

    return _COMMA_NUMBER.sub(one, text)


def longest(words: list[str], i: int, table: Mapping[str, str]) -> tuple[str | None, int]:
    for size in (4, 3, 2, 1):
        candidate = " ".join(words[i : i + size])
        if len(words) - i >= size and candidate in table:
            return candidate, i + size
    return None, i


def number(words: list[str], i: int, out: Rewrite, *, hedged: bool) -> int:
    """Rewrite the number at words[i] (digits or words, with its scale and %); return the
    index after it, or i when there is none."""
    j = i
    while j < len(words) and _NUMERIC.match(words[j]):
        j += 1
    if j > i:
        digits = " ".join(words[i:j])
        after = words[j] if j < len(words) else ""
        if "," in digits and ("%" in digits or after in SCALES or after in PERCENT):
            # "1,500 млн": a thousands group or a decimal comma with its trailing zeros?
            raise Unreadable(f"cannot tell the comma in '{' '.join(words)}'", digits)
        out.add(digits, digits)
    else:
        value, j = word_number(words, i)
        if value is not None:
            out.add(str(value), " ".join(words[i:j]))
        elif i < len(words) and words[i] in _ONE_OF:
            if not hedged and words[i] in _PLURAL_WHEN_BARE:
                return i  # "тысячи" alone is the vague word, read before this
            out.add(_ONE_OF[words[i]], words[i])
            j = i + 1
        else:
            return i
    if j < len(words) and words[j] in SCALES:
        out.add(SCALES[words[j]], words[j])
        j += 1
    if j < len(words) and words[j] in PERCENT:
        out.add("percent", words[j])
        j += 1
    return j


def word_number(words: list[str], i: int) -> tuple[int | None, int]:
    """сто двадцать пять -> 125: hundreds, then tens, then units, each at most once."""
    value, j = 0, i
    if j < len(words) and words[j] in _HUNDREDS:
        value, j = value + _HUNDREDS[words[j]], j + 1
    if j < len(words) and words[j] in _TEENS:
        value, j = value + _TEENS[words[j]], j + 1
    else:
        if j < len(words) and words[j] in _TENS:
            value, j = value + _TENS[words[j]], j + 1
        if j < len(words) and words[j] in _UNITS and (j == i or _UNITS[words[j]] > 0):
            value, j = value + _UNITS[words[j]], j + 1
    return (value, j) if j > i else (None, i)


def unit(words: list[str], j: int, out: Rewrite, hedges: Mapping[str, str]) -> Rewrite:
    """Words after the number: its unit, passed through, unless a quantifier or "или более"."""
    rest = words[j:]
    if rest[:1] and rest[0] in QUANTIFIERS:
        out.add(QUANTIFIERS[rest[0]], rest[0])
        return _rest(words, j + 1, out)
    # "два с половиной" (2.5, at what precision?), "20 с лишним", "двадцать тысяч пятьсот",
    # "20 000 примерно": each changes N or its hedge, so none is read as a plain unit.
    if rest[:1] == ["с"] and rest[1:2] and rest[1] in _WITH_MORE:
        raise Unreadable(f"cannot read the quantity in '{' '.join(words)}'", rest[1])
    if rest[:1] and (_NUMERIC.match(rest[0]) or word_number(rest, 0)[0] is not None):
        raise Unreadable(f"cannot read one number in '{' '.join(words)}'", rest[0])
    if rest[:1] and rest[0] in hedges and rest[0] not in ("до", "от", "между"):
        raise Unreadable(f"a hedge goes before the number: '{' '.join(words)}'", rest[0])
    if rest[:1] in (["и"], ["или"]) and rest[1:2] in (["более"], ["больше"]):
        out.add("or more", " ".join(rest[:2]))
        return _rest(words, j + 2, out)
    if rest[:1] in (["и"], ["или"]) and rest[1:2] in (["менее"], ["меньше"]):
        out.add("or fewer", " ".join(rest[:2]))
        return _rest(words, j + 2, out)
    return _rest(words, j, out)


def _rest(words: list[str], j: int, out: Rewrite) -> Rewrite:
    for word in words[j:]:
        out.add(word, word)
    return out


def number_words() -> set[str]:
    """Every Russian word this reader takes as (part of) a number, a fraction, a scale, a
    quantity or a multiplier: coverage finds figures by the same words. "один" and "ноль"
    are left out (too common alone), and so are the ordinal fifths (пятой: "the fifth")."""
    units = {w for w, n in _UNITS.items() if n > 1}
    halves_to_quarters = {w for w, d in DENOMINATORS.items() if d < 5}
    words = units | set(_TEENS) | set(_TENS) | set(_HUNDREDS) | set(SCALES) | set(QUANTIFIERS)
    percent = {w for w, english in QUANTIFIERS.items() if english == "percent"}
    return (words - percent) | halves_to_quarters | set(MULTIPLIERS)
