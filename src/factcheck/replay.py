"""`factcheck replay REPORT.json`: does a report still hold?

An auditor handed a JSON report months later asks two questions: is the data the same
(every dataset's sha256, or a database's fingerprint), and does recomputing every claim
with the report's engine and settings give the same figures and verdicts? Replay runs
the pipeline again on the project as it is now and compares, claim by claim.

Figures are compared as the judge sees them: numbers to 12 significant digits (section 8
of the contract: engines may differ past that), group keys and maps exactly.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict, TypeGuard

from factcheck.phrases import as_figure
from factcheck.results import ClaimResult, DatasetReport, Figure, RunReport, Verdict

# What a JSON report must hold for a replay (section 7 of the contract).
_REQUIRED = ("factcheck_report", "claims", "datasets")


class ReportError(ValueError):
    """The file is not a factcheck JSON report that can be replayed."""


Identity = dict[str, str | int]  # sha256 or fingerprint, and rows: what says data is the same


class ChangedDataset(TypedDict):
    name: str
    path: str
    was: Identity
    now: Identity | None  # None: gone from the project


class Figures(TypedDict):
    actual: Figure
    verdict: str


class ChangedClaim(TypedDict):
    id: str
    file: str
    line: int
    was: Figures
    now: Figures
    definition_changed: bool


@dataclass
class Replay:
    """What differs between a report and a fresh run of the same project."""

    claims: int = 0  # claims compared
    datasets: int = 0  # datasets compared
    changed_datasets: list[ChangedDataset] = field(default_factory=list)
    changed_claims: list[ChangedClaim] = field(default_factory=list)
    missing_claims: list[str] = field(default_factory=list)  # in the report, not the project
    new_claims: list[str] = field(default_factory=list)  # in the project, not the report

    @property
    def reproduced(self) -> int:
        return self.claims - len(self.changed_claims) - len(self.missing_claims)

    @property
    def holds(self) -> bool:
        return not (
            self.changed_datasets or self.changed_claims or self.missing_claims or self.new_claims
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "factcheck_replay": 1,
            "reproduced": self.holds,
            "claims": {"compared": self.claims, "reproduced": self.reproduced},
            "datasets": {
                "compared": self.datasets,
                "unchanged": self.datasets - len(self.changed_datasets),
            },
            "changed_datasets": self.changed_datasets,
            "changed_claims": self.changed_claims,
            "missing_claims": self.missing_claims,
            "new_claims": self.new_claims,
        }


def read_report(path: Path) -> RunReport:
    try:
        report: object = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportError(f"{path}: cannot be read ({exc.__class__.__name__})") from exc
    except json.JSONDecodeError as exc:
        raise ReportError(f"{path}:{exc.lineno}: not JSON ({exc.msg})") from exc
    if not isinstance(report, dict) or any(key not in report for key in _REQUIRED):
        raise ReportError(f"{path}: not a factcheck JSON report (no {', '.join(_REQUIRED)})")
    if not isinstance(report["claims"], list) or not isinstance(report["datasets"], list):
        raise ReportError(f"{path}: 'claims' and 'datasets' must be lists")
    for i, claim in enumerate(report["claims"]):
        if not isinstance(claim, dict) or not isinstance(claim.get("id"), str):
            raise ReportError(f"{path}: claims[{i}] has no id")
    for i, dataset in enumerate(report["datasets"]):
        if not isinstance(dataset, dict) or not isinstance(dataset.get("name"), str):
            raise ReportError(f"{path}: datasets[{i}] has no name")
    return RunReport.from_dict(report)


def deselected(claim: ClaimResult) -> bool:
    """A claim the report's run skipped because it was not selected: it says nothing."""
    return claim.verdict == Verdict.SKIP and claim.deselected


def compare(old: RunReport, new: RunReport) -> Replay:
    """The report `old` against a fresh report `new` of the same project and settings."""
    result = Replay()
    now = {d.name: d for d in new.datasets}
    for dataset in old.datasets:
        result.datasets += 1
        current = now.get(dataset.name)
        before, after = _identity(dataset), _identity(current) if current else None
        if before != after:
            result.changed_datasets.append(
                {"name": dataset.name, "path": dataset.path, "was": before, "now": after}
            )
    fresh = {c.id: c for c in new.claims}
    for claim in old.claims:
        if deselected(claim):
            continue
        result.claims += 1
        again = fresh.get(claim.id)
        if again is None:
            result.missing_claims.append(claim.id)
            continue
        if claim.verdict != again.verdict or not same_figure(claim.actual, again.actual):
            result.changed_claims.append(
                {
                    "id": claim.id,
                    "file": again.file,
                    "line": again.line,
                    "was": {"actual": claim.actual, "verdict": str(claim.verdict)},
                    "now": {"actual": again.actual, "verdict": str(again.verdict)},
                    "definition_changed": claim.fingerprint is not None
                    and claim.fingerprint != again.fingerprint,
                }
            )
    known = {c.id for c in old.claims}
    result.new_claims = [c.id for c in new.claims if c.id not in known]
    return result


def _identity(dataset: DatasetReport) -> Identity:
    """What says a dataset is the same: its file's sha256, or a database's fingerprint."""
    values = {"sha256": dataset.sha256, "fingerprint": dataset.fingerprint, "rows": dataset.rows}
    return {k: v for k, v in values.items() if v is not None}


def same_figure(a: object, b: object) -> bool:
    """Equal as judged: numbers to 12 significant digits; maps key by key; else exactly."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_figure(a[k], b[k]) for k in a)
    if _number(a) and _number(b):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return bool(as_figure(a) == as_figure(b))
    return a == b


def _number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def render_text(result: Replay, report_path: Path) -> str:
    lines: list[str] = []
    for d in result.changed_datasets:
        now = "gone from the project" if d["now"] is None else _fmt_identity(d["now"])
        lines.append(
            f"dataset {d['name']} ({d['path']}) changed: was {_fmt_identity(d['was'])}, now {now}"
        )
    for c in result.changed_claims:
        where = f" ({c['file']}:{c['line']})" if c.get("file") else ""
        why = "; its definition changed too" if c["definition_changed"] else ""
        lines.append(
            f"claim {c['id']}{where}: was {_fmt(c['was']['actual'])} ({c['was']['verdict']}), "
            f"now {_fmt(c['now']['actual'])} ({c['now']['verdict']}){why}"
        )
    for claim_id in result.missing_claims:
        lines.append(f"claim {claim_id}: in the report, no longer in the project")
    for claim_id in result.new_claims:
        lines.append(f"claim {claim_id}: in the project, not in the report")
    verdict = "holds" if result.holds else "does not hold"
    lines.append(
        f"{report_path} {verdict}: reproduced {result.reproduced} of {result.claims} claims; "
        f"{result.datasets - len(result.changed_datasets)} of {result.datasets} datasets unchanged"
    )
    return "\n".join(lines) + "\n"


def _fmt_identity(identity: Identity) -> str:
    parts = []
    if "sha256" in identity:
        parts.append(f"sha256 {str(identity['sha256'])[:12]}")
    if "fingerprint" in identity:
        parts.append(f"fingerprint {str(identity['fingerprint'])[:12]}")
    if "rows" in identity:
        parts.append(f"{identity['rows']} rows")
    return ", ".join(parts) or "unknown"


def _fmt(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
