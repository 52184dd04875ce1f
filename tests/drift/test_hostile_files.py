"""A hostile project's files around the drift commands: history, lock, diff inputs.

What a pull request can commit (a relative symlink, a FIFO is not committable but a
checkout script can make one) must never make factcheck write outside the project, hang,
or crash with a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def test_history_symlink_is_not_followed(project, factcheck, tmp_path) -> None:
    root = project()
    bashrc = tmp_path / "home" / ".bashrc"
    bashrc.parent.mkdir()
    bashrc.write_text("# my shell\n")
    (root / ".factcheck").mkdir()
    # The relative link a pull request can commit (it points out of the project).
    os.symlink(os.path.relpath(bashrc, root / ".factcheck"), root / ".factcheck/history.jsonl")
    result = factcheck("check", "--root", root)
    assert result.exit_code == 1  # the run itself goes on
    assert bashrc.read_text() == "# my shell\n"
    assert "history.jsonl is not a regular file" in result.stderr
    shown = factcheck("history", "total_cases", "--root", root)
    assert shown.exit_code == 2 and "history not read" in shown.stderr


def test_history_folder_symlink_is_not_followed(project, factcheck, tmp_path) -> None:
    root = project()
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / ".factcheck").symlink_to(outside)
    result = factcheck("check", "--root", root)
    assert result.exit_code == 1
    assert list(outside.iterdir()) == []
    assert ".factcheck is not a folder" in result.stderr


def test_history_fifo_never_hangs(project, tmp_path) -> None:
    """In a subprocess with a timeout: the old code blocked forever opening the FIFO."""
    root = project()
    (root / ".factcheck").mkdir()
    os.mkfifo(root / ".factcheck/history.jsonl")
    run = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "--root", str(root)],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert run.returncode == 1, run.stderr
    assert "history.jsonl is not a regular file" in run.stderr


def test_history_hard_link_is_refused(project, factcheck, tmp_path) -> None:
    root = project()
    other = tmp_path / "other.txt"
    other.write_text("keep\n")
    (root / ".factcheck").mkdir()
    os.link(other, root / ".factcheck/history.jsonl")
    factcheck("check", "--root", root)
    assert other.read_text() == "keep\n"


def test_history_bad_line_is_skipped_good_ones_kept(project, factcheck) -> None:
    root = project()
    factcheck("check", "--root", root)
    path = root / ".factcheck/history.jsonl"
    good = path.read_text()
    bad_lines = [
        "{not json",
        json.dumps({"id": "total_cases", "datasets": {"cases": 5}, "actual": 1}),
        json.dumps({"id": "total_cases", "actual": [1, 2]}),
        "[" * 5000,
    ]
    path.write_text(good + "\n".join(bad_lines) + "\n" + good)
    shown = factcheck("history", "total_cases", "--root", root)
    assert shown.exit_code == 0, shown.output
    assert "2 run(s)" in shown.stdout
    for number in range(len(good.splitlines()) + 1, len(good.splitlines()) + 5):
        assert f"history.jsonl:{number}: not a history record; skipped" in shown.stderr


@pytest.mark.parametrize(
    "text",
    [
        "{",
        json.dumps(
            {"factcheck_report": 1, "claims": [{"id": ["x"], "verdict": "pass", "actual": 1}]}
        ),
        json.dumps({"factcheck_report": 1, "claims": [], "datasets": [{"sha256": "x"}]}),
        json.dumps({"factcheck_report": 1, "claims": [], "datasets": "x"}),
        json.dumps({"factcheck_report": 1, "claims": [{"id": "a", "verdict": None, "actual": 1}]}),
        "[" * 100_000,
    ],
)
def test_diff_on_a_malformed_report_is_a_clear_error(factcheck, tmp_path, text) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"factcheck_report": 1, "claims": [], "datasets": []}))
    bad = tmp_path / "bad.json"
    bad.write_text(text)
    for args in ((good, bad), (bad, good)):
        result = factcheck("diff", *args)
        assert result.exit_code == 2
        assert "bad.json: not a factcheck JSON report" in result.stderr


def test_extract_never_replaces_a_dangling_symlink(factcheck, tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Courts received 20,000 cases.\n")
    link = tmp_path / "claims.yaml"
    link.symlink_to(tmp_path / "elsewhere.yaml")
    result = factcheck("extract", article, "-o", link)
    assert result.exit_code == 2 and "exists" in result.stderr
    assert link.is_symlink() and not (tmp_path / "elsewhere.yaml").exists()


def test_extract_dev_zero_stops_at_a_limit(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "factcheck", "extract", "/dev/zero"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 2
    assert "/dev/zero is over 16 MB" in run.stderr and "Traceback" not in run.stderr


def test_lock_symlink_to_outside_is_not_followed(project, factcheck, tmp_path) -> None:
    root = project()
    outside = tmp_path / "outside.txt"
    outside.write_text("keep\n")
    (root / "factcheck.lock").symlink_to(outside)
    result = factcheck("lock", "--root", root)
    assert result.exit_code == 2 and "symbolic link" in result.stderr
    assert outside.read_text() == "keep\n"
