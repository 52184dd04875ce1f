"""One claim's result: its verdict, figure, evidence, computation and readings."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from factcheck.results.values import (
    Figure,
    JsonObject,
    Scalar,
    figure,
    flags,
    groups,
    integer,
    obj,
    objects,
    opt_float,
    opt_int,
    opt_text,
    text,
    texts,
)


class Verdict(StrEnum):
    PASS = "pass"  # supported
    WARN = "warn"  # supported only loosely
    FAIL = "fail"  # contradicted
    ERROR = "error"  # could not be computed
    SKIP = "skip"  # deselected or unverifiable

    @classmethod
    def read(cls, value: object) -> Verdict:
        """A verdict from JSON; an unknown word is an error (nothing was decided)."""
        try:
            return cls(str(value))
        except ValueError:
            return cls.ERROR


class Evidence(StrEnum):
    """What a verdict rests on (contract section 8)."""

    DIRECT = "direct"  # independent data
    PROXY = "proxy"  # data standing in for the claim's subject
    CIRCULAR = "circular"  # the article's own figure, relayed
    MANUAL = "manual"  # a person's check


VERDICTS = tuple(v.value for v in Verdict)
EVIDENCE = tuple(e.value for e in Evidence)


@dataclass
class ReadingResult:
    """One listed reading of a claim: its figure and verdict."""

    label: str
    claim: str
    actual: Figure
    verdict: Verdict
    explanation: str

    def as_dict(self) -> dict[str, object]:
        return {
            "label": self.label,
            "claim": self.claim,
            "actual": self.actual,
            "verdict": str(self.verdict),
            "explanation": self.explanation,
        }

    @classmethod
    def from_dict(cls, raw: JsonObject) -> ReadingResult:
        return cls(
            text(raw.get("label"), "None"),
            text(raw.get("claim"), "None"),
            figure(raw.get("actual")),
            Verdict.read(raw.get("verdict")),
            text(raw.get("explanation"), "None"),
        )


@dataclass
class MetricDetail:
    """One metric behind a claim's figure: what was computed, over how many rows, to what."""

    name: str
    dataset: str | None = None
    aggregate: str = "count"
    column: str | None = None
    where: str | None = None
    by: str | None = None
    over: str | None = None
    rows: int | None = None
    value: Figure = None
    groups: dict[str, Scalar] | None = None

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, raw: JsonObject) -> MetricDetail:
        return cls(
            name=text(raw.get("name")),
            dataset=opt_text(raw.get("dataset")),
            aggregate=text(raw.get("aggregate"), cls.aggregate),
            column=opt_text(raw.get("column")),
            where=opt_text(raw.get("where")),
            by=opt_text(raw.get("by")),
            over=opt_text(raw.get("over")),
            rows=opt_int(raw.get("rows")),
            value=figure(raw.get("value")),
            groups=groups(raw.get("groups")),
        )


@dataclass
class Computation:
    """How a computed claim's figure was reached: its metrics, its expression's steps."""

    metrics: list[MetricDetail] = field(default_factory=list)
    expr: str | None = None
    steps: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        metrics = [m.as_dict() for m in self.metrics]
        return {"metrics": metrics, "expr": self.expr, "steps": list(self.steps)}

    @classmethod
    def from_dict(cls, raw: JsonObject) -> Computation:
        metrics = [MetricDetail.from_dict(m) for m in objects(raw.get("metrics"))]
        return cls(metrics, opt_text(raw.get("expr")), texts(raw.get("steps")))


@dataclass
class ManualCheck:
    """A person's verdict on a claim no data settles."""

    verdict: str
    by: str
    on: str
    evidence: str

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, raw: JsonObject) -> ManualCheck:
        keys = ("verdict", "by", "on", "evidence")
        return cls(*(text(raw.get(key), "None") for key in keys))


@dataclass
class Band:
    """The figures a claim's phrase accepts (either end open), for charts."""

    low: float | None = None
    high: float | None = None

    def as_dict(self) -> dict[str, object]:
        return {"low": self.low, "high": self.high}


@dataclass
class ClaimResult:
    """One claim's result, its fields in the JSON report's order."""

    id: str
    file: str
    line: int = 1
    quote: str = ""
    claim: str = ""
    verdict: Verdict = Verdict.ERROR
    actual: Figure = None
    explanation: str = ""
    circular: bool = False
    evidence: Evidence | None = None  # None for a skipped claim: nothing was weighed
    kind: str | None = None
    rule: str | None = None
    rounding: dict[str, bool] | None = None
    band: Band | None = None
    readings: list[ReadingResult] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    note: str | None = None
    proxy: str | None = None
    datasets: list[str] = field(default_factory=list)
    computation: Computation | None = None
    manual: ManualCheck | None = None
    reason: str | None = None
    fingerprint: str | None = None

    @property
    def evidence_kind(self) -> Evidence | None:
        """What the verdict rests on; a report from before v1.1 has only `circular`."""
        if self.evidence is not None:
            return self.evidence
        return Evidence.CIRCULAR if self.circular else None

    @property
    def deselected(self) -> bool:
        """Skipped because --select or --tag left it out: the run says nothing of it."""
        return (self.reason or "").startswith("not selected")

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "file": self.file,
            "line": self.line,
            "quote": self.quote,
            "claim": self.claim,
            "verdict": str(self.verdict),
            "actual": self.actual,
            "explanation": self.explanation,
            "circular": self.circular,
            "evidence": None if self.evidence is None else str(self.evidence),
            "kind": self.kind,
            "rule": self.rule,
            "rounding": self.rounding,
            "band": None if self.band is None else self.band.as_dict(),
            "readings": [r.as_dict() for r in self.readings],
            "tags": list(self.tags),
            "note": self.note,
            "proxy": self.proxy,
            "datasets": list(self.datasets),
            "computation": None if self.computation is None else self.computation.as_dict(),
            "manual": None if self.manual is None else self.manual.as_dict(),
            "reason": self.reason,
            "fingerprint": self.fingerprint,
        }

    @classmethod
    def from_dict(cls, raw: JsonObject) -> ClaimResult:
        """A claim read back from JSON; a key it lacks takes the model's default."""
        band, computation, manual = raw.get("band"), raw.get("computation"), raw.get("manual")
        evidence = raw.get("evidence")
        return cls(
            id=text(raw.get("id"), "None"),
            file=text(raw.get("file")),
            line=integer(raw.get("line"), cls.line),
            quote=text(raw.get("quote"), cls.quote),
            claim=text(raw.get("claim"), cls.claim),
            verdict=Verdict.read(raw.get("verdict", cls.verdict)),
            actual=figure(raw.get("actual")),
            explanation=text(raw.get("explanation"), cls.explanation),
            circular=bool(raw.get("circular", cls.circular)),
            evidence=Evidence(evidence) if evidence in EVIDENCE else None,
            kind=opt_text(raw.get("kind")),
            rule=opt_text(raw.get("rule")),
            rounding=flags(raw.get("rounding")),
            band=(
                Band(opt_float(obj(band).get("low")), opt_float(obj(band).get("high")))
                if isinstance(band, dict)
                else None
            ),
            readings=[ReadingResult.from_dict(r) for r in objects(raw.get("readings"))],
            tags=texts(raw.get("tags")),
            note=opt_text(raw.get("note")),
            proxy=opt_text(raw.get("proxy")),
            datasets=texts(raw.get("datasets")),
            computation=(
                Computation.from_dict(computation)
                if isinstance(computation, dict) and computation
                else None
            ),
            manual=ManualCheck.from_dict(manual) if isinstance(manual, dict) and manual else None,
            reason=opt_text(raw.get("reason")),
            fingerprint=opt_text(raw.get("fingerprint")),
        )
