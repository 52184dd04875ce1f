"""pytest plugin: `pytest claims/` runs each claim as a test named by its id.

The project is checked once per session; each item reports its claim's verdict.
Claims files are collected only when pytest is pointed at them (a claims folder
or file, the project's root folder, or anything with `--factcheck`), so a
project's own tests run beside them and test projects kept under tests/ are
never collected by accident. pytest loads this module in every session: it
imports nothing of factcheck until a YAML file is offered for collection.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # factcheck is imported only once a claims file is collected
    from _pytest._code.code import TerminalRepr, TracebackStyle

    from factcheck.problems import Problems
    from factcheck.results import ClaimResult, SourceReport
    from factcheck.run import Outcome

_OUTCOMES = pytest.StashKey[dict[Path, "Outcome"]]()
_REPORTED = pytest.StashKey[set[Path]]()
_PROJECTS = pytest.StashKey[
    dict[Path, tuple[Path, Path] | None]
]()  # projects whose problems were already raised


class FactcheckWarning(UserWarning):
    """A claim that only warns (filter it with -W or filterwarnings)."""


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    """Loaded by `-p factcheck.pytest_plugin`, not by its entry point (`factcheck`)?
    Block the entry point: pytest would register this same module twice and stop."""
    import sys

    name = pluginmanager.get_name(sys.modules[__name__])
    if name is not None and name != "factcheck":
        pluginmanager.set_blocked("factcheck")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factcheck")
    group.addoption(
        "--factcheck",
        action="store_true",
        help="collect the claims files of every factcheck project found",
    )
    group.addoption(
        "--factcheck-strict", action="store_true", help="a claim that only warns fails its test"
    )
    group.addoption("--factcheck-coverage", action="store_true",
                    help="one more test per claims file: every figure of its article "
                         "(source.text) is in some claim's quote")  # fmt: skip


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_OUTCOMES] = {}
    config.stash[_REPORTED] = set()
    config.stash[_PROJECTS] = {}
    config.addinivalue_line("markers", "factcheck: a claim checked by factcheck")


def _nearest_project(folder: Path, config: pytest.Config) -> tuple[Path, Path] | None:
    """(root, claims folder) of the nearest project at or above `folder`: the folder
    holding data/datasets.yaml (or the data folder its [tool.factcheck] names)."""
    cache = config.stash[_PROJECTS]
    if folder not in cache:
        from factcheck.load.project import load_settings
        from factcheck.problems import Problems

        cache[folder] = None
        for candidate in (folder, *folder.parents):
            settings = load_settings(candidate, Problems())
            if (candidate / settings.data_dir / "datasets.yaml").is_file():
                cache[folder] = (candidate, (candidate / settings.claims_dir).resolve())
                break
    return cache[folder]


def _asked_for(target: Path, root: Path, claims: Path, config: pytest.Config) -> bool:
    """Was pytest pointed at this claims file, its claims folder (or below), or its project?"""
    if config.getoption("factcheck"):
        return True
    for arg in config.args:
        given = Path(str(arg).split("::")[0]).resolve()
        if given in (target, root):
            return True
        if given in target.parents and (given == claims or claims in given.parents):
            return True
    return False


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> ClaimsFile | None:
    if file_path.suffix not in (".yaml", ".yml"):
        return None
    target = file_path.resolve()
    found = _nearest_project(target.parent, parent.config)
    if found is None or found[1] not in target.parents:
        return None  # not in a factcheck claims folder: data/, schemas/, CI files...
    root, claims = found
    if not _asked_for(target, root, claims, parent.config):
        return None
    return ClaimsFile.from_parent(parent, path=file_path, root=root)


def _outcome(config: pytest.Config, root: Path) -> Outcome:
    cache = config.stash[_OUTCOMES]
    if root not in cache:
        from factcheck.run import Options, run_check

        cache[root] = run_check(Options(root=root))
    return cache[root]


class ClaimsFile(pytest.File):
    def __init__(self, *, root: Path, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]  # pytest's own node arguments
        self.root = root

    def collect(self) -> Iterator[pytest.Item]:
        outcome = _outcome(self.config, self.root)
        if outcome.report is None:
            reported = self.config.stash[_REPORTED]
            if self.root in reported:
                return  # one collection error per project, on its first claims file
            reported.add(self.root)
            raise self.CollectError(_problems_text(outcome.problems))
        rel = self.path.resolve().relative_to(self.root.resolve()).as_posix()
        for claim in outcome.report.claims:
            if claim.file != rel:
                continue
            item = ClaimItem.from_parent(self, name=claim.id, claim=claim)
            item.add_marker("factcheck")
            for tag in claim.tags:
                _register_marker(self.config, tag)
                item.add_marker(tag)
            yield item
        if self.config.getoption("factcheck_coverage"):
            source = next((s for s in outcome.report.sources if s.file == rel), None)
            if source is not None and source.coverage is not None:
                # "[coverage]" cannot be a claim id, so -k coverage never picks a claim by it.
                covered = CoverageItem.from_parent(self, name="[coverage]", source=source)
                covered.add_marker("factcheck")
                yield covered


def _register_marker(config: pytest.Config, tag: str) -> None:
    """Tags become markers (`-m tag`); registered so --strict-markers accepts them."""
    known = {line.split(":")[0].split("(")[0].strip() for line in config.getini("markers")}
    if tag not in known:
        config.addinivalue_line("markers", f"{tag}: claims tagged {tag} (factcheck)")


def _problems_text(problems: Problems) -> str:
    lines = []
    for problem in problems:
        word = f" [{problem.word}]" if problem.word else ""
        lines.append(f"{problem.location}: error: {problem.message}{word}")
    count = len(lines)
    lines.append(
        f"{count} problem{'s' if count != 1 else ''}: the factcheck project cannot be read"
    )
    return "\n".join(lines)


class ClaimFailed(Exception):
    pass


class _FactcheckItem(pytest.Item):
    """A failed check shows its own message, not a traceback into this plugin."""

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: TracebackStyle | None = None
    ) -> str | TerminalRepr:
        if isinstance(excinfo.value, ClaimFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)


class ClaimItem(_FactcheckItem):
    def __init__(self, *, claim: ClaimResult, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]  # pytest's own node arguments
        self.claim = claim

    def runtest(self) -> None:
        claim = self.claim
        verdict = claim.verdict
        if verdict == "skip":
            # Reported at the claim's file:line (as skip markers are), not at this line.
            raise pytest.skip.Exception(claim.reason or claim.explanation, _use_item_location=True)
        if verdict in ("fail", "error") or (
            verdict == "warn" and self.config.getoption("factcheck_strict")
        ):
            raise ClaimFailed(self._message())
        if verdict == "warn":
            warnings.warn_explicit(
                FactcheckWarning(self._message()),
                FactcheckWarning,
                filename=str(self.path),
                lineno=claim.line,
            )  # shown at the claim's line in the warnings summary

    def _message(self) -> str:
        from factcheck.report._common import actual

        c = self.claim
        return (
            f"{c.file}:{c.line}: {c.id}: {c.verdict}\n"
            f"  quote:   {c.quote}\n"
            f"  claimed: {c.claim}\n"
            f"  actual:  {actual(c.actual)}\n"
            f"  why:     {c.explanation}"
            + ("\n  note:    circular: the data cites this very publication" if c.circular else "")
        )

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.claim.line - 1, f"claim {self.claim.id}"


class CoverageItem(_FactcheckItem):
    """Every figure of the article is in some claim's quote, and every quote is in it."""

    def __init__(self, *, source: SourceReport, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]  # pytest's own node arguments
        self.source = source

    def runtest(self) -> None:
        from factcheck.report._common import coverage_gap

        gap = coverage_gap(self.source)
        if gap:
            raise ClaimFailed(f"{self.source.file}: {gap}")

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"coverage of {self.source.text}"
