"""The HTML report without a browser: escaping, self-containment, what auditors need."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tests.report.conftest import SCRIPT, SCRIPT_ID

from factcheck.report import render
from factcheck.report.charts import chart as draw
from factcheck.results import ClaimResult


def chart(claim: dict) -> str:
    """A claim written as JSON, drawn from the report model as the HTML report draws it."""
    return draw(ClaimResult.from_dict(claim))


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def test_quote_is_escaped_and_nothing_runs(report) -> None:
    html = render("html", report)
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; left New York &amp; Newark" in html
    assert all(tag != "script" for tag, _ in tags(html))
    assert "Kyiv &amp; &lt;oblast&gt;" in html  # failure cases are data too


def test_self_contained(report) -> None:
    found = tags(render("html", report))
    assert not [a for t, a in found if t in ("link", "img", "iframe", "object", "embed")]
    assert not [a for t, a in found if a.get("src")]
    hrefs = [a["href"] for t, a in found if t == "a"]
    # Only links for the reader to follow (articles, evidence), never resources to load.
    assert all(h.startswith(("#", "https://")) for h in hrefs), hrefs


def test_one_section_per_claim_with_its_verdict(report) -> None:
    found = tags(render("html", report))
    rows = [a for t, a in found if "data-claim-id" in a]
    assert [a["data-claim-id"] for a in rows] == [c["id"] for c in report["claims"]]
    for attrs, claim in zip(rows, report["claims"], strict=True):
        assert claim["verdict"] in (attrs["class"] or "").split()


def test_auditor_sees_run_data_and_computation(report) -> None:
    html = render("html", report)
    for text in (
        "2026-11-25T03:00:00Z",
        "3f9c2a7d1e4b5c6a8f0e9d2b1c3a4f5e6d7c8b9a",
        "3.11.7",
        "Linux-6.1.0-27-amd64",
        *(d["sha256"] for d in report["datasets"]),
        "US Bureau of Transportation Statistics",
        "retrieved 2020-03-01",
        "greater_than_or_equal_to(0)",
        "april_verdicts / working_days(&#39;RU&#39;, &#39;2025-04-01&#39;, &#39;2025-04-30&#39;)",
        "= 848 / 22 = 38.54545455",
        "half_up: fails, down: passes",
        "A. Editor on 2025-06-25",
        "no public source counts cases received by Ukrainian courts in 2025",
        "circular: the data repeats the article",
        "@media print",
    ):
        assert text in html, text
    assert html.count("<svg") >= 8


def test_javascript_urls_are_not_links(report) -> None:
    report["sources"][0]["url"] = "javascript:alert(1)"
    html = render("html", report)
    assert 'href="javascript' not in html
    assert "javascript:alert(1)" in html  # still shown, as text


def test_charts() -> None:
    base = {"id": "c", "verdict": "pass", "computation": None}
    line = chart({**base, "actual": 12, "band": {"low": 10, "high": None}})
    assert line.count("<svg") == 1 and 'class="band"' in line
    dots = chart({**base, "actual": {"<b>": 3, "b": 9}, "band": {"low": 5, "high": None}})
    assert "&lt;b&gt;" in dots and "<b>" not in dots
    assert len(re.findall(r'class="dot"', dots)) == 2
    assert chart({**base, "actual": None, "band": None}) == ""
    assert chart({**base, "actual": "UA", "band": None}) == ""  # no groups to draw


def test_chart_labels_fit() -> None:
    # Long group names get room to the left of the bars (never drawn past the edge) and are
    # cut with an ellipsis past 24 characters, the whole name kept as a tooltip.
    base = {"id": "c", "verdict": "pass", "computation": None, "band": None}
    svg = chart({**base, "actual": {"sentenced_may_2025": 17721, "a" * 40: 9}})
    label_x = [float(x) for x in re.findall(r'<text x="([\d.]+)"[^>]*text-anchor="end"', svg)]
    assert label_x and all(x - 6.5 * 24 >= 0 for x in label_x)
    assert f"<title>{'a' * 40}</title>{'a' * 23}…" in svg
    short = chart({**base, "actual": {"RU": 1, "UA": 2}})
    assert 'text-anchor="end">RU<' in short


def test_claim_ids_link_from_the_problem_table(report) -> None:
    html = render("html", report)
    for claim in report["claims"]:
        if claim["verdict"] in ("fail", "error", "warn"):
            assert f'href="#claim-{claim["id"]}"' in html
    assert f'id="claim-{SCRIPT_ID}"' in html
