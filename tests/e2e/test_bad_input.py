"""Bad input: a clear message naming file, line and the offending word, the contract's
exit code, no traceback, nothing executed, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CLAIMS = "claims/article.yaml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def run_bad(factcheck, root: Path, tmp_path: Path):
    out = tmp_path / "report.json"
    result = factcheck("check", "--root", root, "--format", f"json:{out}")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not out.exists(), "nothing is written when the project cannot be read"
    return result.stderr


# (description, file to edit, old text, new text, expected word, needle for the line)
CASES = [
    (
        "unknown key",
        CLAIMS,
        "    metric: {dataset: cases}\n",
        "    metirc: {dataset: cases}\n",
        "metirc",
        "metirc",
    ),
    (
        "unknown dataset",
        CLAIMS,
        "metric: {dataset: cases}\n",
        "metric: {dataset: casse}\n",
        "casse",
        "dataset: casse",
    ),
    (
        "unknown column",
        CLAIMS,
        "column: sentence_years",
        "column: sentence_yrs",
        "sentence_yrs",
        "sentence_yrs",
    ),
    (
        "unknown column in where",
        CLAIMS,
        "where: \"court = 'Moscow garrison'\"",
        "where: \"curt = 'Moscow garrison'\"",
        "curt",
        "curt =",
    ),
    ("unreadable phrase", CLAIMS, 'claim: "12"', "claim: a bajillion", "bajillion", "a bajillion"),
    (
        "python YAML tag",
        CLAIMS,
        'claim: "12"',
        "claim: !!python/object/apply:os.system [ls]",
        "!!python/object/apply:os.system",
        "os.system",
    ),
    (
        "python in where",
        CLAIMS,
        "where: \"court = 'Moscow garrison'\"",
        "where: \"__import__('os').system('ls')\"",
        "(",
        "__import__",
    ),
    (
        "SQL in where",
        CLAIMS,
        "where: \"court = 'Moscow garrison'\"",
        "where: \"court = 'x'; drop table t\"",
        ";",
        "drop table",
    ),
    (
        "unknown function",
        CLAIMS,
        "expr: convicted / all",
        "expr: convicted / eval(all)",
        "eval",
        "eval(all)",
    ),
    (
        "unknown name",
        CLAIMS,
        "expr: convicted / all",
        "expr: convicted / everyone",
        "everyone",
        "convicted / everyone",
    ),
    ("duplicate id", CLAIMS, "id: over_ten", "id: total_cases", "total_cases", "id: total_cases"),
    (
        "bad aggregate",
        CLAIMS,
        "aggregate: mean",
        "aggregate: average",
        "average",
        "aggregate: average",
    ),
    (
        "missing data file",
        "data/datasets.yaml",
        "path: monthly.csv",
        "path: monthly2.csv",
        "data/monthly2.csv",
        "monthly2.csv",
    ),
    (
        "data path outside the root",
        "data/datasets.yaml",
        "path: monthly.csv",
        "path: ../../monthly.csv",
        "../../monthly.csv",
        "../../monthly.csv",
    ),
    (
        "missing schema",
        "data/datasets.yaml",
        "schema: monthly",
        "schema: monthy",
        "monthy",
        "schema: monthy",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_input(project, factcheck, tmp_path, case) -> None:
    _, rel, old, new, word, needle = case
    root = project()
    edit(root / rel, old, new)
    stderr = run_bad(factcheck, root, tmp_path)
    line = line_of(root / rel, needle)
    matching = [ln for ln in stderr.splitlines() if f"{rel}:{line}" in ln]
    assert matching, stderr
    assert any(f"[{word}]" in ln for ln in matching), stderr


def test_malformed_yaml(project, factcheck, tmp_path) -> None:
    root = project()
    edit(root / CLAIMS, "metric: {dataset: cases}\n", "metric: {dataset: cases\n")
    stderr = run_bad(factcheck, root, tmp_path)
    assert f"{CLAIMS}:" in stderr and "malformed YAML" in stderr


def test_three_mistakes_reported_in_one_run(project, factcheck, tmp_path) -> None:
    root = project()
    edit(root / CLAIMS, "    metric: {dataset: cases}\n", "    metirc: {dataset: cases}\n")
    edit(root / CLAIMS, 'claim: "4"', "claim: a bajillion")
    edit(root / CLAIMS, "column: sentence_years", "column: sentence_yrs")
    stderr = run_bad(factcheck, root, tmp_path)
    for word in ("metirc", "bajillion", "sentence_yrs"):
        assert f"[{word}]" in stderr
    assert "3 problems" in stderr


def test_cycle_between_claims(project, factcheck, tmp_path) -> None:
    root = project()
    edit(root / CLAIMS, "expr: total_cases / (moscow_cases - 4)", "expr: broken_ratio * 2")
    stderr = run_bad(factcheck, root, tmp_path)
    assert "cycle" in stderr and "[broken_ratio]" in stderr


def test_no_claims(project, factcheck, tmp_path) -> None:
    root = project()
    (root / CLAIMS).unlink()
    stderr = run_bad(factcheck, root, tmp_path)
    assert "no claims" in stderr


def test_schema_failure_makes_claims_error(project, factcheck, tmp_path) -> None:
    root = project()
    edit(root / "data/monthly.csv", "2025-02,RU,460,540", "2025-02,RU,-460,540")
    out = tmp_path / "report.json"
    result = factcheck("check", "--root", root, "--format", f"json:{out}")
    assert result.exit_code == 3
    report = json.loads(out.read_text())
    claims = {c["id"]: c for c in report["claims"]}
    for claim_id in ("april_verdicts", "ru_band", "per_working_day"):
        assert claims[claim_id]["verdict"] == "error", claim_id
    assert claims["total_cases"]["verdict"] == "pass"
    monthly = next(d for d in report["datasets"] if d["name"] == "monthly")
    assert monthly["valid"] is False
    failure = monthly["failures"][0]
    assert failure["column"] == "verdicts"
    assert failure["failure_cases"][0]["failure_case"] == -460


def test_corrupt_row_word_in_number_column(project, factcheck, tmp_path) -> None:
    root = project()
    edit(root / "data/monthly.csv", "2025-03,RU,500,610", "2025-03,RU,five hundred,610")
    out = tmp_path / "report.json"
    result = factcheck("check", "--root", root, "--format", f"json:{out}")
    assert result.exit_code == 3
    report = json.loads(out.read_text())
    monthly = next(d for d in report["datasets"] if d["name"] == "monthly")
    cases = [fc["failure_case"] for f in monthly["failures"] for fc in f["failure_cases"]]
    assert "five hundred" in cases


def test_nothing_executed_from_tags(project, factcheck, tmp_path) -> None:
    root = project()
    marker = tmp_path / "pwned"
    edit(root / CLAIMS, 'claim: "12"', f"claim: !!python/object/apply:os.system ['touch {marker}']")
    run_bad(factcheck, root, tmp_path)
    assert not marker.exists()


@pytest.mark.parametrize("engine", ["duckdb", "pandas"])
def test_filter_of_the_wrong_type_errors_that_claim_only(project, factcheck, engine) -> None:
    root = project()
    edit(root / CLAIMS, "where: \"court = 'Moscow garrison'\"", 'where: "court = 5"')
    result = factcheck("check", "--root", root, "--format", "json", "--engine", engine)
    assert result.exit_code == 1
    claims = {c["id"]: c for c in json.loads(result.stdout)["claims"]}
    assert claims["moscow_cases"]["verdict"] == "error"
    assert claims["total_cases"]["verdict"] == "pass"


def test_unparseable_data_file_is_a_config_error(project, factcheck, tmp_path) -> None:
    root = project()
    (root / "data/relay.csv").write_bytes(b'metric,value\n"men,20662\n')
    stderr = run_bad(factcheck, root, tmp_path)
    assert "data/datasets.yaml" in stderr and "[relay]" in stderr


@pytest.mark.parametrize("command", ["check", "lint", "list", "lock"])
def test_root_that_does_not_exist(factcheck, tmp_path, command) -> None:
    result = factcheck(command, "--root", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert "nowhere" in result.output and "does not exist" in result.output
    assert "Traceback" not in result.output


def test_article_text_that_is_not_utf8(project, factcheck, tmp_path) -> None:
    root = project()
    (root / "claims" / "article.txt").write_bytes(b"caf\xe9: 12 cases\n")
    stderr = run_bad(factcheck, root, tmp_path)
    line = line_of(root / CLAIMS, "text: article.txt")
    assert f"{CLAIMS}:{line}:" in stderr and "not UTF-8 text [article.txt]" in stderr


def test_unknown_engine_in_pyproject(project, factcheck, tmp_path) -> None:
    root = project()
    (root / "pyproject.toml").write_text('[tool.factcheck]\nengine = "polars"\n')
    for command in ("lint", "check"):
        result = factcheck(command, "--root", root)
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert "pyproject.toml:2: error: unknown engine 'polars'" in result.stderr
        assert result.stderr.count("unknown engine") == 1


@pytest.mark.parametrize("engine", ["duckdb", "pandas"])
def test_text_aggregates_error_only_their_own_claims(project, factcheck, engine) -> None:
    # sum/mean/max of a text column share the unfiltered scan with total_cases: the bad
    # aggregate must not take the scan's other metrics with it, nor crash the judge.
    root = project()
    path = root / CLAIMS
    path.write_text(path.read_text() + "".join(
        f"\n  - id: text_{agg}\n    quote: \"courts\"\n    claim: \"12\"\n"
        f"    metric: {{dataset: cases, aggregate: {agg}, column: court}}\n"
        for agg in ("sum", "mean", "max")
    ))  # fmt: skip
    result = factcheck("check", "--root", root, "--format", "json", "--engine", engine)
    assert result.exit_code == 1 and "Traceback" not in result.output
    claims = {c["id"]: c for c in json.loads(result.stdout)["claims"]}
    assert claims["total_cases"]["verdict"] == "pass"
    assert {claims[f"text_{a}"]["verdict"] for a in ("sum", "mean", "max")} == {"error"}
    assert "sum" in claims["text_sum"]["explanation"]
    assert "'12' needs a number; the figure is 'Tver garrison'" in claims["text_max"]["explanation"]
