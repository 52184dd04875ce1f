"""A project whose words attack the terminal, the CI log and the PR comment (issue 10).

The claims file's name starts a workflow command, the article's title holds ESC/OSC
sequences, a quote holds a mention, a link, an image, HTML, NUL and bare URLs, the article a
`::error::` line. Every command that prints must show all of it as inert text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from tests.e2e.test_bad_input import edit
from tests.test_safetext import is_safe

TITLE = "\x1b]0;pwned\x07\x1b[2J title \u202eevil"
QUOTE = (
    "two-thirds were convicted\x1b[31m @everyone [click](javascript:alert(1)) "
    "![x](https://e.example/p.png) <img src=x onerror=alert(1)> \x00 https://evil.example "
    "www.evil.example mail@evil.example #1"
)
FILE = "claims/::warning::boom.yaml"


@pytest.fixture
def hostile(project) -> Path:
    root = project()
    edit(root / "claims/article.yaml", "title: A test article about court cases",
         f"title: {json.dumps(TITLE)}")  # fmt: skip
    # on a failing claim: its quote is in the Markdown report's table
    edit(root / "claims/article.yaml", 'quote: "two-thirds were convicted"',
         f"quote: {json.dumps(QUOTE)}")  # fmt: skip
    edit(root / "claims/article.yaml", "url: https://example.org/article",
         "url: javascript:alert(1)")  # fmt: skip
    text = root / "claims/article.txt"
    text.write_text(text.read_text() + "\n\n::error::from the article, 999 cases\x1b[5m.\n")
    (root / "claims/article.yaml").rename(root / FILE)
    return root


def all_text(result) -> str:
    return result.stdout + result.stderr


def test_list(hostile, factcheck) -> None:
    result = factcheck("list", "--root", hostile)
    assert result.exit_code == 0, result.output
    assert is_safe(all_text(result))
    assert "\t" in result.stdout  # the columns are still tab-separated


def test_check_text(hostile, factcheck) -> None:
    result = factcheck("check", "--root", hostile, "-v")
    assert result.exit_code == 1, result.output
    out = all_text(result)
    assert is_safe(out)
    assert "claims/::warning::boom.yaml" in out  # inside a line: shown as it is
    assert "\\u001b]0;pwned" in out  # the title shown, escaped


def test_text_report_breaks_a_command_at_a_line_start() -> None:
    from factcheck.report.text import render

    claim = {"id": "a", "file": "::error::x.yaml", "verdict": "pass", "claim": "1",
             "explanation": "\x1b[2J"}  # fmt: skip
    for color in (False, True):
        text = render({"claims": [claim], "summary": {"pass": 1}}, color=color)
        assert "\\u003a:error::x.yaml" in text and "\\u001b[2J" in text
        assert not re.search(r"^\s*::", text, re.MULTILINE)


def test_check_github_annotations(hostile, factcheck) -> None:
    result = factcheck("check", "--root", hostile, "--format", "github")
    out = all_text(result)
    assert "\x1b" not in out and "\x00" not in out
    # Only our own commands start a line, one per problem claim or uncovered figure.
    for line in result.stdout.splitlines()[:-1]:
        assert re.match(r"::(error|warning) file=", line), line


def test_coverage(hostile, factcheck) -> None:
    for args in ((), ("--suggest",), ("--format", "json")):
        result = factcheck("coverage", "--root", hostile, *args)
        assert result.exit_code == 1, result.output
        assert is_safe(all_text(result)), args
    data = json.loads(factcheck("coverage", "--root", hostile, "--format", "json").stdout)
    assert data["files"]  # the JSON is still JSON


def test_lint(hostile, factcheck) -> None:
    result = factcheck("lint", "--root", hostile)
    assert is_safe(all_text(result))


def test_config_errors(project, factcheck) -> None:
    root = project()
    edit(root / "claims/article.yaml", 'claim: "12"', 'claim: "12\\e[31m\\n::error::x"')
    edit(root / "claims/article.yaml", "id: over_ten", 'id: "over\\e[2Jten"')
    for command in ("check", "list", "lint", "lock"):
        result = factcheck(command, "--root", root)
        assert result.exit_code == 2, (command, result.output)
        assert is_safe(all_text(result)), command
        assert "\\u001b[2J" in result.stderr  # the offending word is named, escaped


def test_diff(factcheck, tmp_path) -> None:
    def report(verdict: str, sha: str) -> Path:
        claims = [{"id": "::error::x\x1b[2J", "verdict": verdict, "actual": "\x1b]0;t\x07"},
                  {"id": f"\n::warning::{verdict}", "verdict": verdict, "actual": 1}]  # fmt: skip
        path = tmp_path / f"{verdict}.json"
        data = {"factcheck_report": 1, "claims": claims,
                "datasets": [{"name": "\n::error::d", "sha256": sha}]}  # fmt: skip
        path.write_text(json.dumps(data))
        return path

    old, new = report("pass", "a" * 64), report("fail", "b" * 64)
    for fmt in ("text", "json"):
        result = factcheck("diff", old, new, "--format", fmt)
        assert result.exit_code == 1
        assert is_safe(all_text(result)), fmt


def test_history(project, factcheck) -> None:
    root = project()
    (root / ".factcheck").mkdir()
    row = {"id": "total_cases", "time": "\x1b[2J\n::error::t", "verdict": "\x1b[31m",
           "actual": {"\n::error::k": 1}, "datasets": {"\x1b": "\x1b[2Jabcdefgh"}}  # fmt: skip
    (root / ".factcheck/history.jsonl").write_text(json.dumps(row) + "\n")
    result = factcheck("history", "total_cases", "--root", root)
    assert result.exit_code == 0, result.output
    assert is_safe(all_text(result))


def test_markdown_renders_no_link_mention_image_or_html(hostile, factcheck, tmp_path) -> None:
    cmarkgfm = pytest.importorskip("cmarkgfm")  # in the test extra; CI installs it
    from cmarkgfm.cmark import Options

    out = tmp_path / "r.md"
    factcheck("check", "--root", hostile, "--format", f"markdown:{out}")
    markdown = out.read_text()
    assert "\x00" not in markdown and "\x1b" not in markdown
    # GitHub's renderer (cmark-gfm with its extensions), raw HTML allowed as GitHub does
    # for the tags it keeps: a link, an image or a tag from the quote would show here.
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    assert "<a " not in html and "<img" not in html
    ours = {"h3", "p", "strong", "table", "thead", "tbody", "tr", "th", "td", "code", "ul", "li",
            "details", "summary", "br", "blockquote"}  # fmt: skip
    assert not set(re.findall(r"<(\w+)", html)) - ours
    assert "@everyone" not in html  # GitHub mentions need "@" right before the name
    assert "everyone" in html and "javascript" in html  # shown as text, not dropped


def test_claimreview_drops_javascript_urls(hostile, factcheck, tmp_path) -> None:
    from factcheck.report.claimreview import render

    out = tmp_path / "r.json"
    factcheck("check", "--root", hostile, "--format", f"json:{out}")
    report = json.loads(out.read_text())
    reviews = json.loads(render(report, url="javascript:alert(2)", author="Desk",
                                author_url="data:text/html,x"))  # fmt: skip
    assert all("url" not in r and "url" not in r["author"] for r in reviews)
    assert all("url" not in r["itemReviewed"]["appearance"] for r in reviews)
    assert any("javascript:alert(1)" in r["claimReviewed"] for r in reviews)  # text stays
    good = json.loads(render(report, url="https://desk.example.org/r", author="Desk",
                             author_url="https://desk.example.org"))  # fmt: skip
    assert good[0]["url"].startswith("https://desk.example.org/r#claim-")
    assert good[0]["author"]["url"] == "https://desk.example.org"
