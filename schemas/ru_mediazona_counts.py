"""Mediazona's own dated counts of refusal-to-serve cases (and relays of them), tidy:
one row per published figure. `article` is empty for a figure over all articles.

A Python schema because of one cross-row check: where a publication gives per-article
parts and a total for the same series and period, the parts never exceed the total.
They are equal in Ukrainska Pravda's relay of mid-June 2024 (9,059 + 627 + 339 = 10,025;
844 + 43 + 42 = 929), but not in Re:Russia's of 23 March 2023, whose parts
(471 + 25 + 21 + 14 = 531) fall 5 short of its total of 536; Mediazona's 3 April 2023
figures give only Article 337 (629 of 708). So equality is not asserted.
"""

import pandas as pd
import pandera.pandas as pa

SERIES = [
    "cases",                      # cumulative cases received since September 2022
    "men_charged",                # cumulative people with cases
    "sentenced",                  # cumulative people sentenced / verdicts
    "cases_received",             # cases received in the period
    "cases_heard",                # cases heard in the period
    "cases_military_service",     # cases of all crimes against military service in the period
    "cases_handled",              # cases handled in the calendar year
    "sentences",                  # sentences in the period
    "sentences_per_week",
    "sentences_per_working_day",
]  # fmt: skip


def parts_within_total(df: pd.DataFrame) -> pd.Series:
    """Per publication, series and period, the per-article parts never exceed the total."""
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
        "relay": pa.Column(bool),
        "series": pa.Column(str, pa.Check.isin(SERIES)),
        "article": pa.Column(float, pa.Check.isin([332, 334, 337, 338]), nullable=True),
        "value": pa.Column(int, pa.Check.ge(0)),
        "approx": pa.Column(bool),
        "note": pa.Column(str, nullable=True),
    },
    checks=[
        pa.Check(parts_within_total, name="parts never exceed the published total"),
        pa.Check(lambda df: df["as_of"] <= df["published"], name="as_of <= published"),
    ],
    unique=["published", "outlet", "series", "article", "period"],
    strict=True,
    coerce=True,
    name="ru_mediazona_counts",
)
