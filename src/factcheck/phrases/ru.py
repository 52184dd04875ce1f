"""Russian claim phrases ("более 20 тысяч", "две трети"), read as the English phrase they mean.

`to_english` rewrites a Russian phrase into the English phrase text that means
exactly the same ("более 20 тысяч" -> "over 20 thousand"), so parse.py reads it
with the English rules and every verdict rule applies unchanged. This module is the
shared machinery (a number, its scale and unit, a multiplier, the rewrite itself), with
the Russian words of lexicon.py; each kind's own Russian form ("каждый пятый", "от A до
B", "две трети") is read by its reader in kinds/, which the kinds table hands to
`to_english` in order. Only what is
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

from factcheck.phrases.lexicon import (
    RU_HUNDREDS,
    RU_MULTIPLIERS,
    RU_ONE_OF,
    RU_PERCENT,
    RU_PLURAL_WHEN_BARE,
    RU_QUANTIFIERS,
    RU_SCALES,
    RU_TEENS,
    RU_TENS,
    RU_UNITS,
    RU_WITH_MORE,
    english_number,
)

CYRILLIC = re.compile("[\u0400-\u04ff]")

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
    if i < len(words) and words[i] in RU_MULTIPLIERS:
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
    if words[i] in RU_MULTIPLIERS:
        out.add(RU_MULTIPLIERS[words[i]], said)
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
        if "," in digits and ("%" in digits or after in RU_SCALES or after in RU_PERCENT):
            # "1,500 млн": a thousands group or a decimal comma with its trailing zeros?
            raise Unreadable(f"cannot tell the comma in '{' '.join(words)}'", digits)
        out.add(digits, digits)
    else:
        value, j = word_number(words, i)
        if value is not None:
            out.add(str(value), " ".join(words[i:j]))
        elif i < len(words) and words[i] in RU_ONE_OF:
            if not hedged and words[i] in RU_PLURAL_WHEN_BARE:
                return i  # "тысячи" alone is the vague word, read before this
            out.add(RU_ONE_OF[words[i]], words[i])
            j = i + 1
        else:
            return i
    if j < len(words) and words[j] in RU_SCALES:
        out.add(RU_SCALES[words[j]], words[j])
        j += 1
    if j < len(words) and words[j] in RU_PERCENT:
        out.add("percent", words[j])
        j += 1
    return j


def word_number(words: list[str], i: int) -> tuple[int | None, int]:
    """сто двадцать пять -> 125: hundreds, then tens, then units, each at most once."""
    value, j = 0, i
    if j < len(words) and words[j] in RU_HUNDREDS:
        value, j = value + RU_HUNDREDS[words[j]], j + 1
    if j < len(words) and words[j] in RU_TEENS:
        value, j = value + RU_TEENS[words[j]], j + 1
    else:
        if j < len(words) and words[j] in RU_TENS:
            value, j = value + RU_TENS[words[j]], j + 1
        if j < len(words) and words[j] in RU_UNITS and (j == i or RU_UNITS[words[j]] > 0):
            value, j = value + RU_UNITS[words[j]], j + 1
    return (value, j) if j > i else (None, i)


def unit(words: list[str], j: int, out: Rewrite, hedges: Mapping[str, str]) -> Rewrite:
    """Words after the number: its unit, passed through, unless a quantifier or "или более"."""
    rest = words[j:]
    if rest[:1] and rest[0] in RU_QUANTIFIERS:
        out.add(RU_QUANTIFIERS[rest[0]], rest[0])
        return _rest(words, j + 1, out)
    # "два с половиной" (2.5, at what precision?), "20 с лишним", "двадцать тысяч пятьсот",
    # "20 000 примерно": each changes N or its hedge, so none is read as a plain unit.
    if rest[:1] == ["с"] and rest[1:2] and rest[1] in RU_WITH_MORE:
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
