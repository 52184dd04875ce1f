"""`factcheck schema DATASET`: a first pandera YAML schema, inferred by infer_schema.py."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from factcheck.cli.common import ROOT_OPTION, echo
from factcheck.load.paths import inside


@click.command(name="schema")
@ROOT_OPTION
@click.argument("dataset")
@click.option(
    "-o", "--output", default=None, metavar="PATH",
    help="Write here instead (never over a file); '-' prints it.",
)  # fmt: skip
def schema(root: Path, dataset: str, output: str | None) -> None:
    """Infer a pandera YAML schema for DATASET from its data, and say what to tighten.

    Writes schemas/NAME.yaml (the catalog's schema name, else DATASET) unless a schema
    by that name exists: an existing schema is never overwritten.
    """
    from factcheck.data import read_frame
    from factcheck.infer_schema import LocateError, infer, locate
    from factcheck.output import write_atomic

    try:
        path, target_rel, name = locate(root, dataset)
    except LocateError as exc:  # the library's error, the command's message and exit code
        echo(f"Error: {exc.message}", err=True)
        sys.exit(2)
    try:
        frame = read_frame(path)
    except Exception as exc:  # a reader error is a property of the user's file
        echo(f"Error: cannot read {path.name}: {type(exc).__name__}: {exc}", err=True)
        sys.exit(2)
    inferred = infer(frame, name)
    if output == "-":
        echo(inferred.yaml, nl=False, block=True)
    else:
        target = Path(output) if output else root / target_rel
        # lexists: a symbolic link, even one to nothing, is never written through (it could
        # lead anywhere: `schemas/x.yaml -> ~/.bashrc`), as for reports and drafts.
        existing = [p for p in (target, target.with_suffix(".py")) if os.path.lexists(p)]
        if existing:
            link = " (a symbolic link)" if existing[0].is_symlink() else ""
            echo(
                f"Error: {existing[0]} exists{link}; factcheck schema never overwrites a schema "
                "(-o PATH writes elsewhere, -o - prints it)",
                err=True,
            )
            sys.exit(2)
        if not output and not inside(root, target.parent):
            echo(f"Error: {target.parent} leads outside the project root (a symlink)", err=True)
            sys.exit(2)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, inferred.yaml)
        echo(f"wrote {target} ({len(frame.columns)} columns, {len(frame)} rows)")
    echo("Tighten what the data alone cannot tell:", err=output == "-")
    for line in inferred.advice:
        echo(f"  - {line}", err=output == "-")
