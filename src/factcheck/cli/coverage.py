"""`factcheck coverage` and `factcheck extract`: an article's figures against the claims,
and a first claims file drafted from an article."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from factcheck.cli.common import (
    ROOT_OPTION,
    echo,
    policy_of,
    print_problems,
    read_limited,
    trust_options,
)
from factcheck.exitcodes import ExitCode

if TYPE_CHECKING:
    from factcheck.load.limits import Policy


@click.command()
@ROOT_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--suggest", is_flag=True, help="Print a commented claim skeleton per gap.")
@trust_options
def coverage(
    root: Path,
    fmt: str,
    suggest: bool,
    no_python_schemas: bool,
    limits: tuple[tuple[str, int], ...],
) -> None:
    """Figures in each article (source.text) that no claim's quote covers.

    Exit 0 when every figure is in some claim's quote and every quote is in its article,
    1 otherwise, 2 when the project cannot be read.
    """
    import json

    from factcheck.coverage import project_coverage, render_text
    from factcheck.load.limits import in_force
    from factcheck.load.project import load_project

    project, problems = load_project(root, policy=policy_of(no_python_schemas, limits))
    if problems:
        print_problems(problems)
        sys.exit(int(ExitCode.CONFIG))
    # The article is scanned, and --suggest's phrases read, under the project's limits (and
    # --limit), as `check` reads claims: not the defaults.
    with in_force(project.settings.limits):
        results = project_coverage(project)
        if fmt == "json":
            payload = {"factcheck_coverage": 1, "files": [r.as_dict() for r in results]}
            shown = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
        else:
            shown = render_text(results, project.root, suggest=suggest)
    echo(shown, nl=False, block=True)
    gaps = any(r.uncovered or r.missing_quotes for r in results)
    sys.exit(int(ExitCode.FAILED if gaps else ExitCode.OK))


@click.command()
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Write the draft here (never over an existing file); default: stdout.",
)  # fmt: skip
@click.option(
    "--dataset", default=None, metavar="NAME",
    help="With -o inside a project (--root): comment in, under each draft, the query on "
    "NAME that factcheck suggest finds for it.",
)  # fmt: skip
@ROOT_OPTION
@trust_options
def extract(
    article: Path,
    output: Path | None,
    dataset: str | None,
    root: Path,
    no_python_schemas: bool,
    limits: tuple[tuple[str, int], ...],
) -> None:
    """Draft a claims file from an article's text: one candidate claim per figure.

    The draft names no data, so `check` refuses it until an editor completes each
    candidate: extracted numbers are never accepted on their own.
    """
    from factcheck.coverage import draft_claims
    from factcheck.load.limits import in_force
    from factcheck.output import WriteError, write_report

    policy = policy_of(no_python_schemas, limits)

    if dataset is not None and output is None:
        raise click.UsageError("--dataset needs -o FILE: its suggestions go into the draft")

    try:
        text = read_limited(article, MAX_ARTICLE_BYTES, "an article").decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else str(exc)
        raise click.BadParameter(f"cannot read {article}: {reason}", param_hint="ARTICLE") from None
    name = article.name if output is None else os.path.relpath(article, output.parent)
    with in_force(policy.apply({})):  # the defaults and --limit: an article needs no project
        draft = draft_claims(text, Path(name).as_posix())
    if "  - id: " not in draft:
        echo(f"no figures found in {article}", err=True)
    if output is None:
        echo(draft, nl=False, block=True)
        return
    if os.path.lexists(output):  # lexists: a dangling link is not replaced either
        raise click.UsageError(f"{output} exists; extract never overwrites a claims file")
    try:
        write_report(output, draft, devices=False)
    except WriteError as exc:
        raise click.UsageError(str(exc)) from None
    echo(f"drafted {draft.count('  - id: ')} candidate claims in {output}", err=True)
    if dataset is not None:
        _suggest_drafts(root, output, dataset, policy)


def _suggest_drafts(root: Path, output: Path, dataset: str, policy: Policy) -> None:
    from factcheck.suggest import SuggestError
    from factcheck.suggest_draft import annotate_file

    try:
        found = annotate_file(root, output, dataset, policy)
    except SuggestError as exc:
        echo(f"Error: {exc.message}", err=True)
        sys.exit(int(ExitCode.CONFIG))
    echo(f"suggested a query on {dataset} for {found} of them (as comments)", err=True)


MAX_ARTICLE_BYTES = 16 * 2**20  # an article is text: far below this
