"""Typed results, from judging to reporting: one claim's result, a dataset's, the run's.

Judging fills `ClaimResult`s; the run wraps them in a `RunReport`; every report format
renders that model. The dict form exists once, at the JSON edge (`as_dict`, in the
report's key order), and `RunReport.from_dict` is the one reader of a JSON report back
into the model, its defaults the model's own, so no format restates them.
"""

from __future__ import annotations

from factcheck.results.claims import (
    EVIDENCE,
    VERDICTS,
    Band,
    ClaimResult,
    Computation,
    Evidence,
    ManualCheck,
    MetricDetail,
    ReadingResult,
    Verdict,
)
from factcheck.results.datasets import DatasetReport, FailureCase, Provenance, SchemaFailure
from factcheck.results.run import (
    Coverage,
    DatasetChange,
    DriftItem,
    DriftSection,
    RunReport,
    SourceReport,
    Summary,
    UncoveredFigure,
)
from factcheck.results.values import Figure, JsonObject, ReportError, Scalar

__all__ = [
    "EVIDENCE",
    "VERDICTS",
    "Band",
    "ClaimResult",
    "Computation",
    "Coverage",
    "DatasetChange",
    "DatasetReport",
    "DriftItem",
    "DriftSection",
    "Evidence",
    "FailureCase",
    "Figure",
    "JsonObject",
    "ManualCheck",
    "MetricDetail",
    "Provenance",
    "ReadingResult",
    "ReportError",
    "RunReport",
    "Scalar",
    "SchemaFailure",
    "SourceReport",
    "Summary",
    "UncoveredFigure",
    "Verdict",
]
