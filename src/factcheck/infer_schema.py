"""`factcheck schema DATASET`: a first pandera YAML schema inferred from the data.

What the data shows becomes checks: each column's type and whether it has empty cells, the
observed range of numbers, the values of a column with few distinct ones, the shape of
strings such as '2025-04', the column(s) that identify a row. What the data shows is not
what is true, so the command also says what an editor should tighten (a range that should
be "never negative", a category list that may be incomplete). It never overwrites a schema.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported only when a schema is inferred
    import pandas as pd

MAX_CATEGORIES = 20  # more distinct strings than this are free text, not categories
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")
_SHAPES = {r"^\d{4}-\d{2}$": "YYYY-MM", r"^\d{4}-Q[1-4]$": "YYYY-Qn", r"^\d{4}$": "YYYY"}


@dataclass
class Inferred:
    yaml: str
    advice: list[str] = field(default_factory=list)


def _scalar(value: object) -> str:
    """A YAML scalar: numbers as numbers, text as a JSON string (valid YAML, never a tag)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return json.dumps(str(value), ensure_ascii=False)


def _key_name(name: str) -> str:
    """A column name as a YAML key: plain when it is a plain word, quoted otherwise."""
    plain = re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name)
    words = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}
    return name if plain and name.lower() not in words else _scalar(name)


def _number(value: float) -> int | float:
    number = float(value)
    return int(number) if number.is_integer() else number


def infer(frame: pd.DataFrame, name: str) -> Inferred:
    """The schema of `frame` as pandera YAML, and what to tighten in it."""
    import pandas as pd

    lines = ["schema_type: dataframe", "version: 0.35.0", "columns:"]
    advice: list[str] = []
    for column in frame.columns:
        series = frame[column]
        values = series.dropna()
        empty = int(series.isna().sum())
        dtype, checks = _column(series, values, pd)
        lines += [f"  {_key_name(str(column))}:", f"    dtype: {dtype}"]
        lines.append(f"    nullable: {'true' if empty else 'false'}")
        if checks:
            lines.append("    checks:")
            lines += [f"      {check}: {value}" for check, value in checks]
        advice += _advice(str(column), dtype, checks, empty, len(series), values)
    lines += ["coerce: true", "strict: true"]
    key = _key(frame)
    if key:
        lines.append("unique: [" + ", ".join(_key_name(k) for k in key) + "]")
        advice.append(
            f"unique: [{', '.join(key)}]: no two rows share it today; keep it only if it is "
            "the key of a row (one row per date, per case...)"
        )
    else:
        advice.append("no column identifies a row; if one should, add `unique: [COLUMN]`")
    advice.append(f"add `schema: {name}` to the dataset in data/datasets.yaml if it lacks it")
    return Inferred("\n".join(lines) + "\n", advice)


def _column(
    series: pd.Series, values: pd.Series, pd: ModuleType
) -> tuple[str, list[tuple[str, str]]]:
    types = pd.api.types
    if types.is_bool_dtype(series):
        return "bool", []
    if types.is_numeric_dtype(series):
        integral = types.is_integer_dtype(series)
        if not len(values):
            return ("int64" if integral else "float64"), []
        low, high = _number(values.min()), _number(values.max())
        bounds = [
            ("greater_than_or_equal_to", _scalar(low)),
            ("less_than_or_equal_to", _scalar(high)),
        ]
        return ("int64" if integral else "float64"), bounds
    if types.is_datetime64_any_dtype(series):
        return "datetime64[ns]", []
    text = values.astype(str)
    if len(text) and text.map(lambda v: bool(_DATE.match(v))).all():
        return "datetime64[ns]", []
    for pattern in _SHAPES:  # a period ('2025-04') is a shape, whatever values it has now
        if len(text) and text.str.match(pattern).all():
            return "str", [("str_matches", _scalar(pattern))]
    distinct = sorted(text.unique())
    if 0 < len(distinct) <= MAX_CATEGORIES and len(distinct) <= max(1, len(text) // 2):
        return "str", [("isin", "[" + ", ".join(_scalar(v) for v in distinct) + "]")]
    return "str", []


def _advice(
    column: str,
    dtype: str,
    checks: list[tuple[str, str]],
    empty: int,
    rows: int,
    values: pd.Series,
) -> list[str]:
    out = []
    names = dict(checks)
    if "greater_than_or_equal_to" in names:
        low, high = names["greater_than_or_equal_to"], names["less_than_or_equal_to"]
        possible = (
            "a count is >= 0 and has no upper bound"
            if not low.startswith("-")
            else ("a temperature has physical limits, not this file's")
        )
        out.append(
            f"{column}: the range {low} to {high} is only what this file holds; replace it "
            f"with what is possible ({possible})"
        )
    if dtype == "float64" and len(values) and bool((values % 1 == 0).all()) and empty:
        out.append(f"{column}: whole numbers with empty cells: read as float64, as kept here")
    if "isin" in names:
        out.append(
            f"{column}: {names['isin'].count(',') + 1} values seen ({names['isin']}); "
            "add any value the data may rightly hold, or new rows will fail"
        )
    if dtype == "str" and not checks and len(values):
        out.append(f"{column}: free text; add `str_matches` if its values have a shape")
    if empty:
        out.append(
            f"{column}: {empty} of {rows} cells empty, so nullable: true; make it false if "
            "every row must have a value"
        )
    return out


def _key(frame: pd.DataFrame) -> list[str]:
    """One column (or else two) whose values identify each row. Only labels are keys: text,
    dates, whole numbers named like an id or a year; a measure (a count, an amount) unique
    by chance is not."""
    if len(frame) < 2:
        return []

    def label(column: str) -> bool:
        series = frame[column]
        if series.isna().any() or series.dtype.kind == "f":
            return False
        if series.dtype.kind in "iu":
            return bool(re.search(r"(?:^|_)(?:id|year|code|no|number)$|^id", str(column).lower()))
        return True

    candidates = [str(c) for c in frame.columns if label(c)]
    for column in candidates:
        if frame[column].is_unique:
            return [column]
    for pair in combinations(candidates[:12], 2):
        if not frame.duplicated(subset=list(pair)).any():
            return list(pair)
    return []


class LocateError(Exception):
    """The dataset's data file cannot be found from the catalog; the message names the
    catalog and the dataset. The command (cli/schema.py) prints it and exits 2."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def locate(root: Path, name: str) -> tuple[Path, str, str]:
    """The data file of catalog entry `name`, where its schema goes, and the schema's name.
    Read from the catalog directly: a dataset whose schema is missing is what this is for."""
    from factcheck.load.paths import inside
    from factcheck.load.project import load_settings
    from factcheck.load.yamlsrc import Map, load_yaml
    from factcheck.problems import Problems

    problems = Problems()
    settings = load_settings(root, problems)
    rel = f"{settings.data_dir}/datasets.yaml"
    tree = load_yaml(root / rel, rel, problems)
    entries = tree.get("datasets") if isinstance(tree, Map) else None
    if problems or not isinstance(entries, Map):
        raise LocateError(f"cannot read the catalog {rel}; run factcheck lint")
    entry = entries.get(name)
    if not isinstance(entry, Map) or not entry.get("path"):
        known = ", ".join(sorted(entries)) or "none"
        raise LocateError(f"no dataset '{name}' in {rel} (known: {known})")
    path = root / settings.data_dir / str(entry["path"])
    if not inside(root, path) or not path.is_file():
        raise LocateError(f"{rel}: the data file of '{name}' is not in the project")
    schema = str(entry.get("schema") or name)
    return path, f"{settings.schemas_dir}/{schema}.yaml", schema
