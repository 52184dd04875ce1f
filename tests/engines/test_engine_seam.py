"""The engine seam (issue 8): an engine is its module and its line in the registry.

Two engines that exist only here, each registered by one line: one that validates in
pandas and computes in DuckDB (a validation way and a compute way put together), and one
that validates where the data lies through a file opener of its own. Both must give the
default engine's report; and the pipeline (run.py, validate.py) names no engine.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import PROJECTS

from factcheck.data import open_in_duckdb
from factcheck.engines.base import Opened
from factcheck.engines.duckdb_engine import DuckDBEngine
from factcheck.validate import ValidatesInPandas

SRC = Path(__file__).resolve().parents[2] / "src" / "factcheck"


class FrameDuckDBEngine(ValidatesInPandas, DuckDBEngine):
    """Rows read and validated by pandera in pandas, then every scan in DuckDB."""

    name = "frame-duckdb"


class OpenerEngine(DuckDBEngine):
    """Validation where the file lies, through an opener of its own (here DuckDB's,
    counting the files it opens)."""

    name = "opener"
    opened: list[str] = []

    def open_file(self, path: Path, fmt: str) -> Opened:
        OpenerEngine.opened.append(path.name)
        return open_in_duckdb(path, fmt)


def _figures(report: dict[str, Any]) -> dict[str, Any]:
    return {c["id"]: (c["verdict"], c["actual"], c.get("groups")) for c in report["claims"]}


@pytest.mark.parametrize("engine", ["frame-duckdb", "opener"])
def test_an_engine_is_its_module_and_its_registry_line(
    engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck import registry
    from factcheck.run import Options, run_check

    classes = {"frame-duckdb": "FrameDuckDBEngine", "opener": "OpenerEngine"}
    monkeypatch.setitem(registry.ENGINES, engine, f"{__name__}:{classes[engine]}")
    OpenerEngine.opened.clear()
    default = run_check(Options(root=PROJECTS / "basic"))
    other = run_check(Options(root=PROJECTS / "basic", engine=engine))
    assert default.report is not None and other.report is not None, other.problems
    other_report, default_report = other.report.as_dict(), default.report.as_dict()
    assert other_report["engine"] == engine
    assert _figures(other_report) == _figures(default_report)
    assert other_report["datasets"] == default_report["datasets"]
    if engine == "opener":  # every CSV of the project was opened by the engine's opener
        csvs = sorted(p.name for p in (PROJECTS / "basic").rglob("*.csv"))
        assert sorted(OpenerEngine.opened) == csvs
    else:  # validated in pandas: every dataset keeps its validated frame
        assert all(d.frame is not None for d in other.datasets.values())


def test_the_pipeline_names_no_engine() -> None:
    """run.py and validate.py ask the engine; they never branch on an engine's name."""
    from factcheck.registry import ENGINES

    for module in ("run.py", "validate.py"):
        tree = ast.parse((SRC / module).read_text(encoding="utf-8"))
        words = {
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        }
        assert not words & set(ENGINES), module
