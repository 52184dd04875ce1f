"""What the claim languages share: one error type (what, the word, where) and the
lark parsers, built once per grammar file."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any


class LangError(ValueError):
    def __init__(self, message: str, word: str | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.word = word
        self.column = column  # 1-based, within the expression's text


def from_lark(exc: Exception, text: str, what: str) -> LangError:
    """Turn lark's parse errors into a message naming the offending word."""
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

    if isinstance(exc, UnexpectedToken):
        word = str(exc.token) if exc.token.type != "$END" else None
        if word is None:
            return LangError(f"{what} ends too early: '{text}'", text.strip()[-10:], None)
        return LangError(f"unexpected '{word}' in {what}", word, exc.column)
    if isinstance(exc, UnexpectedCharacters):
        word = text[exc.pos_in_stream] if exc.pos_in_stream < len(text) else ""
        return LangError(f"unexpected '{word}' in {what}", word, exc.column)
    if isinstance(exc, UnexpectedEOF):
        return LangError(f"{what} ends too early: '{text}'", text.strip()[-10:], None)
    return LangError(f"cannot read {what}: {exc}", text, None)


@cache
def _parser(grammar: str) -> Any:
    from lark import Lark

    text = (Path(__file__).parent / grammar).read_text(encoding="utf-8")
    return Lark(text, parser="lalr", propagate_positions=True)


def parse_tree(grammar: str, text: str, what: str) -> Any:
    """Parse `text` with a grammar file of this folder; LangError names the bad word."""
    from lark.exceptions import LarkError

    if not text.strip():
        raise LangError(f"empty {what}", text, 1)
    try:
        return _parser(grammar).parse(text)
    except LarkError as exc:
        raise from_lark(exc, text, what) from None
