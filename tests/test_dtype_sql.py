"""A dtype without `coerce`, validated where the data lies (SQL) and by pandera in pandas on
the same files: the same failures, counts and example rows (issue 11).

pandas reads an integer column with a missing value as float64 and a boolean one as
object, and pandera checks that type: the SQL path must find the same failures although
DuckDB reads such a column as BIGINT or BOOLEAN. All data here is synthetic.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.test_validate_sql import _both

# name -> (values of column n, one per row; "" is a missing value), dtype of n.
CASES = {
    "int with missing": (["5", "", "7", ""], "int64"),
    "int32 with missing": (["5", "", "7"], "int32"),
    "int32 read as int64": (["5", "7"], "int32"),
    "fractions with missing": (["5.5", "", "3.0"], "int64"),
    "fractions": (["5.5", "3.0"], "int64"),
    "text with missing": (["5", "x", ""], "int64"),
    "only missing": (["", ""], "int64"),
    "bool with missing": (["True", "", "False"], "bool"),
    "ints as bool": (["1", "0"], "bool"),
    "float with missing ints": (["5", "", "7"], "float64"),
    "float32 with missing ints": (["5", "", "7"], "float32"),
    "float from ints": (["5", "7"], "float64"),
    "text from ints": (["5", "7"], "str"),
    "text from ints with missing": (["5", "", "7"], "str"),
    "text, only missing": (["", ""], "str"),
    "nullable Int64 with missing": (["5", "", "7"], "Int64"),
    "dates as text": (["2024-01-01", "x"], "datetime64[ns]"),
}


def _write(root: Path, values: list[str], dtype: str, fmt: str) -> str:
    import pandas as pd

    rows = "\n".join(f"{i},{v}" for i, v in enumerate(values))
    (root / "t.csv").write_text(f"id,n\n{rows}\n")
    if fmt == "parquet":  # the same rows as pandas writes them (missing ints as float)
        pd.read_csv(root / "t.csv").to_parquet(root / "t.parquet")
    return (
        "schema_type: dataframe\ncolumns:\n  id:\n    dtype: int64\n"
        f"  n:\n    dtype: {dtype}\n    nullable: true\n"
    )


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_dtype_failures_match_pandas(tmp_path: Path, case: str, fmt: str) -> None:
    values, dtype = CASES[case]
    schema = _write(tmp_path, values, dtype, fmt)
    pandas, sql = _both(tmp_path, f"t.{fmt}", schema)
    assert sql.failures == pandas.failures
    assert sql.valid == pandas.valid


def test_int_with_missing_values_fails_as_in_pandas(tmp_path: Path) -> None:
    """The reported bug: BIGINT in DuckDB, float64 in pandas; each missing value is a row
    that cannot become an int64, with its position and line."""
    schema = _write(tmp_path, ["5", "", "7", ""], "int64", "csv")
    pandas, sql = _both(tmp_path, "t.csv", schema)
    assert not pandas.valid and not sql.valid
    assert sql.failures == [
        {
            "check": "dtype('int64')",
            "column": "n",
            "failure_cases": [
                {"index": 1, "line": 3, "failure_case": None},
                {"index": 3, "line": 5, "failure_case": None},
            ],
            "count": 2,
        }
    ]
    assert sql.failures == pandas.failures


def test_every_value_converts_names_the_pandas_dtype(tmp_path: Path) -> None:
    """When every value converts (5.5 to an int64, for pandas), pandera names the column's
    pandas dtype once: float64, not DuckDB's DOUBLE."""
    schema = _write(tmp_path, ["5.5", "3.0"], "int64", "csv")
    _, sql = _both(tmp_path, "t.csv", schema)
    assert [f["failure_cases"] for f in sql.failures] == [
        [{"index": None, "line": None, "failure_case": "float64"}]
    ]
