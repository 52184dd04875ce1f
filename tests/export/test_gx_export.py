"""`factcheck gx-export`: schemas and claims as great-expectations suites, with Data Docs."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("great_expectations")

ROOT = Path(__file__).resolve().parents[2]  # the bundled Mediazona check
DOCS = Path("gx/uncommitted/data_docs/local_site/index.html")


def export(factcheck: Any, root: Path, out: Path) -> Any:
    """Export; the exit code is check's own (basic: 1, a failing claim; 3, a bad dataset)."""
    result = factcheck("gx-export", "--root", root, "--out", out)
    checked = factcheck("check", "--root", root, "--no-history")
    assert result.exit_code == checked.exit_code, result.output
    assert result.exit_code != 2, result.output
    return result


def suite(out: Path, dataset: str, kind: str) -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """A saved suite's expectations as (type, kwargs, meta)."""
    data = json.loads((out / "gx/expectations" / dataset / f"{kind}.json").read_text())
    return [(e["type"], e["kwargs"], e.get("meta") or {}) for e in data["expectations"]]


def results(out: Path, dataset: str, kind: str) -> list[dict[str, Any]]:
    """The stored validation results of one suite (one run)."""
    (path,) = (out / "gx/uncommitted/validations" / dataset / kind).rglob("*.json")
    return json.loads(path.read_text())["results"]


def tree(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
    }


def test_schema_suite_holds_the_basic_schemas(project, factcheck, tmp_path) -> None:
    out = tmp_path / "out"
    result = export(factcheck, project("basic"), out)
    monthly = suite(out, "monthly", "schema")
    # schemas/monthly.yaml, expectation by expectation
    for expected in [
        ("expect_column_to_exist", {"column": "month"}),
        ("expect_column_values_to_be_of_type", {"column": "month", "type_": "str"}),
        ("expect_column_values_to_not_be_null", {"column": "month"}),
        ("expect_column_values_to_match_regex", {"column": "month", "regex": r"^\d{4}-\d{2}$"}),
        ("expect_column_values_to_be_in_set", {"column": "country", "value_set": ["RU", "UA"]}),
        ("expect_column_values_to_be_of_type", {"column": "verdicts", "type_": "int64"}),
        ("expect_column_values_to_be_between", {"column": "verdicts", "min_value": 0}),
        ("expect_column_values_to_be_between", {"column": "received", "min_value": 0}),
        ("expect_compound_columns_to_be_unique", {"column_list": ["month", "country"]}),
    ]:
        assert expected in [(t, k) for t, k, _ in monthly], expected
    assert len(monthly) == 18  # 4 columns x (exists, type, not null, check) + unique + strict
    cases = suite(out, "cases", "schema")  # schemas/cases.py, a DataFrameModel
    pairs = [(t, k) for t, k, _ in cases]
    assert ("expect_column_values_to_be_unique", {"column": "case_id"}) in pairs
    assert (
        "expect_column_values_to_match_regex",
        {"column": "case_id", "regex": r"^C\d{2}$"},
    ) in pairs
    assert (
        "expect_column_values_to_be_in_set",
        {"column": "article", "value_set": [332, 337, 338]},
    ) in pairs
    received = [k for t, k in pairs if t.endswith("be_between") and k["column"] == "received"]
    assert received == [
        {"column": "received", "min_value": "2025-01-01T00:00:00"},
        {"column": "received", "max_value": "2025-12-31T00:00:00"},
    ]
    # nullable=True: no not-null expectation for outcome, one for court
    assert ("expect_column_values_to_not_be_null", {"column": "outcome"}) not in pairs
    assert ("expect_column_values_to_not_be_null", {"column": "court"}) in pairs
    assert "suite monthly.schema: 18 expectations compiled; not compiled: none" in result.stdout
    assert "validation: 18 of 18 successful" in result.stdout


def test_claims_carry_their_band(project, factcheck, tmp_path) -> None:
    out = tmp_path / "out"
    export(factcheck, project("basic"), out)
    claims = {m["factcheck_claim"]: (t, k) for t, k, m in suite(out, "cases", "claims")}
    # "12": passes from 11.5 to 12.5; a row count is whole, so 12 to 12
    assert claims["total_cases"] == (
        "expect_table_row_count_to_be_between",
        {"min_value": 12, "max_value": 12},
    )
    assert claims["mean_sentence"] == (
        "expect_column_mean_to_be_between",
        {"column": "sentence_years", "min_value": 2.7, "max_value": 3.3},
    )
    assert claims["moscow_cases"][1]["row_condition"]["pass_through_filter"] == (
        "court == 'Moscow garrison'"
    )
    # a date range on a datetime column renders; GX's row count is factcheck's 8
    first = claims["first_quarter"][1]
    assert first["row_condition"]["pass_through_filter"] == (
        "(received >= '2025-01-01' and received <= '2025-03-31')"
    )
    (april,) = suite(out, "monthly", "claims")
    assert april[1] == {
        "column": "verdicts",
        "min_value": 847.5,
        "max_value": 848.5,
        "row_condition": {
            "pass_through_filter": "(month == '2025-04' and country == 'RU')",
            "type": "pass_through",
        },
        "condition_parser": "pandas",
    }
    assert april[2]["quote"] == "848 verdicts in April"
    observed = {
        r["expectation_config"]["meta"]["factcheck_claim"]: r
        for r in results(out, "cases", "claims")
    }
    assert observed["first_quarter"]["result"]["observed_value"] == 8
    assert all(r["success"] for r in observed.values())


def test_uncompilable_claims_are_listed_with_their_reason(project, factcheck, tmp_path) -> None:
    root = project("basic")
    claims = root / "claims/article.yaml"
    claims.write_text(
        claims.read_text()
        + '\n  - id: known_outcome\n    quote: "courts received 12 cases"\n    claim: "9"\n'
        '    metric: {dataset: cases, where: "outcome is not null"}\n'
    )
    result = export(factcheck, root, tmp_path / "out")
    out = result.stdout
    assert "known_outcome (filter: 'outcome is not null' has no exact GX row_condition)" in out
    assert "busiest_region (grouped: by region (argmax))" in out
    assert "convicted_share (expr: a computed expression)" in out
    assert "ru_band (grouped: by month (each))" in out
    assert "penalty (manual); prosecutor (unverifiable)" in out


def test_data_docs_and_nothing_outside_out(
    project, factcheck, tmp_path, monkeypatch, no_network
) -> None:
    calls = no_network
    root = project("basic")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    before = tree(tmp_path)
    out = tmp_path / "out"
    result = export(factcheck, root, out)
    after = {p: s for p, s in tree(tmp_path).items() if not p.startswith("out")}
    assert after == before  # the project and the working folder are untouched
    assert calls == []
    index = out / DOCS
    assert f"Data Docs: {index}" in result.stdout
    html = index.read_text()
    for name in ("cases.schema", "cases.claims", "monthly.schema", "relay.claims"):
        assert name in html
    config = (out / "gx/great_expectations.yml").read_text()
    assert "analytics_enabled: false" in config
    site = index.parent  # the header logo is the local copy, not GX's S3 beacon
    for page in [*site.rglob("*.html"), *site.rglob("*.css")]:
        text = page.read_text()
        assert "amazonaws" not in text and "dataContextId" not in text, page
    assert 'src="static/images/logo-long.png"' in html


def test_non_empty_out_is_refused(project, factcheck, tmp_path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    result = factcheck("gx-export", "--root", project("basic"), "--out", out)
    assert result.exit_code == 2
    assert "is not an empty folder" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]


def test_project_problems_as_check_prints_them(project, factcheck, tmp_path) -> None:
    root = project("basic")
    (root / "data/datasets.yaml").write_text("datasets:\n  cases: {path: nowhere.csv}\n")
    checked = factcheck("check", "--root", root, "--no-history")
    result = factcheck("gx-export", "--root", root, "--out", tmp_path / "out")
    assert result.exit_code == 2 == checked.exit_code
    assert result.stderr == checked.stderr
    assert not (tmp_path / "out").exists()


def test_missing_gx_is_one_line(project, factcheck, tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "great_expectations", None)
    result = factcheck("gx-export", "--root", project("basic"), "--out", tmp_path / "out")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "pip install 'factcheck-claims[gx]'" in line


def test_failing_schema_check_is_a_finding_not_an_error(project, factcheck, tmp_path) -> None:
    root = project("basic")
    data = root / "data/monthly.csv"
    data.write_text(data.read_text().replace("2025-02,RU,460,", "2025-02,RU,-460,"))
    out = tmp_path / "out"
    result = export(factcheck, root, out)  # exit 3, as check's
    assert "validation: 17 of 18 successful; unsuccessful: verdicts: greater_than_or_equal_to" in (
        result.stdout
    )
    assert "an unsuccessful expectation is a finding" in result.stdout
    failed = [r for r in results(out, "monthly", "schema") if not r["success"]]
    assert [r["expectation_config"]["kwargs"] for r in failed] == [
        {"batch_id": "factcheck-monthly", "column": "verdicts", "min_value": 0.0}
    ]
    assert failed[0]["result"]["partial_unexpected_list"] == [-460]
    (page,) = (out / "gx/uncommitted/data_docs/local_site/validations/monthly/schema").rglob(
        "*.html"
    )
    html = page.read_text()
    assert "Failed" in html and "-460" in html


def test_bundled_project(factcheck, tmp_path) -> None:
    """The bundled check exports, and every compiled claim agrees with factcheck's figure."""
    out = tmp_path / "out"
    export(factcheck, ROOT, out)
    report = json.loads(
        factcheck("check", "--root", ROOT, "--format", "json", "--no-history").stdout
    )
    claims = {c["id"]: c for c in report["claims"]}
    compiled = 0
    for folder in (out / "gx/expectations").iterdir():
        for result in (
            results(out, folder.name, "claims") if (folder / "claims.json").exists() else []
        ):
            claim = claims[result["expectation_config"]["meta"]["factcheck_claim"]]
            kwargs = result["expectation_config"]["kwargs"]
            assert result["result"]["observed_value"] == claim["actual"]
            inside = kwargs["min_value"] <= claim["actual"] <= kwargs["max_value"]
            assert result["success"] is inside
            compiled += 1
    assert compiled >= 1
    assert (out / DOCS).is_file()
