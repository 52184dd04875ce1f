"""Schema as a Python module: the contract allows `schema` to be a DataFrameModel."""

import pandera.pandas as pa
from pandera.typing import Series


class Cases(pa.DataFrameModel):
    case_id: Series[str] = pa.Field(unique=True, str_matches=r"^C\d{2}$")
    court: Series[str]
    article: Series[int] = pa.Field(isin=[332, 337, 338])
    received: Series[pa.DateTime] = pa.Field(ge="2025-01-01", le="2025-12-31")
    outcome: Series[str] = pa.Field(nullable=True, isin=["convicted", "acquitted"])
    sentence_years: Series[float] = pa.Field(nullable=True, ge=0)
    region: Series[str]

    class Config:
        coerce = True
        strict = True


schema = Cases
