"""`readings:` as the loader reads them: a bad reading is a located configuration error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

BASE = """
  - id: bad
    quote: "between 10 and 14 events since June"
    claim: between 10 and 14
    metric: {dataset: events, aggregate: sum, column: count}
"""


def lint_with(project: Callable[[str], Path], factcheck: Any, extra: str) -> tuple[int, int, str]:
    root = project("evidence")
    claims = root / "claims/article.yaml"
    text = claims.read_text()
    claims.write_text(text + BASE + extra)
    line0 = len((text + BASE).splitlines())  # the reading starts on the next line
    done = factcheck("lint", "--root", root)
    return line0, done.exit_code, done.output


def test_unknown_key_and_missing_label(project: Any, factcheck: Any) -> None:
    at, code, out = lint_with(
        project,
        factcheck,
        "    readings:\n"
        "      - label: from 17 June\n"
        "        wher: \"date >= '2024-06-17'\"\n"
        "      - claim: over 10\n",
    )
    assert code == 2
    assert f"claims/article.yaml:{at + 3}:9: error: unknown key in a reading" in out
    assert "[wher]" in out
    assert f"claims/article.yaml:{at + 4}:9: error: a reading needs 'label' [label]" in out


def test_a_reading_is_checked_like_a_claim(project: Any, factcheck: Any) -> None:
    at, code, out = lint_with(
        project,
        factcheck,
        "    readings:\n"
        "      - label: wrong column\n"
        "        metric: {dataset: events, aggregate: sum, column: cuont}\n"
        "      - label: unreadable\n"
        "        claim: somewhat many\n",
    )
    assert code == 2
    assert f"claims/article.yaml:{at + 3}:" in out and "[cuont]" in out
    assert f"claims/article.yaml:{at + 5}:" in out and "unreadable claim phrase" in out


def test_readings_need_a_computed_claim_and_distinct_labels(project: Any, factcheck: Any) -> None:
    root = project("evidence")
    claims = root / "claims/article.yaml"
    claims.write_text(
        claims.read_text()
        + """
  - id: manual_read
    quote: "the first event was in the North"
    claim: North
    manual: {verdict: pass, by: A. Editor, on: 2024-09-01, evidence: log}
    readings:
      - label: other
        claim: South
  - id: twice
    quote: "between 10 and 14 events since June"
    claim: between 10 and 14
    metric: {dataset: events, aggregate: sum, column: count}
    readings:
      - label: same
        claim: about 12
      - label: Same
        claim: about 13
      - label: nothing replaced
"""
    )
    out = factcheck("lint", "--root", root).output
    assert "readings go with metric or expr" in out
    assert "a reading's label is said once per claim [Same]" in out
    assert "a reading replaces at least one of claim, metric, let, expr, rounding, tolerance" in out


def test_planned_with_the_claim(project: Any) -> None:
    """A reading's metrics are planned beside the claim's: one scan per filter."""
    from factcheck.load.project import load_project
    from factcheck.plan import make_plan

    loaded, problems = load_project(project("evidence"))
    assert not problems
    split = next(c for c in loaded.claims if c.id == "readings_split")
    assert [r.label for r in split.readings] == ["counted from 17 June"]
    plan = make_plan([split])
    assert plan.requested == 2 and len(plan.scans["events"]) == 2
