"""Every claim, reading and schema check accounted for, in the export's own folder.

`factcheck-accounting.json` and `factcheck.html` beside Data Docs' index list each claim
(compiled into which suite and what GX found, or why not), each of a claim's other
readings (its figure and verdict, and the same), each schema check (the same), and each
suite (run, or empty and not run). The index opens with factcheck's own status, so an
auditor never reads a green GX index as the verdict of a run that failed: GX's suites
describe what could be compiled; factcheck judges every claim.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.export.claims_suite import plain, reading_label

if TYPE_CHECKING:
    import jinja2

    from factcheck.export.entries import Json, Report
    from factcheck.export.gx_site import Export, SuiteRun

ACCOUNTING_JSON = "factcheck-accounting.json"
ACCOUNTING_HTML = "factcheck.html"
_STATUS = {0: "passed", 1: "failed", 2: "could not be read", 3: "a dataset failed its schema"}

Ledger = dict[str, "Json"]  # one entry of the ledger, as JSON


def accounting(result: Export, report: Report) -> Ledger:
    """The export's ledger: every claim, reading, schema check and suite, with what became
    of it."""
    placed: dict[str, Ledger] = {}  # claim id or reading label -> where it went
    reasons: dict[str, list[str]] = {}  # ... or why it went nowhere, per dataset
    checks: list[Json] = []
    suites: list[Json] = []
    for dataset, runs in result.runs.items():
        suites += [_suite(run) for run in runs.all()]
        schema_run = runs.schema
        for label in schema_run.compiled.labels:
            checks.append(
                {"dataset": dataset, "check": label, "compiled": True, "suite": schema_run.suite,
                 "gx_success": label not in schema_run.unsuccessful}
            )  # fmt: skip
        for name, reason in schema_run.compiled.not_compiled:
            checks.append({"dataset": dataset, "check": name, "compiled": False, "reason": reason})
        for run in (runs.claims, runs.readings):
            if run is None:
                continue
            for label in run.compiled.labels:
                placed[label] = {
                    "compiled": True, "suite": run.suite,
                    "gx_success": label not in run.unsuccessful,
                }  # fmt: skip
            for label, reason in run.compiled.not_compiled:
                reasons.setdefault(label, []).append(f"{dataset}: {reason}")
    for label, reason in result.elsewhere:
        reasons.setdefault(label, [reason])

    def where(label: str) -> Ledger:
        if label in placed:
            return placed[label]
        return {"compiled": False, "reason": "; ".join(reasons.get(label, ["not exported"]))}

    claims: list[Json] = []
    for claim in report["claims"]:
        entry: Ledger = {
            "id": claim["id"], "file": claim.get("file"), "line": claim.get("line"),
            "quote": claim.get("quote"), "claim": claim.get("claim"),
            "verdict": claim.get("verdict"), "actual": claim.get("actual"),
            "explanation": claim.get("explanation"),
        }  # fmt: skip
        readings: list[Json] = [
            {
                "label": reading["label"],
                "claim": reading["claim"],
                "actual": reading["actual"],
                "verdict": reading["verdict"],
                "explanation": reading["explanation"],
            }  # fmt: skip
            | where(reading_label(claim["id"], reading["label"]))
            for reading in claim.get("readings") or []
        ]
        claims.append(entry | where(claim["id"]) | {"readings": readings})
    code = int(report["exit_code"])
    return {
        "factcheck_gx_export": 1,
        "check": {
            "exit_code": code,
            "status": _STATUS.get(code, str(code)),
            "summary": report["summary"],
        },  # fmt: skip
        "claims": claims,
        "schema_checks": checks,
        "suites": suites,
    }


def _suite(run: SuiteRun) -> Ledger:
    if not run.ran:
        note = "empty: nothing compiled, so not run (see the claims or checks listed)"
        return {"suite": run.suite, "expectations": 0, "ran": False, "note": note}
    return {
        "suite": run.suite,
        "expectations": len(run.compiled.expectations),
        "ran": True,
        "evaluated": run.evaluated,
        "successful": run.successful,
    }


def write_accounting(result: Export, report: Report, site: Path) -> Ledger:
    """The ledger as JSON and as a page beside the index, and the index's status banner."""
    ledger = accounting(result, report)
    (site / ACCOUNTING_JSON).write_text(
        json.dumps(ledger, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    env = _jinja()
    (site / ACCOUNTING_HTML).write_text(
        env.get_template("accounting.html.j2").render(ledger=ledger), encoding="utf-8"
    )
    index = site / "index.html"
    banner = env.get_template("banner.html.j2").render(ledger=ledger, page=ACCOUNTING_HTML)
    index.write_text(_insert_banner(index.read_text(encoding="utf-8"), banner), encoding="utf-8")
    return ledger


def _insert_banner(html: str, banner: str) -> str:
    """The banner at the top of the index's main column (after <body> if GX changes it)."""
    for anchor in ('<div class="col-md-10 col-lg-10 col-xs-12 pl-md-4 pr-md-3">', "<body>"):
        at = html.find(anchor)
        if at >= 0:
            at += len(anchor)
            return html[:at] + "\n" + banner + "\n" + html[at:]
    return banner + html


def _jinja() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("factcheck.export", "templates"),
        autoescape=True,
        keep_trailing_newline=True,
    )
    env.filters["figure"] = plain  # a reading's figure as a reader writes it
    return env
