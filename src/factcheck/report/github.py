"""GitHub Actions: workflow commands that annotate each claim's line, and a job summary.

`render` is pure: it returns the commands (`::error file=...,line=...,title=...::message`
for fail and error, `::warning` for warn) and a last plain line with the counts.
`write_step_summary` is the one side effect: it appends the Markdown report to the file
named by GITHUB_STEP_SUMMARY, which GitHub shows on the run's page.

Escaping follows GitHub's toolkit (`@actions/core` command.ts): in the message `%`, CR and
LF become %25, %0D, %0A; in properties `:` and `,` also become %3A and %2C.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from factcheck.report._common import (
    drift_place,
    drift_reason,
    drifted,
    flagged,
    prepare,
    reading_lines,
    summary_line,
    uncovered_figures,
)
from factcheck.results import JsonObject, RunReport
from factcheck.safetext import neutralise

COMMANDS = {"fail": "error", "error": "error", "warn": "warning"}


def escape_data(text: str) -> str:
    # Other control characters (ESC recolours the log) are escaped visibly by safetext.
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return neutralise(text)


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}"


def render(report: RunReport | JsonObject) -> str:
    report = prepare(report)
    lines = [
        command(
            COMMANDS[claim.verdict],
            "; ".join([claim.explanation or claim.verdict, *reading_lines(claim)]),
            file=claim.file,
            line=max(1, claim.line),
            title=f"factcheck {claim.verdict}{flagged(claim)}: {claim.id}",
        )
        for claim in report.claims
        if claim.verdict in COMMANDS
    ]
    lines += [
        command(
            "warning",
            f'"{figure.text}" in the article is in no claim\'s quote (see factcheck coverage)',
            file=file,
            line=max(1, figure.line),
            col=max(1, figure.col),
            title="factcheck: a figure without a claim",
        )
        for file, figure in uncovered_figures(report)
    ]
    for item in drifted(report):
        file, line = drift_place(report, item)
        lines.append(
            command(
                "error",
                f"drifted since the lock: {drift_reason(item)}",
                file=file,
                line=line,
                title=f"factcheck drift: {item.id}",
            )
        )
    # A plain log line (not a command); escaped so it can never be read as one.
    lines.append(escape_data(f"factcheck: {summary_line(report)}"))
    return "\n".join(lines) + "\n"


def write_step_summary(report: RunReport | JsonObject, env: Mapping[str, str]) -> Path | None:
    """Append the Markdown report to $GITHUB_STEP_SUMMARY; return the file, or None when
    the variable is unset (not running in GitHub Actions)."""
    from factcheck.report.markdown import render as markdown

    target = env.get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    path = Path(target)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(markdown(report) + "\n")
    return path
