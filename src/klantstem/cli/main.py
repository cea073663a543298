"""The `klantstem` command. Errors from the core become one line on stderr and a non-zero exit code."""

from __future__ import annotations

import sys

import typer

from klantstem.cli import customers as customers_cli
from klantstem.cli import demo, imports, process, report, serve, stats, text, users
from klantstem.cli import outreach as outreach_cli
from klantstem.cli import problems as problems_cli
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
app.add_typer(problems_cli.app, name="problems")


def _framework_class(name: str) -> type[Exception]:
    """The command-line framework's own exception class `name` (UsageError, ClickException).

    typer up to 0.2x raises click's exceptions, typer 0.29 its own copies of them; both make the public
    `typer.BadParameter` a subclass of the classes they raise, so its ancestry finds the right one either way."""
    for cls in typer.BadParameter.__mro__:
        if cls.__name__ == name and issubclass(cls, Exception):
            return cls
    raise LookupError(f"typer.BadParameter has no base class {name}")


_USAGE_ERROR = _framework_class("UsageError")
_FRAMEWORK_ERROR = _framework_class("ClickException")


def _usage_line(exc: Exception) -> str:
    """One line for a usage error: what is wrong, and where to read how to use the command."""
    message = " ".join(exc.format_message().split())  # type: ignore[attr-defined]
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "klantstem"
    return f"error: {message} (see '{command} --help')"


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code instead of exiting (used by tests and `run`).

    Every user error ends in one line on stderr: a usage error (unknown command or option, missing or bad
    argument) exits 2, a problem the core names exits with its own code. No traceback for either."""
    try:
        # Without standalone mode, the framework returns the code of a `typer.Exit(code)` instead of exiting.
        result = app(args=argv, standalone_mode=False)
    except KlantstemError as exc:
        typer.echo(f"error: {exc}", err=True)
        return exc.exit_code
    except typer.Exit as exc:
        return int(exc.exit_code or 0)
    except typer.Abort:
        typer.echo("aborted", err=True)
        return 130
    except _USAGE_ERROR as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # a group called without a command: its help
            exc.show()  # type: ignore[attr-defined]
            return 2
        typer.echo(_usage_line(exc), err=True)
        return 2
    except _FRAMEWORK_ERROR as exc:
        typer.echo(f"error: {' '.join(exc.format_message().split())}", err=True)  # type: ignore[attr-defined]
        return int(getattr(exc, "exit_code", 1)) or 1
    return result if isinstance(result, int) else 0


def run() -> None:
    sys.exit(main())
