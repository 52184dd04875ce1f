"""`factcheck extract ... --dataset NAME`: each drafted claim gets its best suggestion, as a
YAML comment under its phrase. Comments only: nothing extracted is ever accepted without an
editor, so the draft still refuses to run until each claim is given its data."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.load.limits import Policy


def suggestions(
    root: Path, draft: Path, dataset: str, policy: Policy | None = None
) -> dict[str, list[str]]:
    """claim id -> comment lines: the best passing query for it, checked by `run_check`."""
    from factcheck.load.yamlsrc import Map, Seq, load_yaml
    from factcheck.problems import Problems
    from factcheck.suggest import (
        claim_yaml,
        load_frame,
        parse_phrase,
        search,
        verify,
    )

    tree = load_yaml(draft, draft.name, Problems())
    entries = tree.get("claims") if isinstance(tree, Map) else None
    frame = load_frame(root, dataset, policy)
    chosen = []
    for entry in entries if isinstance(entries, Seq) else []:
        if not isinstance(entry, Map) or not entry.get("quote"):
            continue
        best = next(
            (c for c in search(frame, str(entry["quote"]), parse_phrase(entry), None, "half_up")
             if c.verdict == "pass"),
            None,
        )  # fmt: skip
        if best is not None:
            chosen.append((dict(entry), best))
    checked = verify(root, chosen, {}, dataset, policy) if chosen else []
    out: dict[str, list[str]] = {}
    for (claim, _), (candidate, report) in zip(chosen, checked, strict=True):
        if report["verdict"] != "pass":
            continue
        why = " ".join(str(report["explanation"]).split())
        lines = [f"    # suggested on {dataset} ({report['verdict']}: {why}):"]
        lines += ["    # " + line[4:] for line in claim_yaml(candidate, dataset)]
        out[str(claim["id"])] = lines
    return out


def annotate(text: str, found: dict[str, list[str]]) -> str:
    """The draft with each claim's suggestion commented in under its `claim:` line."""
    out, current = [], None
    for line in text.splitlines():
        out.append(line)
        match = re.match(r"  - id: (\S+)", line)
        if match:
            current = match.group(1)
        elif current in found and line.startswith("    claim: "):
            out += found.pop(current)
    return "\n".join(out) + "\n"


def annotate_file(root: Path, draft: Path, dataset: str, policy: Policy | None = None) -> int:
    """Comment the suggestions into the draft (which extract has just written); how many."""
    from factcheck.output import write_atomic

    found = suggestions(root, draft, dataset, policy)
    if found:
        write_atomic(draft, annotate(draft.read_text(encoding="utf-8"), dict(found)))
    return len(found)
