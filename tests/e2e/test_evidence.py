"""Evidence strength and readings (contract section 8) end to end, on tests/projects/evidence.

The figures are recomputed here from the CSV files with the csv module, not taken from
the tool: events.csv holds 5+3+4+6+2 = 20 events, 12 of them from 18 June, 15 from 17 June;
the North has 14 (9 from 17 June), the South 6.
"""

from __future__ import annotations

import csv
import json
from typing import Any

import pytest
from tests.conftest import PROJECTS, report_of

ROOT = PROJECTS / "evidence"


def _events_since(day: str, region: str | None = None) -> int:
    with (ROOT / "data/events.csv").open(newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["date"] >= day]
    return sum(int(r["count"]) for r in rows if region in (None, r["region"]))


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    from click.testing import CliRunner

    from factcheck.cli import cli, register_commands

    register_commands()
    done = CliRunner().invoke(
        cli, ["check", "--root", str(ROOT), "--no-history", "--format", "json"]
    )
    assert done.exit_code == 1, done.output  # direct_fail is an honest fail
    return report_of(done)


def _claims(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in report["claims"]}


def test_hand_counted_figures(report: dict[str, Any]) -> None:
    claims = _claims(report)
    assert claims["direct_pass"]["actual"] == _events_since("2024-06-18") == 12
    assert claims["proxy_pass"]["actual"] == _events_since("2024-06-17") == 15
    assert claims["proxy_fail"]["actual"] == _events_since("") == 20


@pytest.mark.parametrize(
    ("claim_id", "verdict", "evidence"),
    [
        ("direct_pass", "pass", "direct"),
        ("direct_fail", "fail", "direct"),
        ("proxy_pass", "warn", "proxy"),  # 15 is about 15: a pass, capped
        ("proxy_fail", "warn", "proxy"),  # 20 is not over 30: a fail, capped
        ("circular_pass", "pass", "circular"),
        ("by_hand", "pass", "manual"),
        ("nobody_knows", "skip", None),
    ],
)
def test_verdict_and_evidence(
    report: dict[str, Any], claim_id: str, verdict: str, evidence: str | None
) -> None:
    claim = _claims(report)[claim_id]
    assert (claim["verdict"], claim["evidence"]) == (verdict, evidence), claim["explanation"]


def test_proxy_says_which_way_it_points(report: dict[str, Any]) -> None:
    claims = _claims(report)
    assert claims["proxy_pass"]["explanation"].startswith("proxy data supports the claim")
    assert claims["proxy_fail"]["explanation"].startswith("proxy data points against the claim")
    assert "last summer's counts" in claims["proxy_fail"]["explanation"]


def test_summary_counts_verdicts_per_evidence(report: dict[str, Any]) -> None:
    summary = report["summary"]
    assert {k: summary[k] for k in ("pass", "warn", "fail", "error", "skip")} == {
        "pass": 4, "warn": 4, "fail": 2, "error": 0, "skip": 1,
    }  # fmt: skip
    assert summary["evidence"] == {
        "direct": {"pass": 2, "warn": 2, "fail": 2, "error": 0},
        "proxy": {"pass": 0, "warn": 2, "fail": 0, "error": 0},
        "circular": {"pass": 1, "warn": 0, "fail": 0, "error": 0},
        "manual": {"pass": 1, "warn": 0, "fail": 0, "error": 0},
    }


def test_every_format_shows_the_evidence(report: dict[str, Any]) -> None:
    from factcheck.report import render

    text = render("text", report)
    assert text.splitlines()[-1] == (
        "11 claims: 4 pass (2 on independent data, 1 circular, 1 by hand), "
        "4 warn (2 on independent data, 2 on proxy data), 2 fail, 0 error, 1 skip"
    )
    flagged = [line.split()[2] for line in text.splitlines() if "[proxy]" in line]
    assert flagged == ["proxy_pass:", "proxy_fail:"]
    markdown = render("markdown", report)
    assert "4 warn (2 on independent data, 2 on proxy data)" in markdown
    assert "(proxy) |" in markdown
    assert "evidence: proxy" in render("junit", report)
    sarif = json.loads(render("sarif", report))
    results = {r["properties"]["claim_id"]: r for r in sarif["runs"][0]["results"]}
    assert results["proxy_fail"]["properties"]["evidence"] == "proxy"
    assert sarif["runs"][0]["properties"]["summary"]["evidence"] == report["summary"]["evidence"]
    assert "title=factcheck warn (proxy)%3A proxy_fail" in render("github", report)
    html = render("html", report)
    assert "1 by hand" in html and 'class="flag proxy"' in html


def test_a_report_without_evidence_still_renders(report: dict[str, Any]) -> None:
    """Reports written before v1.1 have no `evidence`: the old summary line, no flags."""
    from factcheck.report import render

    old = json.loads(json.dumps(report))
    del old["summary"]["evidence"]
    for claim in old["claims"]:
        del claim["evidence"]
    assert render("text", old).splitlines()[-1].startswith("11 claims: 4 pass, 4 warn, 2 fail")


@pytest.mark.parametrize(
    ("claim_id", "verdict", "readings"),
    [
        # between 10 and 14: 12 passes; from 17 June, 15 fails -> depends on the reading
        ("readings_split", "warn", [("counted from 17 June", 15, "fail")]),
        # over 10 (passes below 20): 12 and 15 both pass
        ("readings_all_pass", "pass", [("counted from 17 June", 15, "pass")]),
        # over 25: 12 and 15 both fail
        ("readings_all_fail", "fail", [("counted from 17 June", 15, "fail")]),
        # 14 / 6 is over 2; 9 / 6 = 1.5 is not; "about 2" is 0.33 off: within twice 10%
        (
            "readings_ratio",
            "warn",
            [
                ("North counted from 17 June", 1.5, "fail"),
                ('"more than twice" as "about twice"', 14 / 6, "warn"),
            ],
        ),
    ],
)
def test_readings(
    report: dict[str, Any], claim_id: str, verdict: str, readings: list[tuple[str, float, str]]
) -> None:
    claim = _claims(report)[claim_id]
    got = [(r["label"], r["actual"], r["verdict"]) for r in claim["readings"]]
    assert got == [(label, pytest.approx(actual), v) for label, actual, v in readings]
    assert claim["verdict"] == verdict, claim["explanation"]
    assert all(r["explanation"] for r in claim["readings"])


def test_reading_figures_are_hand_counted() -> None:
    assert _events_since("2024-06-17") == 15
    assert (_events_since("", "North"), _events_since("", "South")) == (14, 6)
    assert _events_since("2024-06-17", "North") / _events_since("", "South") == 1.5


def test_depends_on_the_reading_names_each(report: dict[str, Any]) -> None:
    claims = _claims(report)
    assert claims["readings_split"]["explanation"] == (
        "depends on the reading: as written passes, counted from 17 June fails"
    )
    assert claims["readings_split"]["actual"] == 12  # the claim's own reading
    assert "every other reading fails too" in claims["readings_all_fail"]["explanation"]


def test_every_format_shows_the_readings(report: dict[str, Any]) -> None:
    from factcheck.report import render

    line = 'counted from 17 June: "between 10 and 14" = 15 — fail: 15 is outside 10-14'
    for name in ("text", "markdown", "junit", "github"):
        assert line in render(name, report), name
    sarif = json.loads(render("sarif", report))
    results = {r["properties"]["claim_id"]: r for r in sarif["runs"][0]["results"]}
    assert results["readings_split"]["properties"]["readings"][0]["actual"] == 15
    html = render("html", report)
    assert '<li data-reading="counted from 17 June" data-verdict="fail">' in html


@pytest.mark.parametrize("engine", ["pandas", "gx"])
def test_same_verdicts_and_readings_on_every_engine(report: dict[str, Any], engine: str) -> None:
    """Evidence and readings are judged after the figures, so no engine may change them."""
    if engine == "gx":
        pytest.importorskip("great_expectations")
    from click.testing import CliRunner

    from factcheck.cli import cli

    done = CliRunner().invoke(
        cli, ["check", "--root", str(ROOT), "--no-history", "--format", "json", "--engine", engine]
    )
    other = report_of(done)

    def verdicts(r: dict[str, Any]) -> list[Any]:
        return [
            (
                c["id"],
                c["verdict"],
                c["evidence"],
                [(x["label"], x["verdict"]) for x in c["readings"]],
            )
            for c in r["claims"]
        ]

    assert verdicts(other) == verdicts(report)
    assert other["summary"] == report["summary"]
