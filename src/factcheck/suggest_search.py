"""The search behind `factcheck suggest`: which query over a dataset reproduces a figure?

Candidates are built from the data and the quote, in the style of AggChecker (Jo et al.,
SIGMOD 2019): filters from words of the quote that are values of a column ("Adelie" ->
`species = 'Adelie'`), years and months of the quote on date columns, every aggregate of
every numeric column under each filter, shares of a filtered part in its whole when the
phrase is a percentage or a fraction, and groupings with argmax/argmin when the quote has a
superlative ("wettest", "highest", "record"). Each candidate's figure is computed here with
pandas only to rank it, judged by factcheck's own judge; `factcheck suggest` then recomputes
the best through the real pipeline (`run_check`), so what it prints is what `check` says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported only when a search runs
    import pandas as pd

AGGREGATES = ("count", "sum", "mean", "median", "max", "min")
AGGREGATE_WORDS = {  # whole words (or word stems, for Russian) that name an aggregate
    "mean": ("average", "mean", "per", "a day", "each day", r"средн\w*"),
    "median": ("median", "typical", r"медиан\w*"),
    "sum": ("total", "in all", "altogether", "combined", "sum", "всего", "в сумме"),
    "max": ("highest", "maximum", "peak", "largest", "heaviest", "longest", "biggest"),
    "min": ("lowest", "minimum", "smallest", "lightest", "shortest"),
}
HIGH_WORDS = r"most|highest|largest|biggest|greatest|record|peak|top|wettest|hottest|busiest"
LOW_WORDS = r"least|lowest|smallest|fewest|driest|coldest|quietest|minimum"
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")  # fmt: skip
MAX_CATEGORIES = 200  # a text column with more distinct values is not searched for words


@dataclass(frozen=True)
class Filter:
    column: str
    sql: str  # as written in `where`
    mask: pd.Series = field(compare=False, hash=False, repr=False)  # the rows it keeps


@dataclass
class Candidate:
    """A query: one metric, or a share `part / whole`; `key` when it names a group."""

    aggregate: str
    column: str | None
    filters: tuple[Filter, ...]
    by: str | None = None
    over: str | None = None
    whole: tuple[Filter, ...] | None = None  # a share: the part's filters minus one
    actual: object = None  # a figure, or a group's key
    verdict: str = "fail"
    explanation: str = ""
    phrase: str | None = None  # a key claim's phrase, when the claim names a group

    def where(self, filters: tuple[Filter, ...] | None = None) -> str | None:
        chosen = self.filters if filters is None else filters
        return " and ".join(f.sql for f in chosen) or None

    def metric(self, dataset: str, filters: tuple[Filter, ...] | None = None) -> dict[str, str]:
        out = {"dataset": dataset}
        if self.aggregate != "count":
            out["aggregate"] = self.aggregate
        if self.column is not None:
            out["column"] = self.column
        where = self.where(filters)
        if where:
            out["where"] = where
        if self.by is not None:
            out["by"] = self.by
            out["over"] = self.over or "each"
        return out


def _sql_string(value: str) -> str | None:
    return None if "'" in value or "\\" in value else f"'{value}'"


def _name(column: str) -> str:
    return column if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", column) else f'"{column}"'


def words_of(quote: str) -> str:
    return " " + " ".join(re.findall(r"\w+(?:[-']\w+)*", quote.lower())) + " "


def filters_from_quote(frame: pd.DataFrame, quote: str, figure_numbers: set[str]) -> list[Filter]:
    """Filters an editor's words imply: column values named in the quote, years and months
    of the quote on date columns. The figure's own number is never a filter."""
    import pandas as pd

    said = words_of(quote)
    out: list[Filter] = []
    for column in frame.columns:
        series = frame[column]
        name = _name(str(column))
        if pd.api.types.is_datetime64_any_dtype(series):
            out += _date_filters(series, name, quote, figure_numbers)
            continue
        if pd.api.types.is_bool_dtype(series):
            continue
        values = series.dropna().unique()
        if len(values) > MAX_CATEGORIES:
            continue
        for value in values:
            text = str(value.item() if hasattr(value, "item") else value)
            if pd.api.types.is_numeric_dtype(series):
                if not float(value).is_integer() or text in figure_numbers:
                    continue
                text = str(int(float(value)))
                literal: str | None = text
            else:
                literal = _sql_string(text)
            if literal and len(text) >= 2 and f" {text.lower()} " in said:
                out.append(Filter(str(column), f"{name} = {literal}", series == value))
    return out


def _date_filters(
    series: pd.Series, name: str, quote: str, figure_numbers: set[str]
) -> list[Filter]:
    out = []
    lower = quote.lower()
    for month, year in re.findall(r"\b(" + "|".join(MONTHS) + r")\s+(\d{4})\b", lower):
        m = MONTHS.index(month) + 1
        start = f"{year}-{m:02d}-01"
        end = (series.dt.year == int(year)) & (series.dt.month == m)
        last = f"{year}-{m:02d}-{_days_in(int(year), m):02d}"
        out.append(Filter(str(name), f"{name} between '{start}' and '{last}'", end))
    for year in sorted(set(re.findall(r"\b(1[89]\d\d|20\d\d)\b", quote)) - figure_numbers):
        mask = series.dt.year == int(year)
        out.append(Filter(str(name), f"{name} between '{year}-01-01' and '{year}-12-31'", mask))
    return out


def _days_in(year: int, month: int) -> int:
    import calendar

    return calendar.monthrange(year, month)[1]


def filter_sets(filters: list[Filter]) -> list[tuple[Filter, ...]]:
    """No filter, each filter, and each pair on two different columns."""
    sets: list[tuple[Filter, ...]] = [()] + [(f,) for f in filters]
    sets += [(a, b) for a, b in combinations(filters, 2) if a.column != b.column]
    return sets


def _mask(frame: pd.DataFrame, filters: tuple[Filter, ...]) -> pd.Series | None:
    mask: pd.Series | None = None
    for f in filters:
        mask = f.mask if mask is None else mask & f.mask
    return mask


def _value(frame: pd.DataFrame, aggregate: str, column: str | None) -> object:
    if aggregate == "count":
        return len(frame) if column is None else int(frame[column].notna().sum())
    series = frame[column].dropna()
    if series.empty:
        return None
    return getattr(series, aggregate)().item()


def measures(numeric: list[str]) -> list[str]:
    """Numeric columns worth adding up: not identifiers (`id`, `case_id`) nor years."""
    return [c for c in numeric if not re.search(r"(?:^|_)(?:id|year)$|^id", c.lower())]


def metric_candidates(
    frame: pd.DataFrame, sets: list[tuple[Filter, ...]], numeric: list[str]
) -> list[Candidate]:
    out = []
    for filters in sets:
        mask = _mask(frame, filters)
        rows = frame if mask is None else frame[mask]
        out.append(Candidate("count", None, filters, actual=len(rows)))
        for column in measures(numeric):
            for aggregate in AGGREGATES[1:]:
                value = _value(rows, aggregate, column)
                if value is not None:
                    out.append(Candidate(aggregate, column, filters, actual=value))
    return out


def share_candidates(
    frame: pd.DataFrame, sets: list[tuple[Filter, ...]], numeric: list[str]
) -> list[Candidate]:
    """part / whole: the part's filters, the whole those filters but one (or every row)."""
    out = []
    for filters in sets:
        if not filters:
            continue
        part_mask = _mask(frame, filters)
        for dropped in filters:
            whole = tuple(f for f in filters if f is not dropped)
            whole_mask = _mask(frame, whole)
            whole_rows = frame if whole_mask is None else frame[whole_mask]
            part_rows = frame[part_mask]
            if len(whole_rows):
                share = len(part_rows) / len(whole_rows)
                out.append(Candidate("count", None, filters, whole=whole, actual=share))
            for column in measures(numeric):
                total = whole_rows[column].sum()
                if total:
                    value = (part_rows[column].sum() / total).item()
                    out.append(Candidate("sum", column, filters, whole=whole, actual=value))
    return out


def group_keys(frame: pd.DataFrame) -> list[tuple[str, pd.Series]]:
    """`by` texts with the key of each row: text columns, and years, months, months of the
    year of date columns (keys as factcheck writes them: 2015, '2015-12', 'December')."""
    import pandas as pd

    out = []
    for column in frame.columns:
        series = frame[column]
        name = _name(str(column))
        if pd.api.types.is_datetime64_any_dtype(series):
            out.append((f"year({name})", series.dt.year))
            out.append((f"month({name})", series.dt.strftime("%Y-%m")))
            out.append(
                (
                    f"month_of_year({name})",
                    series.dt.month.map(lambda m: MONTHS[m - 1].title() if m == m else None),
                )
            )
        elif not pd.api.types.is_numeric_dtype(series) and series.nunique() <= MAX_CATEGORIES:
            out.append((name, series))
        elif pd.api.types.is_integer_dtype(series) and 1 < series.nunique() <= 60:
            out.append((name, series))  # a year or a code column
    return out


def grouped_candidates(
    frame: pd.DataFrame, sets: list[tuple[Filter, ...]], numeric: list[str], low: bool
) -> list[Candidate]:
    """Groupings for a superlative: the winning key (argmax/argmin) and the winning value."""
    over = "argmin" if low else "argmax"
    out = []
    for by, keys in group_keys(frame):
        for filters in sets[:8]:  # groupings under the simplest filters only
            mask = _mask(frame, filters)
            rows = frame if mask is None else frame[mask]
            grouped = rows.groupby(keys.loc[rows.index], dropna=True)
            series_by_agg: list[tuple[str, str | None, pd.Series]]
            series_by_agg = [("count", None, grouped.size())]
            series_by_agg += [
                (a, c, getattr(grouped[c], a)())
                for c in measures(numeric)
                for a in ("sum", "mean", "max")
            ]
            for aggregate, column, values in series_by_agg:
                values = values.dropna()
                if len(values) < 2:  # one group wins by default: no superlative in that
                    continue
                key = values.idxmin() if low else values.idxmax()
                pick = values.min() if low else values.max()
                out.append(
                    Candidate(aggregate, column, filters, by=by, over=over, actual=_key(key))
                )
                out.append(
                    Candidate(
                        aggregate,
                        column,
                        filters,
                        by=by,
                        over="min" if low else "max",
                        actual=pick.item(),
                    )
                )
    return out


def _key(key: object) -> object:
    value = key.item() if hasattr(key, "item") else key
    return int(value) if isinstance(value, float) and value.is_integer() else value
