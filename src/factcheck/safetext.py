"""Untrusted text made safe for a terminal or a CI log: the one helper every printer uses.

Claims files, catalogs, data values and articles come from whoever wrote the project, and
in CI that can be anyone who opens a pull request. Printed raw, their text could

- drive the terminal: ESC sequences recolour, move the cursor, rewrite the title or hide
  lines; CR overwrites a line; bidi controls (U+202E) reorder what is shown;
- drive the CI: GitHub Actions reads a log line starting with `::` (after blanks) as a
  workflow command (`::error::`, `::add-mask::`, `::stop-commands::`), and Azure
  Pipelines one starting with `##vso[` or `##[`.

`neutralise` escapes every control character visibly (`\\u001b`, `\\u202e`), so nothing is
hidden and nothing is interpreted, and breaks a command prefix at the start of a line by
escaping its first character (`\\u003a:error::`). Newlines and tabs are kept in a block of
lines; `one_line=True` turns them into spaces for a value printed inside a line.
"""

from __future__ import annotations

import re

# C0 controls but newline and tab, DEL, C1 controls, and the invisible format characters
# that reorder or split lines: bidi marks, embeddings, overrides and isolates, U+2028/9;
# lone surrogates (from a "\ud800" escape in YAML or JSON), which no terminal can encode.
CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)
# At a line's start after any blanks (the runner trims Unicode white space, so do we).
_COMMAND = re.compile(r"^([^\S\n]*)([:#])(?=:|#\[|#vso\[)", re.MULTILINE)


def without_controls(value: object) -> str:
    """Text for a place that cannot show control characters (a Markdown cell): newlines
    become spaces and every other control (CONTROLS) is removed, not escaped. Tabs stay."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    return CONTROLS.sub("", text)


def _escape(match: re.Match[str]) -> str:
    # \u001b rather than \x1b: the same form is a valid escape inside printed JSON.
    return f"\\u{ord(match.group()):04x}"


def neutralise(value: object, *, one_line: bool = False) -> str:
    """Text fit for a terminal or a CI log; see the module docstring. None is ``""``."""
    text = "" if value is None else str(value)
    if one_line:
        text = text.replace("\r\n", " ")
        text = text.replace("\n", " ").replace("\r", " ").replace("\t", " ")
    text = CONTROLS.sub(_escape, text)
    return _COMMAND.sub(lambda m: m.group(1) + f"\\u{ord(m.group(2)):04x}", text)
