"""A per-user cache of what every run would otherwise rebuild: parser tables, calendars.

Only derived data goes here, each entry named by everything it was derived from (the
library's version, the grammar's text), so a stale entry is never read: a change makes a
different name. The folder is the user's own (FACTCHECK_CACHE_DIR, else
$XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck; %LOCALAPPDATA%\\factcheck on Windows),
never the project or the installed package; FACTCHECK_NO_CACHE=1 turns it off. Entries are
plain text that the reader checks before use (never pickle, never code), and any failure
to read or write is a miss: the cache only saves time, a run without it gives the same
results.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,150}")
MAX_BYTES = 1_000_000  # an entry larger than this is not ours: ignored


def folder() -> Path | None:
    """The cache folder, or None when caching is off or there is no home to put it in."""
    if os.environ.get("FACTCHECK_NO_CACHE"):
        return None
    chosen = os.environ.get("FACTCHECK_CACHE_DIR")
    if chosen:
        return Path(chosen)
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "factcheck"
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "factcheck"
    try:
        return Path.home() / ".cache" / "factcheck"
    except RuntimeError:  # no home directory can be determined
        return None


def read(kind: str, name: str) -> str | None:
    """A cached entry's text, or None (no entry, caching off, unreadable, too large)."""
    path = _path(kind, name)
    if path is None:
        return None
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        return data.decode("utf-8") if len(data) <= MAX_BYTES else None
    except (OSError, UnicodeDecodeError):
        return None


def write(kind: str, name: str, text: str) -> None:
    """Store an entry; written whole and then renamed, so a reader never sees half of one."""
    path = _path(kind, name)
    if path is None:
        return
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)
    except OSError:  # a read-only or full disk: run without the cache
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass


def _path(kind: str, name: str) -> Path | None:
    # Names come partly from user files (a country code): only plain file names are used.
    if not (_NAME.fullmatch(kind) and _NAME.fullmatch(name)):
        return None
    root = folder()
    return None if root is None else root / kind / name
