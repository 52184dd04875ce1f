from pathlib import Path

from factcheck.load.yamlsrc import Map, Text, load_yaml
from factcheck.problems import Problems


def load(tmp_path: Path, text: str) -> tuple[object, Problems]:
    path = tmp_path / "c.yaml"
    path.write_text(text)
    problems = Problems()
    return load_yaml(path, "claims/c.yaml", problems), problems


def test_numbers_keep_their_written_form(tmp_path: Path) -> None:
    tree, problems = load(tmp_path, "a: 12.60\nb: NO\nc: on\nd: 20,662\ne: 1e3\n")
    assert not problems
    assert tree == {"a": "12.60", "b": "NO", "c": "on", "d": "20,662", "e": "1e3"}
    assert all(isinstance(v, Text) for v in tree.values())


def test_block_scalars_read_as_yaml_says(tmp_path: Path) -> None:
    # Folded (>) joins lines with a space, literal (|) keeps them; plain lines fold too.
    text = (
        "folded: >-\n  Federal Law\n  No. 365-FZ\n\n  next paragraph\n"
        "literal: |-\n  one\n  two\n"
        "plain: one\n  two\n"
        "quoted: 'one\n  two'\n"
    )
    tree, problems = load(tmp_path, text)
    assert not problems
    assert tree == {
        "folded": "Federal Law No. 365-FZ\nnext paragraph",
        "literal": "one\ntwo",
        "plain": "one two",
        "quoted": "one two",
    }


def test_locations_are_one_based(tmp_path: Path) -> None:
    tree, _ = load(tmp_path, "claims:\n  - id: x\n    claim: '848'\n")
    assert isinstance(tree, Map)
    claim = tree["claims"][0]
    assert (claim.loc.line, claim.loc.col) == (2, 5)
    assert str(claim["claim"].loc) == "claims/c.yaml:3:12"
    assert claim.loc_of("claim").line == 3


def test_nulls(tmp_path: Path) -> None:
    tree, _ = load(tmp_path, "a:\nb: ~\nc: null\nd: 'null'\n")
    assert tree == {"a": None, "b": None, "c": None, "d": "null"}


def test_tags_refused_and_nothing_built(tmp_path: Path) -> None:
    tree, problems = load(tmp_path, "a: !!python/object/apply:os.system [ls]\nb: !custom x\n")
    words = [p.word for p in problems]
    assert words == ["!!python/object/apply:os.system", "!custom"]
    assert tree == {"a": None, "b": None}


def test_duplicate_key(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "a: 1\na: 2\n")
    [problem] = list(problems)
    assert (problem.location.line, problem.word) == (2, "a")


def test_malformed(tmp_path: Path) -> None:
    tree, problems = load(tmp_path, "a: [1, 2\nb: 3\n")
    assert tree is None
    [problem] = list(problems)
    assert problem.location.file == "claims/c.yaml" and problem.location.line == 2
    assert "malformed YAML" in problem.message
