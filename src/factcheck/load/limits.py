"""Limits on what a project may make factcheck read: bounded cost on hostile input.

Each limit has a default that no honest project comes near, a name used in errors,
`--limit NAME=VALUE` on the command line and `[tool.factcheck.limits]` in
pyproject.toml to raise it. Under `--no-python-schemas` (a run on untrusted input)
the project's own pyproject.toml may lower a limit but never raise one: the project is
what is not trusted. See docs/security.md.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace

# name: (default, what it bounds) -- the text goes into every error and into --help.
DEFAULTS: dict[str, tuple[int, str]] = {
    "yaml_bytes": (1_000_000, "bytes in one YAML file"),  # ~20 s to read at most
    "yaml_nodes": (200_000, "values in one YAML file, with aliases expanded"),
    "yaml_aliases": (100, "aliases (*name) in one YAML file"),
    "yaml_depth": (64, "levels of nesting in one YAML file"),
    # One limit for every number, wherever it is written: in YAML, a claim phrase, a
    # `where` or an `expr` (the YAML reader, the phrase reader and the languages all ask it).
    "number_digits": (100, "digits in one number"),
    "expr_chars": (20_000, "characters in one where, by or expr"),
    # Each `and`, `or`, `not`, `+`, `*`... is one level; the trees are walked recursively.
    "expr_depth": (100, "levels of nesting in one where or expr"),
    # working_days() builds one holiday calendar per year (0001 to 9999 took 20 s).
    "calendar_years": (100, "calendar years in one working_days() range"),
    "data_bytes": (1_000_000_000, "bytes of one data file, uncompressed"),
    "data_rows": (10_000_000, "rows in one data file"),
}
# The most a limit may be raised to, where more would trade a clear error for a crash:
# a where/expr tree is walked recursively (hashed, rendered, evaluated); with the recursion
# limit raised to match, 10,000 levels still ran, and 30,000 overflowed Python's own C
# stack (a segfault) in hashing the tree. The ceiling keeps far below that.
CEILINGS: dict[str, int] = {"expr_depth": 1_000}
_FRAMES_PER_LEVEL = 10  # Python frames one tree level costs a walker, with room to spare
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
    expr_chars: int = DEFAULTS["expr_chars"][0]
    expr_depth: int = DEFAULTS["expr_depth"][0]
    calendar_years: int = DEFAULTS["calendar_years"][0]

    def exceeded(self, name: str, found: int | str) -> str:
        """The message for a limit that was passed: what, how much, how to raise it."""
        return (
            f"more than {getattr(self, name):,} {DEFAULTS[name][1]} ({found}); {how_to_raise(name)}"
        )

    def merged(self, values: dict[str, int], *, only_lower: bool = False) -> Limits:
        """These limits with `values` applied (only where lower, when `only_lower`)."""
        changes = {
            name: value
            for name, value in values.items()
            if not only_lower or value < getattr(self, name)
        }
        return replace(self, **changes)


def how_to_raise(name: str) -> str:
    return (
        f"if this is intended, raise the limit with --limit {name}=N "
        f"or `{name} = N` in [tool.factcheck.limits]"
    )


def names() -> list[str]:
    return [f.name for f in fields(Limits)]


def ceiling_problem(name: str, value: int) -> str | None:
    """Why `value` cannot be `name`'s limit (over its ceiling), or None."""
    most = CEILINGS.get(name)
    if most is None or value <= most:
        return None
    return f"{name} can be raised to at most {most:,}: deeper trees would overflow Python's stack"


# The limits of the run in progress, for the readers deep inside loading (the phrase
# reader, the where/by/expr parsers) that are not handed a Limits: passing one through
# every phrase kind and tree builder would touch dozens of signatures for one value.
_CURRENT: ContextVar[Limits] = ContextVar("factcheck_limits", default=Limits())  # noqa: B039 (frozen)


def current() -> Limits:
    return _CURRENT.get()


@contextmanager
def in_force(limits: Limits) -> Iterator[Limits]:
    """Make `limits` the current ones while the block runs: claims are read in one, and
    computed and judged in another (run.py), where the trees are walked again."""
    # A raised expr_depth needs Python's recursion limit to match while the trees are built
    # and walked; it is put back afterwards, so the rest of the process (the TOML, JSON and
    # YAML readers that rely on a RecursionError for their own nesting) is as it was.
    before = sys.getrecursionlimit()
    needed = 1_000 + _FRAMES_PER_LEVEL * limits.expr_depth
    raise_it = limits.expr_depth > DEFAULTS["expr_depth"][0] and needed > before
    if raise_it:
        sys.setrecursionlimit(needed)
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)
        if raise_it:
            sys.setrecursionlimit(before)


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
    return ceiling_problem(name, number) or (name, number)


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
