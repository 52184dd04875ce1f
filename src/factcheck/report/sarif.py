"""SARIF 2.1.0: each claim that does not pass is a result at its YAML file and line,
so code-scanning views annotate the claim where it is written."""

from __future__ import annotations

import json
from typing import Any

from factcheck import __version__

LEVELS = {"fail": "error", "error": "error", "warn": "warning"}
RULES = {
    "fail": "the data contradicts the claim",
    "error": "the claim's figure could not be computed",
    "warn": "the data supports the claim only loosely",
}


def render(report: dict[str, Any], **_: Any) -> str:
    rules = [
        {"id": f"factcheck/{verdict}", "name": f"claim-{verdict}",
         "shortDescription": {"text": text},
         "defaultConfiguration": {"level": LEVELS[verdict]}}
        for verdict, text in RULES.items()
    ]  # fmt: skip
    results = []
    for claim in report["claims"]:
        verdict = claim["verdict"]
        if verdict not in LEVELS:
            continue
        results.append({
            "ruleId": f"factcheck/{verdict}",
            "level": LEVELS[verdict],
            "message": {"text": f"{claim['id']}: {claim['explanation']}"},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": claim["file"], "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": max(1, int(claim["line"]))},
            }}],
            "partialFingerprints": {"claimFingerprint/v1": claim.get("fingerprint", claim["id"])},
            "properties": {"claim": claim["claim"], "quote": claim["quote"],
                           "actual": claim["actual"]},
        })  # fmt: skip
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__,
                                "informationUri": "https://pypi.org/project/factcheck/",
                                "rules": rules}},
            "results": results,
            "properties": {"summary": report["summary"]},
        }],
    }  # fmt: skip
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
