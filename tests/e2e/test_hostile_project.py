"""A hostile project (a pull request from outside, an audited folder) gets clear errors,
exit 2, no traceback: schema modules that exit, odd pyproject.toml values, paths that
lead outside the root, odd lock files. docs/security.md is the threat model."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def check(factcheck, root: Path, *args: str):
    result = factcheck("check", "--root", root, "--no-history", *args)
    assert "Traceback" not in result.output
    return result


# --- schemas/*.py are code -----------------------------------------------------------


def test_a_schema_module_calling_exit_does_not_end_the_run(project, factcheck) -> None:
    root = project("basic")
    schema = root / "schemas" / "cases.py"
    schema.write_text("raise SystemExit(0)\n" + schema.read_text())
    result = check(factcheck, root)
    assert result.exit_code == 2, result.output
    assert "schemas/cases.py: error: the schema module called exit (0)" in result.stderr


def test_no_python_schemas_refuses_to_run_one(project, factcheck, tmp_path) -> None:
    root = project("basic")
    marker = tmp_path / "ran"
    schema = root / "schemas" / "cases.py"
    schema.write_text(f"open({str(marker)!r}, 'w').close()\n" + schema.read_text())
    for command in ("check", "lint"):
        result = factcheck(command, "--root", root, "--no-python-schemas")
        assert result.exit_code == 2, result.output
        assert "schemas/cases.py is Python code, refused under --no-python-schemas" in result.stderr
        assert "data/datasets.yaml:4:" in result.stderr  # the catalog line naming the schema
    assert not marker.exists(), "the module was not imported"
    assert factcheck("lint", "--root", root).exit_code == 0 and marker.exists()


def test_no_python_schemas_checks_a_yaml_only_project(project, factcheck) -> None:
    root = project("basic")
    (root / "schemas" / "cases.py").unlink()
    (root / "schemas" / "cases.yaml").write_text(
        "columns:\n  case_id: {dtype: str, unique: true}\n  court: {dtype: str}\n"
        "  article: {dtype: int64}\n  received: {dtype: 'datetime64[ns]'}\n"
        "  outcome: {dtype: str, nullable: true}\n"
        "  sentence_years: {dtype: float64, nullable: true}\n"
        "  region: {dtype: str}\ncoerce: true\nstrict: true\n"
    )
    assert check(factcheck, root, "--no-python-schemas").exit_code == 1  # verdicts, as without


# --- pyproject.toml ------------------------------------------------------------------

ODD_SETTINGS = [
    ("tool = 1\n", "pyproject.toml:1: error: 'tool' must be a table"),
    ("[tool]\nfactcheck = 3\n", "pyproject.toml:2: error: [tool.factcheck] must be a table"),
    (
        "[tool.factcheck]\nvague = 5\n",
        "pyproject.toml:2: error: [tool.factcheck.vague] must be a table",
    ),
    (
        '[tool.factcheck]\ndrift = "x"\n',
        "pyproject.toml:2: error: [tool.factcheck.drift] must be a table",
    ),
    (
        "[tool.factcheck.vague]\nfew = [1, inf]\n",
        "pyproject.toml:2: error: [tool.factcheck.vague] values",
    ),
    ("[tool.factcheck.vague]\nfew = [9, 1]\n", "low <= high [few]"),
    (
        "[tool.factcheck]\nclaims = 5\n",
        "pyproject.toml:2: error: must be a folder name in quotes [5]",
    ),
    (
        "[tool.factcheck]\nengine = 5\n",
        "pyproject.toml:2: error: engine must be a name in quotes [5]",
    ),
    (
        f'[tool.factcheck]\ndata = "{"d" * 5000}"\n',
        "pyproject.toml:2: error: a path longer than 1024",
    ),
    (
        "[tool.factcheck]\ndefaults = 1\n",
        "pyproject.toml:2: error: [tool.factcheck.defaults] must be",
    ),
    (
        "[tool.factcheck.limits]\ndata_rows = 0\n",
        "pyproject.toml:2: error: a limit must be a whole number",
    ),
    ("[tool.factcheck.limits]\nrows = 5\n", "pyproject.toml:2: error: unknown limit"),
    ("[tool.factcheck.drift.claims]\ntotal_cases = 5\n", "pyproject.toml:"),
    ("a = " + "[" * 2000 + "]" * 2000 + "\n", "pyproject.toml: error: cannot read pyproject.toml"),
]


@pytest.mark.parametrize(("toml", "expected"), ODD_SETTINGS)
def test_odd_pyproject_values_are_config_errors(project, factcheck, toml, expected) -> None:
    root = project("basic")
    (root / "pyproject.toml").write_text(toml)
    for command in ("check", "lint"):
        result = factcheck(command, "--root", root)
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
        assert expected in result.stderr, result.stderr


def test_pyproject_not_utf8(project, factcheck) -> None:
    root = project("basic")
    (root / "pyproject.toml").write_bytes(b'[tool.factcheck]\nclaims = "\xff"\n')
    result = check(factcheck, root)
    assert result.exit_code == 2
    assert "pyproject.toml: error: not UTF-8 text (byte 27)" in result.stderr


def test_a_5000_character_data_path(project, factcheck) -> None:
    root = project("basic")
    catalog = root / "data" / "datasets.yaml"
    catalog.write_text(catalog.read_text().replace("path: cases.csv", f"path: {'c' * 5000}.csv"))
    result = check(factcheck, root)
    assert result.exit_code == 2
    assert "data/datasets.yaml:3:11: error: a path longer than 1024 characters" in result.stderr


# --- paths that lead outside the root ------------------------------------------------


def test_a_claims_file_symlinked_outside_is_an_error(project, factcheck, tmp_path) -> None:
    root = project("basic")
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(
        "claims:\n  - id: vanished\n    claim: '999'\n    metric: {dataset: cases}\n"
    )
    os.symlink(outside, root / "claims" / "linked.yaml")
    result = check(factcheck, root)
    assert result.exit_code == 2, result.output  # was 1, with the failing claim left out
    assert "claims/linked.yaml: error: claims file leads outside the project root" in result.stderr


def test_an_outside_data_folder_is_not_read(project, factcheck, tmp_path) -> None:
    root = project("basic")
    other = tmp_path / "other"
    other.mkdir()
    (other / "datasets.yaml").write_text("SECRET_KEY_abc123: 1\n")
    (root / "pyproject.toml").write_text('[tool.factcheck]\ndata = "../other"\n')
    result = check(factcheck, root)
    assert result.exit_code == 2
    assert "pyproject.toml:2: error: directory leaves the project root [../other]" in result.stderr
    assert "SECRET_KEY" not in result.output


def test_a_schema_symlinked_outside_is_an_error(project, factcheck, tmp_path) -> None:
    root = project("basic")
    outside = tmp_path / "monthly.yaml"
    outside.write_text((root / "schemas" / "monthly.yaml").read_text())
    (root / "schemas" / "monthly.yaml").unlink()
    os.symlink(outside, root / "schemas" / "monthly.yaml")
    result = check(factcheck, root)
    assert result.exit_code == 2
    assert "schema file schemas/monthly.yaml leads outside the project root" in result.stderr


# --- the lock ------------------------------------------------------------------------


def test_a_directory_lock(project, factcheck) -> None:
    root = project("basic")
    (root / "factcheck.lock").mkdir()
    for args in (("check", "--locked", "--no-history"), ("lock",)):
        result = factcheck(*args, "--root", root)
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
        assert "factcheck.lock: not a regular file" in result.output or (
            "factcheck.lock: it is a folder" in result.output  # lock: output.py says so
        )


def test_a_deeply_nested_lock(project, factcheck) -> None:
    root = project("basic")
    (root / "factcheck.lock").write_text("[" * 100_000 + "]" * 100_000)
    result = factcheck("check", "--root", root, "--locked", "--no-history")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "factcheck.lock: " in result.output


# --- data limits ---------------------------------------------------------------------


def test_a_data_file_over_the_row_limit(project, factcheck) -> None:
    root = project("basic")
    with (root / "data" / "cases.csv").open(newline="") as handle:
        rows = sum(1 for _ in handle) - 1  # synthetic test data: one line per row
    result = check(factcheck, root, "--limit", f"data_rows={rows - 1}")
    assert result.exit_code == 2, result.output
    assert f"data/datasets.yaml:2:3: error: data/cases.csv: more than {rows - 1:,} rows" in (
        result.stderr
    )
    assert f"--limit data_rows={rows}" not in result.stderr  # says N, not a guess
    assert check(factcheck, root, "--limit", f"data_rows={rows}").exit_code == 1  # verdicts


def test_the_project_sets_its_own_limits(project, factcheck) -> None:
    root = project("basic")
    (root / "pyproject.toml").write_text("[tool.factcheck.limits]\ndata_rows = 5\n")
    result = check(factcheck, root)
    assert result.exit_code == 2 and "more than 5 rows in one data file" in result.stderr
    assert check(factcheck, root, "--limit", "data_rows=1000").exit_code == 1  # flag wins


def test_a_2gb_csv_is_refused_unread(project, factcheck) -> None:
    root = project("basic")
    with (root / "data" / "cases.csv").open("r+b") as handle:
        handle.truncate(2_000_000_000)  # sparse: costs no disk, would cost memory to read
    result = check(factcheck, root)
    assert result.exit_code == 2
    assert "data/cases.csv: more than 1,000,000,000 bytes of one data file" in result.stderr
