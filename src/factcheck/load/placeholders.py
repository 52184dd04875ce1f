"""Placeholders left in a claims file (`published: TODO`, `claim: "TODO"`) are errors.

`factcheck extract` drafts a claims file full of TODOs for the editor to fill in; a TODO
that survives into a checked file would be reported as if it were the publication's
metadata or phrase, so every one is refused, with its file, line and key.
"""

from __future__ import annotations

import re

from factcheck.load.yamlsrc import Map, Seq, Text
from factcheck.problems import Problems

_PLACEHOLDER = re.compile(r"^\s*(?:TODO|TBD|FIXME|XXX)\b(?:\s*[:\-].*)?\s*$", re.IGNORECASE)


def is_placeholder(value: str) -> bool:
    return bool(_PLACEHOLDER.match(value))


def placeholders_in(tree: object, problems: Problems) -> None:
    """Every placeholder value in an already-read claims file (read once per run: the YAML
    reader is most of a small project's load time)."""
    _walk(tree, "", problems)


def _walk(node: object, where: str, problems: Problems) -> None:
    if isinstance(node, Map):
        for key, value in node.items():
            _walk(value, f"{where}.{key}" if where else str(key), problems)
    elif isinstance(node, Seq):
        for i, value in enumerate(node):
            item = value.get("id") if isinstance(value, Map) else None
            _walk(value, f"{where}[{item or i}]", problems)
    elif isinstance(node, Text) and is_placeholder(node):
        problems.add(
            node.loc,
            f"a placeholder is left in {where}: write what the article or data says, "
            "or delete the line",
            str(node).strip(),
        )
