"""GitHub Actions: workflow commands that annotate each claim's line, and a job summary."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

COMMANDS = {"fail": "error", "error": "error", "warn": "warning"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: dict[str, Any], **_: Any) -> str:
    lines = []
    for claim in report["claims"]:
        command = COMMANDS.get(claim["verdict"])
        if command is None:
            continue
        title = _property(f"factcheck {claim['verdict']}: {claim['id']}")
        lines.append(
            f"::{command} file={_property(claim['file'])},line={claim['line']},"
            f"title={title}::{_data(claim['explanation'])}"
        )
    counts = report["summary"]
    lines.append(_data(", ".join(f"{counts[v]} {v}" for v in counts)))
    return "\n".join(lines) + "\n"


def write_step_summary(report: dict[str, Any], env: Mapping[str, str]) -> None:
    """Append the Markdown report to the job summary GitHub shows on the run's page."""
    from factcheck.report.markdown import render as markdown

    path = env.get("GITHUB_STEP_SUMMARY")
    if path:
        with Path(path).open("a", encoding="utf-8") as handle:
            handle.write(markdown(report) + "\n")
