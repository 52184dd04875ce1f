"""Compute engines: turn a dataset's planned metrics into numbers.

Engines are registered by name (factcheck/registry.py) and imported only when chosen,
so `import factcheck` never pulls in DuckDB or pandas. A new engine (polars, Spark) is
one module with a class that has `compute`, and its line in the registry.
"""

from __future__ import annotations

import importlib

from factcheck.engines.base import Engine
from factcheck.registry import ENGINES, EXTRAS, engine_names

__all__ = ["Engine", "EngineUnavailable", "engine_names", "get_engine"]


class EngineUnavailable(ValueError):
    """An engine that cannot be used (unknown name, optional extra missing): run_check
    reports it as a configuration problem (exit 2) before any data is read."""


def get_engine(name: str) -> Engine:
    try:
        target = ENGINES[name]
    except KeyError:
        known = ", ".join(engine_names())
        raise EngineUnavailable(f"unknown engine '{name}' (known: {known})") from None
    module_name, class_name = target.split(":")
    module = importlib.import_module(module_name)  # imports nothing optional itself
    if name in EXTRAS:
        package, install = EXTRAS[name]
        from factcheck.validate import quiet_pyspark

        try:
            with quiet_pyspark():  # GX imports pyspark when it is installed, which warns
                importlib.import_module(package)
        except ImportError as exc:
            raise EngineUnavailable(
                f"engine '{name}' needs {package}, which cannot be imported ({exc}): {install}"
            ) from None
    return getattr(module, class_name)()
