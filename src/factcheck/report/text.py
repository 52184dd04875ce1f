"""The terminal report: grouped by claims file, one line per claim, a summary line."""

from __future__ import annotations

from typing import Any

from factcheck.report._common import actual, by_file, source_of, summary_line

SYMBOLS = {"pass": "✓", "warn": "!", "fail": "✗", "error": "E", "skip": "-"}
COLORS = {"pass": "32", "warn": "33", "fail": "31", "error": "35", "skip": "2"}


def render(
    report: dict[str, Any], *, color: bool = False, quiet: bool = False, verbose: bool = False
) -> str:
    def paint(verdict: str, text: str) -> str:
        return f"\033[{COLORS[verdict]}m{text}\033[0m" if color else text

    lines: list[str] = []
    for dataset in report["datasets"]:
        if not dataset["valid"]:
            lines.append(
                paint("error", f"dataset {dataset['name']} ({dataset['path']}) failed its schema:")
            )
            for failure in dataset["failures"]:
                examples = ", ".join(repr(c["failure_case"]) for c in failure["failure_cases"])
                column = f"column {failure['column']}: " if failure["column"] else ""
                lines.append(
                    f"    {column}{failure['check']} — {failure['count']} row(s), e.g. {examples}"
                )
    for file, claims in by_file(report).items():
        shown = [c for c in claims if not quiet or c["verdict"] in ("fail", "warn", "error")]
        if not shown:
            continue
        source = source_of(report, file)
        title = f" — {source['title']}" if source.get("title") else ""
        lines.append(f"{file}{title}")
        for claim in shown:
            verdict = claim["verdict"]
            head = paint(verdict, f"  {SYMBOLS[verdict]} {verdict:<5}")
            figure = "" if claim["actual"] is None else f" = {actual(claim['actual'], 4)}"
            lines.append(f"{head} {claim['id']}: {claim['claim']!r}{figure}")
            lines.append(f"          {claim['explanation']}")
            if verbose:
                lines.extend(_details(claim))
    drift = report.get("drift")
    if drift and drift.get("claims"):
        lines.append(f"drift against {drift.get('lock', 'factcheck.lock')}:")
        for item in drift["claims"]:
            lines.append(f"  {item['id']}: {_drift_reason(item)}")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def _details(claim: dict[str, Any]) -> list[str]:
    out = []
    pad = "          "
    if claim.get("rule"):
        out.append(f"{pad}rule: {claim['rule']}")
    if claim.get("rounding"):
        modes = ", ".join(
            f"{k}: {'passes' if v else 'fails'}" for k, v in claim["rounding"].items()
        )
        out.append(f"{pad}rounding: {modes}")
    computation = claim.get("computation") or {}
    for metric in computation.get("metrics", []):
        where = f" where {metric['where']}" if metric.get("where") else ""
        by = f" by {metric['by']} over {metric['over']}" if metric.get("by") else ""
        column = f"({metric['column']})" if metric.get("column") else ""
        out.append(
            f"{pad}{metric['name']} = {metric['aggregate']}{column} of "
            f"{metric['dataset']}{where}{by}: {metric['rows']} rows -> "
            f"{actual(metric.get('groups') or metric.get('value'))}"
        )
    for step in computation.get("steps", []):
        out.append(f"{pad}{step}")
    if claim.get("note"):
        out.append(f"{pad}note: {claim['note']}")
    return out


def _drift_reason(item: dict[str, Any]) -> str:
    if item.get("added"):
        return f"new since the lock ({item.get('new_verdict')}); run `factcheck lock`"
    if item.get("removed"):
        return "in the lock but no longer in the claims"
    text = (
        f"{actual(item.get('old_actual'))} ({item.get('old_verdict')}) -> "
        f"{actual(item.get('new_actual'))} ({item.get('new_verdict')})"
    )
    if item.get("definition_changed"):
        text += "; its definition changed since the lock"
    if item.get("datasets_changed"):
        text += "; data changed: " + ", ".join(item["datasets_changed"])
    return text
