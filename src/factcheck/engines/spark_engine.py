"""Spark: validation and every aggregate on a Spark session (extra `factcheck-claims[spark]`).

A local session (`local[2]`, or `spark.master` / SPARK_MASTER) by default; a cluster
through Spark Connect when SPARK_REMOTE is set. The SQL is the default engine's: the
schema's rules (schema_sql.py) and each scan (duckdb_engine.py) rendered once in DuckDB's
dialect and translated to Spark SQL by sqlglot, so verdicts and figures are those of the
default engine. pandera's own pyspark backend is not used: `import pandera.pyspark` fails
with pandas 3 (docs/scale.md).

Files are read by Spark where they lie. A CSV is read with the column types DuckDB's
sniffer gives the same file (pandas' four: boolean, integer, float, text), so a column
the schema does not type has the same type on every engine. Rows validated in pandas (an
xlsx, a schema with a Python check) reach Spark through a temporary Parquet file.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.engines.base import Answers, MetricResult, Opened, Row, Source
from factcheck.validate import ValidatesInPlace

if TYPE_CHECKING:
    import pyspark.sql
    import pyspark.sql.connect.session
    from sqlglot import exp

    from factcheck.plan import MetricKey, Scan

    # A local (classic) session, or a Spark Connect client's.
    Session = pyspark.sql.SparkSession | pyspark.sql.connect.session.SparkSession

# pyspark 4 warns on import that it does not fully support pandas 3: this engine hands
# Spark no pandas object but through Parquet files, so the warning is not for its users.
warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)
# Through Spark Connect, pyspark warns where a local session only logs: that the window
# numbering the rows has no partition (on purpose: it keeps the file's order), and that a
# Connect server started here keeps its static settings (the UI's, given at its start).
warnings.filterwarnings("ignore", "WARN WindowExpression: No Partition Defined", UserWarning)
warnings.filterwarnings("ignore", "Failed to set spark\\.ui\\.", UserWarning)

# DuckDB type (as sniffed) -> Spark type, for reading a CSV as the default engine does.
_SPARK_TYPES = {"BOOLEAN": "BOOLEAN", "BIGINT": "BIGINT", "DOUBLE": "DOUBLE"}


def session() -> Session:
    """A Spark session of its own (temporary views are per session, so each dataset's
    `t` is its own): through Spark Connect when SPARK_REMOTE is set (`sc://host:15002`, or
    `local[2]` for a Connect server that pyspark starts on this machine), else a local
    session (`local[2]`, or SPARK_MASTER)."""
    from pyspark.logger import PySparkLogger
    from pyspark.sql import SparkSession

    # A failing query is reported on its claim; PySpark's own log of it is noise on stderr.
    PySparkLogger.getLogger("SQLQueryContextLogger").setLevel(logging.CRITICAL)
    builder = SparkSession.builder.appName("factcheck")
    remote = os.environ.get("SPARK_REMOTE")
    if not remote or remote.startswith("local"):  # Spark runs here: no UI, 2 partitions
        builder = (
            builder.config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", "2")
        )
    if remote:
        connected = builder.remote(remote).getOrCreate().newSession()
        # Each Connect session has its own settings: dates and months in UTC, as DuckDB's.
        connected.conf.set("spark.sql.session.timeZone", "UTC")
        # Answers are small and read at once: no reattachable streams, whose releases run
        # in background threads that kept the process from exiting after the report.
        connected.client.disable_reattachable_execute()
        return connected
    spark = (
        builder.master(os.environ.get("SPARK_MASTER", "local[2]"))
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("FATAL")
    return spark.newSession()


def errors() -> tuple[type[BaseException], ...]:
    """What a query on Spark raises when it cannot run (or cannot be translated)."""
    import sqlglot.errors
    from pyspark.errors import PySparkException

    return (PySparkException, sqlglot.errors.SqlglotError)


class SparkSQL(Answers):
    """DuckDB-dialect SQL run on Spark: what validation and the scans talk to (the DuckDB
    connection's `execute(...).fetchall()` / `fetchone()`)."""

    def __init__(self, spark: Session, cleanup: Path | None = None) -> None:
        super().__init__()
        self.spark, self._cleanup = spark, cleanup

    def run(self, sql: str) -> list[Row]:
        import sqlglot

        tree = sqlglot.parse_one(sql, read="duckdb").transform(_iso_weekday)
        translated = tree.sql(dialect="spark")
        if translated.upper().startswith("CREATE TEMPORARY VIEW"):
            translated = "CREATE OR REPLACE" + translated[len("CREATE") :]
        return [tuple(row) for row in self.spark.sql(translated).collect()]

    def close(self) -> None:
        for view in ("t", "__rows", "__file"):
            self.spark.catalog.dropTempView(view)
        if self._cleanup is not None:
            shutil.rmtree(self._cleanup, ignore_errors=True)


def _iso_weekday(node: exp.Expression) -> exp.Expression:
    """EXTRACT(ISODOW ...) (Monday 1 .. Sunday 7) is DAYOFWEEK_ISO in Spark; sqlglot would
    write Spark's Sunday-first DAYOFWEEK, which numbers the days differently."""
    from sqlglot import exp

    if isinstance(node, exp.Extract) and node.this.name.upper() == "ISODOW":
        return exp.Extract(this=exp.var("DAYOFWEEK_ISO"), expression=node.expression)
    return node


def open_file(path: Path, fmt: str) -> Opened:
    """Spark reading the file where it lies, as view `__rows` with `__row` (the row's
    position, 0-based); the columns' types as read, in DuckDB's names."""
    spark = session()
    reader = spark.read
    if fmt == "csv":
        types = sniff_csv(path)
        schema = ", ".join(
            f"`{name.replace('`', '``')}` {_SPARK_TYPES.get(kind, 'STRING')}"
            for name, kind in types.items()
        )
        frame = reader.csv(
            str(path),
            header=True,
            schema=schema,
            enforceSchema=False,
            mode="FAILFAST",
            # pandas' dialect: doubled quotes inside quotes, quoted fields across lines
            quote='"',
            escape='"',
            multiLine=True,
        )
    elif fmt == "parquet":
        frame = reader.parquet(str(path))
    elif fmt in ("json", "jsonl"):
        frame = reader.json(str(path), multiLine=fmt == "json")
    else:
        raise ValueError(f"Spark does not read {fmt} files here")
    return _as_rows(spark, frame)


def sniff_csv(path: Path) -> dict[str, str]:
    """A CSV's columns and the types the default engine reads them as (DuckDB's sniffer,
    pandas' four types), without loading the file."""
    import duckdb

    from factcheck.data import duckdb_reader

    with duckdb.connect() as con:
        described = con.execute(f"DESCRIBE SELECT * FROM {duckdb_reader(path, 'csv')}").fetchall()
    return {str(row[0]): str(row[1]).upper() for row in described}


def _as_rows(spark: Session, frame: pyspark.sql.DataFrame, cleanup: Path | None = None) -> Opened:
    from pyspark.sql import functions as F
    from pyspark.sql.window import Window

    order = Window.orderBy(F.monotonically_increasing_id())  # the file's order, partitions kept
    frame.createOrReplaceTempView("__file")
    rows = frame.withColumn("__row", F.row_number().over(order) - 1)
    rows.createOrReplaceTempView("__rows")
    actual = {field.name: _duck_type(field.dataType.simpleString()) for field in frame.schema}
    return Opened(SparkSQL(spark, cleanup), actual, errors())


def _duck_type(spark_type: str) -> str:
    """Spark's type names as DuckDB's, which schema_sql compares dtypes with."""
    names = {
        "bigint": "BIGINT", "int": "INTEGER", "smallint": "SMALLINT", "tinyint": "TINYINT",
        "double": "DOUBLE", "float": "FLOAT", "string": "VARCHAR", "boolean": "BOOLEAN",
        "timestamp": "TIMESTAMP", "timestamp_ntz": "TIMESTAMP", "date": "DATE",
    }  # fmt: skip
    return names.get(spark_type, spark_type.upper())


class SparkEngine(ValidatesInPlace):
    """Validates files where they lie on Spark (`open_file`; the schema's rules as SQL,
    `ValidatesInPlace`) and computes each scan on the same Spark rows."""

    name = "spark"

    def open_file(self, path: Path, fmt: str) -> Opened:
        return open_file(path, fmt)

    def compute(self, source: Source, scans: list[Scan]) -> dict[MetricKey, MetricResult]:
        from factcheck.engines.duckdb_engine import DuckDBEngine

        if source.session is not None:  # on Spark, or a database dataset in its database
            return DuckDBEngine().compute_on(source.session, scans, source.errors)
        opened = _from_frame(source)  # rows validated in pandas: to Spark through Parquet
        try:
            return DuckDBEngine().compute_on(opened.session, scans, opened.errors)
        finally:
            opened.session.close()


def _from_frame(source: Source) -> Opened:
    folder = Path(tempfile.mkdtemp(prefix="factcheck-spark-"))
    file = folder / "rows.parquet"
    # Spark reads microsecond timestamps; pandas writes nanoseconds by default.
    source.pandas().to_parquet(file, coerce_timestamps="us", allow_truncated_timestamps=True)
    spark = session()
    opened = _as_rows(spark, spark.read.parquet(str(file)), cleanup=folder)
    opened.session.execute("CREATE TEMP VIEW t AS SELECT * FROM __file")
    return opened
