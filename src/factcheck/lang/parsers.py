"""The lark parsers of the claim languages, built once per grammar and lark release.

Building an LALR parser from a grammar file costs lark about 10-15 ms of CPU per grammar,
on every run. The built tables are kept in the per-user cache (factcheck.usercache) as a
Python literal, read back with `ast.literal_eval` (data: never code, never pickle), under
a name made of a digest of the grammar's text, the parser options and lark's version: a
changed grammar or an upgraded lark makes a new entry. A missing or damaged entry is
built again; the cache only saves time.
"""

from __future__ import annotations

import ast
import hashlib
from typing import TYPE_CHECKING, Any

from factcheck import usercache

if TYPE_CHECKING:
    from lark import Lark

OPTIONS: dict[str, Any] = {"parser": "lalr", "propagate_positions": True}


def build_parser(name: str, grammar: str) -> Lark:
    """The parser of `grammar` (a lark grammar's text), from the cache when it has it."""
    import lark

    digest = hashlib.sha256(
        f"{lark.__version__}\0{sorted(OPTIONS.items())}\0{grammar}".encode()
    ).hexdigest()[:16]
    entry = f"{name}-{digest}"
    cached = usercache.read("parsers", entry)
    if cached is not None:
        try:
            tables = ast.literal_eval(cached)
            # The loader lark's own Lark.load and standalone parsers use, given plain data.
            return lark.Lark._load_from_dict(tables["data"], tables["memo"])
        except Exception:  # damaged, or another lark's layout: build it again
            pass
    parser = lark.Lark(grammar, **OPTIONS)
    usercache.write("parsers", entry, _tables(parser))
    return parser


def _tables(parser: Lark) -> str:
    from lark.grammar import Rule
    from lark.lexer import TerminalDef

    data, memo = parser.memo_serialize([TerminalDef, Rule])
    return repr({"data": data, "memo": memo})
