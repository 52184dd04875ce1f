"""The type hints are checked, not decoration: mypy (configured in pyproject.toml) finds
no error in src/. A seam typed `Any` hides exactly the mistakes this catches (a claim
without a phrase reaching the judge, a report read as a dict where the model is meant)."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_finds_no_error_in_src(monkeypatch: pytest.MonkeyPatch) -> None:
    api = pytest.importorskip("mypy.api")
    monkeypatch.chdir(ROOT)  # mypy reads [tool.mypy] from the project's pyproject.toml
    limit = sys.getrecursionlimit()
    try:
        out, err, status = api.run(["--no-incremental", "--no-error-summary"])
    finally:
        # mypy raises the interpreter's recursion limit and leaves it raised: a later test
        # in this process (a 2,000-deep TOML that must be refused) would then pass.
        sys.setrecursionlimit(limit)
    assert status == 0, out + err
