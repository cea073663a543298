"""`klantstem demo`: build the seeded Dutch demo organisation, then show what it built and what to run next."""

from __future__ import annotations

import time
from typing import Annotated, Any

import typer
from rich.table import Table

from klantstem.cli.common import DbOption, console, engine_for, err_console, hints, settings_for
from klantstem.cli.serve import run_server
from klantstem.demo import service as demo_service
from klantstem.users import service as users_service

# commands worth running on the demo: (command path, arguments, options, what it does); printed only when the
# command exists and takes exactly these arguments
NEXT_STEPS: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str], ...] = (
    (("stats",), (), (), "counts per table, channel and month"),
    (("customer", "show"), ("1",), (), "the story so far of customer 1"),
    (("customers", "show"), ("1",), (), "the story so far of customer 1"),
    (("promises", "overdue"), (), (), "promises past their due time"),
    (("promises", "stats"), (), (), "the kept rate per kind of promise, department and third party"),
    (("process", "analyze"), (), (), "lead times, waits, hand-overs and ping-pong in the demo's event log"),
    (("problems", "detect"), (), (), "structural problems and incidents, each with its owner and reasons"),
    (
        ("users", "add"),
        ("you@example.org",),
        ("--name", "'Your Name'", "--role", "admin"),
        "someone who can sign in to the web application",
    ),
    (("serve",), (), (), "the web application"),
)

# what the command line adds to the core's refusals: the options that get past them
_HINTS = {
    "demo_present": "run with --force to rebuild it",
    "demo_not_alone": "use a new --db",
    "database_not_empty": "choose another --db",
}
DEFAULT_UNTIL = demo_service.DEFAULT_UNTIL.isoformat()
SeedOption = Annotated[int, typer.Option("--seed", help="Seed of the generator: the same seed gives the same data.")]
UntilOption = Annotated[
    str, typer.Option("--until", help="Last day of the demo's year (YYYY-MM-DD); all dates are anchored on it.")
]
ScaleOption = Annotated[
    float,
    typer.Option("--scale", min=0.01, max=10.0, help="Size relative to the default organisation (2,000 customers)."),
]
ServeOption = Annotated[bool, typer.Option("--serve", help="Start the web application on the demo afterwards.")]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Rebuild when the database holds a previous demo and nothing else.")
]


def demo(
    ctx: typer.Context,
    db: DbOption = None,
    seed: SeedOption = demo_service.DEFAULT_SEED,
    until: UntilOption = DEFAULT_UNTIL,
    scale: ScaleOption = 1.0,
    force: ForceOption = False,
    serve: ServeOption = False,
) -> None:
    """Build the demo organisation: customers, contacts in all channels, stories, promises and an event log."""
    anchor = demo_service.parse_until(until)
    size = demo_service.DemoSize().scaled(scale)
    engine = engine_for(db, create=True)
    started = time.perf_counter()
    with err_console.status("Building the demo organisation…"), hints(_HINTS):
        report = demo_service.build_demo(engine, seed=seed, until=anchor, size=size, force=force)
    seconds = time.perf_counter() - started
    table = Table(title=f"Demo organisation Dijkzicht Groep (seed {report.seed}, year up to {report.until})")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in report.counts.items():
        table.add_row(name, f"{count:,}")
    console.print(table)
    console.print(f"Built in {seconds:.1f} s.")
    _print_next_steps(ctx.find_root(), db)
    if serve:
        accounts = users_service.add_demo_accounts(engine)
        console.print(f"Demo accounts (password {users_service.DEMO_PASSWORD!r}):")
        for email, role in accounts:
            console.print(f"  {role:<12} {email}")
        run_server(settings_for(db))


def _print_next_steps(root: Any, db: str | None) -> None:
    lines: list[str] = []
    for path, arguments, options, purpose in NEXT_STEPS:
        command = _find(root, path)
        if command is None or _required_arguments(command) != len(arguments):
            continue
        words = ["klantstem", *path, *arguments, *options]
        if db and any("--db" in param.opts for param in command.params):
            words += ["--db", db]
        lines.append(f"  {' '.join(words):<48} {purpose}")
    if lines:
        typer.echo("Next:")
        for line in lines:
            typer.echo(line)


def _find(root: Any, path: tuple[str, ...]) -> Any:
    """The command at `path` below the root context's group, or None (duck-typed: Typer may vendor its own click;
    the root loads a command's module when asked for it)."""
    command = root.command
    for name in path:
        get = getattr(command, "get_command", None)
        command = get(root, name) if get is not None else None
        if command is None:
            return None
    return command


def _required_arguments(command: Any) -> int:
    return sum(1 for p in command.params if p.param_type_name == "argument" and p.required)
