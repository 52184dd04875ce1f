"""The report fixture every renderer is tested on: tests/report/fixtures/report.json.

It covers pass, warn, fail, error and skip (unverifiable), a manual claim, a grouped claim
(`actual` a dict), an argmax claim, expr claims with steps, a circular claim, a dataset
that failed its schema, drift, and a quote holding `<script>alert(1)</script>` and `&`.
"""

from __future__ import annotations

import copy
import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "report.json"
SCHEMAS = files("factcheck.report") / "schemas"
SCRIPT = "<script>alert(1)</script>"
SCRIPT_ID = "flights_total"  # the claim whose quote holds SCRIPT
FORMATS = ["text", "json", "junit", "markdown", "html", "sarif", "github", "claimreview"]
PROBLEMS = ("fail", "error", "warn")

_REPORT: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture
def report() -> dict[str, Any]:
    """A fresh copy: a renderer that changed its input would fail the equality tests."""
    return copy.deepcopy(_REPORT)


@pytest.fixture
def minimal() -> dict[str, Any]:
    """Only the contract's keys (claims-format.md, section 7): every format must cope."""
    return {
        "factcheck_report": 1,
        "summary": {"pass": 1, "warn": 0, "fail": 1, "error": 0, "skip": 0},
        "claims": [
            {"id": "a", "file": "claims/x.yaml", "line": 3, "quote": "over 10 cases",
             "claim": "over 10", "verdict": "pass", "actual": 12,
             "explanation": "12 is over 10", "circular": False},
            {"id": "b", "file": "claims/x.yaml", "line": 7, "quote": "half of them",
             "claim": "half", "verdict": "fail", "actual": {"2025-01": 3, "2025-02": 9},
             "explanation": "0.75 is nearest 3/4", "circular": False},
        ],
        "datasets": [{"name": "cases", "path": "data/cases.csv", "sha256": "0" * 64,
                      "rows": 12, "valid": True, "failures": []}],
    }  # fmt: skip
