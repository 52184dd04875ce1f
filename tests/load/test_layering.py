"""load/ is the first stage: it imports no later one (issue 8: arrows run one way)."""

from __future__ import annotations

import ast
from pathlib import Path

import factcheck

LATER = ("factcheck.drift", "factcheck.engines", "factcheck.run", "factcheck.judging")
LATER += ("factcheck.report", "factcheck.plan", "factcheck.validate", "factcheck.export")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_load_imports_no_later_stage() -> None:
    load = Path(factcheck.__file__).parent / "load"
    found = {
        f"{path.name}: {name}"
        for path in sorted(load.glob("*.py"))
        for name in _imports(path)
        if name.startswith(LATER)
    }
    assert found == set()
