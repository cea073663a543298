"""`klantstem import events FILE`: process events from XES, XES.gz, CSV or Parquet, streaming."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from klantstem.cli.common import DbOption, FormatOption, OutputFormat, console, open_for, print_json, settings_for
from klantstem.cli.progress import ProgressOption, counter
from klantstem.events import service


def _column(flag: str, what: str) -> object:
    return typer.Option(flag, help=f"Column (CSV/Parquet) or XES key holding the {what}.", show_default=False)


def events(
    file: Annotated[Path, typer.Argument(help="Event log: .xes, .xes.gz, .csv(.gz) or .parquet.", show_default=False)],
    db: DbOption = None,
    log_name: Annotated[
        str | None, typer.Option("--log-name", help="Name of the log in the database (default: the file name).")
    ] = None,
    case: Annotated[str | None, _column("--case", "case id")] = None,
    activity: Annotated[str | None, _column("--activity", "activity")] = None,
    timestamp: Annotated[str | None, _column("--timestamp", "time of the event")] = None,
    lifecycle: Annotated[str | None, _column("--lifecycle", "lifecycle or sub-status")] = None,
    resource: Annotated[str | None, _column("--resource", "person who did the step")] = None,
    team: Annotated[str | None, _column("--team", "team or group")] = None,
    status: Annotated[str | None, _column("--status", "status")] = None,
    format: FormatOption = OutputFormat.table,
    progress: ProgressOption = None,
) -> None:
    """Import process events, all or nothing; importing the same file again adds nothing."""
    settings = settings_for(db)
    engine = open_for(settings, create=True)
    columns = {
        "case": case,
        "activity": activity,
        "timestamp": timestamp,
        "lifecycle": lifecycle,
        "resource": resource,
        "team": team,
        "status": status,
    }
    try:
        json_result = format is OutputFormat.json
        with counter(f"reading {file.name}", progress, unit="bytes", json_result=json_result) as advance:
            result = service.import_events(
                engine, file, columns=columns, log_name=log_name, settings=settings, progress=advance
            )
    finally:
        engine.dispose()
    if format is OutputFormat.json:
        print_json(result.as_dict())
        return
    table = Table(title=f"Imported {result.file} as log {result.log_name!r}")
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in (
        ("events in file", result.events),
        ("added", result.added),
        ("duplicate (already imported)", result.duplicates),
        ("rejected", result.rejected),
        ("events linked to a case", result.cases_linked),
        ("promises kept", result.promises_kept),
        *((f"warning: {kind}", n) for kind, n in result.warnings.items()),
    ):
        table.add_row(label, f"{value:,}")
    console.print(table)
