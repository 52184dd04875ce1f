"""bench/run.py's process timer (timings themselves live in bench/)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_timed_counts_a_process_the_command_left_behind() -> None:
    """pyspark does not wait for its JVM; a process nobody waits for is in no rusage. The
    timer's subreaper must still count it: here a grandchild burning CPU after its parent
    exited."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from run import timed
    finally:
        sys.path.pop(0)
    burn = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.6: pass"
    leave = f"import subprocess, sys; subprocess.Popen([sys.executable, '-c', {burn!r}])"
    run = timed([sys.executable, "-c", leave], timeout=60)
    assert run.cpu >= 0.6
