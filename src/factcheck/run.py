"""The pipeline: load -> validate -> plan -> compute -> judge -> report.

`run_check` is what the CLI, the pytest plugin and the lock/drift commands
call. It returns the report (a typed RunReport, rendered by factcheck.report) and
the exit code; configuration problems come back instead of a report.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck import __version__
from factcheck.exitcodes import ExitCode, exit_code
from factcheck.load.limits import Policy, in_force
from factcheck.load.project import load_project
from factcheck.load.references import dependency_order
from factcheck.load.spec import ClaimSpec, Project, claims_used
from factcheck.problems import Location, Problems
from factcheck.results import (
    EVIDENCE,
    VERDICTS,
    ClaimResult,
    Coverage,
    DatasetReport,
    RunReport,
    SourceReport,
    Summary,
    UncoveredFigure,
    Verdict,
)

if TYPE_CHECKING:
    from factcheck.engines import Engine
    from factcheck.engines.base import MetricResult
    from factcheck.plan import MetricKey
    from factcheck.validate import DatasetResult


@dataclass
class Options:
    root: Path = Path(".")
    select: tuple[str, ...] = ()  # claim ids
    tags: tuple[str, ...] = ()
    strict: bool = False
    engine: str | None = None  # default: [tool.factcheck] engine, else duckdb
    progress: Callable[[str], None] | None = None
    policy: Policy = field(default_factory=Policy)  # --no-python-schemas, --limit
    files: tuple[Path, ...] | None = None  # only these claims files (factcheck suggest)


@dataclass
class Outcome:
    exit_code: ExitCode
    problems: Problems
    report: RunReport | None = None
    project: Project | None = None
    timings: dict[str, float] = field(default_factory=dict)
    # Each dataset as validated (rows, failures; `frame` when validated in pandas), for a
    # command that reuses the run's validated data (gx-export). Closed: no live session.
    datasets: dict[str, DatasetResult] = field(default_factory=dict)


def selection_problems(project: Project, options: Options, problems: Problems) -> None:
    ids = {c.id for c in project.claims}
    for wanted in options.select:
        if wanted not in ids:
            problems.add(Location("--select"), "no claim has this id", wanted)
    tags = {t for c in project.claims for t in c.tags}
    for wanted in options.tags:
        if wanted not in tags:
            problems.add(Location("--tag"), "no claim has this tag", wanted)


def run_check(options: Options) -> Outcome:
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = now - clock
        clock = now

    only = list(options.files) if options.files is not None else None
    project, problems = load_project(options.root, only_files=only, policy=options.policy)
    selection_problems(project, options, problems)
    engine = _engine(project, options, problems)
    lap("load")
    if problems or engine is None:
        return Outcome(ExitCode.CONFIG, problems, project=project, timings=timings)

    from factcheck.validate import load_schema

    limits = project.settings.limits
    schemas = {name: load_schema(spec, problems, limits) for name, spec in project.datasets.items()}
    if problems:
        return Outcome(ExitCode.CONFIG, problems, project=project, timings=timings)
    results: dict[str, DatasetResult] = {}
    for name, spec in project.datasets.items():  # each where the engine wants its rows
        _say(options, f"validating {spec.rel_path}")
        result = engine.validate(spec, schemas[name], problems, limits)
        if result is not None:
            results[name] = result
    if problems:  # a file that cannot be read: every such file is named
        _close(results)
        return Outcome(ExitCode.CONFIG, problems, project=project, timings=timings)
    lap("validate")

    from factcheck.judging import judge_claims

    claims = dependency_order(project.claims)
    needed = _needed(claims, options)
    with in_force(limits):  # a where/expr tree deeper than usual is walked here again
        try:
            computed = _compute(engine, claims, needed, results, options)
        finally:
            _close(results)
        lap("compute")
        judged = judge_claims(claims, needed, options, computed, results)
    lap("judge")

    by_id = {c.id: c for c in project.claims}
    entries = [judged[c.id] for c in project.claims]
    summary = {v: 0 for v in VERDICTS}
    for entry in entries:
        summary[entry.verdict] += 1
    invalid = sum(1 for r in results.values() if not r.valid)
    code = exit_code(summary, strict=options.strict, invalid_datasets=invalid)
    schema_hashes = {
        name: hashlib.sha256(spec.schema_path.read_bytes()).hexdigest()
        for name, spec in project.datasets.items()
        if spec.schema_path is not None
    }  # read each schema once, not once per claim
    for entry in entries:
        entry.fingerprint = fingerprint(by_id[entry.id], by_id, schema_hashes)
    report = RunReport(
        factcheck_version=__version__,
        generated=_generated(),
        python=platform.python_version(),
        platform=platform.platform(terse=True),
        root=str(project.root),
        git_commit=_git_commit(project.root),
        engine=_engine_name(project, options),
        strict=options.strict,
        exit_code=int(code),
        summary=Summary(summary, evidence_counts(entries)),
        sources=_sources(project),
        claims=entries,
        datasets=[DatasetReport.from_dict(results[name].as_report()) for name in project.datasets],
    )
    lap("report")
    # Typed from here on: formats, lock and history read the model; JSON is its as_dict.
    return Outcome(code, problems, report, project, timings, results)


def _close(results: dict[str, DatasetResult]) -> None:
    for result in results.values():
        result.close()


def evidence_counts(entries: list[ClaimResult]) -> dict[str, dict[str, int]]:
    """Verdicts per evidence kind, so a reader sees how many passes rest on independent
    data. Skipped claims have no evidence and are not counted here."""
    out = {kind: {v: 0 for v in VERDICTS if v != Verdict.SKIP} for kind in EVIDENCE}
    for entry in entries:
        if entry.evidence is not None and entry.verdict != Verdict.SKIP:
            out[entry.evidence][entry.verdict] += 1
    return out


def _say(options: Options, message: str) -> None:
    if options.progress is not None:
        options.progress(message)


def _needed(claims: list[ClaimSpec], options: Options) -> set[str]:
    """Selected claims plus the claims their expressions reference."""
    by_id = {c.id: c for c in claims}
    needed: set[str] = set()

    def add(claim: ClaimSpec) -> None:
        if claim.id in needed:
            return
        needed.add(claim.id)
        for name in claim.references():
            if name in by_id:
                add(by_id[name])

    for claim in claims:
        if claim.selected(options.select, options.tags) and claim.kind in ("metric", "expr"):
            add(claim)
    return needed


def _engine_name(project: Project, options: Options) -> str:
    return options.engine or project.settings.engine


def _engine(project: Project, options: Options, problems: Problems) -> Engine | None:
    """The chosen engine, or None after recording why it cannot be used (an unknown name
    in pyproject.toml, an optional extra not installed): found before any data is read."""
    from factcheck.engines import EngineUnavailable, engine_names, get_engine

    name = _engine_name(project, options)
    if name not in engine_names():
        return None  # an unknown name in pyproject.toml: already a load problem
    try:
        return get_engine(name)
    except EngineUnavailable as exc:
        where = Location("--engine") if options.engine else project.settings.engine_loc
        problems.add(where, str(exc), name)
        return None


def _compute(
    engine: Engine,
    claims: list[ClaimSpec],
    needed: set[str],
    results: dict[str, DatasetResult],
    options: Options,
) -> dict[MetricKey, MetricResult]:
    from factcheck.plan import make_plan

    plan = make_plan([c for c in claims if c.id in needed])
    computed: dict[MetricKey, MetricResult] = {}
    for dataset, scans in plan.scans.items():
        result = results[dataset]
        if not result.valid:
            continue
        _say(options, f"computing {len(scans)} scans on {dataset}")
        computed.update(engine.compute(result.source(), scans))
    return computed


def _sources(project: Project) -> list[SourceReport]:
    """Each claims file's article, with how many of its figures the claims' quotes hold."""
    from factcheck.coverage import project_coverage

    out = []
    for source, coverage in zip(project.sources, project_coverage(project), strict=True):
        entry = SourceReport(
            source.file, source.title, source.publisher, source.published, source.url, source.text
        )
        if coverage.text_file is not None:
            entry.coverage = Coverage(
                file=coverage.text_file,  # the article, relative to the project root
                figures=len(coverage.required),
                covered=len(coverage.required) - len(coverage.uncovered),
                uncovered=[UncoveredFigure(f.text, f.line, f.col) for f in coverage.uncovered],
                missing_quotes=[c.id for c in coverage.missing_quotes],
            )
            # The text itself, so the HTML report can show the article annotated and a
            # report rendered later from JSON still has it.
            entry.article = (project.root / coverage.text_file).read_text(encoding="utf-8")
        out.append(entry)
    return out


def fingerprint(
    claim: ClaimSpec, by_id: dict[str, ClaimSpec], schema_hashes: dict[str, str]
) -> str:
    """A hash of what a claim's figure depends on: its definition, the definitions of the
    claims its expression uses (transitively), and its datasets' schemas."""
    used = claims_used(claim, by_id)
    datasets = sorted({m.dataset for c in [claim, *used] for m in c.planned_metrics()})
    schemas = {name: schema_hashes[name] for name in datasets if name in schema_hashes}
    body: dict[str, object] = {"claim": claim.raw, "schemas": schemas}
    if used:  # absent otherwise, so locks of claims without references keep their hashes
        body["uses"] = {c.id: c.raw for c in used}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def _generated() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        datetime.fromtimestamp(int(epoch), UTC) if epoch and epoch.isdigit() else datetime.now(UTC)
    )
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _git_commit(root: Path) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "HEAD"],
            capture_output=True, text=True, timeout=5, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None if done.returncode == 0 else None
