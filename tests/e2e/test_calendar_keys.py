"""Calendar keys (contract section 8) end to end on tests/projects/weather, on every engine.

The data is synthetic: two rain readings a month (the 6th and the 20th) over 2023 and 2024.
Hand count of the rain by month of the year (both years): December 35+25+40+30 = 130,
November 50+30+20+10 = 110, ..., July 2+1+0+3 = 6. The wettest single month is November
2023 (80), yet December is the wettest month across the years: one argmax claim. By
weekday, Friday has 195 mm and Thursday 33. Each figure is recomputed below with plain
pandas (its own month and day names), not with factcheck's code.
"""

from __future__ import annotations

import calendar

import pandas as pd
import pytest
from tests.conftest import PROJECTS, report_of

WEATHER = PROJECTS / "weather"


def _recomputed() -> dict[str, tuple[str, object]]:
    data = pd.read_csv(WEATHER / "data" / "weather.csv", parse_dates=["date"])
    month = data["date"].dt.month_name()
    weekday = data["date"].dt.day_name()
    by_month = data.groupby(month)["rain_mm"].sum()
    by_weekday = data.groupby(weekday)["rain_mm"].sum()
    in_2024 = data[data["date"] >= "2024-01-01"]
    return {
        "wettest_month": ("pass", by_month.idxmax()),
        "wettest_single_month": (
            "pass",
            data.groupby(data["date"].dt.strftime("%Y-%m"))["rain_mm"].sum().idxmax(),
        ),
        "driest_month": ("fail", by_month.idxmin()),
        "wettest_weekday": ("pass", by_weekday.idxmax()),
        "driest_weekday": ("pass", by_weekday.idxmin()),
        "readings_each_month": ("pass", data.groupby(month).size().to_dict()),
        "most_readings_on_a_weekday": ("pass", int(data.groupby(weekday).size().max())),
        "wettest_month_2024": (
            "pass",
            in_2024.groupby(in_2024["date"].dt.month_name())["rain_mm"].sum().idxmax(),
        ),
    }


def test_the_hand_count_holds() -> None:
    expected = _recomputed()
    assert expected["wettest_month"][1] == "December"  # 130 mm against November's 110
    assert expected["wettest_single_month"][1] == "2023-11"
    assert expected["driest_month"][1] == "July"
    assert expected["wettest_weekday"][1] == "Friday"
    assert expected["driest_weekday"][1] == "Thursday"


@pytest.mark.parametrize("engine", ["duckdb", "pandas", "gx"])
def test_calendar_keys_on_every_engine(factcheck, engine: str) -> None:
    if engine == "gx":
        pytest.importorskip("great_expectations")
    result = factcheck("check", "--root", WEATHER, "--engine", engine, "--format", "json")
    assert result.exit_code == 1, result.output  # driest_month fails
    claims = {c["id"]: c for c in report_of(result)["claims"]}
    for claim_id, (verdict, actual) in _recomputed().items():
        assert claims[claim_id]["verdict"] == verdict, claims[claim_id]["explanation"]
        assert claims[claim_id]["actual"] == actual, claim_id
    # Groups in the calendar's order, not the alphabet's (January first, not April).
    assert list(claims["readings_each_month"]["actual"]) == list(calendar.month_name)[1:]
