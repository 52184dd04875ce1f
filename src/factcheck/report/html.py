"""A self-contained HTML report for auditors: inline CSS and SVG, no script, no network."""

from __future__ import annotations

from typing import Any

from factcheck.report._common import actual, by_file, number, source_of, summary_line


def render(report: dict[str, Any], **_: Any) -> str:
    from importlib.resources import files

    import jinja2
    from markupsafe import Markup

    from factcheck.report.charts import COLORS, chart

    env = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    env.filters["number"] = number
    env.filters["actual"] = actual
    env.filters["chart"] = lambda claim: Markup(chart(claim))  # built from escaped parts
    template = env.from_string(
        files("factcheck.report").joinpath("templates/report.html.j2").read_text("utf-8")
    )
    files_ = [(file, source_of(report, file), claims) for file, claims in by_file(report).items()]
    total = sum(report["summary"].values()) or 1
    return template.render(
        report=report,
        files=files_,
        summary=summary_line(report),
        colors=COLORS,
        total=total,
    )
