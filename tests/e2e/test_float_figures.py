"""Float sums that miss their decimal total judge as the decimal total, on every engine.

tests/projects/floats holds synthetic rainfall whose totals are 1,232.8 and 240 in
decimal but 1232.7999999999997 and 239.99999999999997 when added in binary floating
point (the test recomputes both below), and two regions that tie at 0.3 in decimal.
"""

from __future__ import annotations

import csv
import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest
from tests.conftest import PROJECTS, report_of

DATA = PROJECTS / "floats" / "data"

EXPECTED = {
    "north_total_down": "pass",
    "north_total": "pass",
    "south_total_down": "pass",
    "south_at_least": "pass",
    "each_station_at_least": "pass",
    "north_per_south": "pass",
    "driest_month": "pass",
    "largest_region": "error",  # a tie: 0.1 + 0.2 against 0.3
    # north / south = 1,232.8 / 240 = 5.1367 (recomputed below)
    "north_over_five_times": "pass",  # 5 < 5.1367 < 6
    "north_vpyatero": "pass",  # |5.1367 - 5| = 0.137 <= 0.5
    "north_twice": "fail",  # 3.137 from 2: more than twice 0.2
    "north_total_mm": "pass",  # 1,232.8mm: the glued unit is a unit
    "tie_rows_precise": "pass",  # 3 rows in ties.csv
}
ENGINES = ["duckdb", "pandas"] + (["gx"] if importlib.util.find_spec("great_expectations") else [])


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_data_really_carries_float_noise() -> None:
    rain = _rows("rain.csv")
    for station, total in (("north", Decimal("1232.8")), ("south", Decimal(240))):
        values = [r["mm"] for r in rain if r["station"] == station]
        assert sum(Decimal(v) for v in values) == total
        assert sum(float(v) for v in values) != float(total)  # noise, not the total
    ties = _rows("ties.csv")
    east = sum(float(r["share"]) for r in ties if r["region"] == "east")
    west = sum(float(r["share"]) for r in ties if r["region"] == "west")
    assert east != west
    assert sum(Decimal(r["share"]) for r in ties if r["region"] == "east") == Decimal("0.3")
    assert len(ties) == 3
    ratio = Decimal("1232.8") / 240
    assert 5 < ratio < 6 and abs(ratio - 5) <= Decimal("0.5") and abs(ratio - 2) > Decimal("0.4")


@pytest.mark.parametrize("engine", ENGINES)
def test_every_engine_judges_the_decimal_figure(factcheck, project, engine: str) -> None:
    root: Path = project("floats")
    result = factcheck("check", "--root", root, "--format", "json", "--engine", engine)
    assert result.exit_code == 1, result.output  # the tie errors
    claims = {c["id"]: c for c in report_of(result)["claims"]}
    assert {k: c["verdict"] for k, c in claims.items()} == EXPECTED
    assert "tie between groups east, west" in claims["largest_region"]["explanation"]
    assert claims["north_total_down"]["explanation"] == "1,232.8 is exactly 1,232.8"
