"""A dataset's claims compiled to a great-expectations suite (`NAME.claims`).

One aggregate expectation per claim whose figure is one ungrouped metric, with the
claim's pass band (from factcheck's own report) as min/max; the claim's `where` becomes
a GX `row_condition` only when it renders exactly (lang/pandas_query.py). Every other
claim is kept with the reason it was not compiled: grouped, expr, manual and
unverifiable claims, claims in error, filters without an exact row condition. Each
expectation's description names its claim (id, file:line, quote, filter), which is what
Data Docs show for it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from factcheck.export.schema_suite import Compiled, describe
from factcheck.lang.pandas_query import pandas_query

if TYPE_CHECKING:
    import pandas as pd


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
    unverifiable, an expr over none) with their reason. `entries` are the report's
    claims; `specs` the project's ClaimSpecs by id (for the parsed where tree)."""
    suites: dict[str, Compiled] = {name: Compiled(source="Claim") for name in frames}
    elsewhere: list[tuple[str, str]] = []
    for entry in entries:
        claim_id, kind = entry["id"], entry["kind"]
        datasets = entry.get("datasets") or []
        if kind in ("manual", "unverifiable"):
            elsewhere.append((claim_id, kind))
            continue
        if not datasets:
            elsewhere.append((claim_id, f"{kind} over no dataset: nothing for GX to check"))
            continue
        if entry["verdict"] == "error":
            for dataset in datasets:
                suites[dataset].not_compiled.append((claim_id, f"error: {entry['explanation']}"))
            continue
        if kind == "expr":
            for dataset in datasets:
                suites[dataset].not_compiled.append((claim_id, "expr: a computed expression"))
            continue
        if not (entry.get("computation") or {}).get("metrics"):
            for dataset in datasets:
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
            condition = pandas_query(where, frames[dataset], schemas.get(dataset))
            if condition is None:
                target.not_compiled.append(
                    (claim_id, f"filter: '{metric['where']}' has no exact GX row_condition")
                )
                continue
        expectation = _claim_expectation(entry, metric, condition, gxe)
        target.add(expectation, claim_id)
        expectation.description = describe(_description(entry, metric, expectation))
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


def _description(entry: dict[str, Any], metric: dict[str, Any], expectation: Any) -> str:
    """What Data Docs show for a claim's expectation: the claim, not GX's template."""
    if metric["aggregate"] == "count":
        what = "number of rows"
    else:
        what = f"{metric['aggregate']} of {metric['column']}"
    where = f" where {metric['where']}" if metric.get("where") else " (all rows)"
    low, high = _plain(expectation.min_value), _plain(expectation.max_value)
    return (
        f'Claim {entry["id"]} ({entry["file"]}:{entry["line"]}): "{entry["quote"]}" asserts '
        f"{entry['claim']}. The {what}{where} must be from {low} to {high}, factcheck's pass "
        f"band (factcheck's figure: {_plain(entry['actual'])}, verdict {entry['verdict']})."
    )


def _plain(value: Any) -> str:
    """A number as a reader writes it: 12, 847.5, 2.7 (no float noise, no exponent)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.12g}" if "e" not in f"{value:.12g}" else repr(value)
    return str(value)


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
    return getattr(gxe, cls)(**kwargs)
