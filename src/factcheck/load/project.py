"""Find and load a whole project: settings, catalog, claims files.

Every problem is recorded in one `Problems` collector and loading goes on, so
a run with three mistakes reports all three. Nothing here reads data rows.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.load.catalog import load_catalog
from factcheck.load.claims import load_claims_file
from factcheck.load.columns import dataset_columns
from factcheck.load.drift_rules import check_rules
from factcheck.load.limits import Policy, in_force
from factcheck.load.paths import inside
from factcheck.load.references import resolve_references
from factcheck.load.settings import line_starting, load_settings
from factcheck.load.spec import Project, Settings
from factcheck.problems import Location, Problems


def claims_files(root: Path, settings: Settings, problems: Problems | None = None) -> list[Path]:
    """Every claims file under the claims folder. One that resolves outside the root (a
    symlink) is a problem, never silently left out: its failing claims would vanish."""
    if "claims" in settings.refused:
        return []
    folder = root / settings.claims_dir
    if not folder.is_dir():
        return []
    found = [*folder.rglob("*.yaml"), *folder.rglob("*.yml")]
    kept = []
    for path in sorted(found):
        if inside(root, path):
            kept.append(path)
        elif problems is not None:
            rel = path.relative_to(root).as_posix()
            problems.add(Location(rel), "claims file leads outside the project root (a symlink)")
    return kept


def load_project(
    root: Path, *, only_files: list[Path] | None = None, policy: Policy | None = None
) -> tuple[Project, Problems]:
    """Load everything under `root`; the caller checks `problems` before going on."""
    problems = Problems()
    root = root.resolve()
    settings = load_settings(root, problems, policy)
    datasets = (
        {} if settings.refused & {"data", "schemas"} else load_catalog(root, settings, problems)
    )
    columns = {
        name: dataset_columns(spec, problems, settings.limits) for name, spec in datasets.items()
    }

    files = only_files if only_files is not None else claims_files(root, settings, problems)
    claims, sources = [], []
    broken_ids: set[str] = set()
    for path in files:
        with in_force(settings.limits):  # the phrase reader and where/by/expr ask them
            loaded = load_claims_file(root, path, settings, datasets, columns, problems, broken_ids)
        if loaded is not None:
            source, file_claims = loaded
            sources.append(source)
            claims.extend(file_claims)

    if not claims and not problems:
        where = settings.claims_dir + "/"
        problems.add(Location(where), "no claims found: write claims/NAME.yaml with a claims: list")

    seen: dict[str, Location] = {}
    for claim in claims:
        if claim.id in seen:
            problems.add(claim.loc, f"duplicate claim id (first at {seen[claim.id]})", claim.id)
        else:
            seen[claim.id] = claim.loc
    resolve_references(claims, problems, broken_ids)
    if settings.drift:
        known = [c.id for c in claims] + sorted(broken_ids)  # a broken claim is still named
        _check_drift_rules(root, settings, known, problems)
    project = Project(root, settings, datasets, claims, sources, columns)
    return project, problems


def _check_drift_rules(root: Path, settings: Settings, ids: list[str], problems: Problems) -> None:
    """Drift rules are checked on every load (lint, check), not only under --locked."""
    for message in check_rules(settings.drift, ids):
        # "pyproject.toml [tool.factcheck.drift.claims.X]: ..." -> located at that table.
        table, _, text = message.removeprefix("pyproject.toml ").partition(": ")
        header = table.removesuffix("]")  # [tool.factcheck.drift] also finds its subtables
        problems.add(Location("pyproject.toml", _line_starting(root, header)), f"{table}: {text}")


def _line_starting(root: Path, prefix: str) -> int:
    lines = (root / "pyproject.toml").read_text(encoding="utf-8").splitlines()
    return line_starting(lines, prefix)
