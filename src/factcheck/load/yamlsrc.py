"""A YAML reader that keeps what the editor wrote.

Every scalar comes back as a `Text` (a str that knows its file:line:col), so
`12.60` keeps its trailing zero and `NO` stays the word NO. Only the YAML
composer runs: no constructor, so no tag can build a Python object. A tag
that is not one of YAML's plain core types is a problem, as is a duplicate key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factcheck.problems import Location, Problems

# Tags the composer resolves by itself for plain scalars and collections.
_CORE_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}
_NULL_TAG = "tag:yaml.org,2002:null"


class Text(str):
    """A scalar as written, with where it was written."""

    loc: Location

    def __new__(cls, value: str, loc: Location) -> Text:
        obj = super().__new__(cls, value)
        obj.loc = loc
        return obj


class Map(dict[str, Any]):
    """A mapping that knows its own location and each key's location."""

    loc: Location
    key_locs: dict[str, Location]

    def loc_of(self, key: str) -> Location:
        return self.key_locs.get(key, self.loc)


class Seq(list[Any]):
    loc: Location


def _location(node: Any, rel: str) -> Location:
    mark = node.start_mark
    return Location(rel, mark.line + 1, mark.column + 1)


def _convert(node: Any, rel: str, problems: Problems) -> Any:
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    loc = _location(node, rel)
    if node.tag not in _CORE_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        problems.add(loc, "YAML tags are not allowed in factcheck files", tag)
        return None
    if isinstance(node, MappingNode):
        out = Map()
        out.loc, out.key_locs = loc, {}
        for key_node, value_node in node.value:
            key = _convert(key_node, rel, problems)
            if not isinstance(key, str):
                problems.add(_location(key_node, rel), "a key must be a word")
                continue
            if key in out.key_locs:
                problems.add(key.loc, "duplicate key", key)
                continue
            out.key_locs[key] = key.loc
            out[str(key)] = _convert(value_node, rel, problems)
        return out
    if isinstance(node, SequenceNode):
        seq = Seq(_convert(item, rel, problems) for item in node.value)
        seq.loc = loc
        return seq
    if node.tag == _NULL_TAG and node.style is None:
        return None
    value = node.value
    if node.style == ">":
        # ruamel's round-trip scanner marks each fold of a `>` scalar with BEL ("\a") for
        # its own constructor to remove; we compose only, so remove it here. A YAML
        # stream cannot hold a real BEL, so nothing of the author's is lost.
        value = value.replace("\a", "")
    return Text(value, loc)


def load_yaml(path: Path, rel: str, problems: Problems) -> Any:
    """Read one YAML file; return its tree, or None after recording why it could not be read."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.add(Location(rel), "file not found")
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(Location(rel), f"cannot read file: {exc}")
        return None
    try:
        node = YAML(typ="rt", pure=True).compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Location(rel, mark.line + 1, mark.column + 1) if mark else Location(rel)
        problems.add(loc, f"malformed YAML: {exc.problem or exc.context}")
        return None
    except YAMLError as exc:
        problems.add(Location(rel), f"malformed YAML: {exc}")
        return None
    if node is None:
        return None
    return _convert(node, rel, problems)
