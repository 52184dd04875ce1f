"""`factcheck check` on the small hand-counted project in tests/projects/basic.

Every expected figure below was counted by hand from data/cases.csv and
data/monthly.csv; see the comments.
"""

from __future__ import annotations

import pytest
from tests.conftest import report_of

EXPECTED = {
    # id: (verdict, actual)
    "total_cases": ("pass", 12),  # 12 rows
    "over_ten": ("pass", 12),  # 10 < 12 < 20
    "convicted_share": ("fail", 0.75),  # 9 of 12 convicted: nearest simple fraction is 3/4
    "mean_sentence": ("pass", pytest.approx(26.5 / 9)),  # 9 sentences summing to 26.5
    "moscow_cases": ("pass", 4),  # C01 C02 C06 C10
    "first_quarter": ("pass", 8),  # C01..C08 received before April
    "busiest_region": ("pass", "Central"),  # Central 6, Volga 3, South 3
    "april_verdicts": ("pass", 848),
    "per_working_day": ("warn", pytest.approx(848 / 22)),  # 38.55 rounds to 39; truncates to 38
    "per_working_day_down": ("pass", pytest.approx(848 / 22)),
    "ru_monthly_each": ("pass", {"2025-01": 410, "2025-02": 460, "2025-03": 500, "2025-04": 848}),
    "ru_band": ("fail", {"2025-01": 410, "2025-02": 460, "2025-03": 500, "2025-04": 848}),
    "relay_men": ("pass", 20662),
    "penalty": ("pass", None),
    "prosecutor": ("skip", None),
    "broken_ratio": ("error", None),  # 12 / (4 - 4)
}


@pytest.fixture(scope="module")
def report() -> dict:
    from click.testing import CliRunner
    from tests.conftest import PROJECTS

    from factcheck.cli import cli, register_commands

    register_commands()
    result = CliRunner().invoke(
        cli, ["check", "--root", str(PROJECTS / "basic"), "--format", "json"]
    )
    assert result.exit_code == 1, result.output
    return report_of(result)


@pytest.mark.parametrize("claim_id", sorted(EXPECTED))
def test_verdict_and_actual(report: dict, claim_id: str) -> None:
    claims = {c["id"]: c for c in report["claims"]}
    verdict, actual = EXPECTED[claim_id]
    assert claims[claim_id]["verdict"] == verdict, claims[claim_id]["explanation"]
    assert claims[claim_id]["actual"] == actual


def test_contract_shape(report: dict) -> None:
    assert report["factcheck_report"] == 1
    counts = {k: v for k, v in report["summary"].items() if k != "evidence"}
    assert counts == {"pass": 11, "warn": 1, "fail": 2, "error": 1, "skip": 1}
    for claim in report["claims"]:
        assert {
            "id",
            "file",
            "line",
            "quote",
            "claim",
            "verdict",
            "actual",
            "explanation",
            "circular",
        } <= set(claim)
        assert claim["file"] == "claims/article.yaml"
        assert claim["line"] > 0
        assert claim["explanation"], claim["id"]
    datasets = {d["name"]: d for d in report["datasets"]}
    assert datasets["cases"]["rows"] == 12 and datasets["cases"]["valid"] is True
    assert len(datasets["cases"]["sha256"]) == 64


def test_explanations_say_numbers_and_rounding(report: dict) -> None:
    claims = {c["id"]: c for c in report["claims"]}
    assert "38.5" in claims["per_working_day"]["explanation"]
    assert claims["per_working_day"]["rounding"] == {"half_up": False, "down": True}
    assert "division by zero" in claims["broken_ratio"]["explanation"]
    steps = claims["per_working_day"]["computation"]["steps"]
    assert any("22" in step for step in steps)


def test_circular_relay(report: dict) -> None:
    claims = {c["id"]: c for c in report["claims"]}
    assert claims["relay_men"]["circular"] is True
    assert "circular" in claims["relay_men"]["explanation"]
    assert claims["total_cases"]["circular"] is False
    assert (claims["relay_men"]["evidence"], claims["total_cases"]["evidence"]) == (
        "circular",
        "direct",
    )


def test_claim_lines_point_at_the_claim(report: dict) -> None:
    from tests.conftest import PROJECTS

    lines = (PROJECTS / "basic/claims/article.yaml").read_text().splitlines()
    for claim in report["claims"]:
        assert f"id: {claim['id']}" in lines[claim["line"] - 1]


@pytest.mark.parametrize("engine", ["duckdb", "pandas"])
def test_engines_agree(factcheck, engine: str) -> None:
    from tests.conftest import PROJECTS

    result = factcheck(
        "check", "--root", PROJECTS / "basic", "--format", "json", "--engine", engine
    )
    claims = {c["id"]: c for c in report_of(result)["claims"]}
    for claim_id, (verdict, actual) in EXPECTED.items():
        assert claims[claim_id]["verdict"] == verdict, (engine, claim_id)
        assert claims[claim_id]["actual"] == actual, (engine, claim_id)


def test_select_and_tag(factcheck) -> None:
    from tests.conftest import PROJECTS

    result = factcheck(
        "check",
        "--root",
        PROJECTS / "basic",
        "--format",
        "json",
        "--select",
        "total_cases",
        "--tag",
        "rate",
    )
    claims = {c["id"]: c for c in report_of(result)["claims"]}
    assert claims["total_cases"]["verdict"] == "pass"
    assert claims["per_working_day"]["verdict"] == "warn"
    assert claims["moscow_cases"]["verdict"] == "skip"
    # april_verdicts is computed (per_working_day uses it) but reported as not selected.
    assert claims["april_verdicts"]["verdict"] == "skip"
    assert result.exit_code == 0


def test_strict_turns_warn_into_failure(factcheck) -> None:
    from tests.conftest import PROJECTS

    ok = factcheck("check", "--root", PROJECTS / "basic", "--tag", "rate")
    strict = factcheck("check", "--root", PROJECTS / "basic", "--tag", "rate", "--strict")
    assert (ok.exit_code, strict.exit_code) == (0, 1)


def test_output_file_written(factcheck, tmp_path) -> None:
    from tests.conftest import PROJECTS

    target = tmp_path / "out" / "report.json"
    result = factcheck("check", "--root", PROJECTS / "basic", "--format", f"json:{target}")
    assert result.stdout == ""
    assert report_of(type("R", (), {"stdout": target.read_text()})())["summary"]["pass"] == 11


def test_lint_and_list(factcheck) -> None:
    from tests.conftest import PROJECTS

    lint = factcheck("lint", "--root", PROJECTS / "basic")
    assert lint.exit_code == 0 and "16 claims" in lint.stdout
    listed = factcheck("list", "--root", PROJECTS / "basic")
    first = listed.stdout.splitlines()[0].split("\t")
    assert first == ["total_cases", "claims/article.yaml:10", "cases", "12"]


def test_project_defaults_in_pyproject(project, factcheck) -> None:
    root = project()
    (root / "pyproject.toml").write_text('[tool.factcheck.defaults]\nrounding = "down"\n')
    claims = root / "claims/article.yaml"
    claims.write_text(claims.read_text().replace("defaults:\n  tolerance: 10%\n", ""))
    result = factcheck("check", "--root", root, "--format", "json", "--no-history")
    judged = {c["id"]: c for c in report_of(result)["claims"]}
    assert judged["per_working_day"]["verdict"] == "pass"  # truncation is the project's rule
    (root / "pyproject.toml").write_text('[tool.factcheck.defaults]\nrounding = "up"\n')
    bad = factcheck("check", "--root", root)
    assert bad.exit_code == 2 and "pyproject.toml" in bad.stderr and "[up]" in bad.stderr


def test_claim_using_an_errored_claim_says_so(project, factcheck) -> None:
    root = project()
    claims = root / "claims/article.yaml"
    claims.write_text(
        claims.read_text()
        + """
  - id: uses_broken
    quote: "38 decisions for every working day"
    claim: "38"
    expr: broken_ratio * 2
"""
    )
    result = factcheck("check", "--root", root, "--format", "json", "--no-history")
    judged = {c["id"]: c for c in report_of(result)["claims"]}
    assert judged["uses_broken"]["verdict"] == "error"
    assert "broken_ratio" in judged["uses_broken"]["explanation"]


def test_timings_go_to_stderr_and_leave_the_report_alone(tmp_path) -> None:
    """--timings names each phase on stderr; the report on stdout is the same JSON."""
    import json
    import re

    from click.testing import CliRunner
    from tests.conftest import PROJECTS

    from factcheck.cli import cli, register_commands

    register_commands()
    args = ["check", "--root", str(PROJECTS / "basic"), "--format", "json", "--no-history"]
    result = CliRunner().invoke(cli, [*args, "--timings"])
    assert result.exit_code == 1
    phases = re.findall(r"(\w+) (\d+\.\d\d)", result.stderr.split("seconds:", 1)[1])
    assert [p for p, _ in phases] == ["load", "validate", "compute", "judge", "report", "write"]
    verdicts = {c["id"]: c["verdict"] for c in json.loads(result.stdout)["claims"]}
    assert verdicts == {k: v[0] for k, v in EXPECTED.items()}
