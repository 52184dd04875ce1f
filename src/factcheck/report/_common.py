"""Formatting shared by every renderer, so all formats show a figure the same way."""

from __future__ import annotations

from typing import Any

VERDICT_ORDER = ("fail", "error", "warn", "pass", "skip")


def number(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return "—" if value is None else str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return f"{int(value):,}"
        if abs(value) < 1:
            return f"{value:.4g}"
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def actual(value: Any, limit: int = 8) -> str:
    """A claim's actual figure: a number, a key, or groups (`2025-03: 1,012; …`)."""
    if isinstance(value, dict):
        items = [f"{k}: {number(v)}" for k, v in value.items()]
        more = f"; … {len(items) - limit} more" if len(items) > limit else ""
        return "; ".join(items[:limit]) + more
    return number(value)


def summary_line(report: dict[str, Any]) -> str:
    counts = report["summary"]
    total = sum(counts.values())
    parts = ", ".join(f"{counts[v]} {v}" for v in ("pass", "warn", "fail", "error", "skip"))
    return f"{total} claim{'s' if total != 1 else ''}: {parts}"


def by_file(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for claim in report["claims"]:
        out.setdefault(claim["file"], []).append(claim)
    return out


def source_of(report: dict[str, Any], file: str) -> dict[str, Any]:
    return next((s for s in report.get("sources", []) if s["file"] == file), {"file": file})
