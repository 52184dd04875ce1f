"""Shared formatting, the lazy registry, determinism and the contract-only report."""

from __future__ import annotations

import copy
import subprocess
import sys

import pytest
from tests.report.conftest import FORMATS

from factcheck.report import FORMATS as REGISTRY
from factcheck.report import render, renderer
from factcheck.report._common import actual, number, one_line, summary_line
from factcheck.results import DriftItem, RunReport


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (336776, "336,776"),
        (38.54545, "38.55"),
        (12.0, "12"),
        (20000.0, "20,000"),
        (0.74862155, "0.7486"),
        (-27, "-27"),
        (None, "—"),
        ("UA", "UA"),
        (True, "true"),
    ],
)
def test_number(value: object, text: str) -> None:
    assert number(value) == text


def test_actual_groups() -> None:
    assert actual({"2025-03": 1012, "2025-04": 848}) == "2025-03: 1,012; 2025-04: 848"
    many = {f"k{i}": i for i in range(10)}
    assert actual(many, 3) == "k0: 0; k1: 1; k2: 2; … 7 more"


def test_one_line_drops_newlines_and_escapes() -> None:
    # Issue 10: control characters are escaped visibly (they were dropped), nothing hidden.
    assert one_line("a\nb\r\nc\x1b[31md") == "a b c\\u001b[31md"


def test_summary_line(report) -> None:
    assert (
        summary_line(RunReport.from_dict(report))
        == "12 claims: 5 pass, 2 warn, 3 fail, 1 error, 1 skip"
    )


def test_registry_lists_every_format() -> None:
    assert sorted(REGISTRY) == sorted(FORMATS)
    assert all(callable(renderer(name)) for name in FORMATS)


def test_importing_the_package_imports_no_renderer() -> None:
    code = (
        "import sys, factcheck.report;"
        "print(','.join(m for m in ('jinja2', 'rich', 'lxml', 'markupsafe',"
        " 'factcheck.report.html', 'factcheck.report.text') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


@pytest.mark.parametrize("name", FORMATS)
def test_deterministic_and_pure(report, name: str) -> None:
    """Same report, same bytes; and the caller's dict is left as it was."""
    before = copy.deepcopy(report)
    first = render(name, report)
    assert render(name, copy.deepcopy(before)) == first
    assert report == before
    assert first.endswith("\n")


@pytest.mark.parametrize("name", FORMATS)
def test_contract_only_report_renders(minimal, name: str) -> None:
    """A report with only the contract's keys renders, and shows its failing claim."""
    assert "0.75 is nearest 3/4" in render(name, minimal)


def test_fixture_covers_what_it_promises(report) -> None:
    claims = {c["id"]: c for c in report["claims"]}
    assert {c["verdict"] for c in claims.values()} == {"pass", "warn", "fail", "error", "skip"}
    assert any(c["kind"] == "manual" for c in claims.values())
    assert any(c["kind"] == "unverifiable" for c in claims.values())
    assert any(isinstance(c["actual"], dict) for c in claims.values())
    assert any(c["kind"] == "expr" and c["computation"]["steps"] for c in claims.values())
    assert any(c["circular"] for c in claims.values())
    assert any(not d["valid"] and d["failures"] for d in report["datasets"])
    assert "<script>alert(1)</script>" in claims["flights_total"]["quote"]
    assert "&" in claims["flights_total"]["quote"]
    counted = {v: sum(c["verdict"] == v for c in claims.values()) for v in report["summary"]}
    assert counted == report["summary"]


def test_drift_reason_says_what_changed() -> None:
    from factcheck.report._common import drift_reason

    def item(
        old: object, new: object, ov: str = "pass", nv: str = "pass", **kw: object
    ) -> DriftItem:
        base = {"old_actual": old, "new_actual": new, "old_verdict": ov, "new_verdict": nv}
        return DriftItem.from_dict(
            {**base, "definition_changed": False, "datasets_changed": [], **kw}
        )

    assert drift_reason(item(1000, 1050, datasets_changed=["orders"])) == (
        "1,000 (pass) -> 1,050 (pass); data changed: orders"
    )
    # Both print as 7.1: the digits that moved are shown instead.
    assert drift_reason(item(7.1, 7.1000001)) == "7.1 (pass) -> 7.1000001 (pass)"
    assert drift_reason(item(7.1, 7.1, definition_changed=True)) == (
        "figure 7.1 and verdict pass unchanged; its definition changed since the lock"
    )
    assert drift_reason(item(7.1, 7.1, "pass", "warn")) == (
        "figure 7.1 unchanged, verdict pass -> warn"
    )
    # Groups: only those that moved.
    old = {f"2025-{m:02}": 100 for m in range(1, 13)}
    assert drift_reason(item(old, {**old, "2025-11": 101})) == (
        "2025-11: 100 (pass) -> 2025-11: 101 (pass)"
    )
