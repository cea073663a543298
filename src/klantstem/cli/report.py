"""`klantstem report`: the management report of a month, quarter or year as HTML, PDF or JSON."""

from __future__ import annotations

import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from klantstem.cli.common import DbOption, err_console, open_for, settings_for
from klantstem.clock import SystemClock
from klantstem.reports import service as reports


class Format(StrEnum):
    html = "html"
    pdf = "pdf"
    json = "json"


class Language(StrEnum):
    nl = "nl"
    en = "en"


def report(
    period: Annotated[str, typer.Option("--period", help="A month (2026-10), a quarter (2026-Q3) or a year (2026).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write (all or nothing).")],
    department: Annotated[
        str | None, typer.Option("--department", help="Only this department (its name or id).", show_default=False)
    ] = None,
    lang: Annotated[Language, typer.Option("--lang", help="Dutch (nl) or English (en).")] = Language.nl,
    format: Annotated[Format, typer.Option("--format", help="html (one self-contained file), pdf (A4) or json.")] = (
        Format.html
    ),
    anonymise: Annotated[
        bool | None,
        typer.Option(
            "--anonymise/--no-anonymise",
            help="Mask names, e-mail, phone numbers and postcodes in quotes (default: on for pdf, off otherwise).",
            show_default=False,
        ),
    ] = None,  # fmt: skip
    db: DbOption = None,
) -> None:
    """The management report: key takeaways first, then structural problems, how customers judged each step, the
    voice of the process, promises, repeat contacts and what was done."""
    started = time.perf_counter()
    reports.check_output(output)
    settings = settings_for(db)
    engine = open_for(settings)
    found = reports.management_report(engine, settings, SystemClock(), period, department, lang.value)
    reports.write_output(output, reports.render_report(engine, found, format.value, anonymise))
    err_console.print(f"Wrote {output} ({format.value}, {found['period']['label']}) in "
                      f"{time.perf_counter() - started:.1f} s.")  # fmt: skip
