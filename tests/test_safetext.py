"""safetext.neutralise: what reaches a terminal or a CI log from a project's text."""

from __future__ import annotations

import re

import pytest

from factcheck.safetext import neutralise

# A line GitHub Actions would run as a workflow command, or Azure Pipelines as a logging one.
COMMAND_LINE = re.compile(r"^\s*(::|##\[|##vso\[)", re.MULTILINE)


def is_safe(text: str) -> bool:
    controls = [ch for ch in text if (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F]
    bidi = set(text) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029")
    return not controls and not bidi and not COMMAND_LINE.search(text)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J\x1b]0;pwned\x07", "\\u001b[2J\\u001b]0;pwned\\u0007"),
        ("total\rfake", "total\\u000dfake"),
        ("a\x00b\x9bc", "a\\u0000b\\u009bc"),
        ("abc\u202edef", "abc\\u202edef"),
        ("::error file=x::boom", "\\u003a:error file=x::boom"),
        ("   ::add-mask::secret", "   \\u003a:add-mask::secret"),
        ("\u3000::warning::x", "\u3000\\u003a:warning::x"),
        ("##[error]x", "\\u0023#[error]x"),
        ("##vso[task.setvariable]x", "\\u0023#vso[task.setvariable]x"),
        ("ok\n::error::x\n", "ok\n\\u003a:error::x\n"),
        ("a :: b", "a :: b"),
        ("Мосгорсуд 20,662 — “quoted”\ttab", "Мосгорсуд 20,662 — “quoted”\ttab"),
    ],
)
def test_neutralise(raw: str, shown: str) -> None:
    assert neutralise(raw) == shown
    assert is_safe(neutralise(raw))


def test_one_line() -> None:
    assert neutralise("a\nb\r\nc\rd\te", one_line=True) == "a b c d e"
    # Joined into one line, the command is no longer at a line's start: left as it is.
    assert neutralise("x\n::error::y", one_line=True) == "x ::error::y"
    assert neutralise("::error::y", one_line=True) == "\\u003a:error::y"
    assert neutralise(None) == "" and neutralise(12) == "12"
