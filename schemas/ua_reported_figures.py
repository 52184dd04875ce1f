"""Ukrainian Article 407/408 figures from official replies and registers as relayed by
the press, tidy: one row per published figure. `article` is empty where a figure covers
Articles 407 and 408 together.

A Python schema because of one cross-column check: period_start <= period_end.
"""

import pandera.pandas as pa

SERIES = [
    "registered", "registered_per_month", "suspicion_notices", "suspects", "sent_to_court",
    "charges_to_court", "verdicts", "closed", "returned_to_units", "court_documents",
]  # fmt: skip

schema = pa.DataFrameSchema(
    {
        "published": pa.Column(str, pa.Check.str_matches(r"^20\d\d-\d\d(-\d\d)?$")),
        "outlet": pa.Column(str),
        "url": pa.Column(str, pa.Check.str_startswith("https://")),
        "primary_source": pa.Column(str),
        "series": pa.Column(str, pa.Check.isin(SERIES)),
        "article": pa.Column(float, pa.Check.isin([407, 408]), nullable=True),
        "period_start": pa.Column(pa.DateTime, pa.Check.ge("2022-01-01")),
        "period_end": pa.Column(pa.DateTime, pa.Check.le("2025-12-31")),
        "value": pa.Column(int, pa.Check.ge(0)),
        "approx": pa.Column(bool),
        "reliability": pa.Column(str),
        "note": pa.Column(str, nullable=True),
    },
    checks=[
        pa.Check(
            lambda df: df["period_start"] <= df["period_end"], name="period_start <= period_end"
        )
    ],
    unique=["published", "outlet", "series", "article", "period_start", "period_end"],
    strict=True,
    coerce=True,
    name="ua_reported_figures",
)
