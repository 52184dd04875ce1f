"""Fractions: `half`, `a third`, `two-thirds` ... `four-fifths`, alone or hedged
(`more than half`, `nearly two-thirds`, `less than a third`).

Of all fractions with denominator <= 5 the stated one must be the nearest to a; a hedge
moves the band: `over` F passes up to the next simple fraction, `nearly` F below F.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from factcheck.phrases import lexicon, ru
from factcheck.phrases.kinds.base import Judgement, Kind, Reader, Reading, RuReader, Said, show
from factcheck.phrases.lexicon import FRACTION_WORDS
from factcheck.phrases.model import Phrase, PhraseError
from factcheck.phrases.numbers import no_quantifier

# Every simple fraction p/q with q <= 5 in [0, 1]; 0 and 1 bound the outermost bands,
# so 1% is not "a fifth" and 99% is not "four-fifths".
SIMPLE = sorted({Fraction(p, q) for q in range(1, 6) for p in range(0, q + 1)})
_LONGEST_FIRST = sorted(FRACTION_WORDS, key=len, reverse=True)


def find(rest: str) -> Fraction | None:
    """The fraction `rest` starts with, if any."""
    for words in _LONGEST_FIRST:
        if rest == words or rest.startswith(words + " "):
            return FRACTION_WORDS[words]
    return None


def read(said: Said) -> Phrase | None:
    stated = find(said.rest)
    if stated is None:
        return None
    hedges = {name for name, kind in said.kinds.items() if kind.with_fraction}
    return parse(said.text, said.hedge, stated, said.rest, hedges)


def parse(text: str, hedge: str, fraction: Fraction, rest: str, hedges: set[str]) -> Phrase:
    """`hedges`: the kinds that may hedge a fraction (from the kinds table)."""
    if hedge != "bare" and hedge not in hedges:
        raise PhraseError(
            f"'{text}': '{hedge.replace('_', ' ')}' does not go with a fraction", text
        )
    words = next(w for w in _LONGEST_FIRST if rest.startswith(w))
    no_quantifier(rest[len(words) :].strip(), text)  # "half a million" is not a fraction
    return Phrase("fraction", text, fraction=fraction, hedge=None if hedge == "bare" else hedge)


def read_ru(said: ru.RuSaid) -> int | None:
    """две трети, половина, четверть: the English fraction words."""
    words, i = said.words, said.start
    numerator: int | None = None
    j = i
    if j < len(words) and words[j] in lexicon.RU_NUMERATORS and words[j + 1 : j + 2]:
        if words[j + 1] not in lexicon.RU_DENOMINATORS:
            return None
        numerator, j = lexicon.RU_NUMERATORS[words[j]], j + 1
    if j >= len(words) or words[j] not in lexicon.RU_DENOMINATORS:
        return None
    key = (numerator, lexicon.RU_DENOMINATORS[words[j]])
    if key not in lexicon.RU_FRACTIONS:
        raise ru.Unreadable(f"cannot read the fraction in '{said.norm}'", words[j])
    said.out.add(lexicon.RU_FRACTIONS[key], " ".join(words[i : j + 1]))
    return j + 1


def name(f: Fraction) -> str:
    return f"{f.numerator}/{f.denominator}"


def band(f: Fraction) -> tuple[float, float]:
    """Where `f` is the nearest simple fraction: midway to each neighbour."""
    i = SIMPLE.index(f)
    low = (f + SIMPLE[i - 1]) / 2 if i > 0 else f
    high = (f + SIMPLE[i + 1]) / 2 if i + 1 < len(SIMPLE) else f
    return float(low), float(high)


def judge(phrase: Phrase, a: Decimal, reading: Reading) -> Judgement:
    f = phrase.fraction
    assert f is not None
    x = Fraction(a)
    nearest = min(SIMPLE, key=lambda s: abs(x - s))
    tied = [s for s in SIMPLE if abs(x - s) == abs(x - nearest)]
    is_nearest = tied == [f]  # exactly midway between two fractions names neither
    low, high = band(f)
    shown = f"{float(a):.3f} ({show(a * 100)}%)"
    near_text = f"the nearest simple fraction is {name(nearest)}"
    hedge = phrase.hedge
    if hedge in (None, "around"):
        ok = is_nearest
        why = f"{shown}: {near_text}" + ("" if ok else f", not {name(f)}")
        return Judgement("pass" if ok else "fail", why, "", low=low, high=high)
    if hedge in ("over", "at_least"):
        above = [s for s in SIMPLE if s > f]
        nxt = above[0] if above else None
        edges = (float(f), float(nxt) if nxt is not None else 1.0)
        word = "more than" if hedge == "over" else "at least"
        if not (x > f if hedge == "over" else x >= f):
            return Judgement("fail", f"{shown} is not {word} {name(f)}", "", None, *edges)
        if nxt is not None and x >= nxt:
            why = f"{shown} is {word} {name(f)} but reaches {name(nxt)}: true but understated"
            return Judgement("warn", why, "", None, *edges)
        upto = f" and below {name(nxt)}" if nxt is not None else ""
        return Judgement("pass", f"{shown} is {word} {name(f)}{upto}", "", None, *edges)
    if hedge in ("under", "at_most"):
        below = [s for s in SIMPLE if s < f]
        prev = below[-1] if below else None
        edges = (float(prev) if prev is not None else 0.0, float(f))
        word = "less than" if hedge == "under" else "at most"
        if not (x < f if hedge == "under" else x <= f):
            return Judgement("fail", f"{shown} is not {word} {name(f)}", "", None, *edges)
        if prev is not None and x <= prev:
            why = f"{shown} is {word} {name(f)} but down to {name(prev)}: true but overstated"
            return Judgement("warn", why, "", None, *edges)
        upto = f" and above {name(prev)}" if prev is not None else ""
        return Judgement("pass", f"{shown} is {word} {name(f)}{upto}", "", None, *edges)
    # nearly / just over: on the stated side of F, and F still the nearest simple fraction.
    side_ok = x < f if hedge == "nearly" else x > f
    ok = side_ok and is_nearest
    side = "under" if hedge == "nearly" else "over"
    why = f"{shown} is {'' if side_ok else 'not '}{side} {name(f)}; {near_text}"
    edges = (low, float(f)) if hedge == "nearly" else (float(f), high)
    return Judgement("pass" if ok else "fail", why, "", None, *edges)


def rule(phrase: Phrase, reading: Reading) -> str:
    f = phrase.fraction
    assert f is not None
    fname = name(f)
    low, high = band(f)
    nearest = f"{fname} is the simple fraction (denominator <= 5) nearest to a"
    if phrase.hedge in (None, "around"):
        return f"{fname}: passes when {nearest} ({low:.4f} < a < {high:.4f})"
    if phrase.hedge in ("over", "at_least"):
        above = [s for s in SIMPLE if s > f]
        op, word = ("<", "more than") if phrase.hedge == "over" else ("<=", "at least")
        if not above:
            return f"{word} {fname}: {fname} {op} a passes"
        nxt = name(above[0])
        warns = f"a >= {nxt} warns (true but understated)"
        return f"{word} {fname}: {fname} {op} a < {nxt} passes; {warns}"
    if phrase.hedge in ("under", "at_most"):
        below = [s for s in SIMPLE if s < f]
        op, word = ("<", "less than") if phrase.hedge == "under" else ("<=", "at most")
        if not below:
            return f"{word} {fname}: a {op} {fname} passes"
        prev = name(below[-1])
        warns = f"a <= {prev} warns (true but overstated)"
        return f"{word} {fname}: {prev} < a {op} {fname} passes; {warns}"
    if phrase.hedge == "nearly":
        return f"nearly {fname}: a < {fname} and {nearest} ({low:.4f} < a < {fname}) passes"
    return f"just over {fname}: a > {fname} and {nearest} ({fname} < a < {high:.4f}) passes"


READ_EN = (Reader(40, read),)  # its place among the kinds' readers
READ_RU = (RuReader(40, read_ru),)
FRACTION = Kind("fraction", judge, rule, numeric=False, readers=READ_EN, ru_readers=READ_RU)
