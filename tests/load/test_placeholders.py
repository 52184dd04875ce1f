"""A placeholder left in a claims file is refused with its file, line and key."""

from __future__ import annotations

from factcheck.load.placeholders import is_placeholder


def test_what_is_a_placeholder() -> None:
    for text in ("TODO", "todo", " TODO ", "TODO: the date", "TBD", "FIXME", "XXX"):
        assert is_placeholder(text), text
    for text in ("TODOS", "a TODO list", "2025-06-26", "Todoist", "over 20,000"):
        assert not is_placeholder(text), text


def test_lint_and_check_refuse_every_placeholder(project, factcheck) -> None:
    root = project("basic")
    claims = root / "claims/article.yaml"
    text = claims.read_text(encoding="utf-8")
    text = text.replace("published: 2025-06-26", "published: TODO")
    text = text.replace('claim: "848"', 'claim: "TODO"', 1)
    text = text.replace("publisher: Test Gazette", 'publisher: "TBD: ask the desk"')
    claims.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    published = next(i for i, line in enumerate(lines, 1) if "published: TODO" in line)
    phrase = next(i for i, line in enumerate(lines, 1) if 'claim: "TODO"' in line)

    for command in ("lint", "check"):
        result = factcheck(command, "--root", root)
        assert result.exit_code == 2, result.output
        assert (
            f"claims/article.yaml:{published}:14: error: a placeholder is left in "
            "source.published" in result.stderr
        )
        assert f"claims/article.yaml:{phrase}:" in result.stderr
        assert "claims[april_verdicts].claim" in result.stderr
        assert "source.publisher" in result.stderr and "[TBD: ask the desk]" in result.stderr
