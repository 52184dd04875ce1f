"""Shared checks for YAML mappings: unknown keys, required keys, plain text values."""

from __future__ import annotations

from factcheck.load.yamlsrc import Map, Text
from factcheck.problems import Problems


def check_keys(
    node: Map,
    allowed: set[str],
    required: set[str],
    problems: Problems,
    what: str,
) -> bool:
    """Record unknown and missing keys; True when the mapping is usable."""
    ok = True
    for key in node:
        if key not in allowed:
            hint = _closest(key, allowed)
            extra = f" (did you mean '{hint}'?)" if hint else ""
            problems.add(node.loc_of(key), f"unknown key in {what}{extra}", key)
            ok = False
    for key in sorted(required - set(node)):
        problems.add(node.loc, f"{what} needs '{key}'", key)
        ok = False
    return ok


def _closest(word: str, options: set[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return found[0] if found else None


def text(node: Map, key: str, problems: Problems, what: str) -> Text | None:
    """The value at `key` as one line of text, or None (missing or null)."""
    value = node.get(key)
    if value is None:
        return None
    if not isinstance(value, Text):
        problems.add(
            node.loc_of(key), f"'{key}' in {what} must be text, not a list or mapping", key
        )
        return None
    return value
