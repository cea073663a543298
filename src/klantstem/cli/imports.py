"""`klantstem import ...`: contacts, stories and process events from files."""

from __future__ import annotations

import typer

app = typer.Typer(help="Import contacts, stories or process events; each import is all or nothing.", no_args_is_help=True)

from klantstem.cli import import_events  # noqa: E402

app.command("events")(import_events.events)
