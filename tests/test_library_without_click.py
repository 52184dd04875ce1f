"""Only the command line (cli/) knows click: the stages it calls report a problem with an
exception of their own, so they can be used and tested without it (docs/architecture.md)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECTS

import factcheck

SRC = Path(factcheck.__file__).parent


def _imports_click(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        if any(name.split(".")[0] == "click" for name in names):
            return True
    return False


def test_no_module_outside_cli_imports_click() -> None:
    found = [
        path.relative_to(SRC).as_posix()
        for path in sorted(SRC.rglob("*.py"))
        if "cli" not in path.relative_to(SRC).parts[:1] and _imports_click(path)
    ]
    assert found == []
    assert _imports_click(SRC / "cli" / "schema.py")  # the scan does see an import


# Run in a process where `import click` fails: each library function raises its own error.
_WITHOUT_CLICK = """
import sys
sys.modules["click"] = None  # any import of click now raises ImportError
from pathlib import Path
from factcheck.drift.lock import LockError, read_lock
from factcheck.infer_schema import LocateError, locate
from factcheck.suggest import SuggestError, find_claim, load_frame
root = Path(sys.argv[1])
calls = [
    (lambda: locate(root, "nope"), LocateError),
    (lambda: find_claim(root, "nope"), SuggestError),
    (lambda: load_frame(root, "nope"), SuggestError),
    (lambda: read_lock(root), LockError),
]
for call, error in calls:
    try:
        call()
    except error as exc:
        print(type(exc).__name__ + ": " + str(exc))
    else:
        raise SystemExit("no error from " + error.__name__)
"""


def test_library_errors_need_no_click() -> None:
    root = PROJECTS / "basic"
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_CLICK, str(root)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "LocateError: no dataset 'nope' in data/datasets.yaml (known: cases, monthly, relay)",
        "SuggestError: no claim 'nope' in claims/",
        "SuggestError: no usable dataset 'nope' in the catalog",
        f"LockError: factcheck.lock: not found in {root}; run `factcheck lock` first",
    ]
