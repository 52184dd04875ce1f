"""What the claim languages share: one error type (what, the word, where), the lark
parsers, built once per grammar file, and the size limits every parsed text is held to
(`expr_chars`, `expr_depth`, `number_digits`: the run's limits, load/limits.py)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.load.limits import current, how_to_raise

if TYPE_CHECKING:
    from lark import Lark, Token, Tree


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
        at = exc.pos_in_stream
        word = text[at] if at is not None and at < len(text) else ""
        return LangError(f"unexpected '{word}' in {what}", word, exc.column)
    if isinstance(exc, UnexpectedEOF):
        return LangError(f"{what} ends too early: '{text}'", text.strip()[-10:], None)
    return LangError(f"cannot read {what}: {exc}", text, None)


# Limits on one `where`, `by` or `expr` (issue 10): the trees are walked recursively by
# every renderer, so a text nesting hundreds of levels (`a or b or ...` 490 times) must be
# refused with a clear error, not crash deep inside a renderer. A long list of
# alternatives stays flat when written `col in (a, b, ...)`. The numbers are the run's
# limits (`--limit expr_depth=N`...), read when a text is parsed.


@cache
def _parser(grammar: str) -> Lark:
    from factcheck.lang.parsers import build_parser

    text = (Path(__file__).parent / grammar).read_text(encoding="utf-8")
    return build_parser(grammar, text)


def parse_tree(grammar: str, text: str, what: str) -> Tree[Token]:
    """Parse `text` with a grammar file of this folder; LangError names the bad word."""
    from lark.exceptions import LarkError

    if not text.strip():
        raise LangError(f"empty {what}", text, 1)
    limits = current()
    if len(text) > limits.expr_chars:
        raise LangError(
            f"{what} is {len(text):,} characters long (at most {limits.expr_chars:,}); "
            + how_to_raise("expr_chars"),
            text[:20],
            1,
        )
    try:
        tree = _parser(grammar).parse(text)
    except LarkError as exc:
        raise from_lark(exc, text, what) from None
    depth = _depth(tree)
    if depth > limits.expr_depth:
        hint = (
            "; write a long list of alternatives as col in (a, b, ...), or"
            if what == "where"
            else ";"
        )
        raise LangError(
            f"too deeply nested: {depth} levels (at most {limits.expr_depth}){hint} "
            + how_to_raise("expr_depth"),
            text.strip()[:20],
            1,
        )
    return tree


def check_number(token: Token | Tree[Token]) -> str:
    """A number token's text, or LangError when it has more digits than `number_digits`."""
    text = str(token)
    digits = sum(ch.isdigit() for ch in text.lower().split("e")[0])
    most = current().number_digits
    if digits > most:
        raise LangError(
            f"a number of {digits} digits (at most {most}); " + how_to_raise("number_digits"),
            text[:20],
            getattr(token, "column", None),
        )
    return text


def _depth(tree: Tree[Token]) -> int:
    """The parse tree's depth, counted without recursion (the tree may be too deep for it)."""
    from lark import Tree

    deepest, stack = 0, [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((kid, depth + 1) for kid in node.children if isinstance(kid, Tree))
    return deepest
