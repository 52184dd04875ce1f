"""The auditor's trail in great-expectations' Data Docs: pages that work from their folder
alone (opened in Chromium with the network off), every claim and schema check accounted
for, the index's status that of `factcheck check`, nothing local or executable leaking."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from tests.browser import chromium, needs_chromium

pytest.importorskip("great_expectations")

ROOT = Path(__file__).resolve().parents[2]  # the bundled Mediazona check
SITE = Path("gx/uncommitted/data_docs/local_site")


class _References(HTMLParser):
    """Every address a page would fetch or link to: src, href, action."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [v for k, v in attrs if k in ("src", "href", "action") and v]


def _network(page: Path) -> list[str]:
    parser = _References()
    parser.feed(page.read_text(encoding="utf-8"))
    return [a for a in parser.found if a.startswith(("http:", "https:", "//"))]


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], int]:
    from click.testing import CliRunner

    from factcheck.cli import cli, register_commands

    register_commands()
    out = tmp_path_factory.mktemp("gx") / "out"
    runner = CliRunner()
    exported = runner.invoke(cli, ["gx-export", "--root", str(ROOT), "--out", str(out)])
    checked = runner.invoke(cli, ["check", "--root", str(ROOT), "--format", "json", "--no-history"])
    assert exported.exit_code == checked.exit_code, exported.output  # check's own code
    return out / SITE, json.loads(checked.stdout), exported.exit_code


def test_no_page_reaches_the_network(bundled) -> None:
    site, _, _ = bundled
    pages = [p for p in site.rglob("*.html") if "vendor" not in p.parts]
    assert len(pages) > 10
    for page in pages:
        assert _network(page) == [], page
    for sheet in site.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8", errors="replace")
        assert "url(http" not in text and "url(//" not in text, sheet
    for licence in ("jquery-3.7.1/LICENSE.txt", "vega-5.33.1/LICENSE", "README.md"):
        assert (site / "static/vendor" / licence).is_file()


def test_every_claim_accounted_for(bundled) -> None:
    site, report, code = bundled
    ledger = json.loads((site / "factcheck-accounting.json").read_text(encoding="utf-8"))
    assert ledger["check"]["exit_code"] == code == report["exit_code"]
    assert ledger["check"]["summary"] == report["summary"]
    listed = {c["id"]: c for c in ledger["claims"]}
    assert list(listed) == [c["id"] for c in report["claims"]]  # each once, in order
    for claim in report["claims"]:
        entry = listed[claim["id"]]
        assert entry["verdict"] == claim["verdict"]
        assert entry["compiled"] or entry["reason"], claim["id"]
    # an expr over no dataset is accounted for too (it was nowhere before)
    exprs = [c for c in report["claims"] if c["kind"] == "expr" and not c["datasets"]]
    for claim in exprs:
        assert "over no dataset" in listed[claim["id"]]["reason"]
    for suite in ledger["suites"]:
        assert suite["ran"] == (suite["expectations"] > 0)
    empty = [s["suite"] for s in ledger["suites"] if not s["ran"]]
    index = (site / "index.html").read_text(encoding="utf-8")
    assert empty and all(f">{name}<" not in index for name in empty)  # never a green 0 of 0
    # every compiled claim's expectation names its claim on its validation page
    pages = "".join(p.read_text(encoding="utf-8") for p in (site / "validations").rglob("*.html"))
    compiled = [c for c in ledger["claims"] if c["compiled"]]
    assert compiled
    for claim in compiled:
        assert f"Claim {claim['id']} ({claim['file']}:{claim['line']})" in pages


@needs_chromium
def test_data_docs_offline_in_a_browser(bundled, tmp_path: Path, monkeypatch) -> None:
    from selenium.webdriver.common.by import By

    site, report, code = bundled
    monkeypatch.setenv("SE_OFFLINE", "true")
    with chromium(tmp_path / "profile", offline=True) as driver:
        driver.get((site / "index.html").as_uri())
        assert driver.execute_script("return typeof jQuery") == "function"
        status = driver.find_element(By.ID, "factcheck-status")
        assert status.get_attribute("data-exit-code") == str(code)
        assert f"exit {code}" in status.text
        table = "#section-1-content-block-2-1-body-table tbody tr"
        rows = driver.find_elements(By.CSS_SELECTOR, table)
        assert rows, "the index lists no validation results: its scripts did not run"
        loaded = driver.execute_script(
            "return [...document.scripts].map(s => s.src).filter(Boolean)"
            ".concat([...document.styleSheets].map(s => s.href).filter(Boolean))"
        )
        assert loaded and all(name.startswith("file:") for name in loaded), loaded
        awesome = driver.execute_async_script(
            "const done = arguments[0];"
            "document.fonts.ready.then(() => done([...document.fonts]"
            ".filter(f => f.family.includes('Font Awesome') && f.status === 'loaded').length))"
        )
        assert awesome >= 1  # the status icons have their font

        driver.get((site / "factcheck.html").as_uri())
        shown = {
            row.get_attribute("data-claim"): row.get_attribute("data-verdict")
            for row in driver.find_elements(By.CSS_SELECTOR, "#claims tbody tr")
        }
        assert shown == {c["id"]: c["verdict"] for c in report["claims"]}


def test_stored_results_keep_no_traceback_or_path(project, factcheck, tmp_path) -> None:
    root = project("basic")
    data = root / "data/monthly.csv"
    lines = data.read_text().splitlines()
    data.write_text("\n".join(",".join(line.split(",")[:3]) for line in lines) + "\n")
    out = tmp_path / "out"
    result = factcheck("gx-export", "--root", root, "--out", out)
    assert result.exit_code == 3, result.output  # check's: a dataset failed its schema
    stored = [p.read_text() for p in (out / "gx/uncommitted").rglob("*.json")]
    raised = [s for s in stored if '"raised_exception": true' in s]
    assert raised  # received is gone: GX's expectations on it raise
    for text in stored:
        assert "Traceback" not in text and str(tmp_path) not in text and "site-packages" not in text
    for page in (out / SITE).rglob("*.html"):
        text = page.read_text()
        assert "Traceback" not in text and str(tmp_path) not in text, page


def test_claim_text_is_escaped_in_data_docs(project, factcheck, tmp_path) -> None:
    root = project("basic")
    claims = root / "claims/article.yaml"
    text = claims.read_text()
    assert 'quote: "courts received 12 cases"' in text
    claims.write_text(
        text.replace(
            'quote: "courts received 12 cases"',
            "quote: \"courts received 12 cases <script>alert('x')</script> $total\"",
            1,
        )
    )
    out = tmp_path / "out"
    factcheck("gx-export", "--root", root, "--out", out)
    pages = "".join(p.read_text() for p in (out / SITE / "validations").rglob("*.html"))
    assert "Claim total_cases" in pages
    assert "<script>alert(" not in pages
    assert "&lt;script&gt;alert(" in pages and "&#36;total" in pages
