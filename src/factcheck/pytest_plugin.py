"""pytest plugin: `pytest claims/` runs each claim as a test named by its id.

The project is checked once per session; each item reports its claim's verdict.
Claims files are collected only when pytest is pointed at them (a claims folder,
a claims file, or `--factcheck`), so a project's own tests run beside them and
test projects kept under tests/ are never collected by accident.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

_OUTCOMES = pytest.StashKey[dict[Path, Any]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factcheck")
    group.addoption(
        "--factcheck",
        action="store_true",
        help="collect the claims files of every factcheck project found",
    )
    group.addoption("--factcheck-strict", action="store_true",
                    help="a claim that only warns fails its test")  # fmt: skip


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_OUTCOMES] = {}
    config.addinivalue_line("markers", "factcheck: a claim checked by factcheck")


def _project_root(path: Path) -> Path | None:
    """The factcheck project whose claims folder holds `path`, if any."""
    from factcheck.load.project import load_settings
    from factcheck.problems import Problems

    for folder in path.parents:
        settings = load_settings(folder, Problems())
        if (folder / settings.data_dir / "datasets.yaml").is_file():
            claims = (folder / settings.claims_dir).resolve()
            return folder if claims in path.resolve().parents else None
    return None


def _asked_for(path: Path, config: pytest.Config) -> bool:
    if config.getoption("factcheck"):
        return True
    target = path.resolve()
    for arg in config.args:
        given = Path(str(arg).split("::")[0]).resolve()
        if given == target or (
            given.is_dir() and given in target.parents and _inside_claims(given)
        ):
            return True
    return False


def _inside_claims(folder: Path) -> bool:
    """True when a folder given to pytest is a claims folder or inside one."""
    probe = folder / "_"
    return _project_root(probe) is not None


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> Any:
    if file_path.suffix not in (".yaml", ".yml"):
        return None
    if not _asked_for(file_path, parent.config):
        return None
    root = _project_root(file_path)
    if root is None:
        return None
    return ClaimsFile.from_parent(parent, path=file_path, root=root)


def _outcome(config: pytest.Config, root: Path) -> Any:
    cache = config.stash[_OUTCOMES]
    if root not in cache:
        from factcheck.run import Options, run_check

        cache[root] = run_check(Options(root=root))
    return cache[root]


class ClaimsFile(pytest.File):
    def __init__(self, *, root: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.root = root

    def collect(self) -> Any:
        outcome = _outcome(self.config, self.root)
        if outcome.report is None:
            problems = "\n".join(str(p) for p in outcome.problems)
            raise self.CollectError(f"the factcheck project cannot be read:\n{problems}")
        rel = self.path.resolve().relative_to(self.root.resolve()).as_posix()
        for claim in outcome.report["claims"]:
            if claim["file"] != rel:
                continue
            item = ClaimItem.from_parent(self, name=claim["id"], claim=claim)
            item.add_marker("factcheck")
            for tag in claim["tags"]:
                self.config.addinivalue_line("markers", f"{tag}: factcheck tag")
                item.add_marker(tag)
            yield item


class ClaimFailed(Exception):
    pass


class ClaimItem(pytest.Item):
    def __init__(self, *, claim: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.claim = claim

    def runtest(self) -> None:
        claim = self.claim
        verdict = claim["verdict"]
        if verdict == "skip":
            pytest.skip(claim.get("reason") or claim["explanation"])
        if verdict in ("fail", "error") or (
            verdict == "warn" and self.config.getoption("factcheck_strict")
        ):
            raise ClaimFailed(self._message())
        if verdict == "warn":
            warnings.warn(f"{claim['id']}: {claim['explanation']}", UserWarning, stacklevel=1)

    def _message(self) -> str:
        from factcheck.report._common import actual

        c = self.claim
        return (
            f"{c['file']}:{c['line']}: {c['id']}: {c['verdict']}\n"
            f"  quote:   {c['quote']}\n"
            f"  claimed: {c['claim']}\n"
            f"  actual:  {actual(c['actual'])}\n"
            f"  why:     {c['explanation']}"
        )

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ClaimFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.claim["line"] - 1, f"claim {self.claim['id']}"
