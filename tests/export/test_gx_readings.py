"""`factcheck gx-export` and a claim's readings (contract section 8): each reading is
accounted for with its own figure and verdict, and compiled into `NAME.readings` when it
is one ungrouped metric. Figures are recomputed here with plain pandas from the
synthetic tests/projects/evidence data."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("great_expectations")

SITE = Path("gx/uncommitted/data_docs/local_site")
LABEL = "counted from 17 June"


def _events(root: Path, since: str) -> int:
    """The events counted from `since` on, as the readings' metric asks."""
    events = pd.read_csv(root / "data/events.csv", parse_dates=["date"])
    return int(events.loc[events["date"] >= pd.Timestamp(since), "count"].sum())


@pytest.fixture
def exported(project, factcheck, tmp_path):
    root = project("evidence")
    out = tmp_path / "out"
    result = factcheck("gx-export", "--root", root, "--out", out)
    checked = factcheck("check", "--root", root, "--no-history", "--format", "json")
    assert result.exit_code == checked.exit_code, result.output
    return root, out, result, json.loads(checked.stdout)


def test_each_reading_is_an_expectation_with_its_own_band(exported) -> None:
    root, out, result, _ = exported
    suite = json.loads((out / "gx/expectations/events/readings.json").read_text())
    by_claim = {e["meta"]["factcheck_claim"]: e for e in suite["expectations"]}
    assert set(by_claim) == {"readings_split", "readings_all_pass", "readings_all_fail"}
    split = by_claim["readings_split"]
    assert split["type"] == "expect_column_sum_to_be_between"
    assert split["meta"]["factcheck_reading"] == LABEL
    # "between 10 and 14": the reading's own band; its figure is the 17 June count
    assert (split["kwargs"]["min_value"], split["kwargs"]["max_value"]) == (10.0, 14.0)
    assert split["meta"]["factcheck_figure"] == _events(root, "2024-06-17")
    assert "suite events.readings: 3 expectations compiled" in result.stdout
    # the claims suite still holds each claim's own reading (from 18 June)
    claims = json.loads((out / "gx/expectations/events/claims.json").read_text())
    own = {e["meta"]["factcheck_claim"]: e["meta"] for e in claims["expectations"]}
    assert own["readings_split"]["factcheck_figure"] == _events(root, "2024-06-18")
    assert "factcheck_reading" not in own["readings_split"]


def test_gx_recomputes_each_reading(exported) -> None:
    root, out, _, _ = exported
    (path,) = (out / "gx/uncommitted/validations/events/readings").rglob("*.json")
    results = {
        r["expectation_config"]["meta"]["factcheck_claim"]: r
        for r in json.loads(path.read_text())["results"]
    }
    figure = _events(root, "2024-06-17")
    for claim, low, high in (
        ("readings_split", 10, 14),
        ("readings_all_pass", 10, 20),
        ("readings_all_fail", 25, 26),
    ):
        assert results[claim]["result"]["observed_value"] == figure
        assert results[claim]["success"] is (low <= figure <= high), claim


def test_every_reading_in_the_ledger_with_figure_and_verdict(exported) -> None:
    _, out, _, report = exported
    ledger = json.loads((out / SITE / "factcheck-accounting.json").read_text())
    listed = {c["id"]: c for c in ledger["claims"]}
    for claim in report["claims"]:
        entry = listed[claim["id"]]
        assert [(r["label"], r["claim"], r["actual"], r["verdict"]) for r in entry["readings"]] == [
            (r["label"], r["claim"], r["actual"], r["verdict"]) for r in claim["readings"]
        ]
        for reading in entry["readings"]:
            assert reading["compiled"] or reading["reason"], (claim["id"], reading)
    split = listed["readings_split"]["readings"][0]
    assert (split["verdict"], split["compiled"], split["suite"]) == (
        "fail",
        True,
        "events.readings",
    )
    assert split["gx_success"] is False  # 15 is outside 10-14, in GX too
    ratio = listed["readings_ratio"]["readings"]
    assert [r["reason"] for r in ratio] == ["events: expr: a computed expression"] * 2


def test_the_accounting_page_lists_each_reading(exported) -> None:
    root, out, _, report = exported
    page = (out / SITE / "factcheck.html").read_text()
    rows = re.findall(
        r'<tr data-reading-of="([^"]+)" data-label="([^"]+)"[^>]*>(.*?)</tr>', page, re.S
    )
    expected = [(c["id"], r) for c in report["claims"] for r in c["readings"]]
    assert len(rows) == len(expected) == 5
    for (claim_id, label, cells), (want_id, reading) in zip(rows, expected, strict=True):
        assert (claim_id, unescape(label)) == (want_id, reading["label"])
        assert f'<span class="status {reading["verdict"]}">' in cells
    split = next(cells for claim_id, _, cells in rows if claim_id == "readings_split")
    assert f'<span class="figure">{_events(root, "2024-06-17")}</span>' in split
    index = (out / SITE / "index.html").read_text()
    assert "3 of 5 other readings too." in index


def test_no_readings_suite_without_readings(project, factcheck, tmp_path) -> None:
    out = tmp_path / "out"
    result = factcheck("gx-export", "--root", project("basic"), "--out", out)
    assert ".readings" not in result.stdout
    assert not list((out / "gx/expectations").rglob("readings.json"))
    page = (out / SITE / "factcheck.html").read_text()
    assert 'id="readings"' not in page
