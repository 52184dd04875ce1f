"""The command line: the `factcheck` group, its own commands (check, lint, list, coverage,
extract, replay) and `register_commands`, which adds every command in one place."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from factcheck import __version__, gcpolicy
from factcheck.cli_common import ROOT_OPTION, echo, policy_of, print_problems, trust_options
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
        for i, (name, path) in enumerate(parsed):
            if path is None:
                parsed[i] = (name, output)
                break
    from factcheck.output import is_stdout

    to_stdout = [name for name, path in parsed if is_stdout(path)]
    if len(to_stdout) > 1:
        raise click.BadParameter(
            "only one format can go to stdout; give the others a path (FORMAT:PATH)",
            param_hint="--format",
        )
    return parsed


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Check the numbers in published journalism against validated data."""


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
        from factcheck.drift.lock import apply_lock

        code = apply_lock(outcome, strict=strict)
    from factcheck.output import write_reports

    failed = write_reports(outcome.report, targets, quiet=quiet, verbose=verbose, warn=_warn)
    if not no_history:  # after the reports: a history line stands for a finished run
        _record_history(outcome)
    sys.exit(int(ExitCode.CONFIG if failed else code))


def _warn(message: str) -> None:
    echo(f"factcheck: {message}", err=True)


def _record_history(outcome: Outcome) -> None:
    from factcheck.drift.history import append_run

    append_run(outcome.project.root, outcome.report, warn=_warn)


def _progress() -> Callable[[str], None] | None:
    """Progress lines on stderr, only for a person at a terminal."""
    if not sys.stderr.isatty():
        return None

    from factcheck.safetext import neutralise

    def say(message: str) -> None:
        click.echo(f"\r\033[K{neutralise(message, one_line=True)}", err=True, nl=False)

    return say


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
    from factcheck.load.project import load_project

    project, problems = load_project(root, policy=policy_of(no_python_schemas, limits))
    if problems:
        print_problems(problems)
        sys.exit(int(ExitCode.CONFIG))
    results = project_coverage(project)
    if fmt == "json":
        payload = {"factcheck_coverage": 1, "files": [r.as_dict() for r in results]}
        echo(json.dumps(payload, indent=2, ensure_ascii=False), block=True)
    else:
        echo(render_text(results, project.root, suggest=suggest), nl=False, block=True)
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
def extract(article: Path, output: Path | None, dataset: str | None, root: Path) -> None:
    """Draft a claims file from an article's text: one candidate claim per figure.

    The draft names no data, so `check` refuses it until an editor completes each
    candidate: extracted numbers are never accepted on their own.
    """
    from factcheck.cli_common import read_limited
    from factcheck.coverage import draft_claims
    from factcheck.output import WriteError, write_report

    if dataset is not None and output is None:
        raise click.UsageError("--dataset needs -o FILE: its suggestions go into the draft")

    try:
        text = read_limited(article, MAX_ARTICLE_BYTES, "an article").decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else str(exc)
        raise click.BadParameter(f"cannot read {article}: {reason}", param_hint="ARTICLE") from None
    name = article.name if output is None else os.path.relpath(article, output.parent)
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
        _suggest_drafts(root, output, dataset)


def _suggest_drafts(root: Path, output: Path, dataset: str) -> None:
    from factcheck.suggest import SuggestError
    from factcheck.suggest_draft import annotate_file

    try:
        found = annotate_file(root, output, dataset)
    except SuggestError as exc:
        echo(f"Error: {exc.message}", err=True)
        sys.exit(int(ExitCode.CONFIG))
    echo(f"suggested a query on {dataset} for {found} of them (as comments)", err=True)


MAX_ARTICLE_BYTES = 16 * 2**20  # an article is text: far below this


@click.command()
@ROOT_OPTION
@click.argument("report", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def replay(root: Path, report: Path, fmt: str) -> None:
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
    engine = old.get("engine") or None
    if engine is not None and engine not in engine_names():
        echo(f"Error: {report}: the report's engine {engine!r} is not known here", err=True)
        sys.exit(int(ExitCode.CONFIG))
    options = Options(root=root, engine=engine, strict=bool(old.get("strict")))
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


def register_commands() -> None:
    """Add every command to the group: this is the one place that lists them.

    Each command is a module-level `@click.command` beside its logic (check, lint, list,
    coverage, extract and replay here; drift/cli.py; export/cli.py; init_project.py;
    infer_schema.py; suggest.py). They are imported here, when the CLI runs, so that
    `import factcheck.cli` stays light; adding a command twice is harmless."""
    from factcheck.drift.cli import diff, history, lock
    from factcheck.export.cli import gx_export
    from factcheck.infer_schema import schema
    from factcheck.init_project import init
    from factcheck.suggest import suggest_command

    commands = (check, lint, list_claims, coverage, extract, replay, lock, history, diff)
    for command in (*commands, gx_export, init, schema, suggest_command):
        cli.add_command(command)


def main() -> None:
    gcpolicy.for_cli()
    register_commands()
    cli(prog_name="factcheck")
