"""Mediazona's own dated counts of refusal-to-serve cases (and relays of them), tidy:
one row per published figure. `article` is empty for a total over all articles."""

import pandas as pd
import pandera.pandas as pa

SERIES = [
    "cases", "men_charged", "sentenced", "cases_received", "sentences",
    "sentences_per_working_day", "cases_handled",
]  # fmt: skip


def parts_within_total(df: pd.DataFrame) -> pd.Series:
    """Per publication, series and period, the per-article parts never exceed the total.

    Where a source gives both they are equal, except Re:Russia of 23 March 2023,
    whose parts (471 + 25 + 21 + 14 = 531) fall short of its total of 536.
    """
    ok = pd.Series(True, index=df.index)
    for _, group in df.groupby(["published", "outlet", "series", "period"], dropna=False):
        total = group.loc[group["article"].isna(), "value"]
        parts = group.loc[group["article"].notna(), "value"]
        if len(total) == 1 and len(parts) and parts.sum() > total.iloc[0]:
            ok[group.index] = False
    return ok


schema = pa.DataFrameSchema(
    {
        "published": pa.Column(pa.DateTime, pa.Check.in_range("2023-01-01", "2025-06-25")),
        "as_of": pa.Column(pa.DateTime, pa.Check.in_range("2022-09-21", "2025-06-25")),
        "period": pa.Column(str),
        "outlet": pa.Column(str),
        "url": pa.Column(str, pa.Check.str_startswith("https://")),
        "series": pa.Column(str, pa.Check.isin(SERIES)),
        "article": pa.Column(float, pa.Check.isin([332, 334, 337, 338]), nullable=True),
        "value": pa.Column(int, pa.Check.ge(0)),
        "approx": pa.Column(bool),
        "note": pa.Column(str, nullable=True),
    },
    checks=[pa.Check(parts_within_total, name="parts never exceed the published total")],
    unique=["published", "outlet", "series", "article", "period"],
    strict=True,
    coerce=True,
)
