"""Whatever an editor types, factcheck answers with a verdict or a clear message, never a
traceback: seeded random edits of the claims file, the catalog, a schema and the data."""

from __future__ import annotations

import random
import shutil

import pytest
from click.testing import CliRunner
from tests.conftest import PROJECTS

from factcheck.cli import cli, register_commands

TOKENS = [
    "", " ", "{", "}", "[", "]", ":", "- ", "!!str", '"', "'", "null", "~", "metric:",
    'where: "x ="', "by: year(", "over: argmax", "claim: {}", "claim: []", "expr: 1/0",
    "let: 3", "tags: {a: 1}", "manual: {}", "rounding: up", "tolerance: abc", "&a", "*a",
    'claim: "between 5 and 1"', "claim: one in zero", "claim: 1e400", "path: ../x.csv",
    "schema: ../x", "kind: weird", "-1", "abc", "2025-13-45", "checks: {ge: x}",
]  # fmt: skip
FILES = ["claims/article.yaml", "data/datasets.yaml", "schemas/monthly.yaml", "data/monthly.csv"]


@pytest.mark.parametrize("seed", range(40))
def test_random_edits_never_crash(tmp_path, seed: int) -> None:
    register_commands()
    rng = random.Random(seed)
    root = tmp_path / "p"
    shutil.copytree(PROJECTS / "basic", root, ignore=shutil.ignore_patterns(".factcheck"))
    path = root / rng.choice(FILES)
    lines = path.read_text().splitlines()
    for _ in range(rng.randint(1, 3)):
        j = rng.randrange(len(lines))
        if rng.random() < 0.5:
            lines[j] = lines[j][: rng.randrange(len(lines[j]) + 1)] + rng.choice(TOKENS)
        else:
            lines.insert(j, " " * rng.choice([0, 2, 4]) + rng.choice(TOKENS))
    path.write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(cli, ["check", "--root", str(root), "--no-history"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1, 2, 3)
    assert "Traceback" not in result.output
