"""Coverage: does every figure of an article have a claim?

A claims file may name its article (`source.text`). Each figure in that text (a number
in digits, a number word, a fraction, a quantifier such as "hundreds" or "majority", in
English or Russian) is covered when it lies inside the quote of some claim of that file.
Comparisons and trends stated without a digit ("returned to peak activity", "the rise in
case numbers", "only a small proportion", "not far behind", "рост", "небольшая доля") are
statements a reader takes as facts about the data, so they are required too. Dates ("26
June 2025", "в мае 2025 года") and clock times anchor figures rather than assert them, so
they are listed but never required.

Figures are found, never judged: an uncovered figure is a question for the editor, and a
suggested claim is printed as a YAML comment that nothing reads (extracted numbers are
never accepted automatically).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from factcheck.coverage.extract import guess_phrase
from factcheck.coverage.figures import REQUIRED, Figure, find_figures, sentence_around
from factcheck.load.spec import ClaimSpec, Project, SourceSpec


@dataclass
class ArticleCoverage:
    claims_file: str
    text_file: str | None  # None: the claims file names no article
    figures: list[Figure] = field(default_factory=list)
    missing_quotes: list[ClaimSpec] = field(default_factory=list)

    @property
    def uncovered(self) -> list[Figure]:
        return [f for f in self.figures if f.kind in REQUIRED and not f.claims]

    @property
    def required(self) -> list[Figure]:
        return [f for f in self.figures if f.kind in REQUIRED]

    def as_dict(self) -> dict[str, object]:
        return {
            "claims_file": self.claims_file,
            "text": self.text_file,
            "figures": [
                {
                    "text": f.text,
                    "kind": f.kind,
                    "line": f.line,
                    "col": f.col,
                    "claims": list(f.claims),
                }
                for f in self.figures
            ],  # fmt: skip
            "uncovered": len(self.uncovered),
            "missing_quotes": [
                {"id": c.id, "file": c.loc.file, "line": c.loc.line} for c in self.missing_quotes
            ],
        }


def _normalised(text: str) -> tuple[str, list[int]]:
    """Text in lower case, with runs of whitespace as one space and typographic quotes and
    dashes plain, and where each kept character came from, so a quote copied with a
    straight apostrophe, a wrapped line or a lower-cased first word is still found."""
    table = str.maketrans("‘’‚“”„«»–—\u00a0\u202f\u2009", '\'\'\'"""""--   ')
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text.translate(table)):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        lower = ch.lower()
        out.append(lower if len(lower) == 1 else ch)  # a quote may start mid-sentence
        where.append(i)
    return "".join(out), where


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Where the quote occurs in the text (every occurrence), as spans of the original."""
    return _Article(text).spans(quote)


class _Article:
    """An article normalised once, searched for many quotes."""

    def __init__(self, text: str) -> None:
        self.norm, self.where = _normalised(text)

    def spans(self, quote: str) -> list[tuple[int, int]]:
        wanted = _normalised(quote)[0].strip()
        if not wanted:
            return []
        found = []
        at = self.norm.find(wanted)
        while at >= 0:
            found.append((self.where[at], self.where[at + len(wanted) - 1] + 1))
            at = self.norm.find(wanted, at + 1)
        return found


def article_coverage(root: Path, source: SourceSpec, claims: list[ClaimSpec]) -> ArticleCoverage:
    if source.text is None:
        return ArticleCoverage(source.file, None)
    path = root / Path(source.file).parent / source.text
    text = path.read_text(encoding="utf-8")
    result = ArticleCoverage(source.file, path.relative_to(root).as_posix())
    spans: list[tuple[int, int, str]] = []
    article = _Article(text)
    for claim in claims:
        found = article.spans(claim.quote)
        if not found:
            result.missing_quotes.append(claim)
        spans.extend((start, end, claim.id) for start, end in found)
    for figure in find_figures(text):
        ids = sorted({i for start, end, i in spans if start <= figure.start and figure.end <= end})
        result.figures.append(replace(figure, claims=tuple(ids)))
    return result


def project_coverage(project: Project) -> list[ArticleCoverage]:
    return [
        article_coverage(
            project.root, source, [c for c in project.claims if c.loc.file == source.file]
        )
        for source in project.sources
    ]


def _skeleton_phrase(text: str, figure: Figure) -> str:
    """The `claim:` of a --suggest skeleton, quoted: the guessed phrase; the figure as
    written for a word (it names a group: the data says which); for a number the phrase
    reader refuses under the run's limits (a lowered number_digits), TODO and why, since
    any phrase holding that number would be refused by `check` too."""
    from factcheck.phrases import PhraseError, parse_claim

    guessed = guess_phrase(text, figure)
    if guessed is not None or figure.kind != "number":
        return f'"{guessed or figure.text}"'
    try:
        parse_claim(figure.text)
    except PhraseError as exc:
        return f'"TODO"  # {figure.text}: {exc}'
    return f'"{figure.text}"'


def render_text(results: list[ArticleCoverage], root: Path, *, suggest: bool = False) -> str:
    lines: list[str] = []
    for result in results:
        if result.text_file is None:
            lines.append(f"{result.claims_file}: no source.text, so coverage is not measured")
            continue
        required, uncovered = result.required, result.uncovered
        lines.append(
            f"{result.claims_file} — {result.text_file}: {len(required)} figures, "
            f"{len(required) - len(uncovered)} in a claim's quote, {len(uncovered)} not"
        )
        text = (root / result.text_file).read_text(encoding="utf-8")
        for figure in uncovered:
            lines.append(
                f'  not covered  {result.text_file}:{figure.line}:{figure.col}  "{figure.text}"'
                f"  {sentence_around(text, figure)}"
            )
            if suggest:
                quote = sentence_around(text, figure, width=10_000).replace('"', '\\"')
                lines += [
                    "    # - id: TODO",
                    f'    #   quote: "{quote}"',
                    f"    #   claim: {_skeleton_phrase(text, figure)}",
                    "    #   metric: {dataset: TODO}",
                ]
        for claim in result.missing_quotes:
            lines.append(
                f"  quote not found in {result.text_file}: {claim.id} "
                f"({claim.loc.file}:{claim.loc.line})"
            )
        context = [f for f in result.figures if f.kind not in REQUIRED]
        if context:
            lines.append(
                f"  ({len(context)} dates and times not counted: "
                + ", ".join(f.text for f in context[:6])
                + (", …" if len(context) > 6 else "")
                + ")"
            )
    return "\n".join(lines) + "\n"
