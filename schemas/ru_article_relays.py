"""Figures of the checked article itself (Mediazona, 26 June 2025) as relayed by other
outlets: circular evidence, one row per relayed figure.

A Python schema because of one cross-row check: each relay's per-article case counts
add up exactly to its total (18,159 + 1,369 + 1,010 = 20,538), which both relays that
give them satisfy.
"""

import pandas as pd
import pandera.pandas as pa

SERIES = [
    "cases", "sentenced", "men_charged", "verdicts_month", "verdicts_per_working_day",
    "new_cases_per_month", "convictions_per_month_low", "convictions_per_month_high",
]  # fmt: skip


def parts_equal_total(df: pd.DataFrame) -> pd.Series:
    """Each relay's per-article case counts add up to its total."""
    ok = pd.Series(True, index=df.index)
    cases = df[df["series"] == "cases"]
    for _, group in cases.groupby(["outlet"]):
        total = group.loc[group["article"].isna(), "value"]
        parts = group.loc[group["article"].notna(), "value"]
        if len(total) == 1 and len(parts) and parts.sum() != total.iloc[0]:
            ok[group.index] = False
    return ok


schema = pa.DataFrameSchema(
    {
        "published": pa.Column(pa.DateTime, pa.Check.in_range("2025-06-26", "2025-07-31")),
        "outlet": pa.Column(str),
        "url": pa.Column(str, pa.Check.str_startswith("https://")),
        "as_of": pa.Column(pa.DateTime, pa.Check.in_range("2025-04-30", "2025-06-26")),
        "period": pa.Column(str),
        "series": pa.Column(str, pa.Check.isin(SERIES)),
        "article": pa.Column(float, pa.Check.isin([332, 337, 338]), nullable=True),
        "value": pa.Column(int, pa.Check.ge(0)),
        "approx": pa.Column(bool),
        "note": pa.Column(str, nullable=True),
    },
    checks=[pa.Check(parts_equal_total, name="per-article cases add up to the total")],
    unique=["outlet", "series", "article"],
    strict=True,
    coerce=True,
    name="ru_article_relays",
)
