"""Formatting shared by every renderer, so all formats show a figure the same way."""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.results import (
    VERDICTS,
    ClaimResult,
    DriftItem,
    Figure,
    JsonObject,
    MetricDetail,
    RunReport,
    SourceReport,
    UncoveredFigure,
)

# Problems before successes: what a reader must act on comes first.
VERDICT_ORDER = ("fail", "error", "warn", "pass", "skip")
PROBLEMS = ("fail", "error", "warn")


def number(value: object) -> str:
    """336776 -> "336,776", 38.5454 -> "38.55", 0.74862 -> "0.7486", None -> "—"."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return f"{int(value):,}"
        if abs(value) < 1:
            # Shares and fractions: four significant digits tell 0.7486 from 0.75.
            return f"{value:.4g}"
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def actual(value: object, limit: int = 8) -> str:
    """A claim's actual figure: a number, a key, or groups (`2025-03: 1,012; 2025-04: 848`)."""
    if isinstance(value, dict):
        items = [f"{k}: {number(v)}" for k, v in value.items()]
        more = f"; … {len(items) - limit} more" if len(items) > limit else ""
        return "; ".join(items[:limit]) + more
    return number(value)


def one_line(value: object) -> str:
    """Text from an article or a YAML file, made safe for one line of a log or terminal:
    newlines and tabs become spaces, control characters (a stray ESC could recolour a
    terminal) are escaped visibly, a workflow-command prefix is broken (safetext)."""
    from factcheck.safetext import neutralise

    return neutralise(value, one_line=True)


def http_url(value: object) -> str | None:
    """A URL a reader may follow: http(s) with a host, nothing invisible in it; None for
    `javascript:`, `data:`, `file:` or anything else a YAML file might hold."""
    from urllib.parse import urlsplit

    text = str(value or "").strip()
    if not text or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:  # an invalid IPv6 host, say
        return None
    return text if parts.scheme.lower() in ("http", "https") and parts.hostname else None


# How each evidence kind reads after a count: "8 on independent data, 11 circular".
EVIDENCE_WORDS = {
    "direct": "on independent data",
    "proxy": "on proxy data",
    "circular": "circular",
    "manual": "by hand",
}
# What a flag beside a claim says: direct evidence needs no flag.
EVIDENCE_FLAGS = {"proxy": "proxy", "circular": "circular"}


def evidence_flag(claim: ClaimResult) -> str | None:
    """`proxy` or `circular` beside a claim; None for direct data, a hand check, a skip."""
    return EVIDENCE_FLAGS.get(claim.evidence_kind or "")


def flagged(claim: ClaimResult) -> str:
    """` (circular)`, ` (proxy)` after a claim's reason: evidence weaker than direct data."""
    flag = evidence_flag(claim)
    return f" ({flag})" if flag else ""


def evidence_breakdown(report: RunReport, verdict: str) -> str:
    """` (8 on independent data, 11 circular, 4 by hand)` for a verdict some of whose claims
    rest on anything but direct data; empty otherwise (and for pre-v1.1 reports)."""
    kinds = report.summary.evidence or {}
    tally = {kind: (kinds.get(kind) or {}).get(verdict, 0) for kind in EVIDENCE_WORDS}
    if not any(n for kind, n in tally.items() if kind != "direct"):
        return ""
    return " (" + ", ".join(f"{n} {EVIDENCE_WORDS[k]}" for k, n in tally.items() if n) + ")"


def reading_lines(claim: ClaimResult) -> list[str]:
    """Each listed reading of a claim, one line each:
    `counted from 17 June: "between 10 and 14" = 15 — fail: 15 is outside 10-14`."""
    return [
        one_line(f'{r.label}: "{r.claim}" = {actual(r.actual, 4)} — {r.verdict}: {r.explanation}')
        for r in claim.readings
    ]


def drifted(report: RunReport) -> list[DriftItem]:
    """The claims that drifted since the lock (`--locked`), in the drift section's order."""
    return list(report.drift.claims) if report.drift is not None else []


def drift_place(report: RunReport, item: DriftItem) -> tuple[str, int]:
    """Where a drifted claim is written (file, line); a claim removed from the claims
    files is only in the lock, so it points at the lock."""
    claim = report.claim(item.id)
    if claim is None:
        return str((report.drift.lock if report.drift else None) or "factcheck.lock"), 1
    return claim.file, max(1, claim.line)


def drift_reason(item: DriftItem) -> str:
    """What moved since the lock, in words: `1,000 (pass) -> 1,050 (pass); data changed:
    orders`. When the figures print alike, the digits (or groups) that differ are shown,
    and a figure that did not move says so, so the line never reads "7.1 -> 7.1"."""
    if item.added:
        return f"new since the lock ({item.new_verdict}); run `factcheck lock`"
    if item.removed:
        return "in the lock but no longer in the claims"
    old, new = item.old_actual, item.new_actual
    if old != new:
        before, after = _moved_parts(old, new)
        text = f"{before} ({item.old_verdict}) -> {after} ({item.new_verdict})"
    elif item.old_verdict != item.new_verdict:
        text = f"figure {actual(new)} unchanged, verdict {item.old_verdict} -> {item.new_verdict}"
    else:
        text = f"figure {actual(new)} and verdict {item.new_verdict} unchanged"
    if item.definition_changed:
        text += "; its definition changed since the lock"
    if item.datasets_changed:
        text += "; data changed: " + ", ".join(item.datasets_changed)
    return text


def _moved_parts(old: Figure, new: Figure) -> tuple[str, str]:
    """The two figures as printed; for groups only the groups that moved; exact digits
    when rounding for print would hide the move."""
    if isinstance(old, dict) and isinstance(new, dict):
        keys = [k for k in {**old, **new} if old.get(k) != new.get(k)]
        old, new = {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}
    before, after = actual(old), actual(new)
    if before == after:
        before, after = _exact(old), _exact(new)
    return before, after


def _exact(value: object) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_exact(v)}" for k, v in value.items())
    return repr(value) if isinstance(value, float) else actual(value)


def summary_line(report: RunReport) -> str:
    """`12 claims: 5 pass (3 on independent data, 2 circular), 2 warn, 3 fail, 1 error,
    1 skip`: the evidence behind a verdict is given when not all of it is direct."""
    tally = report.summary.counts
    total = report.summary.total
    parts = ", ".join(f"{tally[v]} {v}{evidence_breakdown(report, v)}" for v in VERDICTS)
    return f"{total} claim{'s' if total != 1 else ''}: {parts}"


def by_file(report: RunReport) -> dict[str, list[ClaimResult]]:
    """Claims grouped by claims file, files and claims in report order (stable)."""
    out: dict[str, list[ClaimResult]] = {}
    for claim in report.claims:
        out.setdefault(claim.file, []).append(claim)
    return out


def source_of(report: RunReport, file: str) -> SourceReport:
    """The article a claims file checks (a bare one, every field None, when unknown)."""
    found = next((s for s in report.sources if s.file == file), None)
    return found if found is not None else SourceReport(file)


def uncovered_figures(report: RunReport) -> list[tuple[str, UncoveredFigure]]:
    """(article file from the project root, figure) for each figure no claim's quote holds."""
    out = []
    for source in report.sources:
        coverage = source.coverage
        if coverage is not None:
            file = coverage.file or source.text or source.file
            out += [(file, figure) for figure in coverage.uncovered]
    return out


def coverage_gap(source: SourceReport) -> str | None:
    """One line when the article has figures no claim quotes, or quotes it does not hold."""
    coverage = source.coverage
    if coverage is None or not (coverage.uncovered or coverage.missing_quotes):
        return None
    parts = []
    if coverage.uncovered:
        figures = ", ".join(f'"{f.text}" ({f.line}:{f.col})' for f in coverage.uncovered[:5])
        more = "…" if len(coverage.uncovered) > 5 else ""
        parts.append(
            f"{len(coverage.uncovered)} of {coverage.figures} figures in "
            f"{source.text} are in no claim's quote: {figures}{more}"
        )
    if coverage.missing_quotes:
        parts.append("quotes not found in the article: " + ", ".join(coverage.missing_quotes))
    return "coverage: " + "; ".join(parts) + " (see factcheck coverage)"


def problems_first(claims: list[ClaimResult]) -> list[ClaimResult]:
    """fail, error, warn claims, worst first, then in file and line order."""
    bad = [c for c in claims if c.verdict in PROBLEMS]
    return sorted(bad, key=lambda c: (PROBLEMS.index(c.verdict), c.file, c.line))


def rounding_text(rounding: dict[str, bool] | None) -> str:
    """Which rounding modes make the claim pass: `half_up: fails, down: passes`."""
    if not rounding:
        return ""
    return ", ".join(f"{mode}: {'passes' if ok else 'fails'}" for mode, ok in rounding.items())


def metric_text(metric: MetricDetail) -> str:
    """One metric in words: `sum(verdicts) of ru_verdicts where month = '2025-04'`."""
    column = f"({metric.column})" if metric.column else ""
    text = f"{metric.aggregate}{column} of {metric.dataset}"
    if metric.where:
        text += f" where {metric.where}"
    if metric.by:
        text += f" by {metric.by}"
        if metric.over:
            text += f" over {metric.over}"
    return text


def prepare(report: RunReport | JsonObject) -> RunReport:
    """The report as every format shows it: read into the model when it is JSON (its
    defaults are the model's), each claim's phrase in words and a group key as text. A new
    report: the caller's is never changed."""
    model = report if isinstance(report, RunReport) else RunReport.from_dict(report)
    return replace(model, claims=[_shown(c) for c in model.claims])


def _shown(claim: ClaimResult) -> ClaimResult:
    figure = claim.actual
    if is_key_claim(claim) and isinstance(figure, int | float):
        figure = key_text(figure)  # the year 2014, not the number 2,014
    computation = claim.computation
    if computation is not None and computation.metrics:
        computation = replace(computation, metrics=[_metric(m) for m in computation.metrics])
    return replace(claim, claim=phrase_words(claim.claim), actual=figure, computation=computation)


def _metric(metric: MetricDetail) -> MetricDetail:
    """A metric reduced by argmax/argmin has a group key as its value: shown as text."""
    if metric.over in ("argmax", "argmin") and isinstance(metric.value, int | float):
        return replace(metric, value=key_text(metric.value))
    return metric


def is_key_claim(claim: ClaimResult) -> bool:
    """An argmax/argmin claim: its actual figure is a group's key, not a quantity."""
    computation = claim.computation
    if computation is None or computation.expr:
        return False
    return any(m.over in ("argmax", "argmin") for m in computation.metrics)


def key_text(key: object) -> str:
    """A group key as the text it is: 2014.0 (a float read from a column with gaps) is 2014."""
    if isinstance(key, float) and key.is_integer():
        return str(int(key))
    return str(key)


_MAP_WORDS = {"eq": "exactly", "gt": "over", "ge": "at least", "lt": "under",
              "le": "at most", "approx": "about"}  # fmt: skip
_FLOW_MAP = re.compile(r"^\{\s*(.*?)\s*\}$")


def _written(number: str) -> str:
    """A number from a YAML map as an editor writes it: 20662 -> 20,662, 12.60 kept."""
    match = re.fullmatch(r"(-?)(\d+)((?:\.\d+)?%?)", number.strip())
    if not match:
        return number.strip()
    sign, whole, rest = match.groups()
    return f"{sign}{int(whole):,}{rest}"


def phrase_words(text: str) -> str:
    """An explicit map in words: `{approx: 20662, tolerance: 1%}` -> `about 20,662 (±1%)`,
    `{between: [700, 800]}` -> `between 700 and 800`. Every other phrase is left as written."""
    match = _FLOW_MAP.match(text.strip())
    if not match:
        return text
    items: dict[str, str] = {}
    for part in re.split(r",\s*(?![^\[]*\])", match.group(1)):
        key, sep, value = part.partition(":")
        if not sep:
            return text
        items[key.strip()] = value.strip()
    tolerance = items.pop("tolerance", None)
    if len(items) != 1:
        return text
    [(key, value)] = items.items()
    if key == "between":
        ends = [v.strip() for v in value.strip("[] ").split(",")]
        if len(ends) != 2:
            return text
        words = f"between {_written(ends[0])} and {_written(ends[1])}"
    elif key in _MAP_WORDS:
        words = f"{_MAP_WORDS[key]} {_written(value)}"
    else:
        return text
    return f"{words} (±{tolerance})" if tolerance else words
