"""Property tests (hypothesis): any text in a report renders in every format, never a
traceback, and what reaches a terminal, CI log or PR comment stays inert.

The report is the bundled fixture with its words (ids, quotes, phrases, explanations,
file names, titles, URLs, data values) replaced by generated text. The budget is bounded
(a fixed number of examples, no deadline) so CI time stays predictable.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

hypothesis = pytest.importorskip("hypothesis")  # in the test extra; CI installs it
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from tests.report.conftest import _REPORT, FORMATS  # noqa: E402
from tests.test_safetext import is_safe  # noqa: E402

from factcheck.output import write_report  # noqa: E402
from factcheck.report import render  # noqa: E402
from factcheck.report.markdown import cell, code  # noqa: E402
from factcheck.safetext import neutralise  # noqa: E402

BUDGET = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,  # the same examples every run: CI stays reproducible
    suppress_health_check=[HealthCheck.too_slow],
)

# Any Unicode text, with the hostile pieces made likely rather than left to chance.
HOSTILE = st.sampled_from([
    "\x1b[2J", "\x1b]0;t\x07", "\x00", "\r", "\n::error::x", "::warning::", "##[error]",
    "\u202e", "\u2028", "@everyone", "[a](javascript:alert(1))", "![i](http://e/x.png)",
    "<script>", "</script>", "<img src=x>", "https://evil.example", "www.evil.example",
    "#1", "|", "`", "&amp;", "%0A", "\ud7ff", "\x85", "]]>", "\\",
])  # fmt: skip
TEXT = st.lists(st.one_of(st.text(max_size=12), HOSTILE), max_size=6).map("".join)
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT)
ACTUAL = st.one_of(SCALAR, st.dictionaries(TEXT, SCALAR, max_size=4))


@st.composite
def reports(draw: Any) -> dict[str, Any]:
    report = json.loads(json.dumps(_REPORT))
    for claim in report["claims"]:
        for key in ("quote", "claim", "explanation", "note", "reason"):
            claim[key] = draw(TEXT)
        claim["id"] = draw(TEXT)
        claim["actual"] = draw(ACTUAL)
    files = draw(st.lists(TEXT, min_size=1, max_size=3))
    for i, claim in enumerate(report["claims"]):
        claim["file"] = files[i % len(files)]
    for source in report["sources"]:
        source.update(title=draw(TEXT), url=draw(TEXT), publisher=draw(TEXT))
        source["file"] = files[0]
    for dataset in report["datasets"]:
        dataset["path"] = draw(TEXT)
    return report


COMMAND_LINE = re.compile(r"^\s*(::|##\[|##vso\[)", re.MULTILINE)


@BUDGET
@given(reports())
def test_every_format_renders_any_text(report: dict[str, Any]) -> None:
    for name in FORMATS:
        out = render(name, report)
        assert isinstance(out, str)
        if name in ("json", "sarif", "claimreview"):
            json.loads(out)
        if name == "junit":
            ET.fromstring(out)


@BUDGET
@given(reports(), st.booleans())
def test_text_report_is_inert(report: dict[str, Any], color: bool) -> None:
    out = render("text", report, color=color, verbose=True)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out) if color else out  # our own colours only
    assert is_safe(plain)


@BUDGET
@given(reports())
def test_github_commands_are_only_ours(report: dict[str, Any]) -> None:
    out = render("github", report)
    assert "\x1b" not in out and "\x00" not in out and "\r" not in out
    lines = out.splitlines()
    assert all(re.match(r"::(error|warning) ", line) for line in lines[:-1])
    assert not COMMAND_LINE.search(lines[-1])


@BUDGET
@given(reports())
def test_claimreview_urls_are_http(report: dict[str, Any]) -> None:
    for review in json.loads(render("claimreview", report)):
        url = review["itemReviewed"]["appearance"].get("url")
        assert url is None or re.match(r"https?://", url, re.IGNORECASE)


@BUDGET
@given(TEXT)
def test_markdown_cell_and_code_render_as_text(text: str) -> None:
    cmarkgfm = pytest.importorskip("cmarkgfm")
    from cmarkgfm.cmark import Options

    for piece in (cell(text), code(text)):
        assert "\n" not in piece and "\x00" not in piece and "\x1b" not in piece
        row = f"| a | b |\n| --- | --- |\n| {piece} | end |\n"
        html = cmarkgfm.github_flavored_markdown_to_html(row, options=Options.CMARK_OPT_UNSAFE)
        assert "<a " not in html and "<img" not in html
        assert set(re.findall(r"<(\w+)", html)) <= {"table", "thead", "tbody", "tr", "th",
                                                     "td", "code", "em", "strong"}  # fmt: skip
        assert html.count("<td>") == 2  # the row kept its two cells


@BUDGET
@given(st.text(), st.booleans())
def test_neutralise_any_text(text: str, one_line: bool) -> None:
    out = neutralise(text, one_line=one_line)
    assert is_safe(out)
    if one_line:
        assert "\n" not in out
    assert neutralise(out, one_line=one_line) == out  # escaping twice changes nothing more


@BUDGET
@given(st.text())
def test_write_report_any_text_round_trips(tmp_path_factory: Any, text: str) -> None:
    folder: Path = tmp_path_factory.mktemp("w")
    target = folder / "report.txt"
    write_report(target, text)  # a lone surrogate is written as a \\udXXX escape
    assert target.read_bytes().decode("utf-8") == text.encode("utf-8", "backslashreplace").decode()
    assert [p.name for p in folder.iterdir()] == ["report.txt"]
