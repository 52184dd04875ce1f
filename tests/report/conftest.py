"""A project with every verdict (pass, warn, fail, error, skip), an invalid dataset and a
quote that tries to inject HTML; all report formats are rendered from one run of it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from tests.conftest import PROJECTS

SCRIPT = "<script>alert(1)</script> & co"
FORMATS = ["text", "json", "junit", "markdown", "html", "sarif", "github", "claimreview"]


def make_project(root: Path) -> Path:
    shutil.copytree(PROJECTS / "basic", root, ignore=shutil.ignore_patterns(".factcheck"))
    claims = root / "claims/article.yaml"
    claims.write_text(
        claims.read_text().replace(
            'quote: "courts received 12 cases"', f'quote: "courts received 12 cases {SCRIPT}"'
        )
    )
    relay = root / "data/relay.csv"
    relay.write_text(relay.read_text().replace("convicted,17721", "convicted,-17721"))
    return root


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every format written by one `factcheck check` run."""
    from factcheck.cli import cli, register_commands

    register_commands()
    base = tmp_path_factory.mktemp("reports")
    root = make_project(base / "project")
    out = base / "out"
    args = ["check", "--root", str(root)]
    for name in FORMATS:
        args += ["--format", f"{name}:{out / name}"]
    result = CliRunner(env={"SOURCE_DATE_EPOCH": "1750000000"}).invoke(cli, args)
    assert result.exit_code == 3, result.output  # a dataset failed its schema
    texts = {name: (out / name).read_text(encoding="utf-8") for name in FORMATS}
    return {"texts": texts, "report": json.loads(texts["json"]), "root": root, "out": out}
