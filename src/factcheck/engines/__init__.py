"""Compute engines: turn a dataset's planned metrics into numbers.

Engines are registered by name and imported only when chosen, so
`import factcheck` never pulls in DuckDB or pandas. A new engine (polars,
Spark, great-expectations) is one module with a class that has `compute`.
"""

from __future__ import annotations

import importlib

from factcheck.engines.base import Engine

_REGISTRY = {
    "duckdb": "factcheck.engines.duckdb_engine:DuckDBEngine",
    "pandas": "factcheck.engines.pandas_engine:PandasEngine",
    "gx": "factcheck.engines.gx_engine:GXEngine",
    "spark": "factcheck.engines.spark_engine:SparkEngine",
}
# Engines that need an optional extra: the package whose absence means "install it".
_EXTRAS = {
    "gx": ("great_expectations", "pip install 'factcheck[gx]'"),
    "spark": ("pyspark", "pip install 'factcheck[spark]' (and Java 17)"),
}


class EngineUnavailable(ValueError):
    """An engine that cannot be used (unknown name, optional extra missing): run_check
    reports it as a configuration problem (exit 2) before any data is read."""


def engine_names() -> list[str]:
    return sorted(_REGISTRY)


def get_engine(name: str) -> Engine:
    try:
        target = _REGISTRY[name]
    except KeyError:
        known = ", ".join(engine_names())
        raise EngineUnavailable(f"unknown engine '{name}' (known: {known})") from None
    module_name, class_name = target.split(":")
    module = importlib.import_module(module_name)  # imports nothing optional itself
    if name in _EXTRAS:
        package, install = _EXTRAS[name]
        try:
            importlib.import_module(package)
        except ImportError as exc:
            raise EngineUnavailable(
                f"engine '{name}' needs {package}, which cannot be imported ({exc}): {install}"
            ) from None
    return getattr(module, class_name)()
