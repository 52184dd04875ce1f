"""Writing reports where they are told (contract section 8), and nothing else.

- a regular file, or a path that does not exist: written atomically (a temp file in the
  same folder, then a rename), so a reader sees the old report or the new one;
- a device, a pipe or a terminal (`/dev/null`, `/dev/full`, a FIFO, a tty): written to as
  it is, never replaced by a file;
- `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`: the process's own stream, whatever it is
  redirected to (reopening the file would write at its start);
- a symbolic link to a file, or a dangling one: refused. A project under review can commit
  a link (`report.md -> ../../home/x/.bashrc`); writing through it would write outside the
  project, and replacing it would silently drop what the user set up. Name the file itself.
- a folder: refused.

Every refusal or failed write is a `WriteError` with one line naming the path; the caller
reports it and goes on with the other reports (exit 2 at the end).
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from factcheck.results import RunReport

TEMP_SUFFIX = ".factcheck-tmp"
# Streams of this process by name: written through the open stream, not reopened.
_STREAMS = re.compile(r"/(?:dev/(?:stdout|stderr|fd/\d+)|proc/self/fd/\d+)")


class WriteError(Exception):
    """A report (or draft, or lock) that could not be written: one line naming the path."""


def write_atomic(path: Path, text: str) -> None:
    """Readers see the old file or the new one, never half of one.

    The temp file is `.<name>.<pid>.factcheck-tmp` beside the target; a run killed with
    SIGKILL cannot remove it, so every write first removes the temps of dead processes.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(path)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=path.parent
    )
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as handle:
            _write_text(handle, text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is for sharing
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temps(path: Path) -> None:
    """Remove temps of `path` left by processes that no longer run (kill -9 mid-write)."""
    try:
        entries = list(path.parent.iterdir())
    except OSError:
        return
    prefix = f".{path.name}."
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(TEMP_SUFFIX)):
            continue
        pid = name[len(prefix) :].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            entry.unlink(missing_ok=True)


def write_report(path: Path, text: str, *, devices: bool = True) -> None:
    """Write `text` to `path` by the rules in the module docstring; WriteError if not.
    devices=False (a lock, a draft): only a regular file, so a FIFO cannot hang the run."""
    try:
        _write_report(path, text, devices)
    except WriteError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        raise WriteError(f"cannot write {path}: {_reason(exc)}") from None


def _write_report(path: Path, text: str, devices: bool) -> None:
    if devices and _STREAMS.fullmatch(str(path)):
        _write_stream(str(path), text)
        return
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        write_atomic(path, text)
        return
    if stat.S_ISLNK(link.st_mode):
        try:
            target = os.stat(path)
        except FileNotFoundError:
            raise WriteError(
                f"cannot write {path}: it is a symbolic link to nothing; "
                "factcheck does not write through links (name the file itself)"
            ) from None
        if stat.S_ISREG(target.st_mode) or stat.S_ISDIR(target.st_mode):
            raise WriteError(
                f"cannot write {path}: it is a symbolic link to {os.path.realpath(path)}; "
                "factcheck does not write through links (name the file itself)"
            )
        link = target  # a link to a device or a pipe: written through, like the device
    if stat.S_ISDIR(link.st_mode):
        raise WriteError(f"cannot write {path}: it is a folder; give a file name")
    if stat.S_ISREG(link.st_mode):
        write_atomic(path, text)
        return
    if not devices:
        raise WriteError(f"cannot write {path}: it is not a regular file")
    # A device, a pipe, a terminal: write to it; never create or truncate a file here.
    fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
    with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as handle:
        _write_text(handle, text)


def _write_stream(name: str, text: str) -> None:
    number = int(name.rsplit("/", 1)[1]) if name[-1].isdigit() else None
    stream: TextIO | None = {
        "/dev/stdout": sys.stdout,
        "/dev/stderr": sys.stderr,
    }.get(name)
    if stream is None and number in (1, 2):
        stream = sys.stdout if number == 1 else sys.stderr
    if stream is not None:
        _write_stdout(stream, text)
        return
    assert number is not None
    data = text.encode("utf-8", "backslashreplace")
    while data:
        data = data[os.write(number, data) :]


def emit(text: str, path: Path | None) -> None:
    """A report to stdout (path None) or to `path`; WriteError when it cannot be written."""
    if path is None:
        _write_stdout(sys.stdout, text)
    else:
        write_report(path, text)


def is_stdout(path: Path | None) -> bool:
    return path is None or str(path) in ("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")


def write_reports(
    report: RunReport,
    targets: list[tuple[str, Path | None]],
    *,
    quiet: bool,
    verbose: bool,
    warn: Callable[[str], None],
) -> int:
    """Render and write every report; a report that cannot be written is reported through
    `warn` and the others are still written. Returns the number of failed writes."""
    from factcheck.report import render

    failed = 0
    for name, path in targets:
        options: dict[str, object] = {}
        if name == "text":
            color = path is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
            options = {"color": color, "quiet": quiet, "verbose": verbose}
            if path is None and sys.stdout.isatty():  # quotes shortened to the terminal
                options["width"] = shutil.get_terminal_size().columns
        try:
            emit(render(name, report, **options), path)
        except WriteError as exc:
            warn(f"error: the {name} report: {exc}")
            failed += 1
    if any(name == "github" for name, _ in targets) and os.environ.get("GITHUB_STEP_SUMMARY"):
        from factcheck.report.github import write_step_summary

        try:
            write_step_summary(report, os.environ)
        except OSError as exc:  # the summary is an extra: a warning, the run goes on
            target = os.environ["GITHUB_STEP_SUMMARY"]
            warn(f"warning: cannot append the job summary to {target}: {_reason(exc)}")
    return failed


def _write_stdout(stream: TextIO, text: str) -> None:
    """A lone surrogate (a "\\ud800" escape in YAML) or a character the stream's encoding
    lacks is written as a backslash escape, not a UnicodeEncodeError traceback."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = stream.encoding or "utf-8"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
    stream.flush()


def _write_text(handle: TextIO, text: str) -> None:
    handle.write(text)
    handle.flush()  # a full disk (ENOSPC, /dev/full) fails here, inside our try


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower() if exc.strerror[:1].isupper() else exc.strerror
    return str(exc)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: it runs, as another user
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
