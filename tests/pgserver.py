"""A throwaway PostgreSQL server: initdb and pg_ctl in a temporary folder, listening on
127.0.0.1 only, on a free port, with a password (scram-sha-256), fsync off.

One module for everyone who needs a real server: the tests' `pg_url` fixture
(tests/postgres/conftest.py) and the benchmark's `postgres` tool (bench/run.py, which
imports this file by path). The binaries are found on PATH or under
/usr/lib/postgresql/*/bin (Debian's `postgresql` package). PostgreSQL refuses to run as
root, so as root the server runs as the `postgres` user (through runuser).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class BinaryMissing(Exception):
    """A PostgreSQL program is neither on PATH nor under /usr/lib/postgresql/*/bin."""


def binary(name: str) -> str:
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))), None
    )
    if found is None:
        raise BinaryMissing(
            f"PostgreSQL's {name} not found: install Debian's postgresql (.ci/run does)"
        )
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    folder: Path
    port: int
    user: str
    password: str
    as_user: list[str]

    @property
    def url(self) -> str:
        return f"postgresql://{self.user}:{self.password}@127.0.0.1:{self.port}/postgres"

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def postmaster_pid(self) -> int:
        """The server's main process (first line of postmaster.pid)."""
        return int((self.data / "postmaster.pid").read_text().split("\n", 1)[0])

    def stop(self) -> None:
        """Stop the server (immediate: nothing in it is worth keeping) and remove its folder."""
        subprocess.run(
            [*self.as_user, binary("pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def start(password: str, user: str = "factcheck") -> Server:
    """initdb a fresh cluster in a temporary folder and start it; raises BinaryMissing
    when PostgreSQL is not installed."""
    initdb, pg_ctl = binary("initdb"), binary("pg_ctl")
    folder = Path(tempfile.mkdtemp(prefix="factcheck-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    (folder / "pw").write_text(password + "\n")
    shutil.chown(folder / "pw", "postgres") if as_user else None
    server = Server(folder, free_port(), user, password, as_user)
    options = f"-c listen_addresses=127.0.0.1 -p {server.port} -k {folder} -c fsync=off"
    try:
        subprocess.run(
            [*as_user, initdb, "-D", str(server.data), "-U", user, "-A", "scram-sha-256",
             f"--pwfile={folder / 'pw'}", "--no-sync", "-E", "UTF8", "--locale=C"],
            check=True, capture_output=True,
        )  # fmt: skip
        (folder / "pw").unlink()  # read by initdb; no reason to leave the password on disk
        subprocess.run(
            [*as_user, pg_ctl, "-D", str(server.data), "-l", str(folder / "log"), "-w",
             "-t", "60", "-o", options, "start"],
            check=True, capture_output=True,
        )  # fmt: skip
    except subprocess.CalledProcessError:
        server.stop()  # removes the folder too
        raise
    return server
