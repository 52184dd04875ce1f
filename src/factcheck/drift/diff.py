"""Compare two JSON reports: claims added, removed, or with a changed verdict or figure."""

from __future__ import annotations

from typing import TypedDict, TypeGuard

from factcheck.results import Figure, JsonObject, RunReport


class ClaimSeen(TypedDict):
    id: str
    verdict: str


class ClaimChanged(TypedDict):
    id: str
    old_verdict: str
    new_verdict: str
    old_actual: Figure
    new_actual: Figure
    definition_changed: bool


class DataChanged(TypedDict):
    name: str
    old_sha256: str | None  # a database dataset's fingerprint stands here
    new_sha256: str | None


class Diff(TypedDict):
    added: list[ClaimSeen]
    removed: list[ClaimSeen]
    changed: list[ClaimChanged]
    datasets_changed: list[DataChanged]


def diff_reports(old: RunReport, new: RunReport) -> Diff:
    """Claims added, removed and changed; `datasets` (hash changes) is context, not a difference."""
    before = {c.id: c for c in old.claims}
    after = {c.id: c for c in new.claims}
    changed: list[ClaimChanged] = []
    for claim_id in sorted(set(before) & set(after)):
        a, b = before[claim_id], after[claim_id]
        if a.verdict != b.verdict or a.actual != b.actual:
            changed.append(
                {
                    "id": claim_id,
                    "old_verdict": str(a.verdict),
                    "new_verdict": str(b.verdict),
                    "old_actual": a.actual,
                    "new_actual": b.actual,
                    "definition_changed": a.fingerprint != b.fingerprint,
                }
            )
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    old_data = {d.name: d.identity for d in old.datasets}
    new_data = {d.name: d.identity for d in new.datasets}
    return {
        "added": [{"id": i, "verdict": str(after[i].verdict)} for i in added],
        "removed": [{"id": i, "verdict": str(before[i].verdict)} for i in removed],
        "changed": changed,
        "datasets_changed": [
            {"name": name, "old_sha256": old_data.get(name), "new_sha256": new_data.get(name)}
            for name in sorted(set(old_data) | set(new_data))
            if old_data.get(name) != new_data.get(name)
        ],
    }


def is_report(report: object) -> TypeGuard[JsonObject]:
    """What diff_reports relies on, with its types: a JSON file written by hand or cut short
    is refused by the caller with a clear error, never a traceback here."""
    if not (isinstance(report, dict) and report.get("factcheck_report") == 1):
        return False
    claims, datasets = report.get("claims"), report.get("datasets", [])
    if not isinstance(claims, list) or not isinstance(datasets, list):
        return False
    claims_ok = all(
        isinstance(c, dict)
        and isinstance(c.get("id"), str)
        and isinstance(c.get("verdict"), str)
        and "actual" in c
        for c in claims
    )
    datasets_ok = all(
        isinstance(d, dict)
        and isinstance(d.get("name"), str)
        and isinstance(d.get("sha256"), str | None)
        for d in datasets
    )
    return claims_ok and datasets_ok


def differs(result: Diff) -> bool:
    return bool(result["added"] or result["removed"] or result["changed"])
