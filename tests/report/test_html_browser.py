"""The HTML report in a real browser: headless Debian Chromium, no driver download.

Chromium loads the report from a file, and we read back the DOM it built, its console
(for errors) and a screenshot (kept in test-artifacts/ for a person to look at).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--enable-logging=stderr", "--v=0",
]  # fmt: skip

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (.ci/run installs Debian's chromium)"
)


def chromium(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_report_in_chromium(rendered, tmp_path) -> None:
    page = rendered["out"] / "report.html"
    page.write_text(rendered["texts"]["html"], encoding="utf-8")
    dom = chromium(page, tmp_path / "profile", "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    rows = re.findall(r'data-claim-id="([a-z0-9_]+)"', dom.stdout)
    assert sorted(rows) == sorted(c["id"] for c in rendered["report"]["claims"])
    assert dom.stdout.count("<svg") >= 5  # charts drawn
    assert "<script>alert(1)</script>" not in dom.stdout  # the quote stayed text
    console = [line for line in dom.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert not console, console

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    done = chromium(page, tmp_path / "profile2", f"--screenshot={shot}", "--window-size=1200,2000")
    assert done.returncode == 0 and shot.stat().st_size > 10_000
