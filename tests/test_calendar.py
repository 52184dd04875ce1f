"""Calendar functions: working days against the 96 official months, days, years."""

from __future__ import annotations

import csv
from calendar import monthrange
from datetime import date, timedelta
from pathlib import Path

import pytest

from factcheck import calendar
from factcheck.calendar import days, working_days, years

# The cross-checked official month tables; tests/data holds the same files for a
# checkout without /work/shared.
SHARED = Path("/work/shared/data")
LOCAL = Path(__file__).parent / "data"
# Which column holds each country's independent count. Russia's `working_days` column was
# computed with the `holidays` package, the very library factcheck.calendar uses, so
# checking against it would test `holidays` against itself: Russia is checked against
# `xmlcalendar_working_days`, an independent production calendar. Ukraine's table has only
# one count (martial law: every weekday from 2023, see test_ukrainian_martial_law).
TABLES = {
    "ru_working_days_2022_2025.csv": "xmlcalendar_working_days",
    "ua_working_days_2022_2025.csv": "working_days",
}


def official_months() -> list[tuple[str, int, int, int]]:
    rows = []
    for name, column in TABLES.items():
        path = SHARED / name if (SHARED / name).exists() else LOCAL / name
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                rows.append((row["country"], int(row["year"]), int(row["month"]), int(row[column])))
    return rows


MONTHS = official_months()


def test_the_tables_cover_96_months() -> None:
    assert len(MONTHS) == 96
    assert {(c, y) for c, y, _, _ in MONTHS} == {
        (c, y) for c in ("RU", "UA") for y in range(2022, 2026)
    }


@pytest.mark.parametrize(
    ("country", "year", "month", "expected"),
    MONTHS,
    ids=[f"{c}-{y}-{m:02}" for c, y, m, _ in MONTHS],
)
def test_every_official_month(country: str, year: int, month: int, expected: int) -> None:
    last = monthrange(year, month)[1]
    assert working_days(country, date(year, month, 1), date(year, month, last)) == expected


def test_whole_years_are_the_sum_of_their_months() -> None:
    for country in ("RU", "UA"):
        for year in range(2022, 2026):
            months = sum(w for c, y, _, w in MONTHS if (c, y) == (country, year))
            assert working_days(country, date(year, 1, 1), date(year, 12, 31)) == months
    # across a new year, too
    assert working_days("RU", date(2024, 12, 1), date(2025, 1, 31)) == sum(
        w for c, y, m, w in MONTHS if c == "RU" and (y, m) in ((2024, 12), (2025, 1))
    )


def test_the_contract_examples() -> None:
    assert working_days("RU", date(2025, 4, 1), date(2025, 4, 30)) == 22
    assert working_days("RU", date(2025, 11, 1), date(2025, 11, 30)) == 19


def test_russian_transfers() -> None:
    # Saturday 1 November 2025 was a working day (its day off moved to 3 November).
    assert working_days("RU", date(2025, 11, 1), date(2025, 11, 1)) == 1
    assert working_days("RU", date(2025, 11, 3), date(2025, 11, 3)) == 0
    assert working_days("RU", date(2025, 11, 4), date(2025, 11, 4)) == 0  # Unity Day
    # An ordinary Saturday and a holiday
    assert working_days("RU", date(2025, 4, 5), date(2025, 4, 5)) == 0
    assert working_days("RU", date(2025, 5, 9), date(2025, 5, 9)) == 0


def test_ukrainian_martial_law() -> None:
    # From 15 March 2022 public holidays are working days; 8 March 2022 was still a day off.
    assert working_days("UA", date(2022, 3, 8), date(2022, 3, 8)) == 0
    assert working_days("UA", date(2022, 8, 24), date(2022, 8, 24)) == 1  # Wednesday
    assert working_days("UA", date(2024, 1, 1), date(2024, 1, 1)) == 1  # Monday
    assert working_days("UA", date(2025, 8, 25), date(2025, 8, 25)) == 1  # no day in lieu
    # so from 2023 every weekday counts
    start, end = date(2023, 1, 1), date(2025, 12, 31)
    weekdays = sum((start + timedelta(n)).weekday() < 5 for n in range((end - start).days + 1))
    assert working_days("UA", start, end) == weekdays


def test_working_days_arguments() -> None:
    assert working_days(" ru ", date(2025, 4, 1), date(2025, 4, 30)) == 22
    with pytest.raises(ValueError, match="'ZZ'"):
        working_days("ZZ", date(2025, 1, 1), date(2025, 1, 2))
    with pytest.raises(ValueError, match="before"):
        working_days("RU", date(2025, 1, 2), date(2025, 1, 1))


def test_calendars_are_cached_per_country_and_year() -> None:
    calendar._working_flags.cache_clear()
    working_days("RU", date(2024, 12, 1), date(2025, 1, 31))
    working_days("RU", date(2025, 2, 1), date(2025, 2, 28))
    info = calendar._working_flags.cache_info()
    assert (info.misses, info.hits) == (2, 1)


def test_days() -> None:
    assert days(date(2025, 4, 1), date(2025, 4, 30)) == 30
    assert days(date(2025, 4, 1), date(2025, 4, 1)) == 1
    assert days(date(2024, 1, 1), date(2024, 12, 31)) == 366
    with pytest.raises(ValueError, match="before"):
        days(date(2025, 4, 2), date(2025, 4, 1))


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2022, 2, 24), date(2025, 6, 26), 3 + 122 / 365),  # the contract's 3.33
        (date(2022, 2, 24), date(2025, 2, 24), 3.0),
        (date(2022, 2, 24), date(2025, 2, 23), 2 + 365 / 366),  # 2024-02-24 to 2025-02-24: 366
        (date(2022, 2, 24), date(2022, 2, 24), 0.0),
        (date(2023, 3, 1), date(2024, 2, 29), 365 / 366),  # that year has 29 February
        (date(2024, 2, 29), date(2025, 3, 1), 1.0),  # anniversary in a common year: 1 March
        (date(2024, 2, 29), date(2028, 2, 29), 4.0),
        (date(2025, 1, 1), date(2025, 7, 2), 182 / 365),
    ],
)
def test_years(start: date, end: date, expected: float) -> None:
    assert years(start, end) == pytest.approx(expected)


def test_years_contract_example_rounds_to_3_33() -> None:
    assert round(years(date(2022, 2, 24), date(2025, 6, 26)), 2) == 3.33
    with pytest.raises(ValueError, match="before"):
        years(date(2025, 1, 2), date(2025, 1, 1))
