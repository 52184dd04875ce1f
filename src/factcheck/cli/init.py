"""`factcheck init [DIR]`: a project skeleton, written by init_project.py."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command(name="init")
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Start a project in DIRECTORY (default: here) that `factcheck check` passes at once.

    Writes an example catalog, a small synthetic dataset and its schema, an article and
    a claims file checking it, `.gitignore` (.factcheck/) and a pyproject table. Never
    overwrites a file.
    """
    from factcheck.init_project import init_project

    try:
        said = init_project(directory)
    except OSError as exc:
        click.echo(f"Error: cannot write in {directory}: {exc.strerror or exc}", err=True)
        sys.exit(2)
    for line in said:
        click.echo(line)
    where = "" if directory == Path(".") else f" --root {directory}"
    click.echo(
        f"next: factcheck check{where}   (then replace the example with your article: "
        "see README, 'From an article to an annotated report')"
    )
