"""Coverage of an article by its claims (`articles.py`), the figures found in its text
(`figures.py`), and `factcheck extract`'s draft claims (`extract.py`)."""

from factcheck.coverage.articles import (
    ArticleCoverage,
    article_coverage,
    project_coverage,
    quote_spans,
    render_text,
)
from factcheck.coverage.extract import draft_claims, guess_phrase, phrase_end
from factcheck.coverage.figures import REQUIRED, Figure, find_figures, sentence_around

__all__ = [
    "REQUIRED",
    "ArticleCoverage",
    "Figure",
    "article_coverage",
    "draft_claims",
    "find_figures",
    "guess_phrase",
    "phrase_end",
    "project_coverage",
    "quote_spans",
    "render_text",
    "sentence_around",
]
