"""`factcheck suggest ID --dataset NAME`: the data side of a claim that has none yet.

The claim is read as `factcheck extract` drafts it (a quote and a phrase, no metric), so
its claims file need not load. Candidates come from `suggest_search`, are judged by the
judge every check uses, ranked, and the best are recomputed through the real pipeline
(`run_check` on a scratch claims file under `.factcheck/`), so each printed figure and
verdict is the one `factcheck check` gives once the YAML is pasted in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from factcheck.suggest_search import (
    AGGREGATE_WORDS,
    HIGH_WORDS,
    LOW_WORDS,
    MONTHS,
    Candidate,
    filter_sets,
    filters_from_quote,
    grouped_candidates,
    metric_candidates,
    share_candidates,
    words_of,
)

if TYPE_CHECKING:  # pandas is imported only when a search runs
    import pandas as pd

    from factcheck.load.limits import Policy
    from factcheck.load.yamlsrc import Node
    from factcheck.phrases import Phrase, Tolerance

Entry = Mapping[str, "Node"]  # a claim's YAML mapping (or a file's defaults), as written
Checked = Mapping[str, object]  # a claim of the report `run_check` gives


class Found(TypedDict, total=False):
    """One candidate as `suggest --format json` writes it."""

    metric: dict[str, str]
    expr: str
    let: dict[str, dict[str, str]]
    claim: str
    actual: object
    verdict: object
    explanation: object


class Suggestion(TypedDict):
    factcheck_suggest: int
    claim: str
    file: str
    dataset: str
    quote: str
    phrase: str
    candidates: list[Found]
    _yaml: list[str]  # each candidate as the YAML to paste (text output only)


SHOWN = 5
_VERDICT_RANK = {"pass": 0, "warn": 1, "fail": 2}


class SuggestError(Exception):
    """What suggest cannot work with (no such claim or dataset, a phrase it cannot read),
    in a message that names it. A plain exception: the command (cli/suggest.py) prints it
    and exits 2, and code that calls suggest without the command line catches it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def find_claim(root: Path, claim_id: str) -> tuple[str, Entry, Entry]:
    """The claim's file, its YAML entry and the file's defaults, read without loading the
    file as a project would (a draft has no data yet, which the loader refuses)."""
    from factcheck.load.project import claims_files
    from factcheck.load.settings import load_settings
    from factcheck.load.yamlsrc import Map, Seq, load_yaml
    from factcheck.problems import Problems

    settings = load_settings(root, Problems())
    for path in claims_files(root, settings):
        rel = path.resolve().relative_to(root.resolve()).as_posix()
        tree = load_yaml(path, rel, Problems())
        if not isinstance(tree, Map):
            continue
        entries = tree.get("claims")
        for entry in entries if isinstance(entries, Seq) else []:
            if isinstance(entry, Map) and entry.get("id") == claim_id:
                defaults = tree.get("defaults")
                return rel, dict(entry), dict(defaults) if isinstance(defaults, Map) else {}
    raise SuggestError(f"no claim '{claim_id}' in {settings.claims_dir}/")


def load_frame(root: Path, name: str, policy: Policy | None = None) -> pd.DataFrame:
    """The dataset's rows, coerced by its schema when it has one that passes; `policy`
    (--no-python-schemas, --limit) as for `check`."""
    from factcheck.load.catalog import load_catalog
    from factcheck.load.settings import load_settings
    from factcheck.problems import Problems
    from factcheck.validate import load_schema, read_dataset, validate

    problems = Problems()
    settings = load_settings(root, problems, policy)
    spec = load_catalog(root, settings, problems).get(name)
    if spec is None:
        first = next(iter(problems), None)
        why = f": {first.location}: {first.message}" if first else ""
        raise SuggestError(f"no usable dataset '{name}' in the catalog{why}")
    read = Problems()  # this dataset's, within the project's limits
    if spec.database is not None:  # a table or query: its rows, read-only, within data_rows
        from factcheck.postgres import read_database

        frame, digest = read_database(spec, read, settings.limits), ""
    else:
        frame, digest = read_dataset(spec, read, settings.limits)
    if frame is None:
        why = "; ".join(p.message for p in read)
        raise SuggestError(f"cannot read {spec.rel_path}" + (f": {why}" if why else ""))
    result = validate(spec, frame, digest, load_schema(spec, problems))
    return result.frame if result.valid and result.frame is not None else frame


def parse_phrase(entry: Entry) -> Phrase | None:
    from factcheck.load.placeholders import is_placeholder
    from factcheck.phrases import PhraseError, parse_claim

    text = str(entry.get("claim") or "").strip()
    if not text or is_placeholder(text):
        return None
    try:
        return parse_claim(text)
    except PhraseError:
        return None


def judge_all(
    candidates: list[Candidate],
    phrase: Phrase | None,
    quote: str,
    tolerance: Tolerance | None,
    rounding: str,
) -> list[Candidate]:
    """Each candidate judged by factcheck's judge; a group key is judged against the claim's
    phrase, or, when the claim names no key yet, proposed when the quote names it."""
    from factcheck.phrases import NotANumber, PhraseError, judge, parse_claim

    out = []
    for c in candidates:
        is_key = c.over in ("argmax", "argmin")
        if phrase is not None and (phrase.kind == "key") != is_key:
            continue
        target = phrase
        if is_key and (phrase is None or not _same_key(c.actual, phrase.key or "")):
            if not _key_in_quote(c.actual, quote):
                continue
            c.phrase = f"'{c.actual}'"  # the key as factcheck writes it
            try:
                target = parse_claim(c.phrase)
            except PhraseError:
                continue
        if target is None:
            continue
        try:
            j = judge(target, c.actual, tolerance=tolerance, rounding=rounding)
        except (NotANumber, ArithmeticError, ValueError, TypeError):
            continue
        c.verdict, c.explanation = j.verdict, j.explanation
        out.append(c)
    return out


def _same_key(key: object, wanted: str) -> bool:
    return str(key).lower() == wanted.strip("'\" ").lower()


def _key_in_quote(key: object, quote: str) -> bool:
    """The quote names the key: "North", "2015", or "December 2015" for '2015-12'."""
    said, text = words_of(quote), str(key).lower()
    match = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if match:
        year, month = match.groups()
        name = MONTHS[int(month) - 1] if 1 <= int(month) <= 12 else ""
        return f" {name} {year} " in said
    return f" {text} " in said


def rank(c: Candidate, phrase: Phrase | None, quote: str) -> tuple[int | float | str, ...]:
    """Pass before warn before fail; then the aggregate the quote's words call for; then
    the closest figure; then the candidate that uses more of the quote's words."""
    said = quote.lower()
    named = [
        a for a, words in AGGREGATE_WORDS.items()
        if any(re.search(rf"(?<!\w){w}(?!\w)", said) for w in words)
    ]  # fmt: skip
    share_phrase = phrase is not None and (
        phrase.kind in ("fraction", "one_in") or bool(phrase.number and phrase.number.percent)
    )
    if c.whole is not None:  # a share of rows before a share of a column's sum
        preference = (0 if share_phrase else 3) + (c.column is not None)
    elif c.aggregate in named:
        preference = 0
    elif c.aggregate in ("count", "sum") and not share_phrase:
        preference = 1
    else:
        preference = 2
    # A key that accounts for more of the quote ("October 2013" as '2013-10', not
    # 'October'); a grouping under fewer filters; a plain figure under more of the quote.
    words = 2 if c.phrase and re.fullmatch(r"'\d{4}-\d{2}'", c.phrase) else 1
    filters = len(c.filters) if c.by is not None else -len(c.filters)
    distance = 0.0
    if phrase is not None and phrase.value is not None and isinstance(c.actual, int | float):
        stated = float(phrase.value) / (100 if share_phrase and phrase.percent else 1)
        distance = abs(float(c.actual) - stated) / max(abs(stated), 1e-12)
    return (_VERDICT_RANK[c.verdict], -words, preference, round(distance, 4), filters,
            c.aggregate, str(c.column), c.where() or "", str(c.by))  # fmt: skip


def search(
    frame: pd.DataFrame,
    quote: str,
    phrase: Phrase | None,
    tolerance: Tolerance | None,
    rounding: str,
) -> list[Candidate]:
    import pandas as pd

    figure = {str(phrase.value).split(".")[0]} if phrase is not None and phrase.value else set()
    numeric = [
        str(c) for c in frame.columns
        if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
    ]  # fmt: skip
    sets = filter_sets(filters_from_quote(frame, quote, figure))
    candidates = metric_candidates(frame, sets, numeric) + share_candidates(frame, sets, numeric)
    low = re.search(rf"\b(?:{LOW_WORDS})\b", quote, re.IGNORECASE) is not None
    if low or re.search(rf"\b(?:{HIGH_WORDS})\b", quote, re.IGNORECASE):
        candidates += grouped_candidates(frame, sets, numeric, low)
    judged = judge_all(candidates, phrase, quote, tolerance, rounding)
    judged.sort(key=lambda c: rank(c, phrase, quote))
    return judged


def claim_yaml(c: Candidate, dataset: str, indent: str = "    ") -> list[str]:
    """The lines to paste under the claim: its data, and its phrase when it names a key."""
    lines = [f"{indent}claim: {json.dumps(c.phrase)}"] if c.phrase else []
    if c.whole is None:
        return lines + [f"{indent}metric: {_flow(c.metric(dataset))}"]
    return lines + [
        f"{indent}expr: part / whole",
        f"{indent}let:",
        f"{indent}  part: {_flow(c.metric(dataset))}",
        f"{indent}  whole: {_flow(c.metric(dataset, c.whole))}",
    ]


def _flow(metric: dict[str, str]) -> str:
    parts = []
    for key, value in metric.items():
        plain = re.fullmatch(r"[A-Za-z_][A-Za-z0-9_()]*", value) and key != "where"
        parts.append(f"{key}: {value if plain else json.dumps(value, ensure_ascii=False)}")
    return "{" + ", ".join(parts) + "}"


def verify(
    root: Path,
    pairs: Sequence[tuple[Entry, Candidate]],
    defaults: Entry,
    dataset: str,
    policy: Policy | None = None,
) -> list[tuple[Candidate, Checked]]:
    """The candidates as a scratch claims file, checked by `run_check` as `check` would:
    the figure and verdict shown are the pipeline's own. The file is removed afterwards."""
    from factcheck.load.limits import Policy
    from factcheck.run import Options, run_check

    lines = ["source:", '  title: "factcheck suggest: scratch candidates"']
    settings = {k: defaults[k] for k in ("tolerance", "rounding") if defaults.get(k)}
    if settings:
        lines += ["defaults:"] + [f"  {k}: {json.dumps(str(v))}" for k, v in settings.items()]
    lines.append("claims:")
    for i, (entry, c) in enumerate(pairs, 1):
        lines += [f"  - id: candidate_{i}", f"    quote: {json.dumps(str(entry['quote']))}"]
        if not c.phrase:
            lines.append(f"    claim: {json.dumps(str(entry.get('claim')))}")
        for key in ("tolerance", "rounding"):
            if entry.get(key):
                lines.append(f"    {key}: {json.dumps(str(entry[key]))}")
        lines += claim_yaml(c, dataset)
    scratch = root / ".factcheck" / "suggest-candidates.yaml"
    try:
        scratch.parent.mkdir(exist_ok=True)
        scratch.write_text("\n".join(lines) + "\n", encoding="utf-8")
        outcome = run_check(Options(root=root, files=(scratch,), policy=policy or Policy()))
    except OSError as exc:
        raise SuggestError(f"cannot write the scratch file {scratch}: {exc}") from None
    finally:
        scratch.unlink(missing_ok=True)
    if outcome.report is None:
        first = next(iter(outcome.problems), None)
        raise SuggestError(f"the candidates do not load: {first.message if first else '?'}")
    claims = {c.id: c.as_dict() for c in outcome.report.claims}
    return [(c, claims[f"candidate_{i}"]) for i, (_, c) in enumerate(pairs, 1)]


def as_json(c: Candidate, checked: Checked, dataset: str) -> Found:
    out: Found = {}
    if c.whole is None:
        out["metric"] = c.metric(dataset)
    else:
        out["expr"] = "part / whole"
        out["let"] = {"part": c.metric(dataset), "whole": c.metric(dataset, c.whole)}
    if c.phrase:
        out["claim"] = c.phrase
    out["actual"] = checked["actual"]
    out["verdict"] = checked["verdict"]
    out["explanation"] = checked["explanation"]
    return out


def suggest(root: Path, claim_id: str, dataset: str, policy: Policy | None = None) -> Suggestion:
    from factcheck.phrases import parse_tolerance

    file, entry, defaults = find_claim(root, claim_id)
    if not entry.get("quote"):
        raise SuggestError(f"claim '{claim_id}' ({file}) has no quote to search with")
    phrase = parse_phrase(entry)
    quote = str(entry["quote"])
    superlative = re.search(rf"\b(?:{HIGH_WORDS}|{LOW_WORDS})\b", quote, re.IGNORECASE)
    if phrase is None and not superlative:
        raise SuggestError(
            f"claim '{claim_id}' ({file}): its phrase '{entry.get('claim')}' cannot be read; "
            'write what the quote asserts first (claim: "152", "over 20,000", "two-thirds")'
        )
    raw_tolerance = entry.get("tolerance") or defaults.get("tolerance")
    tolerance = parse_tolerance(str(raw_tolerance)) if raw_tolerance else None
    rounding = str(entry.get("rounding") or defaults.get("rounding") or "half_up")
    ranked = search(load_frame(root, dataset, policy), quote, phrase, tolerance, rounding)
    best, seen = [], set()
    for c in ranked:  # one candidate per distinct query
        text = "\n".join(claim_yaml(c, dataset))
        if text not in seen:
            seen.add(text)
            best.append(c)
        if len(best) == SHOWN:
            break
    checked = verify(root, [(entry, c) for c in best], defaults, dataset, policy) if best else []
    return {
        "factcheck_suggest": 1,
        "claim": claim_id,
        "file": file,
        "dataset": dataset,
        "quote": quote,
        "phrase": str(entry.get("claim") or ""),
        "candidates": [as_json(c, report, dataset) for c, report in checked],
        "_yaml": ["\n".join(claim_yaml(c, dataset)) for c, _ in checked],
    }


def render_text(result: Suggestion) -> str:
    from factcheck.report._common import actual, one_line

    head = (
        f'{result["claim"]} ({result["file"]}): "{one_line(result["quote"])}" claims '
        f'"{one_line(result["phrase"])}"'
    )
    if not result["candidates"]:
        return head + f"\nno query on {result['dataset']} reproduces it\n"
    lines = [head, f"best {len(result['candidates'])} on {result['dataset']}, best first:", ""]
    for i, (c, yaml) in enumerate(zip(result["candidates"], result["_yaml"], strict=True), 1):
        figure = c["actual"] if "claim" in c else actual(c["actual"])  # a key is text
        lines.append(f"  {i}. {c['verdict']}: {figure} — {one_line(c['explanation'])}")
        lines += [one_line(line) for line in yaml.splitlines()] + [""]
    lines.append(f"Paste the lines of one under `- id: {result['claim']}` in {result['file']}.")
    return "\n".join(lines) + "\n"
