"""Figures in an article's text: numbers in digits, number words, fractions, multipliers
and quantity words, in English and Russian, found by the phrase reader's own lexicon
(phrases/lexicon.py); comparisons and trends written without a digit
("peak", "rise", "небольшая доля"), which a reader takes as facts about the data; and
dates and clock times, found to be left out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.phrases import lexicon

_SEP = ",\u00a0\u2009\u202f\u2007 "  # thousands separators, as written in EN and RU text
_NUMBER = (
    rf"(?<![\w.,])(?:\d{{1,3}}(?:[{_SEP}]\d{{3}}(?!\d))+|\d+)(?:[.,]\d+(?!\d))?"
    r"(?:\s?(?:%|per ?cent\b|percent\b|процент\w*))?"
)
_EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# Stems, to read every case: января, в марте, мая, в мае.
_RU_MONTHS = "январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр"
_YEAR = r"(?:1[89]|20)\d{2}"
_DATE = (
    rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    rf"|\b(?:\d{{1,2}}\s)?(?:{_EN_MONTHS})(?:\s\d{{1,2}},)?\s\d{{4}}\b"
    rf"|\b(?:\d{{1,2}}\s)?(?:{_RU_MONTHS})\w*\s\d{{4}}(?:\s(?:года|году|г\.))?"
    # A span of years ("from 2012 to 2015", "2012-2015", "с 2012 по 2015 год") dates the
    # figures around it; it is not a range claim.
    rf"|\b{_YEAR}\s?(?:-|–|—|\sto\s|\sand\s|\sпо\s){_YEAR}\b(?:\s(?:год\w*|гг\.))?"
)
_TIME = r"\b\d{1,2}:\d{2}\b"


def _alternation(words: set[str]) -> str:
    """Longest first, so "seventeen" is not read as "seven"; ё and е alike."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace("е", "[её]") for w in ordered)


_EN_WORDS = (
    # "one" alone is too common ("one of them"); "one-third" and "one half" are kept.
    r"one(?=[\s-](?:third|quarter|fifth|half))|"
    + _alternation(lexicon.number_words() | {"halves", "majority", "minority", "record"})
)
_RU_WORDS = (
    _alternation(lexicon.ru_number_words() | {"сотен"})
    # every form of the scale and quantity words; majority, record
    + r"|тысяч\w*|сотн\w*|миллион\w*|миллиард\w*|половин\w*|десятк\w*|дюжин\w*"
    r"|большинств\w*|рекорд\w*"
    # каждый пятый: one in five
    r"|кажд(?:ый|ая|ое|ого|ую)\s(?:втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)\w*"
)
# Qualitative comparisons and trends ("record" and "majority" are words above).
_EN_STATEMENTS = (
    r"peak(?:s|ed)?|ris(?:e|es|ing|en)|rose|increas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)"
    r"|(?:only\s)?(?:a\s)?small\s(?:proportion|share|fraction|minority)"
    r"|(?:not\s)?(?:far|close)\sbehind"
)
_RU_STATEMENTS = (
    r"пик(?:а|е|ом|у|и|ов)?|рост(?:а|е|ом|у)?|вырос(?:ло|ла|ли)?|увелич\w*|сниж\w*|снизил\w*"
    r"|(?:лишь\s)?(?:небольш|мал)(?:ая|ую|ой)\s(?:дол|част)\w*"
    r"|(?:ненамного|недалеко|не\s(?:намного|далеко|сильно))\s+отст\w*"
)
_STATEMENT = rf"(?<!\w)(?:{_EN_STATEMENTS}|{_RU_STATEMENTS})(?!\w)"
_WORD = rf"(?:{_EN_WORDS}|{_RU_WORDS})(?!\w)"
# One in N is one figure: "one in three", "1 in 4", "один из пяти".
_ONE_IN = rf"(?:one|1)\s+in\s+(?:\d+|{_WORD})|(?:один|одна|одно|1)\s+из\s+(?:\d+|{_WORD})"
_WORDS = rf"(?<!\w)(?:{_ONE_IN}|{_WORD}(?:[-\s]{_WORD})*)(?!\w)"  # two-thirds: one figure
FIGURE = re.compile(
    rf"(?P<time>{_TIME})|(?P<date>{_DATE})|(?P<statement>{_STATEMENT})|(?P<word>{_WORDS})"
    rf"|(?P<number>{_NUMBER})",
    re.IGNORECASE,
)
# The second number of a range after a figure: "700 and 800", "от 700 до 800".
RANGE_TAIL = re.compile(rf"\s+(?:and|to|и|до)\s+({_NUMBER})")
REQUIRED = ("number", "word", "statement")  # kinds a claim must cover; dates, times: context


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    kind: str  # number | word | statement | date | time
    line: int
    col: int
    claims: tuple[str, ...] = ()  # ids of the claims whose quote holds it


def find_figures(text: str) -> list[Figure]:
    """Every figure in the text, in order, with 1-based line and column."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    figures = []
    line = 0
    for match in FIGURE.finditer(text):
        while line + 1 < len(starts) and starts[line + 1] <= match.start():
            line += 1
        kind = match.lastgroup or "number"
        figures.append(
            Figure(
                match.start(),
                match.end(),
                match.group(),
                kind,
                line + 1,
                match.start() - starts[line] + 1,
            )
        )
    return figures


def sentence_around(text: str, figure: Figure, width: int = 160) -> str:
    """The sentence holding a figure, on one line, cut to about `width` characters.
    A sentence ends at ". " or at a blank line; wrapped lines do not end it."""
    stops = [text.rfind(". ", 0, figure.start) + 2, text.rfind("\n\n", 0, figure.start) + 2]
    start = max([0, *(i for i in stops if i >= 2)])
    ends = [i for i in (text.find(". ", figure.end), text.find("\n\n", figure.end)) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    sentence = " ".join(text[start:end].split())
    if len(sentence) > width:
        at = sentence.find(figure.text)
        left = max(0, at - width // 2)
        sentence = ("…" if left else "") + sentence[left : left + width] + "…"
    return sentence
