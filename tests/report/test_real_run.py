"""The renderers on a report the engine really produced (the basic test project with an
invalid dataset and a quote that tries to inject HTML), written by `factcheck check`:
the schemas still accept it, and two runs write the same bytes in every format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import xmlschema
from click.testing import CliRunner
from tests.conftest import PROJECTS
from tests.report.conftest import FORMATS, SCHEMAS, SCRIPT


def make_project(root: Path) -> Path:
    shutil.copytree(
        PROJECTS / "basic", root, ignore=shutil.ignore_patterns(".factcheck", "factcheck.lock")
    )
    claims = root / "claims/article.yaml"
    claims.write_text(
        claims.read_text().replace(
            'quote: "courts received 12 cases"', f'quote: "courts received 12 cases {SCRIPT} &"'
        )
    )
    relay = root / "data/relay.csv"
    relay.write_text(relay.read_text().replace("convicted,17721", "convicted,-17721"))
    return root


def check_all(root: Path, out: Path) -> dict[str, str]:
    from factcheck.cli import cli, register_commands

    register_commands()
    args = ["check", "--root", str(root), "--no-history"]
    for name in FORMATS:
        args += ["--format", f"{name}:{out / name}"]
    result = CliRunner(env={"SOURCE_DATE_EPOCH": "1750000000"}).invoke(cli, args)
    assert result.exit_code == 3, result.output  # a dataset failed its schema
    return {name: (out / name).read_text(encoding="utf-8") for name in FORMATS}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[str, str]]:
    base = tmp_path_factory.mktemp("real")
    root = make_project(base / "project")
    (base / "a").mkdir()
    (base / "b").mkdir()
    return check_all(root, base / "a"), check_all(root, base / "b")


def test_schemas_accept_a_real_report(runs) -> None:
    texts, _ = runs
    report = json.loads(texts["json"])
    assert {c["verdict"] for c in report["claims"]} >= {"pass", "warn", "fail", "error", "skip"}
    xmlschema.XMLSchema(str(SCHEMAS / "junit.xsd")).validate(texts["junit"])
    schema = json.loads((SCHEMAS / "sarif-2.1.0-subset.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(texts["sarif"]), schema)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in texts["html"]
    assert "<script" not in texts["html"].lower()
    assert texts["html"].count('data-claim-id="') == len(report["claims"])


def test_two_runs_same_bytes(runs) -> None:
    first, second = runs
    for name in FORMATS:
        assert first[name] == second[name], name
    assert json.loads(first["json"])["generated"] == "2025-06-15T15:06:40Z"
