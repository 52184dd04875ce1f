"""pandera YAML schemas, read as strictly as claims (contract section 8).

pandera's own reader ignores what it does not know: `uniqe: true` in a column is
neither a key nor a check, so it is dropped and the data passes unchecked. Here the
file is read once with factcheck's YAML reader (locations, limits, no tags, no
duplicate keys, so no duplicate columns), every key, dtype and check name is checked
against what pandera understands, and pandera's schema (built from PyYAML's typed
values of the same nodes) is used only when nothing is wrong.
"""

from __future__ import annotations

import copy
import difflib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.load.limits import Limits
from factcheck.load.yamlsrc import Map, Node, Seq, Text, load_yaml_nodes
from factcheck.problems import Location, Problems

if TYPE_CHECKING:
    from pandera.api.pandas.container import DataFrameSchema

# A value as PyYAML types it, which is what pandera reads (a key may be a number too).
Typed = str | int | float | bool | date | bytes | None | list["Typed"] | dict[object, "Typed"]

_TOP_KEYS = {
    "schema_type", "version", "api", "dataframe_library", "columns", "checks", "index",
    "multiindex", "dtype", "coerce", "strict", "name", "ordered", "unique",
    "report_duplicates", "unique_column_names", "add_missing_columns", "title",
    "description", "metadata", "drop_invalid_rows",
}  # fmt: skip
_COMPONENT_KEYS = {
    "title", "description", "dtype", "nullable", "checks", "name", "unique", "coerce",
    "required", "regex", "default", "report_duplicates", "drop_invalid_rows", "metadata",
}  # fmt: skip
_BOOL_KEYS = {
    "nullable", "unique", "coerce", "required", "regex", "drop_invalid_rows", "ordered",
    "unique_column_names", "add_missing_columns",
}  # fmt: skip
_CHECK_OPTIONS = {
    "check_name", "ignore_na", "raise_warning", "n_failure_cases", "groupby", "groups",
    "error", "name", "element_wise",
}  # fmt: skip
_LIBRARIES = ("pandas",)
_REPORT_DUPLICATES = ("exclude_first", "exclude_last", "all")
_DATE_HINT = (
    "dtype 'date' holds Python date objects, which checks and filters cannot compare "
    "with dates written as text; write `dtype: datetime64[ns]` (with `coerce: true`) "
    "for a date column"
)


def read_schema_yaml(
    path: Path, rel: str, problems: Problems, limits: Limits
) -> DataFrameSchema | None:
    """The pandera DataFrameSchema of a YAML schema file, or None after recording why not."""
    before = len(problems)
    tree, nodes = load_yaml_nodes(path, rel, problems, limits)
    if not isinstance(tree, Map) or nodes is None:
        if len(problems) == before:
            problems.add(Location(rel, 1), "a schema must be a mapping (pandera's YAML format)")
        return None
    import yaml
    from yaml.constructor import SafeConstructor

    try:
        # The typed values pandera expects, as yaml.safe_load builds them, from the nodes
        # already read (within limits, no tags beyond YAML's core ones).
        plain: Typed = SafeConstructor().construct_document(nodes)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        loc = Location(rel, mark.line + 1, mark.column + 1) if mark else Location(rel)
        problems.add(loc, f"malformed YAML: {getattr(exc, 'problem', None) or exc}")
        return None
    from pandera.io.pandas_io import deserialize_schema

    schema: DataFrameSchema | None = None
    failure = ""
    try:
        # On a copy: pandera's reader pops each check's `options` (ignore_na,
        # raise_warning, ...) from the mapping it reads. (Built after the trial builds
        # below, from the same mapping, a schema lost them.)
        schema = deserialize_schema(copy.deepcopy(plain))
    except Exception as exc:  # pandera raises many kinds for a bad value
        failure = f"cannot read schema: {type(exc).__name__}: {exc}"
    # A duplicate key (a duplicate column) is already recorded; go on to report the rest.
    # Where pandera built the whole schema it built every column and dtype in it, so the
    # checker's trial builds (which place a bad argument at its line) run only when not.
    checker = _Checker(rel, problems, trials=schema is None)
    checker.schema(tree, plain if isinstance(plain, dict) else {})
    if len(problems) > before:
        return None
    if schema is None:
        problems.add(Location(rel, 1), failure)
    return schema


def check_names() -> set[str]:
    """Every check pandera can build by name (built-in and registered)."""
    from pandera.api.checks import Check

    names = {n for n in vars(Check) if not n.startswith("_") and callable(getattr(Check, n))}
    names |= set(getattr(Check, "REGISTERED_CUSTOM_CHECKS", {}))
    return names - {"registry_name"}


def _hint(word: str, known: set[str]) -> str:
    close = difflib.get_close_matches(word, sorted(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _by_key(node: Map, value: Typed) -> dict[str, Typed]:
    """PyYAML's typed values under our keys (PyYAML may read a key `2024` as an int)."""
    typed = {str(k): v for k, v in value.items()} if isinstance(value, dict) else {}
    return {key: typed.get(key) for key in node}


def _items(value: Typed) -> list[Typed]:
    return value if isinstance(value, list) else []


class _Checker:
    """Walks the located tree and PyYAML's typed tree side by side."""

    def __init__(self, rel: str, problems: Problems, trials: bool = True) -> None:
        self.rel = rel
        self.problems = problems
        self.checks = check_names()
        self.trials = trials  # build each dtype and column alone to find the bad one

    def add(self, loc: Location, message: str, word: str | None = None) -> None:
        self.problems.add(loc, message, word)

    def schema(self, tree: Map, plain: dict[object, Typed]) -> None:
        values = _by_key(tree, plain)
        for key in tree:
            if key not in _TOP_KEYS:
                self.add(tree.loc_of(key), "unknown key in a schema" + _hint(key, _TOP_KEYS), key)
        if values.get("schema_type") not in (None, "dataframe"):
            self.add(
                tree.loc_of("schema_type"),
                "schema_type must be dataframe",
                str(tree["schema_type"]),
            )
        for key in ("api", "dataframe_library"):
            if values.get(key) not in (None, *_LIBRARIES):
                self.add(tree.loc_of(key), f"{key} must be pandas", str(tree[key]))
        self.flags(tree, values, (_BOOL_KEYS & _TOP_KEYS) - {"unique"})  # unique: columns
        if values.get("strict") not in (None, True, False, "filter"):
            self.add(
                tree.loc_of("strict"), "strict must be true, false or filter", str(tree["strict"])
            )
        self.report_duplicates(tree, values)
        if values.get("dtype") is not None:
            self.dtype(tree, values["dtype"])
        names = self.columns(tree.get("columns"), values.get("columns"), tree)
        self.unique(tree, values.get("unique"), names)
        if tree.get("checks") is not None:
            self.check_list(tree["checks"], values["checks"], tree.loc_of("checks"))
        index = tree.get("index")
        if index is not None:
            if not isinstance(index, Seq):
                self.add(tree.loc_of("index"), "index must be a list of index components")
            else:
                for node, value in zip(index, _items(values["index"]), strict=False):
                    self.component(node, value, "an index component", allow_name=True)

    def flags(self, node: Map, values: dict[str, Typed], keys: set[str]) -> None:
        for key in sorted(keys & set(node)):
            if values[key] is not None and not isinstance(values[key], bool):
                self.add(node.loc_of(key), f"{key} must be true or false", str(node[key]))

    def report_duplicates(self, node: Map, values: dict[str, Typed]) -> None:
        if values.get("report_duplicates") not in (None, *_REPORT_DUPLICATES):
            self.add(
                node.loc_of("report_duplicates"),
                "report_duplicates must be one of " + ", ".join(_REPORT_DUPLICATES),
                str(node["report_duplicates"]),
            )

    def dtype(self, node: Map, value: Typed) -> None:
        from pandera.io.pandas_io import deserialize_schema

        loc, word = node.loc_of("dtype"), str(node["dtype"])
        if str(value).strip().lower() == "date":
            self.add(loc, _DATE_HINT, word)
            return
        if not self.trials:
            return
        try:
            deserialize_schema({"columns": {"x": {"dtype": value}}})
        except Exception:  # pandera's kinds differ by numpy/pandas version
            self.add(
                loc,
                "unknown dtype (e.g. int64, float64, str, bool, datetime64[ns], category)",
                word,
            )

    def columns(self, node: Node, value: Typed, parent: Map) -> set[str]:
        """Check every column; return their names (duplicates are the reader's problem
        for a mapping, found here for a list of columns with `name:`)."""
        if node is None:
            return set()
        names: set[str] = set()
        if isinstance(node, Map):
            typed = _by_key(node, value)
            for name, column in node.items():
                names.add(name)
                self.component(column, typed[name], f"column '{name}'", where=node.loc_of(name))
            return names
        if isinstance(node, Seq):
            for column, col_value in zip(node, _items(value), strict=False):
                named = column.get("name") if isinstance(column, Map) else None
                if not isinstance(named, Text):  # none, or a list or mapping for a name
                    self.add(getattr(column, "loc", node.loc), "a column in a list needs a name")
                elif named in names:
                    self.add(named.loc, "duplicate column", str(named))
                else:
                    names.add(str(named))
                self.component(column, col_value, f"column '{named}'", allow_name=True)
            return names
        self.add(parent.loc_of("columns"), "columns must map column names to their checks")
        return names

    def component(
        self,
        node: Node,
        value: Typed,
        what: str,
        *,
        allow_name: bool = False,
        where: Location | None = None,
    ) -> None:
        if node is None:
            return  # `col:` alone: any values, pandera's default
        if not isinstance(node, Map):
            self.add(node.loc, f"{what} must be a mapping of keys and checks")
            return
        before = len(self.problems)
        values = _by_key(node, value)
        known = _COMPONENT_KEYS | self.checks
        for key in node:
            if key == "name" and not allow_name:
                self.add(node.loc_of(key), f"unknown key in {what}", key)
            elif key not in known:
                message = f"unknown key or check in {what}" + _hint(key, known)
                self.add(node.loc_of(key), message, key)
        self.flags(node, values, _BOOL_KEYS)
        self.report_duplicates(node, values)
        if values.get("dtype") is not None:
            self.dtype(node, values["dtype"])
        if node.get("checks") is not None:
            self.check_list(node["checks"], values["checks"], node.loc_of("checks"))
        if self.trials and len(self.problems) == before and isinstance(value, dict):
            self.build(where or node.loc, value, what)

    def build(self, loc: Location, value: dict[object, Typed], what: str) -> None:
        """Let pandera build this one column, so a bad check argument is found at its line."""
        from pandera.io.pandas_io import deserialize_schema

        try:
            deserialize_schema({"columns": {"x": {k: v for k, v in value.items() if k != "name"}}})
        except Exception as exc:  # pandera raises many kinds for a bad argument
            self.add(loc, f"{what} cannot be built: {type(exc).__name__}: {exc}")

    def check_list(self, node: Node, value: Typed, loc: Location) -> None:
        """`checks:` as pandera writes it: {name: stats} or [{options: {check_name}, ...}]."""
        if isinstance(node, Map):
            for name in node:
                self.check_name(name, node.loc_of(name))
            return
        if not isinstance(node, Seq):
            self.add(loc, "checks must be a mapping of check names (or pandera's list form)")
            return
        for entry in node:
            options = entry.get("options") if isinstance(entry, Map) else None
            named = options.get("check_name") if isinstance(options, Map) else None
            if not isinstance(options, Map) or not isinstance(named, Text):
                self.add(
                    getattr(entry, "loc", loc), "a check in a list needs options: {check_name}"
                )
                continue
            self.check_name(named, options.loc_of("check_name"))
            for key in options:
                if key not in _CHECK_OPTIONS:
                    self.add(
                        options.loc_of(key),
                        "unknown check option" + _hint(key, _CHECK_OPTIONS),
                        key,
                    )

    def check_name(self, name: str, loc: Location) -> None:
        if name not in self.checks:
            self.add(loc, "unknown check" + _hint(name, self.checks), name)

    def unique(self, tree: Map, value: Typed, names: set[str]) -> None:
        if value is None or not names:
            return
        wanted = [value] if isinstance(value, str) else value
        words = [w for w in wanted if isinstance(w, str)] if isinstance(wanted, list) else []
        if not isinstance(wanted, list) or len(words) < len(wanted):
            self.add(tree.loc_of("unique"), "unique must name a column or a list of columns")
            return
        for word in words:
            if word not in names:
                self.add(
                    tree.loc_of("unique"), "unique names a column the schema does not have", word
                )
