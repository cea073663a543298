"""Options and helpers shared by the commands: the database option, output formats, printing."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from klantstem.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy import Engine

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLite file (default ./klantstem.db) or a database URL; overrides KLANTSTEM_DATABASE_URL.",
        show_default=False,
    ),
]


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", help="Output as a readable table or as JSON.")
]

console = Console()
err_console = Console(stderr=True)


def settings_for(db: str | None) -> Settings:
    return Settings.from_env().with_database(db)


def engine_for(db: str | None) -> Engine:
    from klantstem.db.engine import open_database  # loaded by the commands that use the database only

    return open_database(settings_for(db))


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@contextmanager
def progress_steps(what: str) -> Iterator[Callable[[str], None] | None]:
    """Progress of long work on stderr: one line naming `what`, the last step done and the time taken, gone
    when the work ends. None (nothing shown) when stderr is not a terminal, so piped output stays clean. The
    callback may be called from several threads."""
    if not err_console.is_terminal:
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task(what)
        done = [0]
        lock = threading.Lock()

        def step(name: str) -> None:
            with lock:
                done[0] += 1
                bar.update(task, description=f"{what}: {name} ({done[0]} steps done)")

        yield step
