"""Hostile `where`/`expr` texts and data values end to end (issue 10): exit 2 naming
file:line for configuration, an `error` verdict with its reason for data, never a
traceback, on every engine."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.conftest import PROJECTS

ENGINES = ["duckdb", "pandas", "gx"]


def _claims(root: Path, body: str) -> None:
    (root / "claims" / "article.yaml").write_text("source: {title: t}\nclaims:\n" + body)


def test_deep_texts_are_config_errors_in_lint_and_check(project, factcheck) -> None:
    root = project("basic")
    ors = " or ".join(f"article = {i}" for i in range(490))
    _claims(
        root,
        f'  - {{id: ors, quote: q, claim: "1", metric: {{dataset: cases, where: "{ors}"}}}}\n'
        f'  - {{id: nots, quote: q, claim: "1", metric: {{dataset: cases, where: '
        f'"{"not " * 495}article = 1"}}}}\n'
        f'  - {{id: plus, quote: q, claim: "1", expr: "{" + ".join(["1"] * 490)}"}}\n'
        '  - {id: round30, quote: q, claim: "1", expr: "round(1.5, 30)"}\n'
        '  - {id: filler, quote: q, claim: "1", expr: "1"}\n'
        "  - {id: wd, quote: q, claim: \"1\", expr: \"working_days('RU', '0001-01-01', "
        "'9999-12-31')\"}\n",
    )
    # A number over number_digits is refused by the YAML reader, which then reads nothing
    # else of its file: it is in a file of its own, so the problems above are all reported.
    (root / "claims" / "digits.yaml").write_text(
        "source: {title: t}\nclaims:\n"
        f'  - {{id: digits, quote: q, claim: "1", expr: "{"1" * 101} / 3"}}\n'
    )
    for command in ("lint", "check"):
        result = factcheck(command, "--root", root)
        assert result.exit_code == 2, result.output
        out = result.output
        assert "Traceback" not in out
        for line, what in [
            (3, "too deeply nested"),
            (4, "too deeply nested"),
            (5, "too deeply nested"),
            (6, "round(): places must be between -20 and 20, got 30"),
            (8, "covers 9999 calendar years"),
        ]:
            assert f"claims/article.yaml:{line}:" in out and what in out, (line, what, out)
        assert "claims/digits.yaml:3:" in out and "digits in one number (101)" in out


def _weather(tmp_path: Path, engine: str) -> Path:
    if engine == "gx":
        pytest.importorskip("great_expectations")
    root = tmp_path / "weather"
    shutil.copytree(PROJECTS / "weather", root, ignore=shutil.ignore_patterns(".factcheck"))
    return root


def _claims_of(factcheck, root: Path, engine: str, exit_code: int) -> dict:
    result = factcheck("check", "--root", root, "--engine", engine, "--format", "json")
    assert result.exit_code == exit_code, result.output
    return {c["id"]: c for c in json.loads(result.stdout)["claims"]}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_column_named_like_an_alias_groups_as_any_other(factcheck, tmp_path, engine) -> None:
    root = _weather(tmp_path, engine)
    data = root / "data" / "weather.csv"
    data.write_text(data.read_text().replace("max_temp_c", "__key", 1))
    schema = root / "schemas" / "weather.yaml"
    schema.write_text(schema.read_text().replace("max_temp_c", "__key"))
    claims = _claims_of(factcheck, root, engine, 1)
    assert claims["wettest_month"]["verdict"] == "pass", claims["wettest_month"]["explanation"]
    assert claims["readings_each_month"]["actual"]["December"] == 4


@pytest.mark.parametrize("engine", ENGINES)
def test_infinite_values_error_the_claims_on_them(factcheck, tmp_path, engine) -> None:
    root = _weather(tmp_path, engine)
    data = root / "data" / "weather.csv"
    text = data.read_text()
    # Schema-valid floats: inf in January 2023, two 1e308 in December 2024 (their sum
    # overflows). Synthetic, as the rest of the file.
    for row, value in [("2023-01-06,20.0,", "inf"), ("2024-12-06,40.0,", "1e308")]:
        text = text.replace(row, row.split(",")[0] + f",{value},")
    text = text.replace("2024-12-20,30.0,", "2024-12-20,1e308,")
    data.write_text(text)
    (root / "claims" / "more.yaml").write_text(
        "source: {title: totals}\nclaims:\n"
        "  - {id: total, quote: q, claim: '1,000', metric: {dataset: weather, aggregate: sum,"
        " column: rain_mm}}\n"
        "  - {id: readings, quote: q, claim: '48', metric: {dataset: weather}}\n"
    )
    claims = _claims_of(factcheck, root, engine, 1)
    assert claims["readings"]["verdict"] == "pass"  # counting rows is unaffected
    total = claims["total"]
    assert total["verdict"] == "error"
    assert "sum(rain_mm) is inf: the column holds infinite values" in total["explanation"]
    wettest = claims["wettest_month"]  # an argmax over overflowed groups crowns nobody
    assert wettest["verdict"] == "error"
    assert "is inf in group December, January" in wettest["explanation"]
