"""Inline SVG charts for the HTML report: no script, no network, every text escaped.

- a single figure: a number line with the pass band shaded and the actual marked;
- groups judged against a band (`by` with over each/any...): one row per group, a dot at
  its value on a shared scale with the pass band shaded across all rows; a dot is green
  when its group holds (inside the band, or beyond it on the side the claim's rule calls
  true but understated, under a pass), amber when it holds only loosely, red when it fails.
  Dots, not bars: the scale need not start at zero, so 9,012 and 8,421 look as
  different as they are;
- groups without a band (argmax/argmin): bars from zero, the named group marked; of more
  than MAX_BARS groups the largest are drawn (the smallest for argmin), so the winner is;
- a figure that is exactly the stated number: its dot alone, no band (a band
  18,158.5-18,159.5 around 18,159 says nothing);
- a derived figure (`expr` over two or more metrics): its parts as bars, under its line.

Charts are decoration on top of the numbers written beside them, so a claim without a
drawable figure (manual, skip, error) simply has none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from html import escape

from factcheck.report._common import number
from factcheck.results import Band, ClaimResult, Scalar

Colour = Callable[[float], str]  # a group's value -> its dot's colour

COLORS = {"pass": "#1a7f37", "warn": "#9a6700", "fail": "#cf222e", "error": "#8250df",
          "skip": "#6e7781"}  # fmt: skip
INSIDE, LOOSE, OUTSIDE, PART = "#1a7f37", "#d4a72c", "#cf222e", "#57606a"
BAND_FILL = "#2da44e"
WIDTH = 420
MAX_BARS = 40


def chart(claim: ClaimResult) -> str:
    value = claim.actual
    band = claim.band or Band()
    numbers = _numbers(value) if isinstance(value, dict) else {}
    if isinstance(value, dict) and value and len(numbers) == len(value):
        label = f"{claim.id}: each group against the claimed band"
        if band.low is not None or band.high is not None:
            return _dots(numbers, band, label, _colour(claim))
        return _bars(numbers, label)
    groups = _groups(claim)
    if isinstance(value, str) and groups:
        # argmax/argmin: the claim names a group; show every group, the winner marked green
        # and, when the claim named another, that one red.
        named = claim.claim.strip("'\" ")
        claimed = next((str(k) for k in groups if str(k).lower() == named.lower()), None)
        return _bars(
            groups, f"{claim.id}: groups, {value} marked", mark=value,
            claimed=claimed if claimed != value else None,
        )  # fmt: skip
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _exact(float(value), band):
            band = Band()  # "18,159" found to be 18,159: a band 18,158.5-18,159.5 says nothing
        line = _number_line(float(value), band, claim.verdict, claim.id)
        parts = _parts(claim)
        if parts:
            line += _bars(parts, f"{claim.id}: the parts of the expression")
        return line
    return ""


def _exact(value: float, band: Band) -> bool:
    """The figure is the stated number itself, under a rounding band at most one unit wide."""
    low, high = band.low, band.high
    if low is None or high is None or high - low > 1:
        return False
    return abs(value - (low + high) / 2) <= 1e-9 * max(1.0, abs(value))


def _numbers(values: Mapping[str, Scalar]) -> dict[str, float]:
    """The values that are numbers (a bool is not one), keyed as given."""
    return {
        k: v for k, v in values.items() if isinstance(v, int | float) and not isinstance(v, bool)
    }


def _groups(claim: ClaimResult) -> dict[str, float]:
    for metric in claim.computation.metrics if claim.computation else []:
        numbers = _numbers(metric.groups or {})
        if metric.groups and len(numbers) == len(metric.groups):
            return numbers
    return {}


def _parts(claim: ClaimResult) -> dict[str, float]:
    computation = claim.computation
    if computation is None or not computation.expr or len(computation.metrics) < 2:
        return {}
    return _numbers({m.name: m.value for m in computation.metrics if not isinstance(m.value, dict)})


def _svg(height: int, label: str) -> str:
    return (
        f'<svg class="chart" role="img" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'aria-label="{escape(label)}"><title>{escape(label)}</title>'
    )


def _number_line(value: float, band: Band, verdict: str, claim_id: str) -> str:
    low, high = band.low, band.high
    points = [value] + [v for v in (low, high) if v is not None]
    lo, hi = min(points), max(points)
    pad = (hi - lo) * 0.25 or abs(value) * 0.1 or 1
    lo, hi = lo - pad, hi + pad

    def x(v: float) -> float:
        return 12 + (v - lo) / (hi - lo) * (WIDTH - 24)

    out = [_svg(52, f"{claim_id}: the actual figure against the claimed band")]
    out.append(f'<line x1="12" y1="26" x2="{WIDTH - 12}" y2="26" stroke="#8c959f"/>')
    if low is not None or high is not None:
        x0 = x(low) if low is not None else 12
        x1 = x(high) if high is not None else WIDTH - 12
        out.append(
            f'<rect class="band" x="{x0:.1f}" y="17" width="{max(x1 - x0, 2):.1f}" height="18" '
            f'fill="{BAND_FILL}" fill-opacity="0.18" stroke="{BAND_FILL}"/>'
        )
        # Band ends below the line, the actual above it, so labels never collide.
        anchors = {"low": "end", "high": "start"} if low is not None and high is not None else {}
        for name, v in (("low", low), ("high", high)):
            if v is not None:
                anchor = anchors.get(name, "middle")
                out.append(
                    f'<text x="{x(v):.1f}" y="48" font-size="11" text-anchor="{anchor}" '
                    f'fill="#57606a">{escape(number(v))}</text>'
                )
    out.append(
        f'<circle cx="{x(value):.1f}" cy="26" r="5.5" fill="{COLORS[verdict]}" '
        'stroke="#fff" stroke-width="1.5"/>'
    )
    out.append(
        f'<text x="{x(value):.1f}" y="12" font-size="12" text-anchor="middle" '
        f'font-weight="bold">{escape(number(value))}</text></svg>'
    )
    return "".join(out)


LABEL_CHARS = 24  # longer group or part names are cut with an ellipsis; <title> has them whole


def _label_width(keys: Iterable[str]) -> int:
    """Room left of the bars for the longest name (about 6.5 px a character at 11 px)."""
    longest = max((min(len(str(k)), LABEL_CHARS) for k in keys), default=4)
    return max(40, int(longest * 6.5) + 10)


def _label(key: str) -> str:
    text = str(key)
    if len(text) <= LABEL_CHARS:
        return escape(text)
    return f"<title>{escape(text)}</title>{escape(text[: LABEL_CHARS - 1])}…"


def _bars(
    groups: dict[str, float],
    label: str,
    *,
    mark: str | None = None,
    color: str = PART,
    claimed: str | None = None,
) -> str:
    """Bars from zero (no band here: banded groups are drawn as dots); `mark` names the
    group the claim is about (argmax/argmin), drawn green and bold; `claimed` the group a
    failing claim named instead, drawn red and bold."""
    if not groups:
        return ""
    items = _drawn(groups, mark, claimed)
    top = max(max(float(v) for _, v in items), 0) or 1
    row, label_w, right = 18, _label_width(k for k, _ in items), 64
    height = row * len(items) + 10

    def w(v: float) -> float:
        return max(v, 0) / top * (WIDTH - label_w - right)

    out = [_svg(height, label)]
    for i, (key, value) in enumerate(items):
        y = 5 + i * row
        v = float(value)
        marked = mark is not None and str(key) == mark
        wrong = claimed is not None and str(key) == claimed
        weight = ' font-weight="bold"' if marked or wrong else ""
        out.append(
            f'<text x="{label_w - 6}" y="{y + 11}" font-size="11" text-anchor="end"{weight}>'
            f"{_label(key)}</text>"
        )
        out.append(
            f'<rect class="bar" x="{label_w}" y="{y + 1}" width="{w(v):.1f}" '
            f'height="{row - 4}" fill="{INSIDE if marked else OUTSIDE if wrong else color}"/>'
        )
        out.append(
            f'<text x="{label_w + w(v) + 4:.1f}" y="{y + 11}" font-size="11">'
            f"{escape(number(value))}</text>"
        )
    out.append("</svg>")
    if len(groups) > MAX_BARS:
        which = "largest" if mark is None or _is_max(groups, mark) else "smallest"
        out.append(
            f'<p class="meta">the {MAX_BARS} {which} of {len(groups)} groups drawn, '
            "in their order</p>"
        )
    return "".join(out)


def _is_max(groups: dict[str, float], mark: str) -> bool:
    values = [float(v) for v in groups.values()]
    marked = [float(v) for k, v in groups.items() if str(k) == mark]
    return not marked or marked[0] >= max(values) or marked[0] > min(values)


def _drawn(
    groups: dict[str, float], mark: str | None, claimed: str | None = None
) -> list[tuple[str, float]]:
    """At most MAX_BARS groups in their own order: the largest ones, or the smallest when
    the marked group is the smallest (argmin), so the group the claim is about is drawn."""
    items = list(groups.items())
    if len(items) <= MAX_BARS:
        return items
    smallest = mark is not None and not _is_max(groups, mark)
    ranked = sorted(range(len(items)), key=lambda i: float(items[i][1]), reverse=not smallest)
    keep = set(ranked[:MAX_BARS])
    named = [i for i, (k, _) in enumerate(items) if claimed is not None and str(k) == claimed]
    if named and named[0] not in keep:  # the group the claim named is drawn too
        keep = set(ranked[: MAX_BARS - 1]) | {named[0]}
    return [item for i, item in enumerate(items) if i in keep]


def _colour(claim: ClaimResult) -> Colour:
    """How a group's dot is coloured: by what the claim's own rule says of that value. A
    group beyond the band on the side the rule calls "true but understated" (or
    overstated) holds; it is amber only when the claim itself warns, never under a pass."""
    band = claim.band or Band()
    low, high = band.low, band.high
    rule = claim.rule or ""
    loose = INSIDE if claim.verdict == "pass" else LOOSE

    def colour(v: float) -> str:
        if (low is None or v >= low) and (high is None or v <= high):
            return INSIDE
        if "understated" in rule and high is not None and v >= high:
            return loose
        if "overstated" in rule and low is not None and v <= low:
            return loose
        if "twice that warns" in rule and low is not None and high is not None:
            half = (high - low) / 2
            return LOOSE if low - half <= v <= high + half else OUTSIDE
        return OUTSIDE

    return colour


def _dots(groups: dict[str, float], band: Band, label: str, colour: Colour) -> str:
    items = list(groups.items())
    if len(items) > MAX_BARS:  # the groups that fail first: they are what the claim is about
        failing = [i for i, (_, v) in enumerate(items) if colour(float(v)) != INSIDE]
        keep = set((failing + [i for i in range(len(items)) if i not in failing])[:MAX_BARS])
        items = [item for i, item in enumerate(items) if i in keep]
    low, high = band.low, band.high
    values = [float(v) for _, v in items]
    points = values + [float(v) for v in (low, high) if v is not None]
    lo, hi = min(points), max(points)
    pad = (hi - lo) * 0.08 or abs(hi) * 0.1 or 1
    lo, hi = lo - pad, hi + pad
    row, label_w, right = 18, _label_width(k for k, _ in items), 56
    top, height = 4, row * len(items) + 4 + 32

    def x(v: float) -> float:
        return label_w + (v - lo) / (hi - lo) * (WIDTH - label_w - right)

    bottom = top + row * len(items)
    out = [_svg(height, label)]
    x0 = x(low) if low is not None else label_w
    x1 = x(high) if high is not None else WIDTH - right
    out.append(
        f'<rect class="band" x="{x0:.1f}" y="{top}" width="{max(x1 - x0, 1.5):.1f}" '
        f'height="{bottom - top}" fill="{BAND_FILL}" fill-opacity="0.16" stroke="{BAND_FILL}" '
        'stroke-dasharray="3 2"/>'
    )
    for i, (key, value) in enumerate(items):
        y = top + i * row + row / 2
        v = float(value)
        out.append(
            f'<line x1="{label_w}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}" '
            'stroke="#eaeef2"/>'
        )
        out.append(
            f'<text x="{label_w - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end">'
            f"{_label(key)}</text>"
        )
        out.append(
            f'<circle class="dot" cx="{x(v):.1f}" cy="{y:.1f}" r="5" '
            f'fill="{colour(v)}" stroke="#fff"/>'
        )
        out.append(
            f'<text x="{WIDTH - right + 6}" y="{y + 4:.1f}" font-size="11">'
            f"{escape(number(value))}</text>"
        )
    for end in (low, high):
        if end is not None:
            out.append(
                f'<text x="{x(end):.1f}" y="{bottom + 13}" font-size="11" text-anchor="middle" '
                f'fill="#57606a">{escape(number(end))}</text>'
            )
    out.append(
        f'<text x="{label_w}" y="{height - 3}" font-size="11" fill="#57606a">'
        "shaded: the claim's pass band</text></svg>"
    )
    if len(groups) > MAX_BARS:
        out.append(
            f'<p class="meta">{MAX_BARS} of {len(groups)} groups drawn: any that do not hold '
            "first, in their order</p>"
        )
    return "".join(out)
