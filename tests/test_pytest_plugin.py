"""The pytest plugin, run in a subprocess the way a user runs it: `pytest claims/`."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET


def pytest_run(cwd, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_claims_as_test_items(project, tmp_path) -> None:
    root = project()
    junit = tmp_path / "claims.xml"
    done = pytest_run(root, "claims/", "-rA", f"--junitxml={junit}")
    out = done.stdout
    assert done.returncode == 1
    assert "3 failed, 12 passed, 1 skipped" in out
    assert "claims/article.yaml:20: convicted_share: fail" in out  # file:line on failure
    assert "nearest simple fraction is 3/4" in out
    assert "division by zero" in out  # the error item
    cases = {c.get("name"): c for c in ET.parse(junit).getroot().iter("testcase")}
    assert len(cases) == 16 and cases["prosecutor"].find("skipped") is not None


def test_select_by_id_and_tag(project) -> None:
    root = project()
    by_id = pytest_run(root, "claims/", "-k", "total_cases")
    assert "1 passed, 15 deselected" in by_id.stdout
    by_tag = pytest_run(root, "claims/", "-m", "rate")
    assert "2 passed, 14 deselected" in by_tag.stdout
    strict = pytest_run(root, "claims/", "-m", "rate", "--factcheck-strict")
    assert "1 failed, 1 passed" in strict.stdout


def test_project_tests_still_run_beside_it(project) -> None:
    root = project()
    (root / "tests").mkdir()
    (root / "tests/test_own.py").write_text("def test_own():\n    assert True\n")
    done = pytest_run(root, "tests/", "claims/")
    assert "3 failed, 13 passed, 1 skipped" in done.stdout
    only_tests = pytest_run(root, "tests/")
    assert "1 passed" in only_tests.stdout  # data/ and claims/ YAML are not collected


def test_configuration_problems_are_one_collection_error(project) -> None:
    root = project()
    path = root / "claims/article.yaml"
    path.write_text(path.read_text().replace("metric: {dataset: cases}\n", "metirc: x\n", 1))
    done = pytest_run(root, "claims/")
    assert done.returncode == 2
    assert "cannot be read" in done.stdout and "[metirc]" in done.stdout


# The hand-countable shop project (tests/drift/small.py) with one claim of each verdict.
SHOP_EXTRA = """
  - id: north_wrong
    quote: "6 orders came from the North"
    claim: "6"
    metric: {dataset: orders, where: "region = 'North'"}
    tags: [north]

  - id: over_nine
    quote: "over 9 orders"
    claim: over 9
    metric: {dataset: orders}

  - id: broken
    quote: "as many orders per northern order beyond five"
    claim: "1"
    expr: orders_total / (north_orders - 5)

  - id: mystery
    quote: "countless happy customers"
    claim: many
    unverifiable: nobody counted the customers
"""


def shop(tmp_path):
    from tests.drift.small import CLAIMS, write_project

    return write_project(tmp_path / "shop", claims=CLAIMS + SHOP_EXTRA)


def line_of(path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_each_verdict_as_a_test_outcome(tmp_path) -> None:
    root = shop(tmp_path)
    claims = root / "claims/shop.yaml"
    junit = tmp_path / "shop.xml"
    done = pytest_run(root, "claims/", "-rA", f"--junitxml={junit}")
    out = done.stdout
    assert done.returncode == 1, out
    assert "2 failed, 7 passed, 1 skipped, 1 warning" in out
    fail_line = line_of(claims, "id: north_wrong")
    assert f"claims/shop.yaml:{fail_line}: north_wrong: fail" in out
    assert "claimed: 6" in out and "actual:  5" in out
    assert "broken: error" in out and "division by zero" in out
    assert f"SKIPPED [1] claims/shop.yaml:{line_of(claims, 'id: mystery')}: nobody counted" in out
    assert f"shop.yaml:{line_of(claims, 'id: over_nine')}: FactcheckWarning" in out
    cases = {c.get("name"): c for c in ET.parse(junit).getroot().iter("testcase")}
    assert len(cases) == 10
    assert cases["north_wrong"].find("failure") is not None
    assert cases["mystery"].find("skipped") is not None
    assert cases["orders_total"].find("failure") is None
    strict = pytest_run(root, "claims/", "--factcheck-strict", "-k", "over_nine")
    assert "1 failed, 9 deselected" in strict.stdout


def test_plugin_by_entry_point_or_dash_p(tmp_path) -> None:
    root = shop(tmp_path)
    for args in ((), ("-p", "factcheck.pytest_plugin"), ("-p", "factcheck")):
        done = pytest_run(root, *args, "claims/", "-k", "north", "-m", "north", "--strict-markers")
        assert "1 failed, 1 passed, 8 deselected" in done.stdout, (args, done.stderr)
    off = pytest_run(root, "-p", "no:factcheck", "claims/")
    assert "no tests ran" in off.stdout


def test_project_root_is_collected_but_not_data_or_schemas(tmp_path) -> None:
    root = shop(tmp_path)
    everything = pytest_run(root)  # `pytest` in the project folder
    assert "2 failed, 7 passed, 1 skipped" in everything.stdout
    assert "data/datasets.yaml" not in everything.stdout
    data_only = pytest_run(root, "data/", "schemas/")
    assert "no tests ran" in data_only.stdout
    outside = pytest_run(tmp_path, "--collect-only", "-q")  # a folder above the project
    assert "shop.yaml" not in outside.stdout


def test_one_collection_error_for_a_broken_project(tmp_path) -> None:
    root = shop(tmp_path)
    claims = root / "claims/shop.yaml"
    claims.write_text(claims.read_text().replace("metric: {dataset: orders}\n", "metirc: x\n"))
    second = root / "claims/more.yaml"
    second.write_text(
        'source: {title: More}\nclaims:\n  - id: more\n    quote: "q"\n    claim: "1"\n'
        "    metric: {dataset: nowhere}\n"
    )
    done = pytest_run(root, "claims/")
    assert done.returncode == 2
    assert done.stdout.splitlines()[-1].count("error") == 1  # "1 error in ...s"
    assert " 1 error " in done.stdout.splitlines()[-1]
    assert "[metirc]" in done.stdout and "nowhere" in done.stdout
    assert "the factcheck project cannot be read" in done.stdout


def test_coverage_item_on_request(project) -> None:
    root = project()
    plain = pytest_run(root, "claims/", "-k", "total_cases")
    assert "[coverage]" not in plain.stdout and "1 passed" in plain.stdout
    covered = pytest_run(root, "claims/", "--factcheck-coverage", "-k", "coverage", "-rA")
    assert "1 passed, 16 deselected" in covered.stdout
    article = root / "claims/article.txt"
    article.write_text("Headline: 99 balloons.\n\n" + article.read_text(encoding="utf-8"))
    gap = pytest_run(root, "claims/", "--factcheck-coverage", "-k", "coverage")
    assert gap.returncode == 1 and "1 failed, 16 deselected" in gap.stdout
    assert "claims/article.yaml: coverage: 1 of 15 figures" in gap.stdout
