"""Every file of the package in the source tree is in the built wheel.

Templates, grammars, schemas and the gx-export assets are package data: a glob missing
from pyproject.toml would leave them out of the wheel while every test run from the
source tree still passes. Usage: python .ci/wheel_complete.py dist/NAME.whl
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path


def package_files() -> list[str]:
    """Tracked files under src/factcheck (every file, outside a git checkout)."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "src/factcheck"], capture_output=True, text=True, check=True
        ).stdout.split("\n")
        return [name for name in out if name]
    except (OSError, subprocess.CalledProcessError):
        return [
            p.as_posix()
            for p in Path("src/factcheck").rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        ]


def main(wheel: str) -> int:
    inside = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in package_files() if name.removeprefix("src/") not in inside]
    for name in missing:
        print(f"{wheel}: missing {name}", file=sys.stderr)
    print(f"{wheel}: {len(inside)} files, none of the package's missing" if not missing else "")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
