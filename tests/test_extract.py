"""`factcheck extract` drafts (issue 13): one candidate per figure, phrases lint accepts."""

from __future__ import annotations

import re

import pytest

from factcheck.coverage import draft_claims
from factcheck.phrases import fit, parse_claim

ARTICLE = """Rain in Townsville (synthetic test text)

From 2012 to 2015 the station logged every day. Nearly one in three days was wet, and
the temperature topped 33C on 40 days. The wettest month was December 2015, a record
for the station. Rainfall in 2015 doubled, with more than twice the rain of 2014.
"""


def drafted(text: str) -> list[tuple[str, str]]:
    """(claim phrase, the comment naming its figure) for each candidate of the draft."""
    lines = draft_claims(text, "article.txt").splitlines()
    return [
        (lines[i + 3].split("claim: ", 1)[1].strip('"'), lines[i + 1])
        for i, line in enumerate(lines)
        if line.startswith("  - id: ")
    ]


def test_the_issue_13_cases() -> None:
    phrases = [phrase for phrase, _ in drafted(ARTICLE)]
    assert phrases == [
        "one in three",  # one figure: not "nearly one" and "one in three"
        "over 33",  # topped 33C
        "40",
        "2015-12",  # the wettest month was December 2015: the key month(col) gives
        "2015",
        "doubled",
        "more than twice",
        "2014",
    ]
    draft = draft_claims(ARTICLE, "article.txt")
    assert 'TODO"' not in draft.split("claims:", 1)[1]  # "record" drafts no TODO claim
    assert "'record' needs a series" in draft
    assert "between 2012" not in draft and "from 2012 to 2015" not in draft.split("quote")[0]
    assert "the wettest month: by: and over: argmax" in draft


def test_every_drafted_phrase_is_one_lint_accepts() -> None:
    for phrase, comment in drafted(ARTICLE):
        parsed = parse_claim(phrase)
        over = "argmax" if "argmax" in comment else None
        fit(parsed, over=over, expr=over is None and parsed.kind != "key")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Prices tripled since 2020.", "tripled"),
        ("Цены выросли вдвое.", "вдвое"),
        ("Температура превысила 35 градусов.", "более 35"),
        ("It exceeded 1,000 cases.", "over 1,000"),
    ],
)
def test_multipliers_and_lead_verbs(text: str, phrase: str) -> None:
    assert [p for p, _ in drafted(text)][:1] == [phrase]


def test_a_year_span_is_context_not_a_range_claim() -> None:
    assert drafted("Cases rose from 2012 to 2015.") == []
    assert [p for p, _ in drafted("Between 700 and 800 cases.")] == ["between 700 and 800"]


def test_draft_ids_stay_valid() -> None:
    ids = re.findall(r"^  - id: (\S+)$", draft_claims(ARTICLE, "a.txt"), re.M)
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids)
