"""The planner: metrics deduplicated per dataset, grouped into shared scans."""

from pathlib import Path

from tests.conftest import PROJECTS

from factcheck.load.project import load_project
from factcheck.plan import make_plan


def test_basic_project_plan() -> None:
    project, problems = load_project(PROJECTS / "basic")
    assert not problems
    plan = make_plan(project.claims)
    # 12 metric uses; the unfiltered count serves three (total_cases, over_ten, `all`) and
    # ru_monthly_each and ru_band ask for the same grouped sum: 9 distinct metrics.
    assert plan.requested == 12
    assert plan.distinct == 9
    scans = {name: len(s) for name, s in plan.scans.items()}
    # cases: the unfiltered count and mean share one scan.
    assert scans == {"cases": 5, "monthly": 2, "relay": 1}


def test_equal_filters_written_differently_share_a_metric(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "p"
    shutil.copytree(PROJECTS / "basic", root)
    claims = root / "claims/article.yaml"
    claims.write_text(
        claims.read_text()
        + """
  - id: moscow_again
    quote: "Moscow's court received 4 cases"
    claim: "4"
    metric: {dataset: cases, where: "court='Moscow garrison'"}
"""
    )
    project, problems = load_project(root)
    assert not problems
    plan = make_plan(project.claims)
    assert plan.requested == 13 and plan.distinct == 9  # same tree, same metric


def test_a_metric_key_is_its_meaning_not_its_spelling() -> None:
    from dataclasses import fields

    from factcheck.lang.where import parse_by, parse_where
    from factcheck.load.spec import MetricSpec
    from factcheck.plan import metric_key

    def key(where: str, by: str | None = None):
        parsed_by = parse_by(by) if by else None
        return metric_key(MetricSpec("d", "sum", "n", where=parse_where(where), by=parsed_by))

    assert key("a <> 1 AND b='x'") == key("a != 1 and b = 'x'")
    assert key("a = 1", "MONTH(d)") == key("a=1", "month(d)")
    assert hash(key("a in (1, 2)")) == hash(key("a IN (1,2)"))
    # Python says True == 1; a filter on a boolean and one on a number are different.
    assert key("a = true") != key("a = 1")
    assert key("a = 1") != key("a = 1.0")  # an int literal and a decimal one
    assert key("a = 1") != key("a = 2")
    assert key("a = 1", "year(d)") != key("a = 1", "month(d)")
    # No SQL (or any dialect's text) inside: the filter and grouping are the trees.
    values = [getattr(key("a = 1", "year(d)"), f.name) for f in fields(key("a = 1"))]
    assert not any(isinstance(v, str) and ("(" in v or "=" in v) for v in values)
