"""A real PostgreSQL server for the tests (tests/pgserver.py: initdb and pg_ctl in a
temporary folder, listening on 127.0.0.1 only), stopped at the end of the session.

In CI (.ci/run sets FACTCHECK_REQUIRE_POSTGRES) the tests fail without PostgreSQL's
binaries; elsewhere they are skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from tests.pgserver import BinaryMissing, start

PASSWORD = "s3cret-Pg-pw"  # the tests check this never appears in any output


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """postgresql://factcheck:PASSWORD@127.0.0.1:PORT/postgres of a fresh server."""
    try:
        server = start(PASSWORD)
    except BinaryMissing as exc:
        if os.environ.get("FACTCHECK_REQUIRE_POSTGRES"):  # set by .ci/run: never skipped there
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    try:
        yield server.url
    finally:
        server.stop()
