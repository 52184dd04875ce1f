"""`readings:` of a claim (contract section 8): other honest readings of the same sentence.

Each reading is the claim with some keys replaced. This module checks a reading's own
keys and builds the claim's YAML mapping as that reading has it; the claims loader then
reads that mapping exactly as it reads a claim, so a reading is checked as strictly as
a claim is (unknown columns, unreadable phrases, ...), each problem at the line where
the reading wrote the value.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.load.keys import check_keys, text
from factcheck.load.yamlsrc import Map, Seq, Text
from factcheck.problems import Problems

REPLACEABLE = ("claim", "metric", "let", "expr", "rounding", "tolerance")
_KEYS = {"label", *REPLACEABLE}


def reading_nodes(node: Map, problems: Problems) -> Iterator[tuple[Text, Map]]:
    """(label, the claim's mapping as the reading has it) for each well-formed reading;
    every malformed one is recorded, located, and left out."""
    readings = node.get("readings")
    where = node.loc_of("readings")
    if not isinstance(readings, Seq) or not readings:
        problems.add(where, "'readings' is a list of readings, each with a label")
        return
    if "manual" in node or "unverifiable" in node:
        problems.add(where, "readings go with metric or expr: a manual claim has one verdict")
        return
    seen: set[str] = set()
    for reading in readings:
        if not isinstance(reading, Map):
            loc = getattr(reading, "loc", where)
            problems.add(loc, "a reading is a mapping: label and the keys it replaces")
            continue
        ok = check_keys(reading, _KEYS, {"label"}, problems, "a reading")
        label = text(reading, "label", problems, "a reading")
        if label is not None and label.strip().lower() in seen | {"as written"}:
            problems.add(label.loc, "a reading's label is said once per claim", str(label))
            ok = False
        if label is not None:
            seen.add(label.strip().lower())
        if not set(reading) & set(REPLACEABLE):
            replaceable = ", ".join(REPLACEABLE)
            problems.add(reading.loc, f"a reading replaces at least one of {replaceable}")
            ok = False
        if ok and label is not None:
            yield label, _as_read(node, reading)


def _as_read(node: Map, reading: Map) -> Map:
    """The claim with the reading's keys laid over it. A `metric` replaces the claim's
    method (its expr and let), an `expr` its metric; `let` is merged name by name, so a
    reading restates only the metrics it reads differently."""
    out = _copy(node, drop={"readings"})
    if "metric" in reading:
        out = _copy(out, drop={"expr", "let"})
    if "expr" in reading:
        out = _copy(out, drop={"metric"})
    for key in REPLACEABLE:
        if key not in reading:
            continue
        value, base = reading[key], out.get("let")
        if key == "let" and isinstance(base, Map) and isinstance(value, Map):
            value = _merged(base, value)
        out[key] = value
        out.key_locs[key] = reading.loc_of(key)
    return out


def _copy(node: Map, drop: set[str]) -> Map:
    out = Map({k: v for k, v in node.items() if k not in drop})
    out.loc = node.loc
    out.key_locs = {k: loc for k, loc in node.key_locs.items() if k not in drop}
    return out


def _merged(base: Map, over: Map) -> Map:
    out = _copy(base, drop=set())
    out.loc = over.loc
    for key, value in over.items():
        out[key] = value
        out.key_locs[key] = over.loc_of(key)
    return out
