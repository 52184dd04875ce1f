"""The distribution has a name of its own: `factcheck` on the public package index is an
unrelated project (a QuickCheck port), so nothing may tell a user to install that name."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# `pip install factcheck`, `pip install 'factcheck-claims[gx]'`, `pip install "factcheck==1"`, ...
BARE = re.compile(r"""pip3?\s+install\s+(?:-\S+\s+)*['"]?factcheck(?![\w-])""")


def texts() -> list[Path]:
    docs = [ROOT / "README.md", ROOT / ".ci/run", *(ROOT / "docs").glob("*")]
    return [*docs, *(ROOT / "src/factcheck").rglob("*.py")]


def test_distribution_name_is_not_the_taken_one() -> None:
    project = PYPROJECT["project"]
    assert project["name"] == "factcheck-claims"
    assert project["scripts"] == {"factcheck": "factcheck.cli:main"}  # the command stays


def test_nothing_installs_the_unrelated_factcheck() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in texts()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if BARE.search(line)
    ]
    assert not found, found


def test_actions_example_installs_this_distribution() -> None:
    workflow = yaml.safe_load((ROOT / "docs/github-actions-example.yml").read_text())
    installs = [
        s["run"] for s in workflow["jobs"]["factcheck"]["steps"] if "pip" in s.get("run", "")
    ]
    assert installs and all(PYPROJECT["project"]["name"] in run for run in installs)


def test_extras_hint_names_the_distribution() -> None:
    from factcheck.cli.gx_export import INSTALL_HINT
    from factcheck.registry import EXTRAS as _EXTRAS

    name = PYPROJECT["project"]["name"]
    assert INSTALL_HINT == _EXTRAS["gx"][1] == f"pip install '{name}[gx]'"
