"""`factcheck replay REPORT.json`: a report reproduced, or each difference named."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path
from statistics import mean

import pytest

from factcheck.replay import ReportError, compare, read_report, same_figure
from factcheck.results import RunReport

ROOT = Path(__file__).resolve().parents[1]


def _report(factcheck, root: Path, out: Path, *extra: str) -> dict:
    result = factcheck("check", "--root", root, "--format", f"json:{out}", *extra)
    assert result.exit_code in (0, 1), result.output
    return json.loads(out.read_text(encoding="utf-8"))


def _sentences(path: Path) -> list[float]:
    """The mean sentence's inputs, read with the csv module: non-empty sentence_years."""
    with path.open(newline="", encoding="utf-8") as f:
        return [float(r["sentence_years"]) for r in csv.DictReader(f) if r["sentence_years"]]


def test_a_fresh_report_is_reproduced(project, factcheck, tmp_path: Path) -> None:
    root = project("basic")
    report = _report(factcheck, root, tmp_path / "r.json")
    result = factcheck("replay", "--root", root, tmp_path / "r.json")
    assert result.exit_code == 0, result.output
    n = len(report["claims"])
    assert f"reproduced {n} of {n} claims" in result.output
    datasets = len(report["datasets"])
    assert f"{datasets} of {datasets} datasets unchanged" in result.output


def test_a_one_row_change_names_the_dataset_and_the_claim(
    project, factcheck, tmp_path: Path
) -> None:
    root = project("basic")
    _report(factcheck, root, tmp_path / "r.json")
    cases = root / "data" / "cases.csv"
    before = mean(_sentences(cases))
    text = cases.read_text(encoding="utf-8")
    row = "C01,Moscow garrison,337,2025-01-10,convicted,2.5,Central"
    assert row in text
    cases.write_text(text.replace(row, row.replace(",2.5,", ",4.5,")), encoding="utf-8")
    after = mean(_sentences(cases))

    result = factcheck("replay", "--root", root, "--format", "json", tmp_path / "r.json")
    assert result.exit_code == 4, result.output
    replay = json.loads(result.stdout)
    assert replay["reproduced"] is False
    assert [d["name"] for d in replay["changed_datasets"]] == ["cases"]
    changed = {c["id"]: c for c in replay["changed_claims"]}
    assert changed["mean_sentence"]["was"]["actual"] == pytest.approx(before)
    assert changed["mean_sentence"]["now"]["actual"] == pytest.approx(after)
    # Counts do not read sentence_years: they are reproduced.
    assert "total_cases" not in changed and "moscow_cases" not in changed

    text_result = factcheck("replay", "--root", root, tmp_path / "r.json")
    assert text_result.exit_code == 4
    assert "dataset cases (data/cases.csv) changed" in text_result.output
    assert "claim mean_sentence" in text_result.output
    assert "does not hold" in text_result.output


def test_the_report_engine_is_used(project, factcheck, tmp_path: Path) -> None:
    root = project("basic")
    report = _report(factcheck, root, tmp_path / "r.json", "--engine", "pandas")
    assert report["engine"] == "pandas"
    report["engine"] = "no-such-engine"
    (tmp_path / "bad.json").write_text(json.dumps(report), encoding="utf-8")
    result = factcheck("replay", "--root", root, tmp_path / "bad.json")
    assert result.exit_code == 2
    assert "no-such-engine" in result.output
    assert factcheck("replay", "--root", root, tmp_path / "r.json").exit_code == 0


def test_a_changed_verdict_is_a_difference(project, factcheck, tmp_path: Path) -> None:
    root = project("basic")
    report = _report(factcheck, root, tmp_path / "r.json")
    first = next(c for c in report["claims"] if c["verdict"] == "pass")
    first["verdict"] = "fail"
    (tmp_path / "edited.json").write_text(json.dumps(report), encoding="utf-8")
    result = factcheck("replay", "--root", root, "--format", "json", tmp_path / "edited.json")
    assert result.exit_code == 4
    [changed] = json.loads(result.stdout)["changed_claims"]
    assert changed["id"] == first["id"]
    assert (changed["was"]["verdict"], changed["now"]["verdict"]) == ("fail", "pass")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON"),
        ('{"claims": []}', "not a factcheck JSON report"),
        ('{"factcheck_report": 1, "claims": [{}], "datasets": []}', "claims[0] has no id"),
        ("[]", "not a factcheck JSON report"),
    ],
)
def test_a_malformed_report_is_a_clear_error(
    project, factcheck, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "r.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReportError, match=re.escape(message)):
        read_report(path)
    result = factcheck("replay", "--root", project("basic"), path)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_bundled_report_reproduced_and_a_row_change_caught(factcheck, tmp_path: Path) -> None:
    root = tmp_path / "bundled"
    for part in ("claims", "data", "schemas"):
        shutil.copytree(ROOT / part, root / part)
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    report = _report(factcheck, root, tmp_path / "r.json")
    result = factcheck("replay", "--root", root, tmp_path / "r.json")
    assert result.exit_code == 0, result.output
    n = len(report["claims"])
    assert f"reproduced {n} of {n} claims" in result.output

    # Change one figure of one row in the dataset the most claims use.
    uses: dict[str, int] = {}
    for claim in report["claims"]:
        for name in claim.get("datasets") or []:
            uses[name] = uses.get(name, 0) + 1
    name = max(sorted(uses), key=uses.__getitem__)
    path = root / next(d["path"] for d in report["datasets"] if d["name"] == name)
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    column = next(i for i, v in enumerate(rows[1]) if v.isdigit())
    rows[1][column] = str(int(rows[1][column]) + 1)
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)

    result = factcheck("replay", "--root", root, "--format", "json", tmp_path / "r.json")
    assert result.exit_code == 4, result.output
    assert [d["name"] for d in json.loads(result.stdout)["changed_datasets"]] == [name]


def test_figures_compared_as_judged() -> None:
    assert same_figure(1232.799999999999, 1232.8)
    assert same_figure(240.00000000000003, 239.99999999999997)
    assert not same_figure(20538, 20539)
    assert same_figure({"2025-03": 1012, "2025-04": 848.0}, {"2025-03": 1012, "2025-04": 848})
    assert not same_figure({"a": 1}, {"a": 1, "b": 2})
    assert not same_figure("UA", "RU")
    assert not same_figure(None, 0)


def test_compare_lists_claims_added_and_removed() -> None:
    old = {"claims": [{"id": "a", "verdict": "pass", "actual": 1}], "datasets": []}
    new = {"claims": [{"id": "b", "verdict": "pass", "actual": 1}], "datasets": []}
    result = compare(RunReport.from_dict(old), RunReport.from_dict(new))
    assert result.missing_claims == ["a"] and result.new_claims == ["b"]
    assert not result.holds
