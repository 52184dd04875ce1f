"""Working days against the official month tables shipped in ../shared/data (and data/)."""

from __future__ import annotations

import csv
from calendar import monthrange
from datetime import date
from pathlib import Path

import pytest

from factcheck.calendar import days, working_days, years

HERE = Path(__file__).parent
# Russia against its independent production-calendar column, not the `working_days` column
# that was computed with the same `holidays` package factcheck.calendar uses.
TABLES = {
    HERE / "data" / "ru_working_days_2022_2025.csv": "xmlcalendar_working_days",
    HERE / "data" / "ua_working_days_2022_2025.csv": "working_days",
}


def months() -> list[tuple[str, int, int, int]]:
    rows = []
    for table, column in TABLES.items():
        with table.open() as handle:
            for row in csv.DictReader(handle):
                rows.append((row["country"], int(row["year"]), int(row["month"]), int(row[column])))
    return rows


@pytest.mark.parametrize(("country", "year", "month", "expected"), months())
def test_every_month_matches_the_official_table(country, year, month, expected) -> None:
    last = monthrange(year, month)[1]
    assert working_days(country, date(year, month, 1), date(year, month, last)) == expected


def test_spans_across_years() -> None:
    dec = working_days("RU", date(2024, 12, 1), date(2024, 12, 31))
    jan = working_days("RU", date(2025, 1, 1), date(2025, 1, 31))
    assert working_days("RU", date(2024, 12, 1), date(2025, 1, 31)) == dec + jan


def test_days_and_years() -> None:
    assert days(date(2025, 4, 1), date(2025, 4, 30)) == 30
    assert years(date(2022, 2, 24), date(2025, 2, 24)) == 3
    assert 3.33 < years(date(2022, 2, 24), date(2025, 6, 26)) < 3.34
    assert years(date(2024, 2, 29), date(2025, 3, 1)) == 1


def test_unknown_country() -> None:
    with pytest.raises(ValueError, match="ZZ"):
        working_days("ZZ", date(2025, 1, 1), date(2025, 1, 2))
