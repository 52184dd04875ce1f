"""A local, append-only history of every claim's figure: .factcheck/history.jsonl."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HISTORY = Path(".factcheck") / "history.jsonl"


def append_run(root: Path, report: dict[str, Any]) -> Path | None:
    """One line per judged claim; a read-only project is left alone (history is optional)."""
    hashes = {d["name"]: d["sha256"] for d in report["datasets"]}
    lines = []
    for claim in report["claims"]:
        if claim["verdict"] == "skip":
            continue
        lines.append(json.dumps({
            "time": report["generated"],
            "id": claim["id"],
            "actual": claim["actual"],
            "verdict": claim["verdict"],
            "fingerprint": claim["fingerprint"],
            "datasets": {name: hashes[name] for name in claim["datasets"] if name in hashes},
        }, sort_keys=True))  # fmt: skip
    path = root / HISTORY
    try:
        path.parent.mkdir(exist_ok=True)
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
        if row.get("id") == claim_id:
            rows.append(row)
    return rows


BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float]) -> str:
    if not values:
        return ""
    lo, hi = min(values), max(values)
    span = hi - lo or 1
    return "".join(BLOCKS[round((v - lo) / span * (len(BLOCKS) - 1))] for v in values)
