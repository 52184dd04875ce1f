"""Ukraine, State Judicial Administration, Form 6 (annual): Articles 407 and 408 by part.

Persons whose judgments entered into force are exactly convicted + acquitted +
compulsory medical measures applied + proceedings closed in all 18 rows: the six
persons of 2023, art. 407 part 5 (1,250 vs 1,229 + 0 + 15) are the form's
medical-measures column.
"""

import pandera.pandas as pa

OUTCOMES = ["convicted", "acquitted", "compulsory_medical_measures", "proceedings_closed"]

schema = pa.DataFrameSchema(
    {
        "year": pa.Column(int, pa.Check.in_range(2022, 2023)),
        "article": pa.Column(int, pa.Check.isin([407, 408])),
        "part": pa.Column(int, pa.Check.in_range(1, 5)),
        "persons_with_judgments_in_force": pa.Column(int, pa.Check.ge(0)),
        **{name: pa.Column(int, pa.Check.ge(0)) for name in OUTCOMES},
        "source": pa.Column(str, pa.Check.str_contains("State Judicial Administration")),
    },
    checks=[
        pa.Check(
            lambda df: df["persons_with_judgments_in_force"] == df[OUTCOMES].sum(axis=1),
            name="in force == convicted + acquitted + medical measures + closed",
        )
    ],
    unique=["year", "article", "part"],
    strict=True,
    coerce=True,
)
