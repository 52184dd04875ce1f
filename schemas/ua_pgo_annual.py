"""Ukraine, Prosecutor General's Unified Report (annual), Articles 407 and 408.

Sent to court is exactly the sum of its three parts for these articles: with an
indictment, with a motion to release from criminal liability, and with a motion
for compulsory medical measures (2022 art. 407: 1,361 = 1,359 + 0 + 2). The
report's fourth part, motions for compulsory educational measures (juveniles), is
zero in all eight rows and is not carried.
"""

import pandera.pandas as pa

COUNTS = [
    "registered_in_period",
    "suspicion_notices",
    "sent_to_court_total",
    "sent_with_indictment",
    "sent_with_release_from_liability_motion",
    "sent_with_medical_measures_motion",
    "closed_total",
    "no_decision_at_end_of_period",
]
PARTS = [
    "sent_with_indictment",
    "sent_with_release_from_liability_motion",
    "sent_with_medical_measures_motion",
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
            lambda df: df["sent_to_court_total"] == df[PARTS].sum(axis=1),
            name="sent_to_court_total == indictment + release motion + medical measures motion",
        ),
    ],
    unique=["year", "article"],
    strict=True,
    coerce=True,
)
