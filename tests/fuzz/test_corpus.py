"""The fuzz corpus: every attack on the input side found so far (tests/fuzz/corpus/),
replayed on each run. Each file is put where a project would hold it (a claims file,
the catalog, a schema; pyproject.toml) and must end in exit 2 with a clear message:
no traceback, no hang, nothing outside the project read."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from tests.conftest import PROJECTS

CORPUS = Path(__file__).parent / "corpus"
YAML = sorted((CORPUS / "yaml").iterdir())
TOML = sorted((CORPUS / "toml").iterdir())
# Files that are valid YAML and harmless as a claims file's neighbour: as a claims file
# they are still refused (no claims: list), as below.
PLACES = {
    "claims": "claims/fuzz.yaml",
    "catalog": "data/datasets.yaml",
    "schema": "schemas/monthly.yaml",
}


def copy_basic(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    shutil.copytree(PROJECTS / "basic", root, ignore=shutil.ignore_patterns(".factcheck"))
    return root


def lint(factcheck, root: Path):
    start = time.perf_counter()
    result = factcheck("lint", "--root", root)
    seconds = time.perf_counter() - start
    assert "Traceback" not in result.output
    assert seconds < 60, f"lint took {seconds:.0f} s"
    return result


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("attack", YAML, ids=[p.name for p in YAML])
def test_yaml_attacks_are_clear_errors(tmp_path, factcheck, attack: Path, place: str) -> None:
    root = copy_basic(tmp_path)
    target = root / PLACES[place]
    shutil.copyfile(attack, target)
    result = lint(factcheck, root)
    assert result.exit_code == 2, result.output
    assert PLACES[place] in result.stderr or place == "catalog", result.stderr


@pytest.mark.parametrize("attack", TOML, ids=[p.name for p in TOML])
def test_pyproject_attacks_are_clear_errors(tmp_path, factcheck, attack: Path) -> None:
    root = copy_basic(tmp_path)
    shutil.copyfile(attack, root / "pyproject.toml")
    result = lint(factcheck, root)
    assert result.exit_code == 2, result.output
    assert "pyproject.toml" in result.stderr


def test_no_attack_ran_code(tmp_path, factcheck) -> None:
    """tag_python.yaml asks for os.system: it must never be constructed."""
    marker = Path("/tmp/pwned")
    marker.unlink(missing_ok=True)
    root = copy_basic(tmp_path)
    shutil.copyfile(CORPUS / "yaml" / "tag_python.yaml", root / "claims" / "article.yaml")
    result = lint(factcheck, root)
    assert "YAML tags are not allowed" in result.stderr
    assert not marker.exists()
