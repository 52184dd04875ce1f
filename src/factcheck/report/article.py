"""The article as the report: its text cut into paragraphs of plain text and marked figures.

Figures are found and quotes matched by `factcheck.coverage` (the same code `factcheck
coverage` runs), so the report and the coverage command always agree on what a figure is.
A figure inside a claim's quote belongs to the claim whose phrase names it ("over 20,000"
owns "20,000"; "between 700 and 800" owns both); a claim whose phrase names none of the
figures of its quote ("more than half" for "the majority") owns the first figure in words
of its quote; a number no claim names ("Article 337") is context.
A figure owned by several claims shows the worst verdict.
Figures in no claim's quote are marked unchecked; dates and times are context, marked
only when a claim names them (an argmax on "December 2015").

Nothing here writes HTML: the template escapes every piece of text it is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.coverage import REQUIRED, Figure, find_figures, quote_spans, sentence_around
from factcheck.report._common import VERDICT_ORDER
from factcheck.results import ClaimResult

_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u2009\u202f\u2007 ](?=\d{3}(?!\d))")
_NUMBERS = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Mark:
    """One highlighted stretch of the article."""

    text: str
    verdict: str  # a claim's verdict, or "unchecked"
    claim: str | None = None  # the claim the mark links to (the worst of its owners)
    evidence: str | None = None  # direct | proxy | circular | manual
    tip: str = ""  # one line: what the check found
    others: tuple[str, ...] = ()  # further claims checking the same figure


Paragraph = list[str | Mark]


def _numbers(text: str) -> set[str]:
    """The numbers written in a text, separators dropped: "over 20,000" -> {"20000"}."""
    return {n.replace(",", ".") for n in _NUMBERS.findall(_THOUSANDS.sub("", text))}


def names(phrase: str, figure: Figure) -> bool:
    """Does a claim's phrase name this figure? By its numbers, else by its words."""
    wanted = _numbers(figure.text)
    if wanted:
        return wanted <= _numbers(phrase)
    words, phrase = figure.text.lower(), phrase.lower().strip("'\" ")
    return bool(phrase) and (_has_words(phrase, words) or _has_words(words, phrase))


def _has_words(text: str, words: str) -> bool:
    """`words` in `text` as whole words: "ten" is in "more than ten", not in "often"."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def _within(figure: Figure, spans: list[tuple[int, int]]) -> bool:
    return any(start <= figure.start and figure.end <= end for start, end in spans)


def _owners(
    figure: Figure,
    inside: list[ClaimResult],
    spans: dict[str, list[tuple[int, int]]],
    figures: list[Figure],
) -> list[ClaimResult]:
    naming = [c for c in inside if names(c.claim, figure)]
    if naming:
        return naming

    def speaks_of(claim: ClaimResult) -> bool:
        phrase = claim.claim
        held = [f for f in figures if _within(f, spans[claim.id])]
        if any(names(phrase, f) for f in held):
            return False
        words = [f for f in held if f.kind in ("word", "statement")]
        return bool(words) and words[0] == figure

    # A claim whose phrase names no figure of its quote ("more than half") speaks of the
    # first figure in words there ("the majority", or a statement such as "peak"). A
    # number no claim names is context.
    return [c for c in inside if speaks_of(c)]


def tip(claim: ClaimResult) -> str:
    evidence = claim.evidence_kind
    flag = f" ({evidence})" if evidence and evidence != "direct" else ""
    head = f"{claim.verdict}{flag}: {claim.claim}"
    explanation = " ".join(claim.explanation.split())
    return f"{head} — {explanation}" if explanation else head


def _mark(text: str, owners: list[ClaimResult]) -> Mark:
    owners = sorted(owners, key=lambda c: VERDICT_ORDER.index(c.verdict))
    first = owners[0]
    evidence = None if first.evidence_kind is None else str(first.evidence_kind)
    return Mark(
        text, str(first.verdict), first.id, evidence, tip(first),
        tuple(c.id for c in owners[1:]),
    )  # fmt: skip


def annotate(text: str, claims: list[ClaimResult]) -> tuple[list[Paragraph], list[str]]:
    """The article's paragraphs with every figure marked, and the ids of claims that no
    mark shows (their quote is not in the text, or names no figure found in it)."""
    spans = {c.id: quote_spans(text, c.quote) for c in claims}
    figures = find_figures(text)
    marks: list[tuple[int, int, Mark]] = []
    for figure in figures:
        inside = [c for c in claims if _within(figure, spans[c.id])]
        owners = _owners(figure, inside, spans, figures)
        if owners:
            marks.append((figure.start, figure.end, _mark(figure.text, owners)))
        elif figure.kind in REQUIRED and not inside:
            tip_text = "unchecked: no claim's quote holds this figure"
            marks.append((figure.start, figure.end, Mark(figure.text, "unchecked", tip=tip_text)))
    shown = {m.claim for _, _, m in marks} | {o for _, _, m in marks for o in m.others}
    marks += _phrase_marks(text, [c for c in claims if c.id not in shown], spans, marks)
    marks.sort(key=lambda m: m[0])
    shown = {m.claim for _, _, m in marks} | {o for _, _, m in marks for o in m.others}
    return _paragraphs(_unwrapped(text), marks), [c.id for c in claims if c.id not in shown]


def _unwrapped(text: str) -> str:
    """Hard-wrapped prose joined: a single newline after a long line (40 characters or
    more) and before a lower-case letter or a digit is a wrapped line and becomes a space;
    one before a capital, or after a short line ("Article", then a dateline "26 June
    2025"), stays a line break. One character for one, so spans keep their places."""

    def join(match: re.Match[str]) -> str:
        after = match.group(1)
        line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        wrapped = len(line.strip()) >= 40 and (after.islower() or after.isdigit())
        return " " if wrapped else "\n"

    return re.sub(r"(?<![\n\r])\n(?=[ \t]*(\S))", join, text)


def _phrase_marks(
    text: str,
    claims: list[ClaimResult],
    spans: dict[str, list[tuple[int, int]]],
    taken: list[tuple[int, int, Mark]],
) -> list[tuple[int, int, Mark]]:
    """A claim with no figure of its own is marked where its phrase is written in its quote
    ("December" in "the wettest month was December"), when that overlaps no other mark."""
    out: list[tuple[int, int, Mark]] = []
    for claim in claims:
        phrase = claim.claim.strip("'\" ")
        if not phrase:
            continue
        for start, end in spans[claim.id]:
            at = text.lower().find(phrase.lower(), start, end)
            stop = at + len(phrase)
            if at >= 0 and not any(s < stop and at < e for s, e, _ in taken + out):
                out.append((at, stop, _mark(text[at:stop], [claim])))
                break
    return out


def _paragraphs(text: str, marks: list[tuple[int, int, Mark]]) -> list[Paragraph]:
    """Blank lines part paragraphs; a single newline stays (the template keeps it as a line
    break: a headline, a byline, a dateline are lines of their own)."""
    paragraphs: list[Paragraph] = []
    for block in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", text, re.DOTALL):
        pieces: Paragraph = []
        at = block.start()
        for start, end, mark in marks:
            if start < block.start() or end > block.end():
                continue
            if start > at:
                pieces.append(text[at:start])
            pieces.append(mark)
            at = end
        if at < block.end():
            pieces.append(text[at : block.end()])
        paragraphs.append(pieces)
    return paragraphs


def quoted_sentences(text: str, claim: ClaimResult) -> list[str]:
    """The article's sentences holding a claim's quote (the quote itself when it is not
    found), on one line each, for a reader who knows the article and not the claim ids."""
    quote = claim.quote
    out: list[str] = []
    for start, end in quote_spans(text, quote):
        figure = Figure(start, end, text[start:end], "quote", 0, 0)
        sentence = sentence_around(text, figure, width=400)
        if sentence not in out:
            out.append(sentence)
    return out or [" ".join(quote.split())]
