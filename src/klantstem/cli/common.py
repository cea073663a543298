"""Options and helpers shared by the commands: the database option, output formats, printing."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from klantstem.errors import KlantstemError
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


FormatOption = Annotated[OutputFormat, typer.Option("--format", help="Output as a readable table or as JSON.")]

console = Console()
err_console = Console(stderr=True)


def settings_for(db: str | None) -> Settings:
    return Settings.from_env().with_database(db)


# What to do when a command that reads is pointed at a database file that does not exist.
MISSING_DATABASE_HINT = {
    "database_missing": "check --db and KLANTSTEM_DATABASE_URL, or make one with `klantstem demo` or an import"
}


def open_for(settings: Settings, *, create: bool = False) -> Engine:
    """The database of `settings` (made when missing only with `create`), with the command-line hint when it
    does not exist."""
    from klantstem.db.engine import open_database  # loaded by the commands that use the database only

    with hints(MISSING_DATABASE_HINT):
        return open_database(settings, create=create)


def engine_for(db: str | None, *, create: bool = False) -> Engine:
    return open_for(settings_for(db), create=create)


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@contextmanager
def hints(by_code: Mapping[str, str]) -> Iterator[None]:
    """Adds to a refusal of the core the command-line option that gets past it: the core serves the web and the
    API too, so its messages name no options; `by_code` maps an error's code to the hint."""
    try:
        yield
    except KlantstemError as exc:
        hint = by_code.get(exc.code or "")
        if hint:
            exc.args = (f"{exc}: {hint}",)
        raise
