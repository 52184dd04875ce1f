"""A synthetic project for `factcheck suggest`: invented penguins and invented daily rain,
seeded so every run is the same. Nothing here describes real animals or real weather."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

CATALOG = """datasets:
  penguins:
    path: penguins.csv
    description: Invented penguins (synthetic test data)
    provenance: {kind: synthetic, publisher: factcheck test suite}
  rain:
    path: rain.csv
    schema: rain
    description: Invented daily rain, 2012-2015 (synthetic test data)
    provenance: {kind: synthetic, publisher: factcheck test suite}
"""
RAIN_SCHEMA = """schema_type: dataframe
version: 0.35.0
columns:
  date: {dtype: "datetime64[ns]", nullable: false}
  rain_mm: {dtype: float64, nullable: false}
coerce: true
strict: true
"""


def write_project(root: Path) -> Path:
    rng = random.Random(13)
    (root / "data").mkdir(parents=True)
    (root / "schemas").mkdir()
    (root / "claims").mkdir()
    (root / "data/datasets.yaml").write_text(CATALOG)
    (root / "schemas/rain.yaml").write_text(RAIN_SCHEMA)
    rows = ["id,species,island,sex,year,body_mass_g,flipper_mm"]
    islands = {"Adelie": ["Biscoe", "Dream", "Torgersen"], "Gentoo": ["Biscoe"],
               "Chinstrap": ["Dream"]}  # fmt: skip
    for i in range(1, 301):
        species = rng.choices(["Adelie", "Gentoo", "Chinstrap"], [5, 4, 2])[0]
        mass = {"Adelie": 3700, "Gentoo": 5000, "Chinstrap": 3730}[species]
        rows.append(
            f"{i},{species},{rng.choice(islands[species])},{rng.choice(['female', 'male'])},"
            f"{rng.choice([2007, 2008, 2009])},{mass + rng.randint(-600, 600)},"
            f"{rng.randint(172, 231)}"
        )
    (root / "data/penguins.csv").write_text("\n".join(rows) + "\n")
    days = ["date,rain_mm"]
    day = date(2012, 1, 1)
    while day <= date(2015, 12, 31):
        wet = 2.5 if day.month in (10, 11, 12) else 1.0
        days.append(f"{day.isoformat()},{round(rng.random() * 6 * wet, 1)}")
        day += timedelta(days=1)
    (root / "data/rain.csv").write_text("\n".join(days) + "\n")
    return root
