"""Which engines exist, by name: plain data, imported by the loader (to check the name
in pyproject.toml) and by `factcheck.engines` (to import the one chosen). Adding an
engine is its module under engines/ and its line here."""

from __future__ import annotations

# name -> "module:Class"; the module is imported only when the engine is chosen.
ENGINES = {
    "duckdb": "factcheck.engines.duckdb_engine:DuckDBEngine",
    "pandas": "factcheck.engines.pandas_engine:PandasEngine",
    "gx": "factcheck.engines.gx_engine:GXEngine",
    "spark": "factcheck.engines.spark_engine:SparkEngine",
}
# Engines that need an optional extra: the package whose absence means "install it".
EXTRAS = {
    "gx": ("great_expectations", "pip install 'factcheck-claims[gx]'"),
    "spark": ("pyspark", "pip install 'factcheck-claims[spark]' (and Java 17)"),
}


def engine_names() -> list[str]:
    return sorted(ENGINES)
