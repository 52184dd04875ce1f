"""The contract's JSON report, written as is (a superset: every other format reads it)."""

from __future__ import annotations

import json
from typing import Any


def render(report: dict[str, Any]) -> str:
    # Key order is the engine's (insertion order), never sorted: the contract's keys come
    # first and a reader diffing two runs sees the same layout.
    return json.dumps(report, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
