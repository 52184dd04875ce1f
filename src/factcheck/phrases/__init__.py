"""What a claim asserts, and how a figure is judged under it.

- `parse.py` reads the editor's phrase ("over 20,000", "two-thirds", "более 20 тысяч",
  {gt: 20000}) into a typed `Phrase` (`model.py`) with exact Decimal values and
  granularity, by walking the kinds' readers; `numbers.py` reads a number, `ru.py`
  (the Russian lexicon) rewrites Russian into English with the kinds' Russian readers,
  `lexicon.py` holds the English words of numbers, fractions and quantities.
- `kinds/` holds one unit per phrase kind: its words and readers in English and Russian,
  its verdict with a one-line explanation, its rule in words and its passing band.
- `table.py` registers every kind once, collects their readers in order, and judges a
  figure under a phrase.
"""

from factcheck.phrases.fit import fit
from factcheck.phrases.kinds.base import (
    ROUNDINGS,
    Judgement,
    NotANumber,
    as_figure,
)
from factcheck.phrases.lexicon import FRACTION_WORDS, VAGUE_RANGES
from factcheck.phrases.model import (
    DEFAULT_TOLERANCE,
    MAX_DIGITS,
    NotAKey,
    Number,
    Phrase,
    PhraseError,
    Tolerance,
    parse_tolerance,
)
from factcheck.phrases.parse import as_key, date_key, parse_claim
from factcheck.phrases.table import HEDGES, KINDS, describe_rule, judge

__all__ = [
    "DEFAULT_TOLERANCE",
    "FRACTION_WORDS",
    "HEDGES",
    "KINDS",
    "MAX_DIGITS",
    "ROUNDINGS",
    "Judgement",
    "NotAKey",
    "NotANumber",
    "Number",
    "Phrase",
    "PhraseError",
    "Tolerance",
    "VAGUE_RANGES",
    "as_figure",
    "as_key",
    "date_key",
    "describe_rule",
    "fit",
    "judge",
    "parse_claim",
    "parse_tolerance",
]
