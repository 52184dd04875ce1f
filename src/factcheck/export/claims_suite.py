"""A dataset's claims compiled to great-expectations suites: `NAME.claims`, and
`NAME.readings` for the other readings claims list (contract section 8).

One aggregate expectation per figure that is one ungrouped metric: a claim's own, with
the claim's pass band (from factcheck's own report) as min/max, and each listed reading's,
with that reading's pass band. A `where` becomes a GX `row_condition` only when it renders
exactly (lang/pandas_query.py). Every other claim or reading is kept with the reason it
was not compiled: grouped, expr, manual and unverifiable claims, figures in error, filters
without an exact row condition. Each expectation's description names its claim (id,
file:line, quote, filter, and the reading), which is what Data Docs show for it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING

from factcheck.export.schema_suite import Compiled, describe
from factcheck.lang.pandas_query import pandas_query

if TYPE_CHECKING:
    import pandas as pd
    from great_expectations.expectations import Expectation
    from pandera.api.pandas.container import DataFrameSchema

    from factcheck.export.entries import Band, ClaimEntry, Json, ReadingEntry
    from factcheck.load.spec import ClaimSpec, MetricSpec, Reading


def _aggregates() -> dict[str, str]:
    """factcheck aggregate -> GX expectation class: the gx engine's own table."""
    from factcheck.engines.gx_engine import EXPECTATION

    return EXPECTATION


def reading_label(claim_id: str, label: str) -> str:
    """How a reading is named in a suite and in the export's ledger."""
    return f"{claim_id} [reading: {label}]"


@dataclass(frozen=True)
class Target:
    """One figure for GX to recompute: a claim as written, or one of its readings."""

    label: str  # the claim's id, or reading_label(...)
    entry: ClaimEntry  # the claim: where it is written, what it quotes
    phrase: str  # what is asserted (the reading's own phrase for a reading)
    verdict: str
    actual: Json
    explanation: str
    reading: str | None = None  # the reading's label


@dataclass
class ClaimSuites:
    """Each dataset's claims and readings suites, and what uses no dataset (and why)."""

    claims: dict[str, Compiled]
    readings: dict[str, Compiled]
    elsewhere: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Data:
    """What compiling a filter needs: the validated frames and their schemas, and GX."""

    frames: dict[str, pd.DataFrame]
    schemas: dict[str, DataFrameSchema | None]
    gxe: ModuleType


def compile_claims(
    entries: list[ClaimEntry],
    specs: dict[str, ClaimSpec],
    frames: dict[str, pd.DataFrame],
    schemas: dict[str, DataFrameSchema | None],
    gxe: ModuleType,
) -> ClaimSuites:
    """Each dataset's claims and readings suites, and the claims that use no dataset
    (manual, unverifiable, an expr over none) with their reason. `entries` are the
    report's claims; `specs` the project's ClaimSpecs by id (the parsed where trees)."""
    data = _Data(frames, schemas, gxe)
    out = ClaimSuites(
        {name: Compiled(source="Claim") for name in frames},
        {name: Compiled(source="Reading") for name in frames},
    )
    for entry in entries:
        spec = specs[entry["id"]]
        _claim(entry, spec, out, data)
        # A claim in error has no readings in the report: they were never judged.
        for result, reading in zip(entry.get("readings") or [], spec.readings, strict=False):
            _reading(entry, result, reading, out, data)
    return out


def _claim(entry: ClaimEntry, spec: ClaimSpec, out: ClaimSuites, data: _Data) -> None:
    claim_id, kind = entry["id"], entry["kind"]
    target = Target(
        claim_id, entry, entry["claim"], entry["verdict"], entry["actual"], entry["explanation"]
    )
    datasets = entry.get("datasets") or []
    if kind in ("manual", "unverifiable"):
        out.elsewhere.append((claim_id, kind))
        return
    if not datasets:
        out.elsewhere.append((claim_id, f"{kind} over no dataset: nothing for GX to check"))
        return
    computation = entry.get("computation")
    computed = computation is not None and bool(computation["metrics"])
    if kind == "metric" and not computed and entry["verdict"] != "error":
        reason = f"no figure: verdict {entry['verdict']} ({entry['explanation']})"
        for dataset in datasets:
            out.claims[dataset].not_compiled.append((claim_id, reason))
        return
    _place(target, spec, datasets, entry.get("band"), out.claims, data)


def _reading(
    entry: ClaimEntry, result: ReadingEntry, reading: Reading, out: ClaimSuites, data: _Data
) -> None:
    label = reading_label(entry["id"], result["label"])
    target = Target(
        label,
        entry,
        result["claim"],
        result["verdict"],
        result["actual"],
        result["explanation"],
        result["label"],
    )
    claim = reading.claim
    datasets = sorted({m.dataset for m in claim.metrics().values()})
    if not datasets:
        out.elsewhere.append((label, f"{claim.kind} over no dataset: nothing for GX to check"))
        return
    _place(target, claim, datasets, _reading_band(claim, result), out.readings, data)


def _reading_band(claim: ClaimSpec, result: ReadingEntry) -> Band | None:
    """A reading's pass band, from its own phrase as the judge reads it (the report gives
    a reading's figure and verdict, not its band)."""
    from factcheck.phrases import judge

    if (
        claim.phrase is None
        or claim.metric is None
        or claim.metric.by is not None
        or result["verdict"] == "error"
    ):
        return None
    try:
        judged = judge(
            claim.phrase, result["actual"], tolerance=claim.tolerance, rounding=claim.rounding
        )
    except ValueError:  # not a number: no band
        return None
    if judged.low is None and judged.high is None:
        return None
    return {"low": judged.low, "high": judged.high}


def _place(
    target: Target,
    claim: ClaimSpec,
    datasets: list[str],
    band: Band | None,
    suites: dict[str, Compiled],
    data: _Data,
) -> None:
    """Compile the target into its dataset's suite, or record why not in each of its
    datasets' suites."""
    reason = None
    if target.verdict == "error":
        reason = f"error: {target.explanation}"
    elif claim.kind == "expr":
        reason = "expr: a computed expression"
    if reason is not None or claim.metric is None:
        for dataset in datasets:
            suites[dataset].not_compiled.append((target.label, reason or "no metric"))
        return
    metric = claim.metric
    target_suite = suites[metric.dataset]
    reason = _uncompilable(target, metric, band)
    if reason is not None or band is None:
        target_suite.not_compiled.append((target.label, reason or "no pass band"))
        return
    condition = None
    if metric.where is not None:
        condition = pandas_query(
            metric.where, data.frames[metric.dataset], data.schemas.get(metric.dataset)
        )
        if condition is None:
            target_suite.not_compiled.append(
                (target.label, f"filter: '{metric.where_text}' has no exact GX row_condition")
            )
            return
    expectation = _expectation(target, metric, band, condition, data.gxe)
    target_suite.add(expectation, target.label)
    expectation.description = describe(_description(target, metric, expectation))


def _uncompilable(target: Target, metric: MetricSpec, band: Band | None) -> str | None:
    if metric.by is not None:
        return f"grouped: by {metric.by_text} ({metric.over})"
    if band is None:
        return f"no numeric pass band (verdict {target.verdict})"
    if metric.aggregate == "count" and metric.column is not None:
        return "aggregate: GX has no bounded expectation for the non-null count of a column"
    if metric.aggregate != "count" and metric.aggregate not in _aggregates():
        return f"aggregate: {metric.aggregate} has no GX expectation"
    low, high = _whole(band)
    if metric.aggregate in ("count", "nunique") and low is not None and high is not None:
        if low > high:
            return "band: no whole number in the pass band of a count"
    return None


def _whole(band: Band) -> tuple[int | None, int | None]:
    """The whole numbers of a band: GX takes whole numbers for a count (and would
    truncate 11.5 to 11): 11.5 to 12.5 -> 12 to 12."""
    low, high = band["low"], band["high"]
    return (
        None if low is None else math.ceil(low),
        None if high is None else math.floor(high),
    )


def _description(target: Target, metric: MetricSpec, expectation: Expectation) -> str:
    """What Data Docs show for a figure's expectation: the claim, not GX's template."""
    entry = target.entry
    if metric.aggregate == "count":
        what = "number of rows"
    else:
        what = f"{metric.aggregate} of {metric.column}"
    where = f" where {metric.where_text}" if metric.where_text else " (all rows)"
    low = plain(getattr(expectation, "min_value", None))
    high = plain(getattr(expectation, "max_value", None))
    read = "" if target.reading is None else f', read as "{target.reading}"'
    under = "" if target.reading is None else " under this reading"
    return (
        f'Claim {entry["id"]} ({entry["file"]}:{entry["line"]}){read}: "{entry["quote"]}" '
        f"asserts {target.phrase}. The {what}{where} must be from {low} to {high}, "
        f"factcheck's pass band (factcheck's figure{under}: {plain(target.actual)}, verdict "
        f"{target.verdict})."
    )


def plain(value: object) -> str:
    """A number as a reader writes it: 12, 847.5, 2.7 (no float noise, no exponent)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.12g}" if "e" not in f"{value:.12g}" else repr(value)
    return str(value)


def _expectation(
    target: Target, metric: MetricSpec, band: Band, condition: str | None, gxe: ModuleType
) -> Expectation:
    kwargs: dict[str, object] = {"min_value": band["low"], "max_value": band["high"]}
    if metric.aggregate in ("count", "nunique"):
        low, high = _whole(band)
        kwargs = {"min_value": low, "max_value": high}
    if metric.aggregate == "count":
        cls = "ExpectTableRowCountToBeBetween"  # the gx engine's count too
    else:
        cls = _aggregates()[metric.aggregate]
        kwargs["column"] = metric.column
    if condition is not None:
        kwargs.update(row_condition=condition, condition_parser="pandas")
    entry = target.entry
    meta: dict[str, Json] = {"factcheck_claim": entry["id"]}
    if target.reading is not None:
        meta["factcheck_reading"] = target.reading
    meta |= {
        "file": f"{entry['file']}:{entry['line']}",
        "quote": entry["quote"],
        "claim": target.phrase,
        "where": metric.where_text,
        "factcheck_verdict": target.verdict,
        "factcheck_figure": target.actual,
    }
    kwargs["meta"] = meta
    expectation: Expectation = getattr(gxe, cls)(**kwargs)
    return expectation
