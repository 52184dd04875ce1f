"""Paths a project names must stay inside its root."""

from __future__ import annotations

from pathlib import Path


def inside(root: Path, path: Path) -> bool:
    """True when `path` resolves to a place inside `root` (symlinks followed)."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True
