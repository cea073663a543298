"""`klantstem import ...`: contacts, stories and process events from files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from klantstem.cli.common import (
    DbOption,
    FormatOption,
    OutputFormat,
    console,
    err_console,
    print_json,
    settings_for,
)
from klantstem.db.engine import open_database
from klantstem.imports import service as imports
from klantstem.imports.service import ImportResult, ProgressCallback

app = typer.Typer(
    help="Import contacts, stories or process events; each import is all or nothing.", no_args_is_help=True
)

FileArgument = Annotated[Path, typer.Argument(help="A .csv, .xlsx, .jsonl or .ndjson file.", show_default=False)]
MapOption = Annotated[
    list[str] | None,
    typer.Option(
        "--map", metavar="NAME=COLUMN", show_default=False,
        help="Read the known column NAME from the file's column COLUMN; repeat for more columns.",
    ),
]  # fmt: skip
SkipOption = Annotated[
    bool,
    typer.Option("--skip-invalid", help="Import the good rows and list the bad ones, instead of importing nothing."),
]
PROGRESS_FROM_LINES = 20_000
SHOWN_REJECTIONS = 50


@app.command("contacts")
def contacts(
    file: FileArgument,
    db: DbOption = None,
    map: MapOption = None,
    format: FormatOption = OutputFormat.table,
    skip_invalid: SkipOption = False,
) -> None:
    """Import contacts (calls, e-mails, letters, visits, ...); see docs/import.md for the columns."""
    _run(imports.import_contacts, file, db, map or [], skip_invalid, format)


@app.command("stories")
def stories(
    file: FileArgument,
    db: DbOption = None,
    map: MapOption = None,
    format: FormatOption = OutputFormat.table,
    skip_invalid: SkipOption = False,
) -> None:
    """Import stories with their steps (one line per step, or JSON Lines with a steps list)."""
    _run(imports.import_stories, file, db, map or [], skip_invalid, format)


def _run(
    importer: Callable[..., ImportResult],
    file: Path,
    db: str | None,
    map_options: list[str],
    skip_invalid: bool,
    format: OutputFormat,
) -> None:
    settings = settings_for(db)
    engine = open_database(settings)
    try:
        with _progress_bar() as progress:
            result = importer(engine, settings, file, map_options, skip_invalid, progress)
    finally:
        engine.dispose()
    if format is OutputFormat.json:
        print_json(result.as_dict())
    else:
        _print_result(result)


@contextmanager
def _progress_bar() -> Iterator[ProgressCallback | None]:
    """A progress callback drawing on stderr for long files, or None when stderr is not a terminal."""
    if not err_console.is_terminal:
        yield None
        return
    columns = (TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("import", total=None, visible=False)

        def update(done: int, total: int | None) -> None:
            if total is not None and total >= PROGRESS_FROM_LINES:
                bar.update(task, completed=done, total=total, visible=True)

        yield update


def _print_result(result: ImportResult) -> None:
    console.print(f"Imported {result.kind} from {result.file}", markup=False, highlight=False)
    table = Table(show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("rows read", f"{result.rows:,}")
    table.add_row(f"{result.kind} added", f"{result.added:,}")
    if result.kind == "stories":
        table.add_row("steps added", f"{result.steps_added:,}")
    table.add_row("duplicates", f"{result.duplicates:,}")
    table.add_row("rows rejected", f"{result.rejected:,}")
    if result.refused_erased:
        table.add_row("refused: erased customer", f"{result.refused_erased:,}")
    table.add_row("new customers", f"{result.customers_added:,}")
    if result.kind == "contacts":
        table.add_row("promises kept", f"{result.promises_kept:,}")
    for kind, count in result.warnings.items():
        table.add_row(f"warning: {kind}", f"{count:,}")
    table.add_row("seconds", f"{result.seconds:.1f}")
    console.print(table)
    if result.ignored_columns:
        console.print(f"Ignored columns: {', '.join(result.ignored_columns)}", markup=False)
    if result.rejections:
        _print_rejections(result)


def _print_rejections(result: ImportResult) -> None:
    table = Table(title="Rejected rows")
    table.add_column("line", justify="right")
    table.add_column("field")
    table.add_column("reason")
    for rejection in result.rejections[:SHOWN_REJECTIONS]:
        table.add_row(str(rejection.line), rejection.field or "", rejection.reason)
    console.print(table)
    hidden = len(result.rejections) - SHOWN_REJECTIONS
    if hidden > 0:
        console.print(f"... and {hidden:,} more; use --format json to see them all.")


from klantstem.cli import import_events  # noqa: E402

app.command("events")(import_events.events)
