"""Ukrainian Article 407/408 figures from official replies relayed by the press, tidy."""

import pandera.pandas as pa

schema = pa.DataFrameSchema(
    {
        "published": pa.Column(str, pa.Check.str_matches(r"^\d{4}-\d{2}(-\d{2})?$")),
        "outlet": pa.Column(str),
        "url": pa.Column(str, pa.Check.str_startswith("https://")),
        "primary_source": pa.Column(str),
        "series": pa.Column(
            str, pa.Check.isin(["registered", "charges_to_court", "sent_to_court"])
        ),
        "article": pa.Column(float, pa.Check.isin([407, 408]), nullable=True),
        "period_start": pa.Column(pa.DateTime, pa.Check.ge("2022-01-01")),
        "period_end": pa.Column(pa.DateTime, pa.Check.le("2025-12-31")),
        "value": pa.Column(int, pa.Check.ge(0)),
        "approx": pa.Column(bool),
        "reliability": pa.Column(str),
    },
    checks=[
        pa.Check(
            lambda df: df["period_start"] <= df["period_end"], name="period_start <= period_end"
        )
    ],
    unique=["outlet", "series", "article", "period_start", "period_end"],
    strict=True,
    coerce=True,
)
