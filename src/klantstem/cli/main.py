"""The `klantstem` command. Errors from the core become one line on stderr and a non-zero exit code."""

from __future__ import annotations

import sys

import click
import typer

from klantstem.cli import customers as customers_cli
from klantstem.cli import demo, imports, process, report, serve, stats, text, users
from klantstem.cli import outreach as outreach_cli
from klantstem.cli import promises as promises_cli
from klantstem.errors import KlantstemError

app = typer.Typer(
    name="klantstem",
    help="klantstem: listen to customers, keep promises, and find what goes wrong in the service process.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(imports.app, name="import")
app.add_typer(text.app, name="text")
app.command("demo")(demo.demo)
app.command("stats")(stats.stats)
app.command("report")(report.report)
app.command("serve")(serve.serve)
app.add_typer(users.app, name="users")
app.add_typer(customers_cli.app, name="customer")
app.add_typer(promises_cli.app, name="promises")
app.add_typer(outreach_cli.app, name="outreach")
app.add_typer(process.app, name="process")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code instead of exiting (used by tests and `run`)."""
    try:
        # Without standalone mode, click returns the code of a `typer.Exit(code)` instead of exiting.
        result = app(args=argv, standalone_mode=False)
    except KlantstemError as exc:
        typer.echo(f"error: {exc}", err=True)
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return int(exc.exit_code or 0)
    except click.exceptions.Abort:
        typer.echo("aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    return result if isinstance(result, int) else 0


def run() -> None:
    sys.exit(main())
