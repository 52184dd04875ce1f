"""The bundled project's data against the maintainers' collection it was copied from.

Every table taken from /work/shared/data is that table, row for row and value for value;
the only differences are the columns this project adds, each documented in
data/datasets.yaml. Skipped where the collection is not at hand (a clean clone elsewhere).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from tests.e2e.bundled import ROOT

SHARED = Path("/work/shared/data")
TITLE = "Over 20,000 Russians prosecuted for refusing to fight in Ukraine"

# project file -> (collection file, the columns this project added)
COPIED = {
    "ua_pgo_407_408_annual_2021_2024.csv": (
        "ua_pgo_407_408_annual_2021_2024.csv",
        ["sent_with_medical_measures_motion"],
    ),
    "ua_dsa_form6_407_408_2022_2023.csv": (
        "ua_dsa_form6_407_408_2022_2023.csv",
        ["compulsory_medical_measures"],
    ),
    "ru_working_days_2022_2025.csv": ("ru_working_days_2022_2025.csv", []),
    "ua_working_days_2022_2025.csv": ("ua_working_days_2022_2025.csv", []),
    "sources_secondary_reported_figures.csv": ("secondary_reported_figures.csv", ["cites"]),
}


@pytest.mark.skipif(not SHARED.exists(), reason="the maintainers' collection is not here")
@pytest.mark.parametrize("name", list(COPIED))
def test_copied_unchanged_but_for_the_added_columns(name: str) -> None:
    source, added = COPIED[name]
    ours = pd.read_csv(ROOT / "data" / name, dtype=str, keep_default_na=False)
    theirs = pd.read_csv(SHARED / source, dtype=str, keep_default_na=False)
    assert [c for c in ours.columns if c not in added] == list(theirs.columns)
    pd.testing.assert_frame_equal(ours.drop(columns=added), theirs)


def test_the_added_medical_measures_columns_close_the_gaps() -> None:
    pgo = pd.read_csv(ROOT / "data" / "ua_pgo_407_408_annual_2021_2024.csv")
    gap = pgo["sent_to_court_total"] - pgo["sent_with_indictment"]
    gap -= pgo["sent_with_release_from_liability_motion"]
    assert gap.tolist() == pgo["sent_with_medical_measures_motion"].tolist()
    court = pd.read_csv(ROOT / "data" / "ua_dsa_form6_407_408_2022_2023.csv")
    outcomes = court[["convicted", "acquitted", "proceedings_closed"]].sum(axis=1)
    gap = court["persons_with_judgments_in_force"] - outcomes
    assert gap.tolist() == court["compulsory_medical_measures"].tolist()
    assert gap.sum() == 6


def test_every_relay_of_the_article_cites_it() -> None:
    raw = pd.read_csv(ROOT / "data" / "sources_secondary_reported_figures.csv")
    relays = pd.read_csv(ROOT / "data" / "ru_article_relays.csv")
    citing = set(raw.loc[raw["cites"] == TITLE, "url"])
    assert citing == set(relays["url"])  # the three relays, and nothing else
    assert len(citing) == 3
