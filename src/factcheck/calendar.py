"""Calendar functions for `expr`: official working days, calendar days, elapsed years.

Working days come from the `holidays` package, which models Russia's
government transfers of days off (a transferred working Saturday counts, a
bridge day off does not) and Ukraine's martial-law rule (since 24 Feb 2022
public holidays are working days).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Any


@cache
def _calendar(country: str, year: int) -> Any:
    import holidays

    try:
        return holidays.country_holidays(country, years=year)
    except NotImplementedError:
        raise ValueError(f"no official calendar for country '{country}'") from None


def working_days(country: str, start: date, end: date) -> int:
    """Official working days from start to end, both included."""
    if end < start:
        raise ValueError(f"working_days: end {end} is before start {start}")
    total = 0
    for year in range(start.year, end.year + 1):
        first = max(start, date(year, 1, 1))
        last = min(end, date(year, 12, 31))
        total += _calendar(country.upper(), year).get_working_days_count(first, last)
    return total


def days(start: date, end: date) -> int:
    """Calendar days from start to end, both included."""
    return (end - start).days + 1


def years(start: date, end: date) -> float:
    """Whole years by anniversary, plus the elapsed fraction of the year that follows.

    2022-02-24 to 2025-06-26: three anniversaries (to 2025-02-24), then 122 of
    the 365 days to 2026-02-24: 3.334.
    """
    whole = end.year - start.year
    if _anniversary(start, start.year + whole) > end:
        whole -= 1
    last = _anniversary(start, start.year + whole)
    following = _anniversary(start, start.year + whole + 1)
    return whole + (end - last).days / (following - last).days


def _anniversary(start: date, year: int) -> date:
    try:
        return start.replace(year=year)
    except ValueError:  # 29 February in a common year
        return start.replace(year=year, day=28) + timedelta(days=1)
