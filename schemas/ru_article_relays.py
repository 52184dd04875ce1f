"""Figures of the checked article itself, as relayed by other outlets (circular evidence)."""

import pandas as pd
import pandera.pandas as pa


def parts_equal_total(df: pd.DataFrame) -> pd.Series:
    """Each relay's per-article case counts add up to its total (18,159 + 1,369 + 1,010)."""
    ok = pd.Series(True, index=df.index)
    cases = df[df["series"] == "cases"]
    for _, group in cases.groupby(["outlet"]):
        total = group.loc[group["article"].isna(), "value"]
        parts = group.loc[group["article"].notna(), "value"]
        if len(total) == 1 and parts.sum() != total.iloc[0]:
            ok[group.index] = False
    return ok


schema = pa.DataFrameSchema(
    {
        "published": pa.Column(pa.DateTime, pa.Check.in_range("2025-06-26", "2025-07-31")),
        "outlet": pa.Column(str),
        "url": pa.Column(str, pa.Check.str_startswith("https://")),
        "series": pa.Column(str),
        "article": pa.Column(float, pa.Check.isin([332, 337, 338]), nullable=True),
        "value": pa.Column(int, pa.Check.ge(0)),
        "approx": pa.Column(bool),
        "note": pa.Column(str, nullable=True),
    },
    checks=[pa.Check(parts_equal_total, name="per-article cases add up to the total")],
    unique=["outlet", "series", "article"],
    strict=True,
    coerce=True,
)
