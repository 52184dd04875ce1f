"""Lock a small project, change it, and see exactly the affected claims drift."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.test_bad_input import edit

CLAIMS = "claims/article.yaml"


def check_locked(factcheck, root: Path) -> tuple[int, dict]:
    result = factcheck("check", "--root", root, "--locked", "--format", "json")
    return result.exit_code, json.loads(result.stdout) if result.stdout else {}


def drifted(report: dict) -> dict[str, dict]:
    return {item["id"]: item for item in report["drift"]["claims"]}


def test_lock_then_no_drift(project, factcheck) -> None:
    root = project()
    locked = factcheck("lock", "--root", root)
    assert locked.exit_code == 0 and "locked 16 claims" in locked.stdout
    lock = json.loads((root / "factcheck.lock").read_text())
    assert lock["claims"]["april_verdicts"]["actual"] == 848
    assert set(lock["datasets"]) == {"cases", "monthly", "relay"}
    code, report = check_locked(factcheck, root)
    assert code == 1  # the project's honest failures, no drift
    assert report["drift"]["claims"] == []


def test_changed_row_drifts_exactly_its_claims(project, factcheck) -> None:
    root = project()
    factcheck("lock", "--root", root)
    edit(root / "data/monthly.csv", "2025-04,RU,848,1012", "2025-04,RU,850,1012")
    code, report = check_locked(factcheck, root)
    assert code == 4
    items = drifted(report)
    assert set(items) == {
        "april_verdicts",
        "per_working_day",
        "per_working_day_down",
        "ru_monthly_each",
        "ru_band",
    }
    april = items["april_verdicts"]
    assert (april["old_actual"], april["new_actual"]) == (848, 850)
    assert (april["old_verdict"], april["new_verdict"]) == ("pass", "fail")
    assert april["datasets_changed"] == ["monthly"]
    assert report["drift"]["datasets_changed"] == ["monthly"]


def test_unrelated_data_change_drifts_nothing(project, factcheck) -> None:
    root = project()
    factcheck("lock", "--root", root)
    # A UA row changes: no claim filters on it... except none; the RU claims stay put.
    edit(root / "data/monthly.csv", "2025-01,UA,120,300", "2025-01,UA,121,300")
    code, report = check_locked(factcheck, root)
    assert report["drift"]["claims"] == []
    assert report["drift"]["datasets_changed"] == ["monthly"]
    assert code == 1


def test_definition_change_is_reported(project, factcheck) -> None:
    root = project()
    factcheck("lock", "--root", root)
    edit(
        root / CLAIMS,
        "metric: {dataset: cases, aggregate: count}",
        "metric: {dataset: cases, aggregate: count, column: case_id}",
    )
    code, report = check_locked(factcheck, root)
    assert code == 4
    item = drifted(report)["over_ten"]
    assert item["definition_changed"] is True and item["old_actual"] == item["new_actual"] == 12


def test_added_claim_drifts_until_relocked(project, factcheck) -> None:
    root = project()
    factcheck("lock", "--root", root)
    text = (root / CLAIMS).read_text()
    (root / CLAIMS).write_text(
        text
        + """
  - id: newcomer
    quote: "courts received 12 cases"
    claim: "12"
    metric: {dataset: cases}
"""
    )
    code, report = check_locked(factcheck, root)
    assert code == 4 and drifted(report)["newcomer"]["added"] is True
    factcheck("lock", "--root", root)
    code, report = check_locked(factcheck, root)
    assert report["drift"]["claims"] == []


def test_drift_rules_absorb_small_changes(project, factcheck) -> None:
    root = project()
    (root / "pyproject.toml").write_text(
        '[tool.factcheck.drift]\nrelative = "1%"\n'
        "[tool.factcheck.drift.claims.april_verdicts]\nabsolute = 1\n"
    )
    factcheck("lock", "--root", root)
    edit(root / "data/monthly.csv", "2025-01,RU,410,520", "2025-01,RU,412,520")
    code, report = check_locked(factcheck, root)
    assert report["drift"]["claims"] == []  # 410 -> 412 is within 1%
    edit(root / "data/monthly.csv", "2025-04,RU,848,1012", "2025-04,RU,850,1012")
    code, report = check_locked(factcheck, root)
    assert "april_verdicts" in drifted(report)  # its own rule: at most 1 absolute


def test_missing_and_malformed_lock(project, factcheck) -> None:
    root = project()
    missing = factcheck("check", "--root", root, "--locked")
    assert missing.exit_code == 2 and "factcheck.lock: not found" in missing.stderr
    (root / "factcheck.lock").write_text("{not json")
    malformed = factcheck("check", "--root", root, "--locked")
    assert malformed.exit_code == 2 and "factcheck.lock: malformed" in malformed.stderr
    assert "Traceback" not in malformed.output
