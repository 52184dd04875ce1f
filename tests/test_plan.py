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
