"""Typed specs: what a project says, with the location each piece was written at."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.lang.aggregates import AGGREGATE_NAMES
from factcheck.lang.expr import Node as ExprNode
from factcheck.lang.where import GroupKey
from factcheck.lang.where import Node as WhereNode
from factcheck.load.limits import Limits
from factcheck.load.yamlsrc import Plain
from factcheck.problems import Location

if TYPE_CHECKING:
    from factcheck.phrases import Phrase, Tolerance

AGGREGATES = AGGREGATE_NAMES  # each declared once, with how engines compute it, there
OVER_GROUPS = ("each", "any")
OVER_REDUCE = ("mean", "median", "min", "max", "sum")
OVER_KEY = ("argmax", "argmin")
OVER_MODES = OVER_GROUPS + OVER_REDUCE + OVER_KEY
PROVENANCE_KINDS = ("primary", "secondary", "reported", "synthetic")
MANUAL_VERDICTS = ("pass", "fail", "warn")
ROUNDING_MODES = ("half_up", "down")
# A value of pyproject.toml as tomllib reads it.
TomlValue = (
    str | int | float | bool | datetime | date | time | list["TomlValue"] | dict[str, "TomlValue"]
)


@dataclass(frozen=True)
class Provenance:
    kind: str
    publisher: str | None = None
    url: str | None = None
    retrieved: str | None = None
    license: str | None = None
    cites: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {
            "kind": self.kind,
            "publisher": self.publisher,
            "url": self.url,
            "retrieved": self.retrieved,
            "license": self.license,
            "cites": self.cites,
        }


@dataclass(frozen=True)
class DatabaseSpec:
    """A dataset in a database (contract section 9): a table or one read-only query."""

    url_env: str  # the environment variable holding the URL; never the URL itself
    table: str | None = None  # schema.table or table
    query: str | None = None


@dataclass(frozen=True)
class DatasetSpec:
    name: str
    path: Path | None  # absolute, checked to lie inside the project root; None: a database
    rel_path: str  # as shown in reports: relative to the project root
    schema_name: str | None
    schema_path: Path | None
    schema_rel: str | None
    description: str | None
    provenance: Provenance | None
    loc: Location
    database: DatabaseSpec | None = None


@dataclass(frozen=True)
class MetricSpec:
    """One aggregate over one dataset: the unit the planner deduplicates."""

    dataset: str
    aggregate: str = "count"
    column: str | None = None
    where: WhereNode | None = None  # the parsed filter
    where_text: str | None = None
    by: GroupKey | None = None
    by_text: str | None = None
    over: str | None = None
    loc: Location = Location("")

    def describe(self) -> dict[str, object]:
        return {
            "dataset": self.dataset,
            "aggregate": self.aggregate,
            "column": self.column,
            "where": self.where_text,
            "by": self.by_text,
            "over": self.over,
        }


@dataclass(frozen=True)
class ManualSpec:
    verdict: str
    by: str
    on: str
    evidence: str


@dataclass(frozen=True)
class SourceSpec:
    file: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    text: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {
            "file": self.file,
            "title": self.title,
            "publisher": self.publisher,
            "published": self.published,
            "url": self.url,
            "text": self.text,
        }


@dataclass(frozen=True)
class ClaimSpec:
    id: str
    file: str
    loc: Location
    quote: str
    claim_text: str  # the phrase as written, or the explicit map rendered back
    phrase: Phrase | None  # None for a manual or unverifiable claim whose phrase is not read
    source: SourceSpec
    metric: MetricSpec | None = None
    expr: ExprNode | None = None  # the parsed expression
    expr_text: str | None = None
    expr_loc: Location | None = None
    let: dict[str, MetricSpec] = field(default_factory=dict)
    manual: ManualSpec | None = None
    unverifiable: str | None = None
    tolerance: Tolerance | None = None
    rounding: str = "half_up"
    note: str | None = None
    proxy: str | None = None  # the data stands in for what is claimed (another period, measure)
    tags: tuple[str, ...] = ()
    raw: Plain = None  # the claim's YAML mapping, for fingerprints
    # Other honest readings of the text (section 8): this claim with some keys replaced.
    readings: tuple[Reading, ...] = ()

    @property
    def kind(self) -> str:
        if self.manual is not None:
            return "manual"
        if self.unverifiable is not None:
            return "unverifiable"
        return "expr" if self.expr is not None else "metric"

    def references(self) -> list[str]:
        """Other claims' ids this claim's figures use: names in its expression, and in its
        readings' expressions, that are not `let` metrics."""
        names = {name for r in self.readings for name in r.claim.references()}
        return sorted(names | set(self.expr_references()))

    def expr_references(self) -> list[str]:
        """Other claims' ids in this claim's own expression (not its readings')."""
        if self.expr is None:
            return []
        from factcheck.lang.expr import expr_names

        return sorted(expr_names(self.expr) - set(self.let))

    def selected(self, select: Sequence[str], tags: Sequence[str]) -> bool:
        """Chosen by --select (ids) or --tag; with neither, every claim is."""
        if not select and not tags:
            return True
        return self.id in select or bool(set(self.tags) & set(tags))

    def metrics(self) -> dict[str, MetricSpec]:
        """The metrics this claim needs, by the name its expression uses."""
        if self.metric is not None:
            return {"value": self.metric}
        return dict(self.let)

    def planned_metrics(self) -> list[MetricSpec]:
        """Every metric to compute for this claim: its own and its readings'."""
        return [m for c in (self, *(r.claim for r in self.readings)) for m in c.metrics().values()]


@dataclass(frozen=True)
class Reading:
    """One alternative reading of a claim: its label and the claim as read that way."""

    label: str
    loc: Location
    claim: ClaimSpec


def claims_used(claim: ClaimSpec, by_id: dict[str, ClaimSpec]) -> list[ClaimSpec]:
    """The claims a claim's expression uses, and the claims those use, in id order."""
    seen: dict[str, ClaimSpec] = {}
    todo = list(claim.references())
    while todo:
        name = todo.pop()
        if name in seen or name == claim.id or name not in by_id:
            continue
        seen[name] = by_id[name]
        todo.extend(by_id[name].references())
    return [seen[name] for name in sorted(seen)]


def datasets_behind(claim: ClaimSpec, by_id: dict[str, ClaimSpec]) -> set[str]:
    """Datasets a claim's figure comes from (its readings' too), through the claims it uses."""
    return {m.dataset for c in [claim, *claims_used(claim, by_id)] for m in c.planned_metrics()}


@dataclass
class Settings:
    """[tool.factcheck] in pyproject.toml."""

    claims_dir: str = "claims"
    data_dir: str = "data"
    schemas_dir: str = "schemas"
    engine: str = "duckdb"
    engine_loc: Location = field(default_factory=lambda: Location("pyproject.toml"))
    vague_ranges: dict[str, tuple[float, float]] = field(default_factory=dict)
    tolerance: Tolerance | None = None  # [tool.factcheck.defaults]; a file's defaults override it
    rounding: str = "half_up"
    drift: dict[str, object] = field(default_factory=dict)  # checked by load/drift_rules.py
    limits: Limits = field(default_factory=Limits)  # load/limits.py; docs/security.md
    python_schemas: bool = True  # False under --no-python-schemas: schemas/*.py refused
    refused: set[str] = field(default_factory=set)  # folders outside the root: never read


@dataclass
class Project:
    root: Path
    settings: Settings
    datasets: dict[str, DatasetSpec]
    claims: list[ClaimSpec]
    sources: list[SourceSpec]
    columns: dict[str, list[str]] = field(default_factory=dict)
