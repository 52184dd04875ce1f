"""The contract's JSON report: the model's own JSON form (a superset of the contract)."""

from __future__ import annotations

import json

from factcheck.results import JsonObject, RunReport


def render(report: RunReport | JsonObject) -> str:
    # A report read from JSON is already its JSON form: written back as read, keys it
    # holds that this version does not know included. Key order is the model's (insertion
    # order), never sorted: the contract's keys come first and a diff of two runs lines up.
    data = report.as_dict() if isinstance(report, RunReport) else report
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
