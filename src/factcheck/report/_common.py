"""Formatting shared by every renderer, so all formats show a figure the same way."""

from __future__ import annotations

import re
from typing import Any

from factcheck.results import VERDICTS, RunReport

# Problems before successes: what a reader must act on comes first.
VERDICT_ORDER = ("fail", "error", "warn", "pass", "skip")
PROBLEMS = ("fail", "error", "warn")


def number(value: Any) -> str:
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


def actual(value: Any, limit: int = 8) -> str:
    """A claim's actual figure: a number, a key, or groups (`2025-03: 1,012; 2025-04: 848`)."""
    if isinstance(value, dict):
        items = [f"{k}: {number(v)}" for k, v in value.items()]
        more = f"; … {len(items) - limit} more" if len(items) > limit else ""
        return "; ".join(items[:limit]) + more
    return number(value)


def one_line(value: Any) -> str:
    """Text from an article or a YAML file, made safe for one line of a log or terminal:
    newlines and tabs become spaces, control characters (a stray ESC could recolour a
    terminal) are escaped visibly, a workflow-command prefix is broken (safetext)."""
    from factcheck.safetext import neutralise

    return neutralise(value, one_line=True)


def http_url(value: Any) -> str | None:
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


def counts(report: dict[str, Any]) -> dict[str, int]:
    summary = report.get("summary") or {}
    return {v: int(summary.get(v, 0)) for v in VERDICTS}


# How each evidence kind reads after a count: "8 on independent data, 11 circular".
EVIDENCE_WORDS = {
    "direct": "on independent data",
    "proxy": "on proxy data",
    "circular": "circular",
    "manual": "by hand",
}
# What a flag beside a claim says: direct evidence needs no flag.
EVIDENCE_FLAGS = {"proxy": "proxy", "circular": "circular"}


def evidence_of(claim: dict[str, Any]) -> str | None:
    """A claim's evidence kind; a report from before v1.1 has only `circular`."""
    if claim.get("evidence") is not None:
        return str(claim["evidence"])
    return "circular" if claim.get("circular") else None


def evidence_breakdown(report: dict[str, Any], verdict: str) -> str:
    """` (8 on independent data, 11 circular, 4 by hand)` for a verdict some of whose claims
    rest on anything but direct data; empty otherwise (and for pre-v1.1 reports)."""
    kinds = (report.get("summary") or {}).get("evidence") or {}
    tally = {kind: int((kinds.get(kind) or {}).get(verdict, 0)) for kind in EVIDENCE_WORDS}
    if not any(n for kind, n in tally.items() if kind != "direct"):
        return ""
    return " (" + ", ".join(f"{n} {EVIDENCE_WORDS[k]}" for k, n in tally.items() if n) + ")"


def reading_lines(claim: dict[str, Any]) -> list[str]:
    """Each listed reading of a claim, one line each:
    `counted from 17 June: "between 10 and 14" = 15 — fail: 15 is outside 10-14`."""
    return [
        one_line(
            f'{r.get("label")}: "{r.get("claim")}" = {actual(r.get("actual"), 4)} — '
            f"{r.get('verdict')}: {r.get('explanation')}"
        )
        for r in claim.get("readings") or []
    ]


def drifted(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The claims that drifted since the lock (`--locked`), in the drift section's order."""
    return list((report.get("drift") or {}).get("claims") or [])


def drift_place(report: dict[str, Any], item: dict[str, Any]) -> tuple[str, int]:
    """Where a drifted claim is written (file, line); a claim removed from the claims
    files is only in the lock, so it points at the lock."""
    claim = next((c for c in report.get("claims") or [] if c.get("id") == item.get("id")), None)
    if claim is None:
        return str((report.get("drift") or {}).get("lock") or "factcheck.lock"), 1
    return str(claim.get("file") or ""), max(1, int(claim.get("line") or 1))


def drift_reason(item: dict[str, Any]) -> str:
    """What moved since the lock, in words: `1,000 (pass) -> 1,050 (pass); data changed:
    orders`. When the figures print alike, the digits (or groups) that differ are shown,
    and a figure that did not move says so, so the line never reads "7.1 -> 7.1"."""
    if item.get("added"):
        return f"new since the lock ({item.get('new_verdict')}); run `factcheck lock`"
    if item.get("removed"):
        return "in the lock but no longer in the claims"
    old, new = item.get("old_actual"), item.get("new_actual")
    old_verdict, new_verdict = item.get("old_verdict"), item.get("new_verdict")
    if old != new:
        before, after = _moved_parts(old, new)
        text = f"{before} ({old_verdict}) -> {after} ({new_verdict})"
    elif old_verdict != new_verdict:
        text = f"figure {actual(new)} unchanged, verdict {old_verdict} -> {new_verdict}"
    else:
        text = f"figure {actual(new)} and verdict {new_verdict} unchanged"
    if item.get("definition_changed"):
        text += "; its definition changed since the lock"
    if item.get("datasets_changed"):
        text += "; data changed: " + ", ".join(item["datasets_changed"])
    return text


def _moved_parts(old: Any, new: Any) -> tuple[str, str]:
    """The two figures as printed; for groups only the groups that moved; exact digits
    when rounding for print would hide the move."""
    if isinstance(old, dict) and isinstance(new, dict):
        keys = [k for k in {**old, **new} if old.get(k) != new.get(k)]
        old, new = {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}
    before, after = actual(old), actual(new)
    if before == after:
        before, after = _exact(old), _exact(new)
    return before, after


def _exact(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_exact(v)}" for k, v in value.items())
    return repr(value) if isinstance(value, float) else actual(value)


def summary_line(report: dict[str, Any]) -> str:
    """`12 claims: 5 pass (3 on independent data, 2 circular), 2 warn, 3 fail, 1 error,
    1 skip`: the evidence behind a verdict is given when not all of it is direct."""
    tally = counts(report)
    total = sum(tally.values())
    parts = ", ".join(f"{tally[v]} {v}{evidence_breakdown(report, v)}" for v in VERDICTS)
    return f"{total} claim{'s' if total != 1 else ''}: {parts}"


def by_file(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Claims grouped by claims file, files and claims in report order (stable)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for claim in report.get("claims", []):
        out.setdefault(claim["file"], []).append(claim)
    return out


_SOURCE_DEFAULTS: dict[str, Any] = dict.fromkeys(("title", "publisher", "published", "url", "text"))


def source_of(report: dict[str, Any], file: str) -> dict[str, Any]:
    """The article a claims file checks (every key present; None when unknown)."""
    found = next((s for s in report.get("sources") or [] if s.get("file") == file), {})
    return {**_SOURCE_DEFAULTS, **found, "file": file}


def uncovered_figures(report: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(article file from the project root, figure) for each figure no claim's quote holds."""
    out = []
    for source in report.get("sources") or []:
        coverage = source.get("coverage") or {}
        file = coverage.get("file") or source.get("text") or source.get("file") or ""
        out += [(file, figure) for figure in coverage.get("uncovered") or []]
    return out


def coverage_gap(source: dict[str, Any]) -> str | None:
    """One line when the article has figures no claim quotes, or quotes it does not hold."""
    coverage = source.get("coverage")
    if not coverage or not (coverage["uncovered"] or coverage["missing_quotes"]):
        return None
    parts = []
    if coverage["uncovered"]:
        figures = ", ".join(
            f'"{f["text"]}" ({f["line"]}:{f["col"]})' for f in coverage["uncovered"][:5]
        )
        more = "…" if len(coverage["uncovered"]) > 5 else ""
        parts.append(
            f"{len(coverage['uncovered'])} of {coverage['figures']} figures in "
            f"{source['text']} are in no claim's quote: {figures}{more}"
        )
    if coverage["missing_quotes"]:
        parts.append("quotes not found in the article: " + ", ".join(coverage["missing_quotes"]))
    return "coverage: " + "; ".join(parts) + " (see factcheck coverage)"


def problems_first(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """fail, error, warn claims, worst first, then in file and line order."""
    bad = [c for c in claims if c["verdict"] in PROBLEMS]
    return sorted(bad, key=lambda c: (PROBLEMS.index(c["verdict"]), c["file"], c.get("line", 0)))


def rounding_text(rounding: dict[str, bool] | None) -> str:
    """Which rounding modes make the claim pass: `half_up: fails, down: passes`."""
    if not rounding:
        return ""
    return ", ".join(f"{mode}: {'passes' if ok else 'fails'}" for mode, ok in rounding.items())


def metric_text(metric: dict[str, Any]) -> str:
    """One metric in words: `sum(verdicts) of ru_verdicts where month = '2025-04'`."""
    column = f"({metric['column']})" if metric.get("column") else ""
    text = f"{metric.get('aggregate', 'count')}{column} of {metric.get('dataset')}"
    if metric.get("where"):
        text += f" where {metric['where']}"
    if metric.get("by"):
        text += f" by {metric['by']}"
        if metric.get("over"):
            text += f" over {metric['over']}"
    return text


def normalize(report: dict[str, Any]) -> dict[str, Any]:
    """A copy with every optional key present (defaults from the report's model,
    factcheck.results), so a report holding only the contract's keys (section 7) renders in
    every format. The caller's dict is never changed."""
    out = RunReport.complete(report)
    out["claims"] = [_claim(c) for c in out["claims"]]
    return out


def _claim(claim: dict[str, Any]) -> dict[str, Any]:
    out = dict(claim)
    out["claim"] = phrase_words(str(out["claim"]))
    if is_key_claim(out) and isinstance(out["actual"], int | float):
        out["actual"] = key_text(out["actual"])  # the year 2014, not the number 2,014
    computation = out.get("computation")
    if computation and computation.get("metrics"):
        out["computation"] = {
            **computation,
            "metrics": [_metric(m) for m in computation["metrics"]],
        }
    return out


def _metric(metric: dict[str, Any]) -> dict[str, Any]:
    """A metric reduced by argmax/argmin has a group key as its value: shown as text."""
    value = metric.get("value")
    if metric.get("over") in ("argmax", "argmin") and isinstance(value, int | float):
        return {**metric, "value": key_text(value)}
    return metric


def is_key_claim(claim: dict[str, Any]) -> bool:
    """An argmax/argmin claim: its actual figure is a group's key, not a quantity."""
    computation = claim.get("computation") or {}
    metrics = computation.get("metrics") or []
    return not computation.get("expr") and any(
        m.get("over") in ("argmax", "argmin") for m in metrics
    )


def key_text(key: Any) -> str:
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
    `{between: [700, 800]}` -> `between 700 and 800`. Any other phrase is left as written."""
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
