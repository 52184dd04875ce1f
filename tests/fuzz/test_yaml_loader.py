"""Property: whatever bytes a YAML file holds, factcheck's reader ends in a tree or in
clear problems at the file's lines, in bounded time, never an exception."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from tests.fuzz.budget import FUZZ

from factcheck.load.limits import Limits
from factcheck.load.schema_yaml import read_schema_yaml
from factcheck.load.yamlsrc import load_yaml
from factcheck.problems import Problems

TOKENS = [
    "&a ", "&b ", "*a", "*b", "[", "]", "{", "}", ", ", ": ", "- ", "\n", "  ", "    ",
    "!!str ", "!!python/name:os.system ", "!x ", "'", '"', "\\", "#", "---\n", "...\n",
    "%YAML 1.1\n", "? ", "<<: ", "|\n", ">-\n", "claims:", "id: x", "claim: ", "metric:",
    "1" * 120, "1,000", "12.60", "1e308", "inf", ".nan", "~", "null", "yes", "\t",
    "\u00a0", "\u202e", "\x1b[31m", "::error::", "\ufeff", "ünï", "👍",
]  # fmt: skip

yaml_like = st.lists(st.sampled_from(TOKENS) | st.text(max_size=8), max_size=60).map("".join)
any_text = st.text(max_size=400)


def read(tmp_path: Path, text: str | bytes, limits: Limits | None = None):
    path = tmp_path / "f.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    problems = Problems()
    start = time.perf_counter()
    tree = load_yaml(path, "claims/f.yaml", problems, limits)
    return tree, problems, time.perf_counter() - start


def assert_clear(problems: Problems, text: str | bytes) -> None:
    lines = len(text.splitlines()) + 1
    for problem in problems:
        assert problem.location.file == "claims/f.yaml"
        assert 0 <= problem.location.line <= lines, problem
        assert problem.message and "Traceback" not in problem.message


@FUZZ
@given(yaml_like)
def test_yaml_like_text_reads_or_is_a_clear_problem(tmp_path_factory, text: str) -> None:
    tree, problems, _ = read(tmp_path_factory.mktemp("y"), text)
    assert_clear(problems, text)
    if problems:
        return
    assert tree is None or isinstance(tree, dict | list | str)


@FUZZ
@given(any_text)
def test_any_text_reads_or_is_a_clear_problem(tmp_path_factory, text: str) -> None:
    _, problems, _ = read(tmp_path_factory.mktemp("t"), text)
    assert_clear(problems, text)


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_read_or_are_a_clear_problem(tmp_path_factory, data: bytes) -> None:
    _, problems, _ = read(tmp_path_factory.mktemp("b"), data)
    assert_clear(problems, data)


@FUZZ
@given(levels=st.integers(1, 12), width=st.integers(1, 12))
def test_nested_aliases_are_bounded(tmp_path_factory, levels: int, width: int) -> None:
    """A "billion laughs" of any shape: read when its expansion is within the limit,
    refused at once otherwise; the expanded size is counted here independently."""
    text = "a0: &a0 [" + ", ".join(["lol"] * width) + "]\n"
    for i in range(1, levels):
        text += f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]\n"
    aliases = (levels - 1) * width
    # values with every alias expanded: level i holds width copies of level i-1
    level_size = 1 + width  # the list and its strings
    total = 1 + 2 * 1 + level_size  # the root map, the first key, level 0
    for _ in range(1, levels):
        level_size = 1 + width * level_size
        total += 1 + level_size
    limits = Limits(yaml_nodes=5_000, yaml_aliases=60)  # lower: the same rule, faster
    tree, problems, seconds = read(tmp_path_factory.mktemp("bomb"), text, limits)
    assert seconds < 10
    if aliases > limits.yaml_aliases or total > limits.yaml_nodes:
        assert tree is None and len(problems) == 1
        assert "yaml_aliases" in str(list(problems)[0]) or "yaml_nodes" in str(list(problems)[0])
    else:
        assert not problems and len(tree) == levels


@FUZZ
@given(depth=st.integers(1, 200), flow=st.booleans())
def test_nesting_is_bounded(tmp_path_factory, depth: int, flow: bool) -> None:
    if flow:
        text = "k: " + "[" * depth + "]" * depth + "\n"
    else:
        text = "".join(" " * i + f"k{i}:\n" for i in range(depth)) + " " * depth + "v: 1\n"
    tree, problems, _ = read(tmp_path_factory.mktemp("d"), text)
    levels = depth + 1 if not flow else depth + 1  # the root map counts as a level
    if levels > Limits().yaml_depth:
        assert tree is None and "levels of nesting" in str(list(problems)[0])
    else:
        assert not problems


GOOD_SCHEMA = """\
columns:
  month:
    dtype: str
    checks:
      str_matches: '^\\d{4}-\\d{2}$'
  n:
    dtype: int64
    greater_than_or_equal_to: 0
    nullable: false
coerce: true
strict: true
unique: [month]
"""


@FUZZ
@given(st.lists(st.tuples(st.integers(0, 12), st.sampled_from(TOKENS)), max_size=4))
def test_a_schema_with_any_edit_is_read_or_refused_clearly(tmp_path_factory, edits) -> None:
    lines = GOOD_SCHEMA.splitlines()
    for where, token in edits:
        lines.insert(min(where, len(lines)), token)
    text = "\n".join(lines) + "\n"
    path = tmp_path_factory.mktemp("s") / "s.yaml"
    path.write_text(text)
    problems = Problems()
    schema = read_schema_yaml(path, "schemas/s.yaml", problems, Limits())
    assert (schema is None) == bool(problems)
    for problem in problems:
        assert problem.location.file == "schemas/s.yaml"
