"""pandera YAML schemas are read as strictly as claims (contract section 8): every
unknown key, dtype or check and every duplicate column is an error at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.load.limits import Limits
from factcheck.load.schema_yaml import read_schema_yaml
from factcheck.problems import Problems

GOOD = """\
schema_type: dataframe
version: 0.35.0
columns:
  month:
    dtype: str
    nullable: false
    checks:
      str_matches: '^\\d{4}-\\d{2}$'
  verdicts:
    dtype: int64
    greater_than_or_equal_to: 0
coerce: true
strict: true
unique: [month]
"""


def read(tmp_path: Path, text: str) -> tuple[object, list[str]]:
    path = tmp_path / "s.yaml"
    path.write_text(text)
    problems = Problems()
    schema = read_schema_yaml(path, "schemas/s.yaml", problems, Limits())
    return schema, [str(p) for p in problems]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_good_schema_is_read_with_its_checks(tmp_path: Path) -> None:
    schema, problems = read(tmp_path, GOOD)
    assert problems == []
    assert [c.name for c in schema.columns["verdicts"].checks] == ["greater_than_or_equal_to"]
    assert schema.unique == ["month"]


def test_what_pandera_writes_is_accepted(tmp_path: Path) -> None:
    import pandas as pd
    import pandera.pandas as pa

    frame = pd.DataFrame(
        {"n": [1, 2, 3], "s": ["a", "b", "c"], "d": pd.to_datetime(["2025-01-01"] * 3)}
    )
    schema, problems = read(tmp_path, pa.infer_schema(frame).to_yaml())
    assert problems == [] and schema is not None


@pytest.mark.parametrize(
    ("old", "new", "word"),
    [
        ("    nullable: false\n", "    uniqe: true\n", "uniqe"),  # the typo that dropped a check
        ("greater_than_or_equal_to: 0", "greater_than_or_equl_to: 0", "greater_than_or_equl_to"),
        ("str_matches:", "str_match:", "str_match"),  # under checks:
        ("strict: true", "strictt: true", "strictt"),  # top level
        ("dtype: int64", "dtype: integer64", "integer64"),
        ("nullable: false", "nullable: flase", "flase"),
        ("unique: [month]", "unique: [mnth]", "mnth"),
        ("schema_type: dataframe", "schema_type: series", "series"),
    ],
)
def test_a_typo_anywhere_is_an_error_at_its_line(tmp_path, old, new, word) -> None:
    text = GOOD.replace(old, new, 1)
    assert text != GOOD
    schema, problems = read(tmp_path, text)
    assert schema is None
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"schemas/s.yaml:{line_of(text, new.strip())}:")
    assert f"[{word}]" in problems[0]


def test_a_close_typo_gets_a_suggestion(tmp_path: Path) -> None:
    _, problems = read(tmp_path, GOOD.replace("    nullable: false\n", "    uniqe: true\n"))
    assert "did you mean 'unique'?" in problems[0]


def test_a_duplicate_column_is_an_error_at_its_line(tmp_path: Path) -> None:
    text = GOOD.replace("coerce: true", "  month:\n    dtype: str\ncoerce: true")
    schema, problems = read(tmp_path, text)
    assert schema is None
    assert problems == [f"schemas/s.yaml:{line_of(text, 'coerce') - 2}:3: duplicate key [month]"]


def test_a_duplicate_column_in_list_form(tmp_path: Path) -> None:
    text = "columns:\n  - name: a\n    dtype: int64\n  - name: a\n    dtype: str\n"
    _, problems = read(tmp_path, text)
    assert problems == ["schemas/s.yaml:4:11: duplicate column [a]"]


def test_every_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    text = GOOD.replace("nullable: false", "nulable: false").replace(
        "strict: true", "strict: maybe"
    )
    _, problems = read(tmp_path, text)
    assert len(problems) == 2, problems


def test_dtype_date_says_what_to_write_instead(tmp_path: Path) -> None:
    _, problems = read(tmp_path, GOOD.replace("dtype: str", "dtype: date", 1))
    assert len(problems) == 1
    assert "write `dtype: datetime64[ns]`" in problems[0] and "[date]" in problems[0]


def test_a_bad_check_argument_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    text = GOOD.replace("greater_than_or_equal_to: 0", "in_range: {min_value: 0, max_valu: 9}")
    schema, problems = read(tmp_path, text)
    assert schema is None and len(problems) == 1
    assert problems[0].startswith(f"schemas/s.yaml:{line_of(text, 'verdicts:')}:")
    assert "max_value" in problems[0]


def test_tags_and_aliases_are_bounded_as_in_claims(tmp_path: Path) -> None:
    _, problems = read(tmp_path, GOOD.replace("dtype: int64", "dtype: !!python/name:os.system"))
    assert any("YAML tags are not allowed" in p for p in problems)


def test_check_options_are_kept_as_pandera_reads_them(tmp_path: Path) -> None:
    """A check's `options` (pandera's to_yaml form) reach the schema: the reader once
    built the schema after trial builds that had taken them out, so `ignore_na: false`
    was dropped and a null passed the check."""
    import pandera.io.pandas_io as pandera_io
    import yaml

    text = GOOD.replace(
        "    greater_than_or_equal_to: 0\n",
        "    checks:\n"
        "      greater_than_or_equal_to:\n"
        "        value: 0\n"
        "        options: {check_name: greater_than_or_equal_to, ignore_na: false,"
        " raise_warning: true}\n",
    )
    schema, problems = read(tmp_path, text)
    assert problems == [] and schema is not None
    ours = schema.columns["verdicts"].checks[0]
    theirs = pandera_io.deserialize_schema(yaml.safe_load(text)).columns["verdicts"].checks[0]
    assert (ours.ignore_na, ours.raise_warning) == (theirs.ignore_na, theirs.raise_warning)
    assert (ours.ignore_na, ours.raise_warning) == (False, True)
