"""Inline SVG charts for the HTML report: no scripts, no network, text escaped.

- one figure: a number line with the pass band shaded and the actual marked;
- groups (`by`): a bar per group with the band drawn across;
- a derived figure: its parts (the `let` metrics) as bars.
"""

from __future__ import annotations

from html import escape
from typing import Any

from factcheck.report._common import number

COLORS = {"pass": "#1a7f37", "warn": "#9a6700", "fail": "#cf222e", "error": "#8250df",
          "skip": "#6e7781"}  # fmt: skip
WIDTH = 360


def chart(claim: dict[str, Any]) -> str:
    actual = claim.get("actual")
    band = claim.get("band") or {}
    color = COLORS[claim["verdict"]]
    if isinstance(actual, dict) and actual and all(_num(v) for v in actual.values()):
        return _bars(actual, band, color, f"{claim['id']}: groups")
    if _num(actual):
        line = _number_line(float(actual), band, color, claim["id"])
        parts = _parts(claim)
        return line + (_bars(parts, {}, "#57606a", f"{claim['id']}: parts") if parts else "")
    return ""


def _num(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _parts(claim: dict[str, Any]) -> dict[str, float]:
    computation = claim.get("computation") or {}
    metrics = computation.get("metrics") or []
    if not computation.get("expr") or len(metrics) < 2:
        return {}
    return {m["name"]: m["value"] for m in metrics if _num(m.get("value"))}


def _number_line(value: float, band: dict[str, Any], color: str, label: str) -> str:
    low, high = band.get("low"), band.get("high")
    points = [value] + [v for v in (low, high) if v is not None]
    lo, hi = min(points), max(points)
    pad = (hi - lo) * 0.25 or abs(value) * 0.1 or 1
    lo, hi = lo - pad, hi + pad

    def x(v: float) -> float:
        return 10 + (v - lo) / (hi - lo) * (WIDTH - 20)

    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} 46" width="{WIDTH}" '
        f'height="46" aria-label="{escape(label)}: actual against the claimed band">'
    ]
    parts.append(f'<line x1="10" y1="24" x2="{WIDTH - 10}" y2="24" stroke="#8c959f"/>')
    if low is not None or high is not None:
        x0 = x(low) if low is not None else 10
        x1 = x(high) if high is not None else WIDTH - 10
        parts.append(
            f'<rect class="band" x="{x0:.1f}" y="16" width="{max(x1 - x0, 2):.1f}" '
            'height="16" fill="#2da44e" fill-opacity="0.18" stroke="#2da44e"/>'
        )
        for v in (low, high):
            if v is not None:
                parts.append(
                    f'<text x="{x(v):.1f}" y="44" font-size="9" text-anchor="middle">'
                    f"{escape(number(v))}</text>"
                )
    parts.append(f'<circle cx="{x(value):.1f}" cy="24" r="5" fill="{color}"/>')
    parts.append(
        f'<text x="{x(value):.1f}" y="11" font-size="10" text-anchor="middle" '
        f'font-weight="bold">{escape(number(value))}</text></svg>'
    )
    return "".join(parts)


def _bars(groups: dict[str, Any], band: dict[str, Any], color: str, label: str) -> str:
    items = list(groups.items())[:40]
    values = [float(v) for _, v in items] + [
        float(v) for v in (band.get("low"), band.get("high")) if v is not None
    ]
    top = max(max(values), 0) or 1
    row = 16
    height = row * len(items) + 8
    label_w = 90

    def w(v: float) -> float:
        return max(v, 0) / top * (WIDTH - label_w - 60)

    out = [
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" aria-label="{escape(label)}">'
    ]
    for i, (key, value) in enumerate(items):
        y = 4 + i * row
        out.append(
            f'<text x="{label_w - 4}" y="{y + 11}" font-size="10" text-anchor="end">'
            f"{escape(str(key))}</text>"
        )
        out.append(
            f'<rect class="bar" x="{label_w}" y="{y + 2}" width="{w(float(value)):.1f}" '
            f'height="{row - 4}" fill="{color}"/>'
        )
        out.append(
            f'<text x="{label_w + w(float(value)) + 4:.1f}" y="{y + 11}" font-size="10">'
            f"{escape(number(value))}</text>"
        )
    low, high = band.get("low"), band.get("high")
    if low is not None or high is not None:
        x0 = label_w + w(low if low is not None else 0)
        x1 = label_w + w(high if high is not None else top)
        out.append(
            f'<rect class="band" x="{x0:.1f}" y="0" width="{max(x1 - x0, 1.5):.1f}" '
            f'height="{height}" fill="#2da44e" fill-opacity="0.15" stroke="#2da44e" '
            'stroke-dasharray="3 2"/>'
        )
    out.append("</svg>")
    return "".join(out)
