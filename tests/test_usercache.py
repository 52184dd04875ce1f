"""The per-user cache: where it lives, what it refuses, and that the calendars read from it
are the `holidays` package's own."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import holidays
import pytest

from factcheck import calendar, usercache
from factcheck.calendar import working_days


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(folder))
    calendar._working_flags.cache_clear()
    yield folder
    calendar._working_flags.cache_clear()


def test_folder_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert usercache.folder() == tmp_path / "factcheck"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # not absolute: ignored, as XDG says
    assert usercache.folder() == Path.home() / ".cache" / "factcheck"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "mine"))
    assert usercache.folder() == tmp_path / "mine"
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    assert usercache.folder() is None


def test_write_then_read(cache: Path) -> None:
    usercache.write("kind", "entry-1", "text")
    assert usercache.read("kind", "entry-1") == "text"
    assert (cache / "kind" / "entry-1").read_text() == "text"
    assert [p.name for p in (cache / "kind").iterdir()] == ["entry-1"]  # no temporary left
    assert usercache.read("kind", "missing") is None


def test_names_that_are_not_plain_file_names_are_never_used(cache: Path) -> None:
    for name in ("../escape", "a/b", "", ".hidden", "x" * 200):
        usercache.write("kind", name, "text")
        assert usercache.read("kind", name) is None
    assert not cache.exists() or not any(cache.rglob("*"))
    assert not (cache.parent / "escape").exists()


def test_an_unwritable_folder_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker))
    usercache.write("kind", "entry", "text")  # no exception
    assert usercache.read("kind", "entry") is None


def test_an_oversized_entry_is_ignored(cache: Path) -> None:
    (cache / "kind").mkdir(parents=True)
    (cache / "kind" / "big").write_text("1" * (usercache.MAX_BYTES + 1))
    assert usercache.read("kind", "big") is None


def _direct(country: str, start: date, end: date) -> int:
    """Counted straight from the holidays package, day by day."""
    official = holidays.country_holidays(country, years=range(start.year, end.year + 1))
    return sum(
        official.is_working_day(start + timedelta(days=n)) for n in range((end - start).days + 1)
    )


@pytest.mark.parametrize("country", ["RU", "UA", "DE"])
def test_cached_calendars_give_the_holidays_packages_counts(cache: Path, country: str) -> None:
    start, end = date(2023, 11, 15), date(2024, 3, 10)
    first = working_days(country, start, end)  # built, then written
    entries = sorted(p.name for p in (cache / "calendars").iterdir())
    assert [e.split("-holidays-")[0] for e in entries] == [f"{country}-2023", f"{country}-2024"]
    calendar._working_flags.cache_clear()
    again = working_days(country, start, end)  # read back from the files
    assert first == again == _direct(country, start, end)


def test_the_cache_is_what_is_read(cache: Path) -> None:
    """A hit really comes from the file (so the tests above test the reading path)."""
    working_days("RU", date(2024, 1, 1), date(2024, 1, 31))
    (entry,) = (cache / "calendars").iterdir()
    entry.write_text("1" * 366)  # every day a working day
    calendar._working_flags.cache_clear()
    assert working_days("RU", date(2024, 1, 1), date(2024, 1, 31)) == 31


def test_a_damaged_entry_is_rebuilt(cache: Path) -> None:
    expected = working_days("UA", date(2024, 5, 1), date(2024, 5, 31))
    (entry,) = (cache / "calendars").iterdir()
    for damaged in ("1" * 365, "2" * 366, ""):  # 2024 has 366 days; only 0 and 1 are read
        entry.write_text(damaged)
        calendar._working_flags.cache_clear()
        assert working_days("UA", date(2024, 5, 1), date(2024, 5, 31)) == expected
        assert len(entry.read_text()) == 366


def test_unknown_country_is_an_error_and_not_cached(cache: Path) -> None:
    with pytest.raises(ValueError, match="no official calendar for country 'XX'"):
        working_days("XX", date(2024, 1, 1), date(2024, 1, 2))
    with pytest.raises(ValueError, match="no official calendar"):
        working_days("../R", date(2024, 1, 1), date(2024, 1, 2))
    assert not cache.exists()


def test_no_cache_when_turned_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    assert working_days("RU", date(2024, 1, 1), date(2024, 1, 31)) == _direct(
        "RU", date(2024, 1, 1), date(2024, 1, 31)
    )
    assert not cache.exists()
