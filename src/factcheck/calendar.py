"""Calendar functions for `expr`: official working days, calendar days, elapsed years.

Working days come from the `holidays` package (>= 0.64), whose calendars carry what
the official tables do:

- Russia: the government's transfers of days off. A Saturday made a working day
  (holidays' `weekend_workdays`) counts; a weekday made a day off is a holiday.
- Ukraine: under martial law public holidays are working days (Law 2136-IX, in force
  since 15 March 2022). `holidays` files them under its "workday" category from then
  on: in 2022 only 1 and 7 January and 8 March (with their observed and transferred
  days) are days off, from 2023 none.

Both are checked month by month against the official tables for 2022-2025.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
from calendar import isleap
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from factcheck import usercache
from factcheck.load.limits import current, how_to_raise


def check_span(start: date, end: date) -> None:
    """ValueError when working_days() would cover more calendar years than the run allows.

    working_days() builds one holiday calendar per year: a range over millennia would take
    tens of seconds (0001-01-01 to 9999-12-31: 20 s), so the span is the `calendar_years`
    limit. Every range is written as two quoted dates, so `expr` checks it when parsed."""
    years = end.year - start.year + 1
    most = current().calendar_years
    if years > most:
        raise ValueError(
            f"{start} to {end} covers {years} calendar years "
            f"(at most {most}: split the range, or {how_to_raise('calendar_years')})"
        )


@lru_cache(maxsize=256)
def _working_flags(country: str, year: int) -> str:
    """'1' for each working day of the year, '0' for a day off, from the user cache when it
    holds them: building them needs `holidays`, whose import loads every country's module
    (about a tenth of a second, the largest cost of a small check after pandas)."""
    name = _cache_name(country, year)
    cached = usercache.read("calendars", name) if name else None
    if cached is not None and len(cached) == _days_in(year) and set(cached) <= {"0", "1"}:
        return cached
    flags = _build_flags(country, year)
    if name:
        usercache.write("calendars", name, flags)
    return flags


def _build_flags(country: str, year: int) -> str:
    import holidays

    try:
        official = holidays.country_holidays(country, years=year)
    except NotImplementedError:
        raise ValueError(f"no official calendar for country '{country}'") from None
    first = date(year, 1, 1)
    # is_working_day is what holidays' get_working_days_count sums over a range.
    return "".join(
        "1" if official.is_working_day(first + timedelta(days=n)) else "0"
        for n in range(_days_in(year))
    )


def _days_in(year: int) -> int:
    return 366 if isleap(year) else 365


def _cache_name(country: str, year: int) -> str | None:
    """The cache entry's name: country, year and the installed `holidays` release (an
    upgrade that corrects a calendar makes new names); None when that release is unknown."""
    release = _holidays_release()
    if release is None or not _CODE.fullmatch(country):
        return None
    return f"{country}-{year}-holidays-{release}"


_CODE = re.compile(r"[A-Z]{2,3}")


@lru_cache(maxsize=1)
def _holidays_release() -> str | None:
    """A digest of the installed `holidays` package's version file, read without importing
    the package (importing it is the cost the cache saves)."""
    try:
        found = importlib.util.find_spec("holidays")
        if found is None or found.origin is None:
            return None
        text = (Path(found.origin).parent / "version.py").read_bytes()
    except (ImportError, OSError, ValueError):
        return None
    return hashlib.sha256(found.origin.encode() + b"\0" + text).hexdigest()[:16]


def working_days(country: str, start: date, end: date) -> int:
    """Official working days from start to end, both included.

    `country` is an ISO 3166 code ('RU', 'UA', any the `holidays` package knows);
    ValueError names an unknown one, or says the end is before the start.
    """
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    # The span was checked (check_span) when the expr was parsed, under the run's limits.
    code = country.strip().upper()
    total = 0
    # Year by year, so each year's calendar is built once and cached.
    for year in range(start.year, end.year + 1):
        first = max(start, date(year, 1, 1))
        last = min(end, date(year, 12, 31))
        offset = date(year, 1, 1).toordinal()
        flags = _working_flags(code, year)
        total += flags[first.toordinal() - offset : last.toordinal() - offset + 1].count("1")
    return total


def days(start: date, end: date) -> int:
    """Calendar days from start to end, both included (1 April to 30 April is 30)."""
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    return (end - start).days + 1


def years(start: date, end: date) -> float:
    """Elapsed years as a decimal: whole years, then the elapsed fraction of the next.

    Whole years are counted by anniversaries of `start`; the fraction is the days since
    the last anniversary over the days from it to the next one (365 or 366). An
    anniversary of 29 February in a common year falls on 1 March.

    2022-02-24 to 2025-06-26: three anniversaries (to 2025-02-24), then 122 of the 365
    days to 2026-02-24, so 3.334. The same date a year later gives exactly 1.0.
    """
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
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
