"""factcheck.lock: what was true at publication, and `check --locked` against it.

A claim drifts when its verdict or its figure moved (beyond the drift rules), when
its definition changed since the lock (fingerprint: the claim's YAML and its
datasets' schemas), or when it was added or removed without re-locking.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.drift.compare import as_stored, moved
from factcheck.exitcodes import ExitCode, exit_code
from factcheck.load.drift_rules import check_rules, rules_for
from factcheck.results import (
    ClaimResult,
    DatasetChange,
    DatasetReport,
    DriftItem,
    DriftSection,
    JsonObject,
    RunReport,
)
from factcheck.results.values import figure, opt_text, texts

if TYPE_CHECKING:
    from factcheck.run import Outcome

LOCK_NAME = "factcheck.lock"
LOCK_VERSION = 1


class LockError(Exception):
    """factcheck.lock cannot be written or read, or the drift rules are wrong; the message
    says which. A plain exception: the commands (cli/check.py, cli/drift.py) print it and
    exit 2 (ExitCode.CONFIG)."""

    def __init__(self, message: str) -> None:
        from factcheck.safetext import neutralise

        self.message = neutralise(message)  # it may quote the project's words
        super().__init__(self.message)


def lock_payload(report: RunReport) -> dict[str, object]:
    return {
        "factcheck_lock": LOCK_VERSION,
        "claims": {
            c.id: {
                "verdict": str(c.verdict),
                "actual": c.actual,
                "fingerprint": c.fingerprint,
                "datasets": c.datasets,
            }
            for c in sorted(report.claims, key=lambda c: c.id)
        },
        "datasets": {
            d.name: {"path": d.path, **_identity(d), "rows": d.rows}
            for d in sorted(report.datasets, key=lambda d: d.name)
        },
    }


def write_lock(root: Path, report: RunReport) -> Path:
    from factcheck.output import WriteError, write_report

    path = root / LOCK_NAME
    try:  # atomic, and stale temps of a run killed mid-write are removed first
        write_report(path, json.dumps(lock_payload(report), indent=2, sort_keys=True) + "\n",
                     devices=False)  # fmt: skip
    except WriteError as exc:
        raise LockError(str(exc)) from None
    return path


@dataclass
class Lock:
    """factcheck.lock as read: each claim's and dataset's entry, checked to be objects."""

    claims: dict[str, JsonObject]
    datasets: dict[str, JsonObject]


def read_lock(root: Path) -> Lock:
    path = root / LOCK_NAME
    if path.exists() and not path.is_file():
        raise LockError(f"{LOCK_NAME}: not a regular file; remove it and run `factcheck lock`")
    if not path.is_file():
        raise LockError(f"{LOCK_NAME}: not found in {root}; run `factcheck lock` first")
    try:
        lock = json.loads(path.read_text(encoding="utf-8"))
    except RecursionError:  # JSON nested past Python's stack: no lock factcheck writes
        raise LockError(
            f"{LOCK_NAME}: nested too deeply; re-create it with `factcheck lock`"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LockError(
            f"{LOCK_NAME}: malformed ({exc}); re-create it with `factcheck lock`"
        ) from None
    if not (
        isinstance(lock, dict)
        and lock.get("factcheck_lock") == LOCK_VERSION
        and isinstance(lock.get("claims"), dict)
        and isinstance(lock.get("datasets"), dict)
    ):
        raise LockError(
            f"{LOCK_NAME}: not a factcheck lock (version {LOCK_VERSION}); "
            "re-create it with `factcheck lock`"
        )
    for section in ("claims", "datasets"):
        for name, entry in lock[section].items():
            if not isinstance(entry, dict):
                raise LockError(
                    f"{LOCK_NAME}: {section}.{name} is not an object; "
                    "re-create it with `factcheck lock`"
                )
    return Lock(lock["claims"], lock["datasets"])


def drift(report: RunReport, lock: Lock, settings: dict[str, object]) -> DriftSection:
    """The report's drift section: every claim that moved since the lock."""
    old_data = lock.datasets
    new_data = {d.name: d for d in report.datasets}
    changed = sorted(
        name
        for name in set(old_data) | set(new_data)
        if _stored_identity(old_data.get(name)) != _identity(new_data.get(name))
    )
    items = []
    seen = set()
    for claim in report.claims:
        seen.add(claim.id)
        if claim.deselected:
            continue  # deselected in this run: nothing to compare
        old = lock.claims.get(claim.id)
        if old is None:
            items.append(_item(claim.id, None, claim, added=True))
            continue
        definition = old.get("fingerprint") != claim.fingerprint
        verdict = old.get("verdict") != claim.verdict
        figure = moved(old.get("actual"), as_stored(claim.actual), rules_for(settings, claim.id))
        if definition or verdict or figure:
            item = _item(claim.id, old, claim, definition_changed=definition)
            item.datasets_changed = sorted(set(claim.datasets) & set(changed))
            items.append(item)
    for claim_id, old in sorted(lock.claims.items()):
        if claim_id not in seen:
            item = _item(claim_id, old, None, removed=True)
            item.datasets_changed = sorted(set(texts(old.get("datasets"))) & set(changed))
            items.append(item)
    return DriftSection(
        lock=LOCK_NAME,
        claims=items,
        datasets_changed=changed,
        datasets=[
            _dataset_change(name, old_data.get(name), new_data.get(name)) for name in changed
        ],
    )


def _identity(dataset: DatasetReport | None) -> dict[str, str | None]:
    """What says a dataset is unchanged: a file's sha256, a database's fingerprint (section 9)."""
    if dataset is None:
        return {"sha256": None}
    if dataset.is_database:
        return {"fingerprint": dataset.fingerprint}
    return {"sha256": dataset.sha256}


def _stored_identity(dataset: JsonObject | None) -> dict[str, str | None]:
    """The same, of a dataset as the lock holds it."""
    return _identity(None if dataset is None else DatasetReport.from_dict({"name": "", **dataset}))


def _dataset_change(name: str, old: JsonObject | None, new: DatasetReport | None) -> DatasetChange:
    """Why a dataset counts as changed: its hash and row count, then and now."""
    before = DatasetReport.from_dict({"name": name, **(old or {})})
    return DatasetChange(
        name=name,
        # a database dataset's fingerprint stands where a file's sha256 does
        old_sha256=before.identity,
        new_sha256=new.identity if new is not None else None,
        old_rows=before.rows,
        new_rows=new.rows if new is not None else None,
    )


def _item(
    claim_id: str, old: JsonObject | None, new: ClaimResult | None, **flags: bool
) -> DriftItem:
    return DriftItem(
        id=claim_id,
        old_actual=figure(old.get("actual")) if old else None,
        new_actual=new.actual if new else None,
        old_verdict=opt_text(old.get("verdict")) if old else None,
        new_verdict=str(new.verdict) if new else None,
        definition_changed=flags.get("definition_changed", False),
        added=flags.get("added", False),
        removed=flags.get("removed", False),
    )


def apply_lock(outcome: Outcome, *, strict: bool = False) -> ExitCode:
    """Compare a finished run with the lock; fill the report's drift section."""
    report, project = outcome.report, outcome.project
    assert report is not None and project is not None, "a run with problems has no report"
    settings = project.settings.drift
    problems = check_rules(settings, (c.id for c in project.claims))
    if problems:
        raise LockError("\n".join(problems))
    lock = read_lock(project.root)
    section = drift(report, lock, settings)
    report.drift = section
    invalid = sum(1 for d in report.datasets if not d.valid)
    code = exit_code(
        report.summary.counts, strict=strict, invalid_datasets=invalid, drifted=len(section.claims)
    )
    report.exit_code = int(code)
    return code
