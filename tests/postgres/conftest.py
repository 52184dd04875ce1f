"""A real PostgreSQL server for the tests: initdb and pg_ctl in a temporary folder,
listening on 127.0.0.1 only, stopped at the end of the session.

The binaries are found on PATH or under /usr/lib/postgresql/*/bin (Debian's `postgresql`
package, which .ci/run installs when they are missing). In CI (.ci/run sets
FACTCHECK_REQUIRE_POSTGRES) the tests fail without them; elsewhere they are skipped.
PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

PASSWORD = "s3cret-Pg-pw"  # the tests check this never appears in any output


def _binary(name: str) -> str:
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))), None
    )
    if found is None:
        why = f"PostgreSQL's {name} not found: install Debian's postgresql (.ci/run does)"
        if os.environ.get("FACTCHECK_REQUIRE_POSTGRES"):  # set by .ci/run: never skipped there
            pytest.fail(why)
        pytest.skip(why)
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """postgresql://factcheck:PASSWORD@127.0.0.1:PORT/postgres of a fresh server."""
    folder = Path(tempfile.mkdtemp(prefix="factcheck-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    (folder / "pw").write_text(PASSWORD + "\n")
    shutil.chown(folder / "pw", "postgres") if as_user else None
    data = folder / "data"
    port = _free_port()
    subprocess.run(
        [*as_user, _binary("initdb"), "-D", str(data), "-U", "factcheck", "-A", "scram-sha-256",
         f"--pwfile={folder / 'pw'}", "--no-sync", "-E", "UTF8", "--locale=C"],
        check=True, capture_output=True,
    )  # fmt: skip
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off"
    pg_ctl = _binary("pg_ctl")
    subprocess.run(
        [*as_user, pg_ctl, "-D", str(data), "-l", str(folder / "log"), "-w", "-t", "60",
         "-o", options, "start"],
        check=True, capture_output=True,
    )  # fmt: skip
    try:
        yield f"postgresql://factcheck:{PASSWORD}@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_user, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)
