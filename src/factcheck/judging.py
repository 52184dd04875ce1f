"""Judge: turn computed metrics into one verdict per claim, with its computation.

Claims are judged in dependency order, so a claim whose expression names
another claim sees that claim's actual figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from factcheck.engines.base import Figure as Computed
from factcheck.engines.base import Key, MetricResult
from factcheck.load.spec import (
    OVER_GROUPS,
    OVER_KEY,
    ClaimSpec,
    MetricSpec,
    Reading,
    datasets_behind,
)
from factcheck.phrases import NotANumber, as_figure, describe_rule
from factcheck.plan import MetricKey, metric_key
from factcheck.results import (
    Band,
    ClaimResult,
    Computation,
    Evidence,
    Figure,
    ManualCheck,
    MetricDetail,
    ReadingResult,
    Scalar,
    Verdict,
)

if TYPE_CHECKING:
    from factcheck.load.spec import DatasetSpec
    from factcheck.phrases.kinds.base import Judgement
    from factcheck.validate import DatasetResult

# A claim's figure as judged: one computed value, or one per group.
Value = Computed | dict[str, Computed]


class ClaimError(Exception):
    """A claim whose figure cannot be computed: reported as `error`, never raised further."""


class Selection(Protocol):
    """Which claims the run was asked for (run.Options)."""

    select: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Known:
    """A judged claim's figure, for the expressions of claims that use it."""

    value: Value
    circular: bool


def judge_claims(
    claims: list[ClaimSpec],
    needed: set[str],
    options: Selection,
    computed: dict[MetricKey, MetricResult],
    datasets: dict[str, DatasetResult],
) -> dict[str, ClaimResult]:
    actuals: dict[str, Known] = {}  # claim id -> its number, for other claims' expressions
    entries: dict[str, ClaimResult] = {}
    by_id = {c.id: c for c in claims}
    for claim in claims:
        entry = _base_entry(claim, by_id)
        entries[claim.id] = entry
        if not claim.selected(options.select, options.tags) and claim.id not in needed:
            _set(entry, Verdict.SKIP, "not selected", reason="not selected")
            continue
        if claim.kind == "unverifiable":
            _set(
                entry,
                Verdict.SKIP,
                f"unverifiable: {claim.unverifiable}",
                reason=claim.unverifiable,
            )
            continue
        if claim.kind == "manual":
            _manual(entry, claim)
            continue
        try:
            _judge_computed(claim, entry, computed, datasets, actuals)
        except ClaimError as exc:
            _set(entry, Verdict.ERROR, str(exc))
        if not claim.selected(options.select, options.tags) and entry.verdict != Verdict.ERROR:
            # Computed only because a selected claim uses its figure.
            entry.verdict, entry.reason = Verdict.SKIP, "not selected (computed for another claim)"
            entry.evidence = None
    return entries


def _evidence(claim: ClaimSpec, circular: bool) -> Evidence:
    """How strongly the data can settle a computed claim: circular data is the article
    itself, a declared proxy stands in for the subject, anything else is direct."""
    if circular:
        return Evidence.CIRCULAR
    return Evidence.PROXY if claim.proxy else Evidence.DIRECT


def _proxy_cap(claim: ClaimSpec, verdict: Verdict, explanation: str) -> tuple[Verdict, str]:
    """Stand-in data settles nothing either way (contract section 8): a pass and a fail
    both become warn, saying which way the proxy points."""
    said = f"({claim.proxy}): {explanation}"
    if verdict == Verdict.PASS:
        return Verdict.WARN, f"proxy data supports the claim {said}"
    if verdict == Verdict.FAIL:
        return Verdict.WARN, f"proxy data points against the claim {said}"
    return verdict, f"proxy data {said}"


def _base_entry(claim: ClaimSpec, by_id: dict[str, ClaimSpec]) -> ClaimResult:
    computed = claim.kind in ("metric", "expr")
    return ClaimResult(
        id=claim.id,
        file=claim.file,
        line=claim.loc.line,
        quote=claim.quote,
        claim=claim.claim_text,
        evidence=Evidence.MANUAL if claim.kind == "manual" else None,
        kind=claim.kind,
        rule=describe_rule(claim.phrase) if claim.phrase is not None and computed else None,
        tags=list(claim.tags),
        note=claim.note,
        proxy=claim.proxy,
        # Through the claims it uses too: a derived figure moves when their data does.
        datasets=sorted(datasets_behind(claim, by_id)),
    )


def _set(
    entry: ClaimResult, verdict: Verdict | str, explanation: str, reason: str | None = None
) -> None:
    entry.verdict = Verdict(verdict)
    entry.explanation = explanation
    if reason is not None:
        entry.reason = reason


def _manual(entry: ClaimResult, claim: ClaimSpec) -> None:
    manual = claim.manual
    assert manual is not None
    entry.manual = ManualCheck(manual.verdict, manual.by, manual.on, manual.evidence)
    _set(
        entry,
        manual.verdict,
        f"checked by hand by {manual.by} on {manual.on}: {manual.verdict}; evidence: "
        f"{manual.evidence}",
    )


def _judge_computed(
    claim: ClaimSpec,
    entry: ClaimResult,
    computed: dict[MetricKey, MetricResult],
    datasets: dict[str, DatasetResult],
    actuals: dict[str, Known],
) -> None:
    # Known before any figure: an errored claim still says what its data could show.
    entry.circular = _circular(claim, datasets, actuals)
    entry.evidence = _evidence(claim, entry.circular)
    actual, judgement, over = _read(claim, computed, datasets, actuals, entry)
    verdict, explanation = Verdict(judgement.verdict), judgement.explanation
    if claim.readings:
        entry.readings = [_other_reading(r, computed, datasets, actuals) for r in claim.readings]
        verdict, explanation = combine_readings(verdict, explanation, entry.readings)
    if claim.proxy:
        verdict, explanation = _proxy_cap(claim, verdict, explanation)
    if entry.circular:
        explanation = "circular: the only data is a relay of this very publication; " + explanation
    _set(entry, verdict, explanation)
    entry.actual = reported(actual)
    entry.rule = judgement.rule
    entry.rounding = judgement.rounding_passes
    if judgement.low is not None or judgement.high is not None:
        entry.band = Band(judgement.low, judgement.high)
    if not isinstance(actual, dict) and over not in OVER_KEY:
        actuals[claim.id] = Known(actual, entry.circular)


def _read(
    claim: ClaimSpec,
    computed: dict[MetricKey, MetricResult],
    datasets: dict[str, DatasetResult],
    actuals: dict[str, Known],
    entry: ClaimResult | None = None,
) -> tuple[Value, Judgement, str | None]:
    """The claim's figure and its judgement (and the `over` it was judged by); the
    computation goes into `entry` when given. Raises ClaimError."""
    from factcheck.phrases import judge

    computation = Computation(expr=claim.expr_text)
    values: dict[str, Value] = {}
    for name, metric in claim.metrics().items():
        detail = MetricDetail.from_dict({"name": name, **metric.describe()})
        values[name] = _metric_value(metric, detail, computed, datasets)
        computation.metrics.append(detail)
    steps = computation.steps  # filled by the expression, when there is one
    if entry is not None:
        entry.computation = computation

    if claim.expr is not None:
        from factcheck.lang.expr import EvalError, evaluate

        missing = [name for name in claim.expr_references() if name not in actuals]
        if missing:
            raise ClaimError(f"uses claim '{missing[0]}', whose figure could not be computed")
        env = {**{k: v.value for k, v in actuals.items()}, **values}
        try:
            evaluation = evaluate(claim.expr, env)
        except EvalError as exc:
            raise ClaimError(str(exc)) from None
        actual: Value = evaluation.value
        steps.extend(evaluation.steps)
        over = None
    else:
        actual = values["value"]
        over = claim.metric.over if claim.metric is not None else None

    if claim.phrase is None:  # the loader reads the phrase of every claim it lets be computed
        raise ClaimError("has no phrase to judge its figure by")
    try:
        judgement = judge(
            claim.phrase,
            actual,
            over=over if over in OVER_GROUPS else None,
            tolerance=claim.tolerance,
            rounding=claim.rounding,
        )
    except NotANumber as exc:
        raise ClaimError(f"'{claim.claim_text}' needs a number; {exc}") from None
    return actual, judgement, over


def _other_reading(
    reading: Reading,
    computed: dict[MetricKey, MetricResult],
    datasets: dict[str, DatasetResult],
    actuals: dict[str, Known],
) -> ReadingResult:
    """One listed reading's figure and verdict, as the report shows it under the claim."""
    label, phrase = reading.label, reading.claim.claim_text
    try:
        actual, judgement, _ = _read(reading.claim, computed, datasets, actuals)
    except ClaimError as exc:
        return ReadingResult(label, phrase, None, Verdict.ERROR, str(exc))
    return ReadingResult(
        label, phrase, reported(actual), Verdict(judgement.verdict), judgement.explanation
    )


# How a reading's verdict reads in "depends on the reading: <label> passes, <label> fails".
_READS = {
    "pass": "passes",
    "warn": "passes loosely",
    "fail": "fails",
    "error": "cannot be computed",
}
OWN_READING = "as written"


def combine_readings(
    verdict: Verdict, explanation: str, readings: list[ReadingResult]
) -> tuple[Verdict, str]:
    """Contract section 8: pass only when the claim's own reading and every listed one
    pass, fail only when all fail, otherwise warn naming what each reading does. A reading
    that cannot be computed leaves the claim undecided: error."""
    verdicts = [verdict, *(r.verdict for r in readings)]
    labels = ", ".join(r.label for r in readings)
    broken = next((r for r in readings if r.verdict == Verdict.ERROR), None)
    if broken is not None:
        return Verdict.ERROR, f"reading '{broken.label}' cannot be computed: {broken.explanation}"
    if len(set(verdicts)) == 1:
        return verdict, f"{explanation}; every other reading {_READS[verdict]} too ({labels})"
    said = [f"{OWN_READING} {_READS[verdict]}"]
    said += [f"{r.label} {_READS[r.verdict]}" for r in readings]
    return Verdict.WARN, "depends on the reading: " + ", ".join(said)


def _metric_value(
    metric: MetricSpec,
    detail: MetricDetail,
    computed: dict[MetricKey, MetricResult],
    datasets: dict[str, DatasetResult],
) -> Value:
    """The metric's value as the claim uses it; what was computed goes into `detail`."""
    dataset = datasets[metric.dataset]
    if not dataset.valid:
        checks = len(dataset.failures)
        raise ClaimError(
            f"dataset '{metric.dataset}' failed its schema ({checks} failing "
            f"check{'s' if checks != 1 else ''}); its figures are not used"
        )
    result = computed[metric_key(metric)]
    if result.error:
        raise ClaimError(f"cannot compute {metric.aggregate} of '{metric.dataset}': {result.error}")
    detail.rows = result.rows
    filtered = f" matching {metric.where_text}" if metric.where_text else ""
    if result.rows == 0:
        raise ClaimError(f"no rows of '{metric.dataset}'{filtered}: nothing to {metric.aggregate}")
    if result.groups is None:
        if result.value is None:
            raise ClaimError(
                f"{metric.aggregate}({metric.column}) of '{metric.dataset}'"
                f"{filtered} is empty (all values missing)"
            )
        detail.value = _scalar(result.value)
        return result.value
    groups = {k: v for k, v in result.groups.items()}
    detail.groups = {str(k): _scalar(v) for k, v in groups.items()}
    missing = [str(k) for k, v in groups.items() if v is None]
    if missing:
        raise ClaimError(
            f"{metric.aggregate}({metric.column}) is empty in group(s) " + ", ".join(missing)
        )
    value = _over(metric.over or "each", groups)
    detail.value = reported(value)
    return value


def _over(over: str, groups: dict[Key, Computed]) -> Value:
    """Turn a metric's groups into the value the claim is judged on."""
    import statistics

    if over in OVER_GROUPS:
        return {str(k): v for k, v in groups.items()}
    if over in ("min", "max"):  # of numbers, or of text or dates (the latest date)
        return (min if over == "min" else max)(groups.values(), key=_order)
    values = [_number(over, k, v) for k, v in groups.items()]
    if over == "sum":
        return sum(values)
    if over == "mean":
        return statistics.fmean(values)
    if over == "median":
        decimals = [v for v in values if isinstance(v, Decimal)]
        if len(decimals) == len(values):  # a DECIMAL column: exact, as Python gives it
            return statistics.median(decimals)
        plain: list[float] = [float(v) if isinstance(v, Decimal) else v for v in values]
        return statistics.median(plain)
    best = max if over == "argmax" else min
    # The winner is chosen among figures as judged (12 significant digits), so float noise
    # never picks a different group, or breaks a tie, on one engine and not another.
    figures = {k: as_figure(v) for k, v in zip(groups, values, strict=True)}
    target = best(figures.values())
    winners = [k for k, v in figures.items() if v == target]
    if len(winners) > 1:
        raise ClaimError(f"{over} is a tie between groups " + ", ".join(map(str, winners)))
    return winners[0]


def _circular(
    claim: ClaimSpec, datasets: dict[str, DatasetResult], actuals: dict[str, Known]
) -> bool:
    """True when everything behind the figure is reported data citing this very publication:
    its own datasets, and every claim it uses (which were judged first, transitively)."""
    names = {m.dataset for m in claim.metrics().values()}
    refs = [actuals[name] for name in claim.expr_references() if name in actuals]
    if not names and not refs:
        return False
    own = all(_cites_source(datasets[n].spec, claim) for n in names)
    return own and all(ref.circular for ref in refs)


def _cites_source(spec: DatasetSpec, claim: ClaimSpec) -> bool:
    prov = spec.provenance
    if prov is None or prov.kind != "reported" or not prov.cites:
        return False
    cited = prov.cites.strip().rstrip("/").lower()
    source = claim.source
    own = {x.strip().rstrip("/").lower() for x in (source.url, source.title) if x}
    return cited in own


def _order(value: Computed) -> tuple[int, float | str]:
    """min/max over groups, as Python compares them: numbers by value, text and dates by
    their text (a column holds one kind, so kinds never meet)."""
    if isinstance(value, int | float | Decimal):
        return 0, float(value)
    return 1, "" if value is None else value.isoformat() if isinstance(value, date) else str(value)


def _number(over: str, key: Key, value: Computed) -> float | int | Decimal:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    raise ClaimError(f"{over} needs numbers; group {key} is {value!r}")


def _scalar(value: Computed) -> Scalar:
    """A computed value as the report holds it: a Decimal as its float, a date as its
    ISO text (JSON has neither)."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def reported(value: Value) -> Figure:
    """A claim's figure as the report holds it (see _scalar)."""
    if isinstance(value, dict):
        return {k: _scalar(v) for k, v in value.items()}
    return _scalar(value)
