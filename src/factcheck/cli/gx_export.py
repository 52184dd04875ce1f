"""`factcheck gx-export --out DIR`: the command, and what it prints."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from factcheck.cli.common import ROOT_OPTION, echo, policy_of, print_problems, trust_options

if TYPE_CHECKING:
    from factcheck.export.gx_site import Export

INSTALL_HINT = "pip install 'factcheck-claims[gx]'"


def _names(pairs: list[tuple[str, str]]) -> str:
    return "; ".join(f"{name} ({reason})" for name, reason in pairs) or "none"


def print_export(result: Export) -> None:
    from factcheck.export.accounting import ACCOUNTING_HTML

    for dataset, runs in result.runs.items():
        echo(f"{dataset}:")
        for run in runs.all():
            compiled = run.compiled
            echo(
                f"  suite {run.suite}: {len(compiled.expectations)} expectations compiled; "
                f"not compiled: {_names(compiled.not_compiled)}"
            )
            if not run.ran:
                echo("    validation: none (an empty suite is not run)")
                continue
            line = f"    validation: {run.successful} of {run.evaluated} successful"
            if run.unsuccessful:
                line += f"; unsuccessful: {', '.join(run.unsuccessful)}"
            echo(line)
    if result.elsewhere:
        echo(f"claims without a dataset, not compiled: {_names(result.elsewhere)}")
    echo(f"Data Docs: {result.index}")
    echo(f"Every claim and schema check accounted for: {result.index.parent / ACCOUNTING_HTML}")
    for left in result.network_left:
        echo(f"warning: a network reference is left in Data Docs: {left}", err=True)
    if any(run.unsuccessful for runs in result.runs.values() for run in runs.all()):
        echo(
            "note: an unsuccessful expectation is a finding about the data, shown in Data "
            "Docs; the exit code is factcheck check's."
        )


@click.command(name="gx-export")
@ROOT_OPTION
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="An empty or new folder: the GX context (OUT/gx) and its Data Docs.",
)
@trust_options
def gx_export(
    root: Path, out: Path, no_python_schemas: bool, limits: tuple[tuple[str, int], ...]
) -> None:
    """Compile schemas and claims to great-expectations suites, run them, build Data Docs.

    Exits with `factcheck check`'s code (0 passed, 1 a claim failed, 3 a dataset failed
    its schema) once everything was written; 2 when OUT is not empty,
    great-expectations is not installed, or the project cannot be read.
    """
    from factcheck.exitcodes import ExitCode
    from factcheck.export.gx_site import ExportProblems, export, import_gx
    from factcheck.run import Options, run_check

    config = int(ExitCode.CONFIG)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        echo(
            f"Error: {out} is not an empty folder; gx-export writes only into a new or empty one",
            err=True,
        )
        sys.exit(config)
    try:
        import_gx()
    except ImportError as exc:
        echo(
            f"Error: gx-export needs great_expectations, which cannot be imported ({exc}): "
            f"{INSTALL_HINT}",
            err=True,
        )
        sys.exit(config)
    from factcheck.load.limits import in_force

    outcome = run_check(Options(root=root, policy=policy_of(no_python_schemas, limits)))
    if outcome.report is None or outcome.project is None:
        print_problems(outcome.problems)
        sys.exit(int(outcome.exit_code))
    with in_force(outcome.project.settings.limits):  # the suites walk the where trees again
        try:
            exported = export(outcome, out)
        except ExportProblems as exc:  # rows GX needs and cannot have: nothing was written
            print_problems(exc.problems, "nothing was exported")
            sys.exit(config)
    print_export(exported)
    sys.exit(int(outcome.exit_code))
