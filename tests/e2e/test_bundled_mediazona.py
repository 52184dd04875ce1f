"""The bundled project (the repository root): the Mediazona article's verdicts, pinned.

A change in data or code that moves a verdict or a figure shows here. Why each is what
it is: docs/mediazona-2025-06-26.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# id: (verdict, actual rounded to 4 places, circular)
PINNED = {
    "ru_cases_over_20000": ("pass", 20538, True),
    "ru_headline_over_20000": ("pass", 20662, True),
    "ru_cases_majority_337": ("warn", 0.8842, True),
    "ru_cases_337": ("pass", 18159, True),
    "ru_max_penalty_337": ("pass", None, False),
    "ru_cases_332": ("pass", 1369, True),
    "ru_max_penalty_332": ("pass", None, False),
    "ru_cases_338": ("pass", 1010, True),
    "ru_max_penalty_338": ("pass", None, False),
    "ru_mobilisation_2022": ("pass", None, False),
    "three_years_since_invasion": ("pass", 3.3342, False),
    "ru_record_2024": ("pass", "2024", False),
    "ru_new_cases_per_month": ("pass", 910.3758, False),
    "ru_convictions_per_month": ("pass", 731.0891, False),
    "ru_april_verdicts": ("pass", 848, True),
    "ru_verdicts_per_working_day": ("pass", 38.5455, True),
    "ru_slightly_more_than_2024": ("warn", 0.9899, False),
    "ru_men_charged": ("pass", 20662, True),
    "ru_convicted": ("pass", 17721, True),
    "ua_new_cases_per_month": ("warn", 15787.2857, False),
    "ua_few_hundred_to_court": ("warn", 460.8333, False),
    "ua_two_thirds_release": ("warn", 0.6116, False),
    "ru_pgo_never_published": ("skip", None, False),
    "ru_pgo_stopped_2023": ("skip", None, False),
    "ru_jan_may_cases": ("skip", None, False),
    "ua_jan_may_court_cases": ("skip", None, False),
    "ru_parts_vs_men": ("pass", 20538.0, True),
    "ru_convicted_within_received": ("pass", 0.8577, True),
    "ru_april_vs_monthly_band": ("fail", 848.0, True),
    "ru_growth_since_june_2024": ("pass", 922.1598, False),
    "ru_convictions_since_june_2024": ("fail", 800.5852, False),
    "ru_growth_since_december": ("warn", 4636.0, False),
    "ru_convention_march_2024": ("pass", 34.2, False),
    "ua_release_share_407_408": ("warn", 0.5883, False),
    "ua_charges_2025_monthly": (
        "fail",
        {"2025-01": 103, "2025-02": 177, "2025-03": 546, "2025-04": 792},
        False,
    ),
    "ua_new_cases_sbi_2025": ("pass", 17374.0, False),
    "ru_slightly_more_cases_handled": ("warn", 0.9872, False),
    "ua_may_2025_single_month": ("pass", 19956, False),
}


@pytest.fixture(scope="module")
def report() -> dict:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "factcheck",
            "check",
            "--root",
            str(ROOT),
            "--no-history",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr  # honest fails in the article
    return json.loads(done.stdout)


def test_every_claim_pinned(report: dict) -> None:
    assert [c["id"] for c in report["claims"]] == list(PINNED)


@pytest.mark.parametrize("claim_id", list(PINNED))
def test_verdict_actual_circular(report: dict, claim_id: str) -> None:
    claim = next(c for c in report["claims"] if c["id"] == claim_id)
    verdict, actual, circular = PINNED[claim_id]
    got = round(claim["actual"], 4) if isinstance(claim["actual"], float) else claim["actual"]
    assert (claim["verdict"], got, claim["circular"]) == (verdict, actual, circular), claim[
        "explanation"
    ]


def test_summary_is_a_mix(report: dict) -> None:
    counts = {k: v for k, v in report["summary"].items() if k != "evidence"}
    assert counts == {"pass": 23, "warn": 8, "fail": 3, "error": 0, "skip": 4}
    # The article's passes by evidence: 8 on independent data, 11 circular, 4 by hand.
    passes = {kind: n["pass"] for kind, n in report["summary"]["evidence"].items()}
    assert passes == {"direct": 8, "proxy": 0, "circular": 11, "manual": 4}
    assert all(d["valid"] for d in report["datasets"])


def test_quotes_are_in_the_article(report: dict) -> None:
    text = (ROOT / "claims" / "mediazona-2025-06-26.txt").read_text(encoding="utf-8")
    for claim in report["claims"]:
        assert claim["quote"] in text, claim["id"]
    assert "Help save Mediazona" not in text


def test_truncation_convention_is_explicit(report: dict) -> None:
    claim = next(c for c in report["claims"] if c["id"] == "ru_verdicts_per_working_day")
    assert claim["rounding"] == {"half_up": False, "down": True}
    assert "39" in claim["explanation"]


def test_period_mismatch_settles_nothing(report: dict) -> None:
    # Contract section 8: stand-in data caps a pass and a fail alike at warn.
    for claim in report["claims"]:
        if claim.get("proxy"):
            assert claim["verdict"] == "warn" and "proxy data" in claim["explanation"]
            assert claim["evidence"] == "proxy"


def test_committed_lock_matches(tmp_path: Path) -> None:
    # factcheck.lock records what was true when the check was published; CI runs
    # `check --locked` so any change in data, claims or code that moves a figure, a verdict
    # or a definition shows as drift (exit 4). Re-lock deliberately: `factcheck lock`.
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "--root", str(ROOT), "--locked",
         "--no-history", "--format", "json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    report = json.loads(done.stdout)
    assert report["drift"]["claims"] == [], "re-run `factcheck lock` if the change is deliberate"
    assert report["drift"]["datasets_changed"] == []
    assert done.returncode == 1  # the article's honest fails, and no drift


def test_every_figure_of_the_article_has_a_claim() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "coverage", "--root", str(ROOT), "--format", "json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    files = json.loads(done.stdout)["files"]
    assert [(f["uncovered"], f["missing_quotes"]) for f in files] == [(0, [])]
    assert done.returncode == 0
    figures = {f["text"] for f in files[0]["figures"] if f["claims"]}
    assert {"20,662", "848", "38", "two-thirds", "hundred", "4,350", "2,355"} <= figures
