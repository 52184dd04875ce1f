"""Drift under --locked in JUnit, SARIF and GitHub annotations (contract section 8), end to
end on tests/projects/evidence: lock, change one row of events.csv, check again.

By hand: events from 18 June are 4 + 6 + 2 = 12; raising the 1 July row from 6 to 7 makes
them 13, so `direct_pass` ("12") moves 12 (pass) -> 13 (fail) and the other claims on those
rows move too.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def drifted_root(project: Any, factcheck: Any) -> Path:
    root = project("evidence")
    assert factcheck("lock", "--root", root).exit_code == 0
    data = root / "data/events.csv"
    data.write_text(data.read_text().replace("2024-07-01,North,6", "2024-07-01,North,7"))
    return root


def _line_of(root: Path, claim_id: str) -> int:
    lines = (root / "claims/article.yaml").read_text().splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.strip() == f"- id: {claim_id}")


def test_drift_in_junit_sarif_github(drifted_root: Path, factcheck: Any) -> None:
    root, out = drifted_root, drifted_root / "out"
    done = factcheck(
        "check", "--root", root, "--locked", "--no-history",
        "--format", f"json:{out}.json", "--format", f"junit:{out}.xml",
        "--format", f"sarif:{out}.sarif", "--format", f"github:{out}.gh", "--format", "text",
    )  # fmt: skip
    assert done.exit_code == 4, done.output
    report = json.loads(Path(f"{out}.json").read_text())
    drifted = [item["id"] for item in report["drift"]["claims"]]
    assert "direct_pass" in drifted
    line = _line_of(root, "direct_pass")
    assert "direct_pass: 12 (pass) -> 13 (fail); data changed: events" in done.output

    suite = next(
        s for s in ET.parse(f"{out}.xml").getroot().iter("testsuite")
        if s.get("name") == "factcheck.lock"
    )  # fmt: skip
    case = next(c for c in suite.iter("testcase") if c.get("name") == "drift: direct_pass")
    assert (case.get("file"), case.get("line")) == ("claims/article.yaml", str(line))
    assert "12 (pass) -> 13 (fail)" in case.find("failure").get("message")
    assert suite.get("failures") == str(len(drifted))

    results = json.loads(Path(f"{out}.sarif").read_text())["runs"][0]["results"]
    drift = next(
        r for r in results
        if r["ruleId"] == "factcheck/drift" and r["properties"]["claim_id"] == "direct_pass"
    )  # fmt: skip
    region = drift["locations"][0]["physicalLocation"]
    assert region["artifactLocation"]["uri"] == "claims/article.yaml"
    assert region["region"]["startLine"] == line

    github = Path(f"{out}.gh").read_text()
    pattern = (
        rf"^::error file=claims/article.yaml,line={line},title=factcheck drift%3A direct_pass::"
    )
    assert re.search(pattern, github, re.M)


def test_a_removed_claim_points_at_the_lock(drifted_root: Path, factcheck: Any) -> None:
    claims = drifted_root / "claims/article.yaml"
    text = claims.read_text()
    start = text.index("  - id: by_hand")
    end = text.index("  - id: nobody_knows")
    claims.write_text(text[:start] + text[end:])
    done = factcheck(
        "check", "--root", drifted_root, "--locked", "--no-history", "--format", "github"
    )
    assert done.exit_code == 4
    assert "::error file=factcheck.lock,line=1,title=factcheck drift%3A by_hand::" in done.output
