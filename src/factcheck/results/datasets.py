"""A dataset's entry in the report: where it lies, its hash, and its schema's verdict.

The failing checks keep the JSON shape validation gives them (some keys only on some
paths: `line` only where the format has lines, `message` only for a check that could not
run), so they are typed dicts, copied key by key in validation's order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict

from factcheck.results.values import (
    JsonObject,
    Scalar,
    integer,
    obj,
    objects,
    opt_int,
    opt_text,
    scalar,
    text,
)


class FailureCase(TypedDict, total=False):
    index: Scalar  # the row's index (0-based), or a column name for a structural check
    line: int | None  # the file line it was written on, where the format has lines
    failure_case: Scalar  # the failing value


class SchemaFailure(TypedDict, total=False):
    check: str
    column: str | None  # None for a check on the whole table
    failure_cases: list[FailureCase]
    count: int
    message: str


class Provenance(TypedDict):
    kind: str | None
    publisher: str | None
    url: str | None
    retrieved: str | None
    license: str | None
    cites: str | None


def _case(raw: JsonObject) -> FailureCase:
    out: FailureCase = {}
    if "index" in raw:
        out["index"] = scalar(raw["index"])
    if "line" in raw:
        out["line"] = opt_int(raw["line"])
    if "failure_case" in raw:
        out["failure_case"] = scalar(raw["failure_case"])
    return out


def _failure(raw: JsonObject) -> SchemaFailure:
    out: SchemaFailure = {}
    if "check" in raw:
        out["check"] = text(raw["check"])
    if "column" in raw:
        out["column"] = opt_text(raw["column"])
    if "failure_cases" in raw:
        out["failure_cases"] = [_case(c) for c in objects(raw["failure_cases"])]
    if "count" in raw:
        out["count"] = integer(raw["count"], 0)
    if "message" in raw:
        out["message"] = text(raw["message"])
    return out


def _provenance(raw: JsonObject) -> Provenance:
    return Provenance(
        kind=opt_text(raw.get("kind")),
        publisher=opt_text(raw.get("publisher")),
        url=opt_text(raw.get("url")),
        retrieved=opt_text(raw.get("retrieved")),
        license=opt_text(raw.get("license")),
        cites=opt_text(raw.get("cites")),
    )


@dataclass
class DatasetReport:
    """A dataset as validated: a file has a sha256, a database dataset a fingerprint."""

    name: str
    path: str = ""
    sha256: str | None = None
    fingerprint: str | None = None
    rows: int | None = None
    valid: bool = True
    failures: list[SchemaFailure] = field(default_factory=list)
    schema: str | None = None
    description: str | None = None
    provenance: Provenance | None = None

    @property
    def is_database(self) -> bool:
        return self.fingerprint is not None and self.sha256 is None

    @property
    def identity(self) -> str | None:
        """The hash that says the data is unchanged: the file's sha256, else the fingerprint."""
        return self.fingerprint if self.sha256 is None else self.sha256

    def as_dict(self) -> dict[str, object]:
        hashed: dict[str, object] = (
            {"fingerprint": self.fingerprint} if self.is_database else {"sha256": self.sha256}
        )
        return {
            "name": self.name,
            "path": self.path,
            **hashed,
            "rows": self.rows,
            "valid": self.valid,
            "failures": self.failures,
            "schema": self.schema,
            "description": self.description,
            "provenance": self.provenance,
        }

    @classmethod
    def from_dict(cls, raw: JsonObject) -> DatasetReport:
        provenance = raw.get("provenance")
        return cls(
            name=text(raw.get("name"), "None"),
            path=text(raw.get("path"), cls.path),
            sha256=opt_text(raw.get("sha256")),
            fingerprint=opt_text(raw.get("fingerprint")),
            rows=opt_int(raw.get("rows")),
            valid=bool(raw.get("valid", cls.valid)),
            failures=[_failure(f) for f in objects(raw.get("failures"))],
            schema=opt_text(raw.get("schema")),
            description=opt_text(raw.get("description")),
            provenance=_provenance(obj(provenance)) if isinstance(provenance, dict) else None,
        )
