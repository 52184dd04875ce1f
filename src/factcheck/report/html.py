"""A self-contained HTML report for auditors: one file, inline CSS and SVG, no script, no
network. Every claim shows its quote, source, rule, actual figure and computation step by
step; every dataset its hash, provenance and schema result. Text is escaped by jinja2's
autoescape, so a quote holding `<script>` is shown, never run.
"""

from __future__ import annotations

from typing import TypedDict

from factcheck.report._common import (
    VERDICTS,
    actual,
    by_file,
    coverage_gap,
    http_url,
    metric_text,
    number,
    prepare,
    problems_first,
    rounding_text,
    source_of,
    summary_line,
)
from factcheck.report.article import Paragraph
from factcheck.results import ClaimResult, JsonObject, RunReport, SourceReport


class Article(TypedDict):
    paragraphs: list[Paragraph]
    unshown: list[str]  # ids of claims no mark shows


def link(url: object) -> str | None:
    """A URL fit for href: http(s) only, so `javascript:` in a YAML file stays text (and
    `http://[`, which urlsplit refuses with ValueError, too: found by the property tests)."""
    return http_url(url)


def _article(source: SourceReport, claims: list[ClaimResult]) -> Article | None:
    """The article of a claims file, cut into paragraphs with its figures marked."""
    from factcheck.report.article import annotate

    text = source.article
    if text is None or not text.strip():
        return None
    paragraphs, unshown = annotate(text, claims)
    return {"paragraphs": paragraphs, "unshown": unshown}


def render(report: RunReport | JsonObject, *, title: str | None = None) -> str:
    """title: the page title (default: `factcheck report` and the articles' titles)."""
    import jinja2
    from markupsafe import Markup

    from factcheck.report.charts import chart

    report = prepare(report)
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("factcheck.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        number=number, actual=actual, rounding=rounding_text, metric=metric_text, link=link
    )
    # charts.py escapes every text it writes, so its SVG may go in unescaped.
    env.filters["chart"] = lambda claim: Markup(chart(claim))
    env.filters["coverage_gap"] = coverage_gap
    files = [(file, source_of(report, file), claims) for file, claims in by_file(report).items()]
    articles = {file: _article(source, claims) for file, source, claims in files}
    default_title = "factcheck report — " + "; ".join(
        source.title or file for file, source, _ in files
    )
    return env.get_template("report.html.j2").render(
        report=report,
        files=files,
        articles={file: a for file, a in articles.items() if a is not None},
        problems=problems_first(report.claims),
        invalid=[d for d in report.datasets if not d.valid],
        summary=summary_line(report),
        verdicts=VERDICTS,
        tally=report.summary.counts,
        total=report.summary.total,
        title=title or default_title,
    )
