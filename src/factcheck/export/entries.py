"""The JSON report as the export reads it: only the keys it uses (the contract's, section 7
and 8), typed, so the compilers and the ledger say what they expect of a claim."""

from __future__ import annotations

from typing import TypedDict

# A value as JSON holds it: a figure, a group's figures, a key, or nothing.
Json = str | int | float | bool | None | dict[str, "Json"] | list["Json"]


class Band(TypedDict):
    low: float | None
    high: float | None


class MetricEntry(TypedDict):
    dataset: str
    aggregate: str
    column: str | None
    where: str | None
    by: str | None
    over: str | None


class Computation(TypedDict):
    metrics: list[MetricEntry]


class ReadingEntry(TypedDict):
    label: str
    claim: str
    actual: Json
    verdict: str
    explanation: str


class ClaimEntry(TypedDict, total=False):
    id: str
    file: str
    line: int
    quote: str
    claim: str
    verdict: str
    actual: Json
    explanation: str
    kind: str
    band: Band | None
    readings: list[ReadingEntry]
    datasets: list[str]
    computation: Computation | None


class DatasetEntry(TypedDict, total=False):
    name: str
    schema: str | None


class Report(TypedDict):
    exit_code: int
    summary: dict[str, Json]
    claims: list[ClaimEntry]
    datasets: list[DatasetEntry]
