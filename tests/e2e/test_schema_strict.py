"""A schema typo stops the run at its line (it used to drop the check silently), and a
row failing its schema is named by the file's line, the header being line 1."""

from __future__ import annotations

import json
from pathlib import Path


def line_of(path: Path, needle: str) -> int:
    return next(n for n, t in enumerate(path.read_text().splitlines(), 1) if needle in t)


def test_a_typo_in_a_schema_is_exit_2_at_its_line(project, factcheck) -> None:
    root = project("basic")
    schema = root / "schemas" / "monthly.yaml"
    text = schema.read_text()
    schema.write_text(
        text.replace("      greater_than_or_equal_to: 0\n", "      greater_than_or_equl_to: 0\n", 1)
    )
    result = factcheck("check", "--root", root, "--no-history")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    line = line_of(schema, "greater_than_or_equl_to")
    assert f"schemas/monthly.yaml:{line}:7: error: unknown check" in result.stderr
    assert "[greater_than_or_equl_to]" in result.stderr
    lint = factcheck("lint", "--root", root)
    assert lint.exit_code == 2 and f"schemas/monthly.yaml:{line}:7" in lint.stderr


def test_a_failing_row_is_named_by_its_line(project, factcheck, tmp_path) -> None:
    root = project("basic")
    data = root / "data" / "monthly.csv"
    lines = data.read_text().splitlines()
    lines[3] = lines[3].replace(",", ",-", 2).replace(",-", ",", 1)  # verdicts negative
    data.write_text("\n".join([*lines[:2], "", *lines[2:]]) + "\n")  # a blank line before it
    bad = next(t for t in data.read_text().splitlines() if ",-" in t)
    out = tmp_path / "r.json"
    result = factcheck(
        "check", "--root", root, "--no-history", "--format", f"json:{out}", "--format", "text"
    )
    assert result.exit_code == 3  # a dataset failed its schema
    datasets = {d["name"]: d for d in json.loads(out.read_text())["datasets"]}
    (failure,) = datasets["monthly"]["failures"]
    (case,) = failure["failure_cases"]
    assert case["line"] == line_of(data, bad) == 5  # header 1, two rows, blank line, this
    assert f"(line {case['line']})" in result.stdout
