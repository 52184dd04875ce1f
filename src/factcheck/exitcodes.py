"""Exit codes: one enum and one pure function with an explicit priority."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # every claim passed, warned or was skipped
    FAILED = 1  # a claim failed or errored (or warned, under --strict)
    CONFIG = 2  # the project could not be read; nothing was judged
    INVALID_DATA = 3  # a dataset failed its schema
    DRIFT = 4  # with --locked: a claim moved since factcheck.lock


def exit_code(
    summary: Mapping[str, int],
    *,
    strict: bool = False,
    config_errors: int = 0,
    invalid_datasets: int = 0,
    drifted: int = 0,
) -> ExitCode:
    """Most serious first: config, invalid data, drift, failures."""
    if config_errors:
        return ExitCode.CONFIG
    if invalid_datasets:
        return ExitCode.INVALID_DATA
    if drifted:
        return ExitCode.DRIFT
    bad = summary.get("fail", 0) + summary.get("error", 0)
    if strict:
        bad += summary.get("warn", 0)
    return ExitCode.FAILED if bad else ExitCode.OK
