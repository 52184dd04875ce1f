"""The bundled project (the repository root): the Mediazona article's verdicts, pinned.

The verdicts are the judgement calls docs/mediazona-2025-06-26.md explains claim by claim;
they were decided from the figures as recomputed independently in
test_bundled_recompute.py (which checks every figure), not copied from the tool's output.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from tests.e2e.bundled import ROOT, run

# id: (verdict, circular)
PINNED = {
    "ru_cases_over_20000": ("pass", True),
    "ru_headline_over_20000": ("pass", True),
    "ru_cases_majority_337": ("warn", True),  # 88%: "more than half", understated
    "ru_cases_337": ("pass", True),
    "ru_max_penalty_337": ("pass", False),
    "ru_cases_332": ("pass", True),
    "ru_max_penalty_332": ("warn", False),  # three years only for part 2.1; part 2: five
    "ru_cases_338": ("pass", True),
    "ru_max_penalty_338": ("pass", False),
    "ru_mobilisation_2022": ("pass", False),
    "three_years_since_invasion": ("pass", False),  # 3.33
    "ru_record_2024": ("pass", False),  # 10,308 in 2024 > 5,517 in 2023
    "ru_peak_activity": ("warn", False),  # 910 a month is 85% of July 2024's 1,076
    "ru_new_cases_per_month": ("pass", False),  # 910: within 10% of 1,000
    "ru_convictions_per_month": ("pass", False),  # 731
    "ru_april_verdicts": ("pass", True),
    "ru_verdicts_per_working_day": ("warn", True),  # 38.55: 38 only truncated
    "ru_slightly_more_than_2024": ("warn", False),  # 0.990 under proxy
    "ru_men_charged": ("pass", True),
    "ru_convicted": ("pass", True),
    "ua_new_cases_per_month": ("warn", False),  # 15,787 under proxy
    "ua_few_hundred_to_court": ("warn", False),  # 461 under proxy
    "ua_two_thirds_release": ("warn", False),  # 0.612: three-fifths, under proxy
    "ua_small_proportion_to_court": ("pass", False),  # 5.3% < 10%
    "ua_rise_in_cases": ("pass", False),  # 2024 the largest year
    "ua_not_far_behind": ("warn", False),  # 0.57 of Russia in court cases; far ahead opened
    "ru_pgo_never_published": ("skip", False),
    "ru_pgo_stopped_2023": ("skip", False),
    "ru_jan_may_cases": ("skip", False),
    "ua_jan_may_court_cases": ("skip", False),
    "ru_parts_vs_men": ("pass", True),  # 20,538 within 1% of 20,662
    "ru_convicted_within_received": ("pass", True),  # 0.858 < 1
    "ru_growth_since_june_2024": ("pass", False),  # 922
    "ru_convictions_since_june_2024": ("warn", False),  # 800.6; 798.3 from 17 June
    "ru_growth_since_december": ("warn", False),  # 4,636 under proxy
    "ua_release_share_407_408": ("warn", False),  # 0.588 under proxy
    "ua_charges_2025_monthly": ("warn", False),  # 103, 177, 546, 792; mean 405
    "ua_new_cases_sbi_2025": ("pass", False),  # 17,374
    "ua_small_proportion_pgo": ("pass", False),  # 7.6% < 10%
    "ru_slightly_more_cases_handled": ("warn", False),  # 0.987 under proxy
    "ua_may_2025_single_month": ("pass", False),  # 19,956
}


@pytest.fixture(scope="module")
def report() -> dict:
    done = run("check", "--no-history", "--format", "json")
    # No figure is contradicted outright: exit 0; the warns fail only under --strict.
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_claim_pinned(report: dict) -> None:
    assert [c["id"] for c in report["claims"]] == list(PINNED)


@pytest.mark.parametrize("claim_id", list(PINNED))
def test_verdict_and_circularity(report: dict, claim_id: str) -> None:
    claim = next(c for c in report["claims"] if c["id"] == claim_id)
    assert (claim["verdict"], claim["circular"]) == PINNED[claim_id], claim["explanation"]


def test_summary_is_a_mix(report: dict) -> None:
    counts = Counter(verdict for verdict, _ in PINNED.values())
    summary = {k: v for k, v in report["summary"].items() if k != "evidence"}
    assert summary == {v: counts[v] for v in ("pass", "warn", "fail", "error", "skip")}
    # Each claim's evidence is counted under its kind (contract section 8).
    for kind, tally in report["summary"]["evidence"].items():
        for verdict, n in tally.items():
            claims = report["claims"]
            assert n == sum(c["evidence"] == kind and c["verdict"] == verdict for c in claims)
    assert all(d["valid"] for d in report["datasets"])


def test_quotes_are_in_the_article(report: dict) -> None:
    text = (ROOT / "claims" / "mediazona-2025-06-26.txt").read_text(encoding="utf-8")
    for claim in report["claims"]:
        assert claim["quote"] in text, claim["id"]
    assert "Help save Mediazona" not in text


def test_no_truncation_convention_without_evidence(report: dict) -> None:
    # 848 / 22 = 38.55 is printed as 38: that is truncation, which the contract's default
    # rounding reports as warn. The one precedent (684 / 20 = 34.2 as "34") rounds the same
    # either way, so it is no evidence for `rounding: down`.
    claim = next(c for c in report["claims"] if c["id"] == "ru_verdicts_per_working_day")
    assert claim["rounding"] == {"half_up": False, "down": True}
    assert claim["verdict"] == "warn" and "39" in claim["explanation"]
    text = (ROOT / "claims" / "mediazona-2025-06-26.yaml").read_text(encoding="utf-8")
    assert "\n    rounding: down" not in text  # no claim sets it


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
    done = run("check", "--locked", "--no-history", "--format", "json")
    report = json.loads(done.stdout)
    assert report["drift"]["claims"] == [], "re-run `factcheck lock` if the change is deliberate"
    assert report["drift"]["datasets_changed"] == []
    assert done.returncode == 0  # no fail, and no drift


def test_every_figure_of_the_article_has_a_claim() -> None:
    done = run("coverage", "--format", "json")
    files = json.loads(done.stdout)["files"]
    assert [(f["uncovered"], f["missing_quotes"]) for f in files] == [(0, [])]
    assert done.returncode == 0
    figures = {f["text"] for f in files[0]["figures"] if f["claims"]}
    assert {"20,662", "848", "38", "two-thirds", "hundred", "4,350", "2,355"} <= figures
    # Comparisons without digits are statements to cover, and each has its claim.
    statements = {f["text"] for f in files[0]["figures"] if f["kind"] == "statement"}
    assert {"peak", "rise", "only a small proportion", "not far behind"} <= statements
    assert statements <= figures


def test_the_docs_state_the_result_the_tool_gives(report: dict) -> None:
    # docs/mediazona-2025-06-26.md summarises the run by verdict and by evidence strength;
    # a change that moves a count must change the page too.
    doc = (ROOT / "docs" / "mediazona-2025-06-26.md").read_text(encoding="utf-8")
    summary = report["summary"]
    counts = ", ".join(f"{summary[v]} {v}" for v in ("pass", "warn", "fail", "error", "skip"))
    assert f"**{len(report['claims'])} claims — {counts}**" in doc
    evidence = summary["evidence"]
    assert f"**{evidence['direct']['pass']} pass on independent data**" in doc
    assert f"**{evidence['circular']['pass']} pass circular**" in doc
    assert f"**{evidence['manual']['pass']} pass by hand**" in doc
    assert f"**{summary['warn']} warn**" in doc and f"**{summary['fail']} fail**" in doc


def test_statements_are_marked_by_their_claims_in_the_article_view(report: dict) -> None:
    # The HTML report's annotated article marks "peak" with ru_peak_activity's verdict, as it
    # marks "the majority" with ru_cases_majority_337's.
    from factcheck.report.article import annotate
    from factcheck.results import ClaimResult

    text = (ROOT / "claims" / "mediazona-2025-06-26.txt").read_text(encoding="utf-8")
    paragraphs, _ = annotate(text, [ClaimResult.from_dict(c) for c in report["claims"]])
    marks = {m.text: m.claim for p in paragraphs for m in p if not isinstance(m, str)}
    assert marks["peak"] == "ru_peak_activity"
    assert marks["rise"] == "ua_rise_in_cases"
    assert marks["only a small proportion"] == "ua_small_proportion_to_court"
    assert marks["not far behind"] == "ua_not_far_behind"


def test_strict_fails_on_the_warns() -> None:
    done = run("check", "--no-history", "--strict", "-q")
    assert done.returncode == 1, done.stdout
