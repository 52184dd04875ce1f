"""`one in N` (`каждый пятый`, `один из пяти`): a is within 10% of 1/N. It takes no hedge:
"nearly one in five" has no row in the phrase table, and read as "nearly 1" it would
judge the wrong number."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from factcheck.phrases import ru
from factcheck.phrases.kinds.base import Judgement, Kind, Reader, Reading, RuReader, Said, show
from factcheck.phrases.model import Phrase, PhraseError, fmt
from factcheck.phrases.numbers import number

_ONE_IN = re.compile(r"^(?:one|1) in (.+)$")

# каждый пятый (every fifth), один из пяти (one of five).
_EVERY = {"каждый", "каждая", "каждое", "каждого", "каждой", "каждую", "каждым"}
_ORDINALS: dict[str, int] = {
    "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8,
    "девят": 9, "десят": 10, "двадцат": 20, "сот": 100, "тысячн": 1000,
}  # fmt: skip
_ORDINAL = re.compile("^(" + "|".join(_ORDINALS) + ")(ый|ий|ой|ая|ья|ое|ье|ого|ьего|ей|ьей|ую|ью)$")
_ONE = {"один", "одна", "одно", "одного", "одной", "1"}


def read(said: Said) -> Phrase | None:
    return parse(said.text, said.hedge, said.rest)


def parse(text: str, hedge: str, rest: str) -> Phrase | None:
    found = _ONE_IN.match(rest)
    if found is None:
        return None
    if hedge != "bare":
        raise PhraseError(f"'{text.strip()}': one in N takes no hedge", text.strip())
    n, _ = number(found.group(1), text)
    if n.value <= 0:
        raise PhraseError(f"'{text}': one in N needs N above zero", n.text)
    return Phrase("one_in", text, number=n)


def read_ru(said: ru.RuSaid) -> int | None:
    words, i, out = said.words, said.start, said.out
    one_of = i < len(words) and words[i] in _ONE and words[i + 1 : i + 2] == ["из"]
    if not (i < len(words) and words[i] in _EVERY) and not one_of:
        return None
    if said.hedge is not None:
        raise ru.Unreadable(f"'{said.norm}': one in N takes no hedge", said.hedge)
    if words[i] in _EVERY:
        ordinal = _ORDINAL.match(words[i + 1]) if i + 1 < len(words) else None
        if ordinal is None:
            word = words[i + 1] if i + 1 < len(words) else words[i]
            raise ru.Unreadable(f"cannot read one in N in '{said.norm}'", word)
        out.add(f"one in {_ORDINALS[ordinal.group(1)]}", " ".join(words[i : i + 2]))
        return i + 2
    out.add("one in", " ".join(words[i : i + 2]))
    return ru.number(words, i + 2, out, hedged=True)


def _target(phrase: Phrase) -> Fraction:
    assert phrase.number is not None
    return 1 / Fraction(phrase.number.value)  # exact: one in 3 is 1/3, not 0.333...


def judge(phrase: Phrase, a: Decimal, reading: Reading) -> Judgement:
    assert phrase.number is not None
    target = _target(phrase)
    ok = abs(Fraction(a) - target) <= target / 10
    return Judgement(
        "pass" if ok else "fail",
        f"{show(a)} vs one in {fmt(phrase.number.value)} = {float(target):.4g}: "
        f"{'within' if ok else 'more than'} 10% of it",
        "",
        low=float(target * Fraction(9, 10)),
        high=float(target * Fraction(11, 10)),
    )


def rule(phrase: Phrase, reading: Reading) -> str:
    assert phrase.number is not None
    target = _target(phrase)
    lo, hi = float(target * Fraction(9, 10)), float(target * Fraction(11, 10))
    n = fmt(phrase.number.value)
    return f"one in {n}: {lo:.4g} <= a <= {hi:.4g} (within 10% of 1/N) passes"


READ_EN = (Reader(50, read),)  # its place among the kinds' readers
READ_RU = (RuReader(20, read_ru),)
ONE_IN = Kind("one_in", judge, rule, numeric=False, readers=READ_EN, ru_readers=READ_RU)
