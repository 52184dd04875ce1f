"""`factcheck schema DATASET`: a pandera schema inferred from the data, never overwriting."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from factcheck.infer_schema import infer

COLUMNS = ("id", "month", "region", "amount", "note", "day")
ROWS = [  # synthetic
    dict(zip(COLUMNS, row, strict=True))
    for row in [
        (1, "2025-01", "North", 10.5, "a", "2025-01-03"),
        (2, "2025-01", "South", None, "b", "2025-01-09"),
        (3, "2025-02", "North", 3.0, "c", "2025-02-11"),
        (4, "2025-02", "North", 7.25, "d", "2025-02-20"),
    ]
]


def test_inferred_schema_describes_the_data() -> None:
    frame = pd.DataFrame(ROWS)
    inferred = infer(frame, "sample")
    schema = pa.DataFrameSchema.from_yaml(inferred.yaml)
    schema.validate(frame)  # the data it came from passes
    columns = schema.columns
    assert str(columns["id"].dtype) == "int64" and not columns["id"].nullable
    assert columns["amount"].nullable and not columns["region"].nullable
    assert str(columns["day"].dtype).startswith("datetime64")
    amounts = [r["amount"] for r in ROWS if r["amount"] is not None]
    bounds = {c.name: c.statistics for c in columns["amount"].checks}
    assert bounds["greater_than_or_equal_to"]["min_value"] == min(amounts)
    assert bounds["less_than_or_equal_to"]["max_value"] == max(amounts)
    [isin] = columns["region"].checks
    assert sorted(isin.statistics["allowed_values"]) == sorted({r["region"] for r in ROWS})
    [shape] = columns["month"].checks
    assert shape.name == "str_matches"
    assert schema.unique == ["id"]
    assert schema.strict and schema.coerce
    # and it refuses what it has not seen
    bad = frame.assign(region=["North", "West", "North", "North"])
    try:
        schema.validate(bad)
    except pa.errors.SchemaError:
        pass
    else:
        raise AssertionError("an unseen region passed")
    advice = "\n".join(inferred.advice)
    assert "region: 2 values seen" in advice and "amount: 1 of 4 cells empty" in advice
    assert "the range 3 to 10.5 is only what this file holds" in advice


def test_a_measure_unique_by_chance_is_not_a_key() -> None:
    frame = pd.DataFrame(
        {
            "month": ["2025-01", "2025-01", "2025-02"],
            "country": ["RU", "UA", "RU"],
            "verdicts": [120, 848, 300],
        }  # fmt: skip
    )
    assert "unique: [month, country]" in infer(frame, "m").yaml


def test_schema_command_writes_once(tmp_path: Path, factcheck) -> None:
    root = tmp_path / "p"
    assert factcheck("init", root).exit_code == 0
    schema = root / "schemas/example_cases.yaml"
    schema.unlink()
    assert factcheck("lint", "--root", root).exit_code == 2  # the catalog names a schema

    done = factcheck("schema", "--root", root, "example_cases")
    assert done.exit_code == 0, done.output
    assert f"wrote {schema}" in done.stdout and "Tighten" in done.stdout
    assert factcheck("check", "--root", root, "--no-history").exit_code == 0
    with (root / "data/example_cases.csv").open(newline="") as handle:
        regions = sorted({row["region"] for row in csv.DictReader(handle)})
    assert f"isin: {str(regions).replace(chr(39), chr(34))}" in schema.read_text()

    written = schema.read_text()
    again = factcheck("schema", "--root", root, "example_cases")
    assert again.exit_code == 2 and "never overwrites" in again.stderr
    assert schema.read_text() == written
    printed = factcheck("schema", "--root", root, "example_cases", "-o", "-")
    assert printed.exit_code == 0 and printed.stdout == written

    unknown = factcheck("schema", "--root", root, "nope")
    assert unknown.exit_code == 2
    assert "no dataset 'nope' in data/datasets.yaml (known: example_cases)" in unknown.stderr


def test_schema_command_never_writes_through_a_symlink(tmp_path: Path, factcheck) -> None:
    root = tmp_path / "p"
    assert factcheck("init", root).exit_code == 0
    schema = root / "schemas/example_cases.yaml"
    schema.unlink()
    outside = tmp_path / "outside.txt"  # where a hostile project's link points
    schema.symlink_to(outside)  # dangling: exists() is False, yet writing creates outside
    done = factcheck("schema", "--root", root, "example_cases")
    assert done.exit_code == 2 and "(a symbolic link)" in done.stderr
    assert not outside.exists() and schema.is_symlink()
    elsewhere = tmp_path / "other.yaml"
    elsewhere.symlink_to(outside)
    done = factcheck("schema", "--root", root, "example_cases", "-o", elsewhere)
    assert done.exit_code == 2 and not outside.exists()


def test_schema_command_never_writes_outside_through_a_linked_folder(
    tmp_path: Path, factcheck
) -> None:
    root = tmp_path / "p"
    assert factcheck("init", root).exit_code == 0
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (root / "schemas/example_cases.yaml").unlink()
    (root / "schemas").rename(tmp_path / "old_schemas")
    (root / "schemas").symlink_to(outside)
    done = factcheck("schema", "--root", root, "example_cases")
    assert done.exit_code == 2 and "Traceback" not in done.output  # the catalog refuses it
    assert list(outside.iterdir()) == []
