"""The lark parsers of the claim languages, built once per grammar and lark release.

Building an LALR parser from a grammar file costs lark about 10-15 ms of CPU per grammar,
on every run. The built tables are kept in the per-user cache (factcheck.usercache) as
JSON (data: never code, never pickle), under a name made of a digest of the grammar's
text, the parser options, lark's version and this layout: a changed grammar or an
upgraded lark makes a new entry. A missing or damaged entry is built again; the cache
only saves time. lark's tables hold tuples and mappings keyed by numbers, which JSON
has not: each mapping is written {"d": [[key, value], ...]} and each tuple {"t": [...]}.
(Read back as a Python literal with `ast.literal_eval` the three tables cost 28 ms of
CPU, compiling them; as JSON 1.5 ms.)
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from factcheck import usercache

if TYPE_CHECKING:
    from lark import Lark

OPTIONS: dict[str, Any] = {"parser": "lalr", "propagate_positions": True}
_LAYOUT = "json-d-t"  # how the tables are written: part of the entry's name


def build_parser(name: str, grammar: str) -> Lark:
    """The parser of `grammar` (a lark grammar's text), from the cache when it has it."""
    import lark

    digest = hashlib.sha256(
        f"{lark.__version__}\0{sorted(OPTIONS.items())}\0{_LAYOUT}\0{grammar}".encode()
    ).hexdigest()[:16]
    entry = f"{name}-{digest}"
    cached = usercache.read("parsers", entry)
    if cached is not None:
        try:
            tables = json.loads(cached, object_hook=_decode)
            # The loader lark's own Lark.load and standalone parsers use, given plain data.
            return lark.Lark._load_from_dict(tables["data"], tables["memo"])
        except Exception:  # damaged, or another lark's layout: build it again
            pass
    parser = lark.Lark(grammar, **OPTIONS)
    try:
        usercache.write("parsers", entry, _tables(parser))
    except TypeError:  # a value JSON cannot hold (another lark's layout): not kept
        pass
    return parser


def _tables(parser: Lark) -> str:
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    data, memo = parser.memo_serialize([TerminalDef, Rule])
    return json.dumps(_encode({"data": data, "memo": memo}), separators=(",", ":"))


def _encode(value: object) -> object:
    """lark's tables as JSON can hold them: mappings and tuples tagged (module docstring)."""
    if isinstance(value, dict):
        return {"d": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, tuple):
        return {"t": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, str | int | float):  # bool is an int
        return value
    raise TypeError(f"cannot keep a {type(value).__name__} in the parser cache")


def _decode(tagged: dict[str, list[Any]]) -> object:
    """json.loads' hook: each tagged object back to the mapping or tuple it was."""
    if "d" in tagged:
        return {key: value for key, value in tagged["d"]}
    return tuple(tagged["t"])
