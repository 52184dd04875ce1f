"""[tool.factcheck] in pyproject.toml, read as strictly as a claims file.

pyproject.toml is part of the project, so of what may be hostile: any value of any
type may be anywhere (`tool = 1`, `vague = 5`, `drift = "x"`, a bound of `inf`, a
5,000-character folder name). Each is a problem at its line, never a traceback.
"""

from __future__ import annotations

import math
import tomllib
from pathlib import Path
from typing import Any

from factcheck.load.limits import DEFAULTS, Limits, Policy, ceiling_problem, parse_value
from factcheck.load.paths import inside, path_problem
from factcheck.load.spec import Settings
from factcheck.load.yamlsrc import read_text_file
from factcheck.problems import Location, Problems
from factcheck.registry import engine_names

FILE = "pyproject.toml"
_KEYS = {"claims", "data", "schemas", "engine", "vague", "drift", "defaults", "limits"}
_FOLDERS = {"claims": "claims_dir", "data": "data_dir", "schemas": "schemas_dir"}


def load_settings(root: Path, problems: Problems, policy: Policy | None = None) -> Settings:
    policy = policy or Policy()
    settings = Settings()
    settings.python_schemas = policy.python_schemas
    settings.limits = policy.apply({})
    path = root / FILE
    if not path.exists() and not path.is_symlink():
        return settings
    text = read_text_file(path, FILE, problems, Limits().yaml_bytes, "yaml_bytes", Limits())
    if text is None:
        return settings
    try:
        table: dict[str, Any] = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        problems.add(Location(FILE), f"cannot read pyproject.toml: {exc}")
        return settings
    lines = text.splitlines()

    def at(prefix: str) -> Location:
        return Location(FILE, line_starting(lines, prefix))

    tool = table.get("tool", {})
    if not isinstance(tool, dict):
        problems.add(at("tool"), "'tool' must be a table ([tool.factcheck])", "tool")
        return settings
    config = tool.get("factcheck", {})
    if not isinstance(config, dict):
        where = at("factcheck") if line_starting(lines, "factcheck") else at("[tool")
        problems.add(where, "[tool.factcheck] must be a table", "factcheck")
        return settings
    for key in config:
        if key not in _KEYS:
            problems.add(at(key), "unknown key in [tool.factcheck]", key)
    _folders(root, config, settings, problems, at)
    engine = config.get("engine", settings.engine)
    if isinstance(engine, str):
        settings.engine = engine
    else:
        problems.add(at("engine"), "engine must be a name in quotes", str(engine))
    if "engine" in config:
        settings.engine_loc = at("engine")
        if isinstance(engine, str) and engine not in engine_names():
            known = ", ".join(engine_names())
            problems.add(settings.engine_loc, f"unknown engine '{engine}' (known: {known})", engine)
    _vague(config.get("vague", {}), settings, problems, at)
    drift = config.get("drift", {})
    if isinstance(drift, dict):
        settings.drift = dict(drift)
    else:
        problems.add(at("drift"), "[tool.factcheck.drift] must be a table of rules", "drift")
    settings.limits = policy.apply(_limits(config.get("limits", {}), problems, at))
    _defaults(config.get("defaults", {}), settings, problems, at)
    return settings


def _defaults(table: Any, settings: Settings, problems: Problems, at) -> None:
    """[tool.factcheck.defaults]: tolerance and rounding for every claims file."""
    from factcheck.phrases import PhraseError, parse_tolerance

    if not isinstance(table, dict):
        problems.add(at("defaults"), "[tool.factcheck.defaults] must be a table", "defaults")
        return
    for key, value in table.items():
        if key == "tolerance":
            try:
                settings.tolerance = parse_tolerance(str(value))
            except PhraseError as exc:
                problems.add(at(key), f"unreadable default tolerance: {exc.message}", str(value))
        elif key == "rounding" and value in ("half_up", "down"):
            settings.rounding = str(value)
        elif key == "rounding":
            problems.add(at(key), "rounding must be half_up or down", str(value))
        else:
            problems.add(at(key), "unknown key in [tool.factcheck.defaults]", key)


def line_starting(lines: list[str], prefix: str) -> int:
    """The first line that starts with `prefix` (0 if none): tomllib keeps no line
    numbers, and an error should still point at its line."""
    return next((n for n, t in enumerate(lines, 1) if t.strip().startswith(prefix)), 0)


def _folders(
    root: Path, config: dict[str, Any], settings: Settings, problems: Problems, at
) -> None:
    """claims, data, schemas: a folder inside the root; a refused one is not read at all
    (an outside datasets.yaml is not even opened, so none of it is echoed)."""
    for key, attribute in _FOLDERS.items():
        if key not in config:
            continue
        value = config[key]
        why = path_problem(value) if isinstance(value, str) else "must be a folder name in quotes"
        if why is None and not inside(root, root / value):
            why = "directory leaves the project root"
        if why is not None:
            problems.add(at(key), why, str(value)[:80])
            settings.refused.add(key)
        else:
            setattr(settings, attribute, value)


def _vague(table: Any, settings: Settings, problems: Problems, at) -> None:
    if not isinstance(table, dict):
        problems.add(at("vague"), "[tool.factcheck.vague] must be a table of word = [low, high]")
        return
    for word, bounds in table.items():
        if (
            isinstance(bounds, list)
            and len(bounds) == 2
            and all(isinstance(b, int | float) and not isinstance(b, bool) for b in bounds)
            and all(math.isfinite(b) for b in bounds)
            and bounds[0] <= bounds[1]
        ):
            settings.vague_ranges[word.lower()] = (float(bounds[0]), float(bounds[1]))
        else:
            problems.add(
                at(word),
                "[tool.factcheck.vague] values must be [low, high]: finite numbers, low <= high",
                word,
            )


def _limits(table: Any, problems: Problems, at) -> dict[str, int]:
    if not isinstance(table, dict):
        problems.add(at("limits"), "[tool.factcheck.limits] must be a table of name = number")
        return {}
    out: dict[str, int] = {}
    for name, value in table.items():
        if name not in DEFAULTS:
            known = ", ".join(DEFAULTS)
            problems.add(at(name), f"unknown limit in [tool.factcheck.limits] ({known})", name)
            continue
        number = None
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            number = value
        elif isinstance(value, str):
            number = parse_value(value)
        if number is None:
            problems.add(
                at(name), 'a limit must be a whole number >= 1 (or "500M", "2G")', str(value)
            )
        elif ceiling := ceiling_problem(name, number):
            problems.add(at(name), ceiling, str(value))
        else:
            out[name] = number
    return out
