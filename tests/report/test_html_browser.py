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
