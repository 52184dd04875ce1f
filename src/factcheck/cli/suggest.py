"""`factcheck suggest ID --dataset NAME`: queries that reproduce a claim's figure
(suggest.py searches and ranks them)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from factcheck.cli.common import ROOT_OPTION, echo, policy_of, trust_options


@click.command(name="suggest")
@ROOT_OPTION
@click.argument("claim_id", metavar="ID")
@click.option("--dataset", required=True, metavar="NAME", help="The dataset to search.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@trust_options
def suggest_command(
    root: Path,
    claim_id: str,
    dataset: str,
    fmt: str,
    no_python_schemas: bool,
    limits: tuple[tuple[str, int], ...],
) -> None:
    """Propose the data side of claim ID: queries on DATASET that reproduce its figure.

    Prints the best five as YAML to paste, each with the figure and verdict `check`
    gives it. Exit 0 when one passes, 1 when none does, 2 on a problem.
    """
    from factcheck.suggest import SuggestError, render_text, suggest

    try:
        result = suggest(root, claim_id, dataset, policy_of(no_python_schemas, limits))
    except SuggestError as exc:
        echo(f"Error: {exc.message}", err=True)
        sys.exit(2)
    if fmt == "json":
        payload = {k: v for k, v in result.items() if not k.startswith("_")}
        echo(json.dumps(payload, indent=2, ensure_ascii=False, default=str), block=True)
    else:
        echo(render_text(result), nl=False, block=True)
    passed = any(c["verdict"] == "pass" for c in result["candidates"])
    sys.exit(0 if passed else 1)
