"""The command line: the `factcheck` group and `register_commands`, which adds every
command in one place.

Every command is a module-level `@click.command` in a module of this package (check;
lint and list; coverage and extract; replay; lock, history and diff; gx-export; init;
schema; suggest), and no stage holds a command: a command module reads its options,
calls its stage and prints. The modules are imported by `register_commands`, when the
CLI runs, so that `import factcheck.cli` stays light (tests/test_import_cost.py).
"""

from __future__ import annotations

import click

from factcheck import __version__, gcpolicy


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Check the numbers in published journalism against validated data."""


def register_commands() -> None:
    """Add every command to the group: this is the one place that lists them.

    Imported here, not at the top, so that `import factcheck.cli` imports no command
    module; adding a command twice is harmless."""
    from factcheck.cli.check import check
    from factcheck.cli.coverage import coverage, extract
    from factcheck.cli.drift import diff, history, lock
    from factcheck.cli.gx_export import gx_export
    from factcheck.cli.init import init
    from factcheck.cli.lint import lint, list_claims
    from factcheck.cli.replay import replay
    from factcheck.cli.schema import schema
    from factcheck.cli.suggest import suggest_command

    commands = (check, lint, list_claims, coverage, extract, replay, lock, history, diff)
    for command in (*commands, gx_export, init, schema, suggest_command):
        cli.add_command(command)


def main() -> None:
    gcpolicy.for_cli()
    register_commands()
    cli(prog_name="factcheck")
