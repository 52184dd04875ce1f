"""Kept only so code written against the old name still imports: the phrase table is
`factcheck.phrases` (kinds/ and table.py). New code imports from there."""

from factcheck.phrases import ROUNDINGS, Judgement, NotANumber, as_figure, describe_rule, judge

__all__ = ["ROUNDINGS", "Judgement", "NotANumber", "as_figure", "describe_rule", "judge"]
