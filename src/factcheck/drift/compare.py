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
from collections.abc import Iterable
from typing import Any

RULE_KEYS = ("absolute", "relative", "lower", "upper")
WHERE = "pyproject.toml [tool.factcheck.drift]"


class RuleError(ValueError):
    pass


def _number(key: str, value: Any, where: str) -> float:
    if key == "relative" and isinstance(value, str) and value.strip().endswith("%"):
        try:
            return float(value.strip()[:-1]) / 100
        except ValueError:
            pass
    elif isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    raise RuleError(
        f"{where}: '{key}' must be a number, finite (relative may be \"2%\"), not {value!r}"
    )


def _parse(table: dict[str, Any], where: str) -> dict[str, float]:
    rules: dict[str, float] = {}
    for key, value in table.items():
        if key not in RULE_KEYS:
            raise RuleError(f"{where}: unknown drift rule '{key}' ({', '.join(RULE_KEYS)})")
        rules[key] = _number(key, value, where)
        if key in ("absolute", "relative") and rules[key] < 0:
            raise RuleError(f"{where}: '{key}' cannot be negative")
    if rules.get("lower", -math.inf) > rules.get("upper", math.inf):
        raise RuleError(f"{where}: lower is above upper")
    return rules


def project_rules(settings: dict[str, Any]) -> dict[str, float]:
    return _parse({k: v for k, v in settings.items() if k != "claims"}, WHERE)


def rules_for(settings: dict[str, Any], claim_id: str) -> dict[str, float]:
    """The project's rules with the claim's own table laid over them, key by key."""
    rules = project_rules(settings)
    own = (settings.get("claims") or {}).get(claim_id)
    if own is not None:
        rules.update(_parse(own, f"{WHERE.removesuffix(']')}.claims.{claim_id}]"))
    return rules


def check_rules(settings: dict[str, Any], claim_ids: Iterable[str]) -> list[str]:
    """Every problem in the drift settings, so a typo never silently loosens nothing."""
    problems: list[str] = []
    try:
        project_rules(settings)
    except RuleError as exc:
        problems.append(str(exc))
    claims = settings.get("claims") or {}
    if not isinstance(claims, dict):
        return [*problems, f"{WHERE}: 'claims' must be a table of claim ids"]
    known = set(claim_ids)
    for claim_id, table in claims.items():
        where = f"{WHERE.removesuffix(']')}.claims.{claim_id}]"
        if claim_id not in known:
            problems.append(f"{where}: no claim has the id '{claim_id}'")
        elif not isinstance(table, dict):
            problems.append(f"{where}: must be a table of rules")
        else:
            try:
                rules_for({"claims": claims}, claim_id)
            except RuleError as exc:
                problems.append(str(exc))
    return problems


def as_stored(value: Any) -> Any:
    """The value as the lock holds it: through a JSON round trip (int/float, str keys)."""
    return json.loads(json.dumps(value))


def moved(old: Any, new: Any, rules: dict[str, float]) -> bool:
    """True when `new` drifted from `old` under the rules (any change, without rules)."""
    if isinstance(old, dict) or isinstance(new, dict):
        if not isinstance(old, dict) or not isinstance(new, dict) or set(old) != set(new):
            return True  # a group appeared or disappeared
        return any(moved(old[k], new[k], rules) for k in old)
    numeric = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (old, new))
    if not numeric:
        return old != new  # a group key, None (error), text
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
