"""A YAML reader that keeps what the editor wrote.

Every scalar comes back as a `Text` (a str that knows its file:line:col), so
`12.60` keeps its trailing zero and `NO` stays the word NO. Only the YAML
composer runs: no constructor, so no tag can build a Python object. A tag
that is not one of YAML's plain core types is a problem, as is a duplicate key.

The composer is PyYAML's, through libyaml (C) when PyYAML was built with it: reading the
bundled article's claims took 90 ms with ruamel's pure-Python round-trip reader and takes
3 ms so. libyaml's error messages do not name the offending character, so a file that
libyaml refuses is read again by PyYAML's Python parser, whose messages (and marks) are
ruamel's: every install reports a malformed file in the same words.

Hostile input is bounded (see limits.py): before anything is built, the event stream
is read for nesting depth, alias count and overlong numbers; after composing, the size
of the tree with every alias expanded is measured without expanding it, so a few
hundred bytes of nested aliases (a "billion laughs") cannot cost minutes and gigabytes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.load.limits import Limits
from factcheck.problems import Location, Problems

if TYPE_CHECKING:
    from yaml.events import Event
    from yaml.nodes import Node as ComposedNode

# Tags the composer resolves by itself for plain scalars and collections.
_CORE_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}
_NULL_TAG = "tag:yaml.org,2002:null"
# A number as the phrase parser reads one: digits with single group separators between.
_NUMBER = re.compile(r"\d(?:[,.\s_'\u00a0\u2007\u2009\u202f]?\d)*")
_NON_DIGIT = re.compile(r"\D")


class Text(str):
    """A scalar as written, with where it was written."""

    loc: Location

    def __new__(cls, value: str, loc: Location) -> Text:
        obj = super().__new__(cls, value)
        obj.loc = loc
        return obj


class Map(dict[str, "Node"]):
    """A mapping that knows its own location and each key's location."""

    loc: Location
    key_locs: dict[str, Location]

    def loc_of(self, key: str) -> Location:
        return self.key_locs.get(key, self.loc)


class Seq(list["Node"]):
    loc: Location


# What a YAML file holds once read: a mapping, a list, a scalar as written, or null.
Node = Map | Seq | Text | None
# The same as plain data (for fingerprints and explicit maps): no locations.
Plain = str | list["Plain"] | dict[str, "Plain"] | None


def plain(node: Node) -> Plain:
    """A YAML value as plain data: mappings, lists and the scalars as written."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return None if node is None else str(node)


def _location(node: ComposedNode, rel: str) -> Location:
    mark = node.start_mark
    return Location(rel, mark.line + 1, mark.column + 1)


def _convert(node: ComposedNode, rel: str, problems: Problems) -> Node:
    from yaml.nodes import MappingNode, SequenceNode

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
    if node.tag == _NULL_TAG and not node.style:  # plain: None or "" by parser
        return None
    return Text(node.value, loc)


def load_yaml(path: Path, rel: str, problems: Problems, limits: Limits | None = None) -> Node:
    """Read one YAML file; return its tree, or None after recording why it could not be read."""
    return load_yaml_nodes(path, rel, problems, limits)[0]


def load_yaml_nodes(
    path: Path, rel: str, problems: Problems, limits: Limits | None = None
) -> tuple[Node, ComposedNode | None]:
    """`load_yaml`'s tree and the composed nodes it was made from (None where there is no
    tree), for a reader that also needs PyYAML's typed values: its constructor builds
    them from these nodes as `yaml.safe_load` would, without reading the file again."""
    from yaml.error import MarkedYAMLError, YAMLError

    limits = limits or Limits()
    text = read_text_file(path, rel, problems, limits.yaml_bytes, "yaml_bytes", limits)
    if text is None:
        return None, None
    try:
        node = _compose(text, rel, problems, limits)
        if node is None:
            return None, None
        if not _measure(node, rel, problems, limits):
            return None, None
        return _convert(node, rel, problems), node
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Location(rel, mark.line + 1, mark.column + 1) if mark else Location(rel)
        problems.add(loc, f"malformed YAML: {exc.problem or exc.context}")
    except YAMLError as exc:
        problems.add(Location(rel), f"malformed YAML: {exc}")
    except RecursionError:  # only when yaml_depth was raised past what Python's stack holds
        problems.add(Location(rel), "YAML nested too deeply to read; lower yaml_depth")
    return None, None


def _compose(text: str, rel: str, problems: Problems, limits: Limits) -> ComposedNode | None:
    """The document's node tree (None: empty, or a limit recorded), bounded by `_scan`
    first; by libyaml when PyYAML has it, and by PyYAML's Python parser when libyaml
    refuses the text (its message names the offending character; libyaml's does not)."""
    import yaml

    loaders = [yaml.SafeLoader]
    if getattr(yaml, "__with_libyaml__", False):
        loaders.insert(0, yaml.CSafeLoader)
    for loader in loaders:
        found = Problems()  # kept only from the reading that is used
        try:
            node = (
                yaml.compose(text, Loader=loader)
                if _scan(loader, text, rel, found, limits)
                else None
            )
        except yaml.YAMLError:
            if loader is not loaders[-1]:
                continue
            raise
        for problem in found.items:
            problems.add(problem.location, problem.message, problem.word)
        return node
    return None


def read_text_file(
    path: Path, rel: str, problems: Problems, most: int, limit: str, limits: Limits
) -> str | None:
    """A project's text file as UTF-8, refusing what is not a regular file (a FIFO
    would hang the run, a device never ends) and what is longer than `most` bytes."""
    try:
        if not path.exists():
            problems.add(Location(rel), "file not found")
            return None
        if not path.is_file():
            problems.add(Location(rel), "not a regular file")
            return None
        with path.open("rb") as handle:
            data = handle.read(most + 1)
    except OSError as exc:
        problems.add(Location(rel), f"cannot read file: {exc.strerror or exc}")
        return None
    if len(data) > most:
        problems.add(Location(rel), limits.exceeded(limit, f"{path.stat().st_size:,} bytes"))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.add(Location(rel), f"not UTF-8 text (byte {exc.start})")
        return None


def _scan(loader: type, text: str, rel: str, problems: Problems, limits: Limits) -> bool:
    """Walk the event stream (an iterative parser, no tree yet): depth, aliases, numbers."""
    import yaml
    from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent

    depth = aliases = 0
    ok = True
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > limits.yaml_depth:
                problems.add(_at(event, rel), limits.exceeded("yaml_depth", f"{depth} levels"))
                return False
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        elif isinstance(event, AliasEvent):
            aliases += 1
            if aliases > limits.yaml_aliases:
                problems.add(_at(event, rel), limits.exceeded("yaml_aliases", f"{aliases}"))
                return False
        elif isinstance(event, ScalarEvent) and len(event.value) > limits.number_digits:
            for found in _NUMBER.finditer(event.value):
                digits = len(_NON_DIGIT.sub("", found.group()))
                if digits > limits.number_digits:
                    problems.add(_at(event, rel), limits.exceeded("number_digits", digits))
                    ok = False
                    break
    return ok


def _at(event: Event, rel: str) -> Location:
    return Location(rel, event.start_mark.line + 1, event.start_mark.column + 1)


def _children(node: ComposedNode) -> list[ComposedNode]:
    from yaml.nodes import MappingNode, SequenceNode

    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def _measure(root: ComposedNode, rel: str, problems: Problems, limits: Limits) -> bool:
    """Size and depth of the tree with aliases expanded, computed once per distinct node
    (iteratively: an alias chain may be far deeper than the written nesting)."""
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[ComposedNode, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            kids = _children(node)
            size[key] = 1 + sum(size[id(k)] for k in kids)
            height[key] = 1 + max((height[id(k)] for k in kids), default=0)
            on_path.discard(key)
            if size[key] > limits.yaml_nodes:
                found = f"{size[key]:,} at least"
                problems.add(_location(node, rel), limits.exceeded("yaml_nodes", found))
                return False
            if height[key] > limits.yaml_depth + 1:  # +1: the scalars under the deepest level
                found = f"{height[key] - 1} levels once aliases are expanded"
                problems.add(_location(node, rel), limits.exceeded("yaml_depth", found))
                return False
            continue
        if key in size:
            continue
        if key in on_path:
            problems.add(_location(node, rel), "an alias refers to a value that contains it")
            return False
        on_path.add(key)
        stack.append((node, True))
        stack.extend((kid, False) for kid in _children(node) if id(kid) not in size)
    return True
