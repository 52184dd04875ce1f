"""Typed results, from judging to reporting: one claim's result, a dataset's, the run's.

Judging fills `ClaimResult`s; the run wraps them in a `RunReport`. The dict form exists
once, at the JSON edge (`as_dict`), in the report's key order; `RunReport.complete` fills
a report read back from JSON (or holding only the contract's keys) from these same
defaults, so no renderer restates them.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from enum import StrEnum
from typing import Any


class Verdict(StrEnum):
    PASS = "pass"  # supported
    WARN = "warn"  # supported only loosely
    FAIL = "fail"  # contradicted
    ERROR = "error"  # could not be computed
    SKIP = "skip"  # deselected or unverifiable


class Evidence(StrEnum):
    """What a verdict rests on (contract section 8)."""

    DIRECT = "direct"  # independent data
    PROXY = "proxy"  # data standing in for the claim's subject
    CIRCULAR = "circular"  # the article's own figure, relayed
    MANUAL = "manual"  # a person's check


VERDICTS = tuple(v.value for v in Verdict)
EVIDENCE = tuple(e.value for e in Evidence)


@dataclass
class ReadingResult:
    """One listed reading of a claim: its figure and verdict."""

    label: str
    claim: str
    actual: Any
    verdict: Verdict
    explanation: str


@dataclass
class ClaimResult:
    """One claim's result, its fields in the JSON report's order."""

    id: str
    file: str
    line: int = 1
    quote: str = ""
    claim: str = ""
    verdict: Verdict = Verdict.ERROR
    actual: Any = None
    explanation: str = ""
    circular: bool = False
    evidence: Evidence | None = None  # None for a skipped claim: nothing was weighed
    kind: str | None = None
    rule: str | None = None
    rounding: dict[str, bool] | None = None
    band: dict[str, Any] | None = None
    readings: list[ReadingResult] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    note: str | None = None
    proxy: str | None = None
    datasets: list[str] = field(default_factory=list)
    computation: dict[str, Any] | None = None
    manual: dict[str, str] | None = None
    reason: str | None = None
    fingerprint: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["verdict"] = str(self.verdict)
        out["evidence"] = None if self.evidence is None else str(self.evidence)
        out["readings"] = [_reading_dict(r) for r in self.readings]
        return out


def _reading_dict(reading: ReadingResult) -> dict[str, Any]:
    return {
        "label": reading.label,
        "claim": reading.claim,
        "actual": reading.actual,
        "verdict": str(reading.verdict),
        "explanation": reading.explanation,
    }


# A dataset's entry as `validate` reports it; these fill what an older report lacks.
DATASET_DEFAULTS: dict[str, Any] = {
    "path": "",
    "sha256": "",
    "rows": None,
    "valid": True,
    "schema": None,
    "description": None,
    "provenance": None,
    "failures": [],
}


@dataclass
class RunReport:
    """The whole run's report, its fields in the JSON report's order."""

    summary: dict[str, Any]
    claims: list[ClaimResult]
    datasets: list[dict[str, Any]]
    factcheck_report: int = 1
    factcheck_version: str | None = None
    generated: str | None = None
    python: str | None = None
    platform: str | None = None
    root: str | None = None
    git_commit: str | None = None
    engine: str | None = None
    strict: bool = False
    exit_code: int | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    drift: dict[str, Any] | None = None

    _ORDER = (
        "factcheck_report", "factcheck_version", "generated", "python", "platform", "root",
        "git_commit", "engine", "strict", "exit_code", "summary", "sources", "claims",
        "datasets", "drift",
    )  # fmt: skip

    def as_dict(self) -> dict[str, Any]:
        """The JSON edge: plain data, in the report's key order."""
        out = {name: getattr(self, name) for name in self._ORDER}
        out["claims"] = [c.as_dict() for c in self.claims]
        return out

    @staticmethod
    def complete(report: dict[str, Any]) -> dict[str, Any]:
        """A copy of a report dict with every key a renderer reads, defaults from the
        model: a report holding only the contract's keys (section 7) renders everywhere.
        The caller's dict is never changed."""
        out: dict[str, Any] = {**_defaults(RunReport), **report}
        summary = report.get("summary") or {}
        out["summary"] = {v: int(summary.get(v, 0)) for v in VERDICTS}
        if summary.get("evidence") is not None:
            out["summary"]["evidence"] = summary["evidence"]
        claim_defaults = _defaults(ClaimResult)
        out["claims"] = [{**claim_defaults, **c} for c in report.get("claims", [])]
        out["datasets"] = [{**DATASET_DEFAULTS, **d} for d in report.get("datasets", [])]
        return out


def _defaults(cls: type) -> dict[str, Any]:
    """Each field's default (a fresh one for a factory), for fields that have one."""
    out: dict[str, Any] = {}
    for f in fields(cls):
        if f.default is not MISSING:
            out[f.name] = f.default.value if isinstance(f.default, StrEnum) else f.default
        elif f.default_factory is not MISSING:
            out[f.name] = f.default_factory()
    return out
