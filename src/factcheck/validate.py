"""Validate: each dataset against its pandera schema, before any claim uses it.

A dataset that fails keeps its failing checks (with a few example rows) for
the report, and every claim on it becomes `error`, never `pass`.

Each engine validates (`Engine.validate`), with one of the two ways here:
`ValidatesInPlace` runs the schema's rules as SQL where the rows lie (a file opened by
the engine's `open_file`: DuckDB by default, Spark; a database), and falls back to pandas
for what has no SQL form; `ValidatesInPandas` reads every dataset into pandas and lets
pandera's pandas backend validate it, for engines that compute on a frame.
"""

from __future__ import annotations

import importlib.util
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.data import file_format, read_frame, sha256
from factcheck.engines.base import Opened, Source, first_line
from factcheck.gcpolicy import hidden, large_import
from factcheck.load.limits import Limits
from factcheck.load.spec import DatasetSpec
from factcheck.problems import Location, Problems
from factcheck.schema_sql import SqlSchema, Unsupported, translate
from factcheck.validate_sql import Case, Failure, plain_value, validate_rows, view_sql

if TYPE_CHECKING:
    from collections.abc import Callable

    import pandas as pd
    from pandera.api.pandas.container import DataFrameSchema

    # Opens a data file where it lies (path, format): DuckDB's or Spark's reader.
    Opener = Callable[[Path, str], Opened]

EXAMPLES = 5  # example failing rows kept per check


@dataclass
class DatasetResult:
    spec: DatasetSpec
    sha256: str
    rows: int
    valid: bool
    frame: pd.DataFrame | None = None  # the validated (coerced) frame
    failures: list[Failure] = field(default_factory=list)
    in_place: Source | None = None  # validated where it lies: what the engine computes on
    fingerprint: str | None = None  # a database dataset's, in place of the file's sha256
    shown_path: str | None = None  # a database dataset's URL without credentials, #table

    def close(self) -> None:
        """Release what validation held open (a DuckDB connection and its spill folder)."""
        if self.in_place is not None and self.in_place.session is not None:
            self.in_place.session.close()

    def source(self) -> Source:
        """What an engine computes on: the validated rows, where they are."""
        if self.in_place is not None:
            return self.in_place
        spec = self.spec
        fmt = file_format(spec.path) if spec.path is not None else None
        return Source(spec.name, frame=self.frame, path=spec.path, format=fmt)

    def as_report(self) -> dict[str, object]:
        """The dataset as the report shows it (contract section 5; a database dataset's
        `fingerprint` in place of `sha256`, section 9), keys in the report's order."""
        spec = self.spec
        digest = {"sha256": self.sha256}
        if self.fingerprint is not None:
            digest = {"fingerprint": self.fingerprint}
        return {
            "name": spec.name,
            "path": self.shown_path or spec.rel_path,
            **digest,
            "rows": self.rows,
            "valid": self.valid,
            "failures": self.failures,
            "schema": spec.schema_rel,
            "description": spec.description,
            "provenance": spec.provenance.as_dict() if spec.provenance else None,
        }


class ValidatesInPandas:
    """Validation by pandera's pandas backend: every dataset read whole into pandas (a
    database table too, within the data_rows limit), for engines that compute on a frame."""

    def validate(
        self, spec: DatasetSpec, schema: DataFrameSchema | None, problems: Problems, limits: Limits
    ) -> DatasetResult | None:
        return validate_dataset(spec, schema, False, problems, limits)


class ValidatesInPlace:
    """Validation where the rows lie: the schema's rules as SQL, run on the file as
    `open_file` opens it (DuckDB here; an engine that reads files itself overrides it), or
    by the database that holds a table. An xlsx file, or a schema with a rule that has no
    SQL form (a Python check), is validated in pandas instead."""

    def open_file(self, path: Path, fmt: str) -> Opened:
        from factcheck.data import open_in_duckdb

        return open_in_duckdb(path, fmt)

    def validate(
        self, spec: DatasetSpec, schema: DataFrameSchema | None, problems: Problems, limits: Limits
    ) -> DatasetResult | None:
        return validate_dataset(spec, schema, True, problems, limits, self.open_file)


def load_schema(
    spec: DatasetSpec, problems: Problems, limits: Limits | None = None
) -> DataFrameSchema | None:
    """The pandera schema object for a dataset, or None (no schema, or a recorded problem)."""
    if spec.schema_path is None:
        return None
    where = Location(spec.schema_rel or "")
    try:
        # pandera's strategies import hypothesis (at pandera's first validation) when it
        # is installed: data synthesis, which factcheck never uses (gcpolicy.hidden); and
        # pandera imports pyspark.pandas to register a backend factcheck never uses (about
        # 80 ms when the spark extra is installed; --engine spark imports pyspark itself).
        with quiet_pyspark():
            with large_import(), hidden("hypothesis", "pyspark"):
                import pandera.pandas  # noqa: F401  (builds every schema, YAML or Python)
                import pandera.strategies.pandas_strategies  # noqa: F401

            return _load_schema(spec, where, problems, limits)
    except Exception as exc:  # pandera raises many kinds for a bad schema file
        problems.add(where, f"cannot read schema: {type(exc).__name__}: {exc}", spec.schema_name)
        return None


@contextmanager
def quiet_pyspark() -> Iterator[None]:
    """With the spark extra installed, importing pandera imports pyspark.pandas, and
    importing great-expectations imports pyspark, which warn that they do not support
    pandas 3; factcheck never uses either through them."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "PySpark does not yet fully support", FutureWarning)
        yield


def _load_schema(
    spec: DatasetSpec, where: Location, problems: Problems, limits: Limits | None
) -> DataFrameSchema | None:
    assert spec.schema_path is not None
    if spec.schema_path.suffix == ".py":
        return _schema_from_module(spec.schema_path, where, problems)
    from factcheck.load.schema_yaml import read_schema_yaml

    return read_schema_yaml(spec.schema_path, where.file, problems, limits or Limits())


def _schema_from_module(path: Path, where: Location, problems: Problems) -> DataFrameSchema | None:
    import pandera.pandas as pa

    module_spec = importlib.util.spec_from_file_location(f"factcheck_schema_{path.stem}", path)
    if module_spec is None or module_spec.loader is None:
        problems.add(where, "cannot import schema module")
        return None
    module = importlib.util.module_from_spec(module_spec)
    try:
        module_spec.loader.exec_module(module)
    except SystemExit as exc:  # would end the run with the module's exit code, no report
        problems.add(where, f"the schema module called exit ({exc.code!r}) while imported")
        return None
    schema = getattr(module, "schema", None)
    if isinstance(schema, type) and issubclass(schema, pa.DataFrameModel):
        return schema.to_schema()
    if isinstance(schema, pa.DataFrameSchema):
        return schema
    problems.add(
        where, "a schema module must define `schema` (DataFrameSchema or DataFrameModel)", "schema"
    )
    return None


def validate_dataset(
    spec: DatasetSpec,
    schema: DataFrameSchema | None,
    in_place: bool,
    problems: Problems,
    limits: Limits | None = None,
    opener: Opener | None = None,
) -> DatasetResult | None:
    """Read and validate one dataset: where it lies when `in_place` (on what
    `opener(path, format)` opens: DuckDB by default, Spark) and the file and schema allow
    it, else in pandas. None after a read problem."""
    limits = limits or Limits()
    if spec.database is not None or spec.path is None:
        from factcheck.postgres import validate_database

        return validate_database(spec, schema, in_place, problems, limits)
    fmt = file_format(spec.path)
    rules = sql_rules(schema) if in_place and fmt != "xlsx" else None
    if rules is None:
        frame, digest = read_dataset(spec, problems, limits)
        return None if frame is None else validate(spec, frame, digest, schema)
    if opener is None:
        opener = ValidatesInPlace().open_file
    return _validate_file(spec, spec.path, fmt, rules, problems, limits, opener)


def _validate_file(
    spec: DatasetSpec,
    path: Path,
    fmt: str,
    rules: SqlSchema,
    problems: Problems,
    limits: Limits,
    opener: Opener,
) -> DatasetResult | None:
    """The schema's rules as SQL over the file where it lies; the validated rows become
    view `t` of the opened session, which the engine computes on."""
    from factcheck.data_limits import data_problem, rows_problem

    # The same limits as for pandas: DuckDB's memory is bounded, its time is not.
    too_large = data_problem(path, limits)
    if too_large:
        problems.add(spec.loc, f"{spec.rel_path}: {too_large}", spec.name)
        return None
    try:
        digest = sha256(path)
        opened = opener(path, fmt)
    except Exception as exc:  # a reader error is a property of the user's file
        _cannot_read(spec, exc, problems)
        return None
    session, actual = opened.session, opened.columns
    try:
        rows, failures, value = validate_rows(
            lambda sql: session.execute(sql).fetchall(), "__rows", actual, rules
        )
    except Exception as exc:  # Spark reads lazily: a bad value surfaces only now
        session.close()
        _cannot_read(spec, exc, problems)
        return None
    too_large = rows_problem(rows, limits)  # JSON: known only once read
    if too_large:
        session.close()
        problems.add(spec.loc, f"{spec.rel_path}: {too_large}", spec.name)
        return None
    _add_lines(failures, path)
    session.execute(f"CREATE TEMP VIEW t AS {view_sql('__rows', actual, value)}")
    source = Source(
        spec.name, path=path, format=fmt, columns=dict(actual), session=session,
        errors=opened.errors,
    )  # fmt: skip
    return DatasetResult(spec, digest, rows, not failures, None, failures, source)


def _add_lines(failures: list[Failure], path: Path | None) -> None:
    """Each example row's line in the file, as the pandas path gives it (see rowlines)."""
    from factcheck.rowlines import row_lines

    shown = {
        case["index"]
        for failure in failures
        for case in failure["failure_cases"]
        if isinstance(case["index"], int)
    }
    lines = row_lines(path, shown) if path is not None else {}
    for failure in failures:
        failure["failure_cases"] = [
            {"index": i, "line": lines.get(i) if isinstance(i, int) else None, "failure_case": v}
            for i, v in ((c["index"], c["failure_case"]) for c in failure["failure_cases"])
        ]


def sql_rules(schema: DataFrameSchema | None) -> SqlSchema | None:
    """The schema as SQL, or None when a rule of it runs only in pandas (a Python check)."""
    if schema is None:
        return SqlSchema(columns=[])
    try:
        return translate(schema)
    except Unsupported:
        return None


def _cannot_read(spec: DatasetSpec, exc: Exception, problems: Problems) -> None:
    problems.add(
        spec.loc, f"cannot read {spec.rel_path}: {type(exc).__name__}: {first_line(exc)}", spec.name
    )


def read_dataset(
    spec: DatasetSpec, problems: Problems, limits: Limits | None = None
) -> tuple[pd.DataFrame | None, str]:
    from factcheck.data_limits import data_problem, rows_problem

    limits = limits or Limits()
    try:
        if spec.path is None:
            raise ValueError(f"dataset '{spec.name}' is not a file")
        too_large = data_problem(spec.path, limits)
        frame = None if too_large else read_frame(spec.path)
        too_large = too_large or rows_problem(0 if frame is None else len(frame), limits)
        if too_large or frame is None:
            problems.add(spec.loc, f"{spec.rel_path}: {too_large}", spec.name)
            return None, ""
        return frame, sha256(spec.path)
    except MemoryError:
        message = f"{spec.rel_path}: out of memory reading it; lower --limit data_bytes"
        problems.add(spec.loc, message, spec.name)
        return None, ""
    except Exception as exc:  # a reader error is a property of the user's file
        problems.add(
            spec.loc, f"cannot read {spec.rel_path}: {type(exc).__name__}: {exc}", spec.name
        )
        return None, ""


def validate(
    spec: DatasetSpec, frame: pd.DataFrame, digest: str, schema: DataFrameSchema | None
) -> DatasetResult:
    if schema is None:
        return DatasetResult(spec, digest, len(frame), True, frame)
    from pandera.errors import SchemaError, SchemaErrors

    try:
        # pandera registers its backends here, pyspark.pandas's too when importable.
        with quiet_pyspark(), hidden("pyspark"):
            validated = schema.validate(frame, lazy=True)
    except SystemExit as exc:  # a check in a schema module called exit: not a verdict
        failure: Failure = {
            "check": "schema",
            "column": None,
            "failure_cases": [],
            "count": 1,
            "message": f"a check of the schema called exit ({exc.code!r})",
        }
        return DatasetResult(spec, digest, len(frame), False, None, [failure])
    except SchemaErrors as exc:
        failures = _failures(exc.failure_cases, spec.path)
        return DatasetResult(spec, digest, len(frame), False, None, failures)
    except SchemaError as exc:  # raised when a check itself cannot run
        failure = {
            "check": str(exc.check or "schema"),
            "column": None,
            "failure_cases": [],
            "count": 1,
            "message": str(exc).splitlines()[0],
        }
        return DatasetResult(spec, digest, len(frame), False, None, [failure])
    return DatasetResult(spec, digest, len(frame), True, validated)


def _failures(cases: pd.DataFrame, path: Path | None) -> list[Failure]:
    """Group pandera's failure table by (column, check), keeping a few example rows, each
    with the file line it was written on (`line`; None where a format has no lines)."""
    from factcheck.rowlines import row_lines

    out: list[Failure] = []
    cases = cases.astype(object).where(cases.notna(), None)
    groups = list(cases.groupby(["column", "check"], dropna=False, sort=True))
    shown = {
        index
        for _, group in groups
        for index in group.head(EXAMPLES)["index"]
        if isinstance(index, int)
    }
    lines = row_lines(path, shown) if path is not None else {}
    for (column, check), group in groups:
        examples: list[Case] = [
            {
                "index": plain_value(row["index"]),
                "line": lines.get(row["index"]) if isinstance(row["index"], int) else None,
                "failure_case": plain_value(row["failure_case"]),
            }
            for _, row in group.head(EXAMPLES).iterrows()
        ]
        out.append(
            {
                "check": str(check),
                "column": plain_value(column),  # None for a dataframe-wide check
                "failure_cases": examples,
                "count": int(len(group)),
            }
        )
    return out
