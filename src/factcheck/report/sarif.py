"""SARIF 2.1.0: each claim that fails, errors or warns is a result at its YAML file and line,
so code-scanning views (GitHub, GitLab, VS Code) annotate the claim where it is written.

One rule per non-passing verdict (`factcheck/fail`, `factcheck/error`, `factcheck/warn`);
the result's message is the claim's explanation; its partial fingerprint is the claim's
fingerprint, so an alert survives the claim moving to another line.
"""

from __future__ import annotations

import json

from factcheck.report._common import (
    drift_place,
    drift_reason,
    drifted,
    prepare,
    uncovered_figures,
)
from factcheck.results import ClaimResult, DriftItem, JsonObject, RunReport, UncoveredFigure

LEVELS = {"fail": "error", "error": "error", "warn": "warning"}
RULES = {
    "fail": ("claim-contradicted", "The data contradicts the published figure."),
    "error": ("claim-not-computed", "The claim's figure could not be computed."),
    "warn": ("claim-loose", "The data supports the published figure only loosely."),
}
# A figure of the article that no claim's quote holds (see factcheck coverage).
UNCOVERED = ("figure-without-claim", "A figure in the article has no claim checking it.")
# Under --locked: a claim whose figure, verdict or definition moved since the lock.
DRIFT = ("claim-drifted", "The claim moved since factcheck.lock (figure, verdict or definition).")
RULE_IDS = [f"factcheck/{verdict}" for verdict in RULES] + [
    "factcheck/uncovered",
    "factcheck/drift",
]


def render(report: RunReport | JsonObject, *, information_uri: str | None = None) -> str:
    """information_uri: the tool's home page, shown by viewers (optional)."""
    report = prepare(report)
    rules: list[JsonObject] = [
        {
            "id": f"factcheck/{verdict}",
            "name": name,
            "shortDescription": {"text": text},
            "defaultConfiguration": {"level": LEVELS[verdict]},
        }
        for verdict, (name, text) in RULES.items()
    ]
    rules.append(
        {
            "id": "factcheck/uncovered",
            "name": UNCOVERED[0],
            "shortDescription": {"text": UNCOVERED[1]},
            "defaultConfiguration": {"level": "warning"},
        }
    )
    rules.append(
        {
            "id": "factcheck/drift",
            "name": DRIFT[0],
            "shortDescription": {"text": DRIFT[1]},
            "defaultConfiguration": {"level": "error"},
        }
    )
    results = [_result(claim) for claim in report.claims if claim.verdict in LEVELS]
    results += [_uncovered(file, figure) for file, figure in uncovered_figures(report)]
    results += [_drift(report, item) for item in drifted(report)]
    driver: dict[str, object] = {"name": "factcheck", "rules": rules}
    if report.factcheck_version:
        driver["version"] = report.factcheck_version
    if information_uri:
        driver["informationUri"] = information_uri
    run = {
        "tool": {"driver": driver},
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {
            "summary": report.summary.as_dict(),
            "exit_code": report.exit_code,
            # Not versionControlProvenance: that needs the repository's URI, which we lack.
            "git_commit": report.git_commit,
            "generated": report.generated,
        },
    }
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _result(claim: ClaimResult) -> JsonObject:
    verdict = claim.verdict
    rule_id = f"factcheck/{verdict}"
    return {
        "ruleId": rule_id,
        "ruleIndex": RULE_IDS.index(rule_id),
        "level": LEVELS[verdict],
        # SARIF viewers show only the message: it must stand alone, so it names the claim.
        "message": {"text": claim.explanation or f"{claim.id}: {verdict}"},
        "locations": [_at_claim(claim.file, max(1, claim.line), claim.id)],
        "partialFingerprints": {"claimFingerprint/v1": claim.fingerprint or claim.id},
        "properties": {
            "claim_id": claim.id,
            "verdict": str(verdict),
            "claim": claim.claim,
            "quote": claim.quote,
            "actual": claim.actual,
            "circular": claim.circular,
            "evidence": claim.evidence_kind,
            "readings": [r.as_dict() for r in claim.readings],
        },
    }


def _at_claim(file: str, line: int, claim_id: str) -> JsonObject:
    """A location: the claim's line in its YAML file, named by the claim's id."""
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": file, "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": line},
        },
        "logicalLocations": [{"name": claim_id, "kind": "claim"}],
    }


def _drift(report: RunReport, item: DriftItem) -> JsonObject:
    file, line = drift_place(report, item)
    return {
        "ruleId": "factcheck/drift",
        "ruleIndex": RULE_IDS.index("factcheck/drift"),
        "level": "error",
        "message": {"text": f"{item.id} drifted since the lock: {drift_reason(item)}"},
        "locations": [_at_claim(file, line, item.id)],
        "partialFingerprints": {"claimDrift/v1": item.id},
        "properties": {"claim_id": item.id, "drift": item.as_dict()},
    }


def _uncovered(file: str, figure: UncoveredFigure) -> JsonObject:
    return {
        "ruleId": "factcheck/uncovered",
        "ruleIndex": RULE_IDS.index("factcheck/uncovered"),
        "level": "warning",
        "message": {"text": f'"{figure.text}" in the article is in no claim\'s quote'},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": file, "uriBaseId": "%SRCROOT%"},
                    "region": {
                        "startLine": max(1, figure.line),
                        "startColumn": max(1, figure.col),
                        "endColumn": max(1, figure.col) + len(figure.text),
                    },
                },
            }
        ],
        "partialFingerprints": {"uncoveredFigure/v1": f"{file}:{figure.text}"},
    }
