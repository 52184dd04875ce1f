"""`expr`: arithmetic over named figures and whitelisted functions, never Python's eval."""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import TYPE_CHECKING

from factcheck import calendar
from factcheck.lang.errors import LangError, check_number, parse_tree

if TYPE_CHECKING:
    from lark import Token, Tree

__all__ = [
    "EvalError",
    "Evaluation",
    "LangError",
    "evaluate",
    "expr_functions",
    "expr_names",
    "parse_expr",
    "render",
]


@dataclass(frozen=True)
class Number:
    value: float
    text: str


@dataclass(frozen=True)
class String:
    value: str


@dataclass(frozen=True)
class Name:
    name: str


@dataclass(frozen=True)
class BinOp:
    op: str  # + - * /
    left: Node
    right: Node


@dataclass(frozen=True)
class Neg:
    operand: Node


@dataclass(frozen=True)
class Call:
    func: str
    args: tuple[Node, ...]


Node = Number | String | Name | BinOp | Neg | Call

# name -> (min args, max args or None for any number)
FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "working_days": (3, 3),
    "days": (2, 2),
    "years": (2, 2),
    "round": (1, 2),
    "abs": (1, 1),
    "min": (1, None),
    "max": (1, None),
}
# round(x, n): a float holds about 16 significant digits, so more places than this are
# noise (and far more would make the rounding itself unbounded work).
MAX_ROUND_PLACES = 20
# The calendar functions: which arguments are 'YYYY-MM-DD' dates (working_days' first is a
# country code). Their arguments are always literals, so they are checked at parse time.
_DATE_ARGS = {"working_days": (1, 2), "days": (0, 1), "years": (0, 1)}


class EvalError(Exception):
    """A claim's expression could not be computed (division by zero, ...)."""


@dataclass
class Evaluation:
    value: float
    steps: list[str] = field(default_factory=list)


def parse_expr(text: str) -> Node:
    """Parse an `expr`; anything but numbers, names, + - * /, parentheses and the known
    functions is a LangError naming the offending word."""
    tree = parse_tree("expr.lark", text, "expr")
    node = _build(tree)
    _check(node, top=True)
    return node


def _build(tree: Tree[Token] | Token) -> Node:
    from lark import Token

    if isinstance(tree, Token):  # a bare atom at the top
        raise LangError(f"unexpected '{tree}'", str(tree), tree.column)
    kind, kids = tree.data, tree.children
    if kind == "number":
        text = check_number(kids[0])
        return Number(float(text), text)
    if kind == "string":
        return String(str(kids[0])[1:-1].replace("''", "'"))
    if kind == "name":
        return Name(str(kids[0]))
    if kind == "neg":
        return Neg(_build(kids[0]))
    if kind in ("add", "sub", "mul", "div"):
        op = {"add": "+", "sub": "-", "mul": "*", "div": "/"}[kind]
        return BinOp(op, _build(kids[0]), _build(kids[1]))
    if kind == "call":
        func = kids[0]
        assert isinstance(func, Token)  # the grammar: a call starts with its NAME
        args = tuple(_build(k) for k in kids[1:] if k is not None)
        if str(func) not in FUNCTIONS:
            known = ", ".join(FUNCTIONS)
            raise LangError(f"unknown function '{func}' (known: {known})", str(func), func.column)
        low, high = FUNCTIONS[str(func)]
        if len(args) < low or (high is not None and len(args) > high):
            want = str(low) if low == high else f"{low} to {high or 'any'}"
            raise LangError(
                f"{func}() takes {want} arguments, got {len(args)}", str(func), func.column
            )
        return Call(str(func), args)
    raise LangError(f"unsupported construct '{kind}'", kind, None)


def _check(node: Node, top: bool = False) -> None:
    """Strings only as function arguments, and dates must be real dates."""
    if isinstance(node, String):
        raise LangError(f"text '{node.value}' can only be a function argument", node.value, None)
    if isinstance(node, BinOp):
        _check(node.left)
        _check(node.right)
    elif isinstance(node, Neg):
        _check(node.operand)
    elif isinstance(node, Call):
        for i, arg in enumerate(node.args):
            if isinstance(arg, String):
                if i in _DATE_ARGS.get(node.func, ()):
                    _date(arg.value, LangError)
                elif node.func == "working_days" and not arg.value.strip():
                    raise LangError("working_days() needs a country code", arg.value, None)
                elif not (node.func == "working_days" and i == 0):
                    raise LangError(f"{node.func}() does not take text here", arg.value, None)
            else:
                if i in _DATE_ARGS.get(node.func, ()) or (node.func == "working_days" and i == 0):
                    raise LangError(
                        f"{node.func}() argument {i + 1} must be a quoted "
                        "'YYYY-MM-DD' date or country code",
                        render(arg),
                        None,
                    )
                _check(arg)
    if isinstance(node, Call) and node.func in _DATE_ARGS:
        start, end = (node.args[i] for i in _DATE_ARGS[node.func])
        assert isinstance(start, String) and isinstance(end, String)  # else refused above
        if _date(end.value, LangError) < _date(start.value, LangError):
            raise LangError(
                f"{node.func}(): end {end.value} is before start {start.value}", end.value, None
            )
        if node.func == "working_days":
            try:
                calendar.check_span(_date(start.value, LangError), _date(end.value, LangError))
            except ValueError as exc:
                raise LangError(f"working_days(): {exc}", end.value, None) from None
    if isinstance(node, Call) and node.func == "round" and len(node.args) == 2:
        places = _written_number(node.args[1])
        # Out of range is refused here; a fraction (round(x, 0.5)) when evaluated, as ever.
        if places is not None and abs(places) > MAX_ROUND_PLACES:
            try:
                _places(places)
            except ValueError as exc:
                raise LangError(f"round(): {exc}", render(node.args[1]), None) from None


def _places(value: float) -> int:
    """round()'s places: a whole number, at most MAX_ROUND_PLACES either way."""
    if not math.isfinite(value) or not float(value).is_integer():
        raise ValueError(f"places must be a whole number, got {_fmt(value)}")
    if abs(value) > MAX_ROUND_PLACES:
        raise ValueError(
            f"places must be between -{MAX_ROUND_PLACES} and {MAX_ROUND_PLACES}, got {_fmt(value)}"
        )
    return int(value)


def _written_number(node: Node) -> float | None:
    """The value of a number written in the text (`2`, `-3`); None for anything else."""
    if isinstance(node, Neg):
        inner = _written_number(node.operand)
        return None if inner is None else -inner
    return node.value if isinstance(node, Number) else None


def _date(text: str, error: type[Exception]) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise error(f"not a date (YYYY-MM-DD): '{text}'", text) from None


def expr_names(node: Node) -> set[str]:
    """The free names: each is a `let` metric or another claim's id."""
    if isinstance(node, Name):
        return {node.name}
    if isinstance(node, BinOp):
        return expr_names(node.left) | expr_names(node.right)
    if isinstance(node, Neg):
        return expr_names(node.operand)
    if isinstance(node, Call):
        return set().union(*(expr_names(a) for a in node.args)) if node.args else set()
    return set()


def expr_functions(node: Node) -> set[str]:
    """The functions the expression calls."""
    if isinstance(node, BinOp):
        return expr_functions(node.left) | expr_functions(node.right)
    if isinstance(node, Neg):
        return expr_functions(node.operand)
    if isinstance(node, Call):
        return {node.func}.union(*(expr_functions(a) for a in node.args))
    return set()


def render(node: Node, env: Mapping[str | Node, object] | None = None) -> str:
    """The expression as text; with `env`, names (and computed calls) replaced by values."""
    if env is not None and isinstance(node, Call) and node in env:
        return _fmt(env[node])
    if isinstance(node, Number):
        return node.text
    if isinstance(node, String):
        return "'" + node.value.replace("'", "''") + "'"
    if isinstance(node, Name):
        return _fmt(env[node.name]) if env is not None and node.name in env else node.name
    if isinstance(node, Neg):
        inner = render(node.operand, env)
        return f"-({inner})" if isinstance(node.operand, BinOp) else f"-{inner}"
    if isinstance(node, Call):
        return f"{node.func}({', '.join(render(a, env) for a in node.args)})"
    left, right = render(node.left, env), render(node.right, env)
    if isinstance(node.left, BinOp) and _weaker(node.left.op, node.op, False):
        left = f"({left})"
    if isinstance(node.right, BinOp) and _weaker(node.right.op, node.op, True):
        right = f"({right})"
    return f"{left} {node.op} {right}"


def _weaker(inner: str, outer: str, right_side: bool) -> bool:
    rank = {"+": 1, "-": 1, "*": 2, "/": 2}
    if rank[inner] != rank[outer]:
        return rank[inner] < rank[outer]
    return right_side and outer in "-/"


def _fmt(value: object) -> str:
    # Whole numbers in full (848, 1250000), others to 10 significant digits.
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.10g}"
    return str(value)


def evaluate(node: Node, env: Mapping[str, object]) -> Evaluation:
    """The value, with steps: each function call's result, then the whole expression with
    names and calls replaced by their values. EvalError if it cannot be computed."""
    steps: list[str] = []
    calls: dict[Node, float] = {}
    value = _eval(node, env, steps, calls)
    if not math.isfinite(value):
        raise EvalError(f"'{render(node)}' is too large to compute ({value})")
    whole = render(node)
    if not isinstance(node, Number | Name) and node not in calls:
        substituted = render(node, _with_calls(env, calls))
        line = f"{whole} = {substituted}" if substituted != whole else whole
        steps.append(f"{line} = {_fmt(value)}")
    return Evaluation(float(value), steps)


def _with_calls(env: Mapping[str, object], calls: dict[Node, float]) -> dict[str | Node, object]:
    """The names' values and the calls computed so far, for `render`."""
    merged: dict[str | Node, object] = {}
    merged.update(env.items())
    merged.update(calls.items())
    return merged


def _eval(
    node: Node, env: Mapping[str, object], steps: list[str], calls: dict[Node, float]
) -> float:
    if isinstance(node, Number):
        return node.value
    if isinstance(node, Name):
        if node.name not in env:
            raise EvalError(f"no value for '{node.name}'")
        value = env[node.name]
        # numbers.Real covers numpy's numbers too; DuckDB gives Decimal for decimal sums.
        if isinstance(value, bool) or not isinstance(value, numbers.Real | Decimal):
            raise EvalError(f"'{node.name}' is not a number ({value!r})")
        return float(value)
    if isinstance(node, Neg):
        return -_eval(node.operand, env, steps, calls)
    if isinstance(node, BinOp):
        left = _eval(node.left, env, steps, calls)
        right = _eval(node.right, env, steps, calls)
        if node.op == "/":
            if right == 0:
                raise EvalError(f"division by zero in '{render(node)}': {render(node.right)} = 0")
            return left / right
        return {"+": left + right, "-": left - right, "*": left * right}[node.op]
    if isinstance(node, Call):
        value = _call(node, env, steps, calls)
        if node.func in _DATE_ARGS:
            steps.append(f"{render(node)} = {_fmt(value)}")
        else:
            substituted = render(node, _with_calls(env, calls))
            line = f"{render(node)} = {substituted}" if substituted != render(node) else ""
            steps.append(f"{line or render(node)} = {_fmt(value)}")
        calls[node] = value
        return value
    raise EvalError(f"text '{node.value}' is not a number")


def _call(
    node: Call, env: Mapping[str, object], steps: list[str], calls: dict[Node, float]
) -> float:
    if node.func in _DATE_ARGS:
        texts = [a.value for a in node.args if isinstance(a, String)]
        start, end = (_date(texts[i], EvalError) for i in _DATE_ARGS[node.func])
        try:
            if node.func == "working_days":
                return float(calendar.working_days(texts[0], start, end))
            return float(getattr(calendar, node.func)(start, end))
        except ValueError as exc:  # unknown country, end before start
            raise EvalError(f"{render(node)}: {exc}") from None
    args = [_eval(a, env, steps, calls) for a in node.args]
    if node.func == "round":
        # Half away from zero, as editors round (Python's round() would give 38 for 38.5).
        try:
            places = _places(args[1] if len(args) > 1 else 0)
        except ValueError as exc:
            raise EvalError(f"{render(node)}: {exc}") from None
        if not math.isfinite(args[0]):
            raise EvalError(f"{render(node)}: cannot round {args[0]}")
        step = Decimal(1).scaleb(-places)
        # Enough digits for any float (up to 1e308) at any allowed number of places.
        exact = Context(prec=MAX_ROUND_PLACES + 330, rounding=ROUND_HALF_UP)
        return float(Decimal(repr(args[0])).quantize(step, context=exact))
    if node.func == "abs":
        return abs(args[0])
    return float(min(args) if node.func == "min" else max(args))
