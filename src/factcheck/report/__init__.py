"""Report formats: each renders the run's typed report (`factcheck.results.RunReport`).

`FORMATS` maps a format name to the module that renders it; every module has one
`render(report, **options) -> str`, taking the model or a JSON report (read into the
model first, by `RunReport.from_dict`). Modules are imported only when used, so importing
this package (or choosing `--format json`) never imports jinja2 or the HTML machinery.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.results import JsonObject, RunReport

FORMATS: dict[str, str] = {
    "text": "factcheck.report.text",
    "json": "factcheck.report.json_",
    "junit": "factcheck.report.junit",
    "markdown": "factcheck.report.markdown",
    "html": "factcheck.report.html",
    "sarif": "factcheck.report.sarif",
    "github": "factcheck.report.github",
    "claimreview": "factcheck.report.claimreview",
}


def renderer(name: str) -> Callable[..., str]:
    """The `render` function of format `name` (KeyError for an unknown name)."""
    render: Callable[..., str] = importlib.import_module(FORMATS[name]).render
    return render


def render(name: str, report: RunReport | JsonObject, **options: object) -> str:
    """Format `name`'s rendering; `options` are that format's own (text's colour...)."""
    return renderer(name)(report, **options)
