"""Seeded random factcheck projects for the differential engine test (synthetic data).

A project is random rows (text, integer, float with nulls and float noise, date, boolean)
with a pandera schema, and random claims drawn from the grammar: every aggregate, `where`
trees of every operator, every `by` key and `over` mode, `expr` over `let` metrics. The
phrases are written in two passes: `claims(..., actuals=None)` writes placeholders, one
run gives each claim's figure, and `claims(..., actuals)` writes phrases at and around
those figures (the edges are where engines could disagree).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REGIONS = ["North", "South", "East", "West", "Centre"]
CODES = ["A1", "A2", "B1", "B%", "C_3", "it's"]
NUMERIC = ["n", "x", "share"]
BY = [
    "region",
    "n_small",
    "year(d)",
    "quarter(d)",
    "month(d)",
    "month_of_year(d)",
    "weekday(d)",
    "month_of_year(d_text)",
    "weekday(d_text)",
]
OVERS = ["each", "any", "mean", "median", "min", "max", "sum", "argmax", "argmin"]


@dataclass
class Project:
    root: Path
    claims: list[dict[str, Any]]


def write_data(root: Path, rng: random.Random, rows: int) -> None:
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "schemas").mkdir(exist_ok=True)
    (root / "claims").mkdir(exist_ok=True)
    start = date(2022, 11, 1)
    lines = ["id,region,code,n,n_small,x,share,d,d_text,flag"]
    for i in range(rows):
        region = "" if rng.random() < 0.1 else rng.choice(REGIONS)
        code = "" if rng.random() < 0.1 else rng.choice(CODES)
        code = f'"{code}"' if code else ""
        n = rng.randint(0, 500)
        x = "" if rng.random() < 0.15 else f"{rng.randint(0, 3000) / 10:.1f}"
        # Thirds and sevenths: sums and means whose float noise differs by addition order.
        share = "" if rng.random() < 0.1 else repr(rng.randint(0, 9) / rng.choice([3, 7, 10]))
        day = start + timedelta(days=rng.randint(0, 800))
        text_day = "" if rng.random() < 0.1 else day.isoformat()
        flag = rng.choice(["true", "false"])
        lines.append(f"{i},{region},{code},{n},{n % 4},{x},{share},{day},{text_day},{flag}")
    (root / "data" / "rows.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "data" / "datasets.yaml").write_text(
        "datasets:\n  rows:\n    path: rows.csv\n    schema: rows\n"
        "    description: random rows (synthetic test data)\n"
        "    provenance: {kind: synthetic, publisher: factcheck test suite}\n",
        encoding="utf-8",
    )
    columns = {
        "id": ("int64", False),
        "region": ("str", True),
        "code": ("str", True),
        "n": ("int64", False),
        "n_small": ("int64", False),
        "x": ("float64", True),
        "share": ("float64", True),
        "d": ("datetime64[ns]", False),
        "d_text": ("str", True),
        "flag": ("bool", False),
    }
    schema = ["schema_type: dataframe", "version: 0.35.0", "columns:"]
    for name, (dtype, nullable) in columns.items():
        schema += [
            f"  {name}:",
            f"    dtype: {dtype}",
            f"    nullable: {str(nullable).lower()}",
        ]
    schema += ["coerce: true", "strict: true", "unique: [id]"]
    (root / "schemas" / "rows.yaml").write_text("\n".join(schema) + "\n", encoding="utf-8")


def _literal(column: str, rng: random.Random) -> str:
    if column in ("region",):
        return "'" + rng.choice([*REGIONS, "Nowhere"]) + "'"
    if column == "code":
        return "'" + rng.choice(CODES).replace("'", "''") + "'"
    if column in ("d", "d_text"):
        day = date(2022, 11, 1) + timedelta(days=rng.randint(-10, 810))
        return f"'{day.isoformat()}'"
    if column == "flag":
        return rng.choice(["true", "false"])
    if column == "x":
        return rng.choice([str(rng.randint(0, 300)), f"{rng.randint(0, 3000) / 10:.1f}"])
    if column == "share":
        return rng.choice(["0.5", "1", "0.3333333333333333", "2"])
    return str(rng.randint(-1, 501) if column == "n" else rng.randint(0, 4))


def _predicate(rng: random.Random) -> str:
    column = rng.choice(["region", "code", "n", "n_small", "x", "share", "d", "d_text", "flag"])
    kind = rng.choice(["cmp", "cmp", "cmp", "in", "between", "null", "like"])
    if kind == "null":
        return f"{column} is {rng.choice(['', 'not '])}null"
    if kind == "like" and column in ("region", "code", "d_text"):
        pattern = rng.choice(["'N%'", "'%t'", "'A_'", "'%\\%%'", "'C_3'", "'%'", "'2023-%'"])
        return f"{column} {rng.choice(['', 'not '])}like {pattern}"
    if kind == "in":
        options = ", ".join(_literal(column, rng) for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.15:
            options += ", null"
        return f"{column} {rng.choice(['', 'not '])}in ({options})"
    if kind == "between" and column not in ("flag",):
        low, high = sorted([_literal(column, rng), _literal(column, rng)], key=_order)
        return f"{column} {rng.choice(['', 'not '])}between {low} and {high}"
    op = rng.choice(["=", "!=", "<>", "<", "<=", ">", ">="])
    if column == "flag":
        op = rng.choice(["=", "!="])
    if rng.random() < 0.1 and column in ("n", "n_small"):
        return f"{column} {op} n_small"  # column against column
    return f"{column} {op} {_literal(column, rng)}"


def _order(literal: str) -> Any:
    text = literal.strip("'")
    try:
        return float(text)
    except ValueError:
        return text


def where(rng: random.Random, depth: int = 0) -> str:
    roll = rng.random()
    if depth >= 2 or roll < 0.45:
        return _predicate(rng)
    if roll < 0.55:
        return f"not ({where(rng, depth + 1)})"
    word = rng.choice(["and", "or", "AND", "Or"])
    return f"({where(rng, depth + 1)}) {word} ({where(rng, depth + 1)})"


def metric(rng: random.Random, grouped: bool) -> dict[str, Any]:
    aggregate = rng.choice(["count", "count", "sum", "mean", "median", "min", "max", "nunique"])
    out: dict[str, Any] = {"dataset": "rows", "aggregate": aggregate}
    if aggregate == "nunique":
        out["column"] = rng.choice(["region", "code", "n_small", "x", "d"])
    elif aggregate == "count":
        if rng.random() < 0.3:
            out["column"] = rng.choice(["x", "share", "region", "d_text"])
    else:
        out["column"] = rng.choice(NUMERIC)
    if rng.random() < 0.7:
        out["where"] = where(rng)
    if grouped:
        out["by"] = rng.choice(BY)
        out["over"] = rng.choice(OVERS)
    return out


def draft(rng: random.Random, count: int) -> list[dict[str, Any]]:
    """Claims without phrases: each a metric or an expr over let metrics."""
    claims: list[dict[str, Any]] = []
    for i in range(count):
        roll = rng.random()
        if roll < 0.2:
            let = {"a": metric(rng, False), "b": metric(rng, False)}
            expr = rng.choice(["a / b", "a - b", "round(a / b * 100, 1)", "(a + b) / 2", "a * 3"])
            claims.append({"id": f"c{i}", "expr": expr, "let": let})
        else:
            claims.append({"id": f"c{i}", "metric": metric(rng, roll < 0.55)})
    return claims


def _number(value: float, rng: random.Random) -> str:
    """The figure as an editor might print it: exact, rounded, or truncated."""
    choice = rng.random()
    if choice < 0.6:
        digits = 12 if choice < 0.3 else rng.randint(1, 4)
        text = f"{float(f'{value:.{digits}g}'):f}"  # no exponent: 2.6e5 is 260000
        return text.rstrip("0").rstrip(".") if "." in text else text
    places = rng.randint(0, 2)
    return f"{int(value * 10**places) / 10**places:.{places}f}"


def phrase(
    actual: Any, over: str | None, rng: random.Random, ratio: bool = False
) -> tuple[str, str | None]:
    """(claim, rounding) for a figure: its key, or a number form around it (for a ratio,
    sometimes a multiplier: "twice", "1.5 times", "more than three times")."""
    if over in ("argmax", "argmin"):
        key = actual if actual is not None else "x"
        return f"'{key}'", None
    if isinstance(actual, dict):
        actual = rng.choice(list(actual.values())) if actual else None
    if not isinstance(actual, int | float) or isinstance(actual, bool):
        return "1", None
    number = _number(float(actual), rng)
    if ratio and 0.9 < float(actual) < 12 and rng.random() < 0.4:
        times = max(1, round(float(actual) * rng.choice([1, 2])) / rng.choice([1, 2]))
        words = {2: "twice", 3: "three times", 1.5: "1.5 times", 0.5: "half as many"}
        hedge = rng.choice(["", "", "more than ", "nearly ", "at least "])
        return hedge + words.get(times, f"{times:g} times"), None
    form = rng.choice(
        ["{}", "{}", "over {}", "under {}", "about {}", "at least {}", "at most {}",
         "nearly {}", "just over {}", "between {} and {}", "exactly {}", "{}%"]
    )  # fmt: skip
    if form == "between {} and {}":
        other = _number(float(actual) * rng.choice([0.9, 1.0, 1.1]), rng)
        low, high = sorted([number, other], key=float)
        return f"between {low} and {high}", None
    if form == "{}%":
        return f"{_number(float(actual) * 100, rng)}%", None
    rounding = "down" if form == "{}" and rng.random() < 0.3 else None
    return form.format(number), rounding


def render(claims: list[dict[str, Any]], actuals: dict[str, Any] | None, seed: int) -> str:
    rng = random.Random(seed)
    lines = ["source: {title: random (synthetic)}", "claims:"]
    for claim in claims:
        over = claim.get("metric", {}).get("over")
        if actuals is None:
            text, rounding = ("'x'" if over in ("argmax", "argmin") else "1"), None
        else:
            text, rounding = phrase(actuals.get(claim["id"]), over, rng, ratio="expr" in claim)
        lines += [f"  - id: {claim['id']}", f"    quote: figure {claim['id']}"]
        lines.append(f"    claim: {_yaml(text)}")
        if rounding:
            lines.append(f"    rounding: {rounding}")
        if actuals is not None and over not in ("argmax", "argmin") and rng.random() < 0.15:
            other, _ = phrase(actuals.get(claim["id"]), over, rng)  # another honest reading
            lines += [
                "    readings:",
                "      - label: another reading",
                f"        claim: {_yaml(other)}",
            ]
        if "metric" in claim:
            lines.append(f"    metric: {_flow(claim['metric'])}")
        else:
            lines.append(f"    expr: {_yaml(claim['expr'])}")
            lines.append("    let:")
            lines += [f"      {k}: {_flow(v)}" for k, v in claim["let"].items()]
    return "\n".join(lines) + "\n"


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _flow(mapping: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {_yaml(str(v))}" for k, v in mapping.items()) + "}"
