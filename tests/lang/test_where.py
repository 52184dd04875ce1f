"""`where` and `by`: the tree, SQL text, and pandas keeping exactly DuckDB's rows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import duckdb
import pandas as pd
import pytest

from factcheck.lang.pandas_eval import group_key_series, where_mask
from factcheck.lang.sql import group_key_sql, where_to_sql
from factcheck.lang.where import (
    And,
    Between,
    Column,
    Compare,
    GroupKey,
    In,
    IsNull,
    LangError,
    Like,
    Literal,
    Not,
    Or,
    parse_by,
    parse_where,
    where_columns,
)


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region": ["Moscow", "Kazan", None, "Tver", "Moscow", "O'Hare", "50%_off"],
            "cases": pd.array([10, 3, 7, None, 0, -2, 10], dtype="Int64"),
            "share": [0.5, None, 1.25, 3.0, 0.0, -1.5, 2.0],
            "filed": pd.to_datetime(
                [
                    "2024-04-30",
                    "2024-05-01",
                    None,
                    "2025-01-01",
                    "2024-04-01",
                    "2023-12-31",
                    "2024-04-30 13:30",
                ],
                format="ISO8601",
            ),
            "decided": [
                date(2024, 5, 2),
                None,
                date(2024, 6, 1),
                date(2025, 1, 9),
                date(2024, 4, 2),
                date(2024, 1, 1),
                date(2024, 5, 2),
            ],
            "month": ["2024-04", "2024-05", None, "2025-01", "2024-04", "2023-12", "2024-04"],
            "in custody": pd.array([True, False, None, True, False, True, None], dtype="boolean"),
        }
    )


def duckdb_rows(frame: pd.DataFrame, sql: str) -> list[int]:
    con = duckdb.connect()
    con.register("t", frame.assign(_row=range(len(frame))))
    return [r[0] for r in con.execute(f"SELECT _row FROM t WHERE {sql} ORDER BY _row").fetchall()]


def pandas_rows(frame: pd.DataFrame, node) -> list[int]:
    return [int(i) for i in frame.index[where_mask(node, frame)]]


CASES = [
    # comparisons, each with a null row that must never come back
    ("region = 'Moscow'", [0, 4]),
    ("region != 'Moscow'", [1, 3, 5, 6]),
    ("region <> 'Moscow'", [1, 3, 5, 6]),
    ("cases < 3", [4, 5]),
    ("cases <= 3", [1, 4, 5]),
    ("cases > 3", [0, 2, 6]),
    ("cases >= 10", [0, 6]),
    ("cases = -2", [5]),
    ("share > 1", [2, 3, 6]),
    ("share <= 0.5", [0, 4, 5]),
    ("share = 1.25", [2]),
    ("share >= 2e0", [3, 6]),
    ("cases = share", [4]),  # column against column
    ("cases = '3'", [1]),  # a number in quotes compares as a number, as DuckDB casts it
    # and / or / not / parentheses, with SQL's unknowns
    ("cases > 0 and share > 0", [0, 2, 6]),
    ("cases > 0 or share > 2", [0, 1, 2, 3, 6]),
    ("not cases > 0", [4, 5]),  # not unknown is unknown: row 3 stays out
    ("not (cases > 0 and share > 1)", [0, 4, 5]),
    ("not (region = 'Moscow' or cases = 3)", [5, 6]),
    ("cases > 0 and (share < 1 or region = 'Kazan')", [0, 1]),
    ("cases > 0 and share < 1 or region = 'Kazan'", [0, 1]),  # and binds tighter than or
    ("region = 'Tver' or share is null", [1, 3]),
    ("not not region = 'Tver'", [3]),
    # in / not in
    ("cases in (3, 0)", [1, 4]),
    ("cases not in (3, 0)", [0, 2, 5, 6]),
    ("region in ('Kazan', 'Tver')", [1, 3]),
    ("region not in ('Kazan', 'Tver')", [0, 4, 5, 6]),
    ("cases in (3, null)", [1]),
    ("cases not in (3, null)", []),  # SQL: a null in the list makes every miss unknown
    ("cases in (share, 3)", [1, 4]),
    # between / not between
    ("share between 0 and 1.25", [0, 2, 4]),
    ("share not between 0 and 1.25", [3, 5, 6]),
    ("cases between -2 and 3", [1, 4, 5]),
    ("cases not between 1 and null", [4, 5]),  # below the low end is false whatever high is
    ("cases between null and 5", []),
    # is null / is not null
    ("region is null", [2]),
    ("region is not null", [0, 1, 3, 4, 5, 6]),
    ("share is null", [1]),
    ("filed is null", [2]),
    ('"in custody" is null', [2, 6]),
    ("not region is null", [0, 1, 3, 4, 5, 6]),
    # like / not like: % and _ are the only wildcards, everything else is itself
    ("region like 'M%'", [0, 4]),
    ("region like '_azan'", [1]),
    ("region like '%o%'", [0, 4, 6]),  # not O'Hare: case-sensitive
    ("region like 'moscow'", []),  # case-sensitive
    ("region not like 'M%'", [1, 3, 5, 6]),
    ("region like '50%'", [6]),
    ("region like '.*'", []),  # a regex special is a plain character
    ("region like '%(%'", []),
    ("cases like '1%'", [0, 6]),  # numbers match as their text
    ("\"in custody\" like 'tr%'", [0, 3, 5]),
    ("filed like '2024-04-30%'", [0, 6]),
    ("filed like '% 00:00:00'", [0, 1, 3, 4, 5]),  # timestamps match as DuckDB writes them
    # literals
    ("region = 'O''Hare'", [5]),
    ('"in custody" = true', [0, 3, 5]),
    ('"in custody" = FALSE', [1, 4]),
    ('"in custody"', None),  # placeholder replaced below: a bare column is refused
    ("share = null", []),  # comparing with null is never true
    ("null is null", [0, 1, 2, 3, 4, 5, 6]),
    ("1 = 1", [0, 1, 2, 3, 4, 5, 6]),
    ("'a' = 'b'", []),
    # a 'YYYY-MM-DD' literal is a date for date columns and text for text columns
    ("filed >= '2024-05-01'", [1, 3]),
    ("filed = '2024-04-30'", [0]),  # midnight; row 6 is 13:30 that day
    ("filed between '2024-04-01' and '2024-04-30'", [0, 4]),
    ("filed in ('2024-04-01', '2025-01-01')", [3, 4]),
    ("filed < '2024-01-01' or filed is null", [2, 5]),
    ("decided >= '2024-05-02'", [0, 2, 3, 6]),  # a column of datetime.date: DuckDB DATE
    ("decided = '2024-05-02'", [0, 6]),
    ("decided between '2024-01-01' and '2024-05-01'", [4, 5]),
    ("decided not in ('2024-05-02')", [2, 3, 4, 5]),
    ("month = '2024-04'", [0, 4, 6]),
    ("month >= '2024-05'", [1, 3]),  # text order
    # keywords in any case, names case-sensitive
    ("cases IN (3) OR region LIKE 'T%' AND NOT share IS NULL", [1, 3]),
    ("share Between 1 aNd 2 and region Is Not Null", [6]),
]
CASES = [c for c in CASES if c[1] is not None]


@pytest.mark.parametrize(("text", "rows"), CASES, ids=[c[0] for c in CASES])
def test_pandas_and_duckdb_keep_the_same_rows(frame, text: str, rows: list[int]) -> None:
    node = parse_where(text)
    assert pandas_rows(frame, node) == rows
    assert duckdb_rows(frame, where_to_sql(node)) == rows


@pytest.mark.parametrize(("text", "rows"), CASES, ids=[c[0] for c in CASES])
def test_negation_agrees_too(frame, text: str, rows: list[int]) -> None:
    # `not` of each case checks the unknowns: pandas and DuckDB drop the same rows.
    node = Not(parse_where(text))
    assert pandas_rows(frame, node) == duckdb_rows(frame, where_to_sql(node))


def test_quoted_column_with_spaces_and_quotes() -> None:
    weird = pd.DataFrame({'say "hi" now': ["x", "y", None], "plain": [1, 2, 3]})
    node = parse_where('"say ""hi"" now" = \'y\' or plain = 1')
    assert where_columns(node) == {'say "hi" now', "plain"}
    assert where_to_sql(node) == '(("say ""hi"" now" = \'y\') OR ("plain" = 1))'
    assert pandas_rows(weird, node) == duckdb_rows(weird, where_to_sql(node)) == [0, 1]


def test_the_tree() -> None:
    node = parse_where(
        "a = 1 and not (b in ('x', 'y') or c between 1.5 and 2) "
        "and d is not null and e not like 'z%'"
    )
    assert node == And(
        And(
            And(
                Compare("=", Column("a"), Literal(1)),
                Not(
                    Or(
                        In(Column("b"), (Literal("x"), Literal("y"))),
                        Between(Column("c"), Literal(Decimal("1.5")), Literal(2)),
                    )
                ),
            ),
            IsNull(Column("d"), negated=True),
        ),
        Like(Column("e"), Literal("z%"), negated=True),
    )
    assert parse_where("a <> 1") == Compare("!=", Column("a"), Literal(1))
    assert parse_where("a = true or b = null") == Or(
        Compare("=", Column("a"), Literal(True)), Compare("=", Column("b"), Literal(None))
    )
    with pytest.raises(AttributeError):
        node.left = node  # type: ignore[misc]  # frozen


def test_names_keep_their_case_and_keywords_need_quotes() -> None:
    # DuckDB matches names case-insensitively, but the names checked against the
    # dataset's columns are exactly as written.
    assert where_columns(parse_where("Region = 1 or REGION = 2")) == {"Region", "REGION"}
    assert where_columns(parse_where('"or" = 1 and "NULL" is null')) == {"or", "NULL"}
    with pytest.raises(LangError) as caught:
        parse_where("a = 1 or or = 2")
    assert (caught.value.word, caught.value.column) == ("or", 10)


def test_columns() -> None:
    text = "\"in custody\" = true and (region = 'x' or share between lo and hi) or k in (j, 1)"
    assert where_columns(parse_where(text)) == {
        "in custody",
        "region",
        "share",
        "lo",
        "hi",
        "k",
        "j",
    }


def test_sql_is_rendered_from_the_tree() -> None:
    sql = where_to_sql(parse_where("a='it''s' AND b>=-2.50 or not c is null"))
    assert sql == '((("a" = \'it\'\'s\') AND ("b" >= -2.50)) OR (NOT ("c" IS NULL)))'
    assert where_to_sql(parse_where("a not between 1 and 2")) == '("a" NOT BETWEEN 1 AND 2)'
    assert where_to_sql(parse_where("a in (1, null)")) == '("a" IN (1, NULL))'
    assert where_to_sql(parse_where("a like '%'")) == "(CAST(\"a\" AS VARCHAR) LIKE '%')"
    assert where_to_sql(parse_where("a = TRUE")) == '("a" = TRUE)'


def test_date_literals_work_on_duckdb_date_and_timestamp_columns() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE t AS SELECT DATE '2024-04-30' AS d, TIMESTAMP '2024-04-30' AS ts")
    for text in (
        "d = '2024-04-30'",
        "ts = '2024-04-30'",
        "d between '2024-04-01' and '2024-04-30'",
        "ts in ('2024-04-30')",
    ):
        sql = where_to_sql(parse_where(text))
        assert con.execute(f"SELECT count(*) FROM t WHERE {sql}").fetchone() == (1,), text


@pytest.mark.parametrize(
    ("text", "word", "column"),
    [
        ("region = 'x'; drop table t", ";", 13),
        ("region = 'x' drop table t", "drop", 14),
        ("1=1; drop table", ";", 4),
        ("__import__('os').system('ls')", "(", 11),
        ("lower(region) = 'x'", "(", 6),
        ("region in (select 1)", "1", 19),
        ("region = (select 1)", "(", 10),
        ("region == 'x'", "==", 8),  # named whole, with a hint to write one '='
        ("region = 'x' -- comment", "-", 14),
        ("region = 'x' /* c */", "/", 14),
        ("a.b = 1", ".", 2),
        ('region = "x" + 1', "+", 14),
        ("region = 'x' union select 1", "union", 14),
        ("a = 1 and", None, None),
        ("a =", None, None),
        ("a", None, None),
        ("(a = 1", None, None),
        ("a in ()", ")", 7),
        ("a like b", "b", 8),
        ("a like 1", "1", 8),
        ("a = 'open", "'", 5),
        ("a = 1 or or b = 2", "or", 10),
    ],
)
def test_anything_else_is_refused(text: str, word: str | None, column: int | None) -> None:
    with pytest.raises(LangError) as caught:
        parse_where(text)
    assert isinstance(caught.value, ValueError)
    if word is not None:
        assert caught.value.word == word
        assert caught.value.column == column
        assert word in caught.value.message


def test_function_calls_are_named() -> None:
    with pytest.raises(LangError, match="function calls are not allowed in where: 'lower\\("):
        parse_where("lower(region) = 'x'")


def test_empty_is_refused() -> None:
    for text in ("", "   "):
        with pytest.raises(LangError, match="empty"):
            parse_where(text)


# --- by ---------------------------------------------------------------------


def test_parse_by() -> None:
    assert parse_by("region") == GroupKey("region", None)
    assert parse_by("YEAR(filed)") == GroupKey("filed", "year")
    assert parse_by(" Quarter ( filed ) ") == GroupKey("filed", "quarter")
    assert parse_by('month("filed on")') == GroupKey("filed on", "month")
    assert parse_by('"in custody"') == GroupKey("in custody")
    assert parse_by("day(filed)").func == "day"
    assert parse_by("Month_Of_Year(filed)") == GroupKey("filed", "month_of_year")
    assert parse_by("weekday(filed)") == GroupKey("filed", "weekday")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("week(filed)", "week"),
        ("year(filed, 2)", ","),
        ("year()", ")"),
        ("region; drop", ";"),
        ("a b", "b"),
        ("year(month(filed))", "("),
        ("", ""),
    ],
)
def test_by_refusals(text: str, word: str) -> None:
    with pytest.raises(LangError) as caught:
        parse_by(text)
    assert caught.value.word == word


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("year(filed)", [2024, 2024, None, 2025, 2024, 2023, 2024]),
        (
            "quarter(filed)",
            ["2024-Q2", "2024-Q2", None, "2025-Q1", "2024-Q2", "2023-Q4", "2024-Q2"],
        ),
        (
            "month(filed)",
            ["2024-04", "2024-05", None, "2025-01", "2024-04", "2023-12", "2024-04"],
        ),
        (
            "day(filed)",
            [
                "2024-04-30",
                "2024-05-01",
                None,
                "2025-01-01",
                "2024-04-01",
                "2023-12-31",
                "2024-04-30",
            ],
        ),
        (
            "month(decided)",
            ["2024-05", None, "2024-06", "2025-01", "2024-04", "2024-01", "2024-05"],
        ),
        ("year(month)", [2024, 2024, None, 2025, 2024, 2023, 2024]),  # ISO text dates too
        (
            "month_of_year(filed)",
            ["April", "May", None, "January", "April", "December", "April"],
        ),
        # 30 Apr 2024 was a Tuesday, 1 Jan 2025 a Wednesday, 31 Dec 2023 a Sunday.
        (
            "weekday(filed)",
            ["Tuesday", "Wednesday", None, "Wednesday", "Monday", "Sunday", "Tuesday"],
        ),
        (
            "WEEKDAY(month)",  # ISO text dates: 2024-04-15 was a Monday
            ["Monday", "Wednesday", None, "Wednesday", "Monday", "Friday", "Monday"],
        ),
        ("region", ["Moscow", "Kazan", None, "Tver", "Moscow", "O'Hare", "50%_off"]),
        ('"in custody"', [True, False, None, True, False, True, None]),
    ],
)
def test_group_keys_agree(frame, text: str, keys: list) -> None:
    data = frame.assign(month=frame["month"].map(lambda m: None if pd.isna(m) else m + "-15"))
    key = parse_by(text)
    series = group_key_series(key, data)
    assert [None if pd.isna(v) else v for v in series] == keys
    con = duckdb.connect()
    con.register("t", data)
    sql = f"SELECT {group_key_sql(key)} FROM t"
    assert [r[0] for r in con.execute(sql).fetchall()] == keys


def test_group_key_sql_quotes_the_column() -> None:
    assert group_key_sql(parse_by('"a ""b"""')) == '"a ""b"""'
    assert '"filed on"' in group_key_sql(parse_by('month("filed on")'))


def test_import_stays_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys, factcheck.lang.where; print('pandas' in sys.modules, 'duckdb' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_double_equals_gets_a_hint() -> None:
    from factcheck.lang.errors import LangError

    with pytest.raises(LangError) as caught:
        parse_where("species = 'Gentoo' and island == 'Biscoe'")
    assert caught.value.word == "=="
    assert caught.value.column == 31  # where `==` starts
    assert "write one '=' (species = 'Gentoo' and island = 'Biscoe')" in caught.value.message
    with pytest.raises(LangError) as other:
        parse_where("a = = 2")  # not a `==`: the plain message
    assert other.value.message == "unexpected '=' in where"
