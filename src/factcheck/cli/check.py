"""`factcheck check`: the whole run, its reports, the lock and the history."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from factcheck.cli.common import (
    ROOT_OPTION,
    ConfigError,
    echo,
    policy_of,
    print_problems,
    trust_options,
)
from factcheck.engines import engine_names
from factcheck.exitcodes import ExitCode
from factcheck.report import FORMATS  # the names only: no format module is imported

if TYPE_CHECKING:  # run.py imports the pipeline; only its type is needed here
    from factcheck.run import Outcome


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """Allow both `--select a --select b` and `--select a,b`."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def parse_formats(formats: tuple[str, ...], output: Path | None) -> list[tuple[str, Path | None]]:
    parsed: list[tuple[str, Path | None]] = []
    for spec in formats or ("text",):
        name, _, path = spec.partition(":")
        if name not in FORMATS:
            raise click.BadParameter(
                f"unknown format '{name}' (known: {', '.join(sorted(FORMATS))})",
                param_hint="--format",
            )
        if path and os.path.isdir(path):  # checked before the run, not after it
            raise click.BadParameter(
                f"{spec}: {path} is a folder; give a file name", param_hint="--format"
            )
        parsed.append((name, Path(path) if path else None))
    if output is not None:
        # --output names the file of the first format that has none.
        for i, (name, target) in enumerate(parsed):
            if target is None:
                parsed[i] = (name, output)
                break
    from factcheck.output import is_stdout

    to_stdout = [name for name, target in parsed if is_stdout(target)]
    if len(to_stdout) > 1:
        raise click.BadParameter(
            "only one format can go to stdout; give the others a path (FORMAT:PATH)",
            param_hint="--format",
        )
    return parsed


@click.command()
@ROOT_OPTION
@click.option(
    "--format",
    "formats",
    multiple=True,
    metavar="FORMAT[:PATH]",
    help=f"{', '.join(FORMATS)}; repeatable.",  # a new format is listed by its registration
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the (first) report here instead of stdout: a file atomically, "
    "a device or pipe (/dev/stdout) as it is.",
)
@click.option("--strict", is_flag=True, help="A warn fails the run too.")
@click.option("--select", multiple=True, metavar="ID[,ID]", help="Check only these claims.")
@click.option(
    "--tag", "tags", multiple=True, metavar="TAG[,TAG]", help="Check only claims with these tags."
)
@click.option(
    "--engine",
    type=click.Choice(engine_names()),
    default=None,
    help="Compute engine (default: [tool.factcheck] engine, else duckdb).",
)
@click.option("--locked", is_flag=True, help="Compare with factcheck.lock; drift exits 4.")
@click.option(
    "--no-history", is_flag=True, help="Do not append this run to .factcheck/history.jsonl."
)
@click.option("-q", "--quiet", is_flag=True, help="Text report: only warn, fail and error.")
@click.option("-v", "--verbose", is_flag=True, help="Text report: computation details.")
@click.option(
    "--timings", is_flag=True, help="Print each phase's seconds (load, validate, ...) to stderr."
)
@trust_options
def check(
    root: Path,
    formats: tuple[str, ...],
    output: Path | None,
    strict: bool,
    select: tuple[str, ...],
    tags: tuple[str, ...],
    engine: str | None,
    locked: bool,
    no_history: bool,
    quiet: bool,
    verbose: bool,
    timings: bool,
    no_python_schemas: bool,
    limits: tuple[tuple[str, int], ...],
) -> None:
    """Judge every claim and write the reports."""
    from factcheck.run import Options, run_check

    targets = parse_formats(formats, output)
    options = Options(
        root=root,
        select=_split(select),
        tags=_split(tags),
        strict=strict,
        engine=engine,
        progress=_progress(),
        policy=policy_of(no_python_schemas, limits),
    )
    outcome = run_check(options)
    if options.progress is not None:
        click.echo("\r\033[K", err=True, nl=False)  # clear the progress line
    if outcome.report is None:
        print_problems(outcome.problems)
        sys.exit(int(outcome.exit_code))
    code = outcome.exit_code
    if locked:
        from factcheck.drift.lock import LockError, apply_lock

        try:
            code = apply_lock(outcome, strict=strict)
        except LockError as exc:
            raise ConfigError(exc.message) from None
    from factcheck.output import write_reports

    started = time.perf_counter()
    failed = write_reports(outcome.report, targets, quiet=quiet, verbose=verbose, warn=_warn)
    if not no_history:  # after the reports: a history line stands for a finished run
        _record_history(outcome)
    if timings:  # phase names are ours, not the project's: nothing to escape
        laps = {**outcome.timings, "write": time.perf_counter() - started}
        echo("factcheck: seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in laps.items()), err=True)
    sys.exit(int(ExitCode.CONFIG if failed else code))


def _warn(message: str) -> None:
    echo(f"factcheck: {message}", err=True)


def _record_history(outcome: Outcome) -> None:
    from factcheck.drift.history import append_run

    assert outcome.project is not None and outcome.report is not None  # a finished run
    append_run(outcome.project.root, outcome.report, warn=_warn)


def _progress() -> Callable[[str], None] | None:
    """Progress lines on stderr, only for a person at a terminal."""
    if not sys.stderr.isatty():
        return None

    from factcheck.safetext import neutralise

    def say(message: str) -> None:
        click.echo(f"\r\033[K{neutralise(message, one_line=True)}", err=True, nl=False)

    return say
