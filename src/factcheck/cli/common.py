"""What the command modules share: --root, --no-python-schemas and --limit, how load
problems are printed, and echo (every project word neutralised before a terminal)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from factcheck.exitcodes import ExitCode
from factcheck.load.limits import Policy, names, parse_assignment
from factcheck.problems import Problems
from factcheck.safetext import neutralise

Command = TypeVar("Command", bound=Callable[..., None])  # a command's function

ROOT_OPTION = click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The project folder (claims/, data/, schemas/).",
)


class ConfigError(click.ClickException):
    """A library error (LockError, ...) as the command line shows one: "Error: message"
    on stderr, exit 2. The library raises its own exceptions; only cli/ knows click."""

    exit_code = int(ExitCode.CONFIG)


def read_limited(path: Path, limit: int, what: str) -> bytes:
    """A whole file of at most `limit` bytes; `/dev/zero` or a huge file is a clear error,
    not a read until memory runs out. OSError for an unreadable file."""
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise click.BadParameter(f"{path} is over {limit // 2**20} MB; not {what}")
    return data


def echo(message: str = "", *, err: bool = False, nl: bool = True, block: bool = False) -> None:
    """click.echo for text that may hold a project's words: neutralised (safetext), as one
    line unless `block` (a multi-line text whose newlines are ours)."""
    click.echo(neutralise(message, one_line=not block), err=err, nl=nl)


def print_problems(problems: Problems, outcome: str = "nothing was checked") -> None:
    for problem in problems:
        word = f" [{problem.word}]" if problem.word else ""
        echo(f"{problem.location}: error: {problem.message}{word}", err=True)
    count = len(problems)
    click.echo(f"{count} problem{'s' if count != 1 else ''} in the project; {outcome}.", err=True)


def _limits(
    _ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]
) -> tuple[tuple[str, int], ...]:
    parsed = []
    for value in values:
        found = parse_assignment(value)
        if isinstance(found, str):
            raise click.BadParameter(f"'{value}': {found}", param_hint="--limit")
        parsed.append(found)
    return tuple(parsed)


def trust_options(command: Command) -> Command:
    """--no-python-schemas and --limit, for every command that reads a project: they
    arrive as one `policy` argument (docs/security.md)."""
    command = click.option(
        "--limit",
        "limits",
        multiple=True,
        metavar="NAME=N",
        callback=_limits,
        help=f"Raise or lower a limit for this run ({', '.join(names())}).",
    )(command)
    return click.option(
        "--no-python-schemas",
        is_flag=True,
        help="Untrusted project: refuse schemas/*.py (code), read YAML schemas only, "
        "and let pyproject.toml lower limits but not raise them.",
    )(command)


def policy_of(no_python_schemas: bool, limits: tuple[tuple[str, int], ...]) -> Policy:
    return Policy(python_schemas=not no_python_schemas, limits=limits)
