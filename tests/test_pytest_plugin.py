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
