"""The drift commands: lock, history, diff."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from factcheck.exitcodes import ExitCode


def register(group: click.Group) -> None:
    from factcheck.cli import ROOT_OPTION

    @group.command()
    @ROOT_OPTION
    def lock(root: Path) -> None:
        """Record every claim's verdict, figure and fingerprint, and the data's hashes."""
        from factcheck.cli import print_problems
        from factcheck.drift.lock import write_lock
        from factcheck.run import Options, run_check

        outcome = run_check(Options(root=root))
        if outcome.report is None:
            print_problems(outcome.problems)
            sys.exit(int(ExitCode.CONFIG))
        path = write_lock(outcome.project.root, outcome.report)
        report = outcome.report
        click.echo(
            f"locked {len(report['claims'])} claims and {len(report['datasets'])} "
            f"datasets in {path.name}"
        )
        invalid = [d["name"] for d in report["datasets"] if not d["valid"]]
        if invalid:
            click.echo(
                f"note: locked while datasets fail their schema: {', '.join(invalid)}", err=True
            )

    @group.command()
    @click.argument("claim_id")
    @ROOT_OPTION
    def history(claim_id: str, root: Path) -> None:
        """How a claim's figure moved over past runs (.factcheck/history.jsonl)."""
        from factcheck.drift.history import read_history, sparkline
        from factcheck.report._common import actual

        rows = read_history(root, claim_id)
        if not rows:
            raise click.ClickException(
                f"no history for claim '{claim_id}' in {root}/.factcheck/"
                " (run `factcheck check` first; ids are case-sensitive)"
            )
        click.echo(f"{claim_id}: {len(rows)} run(s)")
        for row in rows:
            hashes = ",".join(f"{k}:{v[:8]}" for k, v in sorted(row["datasets"].items()))
            click.echo(
                f"  {row['time']}  {row['verdict']:<5}  {actual(row['actual'], 4):>14}  {hashes}"
            )
        numbers = [r["actual"] for r in rows if isinstance(r["actual"], int | float)]
        if len(numbers) > 1:
            click.echo(f"  {sparkline(numbers)}  {actual(min(numbers))} .. {actual(max(numbers))}")

    @group.command()
    @click.argument("old", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.argument("new", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
    def diff(old: Path, new: Path, fmt: str) -> None:
        """Claims added, removed, or changed between two JSON reports; exit 1 if any."""
        from factcheck.drift.diff import diff_reports
        from factcheck.report._common import actual

        reports = []
        for path in (old, new):
            try:
                report = json.loads(path.read_text(encoding="utf-8"))
                assert isinstance(report, dict) and report.get("factcheck_report") == 1
                reports.append(report)
            except (OSError, ValueError, AssertionError):
                raise click.ClickException(f"{path}: not a factcheck JSON report") from None
        result = diff_reports(*reports)
        if fmt == "json":
            click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        else:
            for item in result["added"]:
                click.echo(f"+ {item['id']} ({item['verdict']})")
            for item in result["removed"]:
                click.echo(f"- {item['id']} ({item['verdict']})")
            for item in result["changed"]:
                click.echo(
                    f"~ {item['id']}: {actual(item['old_actual'])} ({item['old_verdict']})"
                    f" -> {actual(item['new_actual'])} ({item['new_verdict']})"
                )
            if not any(result.values()):
                click.echo("no differences")
        sys.exit(1 if any(result.values()) else 0)
