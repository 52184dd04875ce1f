"""`lint` and `check` refuse a phrase that does not fit its figure, before reading data:
exit 2, the phrase named at its file and line, every problem in one run."""

from __future__ import annotations

from pathlib import Path

import pytest

BAD = """
  - id: word_on_expr
    quote: "the north had the majority"
    claim: majority
    expr: north_total / south_total_down

  - id: word_on_metric
    quote: "in UA"
    claim: UA
    metric: {dataset: rain}

  - id: number_on_argmax
    quote: "the wettest month had over 500 mm"
    claim: over 500
    metric: {dataset: rain, aggregate: sum, column: mm, by: month, over: argmax}

  - id: date_as_key
    quote: "the wettest month was June 2024"
    claim: "June 2024"
    metric: {dataset: rain, aggregate: sum, column: mm, by: month, over: argmax}
"""


@pytest.mark.parametrize("command", ["lint", "check"])
def test_misfit_phrases_are_configuration_errors(factcheck, project, command: str) -> None:
    root: Path = project("floats")
    claims = root / "claims" / "rain.yaml"
    claims.write_text(claims.read_text() + BAD)
    result = factcheck(command, "--root", root)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = claims.read_text().splitlines()

    def line(needle: str) -> int:
        return next(i for i, text in enumerate(lines, 1) if text.strip() == needle)

    errors = result.stderr
    assert f"claims/rain.yaml:{line('claim: majority')}:" in errors
    assert "an expr gives a number" in errors and "[majority]" in errors
    assert f"claims/rain.yaml:{line('claim: UA')}:" in errors and "[UA]" in errors
    assert f"claims/rain.yaml:{line('claim: over 500')}:" in errors and "[over 500]" in errors
    assert "'2024-06'" in errors and "[June 2024]" in errors


@pytest.mark.parametrize(
    ("digits", "message"),
    [
        # One limit, number_digits (100), for the YAML reader and the phrase reader alike
        # (the phrase reader's own was 40): the same message whichever reads it first.
        (101, "more than 100 digits in one number (101)"),
        (5000, "more than 100 digits in one number (5000)"),
    ],
)
def test_a_number_too_long_to_judge_is_a_configuration_error(
    factcheck, project, digits: int, message: str
) -> None:
    root: Path = project("floats")
    claims = root / "claims" / "rain.yaml"
    huge = "9" * digits
    claims.write_text(
        claims.read_text()
        + f'\n  - id: huge\n    quote: "x"\n    claim: "{huge}"\n    metric: {{dataset: rain}}\n'
    )
    result = factcheck("check", "--root", root)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert message in result.stderr and "claims/rain.yaml:" in result.stderr
    assert huge not in result.stderr  # the number is named, not printed whole
