"""`factcheck extract`: draft a claims file from an article's text, one candidate per
figure, with the sentence as its quote and a guessed phrase that factcheck reads.

A draft names no data, so it never loads until an editor completes each candidate; a
guessed phrase is always one `lint` accepts, or there is none and a comment says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.coverage.figures import RANGE_TAIL, REQUIRED, Figure, find_figures, sentence_around

# Words whose usual meaning is a phrase factcheck reads.
_WORD_PHRASES = {
    "majority": "more than half", "большинство": "more than half",
    "minority": "less than half",
}  # fmt: skip
# Verbs an article uses for a hedge: "topped 33C" claims over 33.
_LEAD_VERBS = {
    "topped": "over", "exceeded": "over", "surpassed": "over", "passed": "over",
    "превысил": "более", "превысила": "более", "превысило": "более", "превысили": "более",
}  # fmt: skip
# Words that say "the largest of a series": no number of their own to claim.
_SUPERLATIVE_WORDS = {"record", "рекорд"}
_UNITS_OF_TIME = r"month|year|day|week|quarter|season|summer|winter|spring|autumn"
# "the wettest month was December 2015", "the busiest year was 2023".
_SUPERLATIVE = re.compile(
    r"\b(?:the\s+)?(?P<sup>\w+est|most\s+\w+|least\s+\w+|record|highest|lowest)\s+"
    rf"(?P<unit>{_UNITS_OF_TIME}|\w+)\s+(?:on\s+record\s+)?(?:was|is|has\s+been|came\s+in)\s+"
    r"(?:in\s+)?(?P<key>[A-Z][a-z]+(?:\s+\d{1,2}(?!\d),?)?(?:\s+\d{4})?|\d{4}(?:-\d{2})?)",
)


def _readable(phrase: str) -> str | None:
    """The phrase's kind when factcheck reads it, else None."""
    from factcheck.phrases import PhraseError, parse_claim

    try:
        return parse_claim(phrase).kind
    except PhraseError:
        return None


def guess_phrase(text: str, figure: Figure) -> str | None:
    """The claim phrase an editor would likely write: the figure with the words before it
    that factcheck reads as a hedge or a quantity ("over 20,000", "a few hundred",
    "between 700 and 800"); the bare figure otherwise; None when even that is unreadable
    (or is a word, which names a group and needs data to say which); TODO for a statement
    ("peak"), whose meaning only the editor can say."""
    if figure.kind == "statement":
        return "TODO"  # "peak", "rise": the editor says what it compares, never a guess
    if figure.text.lower() in _WORD_PHRASES:
        return _WORD_PHRASES[figure.text.lower()]
    # Lead words come from the figure's own clause: never across . ; , ! ? : or a blank line.
    # ... nor across another figure: in "topped 33C on 40 days", 40 has no lead words.
    window = text[max(0, figure.start - 60) : figure.start]
    others = [f.end for f in find_figures(window) if f.kind in REQUIRED]
    before = re.split(r"[.;,!?:](?:\s|$)|\n\s*\n", window[max(others, default=0) :])
    words = [_LEAD_VERBS.get(w.lower(), w) for w in before[-1].split()]
    after = RANGE_TAIL.match(text, figure.end)
    tail = " ".join(after.group(0).split()) if after else ""
    tail = f" {tail}" if tail else ""
    for k in (4, 3, 2, 1):
        if len(words) < k:
            continue
        lead = " ".join(words[-k:]).lower()
        for phrase in (f"{lead} {figure.text}{tail}", f"{lead} {figure.text}"):
            if _readable(phrase) not in (None, "bare", "key"):
                return phrase
    return figure.text if _readable(figure.text) not in (None, "key") else None


def phrase_end(text: str, figure: Figure, phrase: str) -> int:
    """Where the guessed phrase ends in the text: past B in "between A and B"."""
    after = RANGE_TAIL.match(text, figure.end)
    if after and phrase.endswith(after.group(1)) and not phrase.endswith(figure.text):
        return after.end()
    return figure.end


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    figure: Figure
    phrase: str | None
    note: str = ""  # a comment for the editor


def _superlatives(text: str) -> list[_Candidate]:
    """ "The wettest month was December 2015": a claim on the winning group's key."""
    from factcheck.phrases import date_key

    found = []
    for match in _SUPERLATIVE.finditer(text):
        written = match.group("key").strip()
        key = date_key(written.lower().replace(",", "")) or written
        if _readable(key) not in ("key", "bare"):
            continue
        line = text.count("\n", 0, match.start()) + 1
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        figure = Figure(match.start(), match.end(), match.group(0), "word", line, col)
        note = f"the {match.group('sup')} {match.group('unit')}: by: and over: argmax (or argmin)"
        found.append(_Candidate(match.start(), match.end(), figure, key, note))
    return found


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


def _candidates(text: str) -> list[_Candidate]:
    superlatives = _superlatives(text)
    found = list(superlatives)
    consumed = 0  # B of "between A and B" is part of A's candidate, not its own
    for figure in find_figures(text):
        if figure.kind not in REQUIRED or figure.start < consumed:
            continue
        if any(s.start <= figure.start < s.end for s in superlatives):
            continue  # "the record month was 2015-12": one candidate
        if figure.text.lower() in _SUPERLATIVE_WORDS:
            note = f"'{figure.text}' needs a series: by: and over: argmax, claiming the key"
            found.append(_Candidate(figure.start, figure.end, figure, None, note))
            continue
        if figure.kind == "statement":
            note = f"'{figure.text}' compares: say with what, as a claim with a number or key"
            found.append(_Candidate(figure.start, figure.end, figure, None, note))
            continue
        phrase = guess_phrase(text, figure)
        consumed = phrase_end(text, figure, phrase) if phrase else figure.end
        note = "" if phrase else f"factcheck reads no phrase in '{figure.text}': write one"
        found.append(_Candidate(figure.start, consumed, figure, phrase, note))
    return sorted(found, key=lambda c: c.start)


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
    for candidate in _candidates(text):
        figure = candidate.figure
        where = f"{text_name}:{figure.line}:{figure.col}: {figure.text}"
        if candidate.phrase is None:  # nothing lint would accept: a comment, no claim
            lines += [f"  # {where}: {candidate.note}", ""]
            continue
        note = f" ({candidate.note})" if candidate.note else ""
        lines += [
            f"  - id: {_claim_id(candidate.phrase, taken)}",
            f"    # {where}{note}",
            f"    quote: {_yaml_string(sentence_around(text, figure, width=10_000))}",
            f"    claim: {_yaml_string(candidate.phrase)}",
            "",
        ]
    if lines[-1] == "claims:":
        lines[-1] = "claims: []"
    return "\n".join(lines).rstrip() + "\n"
