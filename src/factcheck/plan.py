"""Plan: the metrics every claim needs, deduplicated per dataset and grouped into scans.

After Deequ: checks declare the metrics they need; each distinct metric is
computed once and shared. Metrics with the same filter and grouping form one
scan, so an engine answers them in one pass over the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factcheck.lang.sql import group_key_sql, where_to_sql
from factcheck.load.spec import ClaimSpec, MetricSpec

# (dataset, aggregate, column, filter as SQL, group key as SQL): equal meaning, equal key.
MetricKey = tuple[str, str, str | None, str | None, str | None]


def metric_key(metric: MetricSpec) -> MetricKey:
    where = where_to_sql(metric.where) if metric.where is not None else None
    by = group_key_sql(metric.by) if metric.by is not None else None
    return (metric.dataset, metric.aggregate, metric.column, where, by)


@dataclass
class Scan:
    """One pass over a dataset: a filter, an optional grouping, the aggregates wanted."""

    where: Any  # where-AST or None
    by: Any  # GroupKey or None
    metrics: dict[MetricKey, tuple[str, str | None]] = field(default_factory=dict)


@dataclass
class Plan:
    scans: dict[str, list[Scan]]  # dataset name -> scans
    distinct: int  # distinct metrics
    requested: int  # metrics the claims asked for, before deduplication


def make_plan(claims: list[ClaimSpec]) -> Plan:
    scans: dict[str, dict[tuple[str | None, str | None], Scan]] = {}
    requested = 0
    seen: set[MetricKey] = set()
    for claim in claims:
        for metric in claim.planned_metrics():  # readings' metrics share the scans
            requested += 1
            key = metric_key(metric)
            seen.add(key)
            per_dataset = scans.setdefault(metric.dataset, {})
            scan = per_dataset.setdefault(key[3:], Scan(metric.where, metric.by))
            scan.metrics[key] = (metric.aggregate, metric.column)
    return Plan(
        {name: list(by_scan.values()) for name, by_scan in scans.items()},
        distinct=len(seen),
        requested=requested,
    )
