"""Markdown for a pull-request comment or a job summary (GitHub-flavoured tables).

Order: a title with the counts; the claims that fail, error or warn, in one table, worst
first; the summary line; datasets that failed their schema; drift; skipped claims with
their reasons; passing claims folded in <details>. Text from articles and YAML is escaped
so a quote can neither break the table nor inject HTML.
"""

from __future__ import annotations

import re

from factcheck.report._common import (
    actual,
    coverage_gap,
    drift_reason,
    flagged,
    prepare,
    problems_first,
    reading_lines,
    summary_line,
)
from factcheck.results import ClaimResult, JsonObject, RunReport
from factcheck.safetext import without_controls

ICONS = {"fail": "❌", "error": "⛔", "warn": "⚠️", "pass": "✅", "skip": "⏭️"}


# Markdown syntax that could make a link, an image, emphasis or code from a quote.
_SYNTAX = re.compile(r"([\\`*_\[\]!~|])")
# What GitHub links by itself: URLs and www. (autolinks), @mentions and e-mail addresses,
# #123 issue references. A zero-width space (&#8203;, as Dependabot writes it) breaks each.
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=\bwww)(?=\.)|(?<=@)|(?<=#)(?=\d)", re.IGNORECASE)


def cell(value: object) -> str:
    """Untrusted text (a quote, a YAML word, a data value) for a table cell or a list item,
    shown as the text it is: never a link, image, mention, HTML or a broken table. `|` and
    newlines would end the cell or row; `<`/`&` would be read as HTML; `[`, `!`, `*`, `` ` ``
    and friends are backslash-escaped; NUL, ESC and other controls are removed."""
    text = without_controls(value)  # a PR comment cannot show them
    text = _SYNTAX.sub(r"\\\1", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _AUTOLINK.sub("&#8203;", text)


def code(value: object) -> str:
    """Untrusted text as an inline code span (ids, names): shown literally, so it needs no
    Markdown escapes, only a delimiter longer than any backtick run inside it."""
    text = without_controls(value)
    text = text.replace("|", "\\|")  # a table cell ends at `|`, even in a code span
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def title(report: RunReport) -> str:
    tally = report.summary.counts
    total = report.summary.total
    problems = [f"{tally[v]} {v}" for v in ("fail", "error", "warn") if tally[v]]
    if not problems:
        return f"✅ factcheck: all {total} claims hold ({tally['pass']} pass, {tally['skip']} skip)"
    icon = "⚠️" if not tally["fail"] + tally["error"] else "❌"
    return f"{icon} factcheck: {', '.join(problems)} of {total} claims"


def _sentences(report: RunReport, bad: list[ClaimResult]) -> list[str]:
    """The article's own sentences that fail or warn, quoted, each with its verdict: what an
    editor reads in a pull request without knowing the claim ids."""
    from factcheck.report.article import quoted_sentences

    texts = {s.file: s.article for s in report.sources if s.article}
    quoted: dict[tuple[str, ...], list[str]] = {}  # one quote, however many claims fail it
    for c in bad:
        if c.file in texts:
            verdict = f"{ICONS[c.verdict]} **{c.verdict}** {code(c.id)}: "
            key = tuple(quoted_sentences(texts[c.file], c))
            quoted.setdefault(key, []).append(verdict + cell(c.explanation))
    lines: list[str] = []
    for sentences, verdicts in quoted.items():
        lines += "\n>\n".join(f"> {cell(s)}" for s in sentences).split("\n")
        lines += ["", *(f"- {v}" for v in verdicts), ""]
    return (["**In the article:**", ""] + lines) if lines else []


def render(report: RunReport | JsonObject) -> str:
    report = prepare(report)
    claims = report.claims
    lines = [f"### {title(report)}", ""]

    bad = problems_first(claims)
    if bad:
        lines += [
            "| verdict | claim | quote | claimed | actual | why |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for c in bad:
            lines.append(
                f"| {ICONS[c.verdict]} {c.verdict} "
                f"| {code(c.id)} {cell(c.file)}:{c.line} "
                f"| {cell(c.quote)} | {cell(c.claim)} | {cell(actual(c.actual))} "
                f"| {cell(c.explanation)}{flagged(c)} |"
            )
        lines.append("")

    lines += _sentences(report, bad)
    lines += [f"**{summary_line(report)}**", ""]
    gaps = [gap for gap in map(coverage_gap, report.sources) if gap]
    if gaps:
        lines += [f"⚠️ {cell(gap)}" for gap in gaps] + [""]

    for dataset in report.datasets:
        if dataset.valid:
            continue
        lines.append(f"⛔ dataset {code(dataset.name)} ({cell(dataset.path)}) failed its schema:")
        for failure in dataset.failures:
            column = f"column {code(failure['column'])}: " if failure.get("column") else ""
            examples = ", ".join(
                cell(repr(c.get("failure_case"))) for c in failure.get("failure_cases", [])[:3]
            )
            lines.append(
                f"- {column}{cell(failure['check'])}: {failure.get('count', '?')} row(s)"
                + (f", e.g. {examples}" if examples else "")
            )
        lines.append("")

    drift = report.drift
    if drift is not None and drift.claims:
        lines.append(f"**Drift against {cell(drift.lock or 'the lock')}:**")
        for item in drift.claims:
            lines.append(f"- {code(item.id)}: {cell(drift_reason(item))}")
        lines.append("")

    read = [c for c in claims if c.readings]
    if read:
        lines.append("**Readings** (a claim passes only if every reading does):")
        for c in read:
            lines.append(f"- {code(c.id)} ({cell(c.verdict)}):")
            lines.extend(f"  - {cell(line)}" for line in reading_lines(c))
        lines.append("")

    skipped = [c for c in claims if c.verdict == "skip"]
    if skipped:
        lines.append(f"**{len(skipped)} skipped:**")
        lines.extend(f"- {code(c.id)}: {cell(c.reason or c.explanation)}" for c in skipped)
        lines.append("")

    passed = [c for c in claims if c.verdict == "pass"]
    if passed:
        lines += [f"<details><summary>{len(passed)} passed</summary>", ""]
        for c in passed:
            figure = f" = {cell(actual(c.actual))}" if c.actual is not None else ""
            lines.append(f"- {code(c.id)}: {cell(c.claim)}{figure} — {cell(c.explanation)}")
        lines += ["", "</details>", ""]
    return "\n".join(lines)
