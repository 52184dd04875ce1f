"""Ukraine, State Judicial Administration, Form 6 (annual): Articles 407 and 408 by part.

Persons whose judgments entered into force are at least convicted + acquitted +
closed: 2023, art. 407 part 5 has 1,250 vs 1,229 + 0 + 15 = 1,244 (six persons
with other outcomes, e.g. medical measures), so equality is not asserted.
"""

import pandera.pandas as pa

schema = pa.DataFrameSchema(
    {
        "year": pa.Column(int, pa.Check.in_range(2022, 2023)),
        "article": pa.Column(int, pa.Check.isin([407, 408])),
        "part": pa.Column(int, pa.Check.in_range(1, 5)),
        "persons_with_judgments_in_force": pa.Column(int, pa.Check.ge(0)),
        "convicted": pa.Column(int, pa.Check.ge(0)),
        "acquitted": pa.Column(int, pa.Check.ge(0)),
        "proceedings_closed": pa.Column(int, pa.Check.ge(0)),
        "source": pa.Column(str, pa.Check.str_contains("State Judicial Administration")),
    },
    checks=[
        pa.Check(
            lambda df: (
                df["persons_with_judgments_in_force"]
                >= df["convicted"] + df["acquitted"] + df["proceedings_closed"]
            ),
            name="in force >= convicted + acquitted + closed",
        )
    ],
    unique=["year", "article", "part"],
    strict=True,
    coerce=True,
)
