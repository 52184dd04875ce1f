"""The bundled project (the repository root), run as a user runs it: one place for the
command line the bundled tests share."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(command: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`factcheck COMMAND --root ROOT ARGS...` in a fresh interpreter, never raising."""
    return subprocess.run(
        [sys.executable, "-m", "factcheck", command, "--root", str(ROOT), *args],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
