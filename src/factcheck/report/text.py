"""The terminal report: grouped by claims file, one line per claim, a summary line last.

Each claim line is `symbol verdict id "claimed" = actual — explanation`. Colour is the
caller's decision (a terminal without NO_COLOR), never guessed here, so the output of a
pipe or a file stays plain.
"""

from __future__ import annotations

from factcheck.report._common import (
    actual,
    by_file,
    coverage_gap,
    drift_reason,
    evidence_flag,
    metric_text,
    number,
    one_line,
    prepare,
    reading_lines,
    rounding_text,
    source_of,
    summary_line,
)
from factcheck.results import ClaimResult, FailureCase, JsonObject, RunReport
from factcheck.safetext import neutralise

SYMBOLS = {"pass": "✓", "warn": "!", "fail": "✗", "error": "E", "skip": "-"}
COLORS = {"pass": "32", "warn": "33", "fail": "31", "error": "35", "skip": "2"}
PAD = " " * 6  # details sit under the claim id
WIDTH = 100  # a quote is shortened to this many characters when not told the terminal's


def render(
    report: RunReport | JsonObject,
    *,
    color: bool = False,
    quiet: bool = False,
    verbose: bool = False,
    width: int | None = None,
) -> str:
    """quiet: only fail/warn/error claims; verbose: each claim's computation below it;
    width: the terminal's columns, to which each claim's quote is shortened."""
    report = prepare(report)

    def paint(verdict: str, text: str) -> str:
        return f"\033[{COLORS[verdict]}m{text}\033[0m" if color else text

    lines: list[str] = []
    for file, claims in by_file(report).items():
        # Deselected claims (--select, --tag) are counted on one line, not listed.
        unselected = [c for c in claims if c.deselected]
        claims = [c for c in claims if not c.deselected]
        shown = [c for c in claims if not quiet or c.verdict in ("fail", "warn", "error")]
        if not shown:
            continue
        source = source_of(report, file)
        title = f" — {one_line(source.title)}" if source.title else ""
        lines.append(f"{one_line(file)}{title}")
        for claim in shown:
            verdict = claim.verdict
            head = paint(verdict, f"  {SYMBOLS[verdict]} {verdict:<5}")
            figure = "" if claim.actual is None else f" = {one_line(actual(claim.actual, 4))}"
            evidence = evidence_flag(claim)
            flag = f" [{evidence}]" if evidence else ""
            lines.append(
                f'{head} {one_line(claim.id)}: "{one_line(claim.claim)}"{figure}{flag}'
                f" — {one_line(claim.explanation)}"
            )
            if claim.quote:
                lines.append(PAD + _shortened(f"“{one_line(claim.quote)}”", width))
            lines.extend(f"{PAD}reading {one_line(line)}" for line in reading_lines(claim))
            if verbose:
                lines.extend(PAD + one_line(detail) for detail in _details(claim))
        if unselected:
            lines.append(f"  - {len(unselected)} not selected")
        gap = coverage_gap(source)
        if gap:
            lines.append(f"  ! {one_line(gap)}")
        lines.append("")

    for dataset in report.datasets:
        if dataset.valid:
            continue
        lines.append(
            paint("error", one_line(f"dataset {dataset.name} ({dataset.path}) failed its schema:"))
        )
        for failure in dataset.failures:
            examples = ", ".join(
                f"{c.get('failure_case')!r} ({_where_row(c)})"
                for c in failure.get("failure_cases", [])[:5]
            )
            column = f"column {failure['column']}: " if failure.get("column") else ""
            lines.append(
                one_line(
                    f"    {column}{failure['check']}: {failure.get('count', '?')} row(s)"
                    + (f", e.g. {examples}" if examples else "")
                )
            )
        lines.append("")

    drift = report.drift
    if drift is not None and drift.claims:
        lines.append(one_line(f"drift against {drift.lock or 'the lock'}:"))
        lines.extend(one_line(f"  {item.id}: {drift_reason(item)}") for item in drift.claims)
        lines.append("")

    lines.append(summary_line(report))
    # Every value above is one_line'd; this breaks a workflow command that a value at the
    # start of a line (a claims file's name) would begin. Our colour codes start no value.
    return (
        "\n".join(line if line.startswith("\033[") else neutralise(line) for line in lines) + "\n"
    )


def _shortened(text: str, width: int | None) -> str:
    """The text cut to fit the line after PAD, with an ellipsis where it was cut."""
    room = max(20, (width or WIDTH) - len(PAD))
    return text if len(text) <= room else text[: room - 2] + "…”"


def _details(claim: ClaimResult) -> list[str]:
    out: list[str] = []
    if claim.rule:
        out.append(f"rule: {claim.rule}")
    if claim.rounding:
        out.append(f"rounding: {rounding_text(claim.rounding)}")
    computation = claim.computation
    for metric in computation.metrics if computation is not None else []:
        rows = metric.rows
        plural = "" if rows == 1 else "s"
        out.append(f"{metric.name} = {metric_text(metric)}: {number(rows)} row{plural}")
        if metric.groups:
            out.append(f"  groups: {actual(metric.groups, 40)}")
        elif metric.value is not None:
            out.append(f"  value: {actual(metric.value)}")
    if computation is not None and computation.expr:
        out.append(f"expr: {computation.expr}")
    out.extend(f"  {step}" for step in (computation.steps if computation else []))
    manual = claim.manual
    # Manual and skipped claims usually say who/why in their explanation already.
    if manual is not None and manual.evidence not in claim.explanation:
        out.append(
            f"checked by {manual.by} on {manual.on}: {manual.verdict}; evidence: {manual.evidence}"
        )
    if claim.reason and claim.reason not in claim.explanation:
        out.append(f"reason: {claim.reason}")
    if claim.note:
        out.append(f"note: {claim.note}")
    return out


def _where_row(case: FailureCase) -> str:
    """A failing row as the editor finds it: the file's line, else a 1-based row number."""
    if case.get("line"):
        return f"line {case['line']}"
    index = case.get("index")
    return f"row {index + 1}" if isinstance(index, int) else f"row {index}"
