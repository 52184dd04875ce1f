from __future__ import annotations

import json

from tests.e2e.test_bad_input import edit


def test_history_over_three_runs(project, factcheck) -> None:
    root = project()
    for verdicts in ("848", "850", "852"):
        text = (root / "data/monthly.csv").read_text()
        current = next(line for line in text.splitlines() if line.startswith("2025-04,RU"))
        edit(root / "data/monthly.csv", current, f"2025-04,RU,{verdicts},1012")
        factcheck("check", "--root", root)
    lines = (root / ".factcheck/history.jsonl").read_text().splitlines()
    april = [json.loads(line) for line in lines if '"april_verdicts"' in line]
    assert [row["actual"] for row in april] == [848, 850, 852]
    assert len({row["datasets"]["monthly"] for row in april}) == 3
    shown = factcheck("history", "april_verdicts", "--root", root)
    assert shown.exit_code == 0
    assert "3 run(s)" in shown.stdout and "852" in shown.stdout and "▁" in shown.stdout


def test_history_of_unknown_claim(project, factcheck) -> None:
    root = project()
    result = factcheck("history", "nope", "--root", root)
    assert result.exit_code == 2 and "unknown claim id 'nope'" in result.stderr


def test_diff_of_two_reports(project, factcheck, tmp_path) -> None:
    root = project()
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    factcheck("check", "--root", root, "--format", f"json:{old}")
    same = factcheck("diff", old, old)
    assert same.exit_code == 0 and "no differences" in same.stdout
    edit(root / "data/monthly.csv", "2025-04,RU,848,1012", "2025-04,RU,850,1012")
    edit(root / "claims/article.yaml", "id: prosecutor", "id: prosecutor_renamed")
    factcheck("check", "--root", root, "--format", f"json:{new}")
    result = factcheck("diff", old, new, "--format", "json")
    assert result.exit_code == 1
    found = json.loads(result.stdout)
    assert [i["id"] for i in found["added"]] == ["prosecutor_renamed"]
    assert [i["id"] for i in found["removed"]] == ["prosecutor"]
    changed = {i["id"]: i for i in found["changed"]}
    assert changed["april_verdicts"]["new_actual"] == 850
    assert "per_working_day" in changed and "total_cases" not in changed
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    assert factcheck("diff", old, bad).exit_code == 2
