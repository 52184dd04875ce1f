"""Read what a claim asserts: the editor's phrase ("over 20,000", "two-thirds", "более
20 тысяч") or an explicit map ({gt: 20000}) as a typed Phrase.

A phrase that cannot be read raises PhraseError naming the word; nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from factcheck.phrases import ru
from factcheck.phrases.kinds.bare import date_key
from factcheck.phrases.kinds.base import Said
from factcheck.phrases.lexicon import (
    FRACTION_WORDS,
    MULTIPLIER_WORDS,
    QUANTIFIER_WORDS,
    TENS,
    TIMES,
    UNITS,
    VAGUE_RANGES,
)
from factcheck.phrases.model import (
    NotAKey,
    Number,
    Phrase,
    PhraseError,
    foreign_digit,
    parse_tolerance,
)
from factcheck.phrases.numbers import normalise, number
from factcheck.phrases.table import AS_WRITTEN, HEDGES, HEDGES_RU, KINDS, READERS, RU_READERS

__all__ = ["as_key", "date_key", "parse_claim"]

# A bare word that names a group (UA, 2024-Q2): starts with a letter or digit.
_KEY = re.compile(r"[^\W_][\w.-]*")
# Words that are never a group key: a claim of just "over" or "hundred" is unreadable.
_RESERVED = (
    {w for h, _ in HEDGES for w in h.split()}
    | set(UNITS)
    | set(TENS)
    | QUANTIFIER_WORDS
    | {w for words in FRACTION_WORDS for w in words.split()}
    | set(MULTIPLIER_WORDS)
    | set(TIMES)
    | {"a", "an", "and", "in", "to", "of", "per", "cent", "thirds", "quarters", "fifths"}
)


def parse_claim(
    value: str | Mapping[str, object] | Sequence[object] | None,
    *,
    vague_ranges: dict[str, tuple[float, float]] | None = None,
) -> Phrase:
    """A phrase as written, or an explicit map ({gt: 20000}); anything else is read as its
    text (a YAML list is refused there, naming its first word)."""
    if isinstance(value, Mapping):
        return _explicit(value)
    digit = foreign_digit(str(value))
    if digit is not None:
        raise PhraseError(
            f"'{str(value).strip()}' has a digit of another script ('{digit}'): "
            "write the number in 0-9",
            digit,
        )
    return _parse_text(str(value), vague_ranges, russian=True)


def as_key(phrase: Phrase) -> Phrase:
    """A number written as a group key (`2024` with over: argmax)."""
    return Phrase("key", phrase.text, key=phrase.text.strip().strip("'\""))


def _parse_text(
    text: str, vague_ranges: dict[str, tuple[float, float]] | None, *, russian: bool
) -> Phrase:
    norm = normalise(text)
    if not norm:
        raise PhraseError("the claim is empty", text)
    vague = {k.lower(): v for k, v in {**VAGUE_RANGES, **(vague_ranges or {})}.items()}
    said = Said(text, norm, *_hedge(norm), vague=vague, kinds=KINDS)
    for reader in AS_WRITTEN:
        phrase = reader.read(said)
        if phrase is not None:
            return phrase
    if russian and ru.is_russian(norm):
        return _russian(text, norm, vague_ranges)
    for reader in READERS:
        try:
            phrase = reader.read(said)
        except NotAKey:
            raise
        except PhraseError:
            if said.hedge == "bare" and _is_key(text):
                return Phrase("key", text, key=text.strip())  # UA (with over: argmax), 2024-04
            raise
        if phrase is not None:
            return phrase
    raise AssertionError("the bare kind reads every phrase")


def _hedge(norm: str) -> tuple[str, str]:
    """The kind a phrase's hedge words say ("bare" without one), and the words after them."""
    for words, hedge in HEDGES:
        if norm.startswith(words + " "):
            return hedge, norm[len(words) + 1 :]
    return "bare", norm


def _russian(text: str, norm: str, vague_ranges: dict[str, tuple[float, float]] | None) -> Phrase:
    """A Russian phrase, read as the English phrase it means exactly; it keeps the editor's text."""
    try:
        rewrite = ru.to_english(norm, HEDGES_RU, RU_READERS)
    except ru.Unreadable as exc:
        raise PhraseError(exc.message, exc.word) from None
    try:
        phrase = _parse_text(rewrite.english, vague_ranges, russian=False)
    except PhraseError as exc:
        word = text.strip() if exc.word == rewrite.english else rewrite.original(exc.word)
        raise PhraseError(exc.message.replace(rewrite.english, text.strip()), word) from None
    if phrase.kind == "key":
        return Phrase("key", text, key=text.strip())  # its own case: Москва
    return replace(phrase, text=text)


def _is_key(text: str) -> bool:
    word = text.strip()
    return bool(_KEY.fullmatch(word)) and word.lower() not in _RESERVED


_MAP_KINDS = {"eq": "exactly", "gt": "over", "ge": "at_least", "lt": "under", "le": "at_most"}


def _explicit(value: Mapping[str, object]) -> Phrase:
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
        n = _map_number(value["approx"], "approx", text)
        tolerance = parse_tolerance(str(value["tolerance"])) if "tolerance" in value else None
        return Phrase("around", text, number=n, tolerance=tolerance)
    unknown = sorted(keys - {*_MAP_KINDS, "between", "approx", "tolerance"})
    word = str(unknown[0]) if unknown else ", ".join(sorted(map(str, keys)))
    raise PhraseError(
        "an explicit claim is one of eq, gt, ge, lt, le, between, approx (+ tolerance)", word
    )


def _map_number(raw: object, key: str, text: str) -> Number:
    """A value in an explicit map is one number, nothing after it."""
    if not isinstance(raw, str | int | float | Decimal) or isinstance(raw, bool):
        raise PhraseError(f"'{key}' takes a number, not {raw!r}", str(raw))
    if foreign_digit(str(raw)) is not None:
        raise PhraseError(f"'{key}' takes a number written in 0-9, not '{raw}'", str(raw))
    n, unit = number(normalise(str(raw)), text)
    if unit:
        raise PhraseError(f"'{key}' takes one number, not '{raw}'", unit.split()[0])
    return n
