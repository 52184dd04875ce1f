"""factcheck.lock: what was true at publication, and `check --locked` against it.

A claim drifts when its verdict or its figure moved (beyond the drift rules), when
its definition changed since the lock (fingerprint: the claim's YAML and its
datasets' schemas), or when it was added or removed without re-locking.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from factcheck.drift.compare import as_stored, moved
from factcheck.exitcodes import ExitCode, exit_code
from factcheck.load.drift_rules import check_rules, rules_for

LOCK_NAME = "factcheck.lock"
LOCK_VERSION = 1


class LockError(click.ClickException):
    exit_code = int(ExitCode.CONFIG)

    def __init__(self, message: str) -> None:
        from factcheck.safetext import neutralise

        super().__init__(neutralise(message))  # it may quote the project's words


def lock_payload(report: dict[str, Any]) -> dict[str, Any]:
    return {
        "factcheck_lock": LOCK_VERSION,
        "claims": {
            c["id"]: {
                "verdict": c["verdict"],
                "actual": c["actual"],
                "fingerprint": c["fingerprint"],
                "datasets": c["datasets"],
            }
            for c in sorted(report["claims"], key=lambda c: c["id"])
        },
        "datasets": {
            d["name"]: {"path": d["path"], **_identity(d), "rows": d["rows"]}
            for d in sorted(report["datasets"], key=lambda d: d["name"])
        },
    }


def write_lock(root: Path, report: dict[str, Any]) -> Path:
    from factcheck.output import WriteError, write_report

    path = root / LOCK_NAME
    try:  # atomic, and stale temps of a run killed mid-write are removed first
        write_report(path, json.dumps(lock_payload(report), indent=2, sort_keys=True) + "\n",
                     devices=False)  # fmt: skip
    except WriteError as exc:
        raise LockError(str(exc)) from None
    return path


def read_lock(root: Path) -> dict[str, Any]:
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
    return lock


def drift(report: dict[str, Any], lock: dict[str, Any], settings: dict[str, Any]) -> dict[str, Any]:
    """The report's drift section: every claim that moved since the lock."""
    old_data = lock["datasets"]
    new_data = {d["name"]: d for d in report["datasets"]}
    changed = sorted(
        name
        for name in set(old_data) | set(new_data)
        if _identity(old_data.get(name) or {}) != _identity(new_data.get(name) or {})
    )
    items = []
    seen = set()
    for claim in report["claims"]:
        seen.add(claim["id"])
        if (claim.get("reason") or "").startswith("not selected"):
            continue  # deselected in this run: nothing to compare
        old = lock["claims"].get(claim["id"])
        if old is None:
            items.append(_item(claim["id"], None, claim, added=True))
            continue
        definition = old.get("fingerprint") != claim["fingerprint"]
        verdict = old.get("verdict") != claim["verdict"]
        figure = moved(
            old.get("actual"), as_stored(claim["actual"]), rules_for(settings, claim["id"])
        )
        if definition or verdict or figure:
            item = _item(claim["id"], old, claim, definition_changed=definition)
            item["datasets_changed"] = sorted(set(claim["datasets"]) & set(changed))
            items.append(item)
    for claim_id, old in sorted(lock["claims"].items()):
        if claim_id not in seen:
            item = _item(claim_id, old, None, removed=True)
            item["datasets_changed"] = sorted(set(old.get("datasets") or ()) & set(changed))
            items.append(item)
    return {
        "lock": LOCK_NAME,
        "claims": items,
        "datasets_changed": changed,
        "datasets": [
            _dataset_change(name, old_data.get(name), new_data.get(name)) for name in changed
        ],
    }


def _identity(dataset: dict[str, Any]) -> dict[str, Any]:
    """What says a dataset is unchanged: a file's sha256, a database's fingerprint (section 9)."""
    if "fingerprint" in dataset and "sha256" not in dataset:
        return {"fingerprint": dataset["fingerprint"]}
    return {"sha256": dataset.get("sha256")}


def _dataset_change(name: str, old: dict | None, new: dict | None) -> dict[str, Any]:
    """Why a dataset counts as changed: its hash and row count, then and now."""
    old, new = old or {}, new or {}
    return {
        "name": name,
        # a database dataset's fingerprint stands where a file's sha256 does
        "old_sha256": old.get("sha256", old.get("fingerprint")),
        "new_sha256": new.get("sha256", new.get("fingerprint")),
        "old_rows": old.get("rows"),
        "new_rows": new.get("rows"),
    }


def _item(claim_id: str, old: dict | None, new: dict | None, **flags: bool) -> dict[str, Any]:
    return {
        "id": claim_id,
        "old_actual": old.get("actual") if old else None,
        "new_actual": new.get("actual") if new else None,
        "old_verdict": old.get("verdict") if old else None,
        "new_verdict": new.get("verdict") if new else None,
        "definition_changed": flags.get("definition_changed", False),
        "added": flags.get("added", False),
        "removed": flags.get("removed", False),
        "datasets_changed": [],
    }


def apply_lock(outcome: Any, *, strict: bool = False) -> ExitCode:
    """Compare a finished run with the lock; fill the report's drift section."""
    report = outcome.report
    settings = outcome.project.settings.drift
    problems = check_rules(settings, (c.id for c in outcome.project.claims))
    if problems:
        raise LockError("\n".join(problems))
    lock = read_lock(outcome.project.root)
    section = drift(report, lock, settings)
    report["drift"] = section
    invalid = sum(1 for d in report["datasets"] if not d["valid"])
    code = exit_code(
        report["summary"], strict=strict, invalid_datasets=invalid, drifted=len(section["claims"])
    )
    report["exit_code"] = int(code)
    return code
