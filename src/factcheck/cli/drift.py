"""The drift commands: lock, history, diff."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from factcheck.cli.common import (
    ROOT_OPTION,
    ConfigError,
    echo,
    policy_of,
    print_problems,
    read_limited,
    trust_options,
)
from factcheck.exitcodes import ExitCode

if TYPE_CHECKING:
    from factcheck.results import RunReport


class UsageError(click.ClickException):
    """A clear one-line error, exit 2 (1 means "differs" for diff)."""

    exit_code = int(ExitCode.CONFIG)

    def __init__(self, message: str) -> None:
        from factcheck.safetext import neutralise

        super().__init__(neutralise(message))  # it may quote the project's words


def _no_history(root: Path, claim_id: str) -> str:
    """Tell an unknown id (with the nearest ids) from a claim that was never checked."""
    import difflib

    from factcheck.load.project import load_project

    project, _ = load_project(root)
    ids = [c.id for c in project.claims]
    if claim_id in ids:
        return (
            f"no history yet for claim '{claim_id}' in {root / '.factcheck'}; "
            "run `factcheck check` first"
        )
    near = difflib.get_close_matches(claim_id, ids, n=3)
    hint = f"; did you mean {', '.join(near)}?" if near else ""
    return f"unknown claim id '{claim_id}' (not in the claims nor in the history){hint}"


@click.command()
@ROOT_OPTION
@trust_options
def lock(root: Path, no_python_schemas: bool, limits: tuple[tuple[str, int], ...]) -> None:
    """Record every claim's verdict, figure and fingerprint, and the data's hashes."""
    from factcheck.drift.lock import LockError, write_lock
    from factcheck.run import Options, run_check

    outcome = run_check(Options(root=root, policy=policy_of(no_python_schemas, limits)))
    if outcome.report is None:
        print_problems(outcome.problems)
        sys.exit(int(ExitCode.CONFIG))
    assert outcome.project is not None  # a run with a report read its project
    report = outcome.report
    try:
        path = write_lock(outcome.project.root, report)
    except LockError as exc:
        raise ConfigError(exc.message) from None
    echo(f"locked {len(report.claims)} claims and {len(report.datasets)} datasets in {path.name}")
    invalid = [d.name for d in report.datasets if not d.valid]
    if invalid:
        echo(f"note: locked while datasets fail their schema: {', '.join(invalid)}", err=True)


@click.command()
@click.argument("claim_id")
@ROOT_OPTION
def history(claim_id: str, root: Path) -> None:
    """How a claim's figure moved over past runs (.factcheck/history.jsonl)."""
    from factcheck.drift.history import read_history, render_history

    rows = read_history(root, claim_id, warn=lambda message: echo(message, err=True))
    if not rows:
        raise UsageError(_no_history(root, claim_id))
    unicode = sys.stdout.isatty() or "utf" in (sys.stdout.encoding or "").lower()
    echo(render_history(claim_id, rows, unicode=unicode), nl=False, block=True)


@click.command()
@click.argument("old", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def diff(old: Path, new: Path, fmt: str) -> None:
    """Claims added, removed, or changed between two JSON reports; exit 1 if any."""
    from factcheck.drift.diff import diff_reports, differs
    from factcheck.report._common import actual

    result = diff_reports(_read_report(old), _read_report(new))
    if fmt == "json":
        echo(json.dumps({"differs": differs(result), **result}, indent=2,
                        ensure_ascii=False), block=True)  # fmt: skip
    else:
        for seen in result["added"]:
            echo(f"+ {seen['id']} ({seen['verdict']})")
        for seen in result["removed"]:
            echo(f"- {seen['id']} ({seen['verdict']})")
        for item in result["changed"]:
            note = "; its definition changed" if item["definition_changed"] else ""
            echo(
                f"~ {item['id']}: {actual(item['old_actual'])} ({item['old_verdict']})"
                f" -> {actual(item['new_actual'])} ({item['new_verdict']}){note}"
            )
        for data in result["datasets_changed"]:
            old_hash, new_hash = (h[:8] if h else "none" for h in
                                  (data["old_sha256"], data["new_sha256"]))  # fmt: skip
            echo(f"  data {data['name']}: {old_hash} -> {new_hash}")
        if not differs(result):
            echo("no differences in the claims")
    sys.exit(1 if differs(result) else 0)


MAX_REPORT_BYTES = 1024 * 2**20


def _read_report(path: Path) -> RunReport:
    from factcheck.drift.diff import is_report
    from factcheck.results import RunReport

    try:
        report: object = json.loads(
            read_limited(path, MAX_REPORT_BYTES, "a report").decode("utf-8")
        )
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else exc
        raise UsageError(f"{path}: not a factcheck JSON report ({reason})") from None
    if not is_report(report):
        raise UsageError(
            f"{path}: not a factcheck JSON report (write one with "
            "`factcheck check --format json:FILE`)"
        )
    return RunReport.from_dict(report)
