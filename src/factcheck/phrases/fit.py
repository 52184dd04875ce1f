"""Does a phrase fit the figure it is judged on? Checked as the claims are loaded, before
any data is read, so `lint` refuses what `check` would: a word claimed of a number, or a
number claimed of a group key."""

from __future__ import annotations

from factcheck.load.spec import OVER_KEY
from factcheck.phrases.model import Phrase, PhraseError
from factcheck.phrases.parse import as_key


def fit(phrase: Phrase, *, over: str | None, expr: bool = False) -> Phrase:
    """The phrase as it will be judged (`2024` under argmax names a group); PhraseError,
    naming the phrase, when it does not fit. `over` is the metric's; `expr` says the
    figure comes from an expression (always a number)."""
    said = phrase.text.strip()
    if over in OVER_KEY:
        if phrase.kind == "bare":
            return as_key(phrase)
        if phrase.kind != "key":
            raise PhraseError(f"over: {over} gives a group key; claim the key (e.g. UA)", said)
        return phrase
    if phrase.kind != "key":
        return phrase
    if expr:
        raise PhraseError(
            f"'{said}' is a word, but an expr gives a number: claim a number "
            "(38, over 20,000, two-thirds, twice)",
            said,
        )
    raise PhraseError("a word claim needs by: and over: argmax or argmin", said)
