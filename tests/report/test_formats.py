"""Every report format parsed back, on a project with pass, warn, fail, error and skip."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import xmlschema
from tests.report.conftest import SCRIPT

SCHEMAS = Path(__file__).parent / "schemas"


def test_all_verdicts_present(rendered) -> None:
    summary = rendered["report"]["summary"]
    assert all(summary[v] > 0 for v in ("pass", "warn", "fail", "error", "skip")), summary


def test_junit_valid_and_complete(rendered) -> None:
    text = rendered["texts"]["junit"]
    xmlschema.XMLSchema(SCHEMAS / "junit.xsd").validate(text)
    root = ET.fromstring(text)
    cases = {c.get("name"): c for c in root.iter("testcase")}
    report = rendered["report"]
    assert set(cases) == {c["id"] for c in report["claims"]}
    for claim in report["claims"]:
        case = cases[claim["id"]]
        assert case.get("classname") == "claims/article.yaml"
        kinds = {child.tag for child in case}
        expected = {"fail": "failure", "error": "error", "skip": "skipped"}.get(claim["verdict"])
        if expected:
            assert expected in kinds, claim["id"]
            if expected != "skipped":
                assert case.find(expected).get("message") == claim["explanation"]
        else:
            assert not kinds & {"failure", "error", "skipped"}
    assert root.get("failures") == str(report["summary"]["fail"])
    assert root.get("errors") == str(report["summary"]["error"])


def test_sarif_valid_and_located(rendered) -> None:
    log = json.loads(rendered["texts"]["sarif"])
    jsonschema.validate(log, json.loads((SCHEMAS / "sarif-2.1.0-subset.json").read_text()))
    results = log["runs"][0]["results"]
    bad = [c for c in rendered["report"]["claims"] if c["verdict"] in ("fail", "warn", "error")]
    assert len(results) == len(bad)
    for result, claim in zip(results, bad, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] == claim["line"]
        assert result["level"] == ("warning" if claim["verdict"] == "warn" else "error")


def test_sarif_against_the_full_object_model(rendered) -> None:
    """The complete SARIF 2.1.0 object model (sarif-pydantic), beside the subset schema."""
    from sarif_pydantic import Sarif

    log = Sarif.model_validate(json.loads(rendered["texts"]["sarif"]))
    assert log.version == "2.1.0" and log.runs[0].tool.driver.name == "factcheck"


def test_markdown_problems_first_then_passes_folded(rendered) -> None:
    text = rendered["texts"]["markdown"]
    rows = [line for line in text.splitlines() if line.startswith("| ") and "`" in line]
    verdicts = [row.split("|")[1].split()[-1] for row in rows]
    assert verdicts == sorted(verdicts, key=["fail", "error", "warn"].index)
    assert len(rows) == sum(rendered["report"]["summary"][v] for v in ("fail", "error", "warn"))
    assert "<details><summary>" in text and "passed</summary>" in text
    assert "<script>" not in text


def test_github_commands(rendered) -> None:
    lines = rendered["texts"]["github"].splitlines()
    commands = [line for line in lines if line.startswith("::")]
    claims = rendered["report"]["claims"]
    assert len(commands) == sum(c["verdict"] in ("fail", "warn", "error") for c in claims)
    first_fail = next(c for c in claims if c["verdict"] == "fail")
    assert any(
        line.startswith(f"::error file=claims/article.yaml,line={first_fail['line']},")
        for line in commands
    )
    assert all("\n" not in line for line in commands)


def test_github_step_summary(rendered, tmp_path) -> None:
    from factcheck.report.github import write_step_summary

    target = tmp_path / "summary.md"
    write_step_summary(rendered["report"], {"GITHUB_STEP_SUMMARY": str(target)})
    assert target.read_text().startswith("### factcheck")


def test_claimreview(rendered) -> None:
    reviews = json.loads(rendered["texts"]["claimreview"])
    assert len(reviews) == len(rendered["report"]["claims"])
    by_id = {r["identifier"]: r for r in reviews}
    for claim in rendered["report"]["claims"]:
        review = by_id[claim["id"]]
        assert review["@type"] == "ClaimReview" and review["claimReviewed"] == claim["quote"]
        rating = review["reviewRating"]
        assert rating["bestRating"] == 5 and rating["worstRating"] == 1
        assert rating["ratingExplanation"] == claim["explanation"]
        if claim["verdict"] == "fail":
            assert rating["ratingValue"] == 1 and rating["alternateName"] == "False"
        if claim["verdict"] in ("skip", "error"):
            assert "ratingValue" not in rating
    assert by_id["total_cases"]["itemReviewed"]["appearance"]["headline"]


def test_text_report(rendered) -> None:
    text = rendered["texts"]["text"]
    assert "\033[" not in text  # not a terminal: no colour
    assert text.splitlines()[-1].startswith("16 claims:")
    assert "dataset relay" in text and "failed its schema" in text


def test_html_escapes_and_is_self_contained(rendered) -> None:
    html = rendered["texts"]["html"]
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert "<script" not in html.lower()
    assert "http://" not in html.replace("http://www.w3.org", "")
    assert html.count('data-claim-id="') == len(rendered["report"]["claims"])
    assert "<svg" in html


def test_deterministic(rendered, tmp_path) -> None:
    """Same inputs, same bytes (time from SOURCE_DATE_EPOCH), in every format."""
    from click.testing import CliRunner
    from tests.report.conftest import FORMATS

    from factcheck.cli import cli

    args = ["check", "--root", str(rendered["root"])]
    for name in FORMATS:
        args += ["--format", f"{name}:{tmp_path / name}"]
    CliRunner(env={"SOURCE_DATE_EPOCH": "1750000000"}).invoke(cli, args)
    for name in FORMATS:
        assert (tmp_path / name).read_text(encoding="utf-8") == rendered["texts"][name], name
    assert rendered["report"]["generated"] == "2025-06-15T15:06:40Z"
