"""lang/pandas_query.py: a `where` as a great-expectations row_condition (pandas query
syntax), rendered only when pandas would select exactly the rows SQL selects."""

from __future__ import annotations


def test_where_renders_only_when_exact(project) -> None:
    from factcheck.lang.pandas_query import pandas_query
    from factcheck.lang.where import parse_where
    from factcheck.load.project import load_project
    from factcheck.problems import Problems
    from factcheck.validate import load_schema, read_dataset

    loaded, _ = load_project(project("basic"))
    spec = loaded.datasets["cases"]
    schema = load_schema(spec, Problems())
    frame = schema.validate(read_dataset(spec, Problems())[0])

    def render(text: str) -> str | None:
        return pandas_query(parse_where(text), frame, schema)

    assert render("article in (332, 337)") == "article in [332, 337]"
    assert render("5 > sentence_years") == "sentence_years < 5"
    assert render("court != 'Moscow garrison'") == "court != 'Moscow garrison'"  # not nullable
    assert render("outcome != 'convicted'") is None  # nullable: pandas keeps a null row
    assert render("received = '2025-01-10'") == (
        "(received >= '2025-01-10' and received <= '2025-01-10')"
    )
    assert render("received in ('2025-01-10')") is None
    assert render("article = '337'") is None  # a text literal against numbers
    assert render("not court = 'x'") is None
    assert render("court like 'M%'") is None
    assert render("court = region") is None
