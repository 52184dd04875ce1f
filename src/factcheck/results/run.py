"""The whole run's report: its summary, articles, claims, datasets and drift.

`RunReport.as_dict` is the JSON edge (the report's key order); `RunReport.from_dict` is
the one reader of a JSON report back into the model (replay, diff, a report rendered
again), filling what an older or contract-only report lacks from the model's defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.results.claims import VERDICTS, ClaimResult
from factcheck.results.datasets import DatasetReport
from factcheck.results.values import (
    Figure,
    JsonObject,
    figure,
    integer,
    obj,
    objects,
    opt_int,
    opt_text,
    tallies,
    text,
    texts,
)


@dataclass
class Summary:
    """How many claims got each verdict, and (since v1.1) per evidence kind."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(VERDICTS, 0))
    evidence: dict[str, dict[str, int]] | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = dict(self.counts)
        if self.evidence is not None:
            out["evidence"] = self.evidence
        return out

    @classmethod
    def from_dict(cls, raw: JsonObject) -> Summary:
        counts = {v: integer(raw.get(v, 0), 0) for v in VERDICTS}
        kinds = raw.get("evidence")
        evidence = None if kinds is None else {str(k): tallies(v) for k, v in obj(kinds).items()}
        return cls(counts, evidence)


@dataclass
class UncoveredFigure:
    """A figure of the article that no claim's quote holds."""

    text: str
    line: int
    col: int


@dataclass
class Coverage:
    """How many of the article's figures the claims' quotes hold (see factcheck coverage)."""

    file: str  # the article, relative to the project root
    figures: int = 0
    covered: int = 0
    uncovered: list[UncoveredFigure] = field(default_factory=list)
    missing_quotes: list[str] = field(default_factory=list)  # ids of quotes not in the text

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "figures": self.figures,
            "covered": self.covered,
            "uncovered": [f.__dict__ for f in self.uncovered],
            "missing_quotes": list(self.missing_quotes),
        }

    @classmethod
    def from_dict(cls, raw: JsonObject) -> Coverage:
        return cls(
            file=text(raw.get("file")),
            figures=integer(raw.get("figures"), 0),
            covered=integer(raw.get("covered"), 0),
            uncovered=[
                UncoveredFigure(
                    text(f.get("text")), integer(f.get("line"), 1), integer(f.get("col"), 1)
                )
                for f in objects(raw.get("uncovered"))
            ],  # fmt: skip
            missing_quotes=texts(raw.get("missing_quotes")),
        )


@dataclass
class SourceReport:
    """The article a claims file checks; coverage and text when it names its text file."""

    file: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    text: str | None = None  # the article's text file
    coverage: Coverage | None = None
    article: str | None = None  # the article itself, for the annotated HTML report

    def as_dict(self) -> dict[str, object]:
        keys = ("file", "title", "publisher", "published", "url", "text")
        out: dict[str, object] = {key: getattr(self, key) for key in keys}
        if self.coverage is not None:
            out["coverage"] = self.coverage.as_dict()
        if self.article is not None:
            out["article"] = self.article
        return out

    @classmethod
    def from_dict(cls, raw: JsonObject) -> SourceReport:
        coverage = raw.get("coverage")
        article = raw.get("article")
        return cls(
            file=text(raw.get("file")),
            title=opt_text(raw.get("title")),
            publisher=opt_text(raw.get("publisher")),
            published=opt_text(raw.get("published")),
            url=opt_text(raw.get("url")),
            text=opt_text(raw.get("text")),
            coverage=Coverage.from_dict(coverage)
            if isinstance(coverage, dict) and coverage
            else None,
            article=article if isinstance(article, str) else None,
        )


@dataclass
class DriftItem:
    """A claim that moved since the lock: its figure, verdict or definition."""

    id: str
    old_actual: Figure = None
    new_actual: Figure = None
    old_verdict: str | None = None
    new_verdict: str | None = None
    definition_changed: bool = False
    added: bool = False  # in the claims, not in the lock
    removed: bool = False  # in the lock, no longer in the claims
    datasets_changed: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {**self.__dict__, "datasets_changed": list(self.datasets_changed)}

    @classmethod
    def from_dict(cls, raw: JsonObject) -> DriftItem:
        return cls(
            id=text(raw.get("id"), "None"),
            old_actual=figure(raw.get("old_actual")),
            new_actual=figure(raw.get("new_actual")),
            old_verdict=opt_text(raw.get("old_verdict")),
            new_verdict=opt_text(raw.get("new_verdict")),
            definition_changed=bool(raw.get("definition_changed")),
            added=bool(raw.get("added")),
            removed=bool(raw.get("removed")),
            datasets_changed=texts(raw.get("datasets_changed")),
        )


@dataclass
class DatasetChange:
    """Why a dataset counts as changed since the lock: its hash and rows, then and now."""

    name: str
    old_sha256: str | None = None  # a database dataset's fingerprint stands here
    new_sha256: str | None = None
    old_rows: int | None = None
    new_rows: int | None = None

    @classmethod
    def from_dict(cls, raw: JsonObject) -> DatasetChange:
        return cls(
            text(raw.get("name")), opt_text(raw.get("old_sha256")),
            opt_text(raw.get("new_sha256")), opt_int(raw.get("old_rows")),
            opt_int(raw.get("new_rows")),
        )  # fmt: skip


@dataclass
class DriftSection:
    """`check --locked`: every claim that moved since the lock, and the data that did."""

    lock: str | None = None
    claims: list[DriftItem] = field(default_factory=list)
    datasets_changed: list[str] = field(default_factory=list)
    datasets: list[DatasetChange] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "lock": self.lock,
            "claims": [item.as_dict() for item in self.claims],
            "datasets_changed": list(self.datasets_changed),
            "datasets": [dict(change.__dict__) for change in self.datasets],
        }

    @classmethod
    def from_dict(cls, raw: JsonObject) -> DriftSection:
        return cls(
            lock=opt_text(raw.get("lock")),
            claims=[DriftItem.from_dict(c) for c in objects(raw.get("claims"))],
            datasets_changed=texts(raw.get("datasets_changed")),
            datasets=[DatasetChange.from_dict(d) for d in objects(raw.get("datasets"))],
        )


@dataclass
class RunReport:
    """The whole run's report, its fields in the JSON report's order."""

    summary: Summary
    claims: list[ClaimResult]
    datasets: list[DatasetReport]
    factcheck_report: int = 1
    factcheck_version: str | None = None
    generated: str | None = None
    python: str | None = None
    platform: str | None = None
    root: str | None = None
    git_commit: str | None = None
    engine: str | None = None
    strict: bool = False
    exit_code: int | None = None
    sources: list[SourceReport] = field(default_factory=list)
    drift: DriftSection | None = None

    def as_dict(self) -> dict[str, object]:
        """The JSON edge: plain data, in the report's key order."""
        return {
            "factcheck_report": self.factcheck_report,
            "factcheck_version": self.factcheck_version,
            "generated": self.generated,
            "python": self.python,
            "platform": self.platform,
            "root": self.root,
            "git_commit": self.git_commit,
            "engine": self.engine,
            "strict": self.strict,
            "exit_code": self.exit_code,
            "summary": self.summary.as_dict(),
            "sources": [s.as_dict() for s in self.sources],
            "claims": [c.as_dict() for c in self.claims],
            "datasets": [d.as_dict() for d in self.datasets],
            "drift": None if self.drift is None else self.drift.as_dict(),
        }

    @classmethod
    def from_dict(cls, raw: JsonObject) -> RunReport:
        """A report read back from JSON (or holding only the contract's keys, section 7);
        what it lacks takes the model's defaults. The caller's dict is never changed."""
        drift = raw.get("drift")
        return cls(
            summary=Summary.from_dict(obj(raw.get("summary"))),
            claims=[ClaimResult.from_dict(c) for c in objects(raw.get("claims"))],
            datasets=[DatasetReport.from_dict(d) for d in objects(raw.get("datasets"))],
            factcheck_report=integer(raw.get("factcheck_report"), cls.factcheck_report),
            factcheck_version=opt_text(raw.get("factcheck_version")),
            generated=opt_text(raw.get("generated")),
            python=opt_text(raw.get("python")),
            platform=opt_text(raw.get("platform")),
            root=opt_text(raw.get("root")),
            git_commit=opt_text(raw.get("git_commit")),
            engine=opt_text(raw.get("engine")),
            strict=bool(raw.get("strict", cls.strict)),
            exit_code=opt_int(raw.get("exit_code")),
            sources=[SourceReport.from_dict(s) for s in objects(raw.get("sources"))],
            drift=DriftSection.from_dict(drift) if isinstance(drift, dict) else None,
        )

    def claim(self, claim_id: str) -> ClaimResult | None:
        return next((c for c in self.claims if c.id == claim_id), None)
