"""`factcheck init`: a project that checks at once, and never overwrites."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

from factcheck.init_project import EXAMPLE_FILES


def test_init_checks_at_once(tmp_path: Path, factcheck) -> None:
    root = tmp_path / "new"
    done = factcheck("init", root)
    assert done.exit_code == 0, done.output
    for rel in [*EXAMPLE_FILES, "pyproject.toml", ".gitignore"]:
        assert (root / rel).is_file(), rel
    assert ".factcheck/" in (root / ".gitignore").read_text().splitlines()
    assert "[tool.factcheck]" in (root / "pyproject.toml").read_text()
    assert "kind: synthetic" in (root / "data/datasets.yaml").read_text()

    checked = factcheck("check", "--root", root, "--format", "json")
    assert checked.exit_code == 0, checked.output
    report = json.loads(checked.stdout)
    # The example figures, counted by hand from the CSV.
    with (root / "data/example_cases.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    actual = {c["id"]: c["actual"] for c in report["claims"]}
    assert actual["cases_received"] == len(rows) == 12
    assert actual["busiest_region"] == Counter(r["region"] for r in rows).most_common(1)[0][0]
    assert {c["verdict"] for c in report["claims"]} == {"pass"}
    assert report["sources"][0]["coverage"]["uncovered"] == []  # every figure has a claim
    assert factcheck("lint", "--root", root).exit_code == 0
    assert (root / ".factcheck").is_dir()  # the history, which .gitignore keeps out of git


def test_init_never_overwrites(tmp_path: Path, factcheck) -> None:
    root = tmp_path / "p"
    root.mkdir()
    (root / ".gitignore").write_text("*.pyc")  # no final newline
    (root / "pyproject.toml").write_text('[project]\nname = "mine"\n')
    (root / "claims").mkdir()
    (root / "claims/example.yaml").write_text("mine\n")
    done = factcheck("init", root)
    assert done.exit_code == 0, done.output
    assert "kept claims/example.yaml" in done.stdout
    assert (root / "claims/example.yaml").read_text() == "mine\n"
    assert not (root / "data/datasets.yaml").exists()  # the example is written whole or not
    assert (root / "pyproject.toml").read_text() == '[project]\nname = "mine"\n'
    assert (root / ".gitignore").read_text() == "*.pyc\n.factcheck/\n"
    again = factcheck("init", root)
    assert "kept .gitignore" in again.stdout
    assert (root / ".gitignore").read_text() == "*.pyc\n.factcheck/\n"
