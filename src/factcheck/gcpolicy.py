"""Garbage collection and optional imports in the command-line process: short-lived,
with large imports.

Python's cyclic collector rescans the live objects now and then, and once more at exit.
After pandas and pandera are imported that is about 100,000 objects, every one of which
lives until the process ends: for `factcheck check` on the bundled project the collector
took about 0.3 s of CPU, mostly scanning them (bench/coldstart.py). In the command-line
process only (`for_cli`, called by the CLI's `main`), what a large import built is moved
to the collector's permanent generation (`gc.freeze`), which it never scans, and so is
everything at exit. Used as a library (the Python API, the pytest plugin) nothing
changes: there a freeze would also keep the host program's pending garbage alive.

pandera imports hypothesis when it is installed (a test environment: pytest, trio...),
for data synthesis (`schema.example()`), which the command line never does: about 0.2 s
of CPU per run. In the command-line process pandera is imported as if hypothesis were
not installed (`hidden`); pandera supports that (its strategies then raise if called).
"""

from __future__ import annotations

import atexit
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager

_cli = False


def for_cli() -> None:
    """This process is the command line: freeze after large imports and at exit."""
    global _cli
    if not _cli:
        _cli = True
        atexit.register(gc.freeze)  # atexit runs before the interpreter's final collections


@contextmanager
def large_import() -> Iterator[None]:
    """Around the first import of a large library (pandera, which imports pandas): in the
    CLI, no collection while it builds its objects, which are then frozen."""
    if not _cli or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


@contextmanager
def hidden(*names: str) -> Iterator[None]:
    """In the CLI, imports inside behave as if these packages were not installed (an
    import of one raises ImportError); one already imported is left alone, and after the
    block they can be imported again. Used as a library nothing changes."""
    hide = [name for name in names if _cli and name not in sys.modules]
    for name in hide:
        sys.modules[name] = None  # type: ignore[assignment]  # Python's "not importable"
    try:
        yield
    finally:
        for name in hide:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
