"""`factcheck replay REPORT.json`: a report recomputed on the project as it is now."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from factcheck.cli.common import ROOT_OPTION, echo, policy_of, print_problems, trust_options
from factcheck.engines import engine_names
from factcheck.exitcodes import ExitCode


@click.command()
@ROOT_OPTION
@click.argument("report", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@trust_options
def replay(
    root: Path, report: Path, fmt: str, no_python_schemas: bool, limits: tuple[tuple[str, int], ...]
) -> None:
    """Recompute REPORT (a JSON report) on the project as it is now: same data, figures, verdicts?

    Every dataset is hashed again and every claim recomputed with the report's engine and
    settings. Exit 0 when the report holds ("reproduced N of N"), 4 when a dataset's hash
    or a claim's figure or verdict differs (each one named), 2 when the report or the
    project cannot be read.
    """
    import json

    from factcheck.replay import ReportError, compare, read_report, render_text
    from factcheck.run import Options, run_check

    try:
        old = read_report(report)
    except ReportError as exc:
        echo(f"Error: {exc}", err=True)
        sys.exit(int(ExitCode.CONFIG))
    engine = old.engine or None
    if engine is not None and engine not in engine_names():
        echo(f"Error: {report}: the report's engine {engine!r} is not known here", err=True)
        sys.exit(int(ExitCode.CONFIG))
    policy = policy_of(no_python_schemas, limits)
    options = Options(root=root, engine=engine, strict=old.strict, policy=policy)
    outcome = run_check(options)
    if outcome.report is None:
        print_problems(outcome.problems)
        sys.exit(int(outcome.exit_code))
    result = compare(old, outcome.report)
    if fmt == "json":
        echo(json.dumps(result.as_dict(), indent=2, ensure_ascii=False), block=True)
    else:
        echo(render_text(result, report), nl=False, block=True)
    sys.exit(int(ExitCode.OK if result.holds else ExitCode.DRIFT))
