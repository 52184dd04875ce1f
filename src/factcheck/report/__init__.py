"""Report formats: each renders the run's report dict (the JSON superset) to a string.

`FORMATS` maps a format name to the module that renders it; every module has one
`render(report, **options) -> str`. Modules are imported only when used, so importing
this package (or choosing `--format json`) never imports jinja2 or the HTML machinery.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

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
    return importlib.import_module(FORMATS[name]).render


def render(name: str, report: dict[str, Any], **options: Any) -> str:
    return renderer(name)(report, **options)
