"""--engine spark for real: a local[2] session (Java 17), small synthetic data.

Section 8 and 9 of the contract: the verdicts and figures are those of the default engine,
and the schema is validated on Spark with the failures pandera's pandas backend finds.
One Spark session serves the module (each dataset gets its own temporary views).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import PROJECTS

if not os.environ.get("FACTCHECK_REQUIRE_SPARK"):  # set by .ci/run: there it must run
    pytest.importorskip("pyspark", reason="pip install 'factcheck-claims[spark]'")


def _figures(report: dict[str, Any]) -> dict[str, Any]:
    return {c["id"]: (c["verdict"], c["actual"], c.get("groups")) for c in report["claims"]}


@pytest.mark.parametrize("project", ["basic", "weather"])
def test_spark_gives_the_default_engines_figures(project: str) -> None:
    from factcheck.run import Options, run_check

    default = run_check(Options(root=PROJECTS / project))
    spark = run_check(Options(root=PROJECTS / project, engine="spark"))
    assert default.report is not None and spark.report is not None, spark.problems
    spark_report, default_report = spark.report.as_dict(), default.report.as_dict()
    assert _figures(spark_report) == _figures(default_report)
    assert spark_report["datasets"] == default_report["datasets"]
    assert spark.exit_code == default.exit_code


def test_spark_validation_finds_what_pandas_finds(tmp_path: Path) -> None:
    """The bad CSV of test_validate_sql, validated on Spark and by pandera in pandas."""
    from tests.test_validate_sql import ROWS, SCHEMA, _spec

    from factcheck.engines.spark_engine import SparkEngine
    from factcheck.problems import Problems
    from factcheck.validate import load_schema, validate_dataset

    (tmp_path / "t.csv").write_text("\n".join(ROWS) + "\n")
    (tmp_path / "s.yaml").write_text(SCHEMA)
    spec = _spec(tmp_path, "t.csv")
    problems = Problems()
    schema = load_schema(spec, problems)
    in_pandas = validate_dataset(spec, schema, False, problems)
    on_spark = validate_dataset(spec, schema, True, problems, opener=SparkEngine().open_file)
    assert not problems, problems
    assert in_pandas is not None and on_spark is not None and on_spark.in_place is not None
    on_spark.close()
    assert not on_spark.valid
    assert on_spark.failures == in_pandas.failures
