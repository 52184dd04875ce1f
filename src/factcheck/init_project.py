"""`factcheck init [DIR]`: a project skeleton that `factcheck check` passes at once.

It writes one example of everything a project holds (a catalog, a small dataset labelled
synthetic, its pandera schema, an article and a claims file with one claim checked against
the dataset), a `.gitignore` that keeps the run history out of git, and a pyproject table.
It never overwrites: the example set is written whole or not at all, and a `.gitignore` that
exists only gains the missing line.
"""

from __future__ import annotations

from pathlib import Path

# Twelve invented cases: synthetic, as the catalog says, so no real figure is implied.
EXAMPLE_CSV = """case_id,received,region,outcome,sentence_years
1,2025-01-09,North,convicted,2
2,2025-01-21,North,acquitted,
3,2025-02-03,South,convicted,3
4,2025-02-17,South,convicted,1
5,2025-03-04,East,returned,
6,2025-03-19,North,convicted,4
7,2025-04-02,East,convicted,2
8,2025-04-15,South,acquitted,
9,2025-05-06,North,convicted,3
10,2025-05-20,East,convicted,5
11,2025-06-03,South,returned,
12,2025-06-24,North,convicted,2
"""

EXAMPLE_SCHEMA = """schema_type: dataframe
version: 0.35.0
columns:
  case_id:
    dtype: int64
    nullable: false
    checks:
      greater_than_or_equal_to: 1
  received:
    dtype: datetime64[ns]
    nullable: false
  region:
    dtype: str
    nullable: false
    checks:
      isin: [North, South, East]
  outcome:
    dtype: str
    nullable: false
    checks:
      isin: [convicted, acquitted, returned]
  sentence_years:
    dtype: float64
    nullable: true
    checks:
      greater_than_or_equal_to: 0
coerce: true
strict: true
unique: [case_id]
"""

EXAMPLE_CATALOG = """# The catalog: each dataset, its file (in data/), schema and provenance.
datasets:
  example_cases:
    path: example_cases.csv
    schema: example_cases
    description: Twelve invented court cases, one row per case (synthetic example data)
    provenance:
      kind: synthetic            # primary | secondary | reported | synthetic
      publisher: factcheck init (invented for the example; not evidence of anything)
"""

EXAMPLE_ARTICLE = """An example article

Regional courts received 12 cases from January to June, and North handled the most.
"""

EXAMPLE_CLAIMS = """# One publication's claims. Replace the example with your article's figures:
# `factcheck extract claims/ARTICLE.txt -o claims/ARTICLE.yaml` drafts them, and
# `factcheck suggest ID --dataset NAME` proposes the data side of each.
source:
  title: An example article
  publisher: Example Gazette (invented)
  published: 2025-07-01
  text: example.txt              # the article, beside this file
claims:
  - id: cases_received
    quote: "Regional courts received 12 cases from January to June"
    claim: "12"
    metric: {dataset: example_cases, aggregate: count}

  - id: busiest_region
    quote: "North handled the most"
    claim: North
    metric: {dataset: example_cases, by: region, over: argmax}
"""

PYPROJECT_TABLE = """[tool.factcheck]
claims = "claims"
data = "data"
schemas = "schemas"
"""

EXAMPLE_FILES = {
    "data/datasets.yaml": EXAMPLE_CATALOG,
    "data/example_cases.csv": EXAMPLE_CSV,
    "schemas/example_cases.yaml": EXAMPLE_SCHEMA,
    "claims/example.txt": EXAMPLE_ARTICLE,
    "claims/example.yaml": EXAMPLE_CLAIMS,
}
IGNORED = ".factcheck/"  # run history: local to a checkout, never committed


def init_project(root: Path) -> list[str]:
    """Write what is missing; return one line per file saying what was done."""
    from factcheck.output import write_atomic

    said: list[str] = []
    root.mkdir(parents=True, exist_ok=True)
    present = [rel for rel in EXAMPLE_FILES if (root / rel).exists()]
    if present:
        said.append(f"kept {', '.join(present)}: the example project is written only whole")
    else:
        for rel, content in EXAMPLE_FILES.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            write_atomic(root / rel, content)
            said.append(f"wrote {rel}")
    pyproject = root / "pyproject.toml"
    if not pyproject.exists():
        write_atomic(pyproject, PYPROJECT_TABLE)
        said.append("wrote pyproject.toml ([tool.factcheck])")
    elif "[tool.factcheck]" not in pyproject.read_text(encoding="utf-8", errors="replace"):
        said.append("kept pyproject.toml; the defaults apply (claims/, data/, schemas/)")
    said.append(_gitignore(root / ".gitignore"))
    return said


def _gitignore(path: Path) -> str:
    if not path.exists():
        path.write_text(f"# factcheck's run history, local to this checkout\n{IGNORED}\n")
        return f"wrote .gitignore ({IGNORED})"
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    if any(line.strip() in (IGNORED, IGNORED.rstrip("/"), "/" + IGNORED) for line in lines):
        return f"kept .gitignore (already ignores {IGNORED})"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(("\n" if lines and lines[-1] else "") + f"{IGNORED}\n")
    return f"added {IGNORED} to .gitignore"
