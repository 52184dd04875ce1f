"""Limits on what a project may make factcheck read: bounded cost on hostile input.

Each limit has a default that no honest project comes near, a name used in errors,
`--limit NAME=VALUE` on the command line and `[tool.factcheck.limits]` in
pyproject.toml to raise it. Under `--no-python-schemas` (a run on untrusted input)
the project's own pyproject.toml may lower a limit but never raise one: the project is
what is not trusted. See docs/security.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

# name: (default, what it bounds) -- the text goes into every error and into --help.
DEFAULTS: dict[str, tuple[int, str]] = {
    "yaml_bytes": (1_000_000, "bytes in one YAML file"),  # ~20 s to read at most
    "yaml_nodes": (200_000, "values in one YAML file, with aliases expanded"),
    "yaml_aliases": (100, "aliases (*name) in one YAML file"),
    "yaml_depth": (64, "levels of nesting in one YAML file"),
    "number_digits": (100, "digits in one number"),
    "data_bytes": (1_000_000_000, "bytes of one data file, uncompressed"),
    "data_rows": (10_000_000, "rows in one data file"),
}
_SCALE = {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}
_VALUE = re.compile(r"^\s*(\d{1,15})\s*([kmg]?)b?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Limits:
    yaml_bytes: int = DEFAULTS["yaml_bytes"][0]
    yaml_nodes: int = DEFAULTS["yaml_nodes"][0]
    yaml_aliases: int = DEFAULTS["yaml_aliases"][0]
    yaml_depth: int = DEFAULTS["yaml_depth"][0]
    number_digits: int = DEFAULTS["number_digits"][0]
    data_bytes: int = DEFAULTS["data_bytes"][0]
    data_rows: int = DEFAULTS["data_rows"][0]

    def exceeded(self, name: str, found: int | str) -> str:
        """The message for a limit that was passed: what, how much, how to raise it."""
        return (
            f"more than {getattr(self, name):,} {DEFAULTS[name][1]} ({found}); "
            f"if this is intended, raise the limit with --limit {name}=N "
            f"or `{name} = N` in [tool.factcheck.limits]"
        )

    def merged(self, values: dict[str, int], *, only_lower: bool = False) -> Limits:
        """These limits with `values` applied (only where lower, when `only_lower`)."""
        changes = {
            name: value
            for name, value in values.items()
            if not only_lower or value < getattr(self, name)
        }
        return replace(self, **changes)


def names() -> list[str]:
    return [f.name for f in fields(Limits)]


def parse_value(text: str) -> int | None:
    """'5000000', '2GB', '500M', '10k' -> an int >= 1; None when unreadable."""
    found = _VALUE.match(text)
    if not found:
        return None
    value = int(found.group(1)) * _SCALE[found.group(2).lower()]
    return value if value >= 1 else None


def parse_assignment(text: str) -> tuple[str, int] | str:
    """'data_rows=20M' -> ('data_rows', 20_000_000); an error message when unreadable."""
    name, sep, value = text.partition("=")
    name = name.strip()
    if not sep or name not in DEFAULTS:
        return f"write NAME=VALUE with NAME one of {', '.join(names())}"
    number = parse_value(value)
    if number is None:
        return f"the value of {name} must be a whole number >= 1 (e.g. 5000000, 500M, 2G)"
    return name, number


@dataclass(frozen=True)
class Policy:
    """What the person running factcheck allows a project, from the command line:
    whether schemas/*.py may run, and limits raised (or lowered) for this run."""

    python_schemas: bool = True
    limits: tuple[tuple[str, int], ...] = ()

    def apply(self, project_limits: dict[str, int]) -> Limits:
        """The limits of a run: the defaults, then the project's (only lower ones for a
        project not trusted to run code), then the command line's, which always win."""
        untrusted = not self.python_schemas
        return Limits().merged(project_limits, only_lower=untrusted).merged(dict(self.limits))
