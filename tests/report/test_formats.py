"""Every format parsed back on the fixture: JUnit and SARIF against their schemas, JSON
round-trips, Markdown table rows, GitHub commands, ClaimReview fields, the text report."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import jsonschema
import pytest
import xmlschema
from tests.report.conftest import PROBLEMS, SCHEMAS, SCRIPT, SCRIPT_ID

from factcheck.report import render


def claims_by(report, *verdicts):
    return [c for c in report["claims"] if c["verdict"] in verdicts]


# --- json ---------------------------------------------------------------------------------


def test_json_round_trips_in_order(report) -> None:
    text = render("json", report)
    assert json.loads(text) == report
    assert list(json.loads(text)) == list(report)  # key order kept, never sorted
    assert SCRIPT in text  # JSON is data: the quote is kept as published
    assert "Kyiv & <oblast>" in text  # ensure_ascii=False: no \u escapes in the file


# --- junit --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def junit_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMAS / "junit.xsd"))


def test_junit_valid_and_complete(report, junit_schema) -> None:
    text = render("junit", report)
    junit_schema.validate(text)
    root = ET.fromstring(text)
    # Contract section 8: a drifted claim is also a failing testcase, in the lock's suite.
    cases = {
        c.get("name"): c for c in root.iter("testcase") if c.get("classname") != "factcheck.lock"
    }
    assert list(cases) == [c["id"] for c in report["claims"]]
    for claim in report["claims"]:
        case = cases[claim["id"]]
        assert case.get("classname") == claim["file"] == case.get("file")
        assert case.get("line") == str(claim["line"])
        kinds = {child.tag for child in case} - {"system-out"}
        expected = {"fail": "failure", "error": "error", "skip": "skipped"}.get(claim["verdict"])
        assert kinds == ({expected} if expected else set()), claim["id"]
        if expected in ("failure", "error"):
            assert case.find(expected).get("message") == claim["explanation"]
        if expected == "skipped":
            assert case.find("skipped").get("message") == claim["reason"]
    drifts = len(report["drift"]["claims"])
    assert root.get("tests") == str(12 + drifts) and root.get("failures") == str(3 + drifts)
    assert root.get("errors") == "1"


def test_junit_suite_per_file_with_counts_and_hashes(report) -> None:
    root = ET.fromstring(render("junit", report))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    files = ["claims/nyc-flights-2013.yaml", "claims/mediazona-2025-06-26.yaml"]
    assert list(suites) == [*files, "factcheck.lock"]  # the last: drift under --locked
    mz = suites["claims/mediazona-2025-06-26.yaml"]
    assert (mz.get("tests"), mz.get("failures"), mz.get("errors"), mz.get("skipped")) == (
        "8", "2", "1", "1",
    )  # fmt: skip
    props = {p.get("name"): p.get("value") for p in mz.iter("property")}
    sha = {d["name"]: d["sha256"] for d in report["datasets"]}
    assert props["dataset.ua_courts.sha256"] == sha["ua_courts"]
    assert props["dataset.ru_verdicts.sha256"] == sha["ru_verdicts"]
    assert "dataset.flights.sha256" not in props  # only the data this file's claims read
    assert props["git.commit"] == report["git_commit"]


def test_junit_warn_fails_only_when_strict(report, junit_schema) -> None:
    drifts = len(report["drift"]["claims"])  # each drifted claim fails too (section 8)
    lax = ET.fromstring(render("junit", report))
    assert lax.get("failures") == str(3 + drifts)
    report["strict"] = True
    strict = render("junit", report)
    junit_schema.validate(strict)
    root = ET.fromstring(strict)
    assert root.get("failures") == str(5 + drifts)
    case = next(c for c in root.iter("testcase") if c.get("name") == "mean_dep_delay")
    assert case.find("failure").get("type") == "warn"
    report["strict"] = False
    assert ET.fromstring(render("junit", report, strict=True)).get("failures") == str(5 + drifts)


def test_junit_without_locations_is_plain_junit_10(report) -> None:
    """Without file/line, the output validates against the XSD minus its one extension."""
    xsd = (SCHEMAS / "junit.xsd").read_text(encoding="utf-8")
    schema = xmlschema.XMLSchema(_without_testcase_locations(xsd))
    text = render("junit", report, locations=False)
    schema.validate(text)
    assert ' line="' not in text
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        schema.validate(render("junit", report))


def _without_testcase_locations(xsd: str) -> str:
    start = xsd.index('<xs:element name="testcase">')
    end = xsd.index("</xs:element>", start)
    block = xsd[start:end]
    block = re.sub(r"\s*<!-- EXTENSION.*?-->", "", block)
    block = re.sub(r'\s*<xs:attribute name="(file|line)"[^>]*/>', "", block)
    return xsd[:start] + block + xsd[end:]


def test_junit_escapes_the_quote(report) -> None:
    text = render("junit", report)
    assert SCRIPT not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; left New York &amp; Newark" in text
    case = next(c for c in ET.fromstring(text).iter("testcase") if c.get("name") == SCRIPT_ID)
    assert SCRIPT in case.find("system-out").text  # parsed back, it is the text as published


def test_junit_drops_characters_xml_cannot_carry(report, junit_schema) -> None:
    report["claims"][0]["explanation"] = "bell\x07 and form feed\x0c"
    text = render("junit", report)
    junit_schema.validate(text)
    assert "bell and form feed" in text


# --- sarif --------------------------------------------------------------------------------


def test_sarif_valid_and_located(report) -> None:
    log = json.loads(render("sarif", report))
    schema = json.loads((SCHEMAS / "sarif-2.1.0-subset.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema, format_checker=jsonschema.FormatChecker())
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "factcheck"
    assert run["tool"]["driver"]["version"] == report["factcheck_version"]
    bad = claims_by(report, *PROBLEMS)
    results = [r for r in run["results"] if r["ruleId"] != "factcheck/drift"]
    assert len(results) == len(bad)
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for result, claim in zip(results, bad, strict=True):
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == claim["file"]
        assert location["region"]["startLine"] == claim["line"]
        assert result["level"] == ("warning" if claim["verdict"] == "warn" else "error")
        assert result["message"]["text"] == claim["explanation"]
        assert rules[result["ruleIndex"]] == result["ruleId"] == f"factcheck/{claim['verdict']}"


def test_sarif_subset_schema_rejects_what_sarif_rejects(report) -> None:
    schema = json.loads((SCHEMAS / "sarif-2.1.0-subset.json").read_text(encoding="utf-8"))
    log = json.loads(render("sarif", report))
    result = log["runs"][0]["results"][0]
    for broken in (
        {"level": "fatal"},
        {"locations": [{"physicalLocation": {"artifactLocation": {"uri": "x"},
                                             "region": {"startLine": 0}}}]},
        {"message": {}},
    ):  # fmt: skip
        bad = json.loads(json.dumps(log))
        bad["runs"][0]["results"][0] = {**result, **broken}
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


def test_sarif_against_the_full_object_model(report) -> None:
    """The complete SARIF 2.1.0 object model (sarif-pydantic, a test extra), if installed."""
    sarif_pydantic = pytest.importorskip("sarif_pydantic")
    log = sarif_pydantic.Sarif.model_validate(json.loads(render("sarif", report)))
    assert log.version == "2.1.0" and log.runs[0].tool.driver.name == "factcheck"


# --- markdown -----------------------------------------------------------------------------


def test_markdown_problems_first_then_counts_then_passes_folded(report) -> None:
    text = render("markdown", report)
    lines = text.splitlines()
    assert lines[0] == "### ❌ factcheck: 3 fail, 1 error, 2 warn of 12 claims"
    rows = [line for line in lines if line.startswith("| ") and "`" in line]
    assert len(rows) == len(claims_by(report, *PROBLEMS))
    verdicts = [row.split("|")[1].split()[-1] for row in rows]
    assert verdicts == ["fail"] * 3 + ["error"] + ["warn"] * 2
    header = lines.index("| verdict | claim | quote | claimed | actual | why |")
    assert header < lines.index("**12 claims: 5 pass, 2 warn, 3 fail, 1 error, 1 skip**")
    assert "<details><summary>5 passed</summary>" in text
    assert "- `ua_received_2025`: no public source counts" in text  # skips listed, with reason


def test_markdown_cells_cannot_break_the_table(report) -> None:
    text = render("markdown", report)
    row = next(line for line in text.splitlines() if "`ru_desertion`" in line)
    cells = re.split(r"(?<!\\)\|", row)[1:-1]
    assert len(cells) == 6  # the quote's pipe and newline stayed inside their cell
    assert "Desertion cases \\| the fastest-growing category reached 5,800" in row
    assert SCRIPT not in text


def test_markdown_all_clear() -> None:
    ok = {"summary": {"pass": 2, "skip": 1}, "claims": [], "datasets": []}
    assert render("markdown", ok).startswith("### ✅ factcheck: all 3 claims hold")


# --- github -------------------------------------------------------------------------------


COMMAND = re.compile(r"^::(error|warning) file=([^,]*),line=(\d+),title=([^:]*)::(.*)$")


def test_github_commands(report) -> None:
    lines = render("github", report).splitlines()
    commands = [COMMAND.match(line) for line in lines if line.startswith("::")]
    commands = [m for m in commands if not (m and m.group(4).startswith("factcheck drift"))]
    bad = claims_by(report, *PROBLEMS)
    assert all(commands) and len(commands) == len(bad)
    for match, claim in zip(commands, bad, strict=True):
        kind, file, line, title, message = match.groups()
        assert kind == ("warning" if claim["verdict"] == "warn" else "error")
        assert (file, int(line)) == (claim["file"], claim["line"])
        assert title == f"factcheck {claim['verdict']}%3A {claim['id']}"
        assert _unescape(message) == claim["explanation"]
    assert lines[-1] == "factcheck: 12 claims: 5 pass, 2 warn, 3 fail, 1 error, 1 skip"


def _unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def test_github_escaping_follows_the_toolkit() -> None:
    from factcheck.report.github import command

    line = command("error", "50%\r\nnext", file="a,b:c.yaml", line=3, title="x: y")
    assert line == "::error file=a%2Cb%3Ac.yaml,line=3,title=x%3A y::50%25%0D%0Anext"


def test_github_step_summary(report, tmp_path) -> None:
    from factcheck.report.github import write_step_summary

    target = tmp_path / "summary.md"
    target.write_text("earlier step\n", encoding="utf-8")
    assert write_step_summary(report, {"GITHUB_STEP_SUMMARY": str(target)}) == target
    text = target.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### ❌ factcheck:")  # appended, never overwritten
    assert write_step_summary(report, {}) is None


# --- claimreview --------------------------------------------------------------------------


def test_claimreview_fields(report) -> None:
    from factcheck.report.claimreview import RATINGS

    text = render("claimreview", report, url="https://desk.example.org/r/1", author="Desk")
    assert "<" not in text and "&" not in text  # safe inside <script type=application/ld+json>
    reviews = json.loads(text)
    assert [r["identifier"] for r in reviews] == [c["id"] for c in report["claims"]]
    for review, claim in zip(reviews, report["claims"], strict=True):
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"] == claim["quote"]
        assert review["url"] == f"https://desk.example.org/r/1#claim-{claim['id']}"
        assert review["author"] == {"@type": "Organization", "name": "Desk"}
        assert review["datePublished"] == "2026-11-25"
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert (rating["bestRating"], rating["worstRating"]) == (5, 1)
        assert rating["ratingExplanation"] == claim["explanation"]
        value, name = RATINGS[claim["verdict"]]
        if claim["circular"]:
            assert "ratingValue" not in rating and rating["alternateName"].startswith("Unconfirmed")
        elif value is None:
            assert "ratingValue" not in rating and rating["alternateName"] == name
        else:
            assert (rating["ratingValue"], rating["alternateName"]) == (value, name)
        appearance = review["itemReviewed"]["appearance"]
        assert appearance["@type"] == "NewsArticle"
        assert appearance["headline"] and appearance["url"].startswith("https://")
        assert appearance["publisher"]["@type"] == "Organization"
    assert reviews[0]["claimReviewed"].count(SCRIPT) == 1


def test_claimreview_options(report) -> None:
    reviews = json.loads(render("claimreview", report, include_unrated=False))
    ids = {r["identifier"] for r in reviews}
    assert ids.isdisjoint({"ua_cases_received", "ua_received_2025", "ru_prosecuted_total"})
    assert all("url" not in r and "author" not in r for r in reviews)  # never invented


# --- text ---------------------------------------------------------------------------------


def test_text_one_line_per_claim(report) -> None:
    text = render("text", report)
    assert "\033[" not in text
    lines = text.splitlines()
    assert lines[-1] == "12 claims: 5 pass, 2 warn, 3 fail, 1 error, 1 skip"
    assert lines[0].startswith("claims/nyc-flights-2013.yaml — New York's airports")
    line = next(x for x in lines if " jfk_every_month:" in x)
    assert line.startswith('  ✗ fail  jfk_every_month: "over 9,000" = 2013-01: 9,012;')
    assert line.endswith("— 2 of 12 groups fail 'over 9,000': 2013-02 (8,421), 2013-11 (8,710)")
    symbols = {x.split()[1] for x in lines if x.startswith("  ") and x.split()[0] in "✓!✗E-"}
    assert symbols == {"pass", "warn", "fail", "error", "skip"}
    desertion = next(x for x in lines if " ru_desertion:" in x)
    assert "category reached" not in desertion  # the quote's newline is not printed
    assert "dataset ua_courts (data/ua_courts.xlsx) failed its schema:" in lines
    assert any("greater_than_or_equal_to(0): 2 row(s), e.g. -1 (line 5)" in x for x in lines)
    assert "drift against factcheck.lock:" in lines


def test_text_quiet_and_verbose(report) -> None:
    quiet = render("text", report, quiet=True)
    assert " flights_total:" not in quiet and " ua_received_2025:" not in quiet
    shown = [x.split()[1] for x in quiet.splitlines() if x[:4].strip() in ("✓", "!", "✗", "E", "-")]
    assert sorted(shown) == ["error"] + ["fail"] * 3 + ["warn"] * 2
    verbose = render("text", report, verbose=True)
    for detail in (
        "rounding: half_up: fails, down: passes",
        "april_verdicts = sum(verdicts) of ru_verdicts where month = '2025-04': 30 rows",
        "working_days('RU', '2025-04-01', '2025-04-30') = 22",
        "by month(time_hour) over each",
        "groups: 2013-01: 9,012;",
        "rule: over 9,000: 9,000 < a < 10,000 passes",
    ):
        assert detail in verbose, detail


def test_text_verbose_skips_details_of_deselected_claims(report) -> None:
    claims = [{**c, "verdict": "skip", "reason": "not selected", "explanation": "not selected"}
              if c["id"] == "flights_total" else c for c in report["claims"]]  # fmt: skip
    lines = render("text", {**report, "claims": claims}, verbose=True).splitlines()
    # Issue 13: a deselected claim gets no line of its own, only a count per file.
    assert not any(" flights_total:" in x for x in lines)
    assert "  - 1 not selected" in lines


def test_text_shows_each_quote_shortened_to_the_width(report) -> None:
    claim = next(c for c in report["claims"] if c["id"] == "flights_total")
    wide = render("text", report).splitlines()
    at = next(i for i, x in enumerate(wide) if " flights_total:" in x)
    assert wide[at + 1] == f"      “{claim['quote']}”"
    narrow = render("text", report, width=40).splitlines()
    quotes = [x for x in narrow if x.startswith("      “")]
    assert quotes and all(len(x) <= 40 for x in quotes)
    assert narrow[at + 1] == "      “" + claim["quote"][: 40 - 6 - 3] + "…”"


def test_text_colour_only_when_asked(report) -> None:
    coloured = render("text", report, color=True)
    assert "\033[31m  ✗ fail \033[0m jfk_every_month" in coloured


# --- drift under --locked, in the formats that annotate (contract section 8) -------------------


def test_drift_in_junit_sarif_and_github(report, junit_schema) -> None:
    items = report["drift"]["claims"]
    assert items, "the fixture has drift"
    lines = {c["id"]: (c["file"], c["line"]) for c in report["claims"]}
    where = {i["id"]: lines.get(i["id"], ("factcheck.lock", 1)) for i in items}

    junit = render("junit", report)
    junit_schema.validate(junit)
    suite = next(
        s for s in ET.fromstring(junit).iter("testsuite") if s.get("name") == "factcheck.lock"
    )
    cases = list(suite.iter("testcase"))
    assert [c.get("name") for c in cases] == [f"drift: {i['id']}" for i in items]
    assert all(c.find("failure").get("type") == "drift" for c in cases)
    assert [(c.get("file"), int(c.get("line"))) for c in cases] == [where[i["id"]] for i in items]

    run = json.loads(render("sarif", report))["runs"][0]
    drift = [r for r in run["results"] if r["ruleId"] == "factcheck/drift"]
    got = [
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in drift
    ]
    assert got == [where[i["id"]] for i in items]
    assert "factcheck/drift" in [r["id"] for r in run["tool"]["driver"]["rules"]]

    github = [m for m in map(COMMAND.match, render("github", report).splitlines()) if m]
    drift_lines = [m for m in github if m.group(4).startswith("factcheck drift")]
    assert [(m.group(2), int(m.group(3))) for m in drift_lines] == [where[i["id"]] for i in items]
    assert all(m.group(1) == "error" for m in drift_lines)


def test_no_drift_section_no_drift_output(report) -> None:
    report["drift"] = None
    assert "drift" not in render("junit", report)
    assert "factcheck drift" not in render("github", report)
    run = json.loads(render("sarif", report))["runs"][0]
    assert all(r["ruleId"] != "factcheck/drift" for r in run["results"])
