"""`where` and `by`: every operator, nulls, dates vs strings, quoted names; pandas == DuckDB."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from factcheck.lang.pandas_eval import group_key_series, where_mask
from factcheck.lang.sql import group_key_sql, where_to_sql
from factcheck.lang.where import (
    LangError,
    parse_by,
    parse_where,
    where_columns,
)


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "court": ["Moscow", "Kazan", None, "Tver", "Moscow", "O'Hare"],
            "article": [337, 332, 337, None, 338, 337],
            "years": [2.5, None, 1.0, 3.5, 6.0, 0.5],
            "received": pd.to_datetime(
                ["2025-01-10", "2025-02-03", "2025-03-05", None, "2025-04-30", "2024-12-31"]
            ),
            "month": ["2025-01", "2025-02", "2025-03", "2025-04", "2025-04", "2024-12"],
            "in custody": [True, False, None, True, False, True],
        }
    ).astype({"article": "Int64", "in custody": "boolean"})


CASES = [
    ("court = 'Moscow'", [0, 4]),
    ("court != 'Moscow'", [1, 3, 5]),  # null court: unknown, not true
    ("court <> 'Moscow'", [1, 3, 5]),
    ("article > 332", [0, 2, 4, 5]),
    ("article >= 337 and years < 3", [0, 2, 5]),
    ("article < 337", [1]),
    ("article <= 337", [0, 1, 2, 5]),
    ("article in (332, 338)", [1, 4]),
    ("article not in (332, 338)", [0, 2, 5]),
    ("court in ('Kazan', 'Tver')", [1, 3]),
    ("years between 1 and 3.5", [0, 2, 3]),
    ("years not between 1 and 3.5", [4, 5]),
    ("court is null", [2]),
    ("court is not null", [0, 1, 3, 4, 5]),
    ("court like 'M%'", [0, 4]),
    ("court like '_azan'", [1]),
    ("court not like 'M%'", [1, 3, 5]),
    ("court = 'O''Hare'", [5]),
    ("not court = 'Moscow'", [1, 3, 5]),
    ("not (court = 'Moscow' or article = 332)", [5]),  # unknown stays unknown under not
    ("court = 'Moscow' or years is null", [0, 1, 4]),
    ("received >= '2025-03-01'", [2, 4]),
    ("received between '2025-01-01' and '2025-03-31'", [0, 1, 2]),
    ("month = '2025-04'", [3, 4]),  # a string column stays a string
    ('"in custody" = true', [0, 3, 5]),
    ('"in custody" = false', [1, 4]),
    ("COURT_X is null or court = 'Tver'".replace("COURT_X", "court"), [2, 3]),
    ("court = 'Moscow' AND article = 338", [4]),
    ("years = null", []),  # SQL: comparing with null is never true
]


@pytest.mark.parametrize(("text", "rows"), CASES, ids=[c[0] for c in CASES])
def test_pandas_and_duckdb_keep_the_same_rows(frame, text: str, rows: list[int]) -> None:
    node = parse_where(text)
    mask = where_mask(node, frame)
    assert list(frame.index[mask]) == rows
    con = duckdb.connect()
    con.register("t", frame.assign(_row=range(len(frame))))
    found = con.execute(f"SELECT _row FROM t WHERE {where_to_sql(node)} ORDER BY _row").fetchall()
    assert [r[0] for r in found] == rows


def test_columns_listed(frame) -> None:
    node = parse_where("\"in custody\" = true and (court = 'x' or years > 1)")
    assert where_columns(node) == {"in custody", "court", "years"}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("__import__('os').system('ls')", "("),
        ("court = 'x'; drop table t", ";"),
        ("court = (select 1)", "("),
        ("lower(court) = 'x'", "("),
        ("court == 'x'", "=="),  # named whole, with a hint to write one '='
        ("court = 'x' --", "-"),
    ],
)
def test_anything_else_is_refused_naming_the_word(text: str, word: str) -> None:
    with pytest.raises(LangError) as caught:
        parse_where(text)
    assert caught.value.word == word
    assert caught.value.column is not None


def test_incomplete_and_bare_values_refused() -> None:
    for text in ("court =", "court", "", "court = 'x' and"):
        with pytest.raises(LangError):
            parse_where(text)


def test_sql_identifiers_and_strings_are_escaped() -> None:
    sql = where_to_sql(parse_where("\"we\"\"ird\" = 'it''s'"))
    assert sql == "(\"we\"\"ird\" = 'it''s')"


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("year(received)", [2025, 2025, 2025, 2025, 2024]),
        ("quarter(received)", ["2025-Q1", "2025-Q1", "2025-Q1", "2025-Q2", "2024-Q4"]),
        ("month(received)", ["2025-01", "2025-02", "2025-03", "2025-04", "2024-12"]),
        ("DAY(received)", ["2025-01-10", "2025-02-03", "2025-03-05", "2025-04-30", "2024-12-31"]),
        ("court", ["Moscow", "Kazan", None, "Moscow", "O'Hare"]),
    ],
)
def test_group_keys_agree(frame, text: str, keys: list) -> None:
    key = parse_by(text)
    rows = frame.drop(index=3).reset_index(drop=True)
    series = group_key_series(key, rows)
    assert [None if pd.isna(v) else v for v in series] == keys
    con = duckdb.connect()
    con.register("t", rows)
    got = [r[0] for r in con.execute(f"SELECT {group_key_sql(key)} FROM t").fetchall()]
    assert got == keys


def test_by_quoted_column_and_errors() -> None:
    assert parse_by('"in custody"').column == "in custody"
    with pytest.raises(LangError) as caught:
        parse_by("week(received)")
    assert caught.value.word == "week"
