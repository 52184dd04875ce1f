"""DuckDB: one SQL query per scan, over the validated rows loaded as table `t`.

The SQL is rendered from parsed syntax trees only (identifiers quoted,
literals re-rendered), never from the user's text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.engines.base import MetricResult, Source, compute_each, group_key, plain, whole
from factcheck.lang.sql import aggregate_sql, group_key_sql, where_to_sql
from factcheck.validate import ValidatesInPlace

if TYPE_CHECKING:
    from factcheck.engines.base import SqlSession
    from factcheck.plan import MetricKey, Scan


class DuckDBEngine(ValidatesInPlace):
    """Validates files where they lie (DuckDB opens them: `ValidatesInPlace`) and a
    database dataset in its database, and computes each scan as SQL on the same rows."""

    name = "duckdb"

    def compute(self, source: Source, scans: list[Scan]) -> dict[MetricKey, MetricResult]:
        import duckdb

        if source.session is not None:  # validation already loaded the rows as table t
            # (or, for a database dataset, names them t in the database: its own errors)
            return self.compute_on(source.session, scans, source.errors)
        with duckdb.connect() as con:
            # Copy the frame into DuckDB's own columnar storage once: every scan then
            # reads native vectors instead of converting pandas columns again.
            con.register("frame", source.pandas())
            con.execute("CREATE TABLE t AS SELECT * FROM frame")
            con.unregister("frame")
            return self.compute_on(con, scans, (duckdb.Error,))

    def compute_on(
        self, con: SqlSession, scans: list[Scan], errors: tuple[type[BaseException], ...]
    ) -> dict[MetricKey, MetricResult]:
        """Every scan as DuckDB SQL over table `t` of `con` (a DuckDB connection, or an
        adapter that translates the SQL for PostgreSQL or Spark and raises `errors`)."""
        # e.g. a filter comparing a text column with a number: those claims error.
        return compute_each(scans, lambda scan: self._scan(con, scan), errors)

    def _scan(self, con: SqlSession, scan: Scan) -> dict[MetricKey, MetricResult]:
        keys = list(scan.metrics)
        selects = [aggregate_sql(agg, col) for agg, col in scan.metrics.values()]
        where = f" WHERE {where_to_sql(scan.where)}" if scan.where is not None else ""
        if scan.by is None:
            sql = f"SELECT count(*), {', '.join(selects)} FROM t{where}"
            row = con.execute(sql).fetchone()
            if row is None:
                raise ValueError("the database answered no row to an aggregate")
            rows = whole(row[0])
            return {k: MetricResult(rows, plain(v)) for k, v in zip(keys, row[1:], strict=True)}
        key_sql = group_key_sql(scan.by)
        # No alias for the key: any alias could be a column's name too (a column named
        # `__key` broke every grouped claim). Null keys are left out before grouping.
        known = f"{key_sql} IS NOT NULL"
        condition = f"{where_to_sql(scan.where)} AND {known}" if scan.where is not None else known
        sql = (
            f"SELECT {key_sql}, count(*), {', '.join(selects)} FROM t WHERE {condition} "
            "GROUP BY 1 ORDER BY 1"
        )
        fetched = con.execute(sql).fetchall()
        rows = sum(whole(r[1]) for r in fetched)
        out = {}
        for i, key in enumerate(keys):
            groups = {group_key(r[0]): plain(r[2 + i]) for r in fetched}
            out[key] = MetricResult(rows, groups=groups)
        return out
