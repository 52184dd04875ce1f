"""A dataset's pandera schema compiled to a great-expectations suite (`NAME.schema`).

Column presence, dtypes that map cleanly, nullable, unique, and the pandera built-in
checks that have a GX equivalent. Anything else (a custom or dataframe-wide check, an
unmapped dtype) is kept as not compiled, by name and with the reason, so the export's
accounting lists every schema check. Each expectation's description names the schema
file and the check it came from, which is what Data Docs show for it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from great_expectations.expectations import Expectation
    from pandera.api.checks import Check
    from pandera.api.pandas.container import DataFrameSchema
    from pandera.dtypes import DataType

# pandera dtype (as str) -> the type GX checks with ExpectColumnValuesToBeOfType. Numpy
# dtypes map to themselves; pandera's string dtypes coerce to pandas' `str` dtype.
_NUMPY_TYPES = {
    *(f"int{n}" for n in (8, 16, 32, 64)),
    *(f"uint{n}" for n in (8, 16, 32, 64)),
    *(f"float{n}" for n in (16, 32, 64)),
    "bool",
}
_STRING_TYPES = {"str", "string", "string[python]", "string[pyarrow]"}
_DATETIME = re.compile(r"^datetime64\[(s|ms|us|ns)\]$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Compiled:
    """One suite's worth: GX expectations, and what could not be compiled (and why)."""

    source: str = ""  # what every description starts with: the schema file, or "Claim"
    expectations: list[Expectation] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # a short name per expectation
    not_compiled: list[tuple[str, str]] = field(default_factory=list)  # (name, reason)

    def add(self, expectation: Expectation, label: str, detail: str = "") -> None:
        """Keep `expectation`, described in Data Docs by where it came from."""
        text = f"{self.source}: {label}" + (f" ({detail})" if detail else "")
        expectation.description = describe(text)
        self.expectations.append(expectation)
        self.labels.append(label)


def describe(text: str) -> str:
    """Text as a GX description: Data Docs put it into the page as a template, unescaped
    (only parameters are escaped), so it is escaped here, `$` included (a template's)."""
    return html.escape(text, quote=True).replace("$", "&#36;")


def compile_schema(
    schema: DataFrameSchema | None, gxe: ModuleType, schema_file: str | None = None
) -> Compiled:
    """A pandera DataFrameSchema as GX expectations (None: an empty suite)."""
    out = Compiled(source=f"pandera schema {schema_file or '(none)'}")
    if schema is None:
        return out
    for name, column in schema.columns.items():
        if getattr(column, "regex", False):
            out.not_compiled.append((f"{name}: regex column", "no fixed column name"))
            continue
        if column.required:
            out.add(gxe.ExpectColumnToExist(column=name), f"{name}: exists")
        else:
            out.not_compiled.append((f"{name}: presence", "optional column (required=False)"))
        _dtype(out, gxe, name, column.dtype)
        if not column.nullable:
            out.add(gxe.ExpectColumnValuesToNotBeNull(column=name), f"{name}: not null")
        if column.unique:
            out.add(gxe.ExpectColumnValuesToBeUnique(column=name), f"{name}: unique")
        for check in column.checks:
            _check(out, gxe, name, column.dtype, check)
    unique = schema.unique
    if isinstance(unique, str):
        unique = [unique]
    if unique and len(unique) == 1:  # GX's compound expectation refuses a single column
        out.add(gxe.ExpectColumnValuesToBeUnique(column=unique[0]), f"unique: {unique[0]}")
    elif unique:
        out.add(
            gxe.ExpectCompoundColumnsToBeUnique(column_list=list(unique)),
            f"unique: {', '.join(unique)}",
        )
    if schema.strict is True:
        out.add(
            gxe.ExpectTableColumnsToMatchSet(column_set=list(schema.columns), exact_match=True),
            "strict: no other columns",
        )
    for check in schema.checks:
        out.not_compiled.append((f"dataframe check {check.name}", "no GX equivalent"))
    if schema.index is not None:
        out.not_compiled.append(("index", "index checks are not compiled"))
    return out


def _dtype(out: Compiled, gxe: ModuleType, name: str, dtype: DataType | None) -> None:
    if dtype is None:
        return
    text = str(dtype)
    if text in _NUMPY_TYPES or _DATETIME.match(text):
        out.add(gxe.ExpectColumnValuesToBeOfType(column=name, type_=text), f"{name}: {text}")
    elif text in _STRING_TYPES:
        out.add(gxe.ExpectColumnValuesToBeOfType(column=name, type_="str"), f"{name}: str")
    else:
        out.not_compiled.append((f"{name}: dtype {text}", "no clean GX type"))


def _check(out: Compiled, gxe: ModuleType, name: str, dtype: DataType | None, check: Check) -> None:
    stats = dict(check.statistics or {})
    kind = check.name
    meta = {"pandera_check": kind}

    def value(v: object) -> object:
        return _plain_value(v, dtype)

    detail = ", ".join(f"{k} {v}" for k, v in stats.items())

    def between(**kwargs: object) -> None:
        expectation = gxe.ExpectColumnValuesToBeBetween(column=name, meta=meta, **kwargs)
        out.add(expectation, f"{name}: {kind}", detail)

    def one(cls: str, **kwargs: object) -> None:
        out.add(getattr(gxe, cls)(column=name, meta=meta, **kwargs), f"{name}: {kind}", detail)

    if kind == "greater_than_or_equal_to":
        between(min_value=value(stats["min_value"]))
    elif kind == "greater_than":
        between(min_value=value(stats["min_value"]), strict_min=True)
    elif kind == "less_than_or_equal_to":
        between(max_value=value(stats["max_value"]))
    elif kind == "less_than":
        between(max_value=value(stats["max_value"]), strict_max=True)
    elif kind == "in_range":
        between(
            min_value=value(stats["min_value"]),
            max_value=value(stats["max_value"]),
            strict_min=not stats.get("include_min", True),
            strict_max=not stats.get("include_max", True),
        )
    elif kind == "equal_to":
        one("ExpectColumnValuesToBeInSet", value_set=[value(stats["value"])])
    elif kind == "not_equal_to":
        one("ExpectColumnValuesToNotBeInSet", value_set=[value(stats["value"])])
    elif kind == "isin":
        one("ExpectColumnValuesToBeInSet", value_set=[value(v) for v in stats["allowed_values"]])
    elif kind == "notin":
        values = [value(v) for v in stats["forbidden_values"]]
        one("ExpectColumnValuesToNotBeInSet", value_set=values)
    elif kind == "str_matches":
        # pandera matches at the start (re.match); GX searches: anchor the pattern.
        pattern = str(stats["pattern"])
        one(
            "ExpectColumnValuesToMatchRegex",
            regex=pattern if pattern.startswith("^") else f"^(?:{pattern})",
        )
    elif kind == "str_contains":
        one("ExpectColumnValuesToMatchRegex", regex=str(stats["pattern"]))
    elif kind == "str_startswith":
        one("ExpectColumnValuesToMatchRegex", regex="^" + re.escape(str(stats["string"])))
    elif kind == "str_endswith":
        one("ExpectColumnValuesToMatchRegex", regex=re.escape(str(stats["string"])) + "$")
    elif kind == "str_length":
        exact = stats.get("exact_value")
        low, high = (
            (exact, exact)
            if exact is not None
            else (stats.get("min_value"), stats.get("max_value"))
        )
        one("ExpectColumnValueLengthsToBeBetween", min_value=low, max_value=high)
    else:
        out.not_compiled.append((f"{name}: {kind}", "no GX equivalent"))


def _plain_value(v: object, dtype: DataType | None) -> object:
    """A check's bound as GX takes it: datetimes for a datetime column, else plain."""
    if _DATETIME.match(str(dtype)) and v is not None:
        import pandas as pd

        return pd.Timestamp(v).to_pydatetime()
    if hasattr(v, "item"):
        return v.item()
    return v
