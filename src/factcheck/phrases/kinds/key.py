"""A word or quoted string (`UA`, `'2024'`, `December`) with `over: argmax` or `argmin`:
the winning group's key equals it. A quoted phrase is a key as written; a bare word that
no reader takes as a number is one too (parse.py: it needs the words every kind reserves)."""

from __future__ import annotations

import re

from factcheck.phrases.kinds.base import Judgement, Kind, Reader, Reading, Said, key_text
from factcheck.phrases.model import Phrase

_QUOTED = re.compile(r"""(['"])(.+)\1""")


def read_quoted(said: Said) -> Phrase | None:
    if _QUOTED.fullmatch(said.norm) is None:
        return None
    return Phrase("key", said.text, key=said.text.strip()[1:-1])  # original case: 'UA' stays UA


def judge(phrase: Phrase, actual: object, reading: Reading) -> Judgement:
    got = key_text(actual)
    ok = got == phrase.key
    tail = "as claimed" if ok else f"not {phrase.key}"
    return Judgement("pass" if ok else "fail", f"the winning group is {got}, {tail}", "")


def rule(phrase: Phrase, reading: Reading) -> str:
    return f"passes when the winning group is {phrase.key}"


KEY = Kind(
    "key",
    judge,
    rule,
    numeric=False,
    judge_key=judge,
    readers=(Reader(0, read_quoted, as_written=True),),
)
