"""schema_suite: a pandera schema's `unique` as GX expectations."""

from __future__ import annotations

import pytest

pytest.importorskip("great_expectations")


def _compiled(unique: list[str]) -> list[tuple[str, dict[str, object]]]:
    import pandera.pandas as pa

    from factcheck.export.gx_site import import_gx
    from factcheck.export.schema_suite import compile_schema

    _, gxe = import_gx()
    schema = pa.DataFrameSchema({"a": pa.Column(int), "b": pa.Column(int)}, unique=unique)
    out = compile_schema(schema, gxe, "schemas/t.yaml")
    return [
        (e.expectation_type, e.configuration.kwargs)
        for e, label in zip(out.expectations, out.labels, strict=True)
        if label.startswith("unique")
    ]


def test_unique_over_one_column_is_that_column_unique() -> None:
    # GX's compound expectation refuses a single column: that raised a traceback before
    assert _compiled(["a"]) == [("expect_column_values_to_be_unique", {"column": "a"})]


def test_unique_over_columns_is_compound() -> None:
    assert _compiled(["a", "b"]) == [
        ("expect_compound_columns_to_be_unique", {"column_list": ["a", "b"]})
    ]


def test_weather_project_exports(project, factcheck, tmp_path) -> None:
    """tests/projects/weather declares `unique: [date]` (one column)."""
    root = project("weather")
    result = factcheck("gx-export", "--root", root, "--out", tmp_path / "out")
    checked = factcheck("check", "--root", root, "--no-history")
    assert result.exit_code == checked.exit_code, result.output
    assert (
        "unique: date"
        in (
            tmp_path / "out/gx/uncommitted/data_docs/local_site/factcheck-accounting.json"
        ).read_text()
    )
