"""Has a figure moved? Exact by default; loosened by the project's drift rules.

Rules, after Deequ's anomaly strategies, all local: `absolute` (largest change),
`relative` ("2%", or a fraction such as 0.02: largest change as a share of the
old value), `lower`/`upper` (bounds on the new value). Project-wide in
[tool.factcheck.drift]; [tool.factcheck.drift.claims.ID] overrides them key by key
for one claim.
"""

from __future__ import annotations

import json
import math
from typing import TypeGuard

# The rules are settings: load/ reads and checks them with the rest of pyproject.toml.
from factcheck.load.drift_rules import check_rules, rules_for

__all__ = ["as_stored", "check_rules", "moved", "rules_for"]


def as_stored(value: object) -> object:
    """The value as the lock holds it: through a JSON round trip (int/float, str keys)."""
    stored: object = json.loads(json.dumps(value))
    return stored


def moved(old: object, new: object, rules: dict[str, float]) -> bool:
    """True when `new` drifted from `old` under the rules (any change, without rules)."""
    if isinstance(old, dict) or isinstance(new, dict):
        if not isinstance(old, dict) or not isinstance(new, dict) or set(old) != set(new):
            return True  # a group appeared or disappeared
        return any(moved(old[k], new[k], rules) for k in old)
    if _number(old) and _number(new):
        return _moved_number(old, new, rules)
    return old != new  # a group key, None (error), text


def _moved_number(old: float, new: float, rules: dict[str, float]) -> bool:
    if math.isnan(old) or math.isnan(new):
        return not (math.isnan(old) and math.isnan(new))
    if new < rules.get("lower", -math.inf) or new > rules.get("upper", math.inf):
        return True
    change = abs(new - old)
    if "absolute" in rules and change > rules["absolute"]:
        return True
    if "relative" in rules and change > rules["relative"] * abs(old):
        return True
    if rules.keys() & {"absolute", "relative", "lower", "upper"}:
        return False  # within every limit given
    return old != new


def _number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)
