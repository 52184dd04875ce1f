"""The HTML report in a real browser: headless Debian Chromium driven by selenium through
/usr/bin/chromedriver. Nothing is downloaded: the browser and driver paths are given, so
Selenium Manager never runs. Skipped, saying why, when either is missing (CI installs the
Debian packages `chromium` and `chromium-driver`).

The test reads back the DOM Chromium built, its console, and saves a full-page screenshot
to test-artifacts/report.png for a person to look at.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from tests.browser import chromium, needs_chromium
from tests.report.conftest import SCRIPT, SCRIPT_ID

from factcheck.report import render

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
pytestmark = needs_chromium


@pytest.fixture
def browser(tmp_path, monkeypatch):
    monkeypatch.setenv("SE_OFFLINE", "true")  # never let Selenium Manager reach out
    with chromium(tmp_path / "profile") as driver:
        yield driver


def test_report_in_chromium(report, browser, tmp_path) -> None:
    from selenium.webdriver.common.by import By

    page = tmp_path / "report.html"
    page.write_text(render("html", report), encoding="utf-8")
    browser.get(page.as_uri())

    rows = browser.find_elements(By.CSS_SELECTOR, "[data-claim-id]")
    assert [r.get_attribute("data-claim-id") for r in rows] == [c["id"] for c in report["claims"]]
    for row, claim in zip(rows, report["claims"], strict=True):
        assert claim["verdict"] in row.get_attribute("class").split()

    # Charts: a number line or bars for every claim with a figure, none for manual/skip/error.
    drawn = {
        r.get_attribute("data-claim-id")
        for r in rows
        if r.find_elements(By.CSS_SELECTOR, "svg.chart")
    }
    with_figure = {c["id"] for c in report["claims"] if c["actual"] is not None}
    assert drawn == with_figure
    bars = browser.find_elements(By.CSS_SELECTOR, '[data-claim-id="jfk_every_month"] circle.dot')
    assert len(bars) == 12

    # The quote is text: no <script> element exists, and the page shows it as written.
    assert browser.find_elements(By.TAG_NAME, "script") == []
    quote = browser.find_element(By.CSS_SELECTOR, f'[data-claim-id="{SCRIPT_ID}"] blockquote')
    assert SCRIPT in quote.text

    severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not severe, severe

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    # A full-page capture through the DevTools protocol (no window resizing tricks).
    png = browser.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}
    )
    shot.write_bytes(base64.b64decode(png["data"]))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_prints_to_pdf(report, browser, tmp_path) -> None:
    """The print stylesheet lays the report out as a PDF without error."""
    page = tmp_path / "report.html"
    page.write_text(render("html", report), encoding="utf-8")
    browser.get(page.as_uri())
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})
    assert base64.b64decode(pdf["data"])[:5] == b"%PDF-"


@pytest.fixture(scope="module")
def article_report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A real run on the basic project, its article holding markup and a figure no claim
    quotes, one claim on proxy data: the annotated article has every kind of mark."""
    import json
    import shutil

    from click.testing import CliRunner
    from tests.conftest import PROJECTS

    from factcheck.cli import cli, register_commands

    root = tmp_path_factory.mktemp("article") / "basic"
    shutil.copytree(PROJECTS / "basic", root, ignore=shutil.ignore_patterns(".factcheck", "*.lock"))
    article = root / "claims/article.txt"
    article.write_text(f"Headline {SCRIPT}: 99 balloons.\n\n" + article.read_text(), "utf-8")
    claims = root / "claims/article.yaml"
    claims.write_text(
        claims.read_text().replace(
            "    metric: {dataset: cases, aggregate: mean, column: sentence_years}",
            "    metric: {dataset: cases, aggregate: mean, column: sentence_years}\n"
            "    proxy: sentences handed down stand in for sentences served",
        )
    )
    register_commands()
    out = root / "report.json"
    result = CliRunner().invoke(cli, ["check", "--root", str(root), "--no-history",
                                      "--format", f"json:{out}"])  # fmt: skip
    assert result.exit_code == 1, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def _inside_viewport(browser, element) -> bool:
    rect = browser.execute_script("return arguments[0].getBoundingClientRect().toJSON()", element)
    width = browser.execute_script("return document.documentElement.clientWidth")
    return rect["width"] > 0 and rect["left"] >= -0.5 and rect["right"] <= width + 0.5


@pytest.mark.parametrize("width", [420, 1280])
def test_annotated_article(article_report, browser, tmp_path, width) -> None:
    from selenium.webdriver.common.by import By

    page = tmp_path / "report.html"
    page.write_text(render("html", article_report), encoding="utf-8")
    browser.set_window_size(width, 900)
    browser.get(page.as_uri())
    verdicts = {c["id"]: c["verdict"] for c in article_report["claims"]}

    # The report opens with the article: its first paragraph comes before any claim card.
    text = browser.find_element(By.CSS_SELECTOR, ".article-text")
    first_card = browser.find_element(By.CSS_SELECTOR, "[data-claim-id]")
    assert text.location["y"] < first_card.location["y"]
    assert f"Headline {SCRIPT}: 99 balloons." in text.text  # shown as written, never run
    assert browser.find_elements(By.TAG_NAME, "script") == []

    marks = text.find_elements(By.CSS_SELECTOR, "mark[data-verdict]")
    checked = {m.get_attribute("data-claim"): m for m in marks if m.get_attribute("data-claim")}
    for claim_id, mark in checked.items():
        assert mark.get_attribute("data-verdict") == verdicts[claim_id]
        assert browser.find_elements(By.ID, f"claim-{claim_id}")  # the link has a target
    # Figures of the basic article, by hand: which claim checks each.
    by_text = {m.text: m.get_attribute("data-claim") for m in marks}
    assert by_text["848"] == "april_verdicts" and by_text["20,662"] == "relay_men"
    assert by_text["Two-thirds"] == "convicted_share" and by_text["Central"] == "busiest_region"
    unchecked = [m for m in marks if m.get_attribute("data-verdict") == "unchecked"]
    assert [m.text for m in unchecked] == ["1", "99"]  # alert(1) is a figure too
    assert not any(m.get_attribute("data-claim") for m in unchecked)

    # Circular, proxy and manual evidence look different from direct and from each other.
    def look(claim_id: str) -> tuple[str, ...]:
        props = ("border-bottom-style", "background-image", "outline-style")
        return tuple(checked[claim_id].value_of_css_property(p) for p in props)

    assert checked["relay_men"].get_attribute("data-evidence") == "circular"
    assert checked["mean_sentence"].get_attribute("data-evidence") == "proxy"
    looks = {look(i) for i in ("relay_men", "mean_sentence", "penalty", "total_cases")}
    assert len(looks) == 4

    # Tap (focus) a figure: its one-line explanation appears on screen, linking to the card.
    mark = checked["ru_band"]
    browser.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", mark
    )
    tip = mark.find_element(By.CSS_SELECTOR, ".tip")
    assert tip.is_displayed() and _inside_viewport(browser, tip)
    assert "fail: between 700 and 800" in tip.text
    assert tip.find_element(By.TAG_NAME, "a").get_attribute("href").endswith("#claim-ru_band")

    # Readable at this width: nothing wider than the screen, the "why" of every problem
    # visible, computation tables whole.
    browser.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    whys = browser.find_elements(By.CSS_SELECTOR, "table.problems td.why")
    assert whys and all(w.is_displayed() and _inside_viewport(browser, w) for w in whys)
    tables = browser.find_elements(By.CSS_SELECTOR, ".computation table")
    assert tables and all(_inside_viewport(browser, t) for t in tables)
    clipped = browser.execute_script(
        "return [...document.querySelectorAll('.computation td')]"
        ".filter(td => td.scrollWidth > td.clientWidth + 1).length"
    )
    assert clipped == 0

    ARTIFACTS.mkdir(exist_ok=True)
    png = browser.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
    (ARTIFACTS / f"article-{width}.png").write_bytes(base64.b64decode(png["data"]))
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})
    assert base64.b64decode(pdf["data"])[:5] == b"%PDF-"
