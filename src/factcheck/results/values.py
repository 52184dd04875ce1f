"""The values a report holds, and reading them back from parsed JSON.

A report read back from a file (replay, diff, a report rendered again) is plain JSON of
unknown provenance: every reader here narrows a value to the type the model holds, and a
value of the wrong type becomes that field's default, so a hand-edited report renders
rather than raising somewhere deep inside a format.
"""

from __future__ import annotations

from collections.abc import Mapping

# One figure as a report holds it: a number, a group key (text, a year), a bool, or None
# (not computed).
Scalar = str | int | float | bool | None
# A claim's figure: one value, or one value per group ("2025-03": 1012).
Figure = Scalar | dict[str, Scalar]
# Parsed JSON, for what a reader must narrow before use.
JsonValue = str | int | float | bool | None | list["JsonValue"] | dict[str, "JsonValue"]
JsonObject = Mapping[str, object]


class ReportError(ValueError):
    """The file is not a factcheck JSON report the model can read."""


def obj(value: object) -> JsonObject:
    """A JSON object, or an empty one for anything else."""
    return value if isinstance(value, dict) else {}


def objects(value: object) -> list[JsonObject]:
    """The objects of a JSON list (anything else in it is skipped)."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def text(value: object, default: str = "") -> str:
    return default if value is None else str(value)


def opt_text(value: object) -> str | None:
    return None if value is None else str(value)


def texts(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def integer(value: object, default: int) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return default


def opt_int(value: object) -> int | None:
    return None if value is None else integer(value, 0)


def opt_float(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return None


def scalar(value: object) -> Scalar:
    """A plain value; a list or an object (no figure is one) as its text."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def figure(value: object) -> Figure:
    if isinstance(value, dict):
        return {str(k): scalar(v) for k, v in value.items()}
    return scalar(value)


def groups(value: object) -> dict[str, Scalar] | None:
    return {str(k): scalar(v) for k, v in value.items()} if isinstance(value, dict) else None


def flags(value: object) -> dict[str, bool] | None:
    return {str(k): bool(v) for k, v in value.items()} if isinstance(value, dict) else None


def tallies(value: object) -> dict[str, int]:
    return {str(k): integer(v, 0) for k, v in obj(value).items()}
