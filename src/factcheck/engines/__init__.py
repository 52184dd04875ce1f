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
}


def engine_names() -> list[str]:
    return sorted(_REGISTRY)


def get_engine(name: str) -> Engine:
    try:
        target = _REGISTRY[name]
    except KeyError:
        raise ValueError(f"unknown engine '{name}' (known: {', '.join(engine_names())})") from None
    module_name, class_name = target.split(":")
    return getattr(importlib.import_module(module_name), class_name)()
