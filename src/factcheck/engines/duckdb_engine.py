"""DuckDB: one SQL query per scan, over the validated rows loaded as table `t`.

The SQL is rendered from parsed syntax trees only (identifiers quoted,
literals re-rendered), never from the user's text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.engines.base import MetricResult, Source, compute_each, group_key, plain, whole
from factcheck.lang.sql import aggregate_sql, group_key_sql, quote_ident, where_to_sql
from factcheck.validate import ValidatesInPlace

if TYPE_CHECKING:
    import duckdb

    from factcheck.engines.base import SqlSession
    from factcheck.lang.where import GroupKey
    from factcheck.plan import MetricKey, Scan

# Column types whose date-derived group keys (month, year, ...) cannot fail to compute.
_DATE_TYPES = ("DATE", "TIMESTAMP", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S", "TIMESTAMP_US")


class DuckDBEngine(ValidatesInPlace):
    """Validates files where they lie (DuckDB opens them: `ValidatesInPlace`) and a
    database dataset in its database, and computes each scan as SQL on the same rows."""

    name = "duckdb"

    def compute(self, source: Source, scans: list[Scan]) -> dict[MetricKey, MetricResult]:
        import duckdb

        from factcheck.duckstore import DuckSession

        session = source.session
        if session is not None:  # validation already opened the rows as view t
            # (or, for a database dataset, names them t in the database: its own errors)
            keys: dict[GroupKey, str] = {}
            con = session.con if isinstance(session, DuckSession) else session
            if isinstance(con, duckdb.DuckDBPyConnection):
                keys = materialise(con, scans)
            return self.compute_on(session, scans, source.errors, keys)
        frame = DuckSession(large=False)  # rows validated in pandas are in memory already
        try:
            # Copy the frame into DuckDB's own columnar storage once: every scan then
            # reads native vectors instead of converting pandas columns again.
            frame.con.register("frame", source.pandas())
            frame.execute("CREATE TABLE t AS SELECT * FROM frame")
            frame.con.unregister("frame")
            return self.compute_on(frame, scans, (duckdb.Error,))
        finally:
            frame.close()

    def compute_on(
        self,
        con: SqlSession,
        scans: list[Scan],
        errors: tuple[type[BaseException], ...],
        keys: dict[GroupKey, str] | None = None,
    ) -> dict[MetricKey, MetricResult]:
        """Every scan as DuckDB SQL over table `t` of `con` (a DuckDB connection, or an
        adapter that translates the SQL for PostgreSQL or Spark and raises `errors`).
        `keys` names columns of `t` that already hold a grouping's key (materialise)."""
        # e.g. a filter comparing a text column with a number: those claims error.
        known = keys or {}
        return compute_each(scans, lambda scan: self._scan(con, scan, known), errors)

    def _scan(
        self, con: SqlSession, scan: Scan, keys: dict[GroupKey, str]
    ) -> dict[MetricKey, MetricResult]:
        metrics = list(scan.metrics)
        selects = [aggregate_sql(agg, col) for agg, col in scan.metrics.values()]
        where = f" WHERE {where_to_sql(scan.where)}" if scan.where is not None else ""
        if scan.by is None:
            sql = f"SELECT count(*), {', '.join(selects)} FROM t{where}"
            row = con.execute(sql).fetchone()
            if row is None:
                raise ValueError("the database answered no row to an aggregate")
            rows = whole(row[0])
            return {k: MetricResult(rows, plain(v)) for k, v in zip(metrics, row[1:], strict=True)}
        key_sql = quote_ident(keys[scan.by]) if scan.by in keys else group_key_sql(scan.by)
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
        for i, key in enumerate(metrics):
            groups = {group_key(r[0]): plain(r[2 + i]) for r in fetched}
            out[key] = MetricResult(rows, groups=groups)
        return out


# A Parquet file is copied into a table only for this many scans or more. The copy costs
# one write of every row (10M rows: about 3 s); each scan over the table then saves about
# 10 ms per 10M rows over reading the file (bench/README.md: 10M rows, 200 claims in 173
# scans ran fastest in place, 1,000 claims in 776 scans fastest over a table). Both grow
# with the rows, so the crossover is a number of scans. CSV and JSON are always copied:
# each scan would otherwise cast their text again.
COPY_PARQUET_AT_SCANS = 400


def materialise(con: duckdb.DuckDBPyConnection, scans: list[Scan]) -> dict[GroupKey, str]:
    """Replace the validated view `t` (the file's rows, cast as the schema coerces them) by
    a table holding its result, once per connection, for text files and for Parquet files
    with many scans (COPY_PARQUET_AT_SCANS); return the columns added to it that hold the
    scans' date-derived group keys (month, quarter, ...).

    Every scan read the view, so every scan re-read the Parquet file or re-ran the
    schema's casts (a CSV's dates are read as text and cast on each use): on 1M CSV rows
    and 776 scans, 20.6 s of CPU over the view, 9.7 s over the table. A month key is
    strftime on every row of every scan grouped by month; computed once here, grouping
    by it costs a fifth (72 -> 15 ms on 1M rows). Only keys of date and timestamp
    columns are computed ahead: on those the key cannot fail, where a text column that
    does not hold dates must error only the claims grouped by it, in their own scan.

    The table is stored where the session keeps the dataset's rows (factcheck.duckstore:
    a large file's in its compressed scratch database file, read through DuckDB's bounded
    buffer pool). The text a CSV was loaded into (`__raw`) is read by nothing once
    validation has counted its failures and the table is made, so it is dropped (for a
    CSV, the rows would otherwise be held twice).
    """
    views = "SELECT count(*) FROM duckdb_views() WHERE view_name = 't' AND temporary"
    made = con.execute(views).fetchone()
    if made is None or not made[0]:
        return {}  # already a table (a second computation on the same rows)
    raw = (  # in this dataset's own schema: the run's other datasets share the database
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = '__raw' "
        "AND database_name = current_database() AND schema_name = current_schema()"
    )
    loaded = con.execute(raw).fetchone()
    if not (loaded and loaded[0]) and len(scans) < COPY_PARQUET_AT_SCANS:
        return {}  # a Parquet file, read in place by each of a few scans
    types = {str(r[0]): str(r[1]).upper() for r in con.execute("DESCRIBE t").fetchall()}
    taken = {name.lower() for name in types}  # DuckDB's names are case-insensitive
    keys: dict[GroupKey, str] = {}
    for by in dict.fromkeys(s.by for s in scans if s.by is not None and s.by.func):
        if types.get(by.column, "").split("(")[0].strip() in _DATE_TYPES:
            name = f"__key{len(keys)}"
            while name.lower() in taken:
                name = "_" + name
            taken.add(name.lower())
            keys[by] = name
    extra = "".join(f", {group_key_sql(by)} AS {quote_ident(n)}" for by, n in keys.items())
    # A table of the session's schema or database file (duckstore), not a TEMP one:
    # temporary tables live uncompressed in memory and spill as such.
    con.execute(f"CREATE TABLE __t AS SELECT *{extra} FROM t")
    con.execute("DROP VIEW t")
    con.execute("ALTER TABLE __t RENAME TO t")
    con.execute("DROP TABLE IF EXISTS __raw")
    return keys
