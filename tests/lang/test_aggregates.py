"""The aggregate table (lang/aggregates.py) is the one list every part reads."""

from __future__ import annotations

import pandas as pd
import pytest

from factcheck.engines.base import Source
from factcheck.engines.pandas_engine import PandasEngine
from factcheck.lang.aggregates import AGGREGATES, COUNT_ROWS_SQL
from factcheck.lang.sql import aggregate_sql
from factcheck.load.spec import AGGREGATES as NAMES_IN_CLAIMS
from factcheck.plan import Scan


def test_claims_accept_exactly_the_declared_aggregates() -> None:
    assert tuple(NAMES_IN_CLAIMS) == tuple(AGGREGATES)


def test_sql_quotes_the_column_and_counts_rows_without_one() -> None:
    assert aggregate_sql("count", None) == COUNT_ROWS_SQL == "count(*)"
    assert aggregate_sql("nunique", 'say "hi"') == 'count(DISTINCT "say ""hi""")'
    assert aggregate_sql("mean", "n") == 'avg("n")'


@pytest.mark.parametrize("name", [n for n, a in AGGREGATES.items() if a.numbers_only])
def test_numbers_only_aggregates_refuse_text_on_pandas(name: str) -> None:
    frame = pd.DataFrame({"t": pd.array(["a", "b"], dtype="string")})
    scan = Scan(None, None, {("k",): (name, "t")})  # type: ignore[dict-item]
    [result] = PandasEngine().compute(Source("t", frame=frame), [scan]).values()
    assert result.error == f"cannot take the {name} of text column 't'"
