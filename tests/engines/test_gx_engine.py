"""The great-expectations engine recomputes every figure as DuckDB does (optional extra)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import PROJECTS

from factcheck.engines.base import Source

pytest.importorskip("great_expectations")

ROOT = Path(__file__).resolve().parents[2]  # the bundled Mediazona check

CLAIMS = "claims/article.yaml"


def with_engine(root: Path, engine: str) -> Path:
    """Choose the engine in the project's settings ([tool.factcheck] engine)."""
    (root / "pyproject.toml").write_text(f'[tool.factcheck]\nengine = "{engine}"\n')
    return root


def features(tmp_path: Path) -> Path:
    """The features project over the basic project's cases (as test_formats_and_features)."""
    root = tmp_path / "features"
    shutil.copytree(PROJECTS / "features", root)
    (root / "data").mkdir()
    (root / "schemas").mkdir()
    shutil.copy(PROJECTS / "basic/schemas/cases.py", root / "schemas/cases.py")
    shutil.copy(PROJECTS / "basic/data/cases.csv", root / "data/cases.csv")
    (root / "data/datasets.yaml").write_text(
        "datasets:\n  cases:\n    path: cases.csv\n    schema: cases\n"
        "    provenance: {kind: synthetic}\n"
    )
    return root


def check(factcheck: Any, root: Path, engine: str) -> tuple[int, dict[str, dict[str, Any]]]:
    with_engine(root, engine)
    result = factcheck("check", "--root", root, "--format", "json", "--no-history")
    report = json.loads(result.stdout)
    assert report["engine"] == engine
    return result.exit_code, {c["id"]: c for c in report["claims"]}


def figures(claims: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {i: (c["actual"], c["verdict"], c.get("computation")) for i, c in claims.items()}


@pytest.mark.parametrize("name", ["basic", "features"])
def test_same_figures_and_verdicts_as_duckdb(project, factcheck, tmp_path, name) -> None:
    root = project("basic") if name == "basic" else features(tmp_path)
    duck_code, duck = check(factcheck, root, "duckdb")
    gx_code, gx = check(factcheck, root, "gx")
    assert gx_code == duck_code
    assert figures(gx) == figures(duck)
    # Every ungrouped figure keeps its type (an int count stays an int).
    for claim_id, claim in gx.items():
        assert type(claim["actual"]) is type(duck[claim_id]["actual"]), claim_id


def test_bundled_project_same_figures(tmp_path) -> None:
    from factcheck.run import Options, run_check

    outcomes = {e: run_check(Options(root=ROOT, engine=e)) for e in ("duckdb", "gx")}
    assert outcomes["gx"].report is not None and outcomes["duckdb"].report is not None
    reports = {e: outcome.report.as_dict() for e, outcome in outcomes.items() if outcome.report}
    duck = {c["id"]: c for c in reports["duckdb"]["claims"]}
    gx = {c["id"]: c for c in reports["gx"]["claims"]}
    assert gx.keys() == duck.keys()
    assert figures(gx) == figures(duck)
    assert reports["gx"]["summary"] == reports["duckdb"]["summary"]


def test_failing_scan_errors_only_its_claims(project, factcheck) -> None:
    root = project()
    claims = root / CLAIMS
    text = claims.read_text()
    claims.write_text(text.replace("where: \"court = 'Moscow garrison'\"", 'where: "court = 5"'))
    code, gx = check(factcheck, root, "gx")
    assert code == 1
    assert gx["moscow_cases"]["verdict"] == "error"
    assert gx["total_cases"]["verdict"] == "pass" and gx["total_cases"]["actual"] == 12


def test_gx_error_inside_a_validation_errors_that_scan(monkeypatch) -> None:
    import pandas as pd

    from factcheck.engines import gx_engine
    from factcheck.lang.where import parse_where
    from factcheck.plan import Scan

    frame = pd.DataFrame({"court": ["A", "B", "A"], "n": [1, 2, 3]})
    good = Scan(None, None, {("t", "good", "sum", "n", None): ("sum", "n")})
    bad = Scan(parse_where("court = 'A'"), None, {("t", "bad", "max", "n", None): ("max", "n")})
    engine = gx_engine.GXEngine()
    real = engine._validate

    def failing(data: Any, wants: Any) -> Any:
        if len(data) == 2:  # the filtered scan
            raise gx_engine.GXError("boom from great-expectations")
        return real(data, wants)

    monkeypatch.setattr(engine, "_validate", failing)
    results = engine.compute(Source("t", frame=frame), [good, bad])
    assert results[("t", "good", "sum", "n", None)].value == 6
    assert results[("t", "bad", "max", "n", None)].error == "boom from great-expectations"


def test_no_network_and_no_files(project, factcheck, tmp_path, monkeypatch, no_network) -> None:
    calls = no_network
    root = with_engine(project(), "gx")
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    result = factcheck("check", "--root", root, "--format", "json", "--no-history")
    claims = {c["id"]: c for c in json.loads(result.stdout)["claims"]}
    assert claims["total_cases"]["actual"] == 12
    assert calls == []
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
    assert list(cwd.iterdir()) == []


def test_missing_gx_is_one_clear_line(project, factcheck, monkeypatch) -> None:
    import factcheck.engines as engines

    # As if the extra were not installed: a None in sys.modules makes `import` fail.
    monkeypatch.setitem(sys.modules, "great_expectations", None)
    root = with_engine(project(), "gx")
    result = factcheck("check", "--root", root, "--format", "json", "--no-history")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, result.stderr  # the problem, at the engine line, and the count
    assert lines[0].startswith("pyproject.toml:2: error: engine 'gx' needs great_expectations")
    assert "pip install 'factcheck-claims[gx]'" in lines[0] and "Traceback" not in result.stderr
    by_flag = factcheck("check", "--root", root, "--engine", "gx", "--no-history")
    assert by_flag.exit_code == 2 and by_flag.stderr.startswith("--engine: error: engine 'gx'")
    with pytest.raises(ValueError, match=r"factcheck-claims\[gx\]"):
        engines.get_engine("gx")


def test_sum_of_text_errors_the_same_claims_as_duckdb(project, factcheck) -> None:
    root = project()
    claims = root / CLAIMS
    claims.write_text(
        claims.read_text()
        + """
  - id: text_sum
    quote: "the courts added up"
    claim: "12"
    metric: {dataset: cases, aggregate: sum, column: court}
"""
    )
    _, duck = check(factcheck, root, "duckdb")
    _, gx = check(factcheck, root, "gx")
    assert gx["text_sum"]["verdict"] == "error"
    assert "text column 'court'" in gx["text_sum"]["explanation"]
    assert {i: c["verdict"] for i, c in gx.items()} == {i: c["verdict"] for i, c in duck.items()}


def test_unknown_engine_is_one_line_too(project, factcheck) -> None:
    root = with_engine(project(), "polars")
    result = factcheck("check", "--root", root, "--format", "json", "--no-history")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "pyproject.toml:2: error: unknown engine 'polars' (known: duckdb, gx, pandas, spark) "
        "[polars]",
        "1 problem in the project; nothing was checked.",
    ]
