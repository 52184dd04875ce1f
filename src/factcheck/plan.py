"""Plan: the metrics every claim needs, deduplicated per dataset and grouped into scans.

After Deequ: checks declare the metrics they need; each distinct metric is
computed once and shared. Metrics with the same filter and grouping form one
scan, so an engine answers them in one pass over the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.lang.where import GroupKey, Node
from factcheck.load.spec import ClaimSpec, MetricSpec


@dataclass(frozen=True)
class MetricKey:
    """A metric's identity: what is computed, over which rows, grouped how.

    The filter and the grouping are the parsed trees (frozen dataclasses), so two
    metrics that mean the same - `court='x'` and `court = 'x'`, `<>` and `!=`, `AND`
    and `and` - are one key, and no engine's dialect is part of it.
    """

    dataset: str
    aggregate: str
    column: str | None
    where: Node | None
    by: GroupKey | None


def metric_key(metric: MetricSpec) -> MetricKey:
    return MetricKey(metric.dataset, metric.aggregate, metric.column, metric.where, metric.by)


@dataclass
class Scan:
    """One pass over a dataset: a filter, an optional grouping, the aggregates wanted."""

    where: Node | None
    by: GroupKey | None
    metrics: dict[MetricKey, tuple[str, str | None]] = field(default_factory=dict)


@dataclass
class Plan:
    scans: dict[str, list[Scan]]  # dataset name -> scans
    distinct: int  # distinct metrics
    requested: int  # metrics the claims asked for, before deduplication


def make_plan(claims: list[ClaimSpec]) -> Plan:
    scans: dict[str, dict[tuple[Node | None, GroupKey | None], Scan]] = {}
    requested = 0
    seen: set[MetricKey] = set()
    for claim in claims:
        for metric in claim.planned_metrics():  # readings' metrics share the scans
            requested += 1
            key = metric_key(metric)
            seen.add(key)
            per_dataset = scans.setdefault(metric.dataset, {})
            scan = per_dataset.setdefault((key.where, key.by), Scan(key.where, key.by))
            scan.metrics[key] = (metric.aggregate, metric.column)
    return Plan(
        {name: list(by_scan.values()) for name, by_scan in scans.items()},
        distinct=len(seen),
        requested=requested,
    )
