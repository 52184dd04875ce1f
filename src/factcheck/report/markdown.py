"""Markdown for a pull-request comment: problems first, then counts, passes folded away."""

from __future__ import annotations

from typing import Any

from factcheck.report._common import actual, summary_line

ICONS = {"fail": "❌", "error": "⛔", "warn": "⚠️", "pass": "✅", "skip": "⏭️"}


def cell(text: Any) -> str:
    """One table cell: no pipes or newlines may break the table; HTML stays text."""
    value = "" if text is None else str(text)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def render(report: dict[str, Any], **_: Any) -> str:
    claims = report["claims"]
    counts = report["summary"]
    bad = [c for c in claims if c["verdict"] in ("fail", "error", "warn")]
    order = {"fail": 0, "error": 1, "warn": 2}
    bad.sort(key=lambda c: (order[c["verdict"]], c["file"], c["line"]))
    head = (
        "factcheck: all claims hold"
        if not counts["fail"] + counts["error"]
        else (f"factcheck: {counts['fail'] + counts['error']} claim(s) do not hold")
    )
    lines = [f"### {head}", ""]
    if bad:
        lines += ["| | claim | quote | claimed | actual | why |", "|---|---|---|---|---|---|"]
        for c in bad:
            where = f"`{c['id']}` ({cell(c['file'])}:{c['line']})"
            lines.append(
                f"| {ICONS[c['verdict']]} {c['verdict']} | {where} | {cell(c['quote'])} | "
                f"{cell(c['claim'])} | {cell(actual(c['actual']))} | {cell(c['explanation'])} |"
            )
        lines.append("")
    lines += [f"**{summary_line(report)}**", ""]
    invalid = [d for d in report["datasets"] if not d["valid"]]
    for dataset in invalid:
        lines.append(f"⛔ dataset `{dataset['name']}` ({cell(dataset['path'])}) failed its schema:")
        for failure in dataset["failures"]:
            lines.append(
                f"- {cell(failure.get('column') or '')} {cell(failure['check'])}: "
                f"{failure['count']} row(s)"
            )
        lines.append("")
    drift = report.get("drift")
    if drift and drift.get("claims"):
        lines.append(f"**Drift against {cell(drift.get('lock'))}:**")
        for item in drift["claims"]:
            lines.append(
                f"- `{item['id']}`: {cell(actual(item.get('old_actual')))} "
                f"({item.get('old_verdict')}) → {cell(actual(item.get('new_actual')))} "
                f"({item.get('new_verdict')})"
            )
        lines.append("")
    for verdict, label in (("pass", "passed"), ("skip", "skipped")):
        chosen = [c for c in claims if c["verdict"] == verdict]
        if chosen:
            lines.append(f"<details><summary>{len(chosen)} {label}</summary>\n")
            for c in chosen:
                lines.append(
                    f"- `{c['id']}`: {cell(c['claim'])} = {cell(actual(c['actual']))} "
                    f"— {cell(c['explanation'])}"
                )
            lines += ["", "</details>", ""]
    return "\n".join(lines)
