"""A word or quoted string (`UA`, `'2024'`, `December`) with `over: argmax` or `argmin`:
the winning group's key equals it."""

from __future__ import annotations

from typing import Any

from factcheck.phrases.kinds.base import Judgement, Kind, Reading, key_text
from factcheck.phrases.model import Phrase


def judge(phrase: Phrase, actual: Any, reading: Reading) -> Judgement:
    got = key_text(actual)
    ok = got == phrase.key
    tail = "as claimed" if ok else f"not {phrase.key}"
    return Judgement("pass" if ok else "fail", f"the winning group is {got}, {tail}", "")


def rule(phrase: Phrase, reading: Reading) -> str:
    return f"passes when the winning group is {phrase.key}"


KEY = Kind("key", judge, rule, numeric=False, key=True)
