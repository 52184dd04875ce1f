"""--engine spark through Spark Connect (SPARK_REMOTE), for real: pyspark starts a local Spark
Connect server (`SPARK_REMOTE=local[2]`, Java 17) and factcheck talks to it as a client,
as it would to a cluster's `sc://host:15002`.

Run in a process of its own: pyspark refuses to start a Connect server in a process that
already has a local Spark session (the other Spark tests'). The verdicts, figures and
dataset entries must be the default engine's (contract sections 8 and 9). Synthetic data:
tests/projects/basic.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import PROJECTS

if not os.environ.get("FACTCHECK_REQUIRE_SPARK"):  # set by .ci/run: there it must run
    pytest.importorskip("pyspark", reason="pip install 'factcheck-claims[spark]'")
    pytest.importorskip("grpc", reason="pip install 'factcheck-claims[spark]' (Spark Connect)")


# Run in a fresh process: the check on Spark through Connect, recording the class of every
# session the engine opens (so the test knows Connect, not a local session, computed).
_SCRIPT = """
import json, sys
from pathlib import Path
from factcheck.engines import spark_engine
opened = []
def recording(original=spark_engine.session):
    spark = original()
    opened.append(type(spark).__module__ + "." + type(spark).__name__)
    return spark
spark_engine.session = recording
from factcheck.run import Options, run_check
outcome = run_check(Options(root=Path(sys.argv[1]), engine="spark"))
report = outcome.report.as_dict() if outcome.report is not None else None
print(json.dumps({"report": report, "exit": int(outcome.exit_code), "opened": opened}))
"""


def _figures(report: dict[str, Any]) -> dict[str, Any]:
    return {c["id"]: (c["verdict"], c["actual"], c.get("groups")) for c in report["claims"]}


def test_spark_connect_gives_the_default_engines_figures(tmp_path: Path) -> None:
    from factcheck.run import Options, run_check

    root = tmp_path / "basic"
    shutil.copytree(PROJECTS / "basic", root)
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(root)],
        capture_output=True, text=True, timeout=1800, check=False,
        env={**os.environ, "SPARK_REMOTE": "local[2]"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    connect = json.loads(done.stdout.strip().splitlines()[-1])
    default = run_check(Options(root=root))
    assert default.report is not None and connect["report"] is not None
    expected = default.report.as_dict()
    # every dataset was validated and computed on a Spark Connect session
    datasets = len(expected["datasets"])
    assert connect["opened"] == ["pyspark.sql.connect.session.SparkSession"] * datasets
    assert _figures(connect["report"]) == _figures(expected)
    assert connect["report"]["datasets"] == expected["datasets"]
    assert connect["exit"] == int(default.exit_code)
