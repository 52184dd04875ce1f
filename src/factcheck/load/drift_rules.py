"""Drift rules as settings: [tool.factcheck.drift] read and checked with pyproject.toml.

They live in load/ because every load (lint, check) checks them, and load/ imports no
later stage; `factcheck.drift.compare` applies them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

RULE_KEYS = ("absolute", "relative", "lower", "upper")
WHERE = "pyproject.toml [tool.factcheck.drift]"


class RuleError(ValueError):
    pass


def _number(key: str, value: object, where: str) -> float:
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


def _parse(table: Mapping[str, object], where: str) -> dict[str, float]:
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


def project_rules(settings: Mapping[str, object]) -> dict[str, float]:
    return _parse({k: v for k, v in settings.items() if k != "claims"}, WHERE)


def rules_for(settings: Mapping[str, object], claim_id: str) -> dict[str, float]:
    """The project's rules with the claim's own table laid over them, key by key."""
    rules = project_rules(settings)
    claims = settings.get("claims")
    own = claims.get(claim_id) if isinstance(claims, dict) else None
    where = f"{WHERE.removesuffix(']')}.claims.{claim_id}]"
    if own is not None and not isinstance(own, dict):
        raise RuleError(f"{where}: must be a table of rules")
    if own is not None:
        rules.update(_parse(own, where))
    return rules


def check_rules(settings: Mapping[str, object], claim_ids: Iterable[str]) -> list[str]:
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
