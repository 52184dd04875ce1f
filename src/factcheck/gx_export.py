"""`factcheck gx-export`: a project's schemas and claims as great-expectations suites.

For an auditor who uses great-expectations (GX Core 1.x): each dataset gets two
ExpectationSuites, both run on the dataset's validated data in a file-based GX context
inside OUT/gx/, with Data Docs (static HTML) built there:

- `NAME.schema`, compiled from the dataset's pandera schema: column presence, dtypes that
  map cleanly, nullable, unique, and the pandera built-in checks that have a GX
  equivalent. Anything else (a custom or dataframe-wide check, an unmapped dtype) is listed
  as not compiled, by name.
- `NAME.claims`, one aggregate expectation per claim whose figure is one ungrouped metric,
  with the claim's pass band (from factcheck's own report) as min/max; the claim's `where`
  becomes a GX `row_condition` only when it renders exactly (see `_condition`). Grouped,
  expr, manual and unverifiable claims, and claims whose filter does not render, are
  listed as not compiled with the reason.

The suites describe; factcheck judges. An unsuccessful expectation is a finding shown in
Data Docs, not an error of the command. Nothing leaves the machine: analytics are off
(`GX_ANALYTICS_ENABLED=False` before the import and `analytics_enabled: false` in the
context's config), no progress bars, nothing is written outside OUT, and Data Docs' header
logo points at its local copy instead of GX's S3 address (which carries the context id).
"""

from __future__ import annotations

import keyword
import math
import os
import re
import sys
import warnings
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    import pandas as pd

INSTALL_HINT = "pip install 'factcheck[gx]'"
DOCS_INDEX = Path("gx") / "uncommitted" / "data_docs" / "local_site" / "index.html"

# pandera dtype (as str) -> the type GX checks with ExpectColumnValuesToBeOfType. Numpy
# dtypes map to themselves; pandera's string dtypes coerce to pandas' `str` dtype.
_NUMPY_TYPES = {
    *(f"int{n}" for n in (8, 16, 32, 64)),
    *(f"uint{n}" for n in (8, 16, 32, 64)),
    *(f"float{n}" for n in (16, 32, 64)),
    "bool",
}
_STRING_TYPES = {"str", "string", "string[python]", "string[pyarrow]"}
_DATETIME = re.compile(r"^datetime64\[(s|ms|us|ns)\]$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Compiled:
    """One suite's worth: GX expectations, and what could not be compiled (and why)."""

    expectations: list[Any] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # a short name per expectation
    not_compiled: list[tuple[str, str]] = field(default_factory=list)  # (name, reason)

    def add(self, expectation: Any, label: str) -> None:
        self.expectations.append(expectation)
        self.labels.append(label)


# --- the schema suite -------------------------------------------------------------------


def compile_schema(schema: Any, gxe: Any) -> Compiled:
    """A pandera DataFrameSchema as GX expectations (None: an empty suite)."""
    out = Compiled()
    if schema is None:
        return out
    for name, column in schema.columns.items():
        if getattr(column, "regex", False):
            out.not_compiled.append((f"{name}: regex column", "no fixed column name"))
            continue
        if column.required:
            out.add(gxe.ExpectColumnToExist(column=name), f"{name}: exists")
        else:
            out.not_compiled.append((f"{name}: presence", "optional column (required=False)"))
        _dtype(out, gxe, name, column.dtype)
        if not column.nullable:
            out.add(gxe.ExpectColumnValuesToNotBeNull(column=name), f"{name}: not null")
        if column.unique:
            out.add(gxe.ExpectColumnValuesToBeUnique(column=name), f"{name}: unique")
        for check in column.checks:
            _check(out, gxe, name, column.dtype, check)
    unique = schema.unique
    if isinstance(unique, str):
        unique = [unique]
    if unique:
        out.add(
            gxe.ExpectCompoundColumnsToBeUnique(column_list=list(unique)),
            f"unique: {', '.join(unique)}",
        )
    if schema.strict is True:
        out.add(
            gxe.ExpectTableColumnsToMatchSet(column_set=list(schema.columns), exact_match=True),
            "strict: no other columns",
        )
    for check in schema.checks:
        out.not_compiled.append((f"dataframe check {check.name}", "no GX equivalent"))
    if schema.index is not None:
        out.not_compiled.append(("index", "index checks are not compiled"))
    return out


def _dtype(out: Compiled, gxe: Any, name: str, dtype: Any) -> None:
    if dtype is None:
        return
    text = str(dtype)
    if text in _NUMPY_TYPES or _DATETIME.match(text):
        out.add(gxe.ExpectColumnValuesToBeOfType(column=name, type_=text), f"{name}: {text}")
    elif text in _STRING_TYPES:
        out.add(gxe.ExpectColumnValuesToBeOfType(column=name, type_="str"), f"{name}: str")
    else:
        out.not_compiled.append((f"{name}: dtype {text}", "no clean GX type"))


def _check(out: Compiled, gxe: Any, name: str, dtype: Any, check: Any) -> None:
    stats = dict(check.statistics or {})
    kind = check.name
    meta = {"pandera_check": kind}

    def value(v: Any) -> Any:
        return _plain_value(v, dtype)

    def between(**kwargs: Any) -> None:
        out.add(
            gxe.ExpectColumnValuesToBeBetween(column=name, meta=meta, **kwargs), f"{name}: {kind}"
        )

    def one(cls: str, **kwargs: Any) -> None:
        out.add(getattr(gxe, cls)(column=name, meta=meta, **kwargs), f"{name}: {kind}")

    if kind == "greater_than_or_equal_to":
        between(min_value=value(stats["min_value"]))
    elif kind == "greater_than":
        between(min_value=value(stats["min_value"]), strict_min=True)
    elif kind == "less_than_or_equal_to":
        between(max_value=value(stats["max_value"]))
    elif kind == "less_than":
        between(max_value=value(stats["max_value"]), strict_max=True)
    elif kind == "in_range":
        between(
            min_value=value(stats["min_value"]),
            max_value=value(stats["max_value"]),
            strict_min=not stats.get("include_min", True),
            strict_max=not stats.get("include_max", True),
        )
    elif kind == "equal_to":
        one("ExpectColumnValuesToBeInSet", value_set=[value(stats["value"])])
    elif kind == "not_equal_to":
        one("ExpectColumnValuesToNotBeInSet", value_set=[value(stats["value"])])
    elif kind == "isin":
        one("ExpectColumnValuesToBeInSet", value_set=[value(v) for v in stats["allowed_values"]])
    elif kind == "notin":
        values = [value(v) for v in stats["forbidden_values"]]
        one("ExpectColumnValuesToNotBeInSet", value_set=values)
    elif kind == "str_matches":
        # pandera matches at the start (re.match); GX searches: anchor the pattern.
        pattern = str(stats["pattern"])
        one(
            "ExpectColumnValuesToMatchRegex",
            regex=pattern if pattern.startswith("^") else f"^(?:{pattern})",
        )
    elif kind == "str_contains":
        one("ExpectColumnValuesToMatchRegex", regex=str(stats["pattern"]))
    elif kind == "str_startswith":
        one("ExpectColumnValuesToMatchRegex", regex="^" + re.escape(str(stats["string"])))
    elif kind == "str_endswith":
        one("ExpectColumnValuesToMatchRegex", regex=re.escape(str(stats["string"])) + "$")
    elif kind == "str_length":
        exact = stats.get("exact_value")
        low, high = (
            (exact, exact)
            if exact is not None
            else (stats.get("min_value"), stats.get("max_value"))
        )
        one("ExpectColumnValueLengthsToBeBetween", min_value=low, max_value=high)
    else:
        out.not_compiled.append((f"{name}: {kind}", "no GX equivalent"))


def _plain_value(v: Any, dtype: Any) -> Any:
    """A check's bound as GX takes it: datetimes for a datetime column, else plain."""
    if _DATETIME.match(str(dtype)) and v is not None:
        import pandas as pd

        return pd.Timestamp(v).to_pydatetime()
    if hasattr(v, "item"):
        return v.item()
    return v


# --- the claims suite -------------------------------------------------------------------


def _aggregates() -> dict[str, str]:
    """factcheck aggregate -> GX expectation class: the gx engine's own table."""
    from factcheck.engines.gx_engine import EXPECTATION

    return EXPECTATION


def compile_claims(
    entries: list[dict[str, Any]],
    specs: dict[str, Any],
    frames: dict[str, pd.DataFrame],
    schemas: dict[str, Any],
    gxe: Any,
) -> tuple[dict[str, Compiled], list[tuple[str, str]]]:
    """Each dataset's claims suite, and the claims that use no dataset (manual,
    unverifiable) with their reason. `entries` are the report's claims; `specs` the
    project's ClaimSpecs by id (for the parsed where tree)."""
    suites: dict[str, Compiled] = {name: Compiled() for name in frames}
    elsewhere: list[tuple[str, str]] = []
    for entry in entries:
        claim_id, kind = entry["id"], entry["kind"]
        if kind in ("manual", "unverifiable"):
            elsewhere.append((claim_id, kind))
            continue
        if kind == "expr":
            for dataset in entry["datasets"]:
                suites[dataset].not_compiled.append((claim_id, "expr: a computed expression"))
            continue
        if not (entry.get("computation") or {}).get("metrics"):
            for dataset in entry["datasets"]:
                reason = f"no figure: verdict {entry['verdict']} ({entry['explanation']})"
                suites[dataset].not_compiled.append((claim_id, reason))
            continue
        metric = entry["computation"]["metrics"][0]
        dataset = metric["dataset"]
        target = suites[dataset]
        reason = _uncompilable(entry, metric)
        if reason is not None:
            target.not_compiled.append((claim_id, reason))
            continue
        condition = None
        where = specs[claim_id].metric.where
        if where is not None:
            condition = _condition(where, frames[dataset], schemas.get(dataset))
            if condition is None:
                target.not_compiled.append(
                    (claim_id, f"filter: '{metric['where']}' has no exact GX row_condition")
                )
                continue
        target.add(_claim_expectation(entry, metric, condition, gxe), claim_id)
    return suites, elsewhere


def _uncompilable(entry: dict[str, Any], metric: dict[str, Any]) -> str | None:
    if metric.get("by") is not None:
        return f"grouped: by {metric['by']} ({metric.get('over')})"
    if entry.get("band") is None:
        return f"no numeric pass band (verdict {entry['verdict']})"
    if metric["aggregate"] == "count" and metric.get("column") is not None:
        return "aggregate: GX has no bounded expectation for the non-null count of a column"
    if metric["aggregate"] != "count" and metric["aggregate"] not in _aggregates():
        return f"aggregate: {metric['aggregate']} has no GX expectation"
    band = entry["band"]
    if metric["aggregate"] in ("count", "nunique") and math.ceil(band["low"]) > math.floor(
        band["high"]
    ):
        return "band: no whole number in the pass band of a count"
    return None


def _claim_expectation(
    entry: dict[str, Any], metric: dict[str, Any], condition: str | None, gxe: Any
) -> Any:
    band = entry["band"]
    kwargs: dict[str, Any] = {"min_value": band["low"], "max_value": band["high"]}
    if metric["aggregate"] in ("count", "nunique"):
        # GX takes whole numbers here (and would truncate 11.5 to 11): the band's whole
        # numbers, 11.5 to 12.5 -> 12 to 12.
        kwargs = {"min_value": math.ceil(band["low"]), "max_value": math.floor(band["high"])}
    if metric["aggregate"] == "count":
        cls = "ExpectTableRowCountToBeBetween"  # the gx engine's count too
    else:
        cls = _aggregates()[metric["aggregate"]]
        kwargs["column"] = metric["column"]
    if condition is not None:
        kwargs.update(row_condition=condition, condition_parser="pandas")
    kwargs["meta"] = {
        "factcheck_claim": entry["id"],
        "file": f"{entry['file']}:{entry['line']}",
        "quote": entry["quote"],
        "claim": entry["claim"],
        "where": metric.get("where"),
        "factcheck_verdict": entry["verdict"],
        "factcheck_figure": entry["actual"],
    }
    kwargs["notes"] = (
        f'Claim {entry["id"]} ({entry["file"]}:{entry["line"]}): "{entry["quote"]}", '
        f"asserting {entry['claim']}. Pass band {band['low']} to {band['high']} from "
        f"factcheck's judge (shown closed here; factcheck's verdict: {entry['verdict']})."
    )
    return getattr(gxe, cls)(**kwargs)


# A where tree renders as a pandas `DataFrame.query` string (GX's pandas row_condition)
# only where query keeps exactly the rows factcheck keeps (SQL's null logic):
# comparisons of a column with a literal of the column's kind, `in`, `between`, `and`,
# `or`. A comparison with a null is false in both, and and/or of such comparisons keep
# the same rows; `!=`, `not in`, `not between` only on a column the schema declares
# non-nullable (pandas keeps a null row there, SQL does not). `not`, `is null`, `like`,
# null and boolean literals, and column-to-column comparisons are not rendered.
_OPS = {"=": "==", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}
_MIRROR = {"=": "=", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}


def _condition(node: Any, frame: pd.DataFrame, schema: Any) -> str | None:
    from factcheck.lang.where import And, Between, Column, Compare, In, Literal, Or

    def nonnull(column: str) -> bool:
        if schema is None or column not in schema.columns:
            return False
        return not schema.columns[column].nullable

    def render(node: Any) -> str | None:
        if isinstance(node, And | Or):
            left, right = render(node.left), render(node.right)
            if left is None or right is None:
                return None
            return f"({left} {'and' if isinstance(node, And) else 'or'} {right})"
        if isinstance(node, Compare):
            op, left, right = node.op, node.left, node.right
            if isinstance(left, Literal) and isinstance(right, Column):
                op, left, right = _MIRROR[op], right, left
            if not (isinstance(left, Column) and isinstance(right, Literal)):
                return None
            if op == "!=" and not nonnull(left.name):
                return None
            name, literal = _name(left.name, frame), _literal(right.value, left.name, frame)
            if name is None or literal is None:
                return None
            if _is_datetime(frame, left.name) and op in ("=", "!="):
                # query's == and != match a date string as text (no row); the range is exact.
                if op == "!=":
                    return None
                return f"({name} >= {literal} and {name} <= {literal})"
            return f"{name} {_OPS[op]} {literal}"
        if isinstance(node, In):
            if not isinstance(node.value, Column) or (
                node.negated and not nonnull(node.value.name)
            ):
                return None
            if _is_datetime(frame, node.value.name):
                return None  # query's `in` matches a date string as text
            name = _name(node.value.name, frame)
            options = [
                _literal(o.value, node.value.name, frame) if isinstance(o, Literal) else None
                for o in node.options
            ]
            if name is None or any(o is None for o in options):
                return None
            return f"{name} {'not in' if node.negated else 'in'} [{', '.join(options)}]"  # type: ignore[arg-type]
        if isinstance(node, Between):
            if not isinstance(node.value, Column) or (
                node.negated and not nonnull(node.value.name)
            ):
                return None
            name = _name(node.value.name, frame)
            low = (
                _literal(node.low.value, node.value.name, frame)
                if isinstance(node.low, Literal)
                else None
            )
            high = (
                _literal(node.high.value, node.value.name, frame)
                if isinstance(node.high, Literal)
                else None
            )
            if name is None or low is None or high is None:
                return None
            if node.negated:
                return f"({name} < {low} or {name} > {high})"
            return f"({name} >= {low} and {name} <= {high})"
        return None  # not, is null, like

    return render(node)


def _is_datetime(frame: pd.DataFrame, column: str) -> bool:
    return column in frame.columns and frame[column].dtype.kind == "M"


def _name(column: str, frame: pd.DataFrame) -> str | None:
    if column not in frame.columns:
        return None
    if column.isidentifier() and not keyword.iskeyword(column):
        return column
    return f"`{column}`" if "`" not in column else None


def _literal(value: Any, column: str, frame: pd.DataFrame) -> str | None:
    """A literal as query source, only where pandas compares it as factcheck does."""
    import pandas as pd

    if column not in frame.columns or value is None or isinstance(value, bool):
        return None
    dtype = frame[column].dtype
    if isinstance(value, int | Decimal):
        if dtype.kind in "iuf":  # numpy numbers: NaN compares false, as a SQL null
            return str(value) if isinstance(value, int) else repr(float(value))
        return None
    if not isinstance(value, str):
        return None
    if dtype.kind == "M" and getattr(dtype, "tz", None) is None:
        # A 'YYYY-MM-DD' against naive datetimes: midnight, as factcheck compares it.
        return repr(value) if _DATE.match(value) else None
    if isinstance(dtype, pd.StringDtype) and dtype.na_value is not pd.NA:
        return repr(value)  # pandas' `str` dtype: a missing value compares false
    if dtype.kind == "O" and frame[column].dropna().map(type).eq(str).all():
        return repr(value)
    return None


# --- running the suites: a file-based context in OUT/gx ---------------------------------


@dataclass
class SuiteRun:
    suite: str
    compiled: Compiled
    evaluated: int = 0
    successful: int = 0
    unsuccessful: list[str] = field(default_factory=list)  # labels


@dataclass
class Export:
    runs: dict[str, tuple[SuiteRun, SuiteRun]]  # dataset -> (schema, claims)
    elsewhere: list[tuple[str, str]]  # claims without a dataset
    index: Path  # Data Docs' index.html


def import_gx() -> tuple[Any, Any]:
    """great_expectations and its expectations, analytics off before the first import."""
    os.environ["GX_ANALYTICS_ENABLED"] = "False"
    import great_expectations as gx
    import great_expectations.expectations as gxe

    return gx, gxe


def export(outcome: Any, out: Path) -> Export:
    """Compile, run and document every dataset's suites into OUT (which must be empty)."""
    with warnings.catch_warnings():
        # GX 1.9+ deprecates string row_conditions (kept: they read as the where does) and
        # pandas warns about a user's regex groups: neither is news for the auditor.
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        warnings.filterwarnings("ignore", message="This pattern is interpreted as a regular")
        return _export(outcome, out)


def _export(outcome: Any, out: Path) -> Export:
    from factcheck.problems import Problems
    from factcheck.validate import load_schema, read_dataset

    gx, gxe = import_gx()
    project, report = outcome.project, outcome.report
    problems = Problems()  # run_check read all of it already: no new problem here
    schemas: dict[str, Any] = {}
    frames: dict[str, pd.DataFrame] = {}
    for name, spec in project.datasets.items():
        schemas[name] = load_schema(spec, problems)
        frame, _ = read_dataset(spec, problems)
        frames[name] = _validated(schemas[name], frame)
    specs = {c.id: c for c in project.claims}
    claims, elsewhere = compile_claims(report["claims"], specs, frames, schemas, gxe)

    out.mkdir(parents=True, exist_ok=True)
    context = _context(gx, out)
    source = context.data_sources.add_pandas("factcheck")
    runs: dict[str, tuple[SuiteRun, SuiteRun]] = {}
    for name, frame in frames.items():
        batches = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(name)
        schema_run = SuiteRun(f"{name}.schema", compile_schema(schemas[name], gxe))
        claims_run = SuiteRun(f"{name}.claims", claims[name])
        for run in (schema_run, claims_run):
            _run(gx, context, batches, frame, run)
        runs[name] = (schema_run, claims_run)
    context.build_data_docs()
    _local_logo((out / DOCS_INDEX).parent)
    return Export(runs, elsewhere, out / DOCS_INDEX)


# GX's page header loads its logo from S3 with the time and the context's id in the query
# string (a beacon whenever a page is opened): point it at the copy Data Docs already hold.
_S3_ASSET = re.compile(
    r"https://great-expectations-web-assets\.s3\.us-east-2\.amazonaws\.com/[\w.-]+"
    r"(\?[^\"'\s)]*)?"
)


def _local_logo(site: Path) -> None:
    logo = site / "static" / "images" / "logo-long.png"
    for page in [*site.rglob("*.html"), *site.rglob("*.css")]:
        html = page.read_text(encoding="utf-8")
        local = Path(os.path.relpath(logo, page.parent)).as_posix()
        fixed = _S3_ASSET.sub(local, html)
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")


def _validated(schema: Any, frame: pd.DataFrame) -> pd.DataFrame:
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


def _context(gx: Any, out: Path) -> Any:
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="file", project_root_dir=out)
    context.variables.analytics_enabled = False
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    context.variables.save()
    return context


def _run(gx: Any, context: Any, batches: Any, frame: pd.DataFrame, run: SuiteRun) -> None:
    suite = context.suites.add(gx.ExpectationSuite(name=run.suite))
    for expectation in run.compiled.expectations:
        suite.add_expectation(expectation)
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
            run.unsuccessful.append(
                labels.get(item.expectation_config.id, item.expectation_config.type)
            )


# --- the command ------------------------------------------------------------------------


def _names(pairs: list[tuple[str, str]]) -> str:
    return "; ".join(f"{name} ({reason})" for name, reason in pairs) or "none"


def print_export(result: Export) -> None:
    from factcheck.cli_common import echo

    for dataset, runs in result.runs.items():
        echo(f"{dataset}:")
        for run in runs:
            compiled = run.compiled
            echo(
                f"  suite {run.suite}: {len(compiled.expectations)} expectations compiled; "
                f"not compiled: {_names(compiled.not_compiled)}"
            )
            line = f"    validation: {run.successful} of {run.evaluated} successful"
            if run.unsuccessful:
                line += f"; unsuccessful: {', '.join(run.unsuccessful)}"
            echo(line)
    if result.elsewhere:
        echo(f"claims without a dataset, not compiled: {_names(result.elsewhere)}")
    echo(f"Data Docs: {result.index}")
    if any(run.unsuccessful for runs in result.runs.values() for run in runs):
        echo(
            "note: an unsuccessful expectation is a finding about the data, shown in Data "
            "Docs; the export itself succeeded (exit 0)."
        )


def register(group: click.Group) -> None:
    from factcheck.cli_common import ROOT_OPTION

    @group.command(name="gx-export")
    @ROOT_OPTION
    @click.option(
        "--out",
        required=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="An empty or new folder: the GX context (OUT/gx) and its Data Docs.",
    )
    def gx_export(root: Path, out: Path) -> None:
        """Compile schemas and claims to great-expectations suites, run them, build Data Docs.

        Exit 0 when everything was written (an unsuccessful expectation is a finding shown
        in Data Docs, not an error), 2 when OUT is not empty, great-expectations is not
        installed, or the project cannot be read.
        """
        from factcheck.cli_common import echo, print_problems
        from factcheck.exitcodes import ExitCode
        from factcheck.run import Options, run_check

        config = int(ExitCode.CONFIG)
        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            echo(
                f"Error: {out} is not an empty folder; gx-export writes only into a new or "
                "empty one",
                err=True,
            )
            sys.exit(config)
        try:
            import_gx()
        except ImportError as exc:
            echo(
                f"Error: gx-export needs great_expectations, which cannot be imported ({exc}): "
                f"{INSTALL_HINT}",
                err=True,
            )
            sys.exit(config)
        outcome = run_check(Options(root=root))
        if outcome.report is None:
            print_problems(outcome.problems)
            sys.exit(int(outcome.exit_code))
        print_export(export(outcome, out))
