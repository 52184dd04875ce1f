"""factcheck.coverage: figures found in English and Russian text, quotes located, gaps named."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from tests.conftest import PROJECTS
from tests.report.conftest import SCHEMAS

from factcheck.coverage import find_figures, guess_phrase, quote_spans


def figures(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("over 20,000 cases", [("number", "20,000")]),
        ("a total of 18,159", [("number", "18,159")]),
        ("12.60% of them", [("number", "12.60%")]),
        ("38 per cent", [("number", "38 per cent")]),
        ("ten years", [("word", "ten")]),
        ("two-thirds of them", [("word", "two-thirds")]),
        ("twenty-five million people", [("word", "twenty-five million")]),
        ("a few hundred cases", [("word", "hundred")]),
        ("record numbers in 2024", [("word", "record"), ("number", "2024")]),
        # One figure, so "nearly one in three" is not drafted as "nearly one" + "one in
        # three" (issue 13; this was two figures, "one" and "five").
        ("one in five soldiers", [("word", "one in five")]),
        ("nearly one in three", [("word", "one in three")]),
        ("1 in 4 cases", [("word", "1 in 4")]),
        ("один из пяти", [("word", "один из пяти")]),
        (
            "it doubled; twice as many; вдвое больше",
            [("word", "doubled"), ("word", "twice"), ("word", "вдвое")],
        ),  # fmt: skip
        ("from 2012 to 2015", [("date", "2012 to 2015")]),  # a span of years: context
        ("в 2012-2015 годах", [("date", "2012-2015 годах")]),
        ("одиннадцать дел", [("word", "одиннадцать")]),  # the parser's words, all of them
        ("one of them", []),  # "one" alone is not a figure
        ("Article 337", [("number", "337")]),
        ("26 June 2025, 16:47", [("date", "26 June 2025"), ("time", "16:47")]),
        ("by the end of May 2025", [("date", "May 2025")]),
        ("on June 26, 2025", [("date", "June 26, 2025")]),
        ("on 2025-06-26", [("date", "2025-06-26")]),
        # Russian: thin and non-breaking spaces as thousands separators, comma decimals.
        ("более 20\u00a0662 человек", [("number", "20\u00a0662")]),
        ("20\u202f662 дела", [("number", "20\u202f662")]),
        ("12,6 процента", [("number", "12,6 процента")]),
        ("две трети обвиняемых", [("word", "две трети")]),
        ("несколько сотен дел", [("word", "сотен")]),
        ("тысячи солдат", [("word", "тысячи")]),
        ("в мае 2025 года", [("date", "мае 2025 года")]),
        ("1 июня 2025 г.", [("date", "1 июня 2025 г.")]),
        ("семья и сотрудники", []),  # words that only start like numbers
        ("каждый пятый осуждён", [("word", "каждый пятый")]),
        ("каждый день", []),
    ],
)
def test_find_figures(text: str, found: list[tuple[str, str]]) -> None:
    assert figures(text) == found


def test_figure_positions_are_one_based() -> None:
    [first, second] = find_figures("Title\n\nWe counted 848 verdicts and 38 a day.")[:2]
    assert (first.text, first.line, first.col) == ("848", 3, 12)
    assert (second.text, second.line, second.col) == ("38", 3, 29)


def test_quotes_found_through_typography() -> None:
    text = "Judges said “around 1,000 new\ncases” — every month. Again: around 1,000 new cases."
    spans = quote_spans(text, 'around 1,000 new cases" - every month')
    assert [text[a:b] for a, b in spans] == ["around 1,000 new\ncases” — every month"]
    assert len(quote_spans(text, "around 1,000 new cases")) == 2
    assert quote_spans(text, "around 2,000") == []


@pytest.mark.parametrize(
    ("text", "figure", "phrase"),
    [
        ("courts registered over 20,000 cases", "20,000", "over 20,000"),
        ("a rate of between 700 and 800 each month", "700", "between 700 and 800"),
        ("In April 848 verdicts", "848", "848"),
        ("around 1,000 new cases", "1,000", "around 1,000"),
        ("two-thirds are", "two-thirds", "two-thirds"),
        ("зарегистрировали более 20\u00a0000 дел", "20\u00a0000", "более 20\u00a0000"),
        ("в месяц, от 700 до 800 приговоров", "700", "от 700 до 800"),
        ("приговоров. Почти две трети", "две трети", "почти две трети"),  # not across a "."
        ("осуждён каждый пятый", "каждый пятый", "каждый пятый"),
        ("Несколько сотен дел", "сотен", "несколько сотен"),
    ],
)
def test_guess_phrase(text: str, figure: str, phrase: str) -> None:
    found = next(f for f in find_figures(text) if f.text == figure)
    assert guess_phrase(text, found) == phrase


def test_coverage_command(tmp_path: Path, factcheck) -> None:
    # tests/projects/basic: every figure of its article.txt is in some claim's quote.
    root = tmp_path / "basic"
    shutil.copytree(PROJECTS / "basic", root, ignore=shutil.ignore_patterns(".factcheck"))
    assert factcheck("coverage", "--root", root).exit_code == 0
    article = root / "claims" / "article.txt"
    original = article.read_text(encoding="utf-8")

    article.write_text("Headline: 99 balloons.\n\n" + original, encoding="utf-8")
    result = factcheck("coverage", "--root", root, "--suggest")
    assert result.exit_code == 1, result.output
    assert 'not covered  claims/article.txt:1:11  "99"  Headline: 99 balloons.' in result.output
    assert '    #   claim: "99"' in result.output  # a suggestion, only as a comment
    as_json = json.loads(factcheck("coverage", "--root", root, "--format", "json").output)
    [file] = as_json["files"]
    assert file["uncovered"] == 1 and file["missing_quotes"] == []
    assert {"text": "848", "kind": "number", "line": 5, "col": 74,
            "claims": ["april_verdicts"]} in file["figures"]  # fmt: skip

    article.write_text(original.replace("20,662 men", "20,663 men"), encoding="utf-8")
    missing = factcheck("coverage", "--root", root)
    assert missing.exit_code == 1
    assert "quote not found in claims/article.txt: relay_men (claims/article.yaml:78)" in (
        missing.output
    )


def test_coverage_reads_under_the_projects_limits(tmp_path: Path, factcheck) -> None:
    """The article is read, and --suggest's phrases guessed, under [tool.factcheck.limits]
    and --limit as `check` reads claims: a skeleton never proposes a phrase `check` would
    refuse for its number of digits."""
    root = tmp_path / "basic"
    shutil.copytree(PROJECTS / "basic", root, ignore=shutil.ignore_patterns(".factcheck"))
    article = root / "claims" / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + "Over 1,234,567 cases.\n")
    guessed = '    #   claim: "over 1,234,567"'

    default = factcheck("coverage", "--root", root, "--suggest")
    assert default.exit_code == 1 and guessed in default.output  # 7 digits: under 100

    (root / "pyproject.toml").write_text("[tool.factcheck.limits]\nnumber_digits = 5\n")
    lowered = factcheck("coverage", "--root", root, "--suggest")
    assert lowered.exit_code == 1, lowered.output
    assert "1,234,567" in lowered.output and guessed not in lowered.output
    assert (
        '    #   claim: "TODO"  # 1,234,567: more than 5 digits in one number (7 digits); '
        "if this is intended, raise the limit with --limit number_digits=N"
    ) in lowered.output
    # What the skeleton would have proposed is refused by check under the same limits.
    refused = factcheck("lint", "--root", root)
    assert refused.exit_code == 0, refused.output  # the project itself is within them
    claims = root / "claims" / "article.yaml"
    claims.write_text(
        claims.read_text(encoding="utf-8").replace('claim: "12"', 'claim: "over 1,234,567"', 1)
    )
    assert "more than 5 digits in one number" in factcheck("lint", "--root", root).output
    claims.write_text(claims.read_text().replace('claim: "over 1,234,567"', 'claim: "12"', 1))

    raised = factcheck("coverage", "--root", root, "--suggest", "--limit", "number_digits=7")
    assert raised.exit_code == 1 and guessed in raised.output  # the command line wins


def test_check_reports_coverage(tmp_path: Path, factcheck) -> None:
    root = tmp_path / "basic"
    shutil.copytree(PROJECTS / "basic", root, ignore=shutil.ignore_patterns(".factcheck"))
    article = root / "claims" / "article.txt"
    args = ("check", "--root", root, "--no-history")

    report = json.loads(factcheck(*args, "--format", "json").output)
    assert report["sources"][0]["coverage"] == {
        "file": "claims/article.txt", "figures": 14, "covered": 14, "uncovered": [],
        "missing_quotes": [],
    }  # fmt: skip
    assert "coverage:" not in factcheck(*args).output

    article.write_text("Headline: 99 balloons.\n\n" + article.read_text(encoding="utf-8"))
    report = json.loads(factcheck(*args, "--format", "json").output)
    coverage = report["sources"][0]["coverage"]
    assert coverage["uncovered"] == [{"text": "99", "line": 1, "col": 11}]
    gap = 'coverage: 1 of 15 figures in article.txt are in no claim\'s quote: "99" (1:11)'
    assert gap in factcheck(*args).output
    html = tmp_path / "r.html"
    factcheck(*args, "--format", f"html:{html}")
    page = html.read_text(encoding="utf-8")
    assert "14 of 15 figures of the article in a claim's quote" in page
    assert '<p class="gap">coverage: 1 of 15 figures' in page

    # Code scanning and GitHub annotate the article's line; the PR comment says it too.
    sarif = tmp_path / "r.sarif"
    factcheck(*args, "--format", f"sarif:{sarif}", "--format", f"markdown:{tmp_path / 'r.md'}")
    log = json.loads(sarif.read_text())
    schema = json.loads((SCHEMAS / "sarif-2.1.0-subset.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    [result] = [r for r in log["runs"][0]["results"]
                if r["ruleId"] == "factcheck/uncovered"]  # fmt: skip
    region = result["locations"][0]["physicalLocation"]
    assert region["artifactLocation"]["uri"] == "claims/article.txt"
    assert (region["region"]["startLine"], region["region"]["startColumn"]) == (1, 11)
    github = factcheck(*args, "--format", "github").output
    assert "::warning file=claims/article.txt,line=1,col=11," in github
    assert "coverage: 1 of 15 figures" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_extract_drafts_a_claims_file_that_cannot_pass_unedited(tmp_path: Path, factcheck) -> None:
    root = tmp_path / "p"
    shutil.copytree(PROJECTS / "basic", root, ignore=shutil.ignore_patterns(".factcheck"))
    for old in (root / "claims").glob("*.yaml"):
        old.unlink()
    article = root / "claims" / "new.txt"
    article.write_text(
        "Courts received over 20,000 cases.\n\nThe majority were convicted; a rate of "
        "between 700 and 800 each month, 848 in April and “38 a day”.\n",
        encoding="utf-8",
    )
    draft = root / "claims" / "new.yaml"
    result = factcheck("extract", article, "-o", draft)
    assert result.exit_code == 0 and "drafted 5 candidate claims" in result.stderr
    text = draft.read_text(encoding="utf-8")
    assert [line.split(": ", 1)[1] for line in text.splitlines() if "claim: " in line] == [
        '"over 20,000"', '"more than half"', '"between 700 and 800"', '"848"', '"38"'
    ]  # fmt: skip
    assert 'quote: "The majority were convicted; a rate of between 700 and 800' in text
    assert '  text: "new.txt"' in text

    checked = factcheck("check", "--root", root)
    assert checked.exit_code == 2  # nothing extracted is ever judged without an editor
    assert checked.stderr.count("needs exactly one of metric, expr, manual") == 5
    assert "claims/new.yaml:" in checked.stderr and "[fig_over_20000]" in checked.stderr
    assert factcheck("coverage", "--root", root).exit_code == 2

    again = factcheck("extract", article, "-o", draft)
    assert again.exit_code == 2 and "never overwrites" in again.output
    assert draft.read_text(encoding="utf-8") == text


def test_extract_refuses_unreadable_text_and_says_when_nothing_is_found(
    tmp_path: Path, factcheck
) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"caf\xe9: 12 cases\n")
    refused = factcheck("extract", latin)
    assert refused.exit_code == 2 and "not UTF-8 text" in refused.output
    empty = tmp_path / "empty.txt"
    empty.write_text("No figures here.\n", encoding="utf-8")
    done = factcheck("extract", empty)
    assert done.exit_code == 0 and done.stdout.endswith("claims: []\n")
    assert "no figures found" in done.stderr


def test_lint_warns_about_coverage_without_failing(tmp_path: Path, factcheck) -> None:
    root = tmp_path / "basic"
    shutil.copytree(PROJECTS / "basic", root, ignore=shutil.ignore_patterns(".factcheck"))
    assert "warning" not in factcheck("lint", "--root", root).output
    article = root / "claims" / "article.txt"
    article.write_text("Headline: 99 balloons.\n\n" + article.read_text(encoding="utf-8"))
    result = factcheck("lint", "--root", root)
    assert result.exit_code == 0
    assert (
        "claims/article.yaml: warning: 1 figure of claims/article.txt in no claim's quote, "
        "0 quotes not found in it (see factcheck coverage)"
    ) in result.stderr
