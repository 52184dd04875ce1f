"""Find and load a whole project: settings, catalog, claims files.

Every problem is recorded in one `Problems` collector and loading goes on, so
a run with three mistakes reports all three. Nothing here reads data rows.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from factcheck.drift.compare import check_rules
from factcheck.load.catalog import load_catalog
from factcheck.load.claims import load_claims_file, resolve_references
from factcheck.load.columns import dataset_columns
from factcheck.load.paths import inside
from factcheck.load.placeholders import check_placeholders
from factcheck.load.spec import Project, Settings
from factcheck.problems import Location, Problems

_SETTINGS_KEYS = {"claims", "data", "schemas", "engine", "vague", "drift", "defaults"}


def load_settings(root: Path, problems: Problems) -> Settings:
    settings = Settings()
    path = root / "pyproject.toml"
    if not path.is_file():
        return settings
    try:
        table: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        problems.add(Location("pyproject.toml"), f"cannot read pyproject.toml: {exc}")
        return settings
    config = table.get("tool", {}).get("factcheck", {})
    for key in config:
        if key not in _SETTINGS_KEYS:
            problems.add(Location("pyproject.toml"), "unknown key in [tool.factcheck]", key)
    settings.claims_dir = str(config.get("claims", settings.claims_dir))
    settings.data_dir = str(config.get("data", settings.data_dir))
    settings.schemas_dir = str(config.get("schemas", settings.schemas_dir))
    settings.engine = str(config.get("engine", settings.engine))
    if "engine" in config:
        from factcheck.engines import engine_names

        settings.engine_loc = Location("pyproject.toml", _line_starting(root, "engine"))
        if settings.engine not in engine_names():
            known = ", ".join(engine_names())
            problems.add(
                settings.engine_loc, f"unknown engine '{settings.engine}' (known: {known})",
                settings.engine,
            )  # fmt: skip
    for word, bounds in config.get("vague", {}).items():
        if (
            isinstance(bounds, list)
            and len(bounds) == 2
            and all(isinstance(b, int | float) for b in bounds)
        ):
            settings.vague_ranges[word.lower()] = (float(bounds[0]), float(bounds[1]))
        else:
            problems.add(
                Location("pyproject.toml"),
                "[tool.factcheck.vague] values must be [low, high]",
                word,
            )
    settings.drift = dict(config.get("drift", {}))
    _project_defaults(config.get("defaults", {}), settings, problems)
    for sub in ("claims_dir", "data_dir", "schemas_dir"):
        value = getattr(settings, sub)
        if not inside(root, root / value):
            problems.add(Location("pyproject.toml"), "directory leaves the project root", value)
    return settings


def _project_defaults(table: Any, settings: Settings, problems: Problems) -> None:
    """[tool.factcheck.defaults]: tolerance and rounding for every claims file."""
    from factcheck.phrases import PhraseError, parse_tolerance

    where = Location("pyproject.toml")
    if not isinstance(table, dict):
        problems.add(where, "[tool.factcheck.defaults] must be a table", "defaults")
        return
    for key, value in table.items():
        if key == "tolerance":
            try:
                settings.tolerance = parse_tolerance(str(value))
            except PhraseError as exc:
                problems.add(where, f"unreadable default tolerance: {exc.message}", str(value))
        elif key == "rounding" and value in ("half_up", "down"):
            settings.rounding = str(value)
        elif key == "rounding":
            problems.add(where, "rounding must be half_up or down", str(value))
        else:
            problems.add(where, "unknown key in [tool.factcheck.defaults]", key)


def claims_files(root: Path, settings: Settings) -> list[Path]:
    folder = root / settings.claims_dir
    if not folder.is_dir():
        return []
    found = [*folder.rglob("*.yaml"), *folder.rglob("*.yml")]
    return sorted(p for p in found if inside(root, p))


def load_project(root: Path, *, only_files: list[Path] | None = None) -> tuple[Project, Problems]:
    """Load everything under `root`; the caller checks `problems` before going on."""
    problems = Problems()
    root = root.resolve()
    settings = load_settings(root, problems)
    datasets = load_catalog(root, settings, problems)
    columns = {name: dataset_columns(spec, problems) for name, spec in datasets.items()}

    files = only_files if only_files is not None else claims_files(root, settings)
    claims, sources = [], []
    broken_ids: set[str] = set()
    for path in files:
        check_placeholders(path, path.resolve().relative_to(root).as_posix(), problems)
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
    """The first line of pyproject.toml that starts with `prefix` (0 if none): tomllib
    keeps no line numbers, and an error should still point at its line."""
    lines = (root / "pyproject.toml").read_text(encoding="utf-8").splitlines()
    return next((n for n, t in enumerate(lines, 1) if t.strip().startswith(prefix)), 0)
