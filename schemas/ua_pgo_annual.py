"""Ukraine, Prosecutor General's Unified Report (annual), Articles 407 and 408.

Sent to court is at least the sum of its two published parts: in four of the
eight rows the total exceeds the parts by 1 or 2 (2022 art. 407: 1,361 vs
1,359 + 0), which the report does not explain, so equality is not asserted.
"""

import pandera.pandas as pa

COUNTS = [
    "registered_in_period",
    "suspicion_notices",
    "sent_to_court_total",
    "sent_with_indictment",
    "sent_with_release_from_liability_motion",
    "closed_total",
    "no_decision_at_end_of_period",
]

schema = pa.DataFrameSchema(
    {
        "year": pa.Column(int, pa.Check.in_range(2021, 2024)),
        "article": pa.Column(int, pa.Check.isin([407, 408])),
        **{name: pa.Column(int, pa.Check.ge(0)) for name in COUNTS},
        "source": pa.Column(str, pa.Check.str_contains("PGO Unified Report")),
    },
    checks=[
        pa.Check(
            lambda df: (
                df["sent_to_court_total"]
                >= df["sent_with_indictment"] + df["sent_with_release_from_liability_motion"]
            ),
            name="sent_to_court_total >= indictment + release motion",
        ),
    ],
    unique=["year", "article"],
    strict=True,
    coerce=True,
)
