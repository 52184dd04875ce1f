"""Differential engine test (issue 9, contract section 8): one verdict whatever the engine.

Every claim of every project under tests/ and of the bundled project, and of seeded
random projects (random synthetic rows; random metrics, filters, groupings and phrases
drawn from the grammar, the phrases written at and around the figures, where engines
could disagree), gets the same verdict on duckdb, pandas and gx (and spark, on the named
projects), and actuals that agree to 12 significant digits. `FACTCHECK_DIFF_SEEDS=N`
runs N random projects (CI runs a few; great-expectations runs one validation per group,
so its cost sets the size).
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import PROJECTS
from tests.engines import random_project

ROOT = Path(__file__).resolve().parents[2]  # the bundled project
ENGINES = ["duckdb", "pandas", "gx"]
SEEDS = int(os.environ.get("FACTCHECK_DIFF_SEEDS", "4"))


def _engines(spark: bool = False) -> list[str]:
    """The engines installed here; Spark (a JVM, seconds per query) only where asked: the
    test projects, not the random ones (CI installs it and sets FACTCHECK_REQUIRE_SPARK)."""
    found = list(ENGINES)
    try:
        import great_expectations  # noqa: F401
    except ImportError:
        found = ENGINES[:2]
    if spark and (os.environ.get("FACTCHECK_REQUIRE_SPARK") or importlib.util.find_spec("pyspark")):
        found.append("spark")
    return found


def _check(factcheck: Any, root: Path, engine: str) -> dict[str, Any]:
    result = factcheck(
        "check", "--root", root, "--engine", engine, "--format", "json", "--no-history"
    )
    assert result.exit_code in (0, 1, 3), result.output
    return json.loads(result.stdout)


def same_figure(a: Any, b: Any) -> bool:
    """Equal, with numbers equal to 12 significant digits (the contract's tolerance)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_figure(a[k], b[k]) for k in a)
    numbers = (int, float)
    if isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool):
        return f"{a:.12g}" == f"{b:.12g}" or math.isclose(a, b, rel_tol=1e-12, abs_tol=0)
    return a == b


def disagreements(reports: dict[str, dict[str, Any]]) -> list[str]:
    """One line per claim whose verdict or figure differs from DuckDB's."""
    base = {c["id"]: c for c in reports["duckdb"]["claims"]}
    out = []
    for engine, report in reports.items():
        claims = {c["id"]: c for c in report["claims"]}
        assert claims.keys() == base.keys(), engine
        for claim_id, want in base.items():
            got = claims[claim_id]
            # A claim's readings (contract section 8) are judged like the claim itself.
            pairs = [(claim_id, got, want)] + [
                (f"{claim_id} reading '{w.get('label')}'", g, w)
                for g, w in zip(got.get("readings") or [], want.get("readings") or [], strict=True)
            ]
            for name, g, w in pairs:
                if g["verdict"] != w["verdict"] or not same_figure(g["actual"], w["actual"]):
                    out.append(
                        f"{name} {engine}: {g['verdict']} {g['actual']!r} ({g['explanation']}) "
                        f"vs duckdb: {w['verdict']} {w['actual']!r} ({w['explanation']})"
                    )
    return out


def _features(tmp_path: Path) -> Path:
    """tests/projects/features has claims only: it runs on the basic project's cases."""
    root = tmp_path / "features"
    shutil.copytree(PROJECTS / "features", root)
    shutil.copytree(PROJECTS / "basic" / "schemas", root / "schemas")
    (root / "data").mkdir()
    shutil.copy(PROJECTS / "basic/data/cases.csv", root / "data/cases.csv")
    (root / "data/datasets.yaml").write_text(
        "datasets:\n  cases:\n    path: cases.csv\n    schema: cases\n"
        "    provenance: {kind: synthetic}\n"
    )
    return root


def _projects() -> list[str]:
    found = {p.parent.parent for p in PROJECTS.parent.rglob("data/datasets.yaml")}
    names = sorted(str(p.relative_to(ROOT)) for p in found)
    return ["(bundled)", *names, "tests/projects/features"]


@pytest.mark.parametrize("name", _projects())
def test_every_project_gets_one_verdict_per_claim(factcheck, tmp_path, name: str) -> None:
    if name == "(bundled)":
        root = ROOT
    elif name.endswith("features"):
        root = _features(tmp_path)
    else:
        root = tmp_path / "p"
        shutil.copytree(ROOT / name, root, ignore=shutil.ignore_patterns(".factcheck"))
    reports = {engine: _check(factcheck, root, engine) for engine in _engines(spark=True)}
    assert reports["duckdb"]["claims"], "no claims judged"
    assert disagreements(reports) == []


@pytest.mark.parametrize("seed", range(SEEDS))
def test_random_projects_get_one_verdict_per_claim(factcheck, tmp_path, seed: int) -> None:
    rng = random.Random(seed)
    root = tmp_path / f"random{seed}"
    random_project.write_data(root, rng, rows=rng.randint(30, 90))
    claims = random_project.draft(rng, 30)
    claims_file = root / "claims" / "random.yaml"
    claims_file.write_text(random_project.render(claims, None, seed), encoding="utf-8")
    first = _check(factcheck, root, "duckdb")
    actuals = {c["id"]: c["actual"] for c in first["claims"]}
    claims_file.write_text(random_project.render(claims, actuals, seed), encoding="utf-8")
    reports = {engine: _check(factcheck, root, engine) for engine in _engines()}
    verdicts = {c["verdict"] for c in reports["duckdb"]["claims"]}
    assert len(verdicts) > 1, "a random project should judge claims more than one way"
    assert disagreements(reports) == [], claims_file.read_text(encoding="utf-8")
