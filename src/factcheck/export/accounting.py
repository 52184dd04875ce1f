"""Every claim and every schema check accounted for, in the export's own folder.

`factcheck-accounting.json` and `factcheck.html` beside Data Docs' index list each claim
(compiled into which suite and what GX found, or why not) and each schema check (the
same), and each suite (run, or empty and not run). The index opens with factcheck's own
status, so an auditor never reads a green GX index as the verdict of a run that failed:
GX's suites describe what could be compiled; factcheck judges every claim.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.export.gx_site import Export, SuiteRun

ACCOUNTING_JSON = "factcheck-accounting.json"
ACCOUNTING_HTML = "factcheck.html"
_STATUS = {0: "passed", 1: "failed", 2: "could not be read", 3: "a dataset failed its schema"}


def accounting(result: Export, report: dict[str, Any]) -> dict[str, Any]:
    """The export's ledger: every claim, schema check and suite, with what became of it."""
    placed: dict[str, dict[str, Any]] = {}  # claim id -> where it went
    checks: list[dict[str, Any]] = []
    suites: list[dict[str, Any]] = []
    for dataset, (schema_run, claims_run) in result.runs.items():
        for run in (schema_run, claims_run):
            suites.append(_suite(run))
        for label in schema_run.compiled.labels:
            checks.append(
                {"dataset": dataset, "check": label, "compiled": True, "suite": schema_run.suite,
                 "gx_success": label not in schema_run.unsuccessful}
            )  # fmt: skip
        for name, reason in schema_run.compiled.not_compiled:
            checks.append({"dataset": dataset, "check": name, "compiled": False, "reason": reason})
        for claim_id in claims_run.compiled.labels:
            placed[claim_id] = {
                "compiled": True, "suite": claims_run.suite,
                "gx_success": claim_id not in claims_run.unsuccessful,
            }  # fmt: skip
        for claim_id, reason in claims_run.compiled.not_compiled:
            entry = placed.setdefault(claim_id, {"compiled": False, "reasons": []})
            if not entry["compiled"]:
                entry["reasons"].append(f"{dataset}: {reason}")
    for claim_id, reason in result.elsewhere:
        placed.setdefault(claim_id, {"compiled": False, "reasons": [reason]})
    claims = []
    for claim in report["claims"]:
        where = placed.get(claim["id"], {"compiled": False, "reasons": ["not exported"]})
        if not where["compiled"]:
            where = {"compiled": False, "reason": "; ".join(where["reasons"])}
        claims.append(
            {key: claim.get(key) for key in
             ("id", "file", "line", "quote", "claim", "verdict", "actual", "explanation")}
            | where
        )  # fmt: skip
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


def _suite(run: SuiteRun) -> dict[str, Any]:
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


def write_accounting(result: Export, report: dict[str, Any], site: Path) -> dict[str, Any]:
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


def _jinja() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("factcheck.export", "templates"),
        autoescape=True,
        keep_trailing_newline=True,
    )
