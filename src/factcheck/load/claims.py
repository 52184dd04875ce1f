"""claims/NAME.yaml: a publication and the claims it makes, as typed specs."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from factcheck.lang.expr import Node as ExprNode
from factcheck.lang.expr import parse_expr
from factcheck.lang.where import LangError
from factcheck.load.keys import check_keys, text
from factcheck.load.limits import Limits
from factcheck.load.metric import parse_metric, shift
from factcheck.load.paths import inside, path_problem
from factcheck.load.placeholders import placeholders_in
from factcheck.load.readings import reading_nodes
from factcheck.load.spec import (
    MANUAL_VERDICTS,
    OVER_KEY,
    ROUNDING_MODES,
    ClaimSpec,
    DatasetSpec,
    ManualSpec,
    MetricSpec,
    Reading,
    Settings,
    SourceSpec,
)
from factcheck.load.yamlsrc import Map, Node, Seq, Text, load_yaml, plain, read_text_file
from factcheck.phrases import Phrase, PhraseError, Tolerance, fit, parse_claim, parse_tolerance
from factcheck.problems import Location, Problems

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_WORD = re.compile(r"^[A-Za-z0-9_.-]+$")
_FILE_KEYS = {"source", "defaults", "claims"}
_SOURCE_KEYS = {"title", "publisher", "published", "url", "text"}
_DEFAULT_KEYS = {"tolerance", "rounding"}
_CLAIM_KEYS = {
    "id", "quote", "claim", "metric", "expr", "let", "manual", "unverifiable",
    "tolerance", "rounding", "note", "tags", "proxy", "readings",
}  # fmt: skip
_METHODS = ("metric", "expr", "manual", "unverifiable")
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
    placeholders_in(tree, problems)
    if tree is None:
        if path.is_file() and not problems:
            problems.add(Location(rel, 1), "empty claims file")
        return None
    if not isinstance(tree, Map):
        problems.add(Location(rel, 1), "a claims file is a mapping with source:, claims:")
        return None
    check_keys(tree, _FILE_KEYS, {"claims"}, problems, "a claims file")
    source = _source(root, path, rel, tree.get("source"), problems, settings.limits)
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


def _source(
    root: Path, path: Path, rel: str, node: Node, problems: Problems, limits: Limits
) -> SourceSpec:
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
        why = path_problem(article)
        if why is not None:
            problems.add(article.loc, f"source text: {why}", str(article)[:80])
        elif not inside(root, target):
            problems.add(article.loc, "source text leaves the project root", str(article))
        elif not target.is_file():
            problems.add(article.loc, "source text file not found", str(article))
        else:  # coverage reads it; fail here, located (bounded as a YAML file is)
            found = Problems()
            read_text_file(target, str(article), found, limits.yaml_bytes, "yaml_bytes", limits)
            for problem in found:
                reason = problem.message.split(" (byte")[0]  # the byte offset: not of use here
                message = f"source text cannot be read: {reason}"
                problems.add(article.loc, message, str(article))
    return SourceSpec(file=rel, **{k: str(v) if v is not None else None for k, v in values.items()})


def _defaults(node: Node, settings: Settings, problems: Problems) -> tuple[Tolerance | None, str]:
    """The file's defaults, falling back on the project's [tool.factcheck.defaults]."""
    if node is None:
        return settings.tolerance, settings.rounding
    if not isinstance(node, Map):
        problems.add(getattr(node, "loc", Location("")), "'defaults' must be a mapping")
        return settings.tolerance, settings.rounding
    check_keys(node, _DEFAULT_KEYS, set(), problems, "defaults")
    tolerance = _tolerance(node, problems) or settings.tolerance
    return tolerance, _rounding(node, settings.rounding, problems)


def _tolerance(node: Map, problems: Problems) -> Tolerance | None:
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
    node: Node,
    rel: str,
    source: SourceSpec,
    tolerance: Tolerance | None,
    rounding: str,
    ctx: _Context,
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
        hint = f"; `factcheck suggest {claim_id} --dataset NAME` proposes one" * (not methods)
        problems.add(
            node.loc,
            f"{what} needs exactly one of metric, expr, manual, unverifiable (has {said}){hint}",
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
        metric = parse_metric(
            node["metric"], node.loc_of("metric"), ctx.datasets, ctx.columns, ctx.problems
        )
        ok = ok and metric is not None
    elif method == "expr":
        expr, expr_text = _expr(node, ctx)
        lets = _let(node.get("let"), node.loc_of("let"), ctx)
        ok = ok and expr is not None and lets is not None
        let = lets or {}
    elif method == "manual":
        manual = _manual(node["manual"], node.loc_of("manual"), problems)
        ok = ok and manual is not None
    elif method == "unverifiable":
        unverifiable = text(node, "unverifiable", problems, what)
        if not unverifiable:
            problems.add(node.loc_of("unverifiable"), "say why the claim cannot be checked")
            ok = False

    if phrase is not None and (metric is not None or expr is not None):
        try:  # before any data is read: a word claimed of a number, a number of a key
            phrase = fit(
                phrase, over=metric.over if metric is not None else None, expr=expr is not None
            )
        except PhraseError as exc:
            ctx.problems.add(node.loc_of("claim"), exc.message, str(node.get("claim")))
            ok = False
    claim_tolerance = _tolerance(node, problems) or tolerance
    claim_rounding = _rounding(node, rounding, problems)
    note = text(node, "note", problems, what)
    proxy = text(node, "proxy", problems, what)
    tags = _tags(node, problems)
    if not ok or claim_id is None or quote is None:
        if claim_id is not None:
            ctx.broken_ids.add(str(claim_id))
        return None
    spec = ClaimSpec(
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
        let=let,
        manual=manual,
        unverifiable=str(unverifiable) if unverifiable else None,
        tolerance=claim_tolerance,
        rounding=claim_rounding,
        note=str(note) if note else None,
        proxy=str(proxy) if proxy else None,
        tags=tags,
        raw=plain(node),
    )
    if "readings" not in node:
        return spec
    readings = []
    for label, as_read in reading_nodes(node, problems):
        other = _claim(as_read, rel, source, tolerance, rounding, ctx)
        if other is not None:
            readings.append(Reading(str(label), label.loc, other))
    if len(readings) != len(node["readings"] or ()):
        ctx.broken_ids.add(spec.id)
        return None  # every reason is recorded, at the reading's line
    return replace(spec, readings=tuple(readings))


def _render_claim(value: Node) -> str:
    if isinstance(value, Map):
        inner = ", ".join(f"{k}: {_render_claim(v)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, Seq):
        return "[" + ", ".join(_render_claim(v) for v in value) + "]"
    return "" if value is None else str(value)


def _phrase(value: Node, node: Map, method: str | None, ctx: _Context) -> Phrase | None:
    where = node.loc_of("claim")
    if value is None:
        return None  # a missing 'claim' is already reported by check_keys
    try:
        parsed = plain(value) if isinstance(value, Map | Seq) else str(value)
        return parse_claim(parsed, vague_ranges=ctx.settings.vague_ranges or None)
    except PhraseError as exc:
        # Manual and unverifiable claims are not judged by their phrase, so
        # a phrase like "record numbers" is allowed there.
        if method in ("metric", "expr"):
            ctx.problems.add(
                where, f"unreadable claim phrase: {exc.message}", exc.word or str(value)
            )
        return None


def _expr(node: Map, ctx: _Context) -> tuple[ExprNode | None, str | None]:
    raw = text(node, "expr", ctx.problems, "expr")
    if raw is None:
        ctx.problems.add(node.loc_of("expr"), "'expr' is empty")
        return None, None
    try:
        return parse_expr(str(raw)), str(raw)
    except LangError as exc:
        ctx.problems.add(shift(raw.loc, exc), f"expr: {exc.message}", exc.word)
        return None, None


def _let(node: Node, where: Location, ctx: _Context) -> dict[str, MetricSpec] | None:
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
        metric = parse_metric(value, node.loc_of(name), ctx.datasets, ctx.columns, ctx.problems)
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


def _manual(node: Node, where: Location, problems: Problems) -> ManualSpec | None:
    if not isinstance(node, Map):
        problems.add(where, "'manual' is a mapping: verdict, by, on, evidence")
        return None
    if not check_keys(node, _MANUAL_KEYS, _MANUAL_KEYS, problems, "manual"):
        return None
    values = {k: text(node, k, problems, "manual") for k in _MANUAL_KEYS}
    verdict = values["verdict"]
    if verdict is None or any(v is None for v in values.values()):
        return None
    if verdict not in MANUAL_VERDICTS:
        problems.add(verdict.loc, "a manual verdict is pass, fail or warn", str(verdict))
        return None
    return ManualSpec(**{k: str(v) for k, v in values.items()})


def _tags(node: Map, problems: Problems) -> tuple[str, ...]:
    value = node.get("tags")
    if value is None:
        return ()
    if not isinstance(value, Text | Seq):
        problems.add(node.loc_of("tags"), "'tags' is a list of words")
        return ()
    tags = []
    for tag in [value] if isinstance(value, Text) else value:
        if not isinstance(tag, Text) or not _WORD.match(tag):
            problems.add(getattr(tag, "loc", node.loc_of("tags")), "a tag is one word", str(tag))
        else:
            tags.append(str(tag))
    return tuple(tags)
