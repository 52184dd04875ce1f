"""Validation where the data lies (SQL in DuckDB) against pandera's pandas backend on the same
bad files: the same failing checks, the same counts, the same example rows.

All data here is synthetic, written by the tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factcheck.load.spec import DatasetSpec
from factcheck.problems import Location, Problems

SCHEMA = """\
schema_type: dataframe
version: 0.35.0
columns:
  id:
    dtype: int64
    unique: true
  court:
    dtype: str
    isin: [A, B]
  n:
    dtype: int64
    greater_than_or_equal_to: 0
  d:
    dtype: datetime64[ns]
    in_range: {min_value: '2024-01-01', max_value: '2024-12-31'}
  code:
    dtype: str
    nullable: true
    str_matches: '^C\\d{2}$'
  url:
    dtype: str
    nullable: true
    str_startswith: https://
  note:
    dtype: str
    str_length: {min_value: 2, max_value: 5}
  word:
    dtype: str
    nullable: true
    str_contains: 'ab'
  x:
    dtype: float64
    nullable: false
    less_than: 10.5
coerce: true
strict: true
unique: [court, n]
"""

# Synthetic rows, each breaking one rule (row positions 0..11).
ROWS = [
    "id,court,n,d,code,url,note,word,x",
    "1,A,5,2024-01-03,C01,https://a,ok,xaby,1.5",
    "2,B,7,2024-02-01,C02,http://b,ok,ab,2.0",  # url
    "2,Z,8,2024-03-01,C03,,ok,,3.0",  # id duplicate, court
    "4,A,-1,2024-04-01,C4,https://c,ok,ab,4.0",  # n, code
    "5,B,9,2025-01-01,C05,https://d,toolong,ab,5.0",  # d, note
    "6,A,10,2024-05-01,X06,https://e,ok,ba,",  # code, word, x null
    "7,A,11,2024-06-01,C07,https://f,o,ab,11.0",  # note, x
    "8,B,12,2024-06-02,C08,https://g,ok,ab,1.0",
    "9,B,12,2024-06-03,C09,https://h,ok,ab,1.0",  # (court, n) duplicate of the row above
    "10,A,13,2024-06-04,,https://i,ok,ab,1.0",
]


def _spec(root: Path, name: str) -> DatasetSpec:
    return DatasetSpec(
        name="t",
        path=root / name,
        rel_path=f"data/{name}",
        schema_name="s",
        schema_path=root / "s.yaml",
        schema_rel="schemas/s.yaml",
        description=None,
        provenance=None,
        loc=Location("data/datasets.yaml", 1),
    )


def _both(root: Path, name: str, schema_text: str) -> tuple[Any, Any]:
    from factcheck.validate import load_schema, validate_dataset

    (root / "s.yaml").write_text(schema_text)
    spec = _spec(root, name)
    problems = Problems()
    schema = load_schema(spec, problems)
    in_pandas = validate_dataset(spec, schema, False, problems)
    in_place = validate_dataset(spec, schema, True, problems)
    assert not problems, problems
    assert in_pandas is not None and in_place is not None
    assert in_pandas.in_place is None and in_place.in_place is not None
    in_place.close()
    return in_pandas, in_place


def test_csv_failures_match_pandas(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("\n".join(ROWS) + "\n")
    pandas, sql = _both(tmp_path, "t.csv", SCHEMA)
    assert not pandas.valid and not sql.valid
    assert sql.rows == pandas.rows == len(ROWS) - 1
    found = {(f["column"], f["check"]) for f in pandas.failures}
    # Each rule the rows break, found by pandas (so the data really is bad as intended).
    assert found == {
        ("id", "field_uniqueness"),
        ("court", "isin(['A', 'B'])"),
        ("court", "multiple_fields_uniqueness"),
        ("n", "greater_than_or_equal_to(0)"),
        ("n", "multiple_fields_uniqueness"),
        ("d", "in_range(2024-01-01, 2024-12-31)"),
        ("code", "str_matches('^C\\d{2}$')"),
        ("url", "str_startswith('https://')"),
        ("note", "str_length(2, 5)"),
        ("word", "str_contains('ab')"),
        ("x", "not_nullable"),
        ("x", "less_than(10.5)"),
    }
    assert sql.failures == pandas.failures


def test_parquet_failures_match_pandas(tmp_path: Path) -> None:
    import pandas as pd

    pd.read_csv(_csv(tmp_path)).to_parquet(tmp_path / "t.parquet")
    pandas, sql = _both(tmp_path, "t.parquet", SCHEMA)
    assert not sql.valid
    assert sql.failures == pandas.failures


def _csv(root: Path) -> Path:
    path = root / "t.csv"
    path.write_text("\n".join(ROWS) + "\n")
    return path


def test_structure_and_coercion(tmp_path: Path) -> None:
    """A missing column, an unknown column under strict, values that cannot be coerced."""
    (tmp_path / "t.csv").write_text("id,n,extra\n1,5,q\n2,x7,q\n3,2.5,q\n4,,q\n")
    schema = SCHEMA.split("columns:")[0] + (
        "columns:\n  id:\n    dtype: int64\n  n:\n    dtype: int64\n    nullable: true\n"
        "  gone:\n    dtype: str\ncoerce: true\nstrict: true\n"
    )
    pandas, sql = _both(tmp_path, "t.csv", schema)
    expected = {(f["column"], f["check"], f["count"]): f["failure_cases"] for f in pandas.failures}
    got = {(f["column"], f["check"], f["count"]): f["failure_cases"] for f in sql.failures}
    # pandas also repeats a coercion failure as a dtype failure; SQL reports it once.
    expected.pop(("n", "dtype('int64')", 3))
    assert got == expected
    # text, a fraction, and a missing value (numpy's int64 holds none) cannot be int64
    assert got[("n", "coerce_dtype('int64')", 3)] == [
        {"index": 1, "line": 3, "failure_case": "x7"},
        {"index": 2, "line": 4, "failure_case": "2.5"},
        {"index": 3, "line": 5, "failure_case": None},
    ]


def test_dtype_without_coercion(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("id,n\n1,5.5\n2,3.0\n")
    schema = "schema_type: dataframe\ncolumns:\n  id:\n    dtype: int64\n  n:\n    dtype: int64\n"
    pandas, sql = _both(tmp_path, "t.csv", schema)
    assert [(f["column"], f["check"]) for f in sql.failures] == [("n", "dtype('int64')")]
    assert [(f["column"], f["check"]) for f in pandas.failures] == [("n", "dtype('int64')")]


def test_valid_file_is_valid_in_both(tmp_path: Path) -> None:
    good = [r.split(",") for r in ROWS[1:2]]
    (tmp_path / "t.csv").write_text(ROWS[0] + "\n" + ",".join(good[0]) + "\n")
    pandas, sql = _both(tmp_path, "t.csv", SCHEMA)
    assert pandas.valid and sql.valid and pandas.rows == sql.rows == 1


def test_a_python_check_is_validated_in_pandas(tmp_path: Path) -> None:
    """A schema whose rules have no SQL form (a Python function) runs in pandas, whole."""
    from factcheck.validate import validate_dataset

    (tmp_path / "t.csv").write_text("n\n1\n-2\n")
    (tmp_path / "s.py").write_text(
        "import pandera.pandas as pa\n"
        "schema = pa.DataFrameSchema({'n': pa.Column(int, pa.Check(lambda s: s > 0))})\n"
    )
    spec = _spec(tmp_path, "t.csv")
    spec = DatasetSpec(**{**spec.__dict__, "schema_path": tmp_path / "s.py"})
    from factcheck.validate import load_schema

    problems = Problems()
    result = validate_dataset(spec, load_schema(spec, problems), True, problems)
    assert result is not None and result.in_place is None and result.frame is None
    assert not result.valid and result.failures[0]["failure_cases"][0]["index"] == 1
