"""claims/NAME.yaml: a publication and the claims it makes, as typed specs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from factcheck.lang.expr import parse_expr
from factcheck.lang.where import LangError, parse_by, parse_where, where_columns
from factcheck.load.keys import check_keys, text
from factcheck.load.paths import inside
from factcheck.load.spec import (
    AGGREGATES,
    MANUAL_VERDICTS,
    OVER_KEY,
    OVER_MODES,
    ROUNDING_MODES,
    ClaimSpec,
    DatasetSpec,
    ManualSpec,
    MetricSpec,
    Settings,
    SourceSpec,
)
from factcheck.load.yamlsrc import Map, Seq, Text, load_yaml
from factcheck.phrases import PhraseError, as_key, parse_claim, parse_tolerance
from factcheck.problems import Location, Problems

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_WORD = re.compile(r"^[A-Za-z0-9_.-]+$")
_FILE_KEYS = {"source", "defaults", "claims"}
_SOURCE_KEYS = {"title", "publisher", "published", "url", "text"}
_DEFAULT_KEYS = {"tolerance", "rounding"}
_CLAIM_KEYS = {
    "id", "quote", "claim", "metric", "expr", "let", "manual", "unverifiable",
    "tolerance", "rounding", "note", "tags", "proxy",
}  # fmt: skip
_METHODS = ("metric", "expr", "manual", "unverifiable")
_METRIC_KEYS = {"dataset", "aggregate", "column", "where", "by", "over"}
_MANUAL_KEYS = {"verdict", "by", "on", "evidence"}


class _Context:
    """What every claim of one file is checked against."""

    def __init__(
        self,
        datasets: dict[str, DatasetSpec],
        columns: dict[str, list[str]],
        settings: Settings,
        problems: Problems,
    ) -> None:
        self.datasets = datasets
        self.columns = columns
        self.settings = settings
        self.problems = problems
        self.broken_ids: set[str] = set()  # claims that failed to load: not "unknown" names


def load_claims_file(
    root: Path,
    path: Path,
    settings: Settings,
    datasets: dict[str, DatasetSpec],
    columns: dict[str, list[str]],
    problems: Problems,
    broken_ids: set[str] | None = None,
) -> tuple[SourceSpec, list[ClaimSpec]] | None:
    rel = path.resolve().relative_to(root).as_posix()
    tree = load_yaml(path, rel, problems, settings.limits)
    if tree is None:
        if path.is_file() and not problems:
            problems.add(Location(rel, 1), "empty claims file")
        return None
    if not isinstance(tree, Map):
        problems.add(Location(rel, 1), "a claims file is a mapping with source:, claims:")
        return None
    check_keys(tree, _FILE_KEYS, {"claims"}, problems, "a claims file")
    source = _source(root, path, rel, tree.get("source"), problems)
    tolerance, rounding = _defaults(tree.get("defaults"), settings, problems)
    entries = tree.get("claims")
    if entries is None:
        return None
    if not isinstance(entries, Seq):
        problems.add(tree.loc_of("claims"), "'claims' must be a list of claims")
        return None
    ctx = _Context(datasets, columns, settings, problems)
    if broken_ids is not None:
        ctx.broken_ids = broken_ids
    claims = []
    for entry in entries:
        claim = _claim(entry, rel, source, tolerance, rounding, ctx)
        if claim is not None:
            claims.append(claim)
    if not entries:
        problems.add(tree.loc_of("claims"), "'claims' is empty")
    return source, claims


def _source(root: Path, path: Path, rel: str, node: Any, problems: Problems) -> SourceSpec:
    if node is None:
        return SourceSpec(file=rel)
    if not isinstance(node, Map):
        problems.add(Location(rel, 1), "'source' must be a mapping (title, publisher, url...)")
        return SourceSpec(file=rel)
    check_keys(node, _SOURCE_KEYS, set(), problems, "source")
    values = {k: text(node, k, problems, "source") for k in _SOURCE_KEYS}
    article = values["text"]
    if article is not None:
        target = path.parent / article
        if not inside(root, target):
            problems.add(article.loc, "source text leaves the project root", str(article))
        elif not target.is_file():
            problems.add(article.loc, "source text file not found", str(article))
        else:
            try:
                target.read_text(encoding="utf-8")  # coverage reads it; fail here, located
            except (OSError, UnicodeDecodeError) as exc:
                reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else str(exc)
                problems.add(article.loc, f"source text cannot be read: {reason}", str(article))
    return SourceSpec(file=rel, **{k: str(v) if v is not None else None for k, v in values.items()})


def _defaults(node: Any, settings: Settings, problems: Problems) -> tuple[Any, str]:
    """The file's defaults, falling back on the project's [tool.factcheck.defaults]."""
    if node is None:
        return settings.tolerance, settings.rounding
    if not isinstance(node, Map):
        problems.add(getattr(node, "loc", Location("")), "'defaults' must be a mapping")
        return settings.tolerance, settings.rounding
    check_keys(node, _DEFAULT_KEYS, set(), problems, "defaults")
    tolerance = _tolerance(node, problems) or settings.tolerance
    return tolerance, _rounding(node, settings.rounding, problems)


def _tolerance(node: Map, problems: Problems) -> Any:
    value = text(node, "tolerance", problems, "tolerance")
    if value is None:
        return None
    try:
        return parse_tolerance(str(value))
    except PhraseError as exc:
        problems.add(value.loc, f"unreadable tolerance: {exc.message}", exc.word or str(value))
        return None


def _rounding(node: Map, default: str, problems: Problems) -> str:
    value = text(node, "rounding", problems, "rounding")
    if value is None:
        return default
    if value not in ROUNDING_MODES:
        problems.add(value.loc, "rounding must be half_up or down", str(value))
        return default
    return str(value)


def _claim(
    node: Any, rel: str, source: SourceSpec, tolerance: Any, rounding: str, ctx: _Context
) -> ClaimSpec | None:
    problems = ctx.problems
    if not isinstance(node, Map):
        where = getattr(node, "loc", Location(rel))
        problems.add(where, "each claim must be a mapping with id, quote, claim and a method")
        return None
    ok = check_keys(node, _CLAIM_KEYS, {"id", "quote", "claim"}, problems, "a claim")
    claim_id = text(node, "id", problems, "a claim")
    if claim_id is not None and not _ID.match(claim_id):
        problems.add(claim_id.loc, "a claim id is lower-case letters, digits and _", claim_id)
        ok = False
    what = f"claim '{claim_id}'"
    quote = text(node, "quote", problems, what)
    methods = [m for m in _METHODS if m in node]
    if not methods and set(node) - _CLAIM_KEYS:
        pass  # an unknown key (a misspelt `metirc`) already says what is wrong
    elif len(methods) != 1:
        said = ", ".join(methods) if methods else "none"
        problems.add(
            node.loc,
            f"{what} needs exactly one of metric, expr, manual, unverifiable (has {said})",
            claim_id,
        )
        ok = False
    if "let" in node and "expr" not in node:
        problems.add(node.loc_of("let"), f"'let' in {what} goes with 'expr'", "let")
        ok = False

    method = methods[0] if len(methods) == 1 else None
    claim_value = node.get("claim")
    phrase = _phrase(claim_value, node, method, ctx)
    if phrase is None and method in ("metric", "expr"):
        ok = False

    metric = expr = expr_text = manual = unverifiable = None
    let: dict[str, MetricSpec] = {}
    if method == "metric":
        metric = _metric(node["metric"], node.loc_of("metric"), ctx)
        ok = ok and metric is not None
    elif method == "expr":
        expr, expr_text = _expr(node, ctx)
        let = _let(node.get("let"), node.loc_of("let"), ctx)
        ok = ok and expr is not None and let is not None
    elif method == "manual":
        manual = _manual(node["manual"], node.loc_of("manual"), problems)
        ok = ok and manual is not None
    elif method == "unverifiable":
        unverifiable = text(node, "unverifiable", problems, what)
        if not unverifiable:
            problems.add(node.loc_of("unverifiable"), "say why the claim cannot be checked")
            ok = False

    if metric is not None and phrase is not None:
        ok = _check_key_phrase(phrase, metric, node, ctx) and ok
        if metric.over in OVER_KEY and phrase.kind == "bare":
            phrase = as_key(phrase)  # `2024` names a group here, it is not a count
    claim_tolerance = _tolerance(node, problems) or tolerance
    claim_rounding = _rounding(node, rounding, problems)
    note = text(node, "note", problems, what)
    proxy = text(node, "proxy", problems, what)
    tags = _tags(node, problems)
    if not ok or claim_id is None or quote is None:
        if claim_id is not None:
            ctx.broken_ids.add(str(claim_id))
        return None
    return ClaimSpec(
        id=str(claim_id),
        file=rel,
        loc=node.loc,
        quote=str(quote),
        claim_text=_render_claim(claim_value),
        phrase=phrase,
        source=source,
        metric=metric,
        expr=expr,
        expr_text=expr_text,
        expr_loc=node.loc_of("expr") if expr is not None else None,
        let=let or {},
        manual=manual,
        unverifiable=str(unverifiable) if unverifiable else None,
        tolerance=claim_tolerance,
        rounding=claim_rounding,
        note=str(note) if note else None,
        proxy=str(proxy) if proxy else None,
        tags=tags,
        raw=_plain(node),
    )


def _plain(value: Any) -> Any:
    """The claim's YAML as plain data (for fingerprints and explicit maps)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return None if value is None else str(value)


def _render_claim(value: Any) -> str:
    if isinstance(value, Map):
        inner = ", ".join(f"{k}: {_render_claim(v)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, Seq):
        return "[" + ", ".join(_render_claim(v) for v in value) + "]"
    return "" if value is None else str(value)


def _phrase(value: Any, node: Map, method: str | None, ctx: _Context) -> Any:
    where = node.loc_of("claim")
    if value is None:
        return None  # a missing 'claim' is already reported by check_keys
    try:
        parsed = _plain(value) if isinstance(value, Map | Seq) else str(value)
        return parse_claim(parsed, vague_ranges=ctx.settings.vague_ranges or None)
    except PhraseError as exc:
        # Manual and unverifiable claims are not judged by their phrase, so
        # a phrase like "record numbers" is allowed there.
        if method in ("metric", "expr"):
            ctx.problems.add(where, f"unreadable claim phrase: {exc.message}", exc.word or value)
        return None


def _check_key_phrase(phrase: Any, metric: MetricSpec, node: Map, ctx: _Context) -> bool:
    is_key = phrase.kind == "key" or (metric.over in OVER_KEY and phrase.kind == "bare")
    if is_key and metric.over not in OVER_KEY:
        ctx.problems.add(
            node.loc_of("claim"),
            "a word claim needs by: and over: argmax or argmin",
            str(node.get("claim")),
        )
        return False
    if not is_key and metric.over in OVER_KEY:
        ctx.problems.add(
            node.loc_of("claim"),
            f"over: {metric.over} gives a group key; claim the key (e.g. UA)",
            str(node.get("claim")),
        )
        return False
    return True


def _metric(node: Any, where: Location, ctx: _Context) -> MetricSpec | None:
    problems = ctx.problems
    if not isinstance(node, Map):
        problems.add(where, "a metric is a mapping: dataset, aggregate, column, where, by, over")
        return None
    ok = check_keys(node, _METRIC_KEYS, {"dataset"}, problems, "metric")
    dataset = text(node, "dataset", problems, "metric")
    columns: list[str] | None = None
    if dataset is not None:
        if dataset not in ctx.datasets:
            known = ", ".join(sorted(ctx.datasets)) or "none"
            problems.add(dataset.loc, f"unknown dataset (catalog has: {known})", str(dataset))
            ok = False
        else:
            columns = ctx.columns.get(str(dataset)) or None
    aggregate = text(node, "aggregate", problems, "metric") or "count"
    if aggregate not in AGGREGATES:
        problems.add(
            node.loc_of("aggregate"),
            "unknown aggregate (" + ", ".join(AGGREGATES) + ")",
            str(aggregate),
        )
        ok = False
    column = text(node, "column", problems, "metric")
    if column is None and aggregate != "count":
        problems.add(node.loc, f"aggregate '{aggregate}' needs a column", str(aggregate))
        ok = False
    if column is not None:
        ok = _known_column(str(column), column.loc, dataset, columns, problems) and ok

    where_node = where_text = None
    raw_where = text(node, "where", problems, "metric")
    if raw_where is not None:
        try:
            where_node = parse_where(str(raw_where))
            where_text = str(raw_where)
            for name in sorted(where_columns(where_node)):
                ok = _known_column(name, raw_where.loc, dataset, columns, problems) and ok
        except LangError as exc:
            problems.add(_shift(raw_where.loc, exc), f"where: {exc.message}", exc.word)
            ok = False

    by_node = by_text = None
    raw_by = text(node, "by", problems, "metric")
    if raw_by is not None:
        try:
            by_node = parse_by(str(raw_by))
            by_text = str(raw_by)
            ok = _known_column(by_node.column, raw_by.loc, dataset, columns, problems) and ok
        except LangError as exc:
            problems.add(_shift(raw_by.loc, exc), f"by: {exc.message}", exc.word)
            ok = False

    over = text(node, "over", problems, "metric")
    if over is not None:
        if over not in OVER_MODES:
            problems.add(over.loc, "unknown over (" + ", ".join(OVER_MODES) + ")", str(over))
            ok = False
        elif raw_by is None:
            problems.add(over.loc, "'over' needs 'by' (the groups it goes over)", str(over))
            ok = False
    elif raw_by is not None:
        over = Text("each", raw_by.loc)
    if not ok or dataset is None:
        return None
    return MetricSpec(
        dataset=str(dataset),
        aggregate=str(aggregate),
        column=str(column) if column is not None else None,
        where=where_node,
        where_text=where_text,
        by=by_node,
        by_text=by_text,
        over=str(over) if over is not None else None,
        loc=node.loc,
    )


def _shift(loc: Location, exc: LangError) -> Location:
    """Point at the offending word inside a one-line value."""
    col = getattr(exc, "column", None)
    if loc.col and col:
        return Location(loc.file, loc.line, loc.col + col - 1)
    return loc


def _known_column(
    name: str, where: Location, dataset: Any, columns: list[str] | None, problems: Problems
) -> bool:
    if columns is None or name in columns:
        return True
    import difflib

    near = difflib.get_close_matches(name, columns, n=1)
    hint = f"; did you mean '{near[0]}'?" if near else ""
    problems.add(where, f"unknown column of dataset '{dataset}'{hint}", name)
    return False


def _expr(node: Map, ctx: _Context) -> tuple[Any, str | None]:
    raw = text(node, "expr", ctx.problems, "expr")
    if raw is None:
        ctx.problems.add(node.loc_of("expr"), "'expr' is empty")
        return None, None
    try:
        return parse_expr(str(raw)), str(raw)
    except LangError as exc:
        ctx.problems.add(_shift(raw.loc, exc), f"expr: {exc.message}", exc.word)
        return None, None


def _let(node: Any, where: Location, ctx: _Context) -> dict[str, MetricSpec] | None:
    if node is None:
        return {}
    if not isinstance(node, Map):
        ctx.problems.add(where, "'let' maps names to metrics")
        return None
    out: dict[str, MetricSpec] = {}
    ok = True
    for name, value in node.items():
        if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", name):
            ctx.problems.add(node.loc_of(name), "a let name is a word", name)
            ok = False
            continue
        metric = _metric(value, node.loc_of(name), ctx)
        if metric is None:
            ok = False
        elif metric.over in ("each", "any") or metric.over in OVER_KEY:
            ctx.problems.add(
                node.loc_of(name),
                f"'{name}' must be one number; over '{metric.over}' gives groups or a key",
                metric.over,
            )
            ok = False
        else:
            out[name] = metric
    return out if ok else None


def _manual(node: Any, where: Location, problems: Problems) -> ManualSpec | None:
    if not isinstance(node, Map):
        problems.add(where, "'manual' is a mapping: verdict, by, on, evidence")
        return None
    if not check_keys(node, _MANUAL_KEYS, _MANUAL_KEYS, problems, "manual"):
        return None
    values = {k: text(node, k, problems, "manual") for k in _MANUAL_KEYS}
    if any(v is None for v in values.values()):
        return None
    if values["verdict"] not in MANUAL_VERDICTS:
        problems.add(
            values["verdict"].loc, "a manual verdict is pass, fail or warn", str(values["verdict"])
        )
        return None
    return ManualSpec(**{k: str(v) for k, v in values.items()})


def _tags(node: Map, problems: Problems) -> tuple[str, ...]:
    value = node.get("tags")
    if value is None:
        return ()
    if isinstance(value, Text):
        value = [value]
    if not isinstance(value, list):
        problems.add(node.loc_of("tags"), "'tags' is a list of words")
        return ()
    tags = []
    for tag in value:
        if not isinstance(tag, Text) or not _WORD.match(tag):
            problems.add(getattr(tag, "loc", node.loc_of("tags")), "a tag is one word", str(tag))
        else:
            tags.append(str(tag))
    return tuple(tags)


def resolve_references(
    claims: list[ClaimSpec], problems: Problems, broken_ids: set[str] | None = None
) -> None:
    """Check every expr name resolves, and that claims do not reference each other in a cycle.

    Names of claims that failed to load are not reported again as unknown.
    """
    by_id = {c.id: c for c in claims}
    graph: dict[str, list[str]] = {}
    for claim in claims:
        if claim.expr is None:
            continue
        where = claim.expr_loc or claim.loc
        refs = []
        for name in claim.references():
            target = by_id.get(name)
            if target is None and name in (broken_ids or ()):
                continue
            if target is None:
                problems.add(where, "unknown name in expr (not in let, not a claim id)", name)
            elif target.kind not in ("metric", "expr"):
                problems.add(
                    claim.loc,
                    f"expr uses claim '{name}', which has no computed "
                    "figure (manual or unverifiable)",
                    name,
                )
            elif target.metric is not None and target.metric.over in ("each", "any", *OVER_KEY):
                problems.add(
                    claim.loc,
                    f"expr uses claim '{name}', whose figure is groups or a key, not one number",
                    name,
                )
            else:
                refs.append(name)
        graph[claim.id] = refs
    for cycle in _cycles(graph):
        first = by_id[cycle[0]]
        problems.add(
            first.loc,
            "claims reference each other in a cycle: " + " -> ".join([*cycle, cycle[0]]),
            cycle[0],
        )


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        path.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                found.append(path[path.index(nxt) :])
            elif nxt not in state:
                visit(nxt, path)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return found


def dependency_order(claims: list[ClaimSpec]) -> list[ClaimSpec]:
    """Claims ordered so that every referenced claim comes before its users."""
    by_id = {c.id: c for c in claims}
    done: set[str] = set()
    out: list[ClaimSpec] = []

    def visit(claim: ClaimSpec) -> None:
        if claim.id in done:
            return
        done.add(claim.id)
        for name in claim.references():
            if name in by_id:
                visit(by_id[name])
        out.append(claim)

    for claim in claims:
        visit(claim)
    return out
