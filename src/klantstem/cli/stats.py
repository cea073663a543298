"""`klantstem stats`: what the database holds."""

from __future__ import annotations

from rich.table import Table

from klantstem.cli.common import DbOption, FormatOption, OutputFormat, console, engine_for, print_json
from klantstem.reports import service as reports


def stats(db: DbOption = None, format: FormatOption = OutputFormat.table) -> None:
    """Counts per table, per channel and per month."""
    result = reports.database_stats(engine_for(db))
    if format is OutputFormat.json:
        print_json(result)
        return
    for title, counts in (
        ("Tables", result["tables"]),
        ("Contacts per channel", result["contacts_per_channel"]),
        ("Contacts per month", result["contacts_per_month"]),
    ):
        table = Table(title=title)
        table.add_column("name")
        table.add_column("count", justify="right")
        for name, count in counts.items():
            table.add_row(str(name), f"{count:,}")
        console.print(table)
