"""Paths a project names must stay inside its root, and be paths at all."""

from __future__ import annotations

from pathlib import Path

MAX_PATH = 1024  # characters in a path a project names (Linux allows 4096)
MAX_PART = 255  # characters in one file or folder name (every common file system)


def inside(root: Path, path: Path) -> bool:
    """True when `path` resolves to a place inside `root` (symlinks followed)."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (3.11)
        return False
    return True


def path_problem(text: str) -> str | None:
    """Why `text` cannot be a path in a project (None when it can): checked before the
    file system sees it, so a 5,000-character name is an error, not an OSError."""
    if not text.strip():
        return "an empty path"
    if "\0" in text or any(ord(c) < 32 for c in text):
        return "a path cannot hold control characters"
    if len(text) > MAX_PATH:
        return f"a path longer than {MAX_PATH} characters"
    if any(len(part) > MAX_PART for part in text.replace("\\", "/").split("/")):
        return f"a file or folder name longer than {MAX_PART} characters"
    return None
