"""`factcheck lint` and `factcheck list`: the project read and planned, no data scanned."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from factcheck.cli.common import ROOT_OPTION, echo, policy_of, print_problems, trust_options
from factcheck.exitcodes import ExitCode


@click.command()
@ROOT_OPTION
@trust_options
def lint(root: Path, no_python_schemas: bool, limits: tuple[tuple[str, int], ...]) -> None:
    """Load and plan everything without scanning data; exit 2 on any problem."""
    from factcheck.load.project import load_project
    from factcheck.plan import make_plan
    from factcheck.validate import load_schema

    project, problems = load_project(root, policy=policy_of(no_python_schemas, limits))
    for spec in project.datasets.values():
        load_schema(spec, problems, project.settings.limits)
    if problems:
        print_problems(problems)
        sys.exit(int(ExitCode.CONFIG))
    plan = make_plan(project.claims)
    scans = sum(len(s) for s in plan.scans.values())
    echo(
        f"{len(project.claims)} claims in {len(project.sources)} files, "
        f"{len(project.datasets)} datasets: OK "
        f"({plan.requested} metrics requested, {plan.distinct} distinct, {scans} scans)"
    )
    from factcheck.coverage import project_coverage

    for coverage in project_coverage(project):  # a warning: lint's exit code is unchanged
        if coverage.uncovered or coverage.missing_quotes:
            figures, quotes = len(coverage.uncovered), len(coverage.missing_quotes)
            echo(
                f"{coverage.claims_file}: warning: {figures} figure{'s' * (figures != 1)} of "
                f"{coverage.text_file} in no claim's quote, {quotes} "
                f"quote{'s' * (quotes != 1)} not found in it (see factcheck coverage)",
                err=True,
            )


@click.command(name="list")
@ROOT_OPTION
@trust_options
def list_claims(root: Path, no_python_schemas: bool, limits: tuple[tuple[str, int], ...]) -> None:
    """Every claim: id, file:line, dataset, phrase."""
    from factcheck.load.project import load_project
    from factcheck.safetext import neutralise

    project, problems = load_project(root, policy=policy_of(no_python_schemas, limits))
    if problems:
        print_problems(problems)
        sys.exit(int(ExitCode.CONFIG))
    for claim in project.claims:
        datasets = ",".join(sorted({m.dataset for m in claim.metrics().values()})) or claim.kind
        fields = (claim.id, f"{claim.loc.file}:{claim.loc.line}", datasets, claim.claim_text)
        echo("\t".join(neutralise(field, one_line=True) for field in fields), block=True)
