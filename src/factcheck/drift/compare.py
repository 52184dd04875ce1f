"""Has a figure moved? Exact by default; loosened by the project's drift rules.

Rules, after Deequ's anomaly strategies, all local: `absolute` (largest change),
`relative` ("2%": largest change as a share of the old value), `lower`/`upper`
(bounds on the new value). Project-wide in [tool.factcheck.drift], per claim
in [tool.factcheck.drift.claims.ID]; a claim's own rule replaces the project's.
"""

from __future__ import annotations

from typing import Any

RULE_KEYS = {"absolute", "relative", "lower", "upper"}


class RuleError(ValueError):
    pass


def rules_for(settings: dict[str, Any], claim_id: str) -> dict[str, float]:
    own = settings.get("claims", {}).get(claim_id)
    chosen = own if own is not None else {k: v for k, v in settings.items() if k != "claims"}
    rules: dict[str, float] = {}
    for key, value in chosen.items():
        if key not in RULE_KEYS:
            raise RuleError(f"unknown drift rule '{key}' (absolute, relative, lower, upper)")
        if key == "relative" and isinstance(value, str) and value.strip().endswith("%"):
            rules[key] = float(value.strip()[:-1]) / 100
        elif isinstance(value, int | float) and not isinstance(value, bool):
            rules[key] = float(value)
        else:
            raise RuleError(f"drift rule '{key}' must be a number (relative may be '2%')")
    return rules


def moved(old: Any, new: Any, rules: dict[str, float]) -> bool:
    """True when `new` drifted from `old` under the rules (any change, without rules)."""
    if isinstance(old, dict) or isinstance(new, dict):
        if not isinstance(old, dict) or not isinstance(new, dict) or set(old) != set(new):
            return True
        return any(moved(old[k], new[k], rules) for k in old)
    numeric = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (old, new))
    if not numeric:
        return old != new
    if "lower" in rules and new < rules["lower"]:
        return True
    if "upper" in rules and new > rules["upper"]:
        return True
    change = abs(new - old)
    limits = []
    if "absolute" in rules:
        limits.append(change <= rules["absolute"])
    if "relative" in rules:
        limits.append(change <= rules["relative"] * abs(old))
    if limits:
        return not all(limits)
    if "lower" in rules or "upper" in rules:
        return False  # bounds alone: any value inside them is fine
    return old != new
