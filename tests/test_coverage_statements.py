"""factcheck.coverage: comparisons and trends stated without digits are figures to cover."""

from __future__ import annotations

import pytest

from factcheck.coverage import ArticleCoverage, Figure, find_figures, guess_phrase


def statements(text: str) -> list[str]:
    return [f.text for f in find_figures(text) if f.kind == "statement"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("investigators have once again returned to peak activity", ["peak"]),
        ("the rise in case numbers is not purely procedural", ["rise"]),
        ("cases rose sharply; numbers are rising", ["rose", "rising"]),
        ("where only a small proportion of cases reach court", ["only a small proportion"]),
        ("a small share of them", ["a small share"]),
        ("with Ukraine not far behind", ["not far behind"]),
        ("Ukraine is far behind", ["far behind"]),
        ("amendments have increased the penalty", ["increased"]),
        ("Рост числа дел", ["Рост"]),
        ("лишь небольшая доля дел доходит до суда", ["лишь небольшая доля"]),
        ("Украина ненамного отстаёт", ["ненамного отстаёт"]),
        ("Украина не сильно отстаёт", ["не сильно отстаёт"]),
        ("пик пришёлся на июль; число дел выросло", ["пик", "выросло"]),
        # words that only start like one
        ("a pikeman, a prisoner, the Peaky Blinders", []),
        ("пикет у суда в Ростове", []),
        ("a surprise increase", ["increase"]),
    ],
)
def test_statements_are_found(text: str, found: list[str]) -> None:
    assert statements(text) == found


def test_a_statement_is_required_and_never_guessed() -> None:
    text = "Following record numbers, prosecutors returned to peak activity."
    figures = find_figures(text)
    assert [(f.kind, f.text) for f in figures] == [("word", "record"), ("statement", "peak")]
    article = ArticleCoverage("claims/a.yaml", "claims/a.txt", figures)
    assert [f.text for f in article.uncovered] == ["record", "peak"]
    peak = next(f for f in figures if f.kind == "statement")
    # No phrase reads "peak": an editor must say what it means (a record month, a ratio).
    assert guess_phrase(text, peak) == "TODO"
    covered = ArticleCoverage(
        "claims/a.yaml", "claims/a.txt", [Figure(**{**vars(peak), "claims": ("peak_claim",)})]
    )
    assert covered.uncovered == []
