"""Report formats: each renders the run's report dict (the JSON superset) to text.

Renderers are imported only when used, so choosing `--format json` never
imports jinja2 or the HTML machinery.
"""

from __future__ import annotations

import importlib
from typing import Any

FORMATS = {
    "text": "factcheck.report.text",
    "json": "factcheck.report.json_",
    "junit": "factcheck.report.junit",
    "markdown": "factcheck.report.markdown",
    "html": "factcheck.report.html",
    "sarif": "factcheck.report.sarif",
    "github": "factcheck.report.github",
    "claimreview": "factcheck.report.claimreview",
}


def render(name: str, report: dict[str, Any], **options: Any) -> str:
    module = importlib.import_module(FORMATS[name])
    return module.render(report, **options)
