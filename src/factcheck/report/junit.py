"""JUnit XML: one testcase per claim, so any CI server shows claims as tests.

classname is the claims file, name the claim id; fail -> <failure>, error ->
<error>, skip -> <skipped>; warn passes (with its explanation in system-out)
unless the run was strict.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from factcheck.report._common import actual, by_file


def render(report: dict[str, Any], **_: Any) -> str:
    strict = bool(report.get("strict"))
    suites = ET.Element("testsuites", name="factcheck")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for file, claims in by_file(report).items():
        suite = ET.SubElement(suites, "testsuite", name=file, timestamp=report["generated"])
        props = ET.SubElement(suite, "properties")
        for dataset in report["datasets"]:
            ET.SubElement(
                props, "property", name=f"dataset.{dataset['name']}.sha256", value=dataset["sha256"]
            )
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for claim in claims:
            counts["tests"] += 1
            case = ET.SubElement(
                suite,
                "testcase",
                classname=file,
                name=claim["id"],
                file=file,
                line=str(claim["line"]),
                time="0",
            )
            message = claim["explanation"]
            detail = (
                f"{file}:{claim['line']}: {claim['verdict']}: {claim['quote']}\n"
                f"claimed: {claim['claim']}\nactual: {actual(claim['actual'])}\n{message}"
            )
            verdict = claim["verdict"]
            if verdict == "fail" or (verdict == "warn" and strict):
                counts["failures"] += 1
                ET.SubElement(case, "failure", message=message, type=verdict).text = detail
            elif verdict == "error":
                counts["errors"] += 1
                ET.SubElement(case, "error", message=message, type="error").text = detail
            elif verdict == "skip":
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", message=claim.get("reason") or message)
            else:
                ET.SubElement(case, "system-out").text = detail
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        suites.set(key, str(value))
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )
