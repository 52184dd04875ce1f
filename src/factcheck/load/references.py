"""How claims use each other's figures: names resolved, cycles refused, a judging order."""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.load.spec import OVER_KEY, ClaimSpec
from factcheck.problems import Problems


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
    return with_references(claims, claims)


def with_references(claims: list[ClaimSpec], roots: Iterable[ClaimSpec]) -> list[ClaimSpec]:
    """`roots` and every claim they reference, directly or not, each after the claims it
    uses (a reference to no claim in `claims` is skipped: the loader said so already)."""
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

    for claim in roots:
        visit(claim)
    return out
