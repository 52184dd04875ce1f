"""The phrase table's judge, under the name judging.py and older code import.

It lives in `factcheck.phrases` (kinds/ and table.py): each phrase kind's verdict, line
and rule beside its words. This module only re-exports it.
"""

from factcheck.phrases import (
    ROUNDINGS,
    Judgement,
    NotANumber,
    as_figure,
    describe_rule,
    judge,
)

__all__ = ["ROUNDINGS", "Judgement", "NotANumber", "as_figure", "describe_rule", "judge"]
