"""The `klantstem` command. Errors from the core become one line on stderr and a non-zero exit code.

Each command's module is imported only when that command runs: `klantstem --help` lists the commands from the
registry below (name, module, and the one-line help that module's command carries; a test keeps the two equal),
so it never loads pandas, Ibis, scikit-learn, Alembic or the demo."""

from __future__ import annotations

import importlib
import sys
from typing import Any, NamedTuple

import typer
from typer.core import TyperCommand, TyperGroup

from klantstem.errors import KlantstemError


class Entry(NamedTuple):
    module: str
    attribute: str  # a Typer app (a group of commands) or a command function
    help: str


# The commands in the order `--help` lists them: single commands first, then the groups.
COMMANDS: dict[str, Entry] = {
    "demo": Entry(
        "klantstem.cli.demo",
        "demo",
        "Build the demo organisation: customers, contacts in all channels, stories, promises and an event log.",
    ),
    "stats": Entry("klantstem.cli.stats", "stats", "Counts per table, per channel and per month."),
    "report": Entry(
        "klantstem.cli.report",
        "report",
        "The management report: key takeaways first, then structural problems, how customers judged each step, "
        "the voice of the process, promises, repeat contacts and what was done.",
    ),
    "serve": Entry("klantstem.cli.serve", "serve", "Start the web application (Dutch and English) on the database."),
    "worker": Entry(
        "klantstem.cli.worker",
        "worker",
        "Run the scheduled analyses: each job when its interval has passed, once across every process on the "
        "database (so a worker next to `klantstem serve` does no work twice). Ctrl+C stops it.",
    ),
    "import": Entry(
        "klantstem.cli.imports",
        "app",
        "Import contacts (also from e-mail and WhatsApp chats), stories or process events; each import is all or "
        "nothing.",
    ),
    "text": Entry(
        "klantstem.cli.text", "app", "Dutch and English text analysis: appraisal, facets, facts; train on labels."
    ),
    "users": Entry("klantstem.cli.users", "app", "Staff users of the web application and their roles."),
    "customer": Entry(
        "klantstem.cli.customers",
        "app",
        "Customers: the story so far, duplicates, merges, delegates, export and erasure.",
    ),
    "promises": Entry(
        "klantstem.cli.promises", "app", "Promises made to customers: due times, kept or broken, kept rates."
    ),
    "outreach": Entry("klantstem.cli.outreach", "app", "The contact guard: never ask a customer the same thing twice."),
    "process": Entry(
        "klantstem.cli.process", "app", "Analyse service-process event logs: lead times, waits, hand-overs."
    ),
    "problems": Entry(
        "klantstem.cli.problems",
        "app",
        "Structural problems: detect, own, fix, verify, and tell every customer who reported them.",
    ),
}


class _Listed(TyperCommand):
    """A command as the root's help lists it, before its module is imported."""


def load_command(name: str) -> Any:
    """The framework's command (or group) for the registered command `name`, importing its module."""
    entry = COMMANDS[name]
    target = getattr(importlib.import_module(entry.module), entry.attribute)
    command: Any
    if isinstance(target, typer.Typer):
        command = typer.main.get_group(target)  # a group even when it holds one command (process analyze)
    else:
        single = typer.Typer(add_completion=False)
        single.command(name)(target)
        command = typer.main.get_command(single)
    command.name = name
    return command


class _LazyGroup(TyperGroup):
    """The root group: commands are placeholders until one is run (or asked for its own help)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._listing = False
        for name, entry in COMMANDS.items():
            self.commands[name] = _Listed(name=name, help=entry.help, callback=None)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = self.commands.get(cmd_name)
        if isinstance(command, _Listed) and not self._listing:
            command = self.commands[cmd_name] = load_command(cmd_name)
        return command


app = typer.Typer(
    name="klantstem",
    cls=_LazyGroup,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """klantstem: listen to customers, keep promises, and find what goes wrong in the service process."""


def _framework_class(name: str) -> type[Exception]:
    """The command-line framework's own exception class `name` (UsageError, ClickException).

    Older typers raise click's exceptions, newer ones their own copies of them; both make the public
    `typer.BadParameter` a subclass of the classes they raise, so its ancestry finds the right one either way."""
    for cls in typer.BadParameter.__mro__:
        if cls.__name__ == name and issubclass(cls, Exception):
            return cls
    raise LookupError(f"typer.BadParameter has no base class {name}")


_USAGE_ERROR = _framework_class("UsageError")
_FRAMEWORK_ERROR = _framework_class("ClickException")


def _command_path(argv: list[str]) -> str:
    """The command that `argv` names ("klantstem customer show"), read from the words before its first option."""
    path: list[str] = ["klantstem"]
    command: Any = typer.main.get_group(app)
    for word in argv:
        if not isinstance(command, TyperGroup) or word not in command.commands:
            break
        path.append(word)
        command = command.get_command(None, word)  # type: ignore[arg-type]
    return " ".join(path)


def _usage_line(exc: Exception, argv: list[str]) -> str:
    """One line for a usage error: what is wrong, and where to read how to use the command. An option given
    without its value is refused before the command has a context; the words of the command line name it then."""
    message = " ".join(exc.format_message().split())  # type: ignore[attr-defined]
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else _command_path(argv)
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
        typer.echo(_usage_line(exc, sys.argv[1:] if argv is None else argv), err=True)
        return 2
    except _FRAMEWORK_ERROR as exc:
        typer.echo(f"error: {' '.join(exc.format_message().split())}", err=True)  # type: ignore[attr-defined]
        return int(getattr(exc, "exit_code", 1)) or 1
    return result if isinstance(result, int) else 0


def run() -> None:
    sys.exit(main())
