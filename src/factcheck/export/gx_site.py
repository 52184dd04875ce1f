"""Running the compiled suites in a file-based GX context in OUT/gx, and its Data Docs.

Nothing leaves the machine: analytics are off (`GX_ANALYTICS_ENABLED=False` before the
import and `analytics_enabled: false` in the context's config), no progress bars, nothing
is written outside OUT, and the Data Docs reference no network address (offline.py).
A suite with nothing compiled is not run: GX would show it green ("0 of 0"), which reads
as a pass; the accounting page lists it as empty instead. Stored results keep no
traceback or local path (GX keeps both when an expectation raises).
"""

from __future__ import annotations

import json
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, cast

from factcheck.export.claims_suite import compile_claims
from factcheck.export.schema_suite import Compiled, compile_schema

if TYPE_CHECKING:
    import pandas as pd
    from great_expectations.core.batch_definition import BatchDefinition
    from great_expectations.data_context import FileDataContext
    from pandera.api.pandas.container import DataFrameSchema

    from factcheck.export.entries import Report
    from factcheck.problems import Problems
    from factcheck.run import Outcome

DOCS_INDEX = Path("gx") / "uncommitted" / "data_docs" / "local_site" / "index.html"


@dataclass
class SuiteRun:
    suite: str
    compiled: Compiled
    evaluated: int = 0
    successful: int = 0
    unsuccessful: list[str] = field(default_factory=list)  # labels

    @property
    def ran(self) -> bool:
        return bool(self.compiled.expectations)


@dataclass
class DatasetRuns:
    """A dataset's suites: its schema's, its claims', and its claims' other readings'
    (only when some claim on it lists readings)."""

    schema: SuiteRun
    claims: SuiteRun
    readings: SuiteRun | None = None

    def all(self) -> list[SuiteRun]:
        return [self.schema, self.claims, *([self.readings] if self.readings else [])]


class ExportProblems(Exception):
    """A dataset's rows that GX needs cannot be read (a database table over the data_rows
    limit, a server gone since the run): each problem names its dataset. Nothing is
    written to OUT; the command prints them and exits 2."""

    def __init__(self, problems: Problems) -> None:
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


@dataclass
class Export:
    runs: dict[str, DatasetRuns]
    elsewhere: list[tuple[str, str]]  # claims (and readings) without a dataset
    index: Path  # Data Docs' index.html
    network_left: list[str] = field(default_factory=list)  # should stay empty


def import_gx() -> tuple[ModuleType, ModuleType]:
    """great_expectations and its expectations, analytics off before the first import."""
    from factcheck.validate import quiet_pyspark

    os.environ["GX_ANALYTICS_ENABLED"] = "False"
    with quiet_pyspark():  # GX imports pyspark when it is installed: a pandas-3 warning
        import great_expectations as gx
        import great_expectations.expectations as gxe

    return gx, gxe


def export(outcome: Outcome, out: Path) -> Export:
    """Compile, run and document every dataset's suites into OUT (which must be empty).
    ExportProblems, before anything is written, when a dataset's rows cannot be read."""
    from factcheck.validate import quiet_pyspark

    with warnings.catch_warnings(), quiet_pyspark():  # pandera's validate: pyspark.pandas
        # GX 1.9+ deprecates string row_conditions (kept: they read as the where does) and
        # pandas warns about a user's regex groups: neither is news for the auditor.
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        warnings.filterwarnings("ignore", message="This pattern is interpreted as a regular")
        return _export(outcome, out)


def _export(outcome: Outcome, out: Path) -> Export:
    from factcheck.export.accounting import write_accounting
    from factcheck.export.offline import make_offline

    gx, gxe = import_gx()
    project = outcome.project
    assert project is not None and outcome.report is not None  # a run that was checked
    report = cast("Report", outcome.report.as_dict())  # the JSON form: the contract's keys
    schemas, frames, problems = validated_frames(outcome)
    if problems:
        raise ExportProblems(problems)
    specs = {c.id: c for c in project.claims}
    compiled = compile_claims(report["claims"], specs, frames, schemas, gxe)
    schema_files = {d["name"]: d.get("schema") for d in report["datasets"]}

    out.mkdir(parents=True, exist_ok=True)
    context = _context(gx, out)
    source = context.data_sources.add_pandas("factcheck")
    runs: dict[str, DatasetRuns] = {}
    for name, frame in frames.items():
        batches = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(name)
        readings = compiled.readings[name]
        runs[name] = DatasetRuns(
            SuiteRun(f"{name}.schema", compile_schema(schemas[name], gxe, schema_files.get(name))),
            SuiteRun(f"{name}.claims", compiled.claims[name]),
            SuiteRun(f"{name}.readings", readings) if readings.labels or readings.not_compiled
            else None,
        )  # fmt: skip
        for run in runs[name].all():
            if run.ran:
                _run(gx, context, batches, frame, run)
    _scrub_results(out / "gx" / "uncommitted" / "validations")
    context.build_data_docs()
    site = (out / DOCS_INDEX).parent
    result = Export(runs, compiled.elsewhere, out / DOCS_INDEX)
    write_accounting(result, report, site)
    result.network_left = make_offline(site)
    return result


def validated_frames(
    outcome: Outcome,
) -> tuple[dict[str, DataFrameSchema | None], dict[str, pd.DataFrame], Problems]:
    """Each dataset's schema, and its rows as pandera validated (coerced) them: the run's
    own frame where the run validated in pandas. Read and validated here only where the
    run has no frame: a dataset validated where it lies (by SQL: a file DuckDB scanned, a
    database table or query, read within data_rows), or one that failed its schema (GX is
    shown the coerced rows pandera kept, failing ones included). The problems of the
    datasets that cannot be read now, each naming its dataset."""
    from factcheck.postgres import read_database
    from factcheck.problems import Problems
    from factcheck.validate import load_schema, read_dataset

    project = outcome.project
    assert project is not None
    limits = project.settings.limits
    problems = Problems()
    schemas: dict[str, DataFrameSchema | None] = {}
    frames: dict[str, pd.DataFrame] = {}
    for name, spec in project.datasets.items():
        schemas[name] = load_schema(spec, Problems(), limits)  # the run loaded it already
        validated = outcome.datasets.get(name)
        if validated is not None and validated.frame is not None:
            frames[name] = validated.frame
            continue
        if spec.database is not None:  # the run asked the database; GX needs the rows
            frame = read_database(spec, problems, limits)
        else:
            frame, _ = read_dataset(spec, problems, limits)
        if frame is not None:
            frames[name] = _validated(schemas[name], frame)
    return schemas, frames, problems


def _validated(schema: DataFrameSchema | None, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as pandera coerces it; for a dataset failing its schema, the coerced
    frame pandera kept (its failing rows are what the schema suite shows)."""
    if schema is None:
        return frame
    from pandera.errors import SchemaError, SchemaErrors

    try:
        return schema.validate(frame, lazy=True)
    except SchemaErrors as exc:
        return exc.data if exc.data is not None else frame
    except SchemaError:
        return frame


def _context(gx: ModuleType, out: Path) -> FileDataContext:
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context: FileDataContext = gx.get_context(mode="file", project_root_dir=out)
    context.variables.analytics_enabled = False
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    context.variables.save()
    return context


def _run(
    gx: ModuleType,
    context: FileDataContext,
    batches: BatchDefinition,
    frame: pd.DataFrame,
    run: SuiteRun,
) -> None:
    # The suite is made whole and saved once: adding expectations one by one to a saved
    # suite rewrites its file at each (quadratic, most of the export's time).
    suite = context.suites.add(
        gx.ExpectationSuite(name=run.suite, expectations=run.compiled.expectations)
    )
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name=run.suite, data=batches, suite=suite)
    )
    result = definition.run(batch_parameters={"dataframe": frame}, result_format="SUMMARY")
    # Results come back in suite order; match them by expectation id, not position.
    labels = {e.id: label for e, label in zip(suite.expectations, run.compiled.labels, strict=True)}
    run.evaluated = len(result.results)
    for item in result.results:
        if item.success:
            run.successful += 1
        else:
            config = item.expectation_config
            assert config is not None  # a result is always of an expectation
            run.unsuccessful.append(labels.get(config.id, config.type))


# An absolute path inside an exception's message: the machine's layout is nobody's business.
_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[\\/][\w.@+-]+){2,}")


def _scrub_results(folder: Path) -> None:
    """Drop tracebacks and local paths from the stored validation results (Data Docs are
    built from them), keeping the exception's message."""
    for path in folder.rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if _scrub(data):
            path.write_text(json.dumps(data, indent=2), encoding="utf-8")


def _scrub(node: object) -> bool:
    changed = False
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "exception_traceback" and value:
                node[key] = None
                changed = True
            elif key == "exception_message" and isinstance(value, str):
                clean = _PATH.sub("<path>", value)
                changed |= clean != value
                node[key] = clean
            else:
                changed |= _scrub(value)
    elif isinstance(node, list):
        for item in node:
            changed |= _scrub(item)
    return changed
