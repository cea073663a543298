"""`klantstem import ...`: contacts (also from e-mail and WhatsApp chats), stories and process events from files."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from sqlalchemy import Engine

from klantstem.cli import progress
from klantstem.cli.common import (
    DbOption,
    FormatOption,
    OutputFormat,
    console,
    hints,
    open_for,
    print_json,
    settings_for,
)
from klantstem.cli.progress import ProgressOption
from klantstem.imports import service as imports
from klantstem.imports.service import ImportResult, Rejection
from klantstem.settings import Settings

app = typer.Typer(
    help="Import contacts (also from e-mail and WhatsApp chats), stories or process events; each import is all "
    "or nothing.",
    no_args_is_help=True,
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
    progress: ProgressOption = None,
) -> None:
    """Import contacts (calls, e-mails, letters, visits, ...); see docs/import.md for the columns."""
    _run(imports.import_contacts, file, db, map or [], skip_invalid, format, progress)


@app.command("stories")
def stories(
    file: FileArgument,
    db: DbOption = None,
    map: MapOption = None,
    format: FormatOption = OutputFormat.table,
    skip_invalid: SkipOption = False,
    progress: ProgressOption = None,
) -> None:
    """Import stories with their steps (one line per step, or JSON Lines with a steps list)."""
    _run(imports.import_stories, file, db, map or [], skip_invalid, format, progress)


class DateOrder(StrEnum):
    dmy = "dmy"
    mdy = "mdy"


@app.command("mail")
def mail(
    path: Annotated[
        Path, typer.Argument(help="A .eml file, a folder of .eml files, an mbox file or a Maildir.", show_default=False)
    ],
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    skip_invalid: SkipOption = False,
    progress: ProgressOption = None,
) -> None:
    """Import e-mail as contacts: one per message, threads tied together; see docs/import.md."""

    def importer(engine: Engine, settings: Settings, file: Path, _: object, skip: bool, progress: Any) -> ImportResult:
        return imports.import_mail(engine, settings, file, skip, progress)

    _run(importer, path, db, [], skip_invalid, format, progress)


@app.command("whatsapp")
def whatsapp(
    file: Annotated[Path, typer.Argument(help="A WhatsApp chat export: the .txt, or the .zip.", show_default=False)],
    customer: Annotated[
        str | None,
        typer.Option(
            help="The customer of the chat, when it shows no phone number: a customer reference, "
            "an e-mail address or a +phone number.",
            show_default=False,
        ),
    ] = None,
    date_order: Annotated[
        DateOrder | None,
        typer.Option(
            help="dmy (27-08-2020) or mdy (08/27/2020), when the file's dates do not decide it.", show_default=False
        ),
    ] = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    skip_invalid: SkipOption = False,
    progress: ProgressOption = None,
) -> None:
    """Import a WhatsApp chat export (Android or iOS, Dutch or English) as contacts; see docs/import.md."""
    order = date_order.value if date_order else ""

    def importer(engine: Engine, settings: Settings, path: Path, _: object, skip: bool, progress: Any) -> ImportResult:
        return imports.import_whatsapp(engine, settings, path, customer or "", order, skip, progress)

    with hints(_WHATSAPP_HINTS):
        _run(importer, file, db, [], skip_invalid, format, progress)


_WHATSAPP_HINTS = {
    "customer_unknown": "--customer names the customer",
    "date_order_unknown": "--date-order dmy or --date-order mdy",
    "date_order_wrong": "leave out --date-order or give the other order",
}


def _run(
    importer: Callable[..., ImportResult],
    file: Path,
    db: str | None,
    map_options: list[str],
    skip_invalid: bool,
    format: OutputFormat,
    choice: bool | None,
) -> None:
    settings = settings_for(db)
    engine = open_for(settings, create=True)
    try:
        with progress.counter("importing", choice, json_result=format is OutputFormat.json,
                              from_total=PROGRESS_FROM_LINES) as advance:  # fmt: skip
            result = importer(engine, settings, file, map_options, skip_invalid, advance)
    finally:
        engine.dispose()
    if format is OutputFormat.json:
        print_json(result.as_dict())
    else:
        _print_result(result)


def _print_result(result: ImportResult) -> None:
    console.print(f"Imported {result.kind} from {result.file}", markup=False, highlight=False)
    table = Table(show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("rows read", f"{result.rows:,}")
    conversation = result.kind in ("mail", "whatsapp")
    table.add_row(f"{'contacts' if conversation else result.kind} added", f"{result.added:,}")
    if result.kind == "stories":
        table.add_row("steps added", f"{result.steps_added:,}")
    table.add_row("duplicates", f"{result.duplicates:,}")
    table.add_row("rows rejected", f"{result.rejected:,}")
    if result.refused_erased:
        table.add_row("refused: erased customer", f"{result.refused_erased:,}")
    table.add_row("new customers", f"{result.customers_added:,}")
    if conversation:
        table.add_row("promises found", f"{result.promises_found:,}")
        table.add_row("warnings", f"{len(result.warnings):,}")
    if result.kind == "contacts" or conversation:
        table.add_row("promises kept", f"{result.promises_kept:,}")
    for kind, count in result.local_times.items():
        table.add_row(f"warning: {kind}", f"{count:,}")
    table.add_row("seconds", f"{result.seconds:.1f}")
    console.print(table)
    if result.ignored_columns:
        console.print(f"Ignored columns: {', '.join(result.ignored_columns)}", markup=False)
    if result.rejections:
        _print_rejections("Rejected rows", result.rejections)
    if result.warnings:
        _print_rejections("Warnings", result.warnings)


def _print_rejections(title: str, rejections: list[Rejection]) -> None:
    table = Table(title=title)
    table.add_column("line", justify="right")
    table.add_column("field")
    table.add_column("reason")
    for rejection in rejections[:SHOWN_REJECTIONS]:
        table.add_row(str(rejection.line), rejection.field or "", rejection.reason)
    console.print(table)
    hidden = len(rejections) - SHOWN_REJECTIONS
    if hidden > 0:
        console.print(f"... and {hidden:,} more; use --format json to see them all.")


from klantstem.cli import import_events  # noqa: E402

app.command("events")(import_events.events)
