"""JUnit XML: one testcase per claim, so any CI server lists claims as tests.

- one testsuite per claims file, with its counts and, as properties, the factcheck
  version, the git commit and the sha256 of every dataset its claims read;
- testcase: classname = the claims file, name = the claim id, file and line attributes;
- fail -> <failure message=explanation>, error -> <error>, skip -> <skipped message=reason>;
  warn passes (its explanation in system-out) unless the run was strict, then it fails.

Validated against `schemas/junit.xsd` (the Jenkins junit-10.xsd structure; `file`/`line`
are the one extension, dropped with `locations=False`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from factcheck.report._common import (
    actual,
    by_file,
    drift_place,
    drift_reason,
    drifted,
    prepare,
    reading_lines,
)
from factcheck.results import ClaimResult, DatasetReport, JsonObject, RunReport

# Characters XML 1.0 cannot carry at all (not even escaped): dropped, or the file is unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: object) -> str:
    return _NOT_XML.sub("", "" if value is None else str(value))


def render(
    report: RunReport | JsonObject, *, strict: bool | None = None, locations: bool = True
) -> str:
    """strict: warn counts as a failure (default: the run's own `strict`);
    locations: write testcase file/line (GitLab, pytest) — off for junit-10.xsd validators."""
    report = prepare(report)
    strict = report.strict if strict is None else strict
    datasets = {d.name: d for d in report.datasets}
    suites = ET.Element("testsuites", name="factcheck")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for file, claims in by_file(report).items():
        suite = ET.SubElement(suites, "testsuite", name=_text(file))
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        props = ET.SubElement(suite, "properties")
        _properties(props, report, claims, datasets)
        for claim in claims:
            counts["tests"] += 1
            outcome = _case(suite, file, claim, strict, locations)
            if outcome:
                counts[outcome] += 1
        for key, value in counts.items():
            suite.set(key, str(value))
        suite.set("time", "0")
        if report.generated:
            suite.set("timestamp", report.generated)
        for key in totals:
            totals[key] += counts[key]
    if drifted(report):
        totals["tests"] += len(drifted(report))
        totals["failures"] += len(drifted(report))
        _drift_suite(suites, report, locations)
    for key, value in totals.items():
        suites.set(key, str(value))
    ET.indent(suites)
    body = ET.tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _drift_suite(suites: ET.Element, report: RunReport, locations: bool) -> None:
    """Under --locked, one failing testcase per claim that drifted since the lock, in a
    suite named after the lock, so a CI server lists each drift as a failed test."""
    lock = _text((report.drift.lock if report.drift else None) or "factcheck.lock")
    items = drifted(report)
    suite = ET.SubElement(
        suites, "testsuite", name=lock, tests=str(len(items)), failures=str(len(items))
    )
    suite.set("errors", "0")
    suite.set("skipped", "0")
    suite.set("time", "0")
    if report.generated:
        suite.set("timestamp", report.generated)
    for item in items:
        case = ET.SubElement(suite, "testcase", classname=lock, name=_text(f"drift: {item.id}"))
        if locations:
            file, line = drift_place(report, item)
            case.set("file", _text(file))
            case.set("line", str(line))
        case.set("time", "0")
        reason = _text(drift_reason(item))
        failure = ET.SubElement(case, "failure", message=reason, type="drift")
        failure.text = _text(f"{item.id} drifted since {lock}: {drift_reason(item)}")


def _properties(
    props: ET.Element,
    report: RunReport,
    claims: list[ClaimResult],
    datasets: dict[str, DatasetReport],
) -> None:
    def prop(name: str, value: object) -> None:
        ET.SubElement(props, "property", name=name, value=_text(value))

    prop("factcheck.version", report.factcheck_version or "")
    if report.git_commit:
        prop("git.commit", report.git_commit)
    used = {name for claim in claims for name in claim.datasets}
    # Catalog order, not set order: the file must come out byte-identical on every run.
    for name, dataset in datasets.items():
        if name in used:
            if dataset.is_database:
                prop(f"dataset.{name}.fingerprint", dataset.fingerprint)
            else:
                prop(f"dataset.{name}.sha256", dataset.sha256 or "")


def _case(
    suite: ET.Element, file: str, claim: ClaimResult, strict: bool, locations: bool
) -> str | None:
    """Write one testcase; return the suite counter it adds to, if any."""
    case = ET.SubElement(suite, "testcase", classname=_text(file), name=_text(claim.id))
    if locations:
        case.set("file", _text(file))
        case.set("line", str(max(1, claim.line)))
    case.set("time", "0")
    verdict = claim.verdict
    message = _text(claim.explanation)
    detail = _text(
        f"{file}:{claim.line}: {verdict}\nquote: {claim.quote}\n"
        f"claimed: {claim.claim}\nactual: {actual(claim.actual, 40)}\n"
        + (f"rule: {claim.rule}\n" if claim.rule else "")
        + (f"evidence: {claim.evidence_kind}\n" if claim.evidence_kind else "")
        + "".join(f"reading {line}\n" for line in reading_lines(claim))
        + message
    )
    if verdict == "fail" or (verdict == "warn" and strict):
        ET.SubElement(case, "failure", message=message, type=verdict).text = detail
        return "failures"
    if verdict == "error":
        ET.SubElement(case, "error", message=message, type="error").text = detail
        return "errors"
    if verdict == "skip":
        ET.SubElement(case, "skipped", message=_text(claim.reason or message))
        return "skipped"
    ET.SubElement(case, "system-out").text = detail
    return None
