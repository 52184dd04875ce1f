"""A local, append-only history of every claim's figure: .factcheck/history.jsonl."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HISTORY = Path(".factcheck") / "history.jsonl"


def append_run(root: Path, report: dict[str, Any]) -> Path | None:
    """One line per claim of the run; a read-only project is left alone (history is optional)."""
    hashes = {d["name"]: d["sha256"] for d in report["datasets"]}
    lines = []
    for claim in report["claims"]:
        if (claim.get("reason") or "").startswith("not selected"):
            continue  # deselected: this run says nothing about it
        lines.append(json.dumps({
            "time": report["generated"],
            "id": claim["id"],
            "actual": claim["actual"],
            "verdict": claim["verdict"],
            "fingerprint": claim.get("fingerprint"),
            "datasets": {name: hashes[name] for name in claim["datasets"] if name in hashes},
        }, sort_keys=True, ensure_ascii=False))  # fmt: skip
    path = root / HISTORY
    try:
        path.parent.mkdir(exist_ok=True)
        # One write of whole lines in append mode: concurrent runs interleave lines, not bytes.
        with path.open("a", encoding="utf-8") as handle:
            handle.write("".join(line + "\n" for line in lines))
    except OSError:
        return None
    return path


def read_history(root: Path, claim_id: str) -> list[dict[str, Any]]:
    path = root / HISTORY
    if not path.is_file():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue  # a line cut short by a crash does not hide the rest
        if isinstance(row, dict) and row.get("id") == claim_id:
            rows.append(row)
    return rows


BLOCKS = "▁▂▃▄▅▆▇█"
ASCII_BLOCKS = "_.-=+*#@"


def sparkline(values: list[float], blocks: str = BLOCKS) -> str:
    if not values:
        return ""
    lo, hi = min(values), max(values)
    span = hi - lo or 1
    return "".join(blocks[round((v - lo) / span * (len(blocks) - 1))] for v in values)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def render_history(claim_id: str, rows: list[dict[str, Any]], *, unicode: bool = True) -> str:
    """A table (time, verdict, actual, data hashes) and a sparkline per series."""
    from factcheck.report._common import actual, number

    lines = [f"{claim_id}: {len(rows)} run(s)"]
    table = [("time", "verdict", "actual", "data (sha256)")]
    for row in rows:
        hashes = ",".join(f"{k}:{v[:8]}" for k, v in sorted((row.get("datasets") or {}).items()))
        table.append((str(row.get("time")), str(row.get("verdict")),
                      actual(row.get("actual"), 4), hashes or "-"))  # fmt: skip
    widths = [max(len(r[i]) for r in table) for i in range(3)]
    for time, verdict, value, hashes in table:
        lines.append(
            f"  {time:<{widths[0]}}  {verdict:<{widths[1]}}  {value:>{widths[2]}}  {hashes}"
        )
    blocks = BLOCKS if unicode else ASCII_BLOCKS
    series = _series(rows)
    for label, values in list(series.items())[:MAX_SERIES]:
        if len(values) > 1:
            name = f"{label}: " if label else ""
            lines.append(
                f"  {name}{sparkline(values, blocks)}  "
                f"min {number(min(values))}, max {number(max(values))}"
            )
    if len(series) > MAX_SERIES:
        lines.append(f"  … {len(series) - MAX_SERIES} more groups")
    text = "\n".join(lines) + "\n"
    if not unicode:  # a pipe or log that may not take UTF-8
        text = text.translate({ord("—"): "-", ord("…"): "..."})
        text = text.encode("ascii", "replace").decode("ascii")
    return text


MAX_SERIES = 12  # a chart per group; a claim by day would otherwise print hundreds


def _series(rows: list[dict[str, Any]]) -> dict[str, list[float]]:
    """The numbers to chart: the figure itself, or each group's value (grouped claims)."""
    series: dict[str, list[float]] = {}
    for row in rows:
        value = row.get("actual")
        if _is_number(value):
            series.setdefault("", []).append(value)
        elif isinstance(value, dict):
            for key, group in value.items():
                if _is_number(group):
                    series.setdefault(str(key), []).append(group)
    return series
