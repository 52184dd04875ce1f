"""The annotated article: which figure each claim marks, escaping, and the Markdown quotes."""

from __future__ import annotations

import re
from typing import Any

from factcheck.report import render
from factcheck.report.article import Mark, annotate, quoted_sentences
from factcheck.results import ClaimResult

TEXT = (
    "Headline: over 20,000 cases <b>& more</b>.\n"
    "Byline\n"
    "\n"
    "The majority of them, 18,159 cases, fall under Article 337. Another 99 are unknown.\n"
    "\n"
    "Courts issued between 700 and 800 verdicts; the wettest month was December 2015."
)


def claim(cid: str, quote: str, phrase: str, verdict: str, **more: Any) -> dict[str, Any]:
    return {
        "id": cid, "file": "claims/a.yaml", "line": 1, "quote": quote, "claim": phrase,
        "verdict": verdict, "actual": 1, "explanation": f"why {cid}", "circular": False,
        **more,
    }  # fmt: skip


CLAIMS = [
    claim("headline", "over 20,000 cases", "over 20,000", "pass", circular=True),
    claim("headline_hand", "over 20,000 cases", "{gt: 20000}", "fail"),
    claim("majority", "The majority of them, 18,159 cases", "more than half", "warn"),
    claim("total_337", "18,159 cases, fall under Article 337", "18,159", "pass", evidence="proxy"),
    claim("band", "between 700 and 800 verdicts", "between 700 and 800", "error"),
    claim("wettest", "the wettest month was December 2015", "'2015-12'", "pass"),
    claim("lost", "a quote that is not in the text", "5", "skip"),
]
TYPED = [ClaimResult.from_dict(c) for c in CLAIMS]  # as the report model holds them


def marks(paragraphs: list[list[str | Mark]]) -> list[Mark]:
    return [piece for p in paragraphs for piece in p if isinstance(piece, Mark)]


def test_each_figure_marked_by_the_claim_that_names_it() -> None:
    paragraphs, unshown = annotate(TEXT, TYPED)
    found = {(m.text, m.claim, m.verdict, m.evidence) for m in marks(paragraphs)}
    assert found == {
        # two claims check "20,000": the worse verdict shows, the other is named
        ("20,000", "headline_hand", "fail", None),
        ("majority", "majority", "warn", None),  # "more than half" names no figure
        ("18,159", "total_337", "pass", "proxy"),
        ("99", None, "unchecked", None),  # in no claim's quote
        ("700", "band", "error", None),
        ("800", "band", "error", None),
        ("December 2015", "wettest", "pass", None),  # a date, marked because a claim names it
    }
    [twenty] = [m for m in marks(paragraphs) if m.text == "20,000"]
    assert twenty.others == ("headline",)
    assert unshown == ["lost"]
    # "Article 337" is in a quote but no claim asserts it: plain text, not a mark.
    assert "Article 337" in "".join(p for para in paragraphs for p in para if isinstance(p, str))


def test_paragraphs_keep_the_text_whole() -> None:
    paragraphs, _ = annotate(TEXT, TYPED)
    assert len(paragraphs) == 3
    rebuilt = "\n\n".join(
        "".join(p if isinstance(p, str) else p.text for p in para) for para in paragraphs
    )
    assert rebuilt == TEXT


def test_html_marks_are_escaped_and_testable(report: dict[str, Any]) -> None:
    file = report["claims"][0]["file"]
    report["claims"] = [{**c, "file": file} for c in CLAIMS]
    report["summary"] = {"pass": 3, "warn": 1, "fail": 1, "error": 1, "skip": 1}
    report["sources"] = [{"file": file, "title": "T", "text": "a.txt", "article": TEXT}]
    html = render("html", report)
    assert "<b>& more" not in html and "cases &lt;b&gt;&amp; more&lt;/b&gt;." in html
    found = re.findall(r'<mark class="[^"]*" data-claim="([a-z_0-9]+)" data-verdict="(\w+)"', html)
    assert ("band", "error") in found and ("headline_hand", "fail") in found
    assert html.count('data-verdict="unchecked"') == 1
    # The article comes before the claim cards, and each mark links to its claim's card.
    assert html.index('class="article-text"') < html.index('id="claim-band"')
    assert '<a href="#claim-band">the check</a>' in html
    assert 'data-evidence="proxy"' in html and "Checked, but not pinned" in html


def test_markdown_quotes_the_sentences_that_fail_or_warn(report: dict[str, Any]) -> None:
    file = report["claims"][0]["file"]
    report["claims"] = [{**c, "file": file} for c in CLAIMS]
    report["sources"] = [{"file": file, "article": TEXT}]
    text = render("markdown", report)
    assert "> The majority of them, 18,159 cases, fall under Article 337.\n" in text
    assert "- ⚠️ **warn** `majority`: why majority" in text
    assert "> Headline: over 20,000 cases &lt;b&gt;&amp; more&lt;/b&gt;." in text
    quoted = re.split(r"\n\*\*\d+ claims?:", text.split("**In the article:**")[1])[0]
    assert "`total_337`" not in quoted and "`wettest`" not in quoted  # they pass
    assert "`lost`" not in quoted  # a skip is not a problem


def test_quoted_sentence_falls_back_to_the_quote() -> None:
    assert quoted_sentences(TEXT, TYPED[-1]) == ["a quote that is not in the text"]
    assert quoted_sentences(TEXT, TYPED[4]) == [
        "Courts issued between 700 and 800 verdicts; the wettest month was December 2015."
    ]


def test_wrapped_lines_join_and_short_lines_stay() -> None:
    text = (
        "A headline\nArticle\n26 June 2025, 16:47\n\n"
        "Courts received 12 cases in a long hard-wrapped line of prose, and\n"
        "38 decisions for every working day, which is a lot of work.\nNotes:\nsee the table."
    )
    paragraphs, _ = annotate(text, [])
    shown = ["".join(p if isinstance(p, str) else p.text for p in para) for para in paragraphs]
    assert shown[0] == "A headline\nArticle\n26 June 2025, 16:47"  # a dateline stays a line
    assert "prose, and 38 decisions" in shown[1]  # a wrapped line joins, even before a digit
    assert "of work.\nNotes:\nsee the table." in shown[1]  # a capital, a short line: kept
