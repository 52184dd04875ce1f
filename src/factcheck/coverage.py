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

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from factcheck.load.spec import ClaimSpec, Project, SourceSpec

_SEP = ",\u00a0\u2009\u202f\u2007 "  # thousands separators, as written in EN and RU text
_NUMBER = (
    rf"(?<![\w.,])(?:\d{{1,3}}(?:[{_SEP}]\d{{3}}(?!\d))+|\d+)(?:[.,]\d+(?!\d))?"
    r"(?:\s?(?:%|per ?cent\b|percent\b|процент\w*))?"
)
_EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# Stems, to read every case: января, в марте, мая, в мае.
_RU_MONTHS = "январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр"
_DATE = (
    rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    rf"|\b(?:\d{{1,2}}\s)?(?:{_EN_MONTHS})(?:\s\d{{1,2}},)?\s\d{{4}}\b"
    rf"|\b(?:\d{{1,2}}\s)?(?:{_RU_MONTHS})\w*\s\d{{4}}(?:\s(?:года|году|г\.))?"
)
_TIME = r"\b\d{1,2}:\d{2}\b"
_EN_WORDS = (
    # "one" alone is too common ("one of them"); "one in five" and "one-third" are kept.
    r"one(?=[\s-](?:in\b|third|quarter|fifth|half))|two|three|four|five|six|seven|eight|nine"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    r"|hundreds?|thousands?|millions?|billions?|dozens?|half|halves|thirds?|quarters?"
    r"|fifths?|majority|minority|record|doubled?|tripled?|twice"
)
_RU_WORDS = (
    r"дв(?:а|е|ух|ум|умя)|тр(?:и|[её]х|[её]м|емя)|четыр(?:е|[её]х|[её]м|ьмя)"
    r"|(?:пят|шест|сем|девят|десят|двадцат|тридцат)(?:ь|и|ью)|восем(?:ь|ью)|восьми"
    r"|сорок|пятьдесят|пятидесяти|сто|двести|триста|пятьсот"
    r"|тысяч\w*|сотн\w*|сотен|миллион\w*|миллиард\w*|половин\w*|трет(?:ь|и|ей)"
    r"|четверт(?:ь|и|ей)|десятк\w*|дюжин\w*|большинств\w*|рекорд\w*|вдвое|втрое"
    # каждый пятый: one in five
    r"|кажд(?:ый|ая|ое|ого|ую)\s(?:втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)\w*"
)
# Qualitative comparisons and trends ("record" and "majority" are words above).
_EN_STATEMENTS = (
    r"peak(?:s|ed)?|ris(?:e|es|ing|en)|rose|increas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)"
    r"|(?:only\s)?(?:a\s)?small\s(?:proportion|share|fraction|minority)"
    r"|(?:not\s)?(?:far|close)\sbehind"
)
_RU_STATEMENTS = (
    r"пик(?:а|е|ом|у|и|ов)?|рост(?:а|е|ом|у)?|вырос(?:ло|ла|ли)?|увелич\w*|сниж\w*|снизил\w*"
    r"|(?:лишь\s)?(?:небольш|мал)(?:ая|ую|ой)\s(?:дол|част)\w*"
    r"|(?:ненамного|недалеко|не\s(?:намного|далеко|сильно))\s+отст\w*"
)
_STATEMENT = rf"(?<!\w)(?:{_EN_STATEMENTS}|{_RU_STATEMENTS})(?!\w)"
_WORD = rf"(?:{_EN_WORDS}|{_RU_WORDS})(?!\w)"
_WORDS = rf"(?<!\w){_WORD}(?:[-\s]{_WORD})*"  # two-thirds, twenty-five, две трети: one figure
_FIGURE = re.compile(
    rf"(?P<time>{_TIME})|(?P<date>{_DATE})|(?P<number>{_NUMBER})"
    rf"|(?P<statement>{_STATEMENT})|(?P<word>{_WORDS})",
    re.IGNORECASE,
)
# The second number of a range after a figure: "700 and 800", "от 700 до 800".
_RANGE_TAIL = re.compile(rf"\s+(?:and|to|и|до)\s+({_NUMBER})")
REQUIRED = ("number", "word", "statement")  # kinds a claim must cover; dates, times: context


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    kind: str  # number | word | statement | date | time
    line: int
    col: int
    claims: tuple[str, ...] = ()  # ids of the claims whose quote holds it


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


def find_figures(text: str) -> list[Figure]:
    """Every figure in the text, in order, with 1-based line and column."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    figures = []
    line = 0
    for match in _FIGURE.finditer(text):
        while line + 1 < len(starts) and starts[line + 1] <= match.start():
            line += 1
        kind = match.lastgroup or "number"
        figures.append(
            Figure(
                match.start(),
                match.end(),
                match.group(),
                kind,
                line + 1,
                match.start() - starts[line] + 1,
            )
        )
    return figures


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


def sentence_around(text: str, figure: Figure, width: int = 160) -> str:
    """The sentence holding a figure, on one line, cut to about `width` characters.
    A sentence ends at ". " or at a blank line; wrapped lines do not end it."""
    stops = [text.rfind(". ", 0, figure.start) + 2, text.rfind("\n\n", 0, figure.start) + 2]
    start = max([0, *(i for i in stops if i >= 2)])
    ends = [i for i in (text.find(". ", figure.end), text.find("\n\n", figure.end)) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    sentence = " ".join(text[start:end].split())
    if len(sentence) > width:
        at = sentence.find(figure.text)
        left = max(0, at - width // 2)
        sentence = ("…" if left else "") + sentence[left : left + width] + "…"
    return sentence


# Words whose usual meaning is a phrase factcheck reads; "record" needs a series: TODO.
_WORD_PHRASES = {
    "majority": "more than half", "большинство": "more than half",
    "minority": "less than half", "record": "TODO", "рекорд": "TODO",
}  # fmt: skip


def guess_phrase(text: str, figure: Figure) -> str:
    """The claim phrase an editor would likely write: the figure with the words before it
    that factcheck reads as a hedge or a quantity ("over 20,000", "a few hundred",
    "between 700 and 800"); the bare figure otherwise; TODO when even that is unreadable."""
    from factcheck.phrases import PhraseError, parse_claim

    def kind(phrase: str) -> str | None:
        try:
            return parse_claim(phrase).kind
        except PhraseError:
            return None

    if figure.kind == "statement":
        return "TODO"  # "peak", "rise": the editor says what it compares, never a guess
    if figure.text.lower() in _WORD_PHRASES:
        return _WORD_PHRASES[figure.text.lower()]
    # Lead words come from the figure's own clause: never across . ; , ! ? : or a blank line.
    before = re.split(r"[.;,!?:](?:\s|$)|\n\s*\n", text[max(0, figure.start - 60) : figure.start])
    words = before[-1].split()
    after = _RANGE_TAIL.match(text, figure.end)
    tail = " ".join(after.group(0).split()) if after else ""
    tail = f" {tail}" if tail else ""
    for k in (4, 3, 2, 1):
        if len(words) < k:
            continue
        lead = " ".join(words[-k:]).lower()
        for phrase in (f"{lead} {figure.text}{tail}", f"{lead} {figure.text}"):
            if kind(phrase) not in (None, "bare", "key"):
                return phrase
    return figure.text if kind(figure.text) is not None else "TODO"


def phrase_end(text: str, figure: Figure, phrase: str) -> int:
    """Where the guessed phrase ends in the text: past B in "between A and B"."""
    after = _RANGE_TAIL.match(text, figure.end)
    if after and phrase.endswith(after.group(1)) and not phrase.endswith(figure.text):
        return after.end()
    return figure.end


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
                    f'    #   claim: "{guess_phrase(text, figure)}"',
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


def _yaml_string(text: str) -> str:
    """A double-quoted YAML scalar: only \\ and " need escaping in text on one line."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _claim_id(phrase: str, taken: set[str]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", phrase.lower().replace(",", "")).strip("_") or "figure"
    base = f"fig_{slug}"[:40].rstrip("_")
    claim_id, n = base, 2
    while claim_id in taken:
        claim_id, n = f"{base}_{n}", n + 1
    taken.add(claim_id)
    return claim_id


def draft_claims(text: str, text_name: str) -> str:
    """A claims file to start from: one candidate per figure, with the sentence as its
    quote and a guessed phrase. It does not load until an editor gives each candidate a
    metric, expr, manual or unverifiable: a draft can never pass by itself."""
    lines = [
        f"# Candidate claims drafted by `factcheck extract` from {text_name}.",
        "# Each figure of the article is one candidate: check its quote and phrase, give it",
        "# a metric, expr, manual or unverifiable, or delete it (and say why in a note).",
        "# Until then `factcheck check` refuses the file, naming every candidate left.",
        "source:",
        "  title: TODO",
        "  publisher: TODO",
        "  published: TODO",
        f"  text: {_yaml_string(text_name)}",
        "claims:",
    ]
    taken: set[str] = set()
    consumed = 0  # B of "between A and B" is part of A's candidate, not its own
    for figure in find_figures(text):
        if figure.kind not in REQUIRED or figure.start < consumed:
            continue
        phrase = guess_phrase(text, figure)
        consumed = phrase_end(text, figure, phrase)
        sentence = sentence_around(text, figure, width=10_000)
        lines += [
            f"  - id: {_claim_id(phrase if phrase != 'TODO' else figure.text, taken)}",
            f"    # {text_name}:{figure.line}:{figure.col}: {figure.text}",
            f"    quote: {_yaml_string(sentence)}",
            f"    claim: {_yaml_string(phrase)}",
            "",
        ]
    if lines[-1] == "claims:":
        lines[-1] = "claims: []"
    return "\n".join(lines).rstrip() + "\n"
