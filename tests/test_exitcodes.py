import pytest

from factcheck.exitcodes import ExitCode, exit_code

CLEAN = {"pass": 3, "warn": 0, "fail": 0, "error": 0, "skip": 1}


@pytest.mark.parametrize(
    ("summary", "kwargs", "expected"),
    [
        (CLEAN, {}, ExitCode.OK),
        ({**CLEAN, "warn": 2}, {}, ExitCode.OK),
        ({**CLEAN, "warn": 2}, {"strict": True}, ExitCode.FAILED),
        ({**CLEAN, "fail": 1}, {}, ExitCode.FAILED),
        ({**CLEAN, "error": 1}, {}, ExitCode.FAILED),
        ({**CLEAN, "fail": 1}, {"invalid_datasets": 1}, ExitCode.INVALID_DATA),
        ({**CLEAN, "fail": 1}, {"drifted": 2}, ExitCode.DRIFT),
        ({**CLEAN, "fail": 1}, {"drifted": 2, "invalid_datasets": 1}, ExitCode.INVALID_DATA),
        (CLEAN, {"config_errors": 1, "invalid_datasets": 1}, ExitCode.CONFIG),
    ],
)
def test_priority(summary, kwargs, expected) -> None:
    assert exit_code(summary, **kwargs) is expected


def test_values_are_the_contract() -> None:
    assert [int(c) for c in ExitCode] == [0, 1, 2, 3, 4]
