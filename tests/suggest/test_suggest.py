"""`factcheck suggest`: the right query among the first three for at least 4 claims in 5.

The evaluation set is a synthetic project (tests/suggest/synthetic.py): simple count, sum,
mean, share and record claims, written as `factcheck extract` drafts them (a quote and a
phrase, no data). Every figure in a quote is computed here, with plain pandas, from the
CSV files; the expected query is written by hand beside it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from tests.suggest.synthetic import write_project

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip


def evaluation_set(root: Path) -> list[dict[str, Any]]:
    """(id, dataset, quote, phrase, the expected query) for each claim, figures by pandas."""
    p = pd.read_csv(root / "data/penguins.csv")
    r = pd.read_csv(root / "data/rain.csv", parse_dates=["date"])
    gentoo = p[p.species == "Gentoo"]
    biscoe = p[p.island == "Biscoe"]
    wettest = r.groupby(r.date.dt.strftime("%Y-%m")).rain_mm.sum().idxmax()
    year, month = wettest.split("-")
    busiest = p.island.value_counts().idxmax()
    rain_2014 = r[r.date.dt.year == 2014].rain_mm.sum()
    n_gentoo_f = len(gentoo[gentoo.sex == "female"])
    share_gentoo = 100 * len(biscoe[biscoe.species == "Gentoo"]) / len(biscoe)
    share_female = 100 * len(p[p.sex == "female"]) / len(p)
    biscoe_gentoo = "island = 'Biscoe' and species = 'Gentoo'"
    return [
        ("count_all", "penguins", f"The survey recorded {len(p)} penguins", f"{len(p)}",
         ("count", None, "", None)),
        ("count_adelie", "penguins", f"{(p.species == 'Adelie').sum()} of them were Adelie",
         f"{(p.species == 'Adelie').sum()}", ("count", None, "species = 'Adelie'", None)),
        ("count_dream", "penguins", f"{(p.island == 'Dream').sum()} lived on Dream island",
         f"{(p.island == 'Dream').sum()}", ("count", None, "island = 'Dream'", None)),
        ("count_pair", "penguins", f"{n_gentoo_f} Gentoo penguins were female",
         f"{n_gentoo_f}", ("count", None, "sex = 'female' and species = 'Gentoo'", None)),
        ("sum_mass", "penguins",
         f"Together the penguins weighed {p.body_mass_g.sum():,} grams in total",
         f"{p.body_mass_g.sum():,}", ("sum", "body_mass_g", "", None)),
        ("sum_rain_2014", "rain", f"{rain_2014:,.0f} mm of rain fell in 2014",
         f"{rain_2014:,.0f}", ("sum", "rain_mm", "date between '2014-01-01' and '2014-12-31'",
                               None)),
        ("mean_gentoo", "penguins",
         f"Gentoo penguins weighed {gentoo.body_mass_g.mean():,.0f} grams on average",
         f"{gentoo.body_mass_g.mean():,.0f}", ("mean", "body_mass_g", "species = 'Gentoo'",
                                               None)),
        ("mean_flipper", "penguins", f"The average flipper was {p.flipper_mm.mean():.1f} mm long",
         f"{p.flipper_mm.mean():.1f}", ("mean", "flipper_mm", "", None)),
        ("share_gentoo", "penguins",
         f"{share_gentoo:.0f}% of the penguins on Biscoe were Gentoo", f"{share_gentoo:.0f}%",
         ("share", biscoe_gentoo, "island = 'Biscoe'")),
        ("share_female", "penguins", f"{share_female:.1f}% of the penguins were female",
         f"{share_female:.1f}%", ("share", "sex = 'female'", "")),
        ("record_mass", "penguins",
         f"The heaviest penguin weighed a record {p.body_mass_g.max():,} grams",
         f"{p.body_mass_g.max():,}", ("max", "body_mass_g", "", None)),
        ("record_month", "rain",
         f"the wettest month on record was {MONTHS[int(month) - 1]} {year}", "TODO",
         ("sum", "rain_mm", "", "month(date)")),
        ("record_island", "penguins", f"{busiest} had the most penguins", busiest,
         ("count", None, "", "island")),
    ]  # fmt: skip


def signature(candidate: dict[str, Any]) -> tuple[Any, ...]:
    def where(metric: dict[str, Any]) -> str:
        # conditions in any order; the `and` of `between 'a' and 'b'` is not a conjunction
        conditions = re.split(r" and (?!')", metric.get("where") or "")
        return " and ".join(sorted(c for c in conditions if c))

    if "expr" in candidate:
        part, whole = candidate["let"]["part"], candidate["let"]["whole"]
        if part.get("aggregate", "count") != "count":
            return ("share of a sum",)
        return ("share", where(part), where(whole))
    m = candidate["metric"]
    return (m.get("aggregate", "count"), m.get("column"), where(m), m.get("by"))


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Any]]:
    root = write_project(tmp_path_factory.mktemp("suggest") / "project")
    claims = evaluation_set(root)
    lines = ["source:", "  title: An invented article (synthetic)", "claims:"]
    for claim_id, _, quote, phrase, _ in claims:
        lines += [f"  - id: {claim_id}", f"    quote: {json.dumps(quote)}",
                  f"    claim: {json.dumps(phrase)}"]  # fmt: skip
    (root / "claims/draft.yaml").write_text("\n".join(lines) + "\n")
    return root, claims


def test_right_query_in_the_top_three(drafted, factcheck) -> None:
    root, claims = drafted
    found = []
    for claim_id, dataset, _, _, expected in claims:
        result = factcheck(
            "suggest", "--root", root, claim_id, "--dataset", dataset, "--format", "json"
        )
        assert result.exit_code in (0, 1), result.output
        candidates = json.loads(result.stdout)["candidates"]
        assert 1 <= len(candidates) <= 5
        for c in candidates:
            assert ("metric" in c) != ("expr" in c and "let" in c)
            assert {"actual", "verdict", "explanation"} <= c.keys()
        top = [signature(c) for c in candidates[:3]]
        hit = expected in top
        found.append(hit)
        if hit:  # the query that reproduces the figure passes under the real judge
            assert candidates[top.index(expected)]["verdict"] == "pass", claim_id
    assert sum(found) / len(found) >= 0.8, dict(zip([c[0] for c in claims], found, strict=True))


def test_pasted_suggestion_checks(drafted, factcheck, tmp_path) -> None:
    root, claims = drafted
    result = factcheck("suggest", "--root", root, "count_adelie", "--dataset", "penguins")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith('count_adelie (claims/draft.yaml): "')
    first = lines.index(next(line for line in lines if line.startswith("  1. pass")))
    metric = lines[first + 1].strip()
    assert metric == "metric: {dataset: penguins, where: \"species = 'Adelie'\"}"
    draft = (root / "claims/draft.yaml").read_text()
    adelie = next(c for c in claims if c[0] == "count_adelie")
    only = "\n".join(["source:", "  title: t", "claims:", "  - id: count_adelie",
                      f"    quote: {json.dumps(adelie[2])}", f"    claim: {json.dumps(adelie[3])}",
                      f"    {metric}"])  # fmt: skip
    (root / "claims/draft.yaml").write_text(only + "\n")
    try:
        checked = factcheck("check", "--root", root, "--no-history", "--format", "json")
        assert checked.exit_code == 0, checked.output
        [claim] = json.loads(checked.stdout)["claims"]
        penguins = pd.read_csv(root / "data/penguins.csv")
        assert (
            claim["actual"] == (penguins.species == "Adelie").sum() and claim["verdict"] == "pass"
        )
    finally:
        (root / "claims/draft.yaml").write_text(draft)
    assert not (root / ".factcheck/suggest-candidates.yaml").exists()  # scratch removed


def test_what_suggest_refuses(drafted, factcheck) -> None:
    root, _ = drafted
    lint = factcheck("lint", "--root", root)  # a draft does not load, and says what helps
    assert lint.exit_code == 2
    assert "(has none); `factcheck suggest count_all --dataset NAME` proposes one" in lint.stderr
    unknown = factcheck("suggest", "--root", root, "nope", "--dataset", "penguins")
    assert unknown.exit_code == 2 and "no claim 'nope' in claims/" in unknown.stderr
    nodata = factcheck("suggest", "--root", root, "count_all", "--dataset", "nope")
    assert nodata.exit_code == 2 and "no usable dataset 'nope'" in nodata.stderr
    draft = root / "claims/draft.yaml"
    text = draft.read_text()
    draft.write_text(
        text.replace('claim: "TODO"', 'claim: "TODO"\n    note: x', 1)
        + ('  - id: unreadable\n    quote: "about them"\n    claim: "TODO"\n')
    )
    try:
        todo = factcheck("suggest", "--root", root, "unreadable", "--dataset", "penguins")
        assert todo.exit_code == 2 and "write what the quote asserts first" in todo.stderr
    finally:
        draft.write_text(text)


def test_extract_comments_in_a_suggestion_per_draft(drafted, factcheck) -> None:
    root, _ = drafted
    penguins = pd.read_csv(root / "data/penguins.csv")
    adelie = int((penguins.species == "Adelie").sum())
    article = root / "claims/short.txt"
    article.write_text(f"A short note\n\nThe colony had {adelie} Adelie penguins.\n")
    out = root / "claims/short.yaml"
    try:
        done = factcheck("extract", article, "-o", out, "--dataset", "penguins", "--root", root)
        assert done.exit_code == 0, done.output
        assert "suggested a query on penguins for 1 of them (as comments)" in done.stderr
        text = out.read_text()
        assert f"    # suggested on penguins (pass: {adelie} is exactly {adelie}):" in text
        assert "    # metric: {dataset: penguins, where: \"species = 'Adelie'\"}" in text
        lint = factcheck("lint", "--root", root)
        assert lint.exit_code == 2  # a comment is never data: the editor still decides
        assert "claims/short.yaml" in lint.stderr
        refused = factcheck("extract", article, "--dataset", "penguins")
        assert refused.exit_code == 2 and "--dataset needs -o" in refused.output
    finally:
        article.unlink()
        out.unlink(missing_ok=True)


def test_untrusted_project_suggest_and_extract_refuse_python_schemas(factcheck, tmp_path) -> None:
    """suggest and extract --dataset read the data through the project's schema: with
    --no-python-schemas a schemas/*.py is refused (exit 2, named), never run, as in check."""
    import shutil

    from tests.conftest import PROJECTS

    root = tmp_path / "basic"
    shutil.copytree(PROJECTS / "basic", root)
    refused = factcheck("suggest", "total_cases", "--dataset", "cases", "--root", root,
                        "--no-python-schemas")  # fmt: skip
    assert refused.exit_code == 2
    assert "schemas/cases.py is Python code, refused under --no-python-schemas" in refused.stderr
    trusted = factcheck("suggest", "total_cases", "--dataset", "cases", "--root", root)
    assert trusted.exit_code in (0, 1) and "metric:" in trusted.stdout
    article = tmp_path / "article.txt"
    article.write_text("Courts received 12 cases.\n", encoding="utf-8")
    draft = root / "claims" / "draft.yaml"
    done = factcheck("extract", article, "-o", draft, "--dataset", "cases", "--root", root,
                     "--no-python-schemas")  # fmt: skip
    assert done.exit_code == 2 and "refused under --no-python-schemas" in done.stderr


def test_extract_reads_figures_under_limit(factcheck, tmp_path) -> None:
    """extract --limit: a figure longer than number_digits gets no guessed phrase (a comment
    naming it instead of a claim that check would refuse); without it, a claim."""
    article = tmp_path / "article.txt"
    article.write_text("Courts received 123456 cases.\n", encoding="utf-8")
    default = factcheck("extract", article)
    assert 'claim: "123456"' in default.stdout
    lowered = factcheck("extract", article, "--limit", "number_digits=3")
    assert lowered.exit_code == 0
    assert "claim:" not in lowered.stdout.split("claims:", 1)[1]
    assert "123456" in lowered.stdout  # named in the comment
