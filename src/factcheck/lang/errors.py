"""The one error type of the claim languages: what went wrong, the word, and where."""

from __future__ import annotations


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
