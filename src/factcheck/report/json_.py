"""The contract's JSON report (a superset: every other format is rendered from it)."""

from __future__ import annotations

import json
from typing import Any


def render(report: dict[str, Any], **_: Any) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
