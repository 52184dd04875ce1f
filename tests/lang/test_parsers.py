"""Parsers read back from the per-user cache parse exactly as freshly built ones."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lark
import pytest

from factcheck.lang import parsers
from factcheck.lang.parsers import OPTIONS, build_parser

LANG = Path(parsers.__file__).parent
TEXTS = {
    "where.lark": [
        "a = 1",
        "court in ('A', 'B') and not (x between 1 and 2)",
        "d >= '2024-01-01' or y is not null",
        "name like 'x%' and n != -2.5e3",
        "a = ",
        "a == 1",
        "(a = 1",
        "a = 'unclosed",
    ],
    "by.lark": ["month(received)", "court", "year(", "x y", "quarter(d)"],
    "expr.lark": [
        "a / b * 100",
        "working_days('RU', '2025-04-01', '2025-04-30')",
        "a +",
        "1 ** 2",
        "-(a - b) / b",
    ],
}


def outcome(parser: lark.Lark, text: str) -> Any:
    """The parse tree with every token's and node's position, or the error and where."""
    try:
        tree = parser.parse(text)
    except lark.exceptions.LarkError as exc:
        return (type(exc).__name__, getattr(exc, "column", None), getattr(exc, "token", None))
    nodes = [
        (t.data, t.meta.line, t.meta.column, t.meta.end_column)
        for t in tree.iter_subtrees()
        if not t.meta.empty
    ]
    tokens = [(t.type, str(t), t.line, t.column, t.end_column) for t in tree.scan_values(bool)]
    return (tree, nodes, tokens)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    return tmp_path / "parsers"


@pytest.mark.parametrize("grammar", sorted(TEXTS))
def test_a_cached_parser_parses_as_a_built_one(
    cache: Path, monkeypatch: pytest.MonkeyPatch, grammar: str
) -> None:
    text = (LANG / grammar).read_text(encoding="utf-8")
    fresh = lark.Lark(text, **OPTIONS)
    first = build_parser(grammar, text)  # built, and written to the cache
    assert len(list(cache.iterdir())) == 1

    def no_building(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("built again instead of read from the cache")

    monkeypatch.setattr(lark.Lark, "__init__", no_building)
    loaded = build_parser(grammar, text)
    for sample in TEXTS[grammar]:
        assert outcome(loaded, sample) == outcome(fresh, sample) == outcome(first, sample)


def test_a_damaged_entry_is_built_again(cache: Path) -> None:
    text = (LANG / "by.lark").read_text(encoding="utf-8")
    build_parser("by.lark", text)
    (entry,) = cache.iterdir()
    written = entry.read_text()
    damages = (
        "{'data': {}}", "not a literal (", "__import__('os')", '{"d": [["data", {"d": []}]]}',
        '{"x": 1}', '{"d": [1, 2]}', written[: len(written) // 2],
    )  # fmt: skip
    for damage in damages:
        entry.write_text(damage)
        assert outcome(build_parser("by.lark", text), "month(d)")[0].data
        assert entry.read_text().startswith('{"d":[["data",')  # written whole again


def test_a_changed_grammar_is_a_new_entry(cache: Path) -> None:
    text = (LANG / "by.lark").read_text(encoding="utf-8")
    build_parser("by.lark", text)
    build_parser("by.lark", text + "\n// a comment\n")
    assert len(list(cache.iterdir())) == 2
