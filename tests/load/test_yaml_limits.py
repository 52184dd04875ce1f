"""Hostile YAML is bounded: an alias bomb, deep nesting, alias floods and overlong
numbers are clear errors at their line, quickly, with the limit to raise named."""

from __future__ import annotations

from pathlib import Path

from factcheck.load.limits import Limits, parse_assignment, parse_value
from factcheck.load.yamlsrc import load_yaml
from factcheck.problems import Problems


def bomb(levels: int = 9) -> str:
    """The classic "billion laughs": each level names the one before nine times."""
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    previous = "a"
    for name in "bcdefghijk"[: levels - 1]:
        text += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    return text


def load(tmp_path: Path, text: str, limits: Limits | None = None) -> tuple[object, list[str]]:
    path = tmp_path / "c.yaml"
    path.write_text(text)
    problems = Problems()
    tree = load_yaml(path, "claims/c.yaml", problems, limits)
    return tree, [str(p) for p in problems]


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    text = bomb()
    assert len(text) < 400  # a few hundred bytes that would expand to 9**9 strings
    tree, problems = load(tmp_path, text)
    assert tree is None
    assert len(problems) == 1 and "values in one YAML file, with aliases expanded" in problems[0]
    assert "--limit yaml_nodes=N" in problems[0]


def test_an_alias_flood_is_refused(tmp_path: Path) -> None:
    text = "a: &a x\nb: [" + ", ".join(["*a"] * 101) + "]\n"
    _, problems = load(tmp_path, text)
    assert (
        len(problems) == 1
        and "aliases" in problems[0]
        and problems[0].startswith("claims/c.yaml:2:")
    )
    tree, problems = load(tmp_path, text, Limits(yaml_aliases=200))
    assert problems == [] and len(tree["b"]) == 101


def test_a_few_aliases_still_read(tmp_path: Path) -> None:
    tree, problems = load(tmp_path, "base: &b {dataset: cases}\nm: *b\n")
    assert problems == [] and tree["m"] == {"dataset": "cases"}


def test_deep_nesting_is_refused_at_its_line(tmp_path: Path) -> None:
    text = "claims:\n  - " + "[" * 500 + "]" * 500 + "\n"
    tree, problems = load(tmp_path, text)
    assert tree is None
    assert len(problems) == 1 and problems[0].startswith("claims/c.yaml:2:")
    assert "levels of nesting" in problems[0] and "--limit yaml_depth=N" in problems[0]


def test_depth_raised_past_the_stack_is_still_an_error(tmp_path: Path) -> None:
    import sys

    before = sys.getrecursionlimit()
    sys.setrecursionlimit(300)  # a small stack stands in for a deep file: same path, faster
    text = "a: " + "[" * 400 + "]" * 400 + "\n"
    try:
        tree, problems = load(tmp_path, text, Limits(yaml_depth=5000))
    finally:
        sys.setrecursionlimit(before)
    assert tree is None and len(problems) == 1 and "nested too deeply" in problems[0]


def test_aliases_cannot_nest_deeper_than_the_limit(tmp_path: Path) -> None:
    # each level is shallow as written, but expanded the aliases nest 70 deep
    lines = ["l0: &l0 [x]"] + [f"l{i}: &l{i} [*l{i - 1}]" for i in range(1, 70)]
    _, problems = load(tmp_path, "\n".join(lines) + "\n")
    assert len(problems) == 1 and "once aliases are expanded" in problems[0]


def test_a_recursive_alias_is_refused(tmp_path: Path) -> None:
    tree, problems = load(tmp_path, "claims: &a [1, *a]\n")
    assert tree is None and problems == [
        "claims/c.yaml:1:9: an alias refers to a value that contains it"
    ]


def test_an_overlong_number_is_refused_wherever_it_is(tmp_path: Path) -> None:
    digits = "1" * 5000
    for text in (f"claim: {digits}\n", f'claim: "over {digits}"\n', f'where: "x > {digits}"\n'):
        _, problems = load(tmp_path, text)
        assert len(problems) == 1, text[:30]
        assert problems[0].startswith("claims/c.yaml:1:8") and "(5000)" in problems[0]
    grouped = ",".join(["111"] * 40)  # 120 digits in thousands groups is one number
    _, problems = load(tmp_path, f"claim: {grouped}\n")
    assert len(problems) == 1 and "digits in one number (120)" in problems[0]


def test_ordinary_long_text_is_not_a_number(tmp_path: Path) -> None:
    years = ", ".join(str(y) for y in range(1900, 2025))  # 500 digits, 125 numbers
    tree, problems = load(tmp_path, f"quote: '{years}'\n")
    assert problems == [] and tree["quote"] == years


def test_a_file_too_large_is_refused_unread(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "a: " + "x" * 2000 + "\n", Limits(yaml_bytes=1000))
    assert len(problems) == 1 and "bytes in one YAML file" in problems[0]


def test_not_a_regular_file(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    problems = Problems()
    assert load_yaml(fifo, "claims/fifo.yaml", problems) is None  # and does not hang
    assert [str(p) for p in problems] == ["claims/fifo.yaml: not a regular file"]


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_bytes(b"a: \xff\n")
    problems = Problems()
    assert load_yaml(path, "claims/c.yaml", problems) is None
    assert [str(p) for p in problems] == ["claims/c.yaml: not UTF-8 text (byte 3)"]


def test_limit_values() -> None:
    assert parse_value("20M") == 20_000_000 and parse_value("2GB") == 2_000_000_000
    assert parse_value("0") is None and parse_value("-5") is None and parse_value("x") is None
    assert parse_assignment("data_rows=5k") == ("data_rows", 5000)
    assert isinstance(parse_assignment("rows=5"), str)
    assert isinstance(parse_assignment("data_rows=" + "9" * 40), str)
