"""Every computed figure of the bundled project, recomputed here without factcheck.

An auditor's second computation: plain pandas on the CSV files in data/, filters written
as pandas masks, dates as datetime.date arithmetic, and Russia's working days from the
independent production-calendar column (`xmlcalendar_working_days`, not the column that
was computed with the `holidays` package factcheck itself uses). Nothing here imports
factcheck, its engines, its `where`/`expr` languages or its calendar; the tool is only run
as a command and its JSON report compared figure by figure.

The figures are written from the claims' meaning (docs/mediazona-2025-06-26.md), so a
change to a claim's data, filter or arithmetic that moves its figure fails here until
this file is updated by hand to agree.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from tests.e2e.bundled import ROOT, run

DATA = ROOT / "data"
SHARED = Path("/work/shared/data")
MONTH = 30.4375  # days in an average month, as the claims divide elapsed days by it


def table(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name)


RELAYS = table("ru_article_relays.csv")
COUNTS = table("ru_mediazona_counts.csv")
PGO = table("ua_pgo_407_408_annual_2021_2024.csv")
UA = table("ua_reported_figures.csv")


def calendar_table() -> pd.DataFrame:
    # The maintainers' collection when present; data/ holds the same file.
    name = "ru_working_days_2022_2025.csv"
    path = SHARED / name if (SHARED / name).exists() else DATA / name
    return pd.read_csv(path)


def ru_working_days(year: int, month: int) -> int:
    cal = calendar_table()
    row = cal[(cal["year"] == year) & (cal["month"] == month)]
    assert len(row) == 1
    return int(row["xmlcalendar_working_days"].iloc[0])


def relay(outlet: str, series: str, article: int | None = None, period: str | None = None) -> int:
    rows = RELAYS[(RELAYS["outlet"] == outlet) & (RELAYS["series"] == series)]
    rows = rows[rows["article"].isna()] if article is None else rows[rows["article"] == article]
    if period is not None:
        rows = rows[rows["period"] == period]
    assert len(rows) == 1, (outlet, series, article, period)
    return int(rows["value"].iloc[0])


def mediazona(published: str, series: str, *, total_only: bool = False) -> int:
    """Mediazona's count of one day: all its rows of a series (per-article parts included)."""
    rows = COUNTS[(COUNTS["published"] == published) & (COUNTS["series"] == series)]
    if total_only:
        rows = rows[rows["article"].isna()]
    assert len(rows) >= 1
    return int(rows["value"].sum())


def counts_period(series: str, period: str) -> int:
    rows = COUNTS[(COUNTS["series"] == series) & (COUNTS["period"] == period)]
    assert len(rows) == 1
    return int(rows["value"].iloc[0])


def pgo(column: str, years: tuple[int, ...], articles: tuple[int, ...] = (407, 408)) -> int:
    rows = PGO[PGO["year"].isin(years) & PGO["article"].isin(articles)]
    assert len(rows) == len(years) * len(articles)
    return int(rows[column].sum())


def ua(
    outlet: str, series: str, article: int | None, start: str | None = None, end: str | None = None
) -> int:
    rows = UA[(UA["outlet"] == outlet) & (UA["series"] == series)]
    rows = rows[rows["article"].isna()] if article is None else rows[rows["article"] == article]
    if start is not None:
        rows = rows[rows["period_start"] == start]
    if end is not None:
        rows = rows[rows["period_end"] == end]
    assert len(rows) == 1, (outlet, series, article, start, end)
    return int(rows["value"].iloc[0])


def months_between(start: str, end: str) -> float:
    """Elapsed months: days from start to end (end - start, not counting both ends) / 30.4375."""
    return (date.fromisoformat(end) - date.fromisoformat(start)).days / MONTH


def elapsed_years(start: date, end: date) -> float:
    """Whole years since start, plus the elapsed fraction of the next year."""
    whole = end.year - start.year
    if start.replace(year=start.year + whole) > end:
        whole -= 1
    last = start.replace(year=start.year + whole)
    following = start.replace(year=start.year + whole + 1)
    return whole + (end - last).days / (following - last).days


# --- the article's figures, one function per computed claim ---------------------------

KI = "Kyiv Independent"
DEC_2024 = "2024-12-27"  # Mediazona's count, dated by its publication
JUN_2024 = "2024-06-18"  # Ukrainska Pravda's relay of the mid-June 2024 count
END_MAY = "2025-05-31"  # "by the end of May 2025"


def cases_may_2025() -> int:
    return relay(KI, "cases")


def cases_dec_2024() -> int:
    return mediazona(DEC_2024, "cases")  # 14,182 + 1,037 + 683, no all-article total


def sentenced_dec_2024() -> int:
    return mediazona(DEC_2024, "sentenced")  # 12,460 + 975 + 563


def new_cases_per_month() -> float:
    return (cases_may_2025() - cases_dec_2024()) / months_between(DEC_2024, END_MAY)


def april_verdicts() -> int:
    return relay("bb.lv", "verdicts_month", period="2025-04")


def record_year() -> str:
    handled = COUNTS[COUNTS["series"] == "cases_handled"].groupby("period")["value"].sum()
    return str(handled.idxmax())


def rise_year() -> int:
    return int(PGO.groupby("year")["registered_in_period"].sum().idxmax())


def charges_by_month() -> dict[str, int]:
    rows = UA[UA["series"] == "charges_to_court"]
    return {
        str(month): int(value)
        for month, value in rows.groupby(rows["period_start"].str[:7])["value"].sum().items()
    }


def liga(series: str) -> int:
    return ua("LIGA.net", series, 407) + ua("LIGA.net", series, 408)


FIGURES: dict[str, Callable[[], float | int | str | dict[str, int]]] = {
    "ru_cases_over_20000": cases_may_2025,
    "ru_headline_over_20000": lambda: relay("Pakistan in the World", "men_charged"),
    "ru_cases_majority_337": lambda: relay(KI, "cases", 337) / cases_may_2025(),
    "ru_cases_337": lambda: relay(KI, "cases", 337),
    "ru_cases_332": lambda: relay(KI, "cases", 332),
    "ru_cases_338": lambda: relay(KI, "cases", 338),
    "three_years_since_invasion": lambda: elapsed_years(date(2022, 2, 24), date(2025, 6, 26)),
    "ru_record_2024": record_year,
    "ru_peak_activity": lambda: new_cases_per_month() / counts_period("cases_received", "2024-07"),
    "ru_new_cases_per_month": new_cases_per_month,
    "ru_convictions_per_month": lambda: (
        (relay(KI, "sentenced") - sentenced_dec_2024()) / months_between(DEC_2024, END_MAY)
    ),
    "ru_april_verdicts": april_verdicts,
    "ru_verdicts_per_working_day": lambda: april_verdicts() / ru_working_days(2025, 4),
    "ru_slightly_more_than_2024": lambda: (
        april_verdicts()
        / (
            (sentenced_dec_2024() - mediazona(JUN_2024, "sentenced"))
            / months_between(JUN_2024, DEC_2024)
        )
    ),
    "ru_men_charged": lambda: relay("Pakistan in the World", "men_charged"),
    "ru_convicted": lambda: relay(KI, "sentenced"),
    "ua_new_cases_per_month": lambda: (
        ua("Censor.NET", "registered", 407, "2025-01-01", "2025-07-31") / 7
    ),
    "ua_few_hundred_to_court": lambda: pgo("sent_to_court_total", (2024,), (407,)) / 12,
    "ua_two_thirds_release": lambda: (
        pgo("sent_with_release_from_liability_motion", (2024,), (407,))
        / pgo("sent_to_court_total", (2024,), (407,))
    ),
    "ua_small_proportion_to_court": lambda: liga("sent_to_court") / liga("registered"),
    "ua_rise_in_cases": rise_year,
    "ua_not_far_behind": lambda: (
        pgo("sent_to_court_total", (2024,)) / counts_period("cases_handled", "2024")
    ),
    "ru_parts_vs_men": lambda: sum(relay(KI, "cases", a) for a in (337, 332, 338)),
    "ru_convicted_within_received": lambda: (
        relay(KI, "sentenced") / relay("Pakistan in the World", "men_charged")
    ),
    "ru_growth_since_june_2024": lambda: (
        (cases_may_2025() - mediazona(JUN_2024, "cases", total_only=True))
        / months_between(JUN_2024, END_MAY)
    ),
    "ru_convictions_since_june_2024": lambda: (
        (relay(KI, "sentenced") - mediazona(JUN_2024, "sentenced"))
        / months_between(JUN_2024, END_MAY)
    ),
    "ru_growth_since_december": lambda: cases_may_2025() - cases_dec_2024(),
    "ua_release_share_407_408": lambda: (
        pgo("sent_with_release_from_liability_motion", (2024,))
        / pgo("sent_to_court_total", (2024,))
    ),
    "ua_charges_2025_monthly": charges_by_month,
    "ua_new_cases_sbi_2025": lambda: (
        (
            ua("TASS", "registered", 407, "2025-01-01", "2025-04-30")
            + ua("TASS", "registered", 408, "2025-01-01", "2025-04-30")
        )
        / 4
    ),
    "ua_small_proportion_pgo": lambda: (
        pgo("sent_to_court_total", (2022, 2023, 2024))
        / pgo("registered_in_period", (2022, 2023, 2024))
    ),
    "ru_slightly_more_cases_handled": lambda: (
        april_verdicts() / (counts_period("cases_handled", "2024") / 12)
    ),
    "ua_may_2025_single_month": lambda: ua("news-pravda.com", "registered", None, "2025-05-01"),
}


LATE_MAY = "2025-05-20"
# Each listed reading of a claim (contract section 8): (claim, label) -> its figure.
READINGS: dict[tuple[str, str], Callable[[], float]] = {
    ("ru_peak_activity", "late May = 20 May"): lambda: (
        ((cases_may_2025() - cases_dec_2024()) / months_between(DEC_2024, LATE_MAY))
        / counts_period("cases_received", "2024-07")
    ),
    ("ru_new_cases_per_month", "late May = 20 May"): lambda: (
        (cases_may_2025() - cases_dec_2024()) / months_between(DEC_2024, LATE_MAY)
    ),
    ("ru_convictions_per_month", "end of May = 20 May"): lambda: (
        (relay(KI, "sentenced") - sentenced_dec_2024()) / months_between(DEC_2024, LATE_MAY)
    ),
    ("ru_slightly_more_than_2024", "mid-June 2024 = 17 June"): lambda: (
        april_verdicts()
        / (
            (sentenced_dec_2024() - mediazona(JUN_2024, "sentenced"))
            / months_between("2024-06-17", DEC_2024)
        )
    ),
    ("ua_not_far_behind", "cases opened (Ukraine's proceedings registered in 2024)"): lambda: (
        pgo("registered_in_period", (2024,)) / counts_period("cases_handled", "2024")
    ),
    ("ru_growth_since_june_2024", "mid-June 2024 = 17 June"): lambda: (
        (cases_may_2025() - mediazona(JUN_2024, "cases", total_only=True))
        / months_between("2024-06-17", END_MAY)
    ),
    ("ru_growth_since_june_2024", "late May = 20 May"): lambda: (
        (cases_may_2025() - mediazona(JUN_2024, "cases", total_only=True))
        / months_between(JUN_2024, LATE_MAY)
    ),
    ("ru_convictions_since_june_2024", "mid-June 2024 = 17 June"): lambda: (
        (relay(KI, "sentenced") - mediazona(JUN_2024, "sentenced"))
        / months_between("2024-06-17", END_MAY)
    ),
    ("ru_convictions_since_june_2024", "end of May = 20 May"): lambda: (
        (relay(KI, "sentenced") - mediazona(JUN_2024, "sentenced"))
        / months_between(JUN_2024, LATE_MAY)
    ),
    ("ua_charges_2025_monthly", "each month = per month on average"): lambda: (
        sum(charges_by_month().values()) / len(charges_by_month())
    ),
    ("ru_growth_since_december", 'plain 4,350, without "around"'): lambda: (
        cases_may_2025() - cases_dec_2024()
    ),
}


@pytest.fixture(scope="module")
def report() -> dict:
    done = run("check", "--no-history", "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def same(got: object, expected: object) -> bool:
    if isinstance(expected, (str, dict)):
        return got == expected
    # Engines may differ past the 12th significant digit (the contract); so may pandas here.
    return isinstance(got, (int, float)) and got == pytest.approx(expected, rel=1e-10)


def test_every_computed_claim_is_recomputed(report: dict) -> None:
    computed = {c["id"] for c in report["claims"] if c["kind"] in ("metric", "expr")}
    assert computed == set(FIGURES)


@pytest.mark.parametrize("claim_id", list(FIGURES))
def test_figure_matches_the_independent_computation(report: dict, claim_id: str) -> None:
    claim = next(c for c in report["claims"] if c["id"] == claim_id)
    expected = FIGURES[claim_id]()
    assert same(claim["actual"], expected), (claim_id, claim["actual"], expected)


def test_every_reading_is_recomputed(report: dict) -> None:
    listed = {(c["id"], r["label"]) for c in report["claims"] for r in c.get("readings") or []}
    assert listed == set(READINGS)


@pytest.mark.parametrize(("claim_id", "label"), list(READINGS))
def test_reading_matches_the_independent_computation(
    report: dict, claim_id: str, label: str
) -> None:
    claim = next(c for c in report["claims"] if c["id"] == claim_id)
    reading = next(r for r in claim["readings"] if r["label"] == label)
    expected = READINGS[(claim_id, label)]()
    assert same(reading["actual"], expected), (claim_id, label, reading["actual"], expected)


def test_the_key_figures_by_hand() -> None:
    # The numbers docs/mediazona-2025-06-26.md quotes, as plain arithmetic on the CSVs.
    assert cases_dec_2024() == 15_902 and sentenced_dec_2024() == 13_998
    assert round(new_cases_per_month()) == 910
    assert ru_working_days(2025, 4) == 22 and ru_working_days(2024, 3) == 20
    assert round(april_verdicts() / 22, 2) == 38.55  # rounds to 39; 38 only truncated
    assert round(684 / 20, 1) == 34.2  # March 2024's "34 a day": 34 either way
    assert liga("sent_to_court") == 14_321 and liga("registered") == 270_357
    assert round(FIGURES["ru_convictions_since_june_2024"](), 1) == 800.6
    assert (
        round(READINGS[("ru_convictions_since_june_2024", "mid-June 2024 = 17 June")](), 1) == 798.3
    )
    assert round(READINGS[("ru_convictions_since_june_2024", "end of May = 20 May")](), 1) == 826.8
    assert round(READINGS[("ru_peak_activity", "late May = 20 May")](), 3) == 0.911


def test_the_sent_to_court_gap_is_the_medical_measures_column() -> None:
    parts = PGO[["sent_with_indictment", "sent_with_release_from_liability_motion"]].sum(axis=1)
    gap = PGO["sent_to_court_total"] - parts
    assert gap.tolist() == PGO["sent_with_medical_measures_motion"].tolist()
    assert sorted(gap[gap > 0].tolist()) == [1, 1, 1, 2]
