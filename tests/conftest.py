"""Shared fixtures: small projects copied to a temp folder, and a CLI runner."""

from __future__ import annotations

import json
import shutil
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

PROJECTS = Path(__file__).parent / "projects"


@pytest.fixture
def project(tmp_path: Path) -> Callable[[str], Path]:
    """Copy a bundled test project into tmp_path, so a test may change it."""

    def copy(name: str = "basic") -> Path:
        target = tmp_path / name
        # Leave out what earlier runs wrote beside the project (history, lock).
        shutil.copytree(
            PROJECTS / name, target, ignore=shutil.ignore_patterns(".factcheck", "factcheck.lock")
        )
        return target

    return copy


@pytest.fixture
def factcheck() -> Callable[..., Any]:
    """Run the CLI in-process; returns the click Result (exit_code, stdout, stderr)."""
    from factcheck.cli import cli, register_commands

    register_commands()
    runner = CliRunner()

    def run(*args: str | Path) -> Any:
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return run


def report_of(result: Any) -> dict[str, Any]:
    return json.loads(result.stdout)


@pytest.fixture(autouse=True, scope="session")
def _user_cache(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The per-user cache (factcheck.usercache) in a temporary folder for the whole session,
    inherited by the CLI subprocesses: tests never read or fill the developer's own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("user-cache")))
        patch.delenv("FACTCHECK_NO_CACHE", raising=False)
        yield


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Refuse every outgoing connection; the list collects the attempts (want: none).
    Used by the GX engine's tests (tests/engines) and gx-export's (tests/export)."""
    calls: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> None:
        calls.append(args)
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return calls
