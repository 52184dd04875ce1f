"""PostgreSQL datasets (contract section 9): a table or a read-only query, validated and
aggregated by the database itself; nothing is read into memory but the answers.

The SQL is the one the DuckDB path renders (validation rules from schema_sql.py, scans
from the DuckDB engine), translated once per statement to PostgreSQL by sqlglot. The URL
comes only from the environment variable the catalog names; its password never reaches a
message (it is cut out of every error text). Sessions are read-only.
Needs the extra `factcheck-claims[postgres]` (psycopg 3 and sqlglot).
"""

from __future__ import annotations

import hashlib
import os
from decimal import Decimal
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from factcheck.data_limits import rows_problem
from factcheck.engines.base import Answers, Row, Source, first_line
from factcheck.lang.sql import quote_ident
from factcheck.load.limits import Limits
from factcheck.load.spec import DatabaseSpec, DatasetSpec
from factcheck.problems import Problems
from factcheck.validate_sql import validate_rows, view_sql

if TYPE_CHECKING:
    import pandas as pd
    from pandera.api.pandas.container import DataFrameSchema
    from sqlglot import exp

    from factcheck.validate import DatasetResult

# PostgreSQL type names -> the DuckDB names schema_sql compares dtypes with.
_TYPES = {
    "int2": "SMALLINT", "int4": "INTEGER", "int8": "BIGINT", "float4": "FLOAT",
    "float8": "DOUBLE", "numeric": "DOUBLE", "text": "VARCHAR", "varchar": "VARCHAR",
    "bpchar": "VARCHAR", "bool": "BOOLEAN", "timestamp": "TIMESTAMP",
    "timestamptz": "TIMESTAMP", "date": "DATE",
}  # fmt: skip


class DatabaseProblem(Exception):
    """A database dataset that cannot be used: a configuration error (exit 2)."""


class Session:
    """One read-only connection to the dataset's database, and the dataset's rows as a
    FROM item; `run` executes DuckDB-dialect SQL translated to PostgreSQL."""

    def __init__(self, spec: DatabaseSpec, name: str) -> None:
        url = os.environ.get(spec.url_env)
        if not url:
            raise DatabaseProblem(
                f"dataset '{name}': environment variable {spec.url_env} is not set "
                "(it holds the database URL)"
            )
        self._secret = urlsplit(url).password or ""
        self.spec, self.name = spec, name
        self.display = display_path(url, spec)
        try:
            import psycopg
            import sqlglot  # noqa: F401  (needed by run; missing it is the same install)
        except ImportError as exc:
            raise DatabaseProblem(
                f"dataset '{name}' is in a database, which needs {exc.name}: "
                "pip install 'factcheck-claims[postgres]'"
            ) from None
        try:
            self._conn = psycopg.connect(url, connect_timeout=10, autocommit=False)
            self._conn.read_only = True
            self.relation = relation(spec)
            self.columns = self._columns()
        except psycopg.Error as exc:
            raise DatabaseProblem(
                f"dataset '{name}' (URL from {spec.url_env}): {self.redact(first_line(exc))}"
            ) from None

    def redact(self, text: str) -> str:
        return text.replace(self._secret, "***") if self._secret else text

    def run(self, sql: str) -> list[Row]:
        import sqlglot
        from sqlglot import exp

        def fix(node: exp.Expression) -> exp.Expression:
            # PostgreSQL's avg and percentile give numeric; DuckDB's give a double.
            if isinstance(node, exp.Avg | exp.Median | exp.PercentileCont):
                return exp.cast(node, "double")
            # sqlglot writes DuckDB's quarter() as is; PostgreSQL has no such function.
            if isinstance(node, exp.Quarter):
                return exp.Extract(this=exp.var("QUARTER"), expression=node.this)
            return node

        tree = _having_without_aliases(sqlglot.parse_one(sql, read="duckdb").transform(fix))
        translated = tree.sql(dialect="postgres")
        with self._conn.cursor() as cursor:
            try:
                cursor.execute(translated.encode())
                return [tuple(_plain(v) for v in row) for row in cursor.fetchall()]
            except Exception:
                self._conn.rollback()  # a failed statement aborts the transaction
                raise

    def _columns(self) -> dict[str, str]:
        with self._conn.cursor() as cursor:
            cursor.execute(f"SELECT * FROM {self.relation} LIMIT 0".encode())
            described = cursor.description or []
            types = self._conn.adapters.types
            out = {}
            for column in described:
                info = types.get(column.type_code)
                name = info.name if info is not None else "unknown"
                out[column.name] = _TYPES.get(name, name.upper())
        self._conn.rollback()
        return out

    def fingerprint(self) -> tuple[int, str]:
        """Row count and an order-independent hash: the sum of each row's md5 (its first
        60 bits as a number), hashed with the count. The same rows in any order, in any
        physical layout, give the same fingerprint."""
        sql = (
            "SELECT count(*), coalesce(sum(('x' || substr(md5(r::text), 1, 15))::bit(60)"
            f"::bigint), 0) FROM (SELECT * FROM {self.relation}) AS r"
        )
        with self._conn.cursor() as cursor:
            cursor.execute(sql.encode())
            count, total = cursor.fetchone() or (0, 0)
        self._conn.rollback()
        digest = hashlib.sha256(f"{count}:{total}".encode()).hexdigest()
        return int(count), digest

    def count(self) -> int:
        with self._conn.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {self.relation}".encode())
            (count,) = cursor.fetchone() or (0,)
        self._conn.rollback()
        return int(count)

    def frame(self, most: int) -> pd.DataFrame:
        """The rows read into pandas, at most `most` of them (a table that grew since it
        was counted still cannot pass the data_rows limit)."""
        import pandas as pd

        with self._conn.cursor() as cursor:
            cursor.execute(f"SELECT * FROM {self.relation} LIMIT {int(most)}".encode())
            names = [column.name for column in cursor.description or []]
            rows = [tuple(_plain(v) for v in row) for row in cursor.fetchall()]
        self._conn.rollback()
        return pd.DataFrame(rows, columns=names)

    def close(self) -> None:
        self._conn.close()


def _having_without_aliases(tree: exp.Expression) -> exp.Expression:
    """PostgreSQL does not let HAVING name a select alias (DuckDB does): inline it."""
    from sqlglot import exp

    for select in tree.find_all(exp.Select):
        having = select.args.get("having")
        if having is None:
            continue
        aliases = {e.alias: e.this for e in select.expressions if isinstance(e, exp.Alias)}

        def inline(
            node: exp.Expression, aliases: dict[str, exp.Expression] = aliases
        ) -> exp.Expression:
            if isinstance(node, exp.Column) and not node.table and node.name in aliases:
                return aliases[node.name].copy()
            return node

        select.set("having", having.transform(inline))
    return tree


def relation(spec: DatabaseSpec) -> str:
    """The dataset's rows as a FROM item: a quoted table name or the query in parentheses."""
    if spec.table is not None:
        return ".".join(quote_ident(part) for part in spec.table.split("."))
    return f"({spec.query}) AS __query"


def display_path(url: str, spec: DatabaseSpec) -> str:
    """postgresql://host:port/db#schema.table: the URL without credentials, plus the table."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    what = spec.table if spec.table is not None else "query"
    return f"{parts.scheme}://{host}{port}{parts.path}#{what}"


def _plain(value: object) -> object:
    """PostgreSQL's numeric answers as DuckDB gives them: whole numbers int, others float."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


class Compute(Answers):
    """What the DuckDB engine computes a database dataset's scans on: its `execute` takes
    the engine's DuckDB SQL over table `t`, names `t` as the validated rows (a CTE over
    the table or query, coerced as the schema says) and runs it in the database."""

    def __init__(self, session: Session, view: str) -> None:
        super().__init__()
        self.session, self.view = session, view

    def run(self, sql: str) -> list[Row]:
        return self.session.run(f"WITH t AS ({self.view}) {sql}")

    def close(self) -> None:
        self.session.close()


def _errors() -> tuple[type[BaseException], ...]:
    """What a query in the database raises when it cannot run (or cannot be translated)."""
    import psycopg
    import sqlglot.errors

    return (psycopg.Error, sqlglot.errors.SqlglotError)


def validate_database(
    spec: DatasetSpec,
    schema: DataFrameSchema | None,
    in_place: bool,
    problems: Problems,
    limits: Limits,
) -> DatasetResult | None:
    """Validate a database dataset in the database (its schema's rules as SQL), or, when
    the engine computes in pandas or the schema has a Python check, read it into pandas
    (within the data_rows limit) and validate it there. None after a recorded problem."""
    from factcheck.validate import DatasetResult, sql_rules, validate

    assert spec.database is not None
    try:
        session = Session(spec.database, spec.name)
        rows, fingerprint = session.fingerprint()
    except DatabaseProblem as exc:
        problems.add(spec.loc, str(exc), spec.database.url_env)
        return None
    rules = sql_rules(schema) if in_place else None
    if rules is None:
        frame = _frame_within(session, spec, rows, problems, limits)
        session.close()
        if frame is None:
            return None
        result = validate(spec, frame, "", schema)
    else:
        rows_from = f"(SELECT CAST(NULL AS BIGINT) AS __row, * FROM {session.relation}) AS __rows"
        _, failures, value = validate_rows(session.run, rows_from, session.columns, rules)
        view = view_sql(rows_from, session.columns, value)
        source = Source(
            spec.name, database=spec.database, columns=session.columns,
            session=Compute(session, view), errors=_errors(),
        )  # fmt: skip
        result = DatasetResult(spec, "", rows, not failures, None, failures, source)
    result.fingerprint, result.shown_path = fingerprint, session.display
    return result


def _frame_within(
    session: Session, spec: DatasetSpec, rows: int, problems: Problems, limits: Limits
) -> pd.DataFrame | None:
    """The dataset's `rows` rows in pandas, or None and a problem when they are more than
    data_rows allows (counted first, and read with a LIMIT in case the table grew)."""
    most = limits.data_rows
    frame = None if rows > most else session.frame(most + 1)
    too_large = rows_problem(rows if frame is None else max(rows, len(frame)), limits)
    if too_large or frame is None:
        problems.add(spec.loc, f"{session.display}: {too_large}", spec.name)
        return None
    return frame


def read_database(spec: DatasetSpec, problems: Problems, limits: Limits) -> pd.DataFrame | None:
    """Every row of a database dataset in pandas, within data_rows: for what needs a frame
    after a run that validated the rows in the database (gx-export's suites run on a
    pandas frame). None after a problem naming the dataset (never the URL's password)."""
    assert spec.database is not None
    try:
        session = Session(spec.database, spec.name)
    except DatabaseProblem as exc:
        problems.add(spec.loc, str(exc), spec.database.url_env)
        return None
    try:
        return _frame_within(session, spec, session.count(), problems, limits)
    except _errors() as exc:
        reason = session.redact(first_line(exc))
        problems.add(
            spec.loc, f"dataset '{spec.name}' (URL from {spec.database.url_env}): {reason}",
            spec.database.url_env,
        )  # fmt: skip
        return None
    finally:
        session.close()
