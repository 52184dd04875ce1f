"""Charts and figures true to the claim: the winner drawn, keys as text, no empty bands,
dot colours that agree with the verdict, phrases in words."""

from __future__ import annotations

import re
from typing import Any

from factcheck.report import render
from factcheck.report.charts import INSIDE, LOOSE, MAX_BARS, OUTSIDE
from factcheck.report.charts import chart as draw
from factcheck.results import ClaimResult


def chart(claim: dict[str, Any]) -> str:
    """A claim written as JSON, drawn from the report model as the HTML report draws it."""
    return draw(ClaimResult.from_dict(claim))


def grouped(over: str, groups: dict[str, float], actual: Any, **more: Any) -> dict[str, Any]:
    metric = {"name": "value", "dataset": "d", "aggregate": "sum", "column": "x",
              "where": None, "by": "month", "over": over, "rows": 9, "value": actual,
              "groups": groups}  # fmt: skip
    return {"id": "c", "verdict": "pass", "band": None, "actual": actual,
            "computation": {"metrics": [metric], "expr": None, "steps": []}, **more}  # fmt: skip


def bold_labels(svg: str) -> list[str]:
    return re.findall(r'font-weight="bold">([^<]+)</text>', svg)


def test_the_winner_is_drawn_among_many_groups() -> None:
    # 48 months, the wettest the last: "first 40" would leave it out.
    months = {f"{2012 + i // 12}-{i % 12 + 1:02d}": float(10 + i % 7) for i in range(48)}
    months["2015-12"] = 99.0
    svg = chart(grouped("argmax", months, "2015-12"))
    assert svg.count('class="bar"') == MAX_BARS
    assert bold_labels(svg) == ["2015-12"]
    assert f"the {MAX_BARS} largest of 48 groups drawn" in svg
    driest = min(months, key=months.__getitem__)
    svg = chart(grouped("argmin", months, driest))
    assert bold_labels(svg) == [driest] and "smallest of 48" in svg


def test_year_keys_are_text_in_every_format(report: dict[str, Any]) -> None:
    years = {"2012": 5.0, "2013": 7.0, "2014": 9.0}
    claim = grouped(
        "argmax", years, 2014, file="claims/x.yaml", line=3, quote="2014 topped",
        claim="'2014'", explanation="the winning group is 2014, as claimed",
    )  # fmt: skip
    svg = chart({**claim, "actual": "2014"})
    assert bold_labels(svg) == ["2014"]  # bars, not a number line at 2,014
    report["claims"] = [{**claim, "verdict": "fail"}]
    for name in ("text", "markdown", "html"):
        out = render(name, report)
        assert "2,014" not in out, name
        assert "2014" in out, name


def test_an_exact_figure_has_no_band() -> None:
    base = {"id": "c", "verdict": "pass", "computation": None}
    exact = chart({**base, "actual": 18159, "band": {"low": 18158.5, "high": 18159.5}})
    assert exact.count("<svg") == 1 and 'class="band"' not in exact
    near = chart({**base, "actual": 18159.2, "band": {"low": 18158.5, "high": 18159.5}})
    assert 'class="band"' in near  # not the number itself: where it falls is worth seeing


def dot_fills(svg: str) -> list[str]:
    return re.findall(r'class="dot"[^>]*fill="([^"]+)"', svg)


def test_dot_colours_follow_the_verdict() -> None:
    # "over 33" every year: 33 < a < 34 passes, above warns, but each year is judged on the
    # hottest... here the smallest group is inside the band, so the claim passes.
    rule = "over 33: 33 < a < 34 passes; a >= 34 warns (true but understated)"
    years = {"2012": 33.5, "2013": 35.1, "2014": 36.0}
    claim = {"id": "c", "verdict": "pass", "rule": rule, "band": {"low": 33, "high": 34},
             "actual": years, "computation": None}  # fmt: skip
    assert set(dot_fills(chart(claim))) == {INSIDE}
    warned = chart({**claim, "verdict": "warn", "actual": {"2012": 35.0, "2013": 36.0}})
    assert set(dot_fills(warned)) == {LOOSE}
    failed = chart({**claim, "verdict": "fail", "actual": {"2012": 33.5, "2013": 32.0}})
    assert dot_fills(failed) == [INSIDE, OUTSIDE]
    around = {**claim, "rule": "around 100: |a - 100| <= 10 (tolerance 10%) passes; up to "
              "twice that warns", "band": {"low": 90, "high": 110}, "verdict": "fail",
              "actual": {"a": 100.0, "b": 115.0, "c": 130.0}}  # fmt: skip
    assert dot_fills(chart(around)) == [INSIDE, LOOSE, OUTSIDE]


def test_many_groups_keep_the_failing_ones() -> None:
    rule = "over 10: 10 < a < 20 passes; a >= 20 warns (true but understated)"
    groups = {f"g{i:02d}": 15.0 for i in range(50)}
    groups["g49"] = 5.0
    claim = {"id": "c", "verdict": "fail", "rule": rule, "band": {"low": 10, "high": 20},
             "actual": groups, "computation": None}  # fmt: skip
    svg = chart(claim)
    assert len(dot_fills(svg)) == MAX_BARS and OUTSIDE in dot_fills(svg)
    assert ">g49</text>" in svg


def test_manual_and_skip_cards_say_it_once(report: dict[str, Any]) -> None:
    html = render("html", report)
    for claim in report["claims"]:
        if claim.get("reason"):
            card = html.split(f'id="claim-{claim["id"]}"')[1].split("</section>")[0]
            assert card.count(claim["reason"].replace("'", "&#39;")) == 1, claim["id"]
        if claim.get("manual"):
            card = html.split(f'id="claim-{claim["id"]}"')[1].split("</section>")[0]
            assert card.count(claim["manual"]["by"]) == 1, claim["id"]


def test_explicit_maps_read_as_words(report: dict[str, Any]) -> None:
    report["claims"][0]["claim"] = "{approx: 20662, tolerance: 1%}"
    report["claims"][0]["verdict"] = "fail"
    for name in ("text", "markdown", "html"):
        out = render(name, report)
        assert "about 20,662 (±1%)" in out, name
        assert "{approx" not in out, name


def test_a_wrong_key_is_drawn_beside_the_winner() -> None:
    months = {f"m{i:02d}": float(100 - i) for i in range(48)}  # m00 wins, m47 is last
    claim = grouped("argmax", months, "m00", claim="m47", verdict="fail")
    svg = chart(claim)
    assert bold_labels(svg) == ["m00", "m47"]  # the named one drawn though the smallest
    assert re.search(rf'width="[\d.]+" height="14" fill="{OUTSIDE}"', svg)
    assert svg.count('class="bar"') == MAX_BARS
