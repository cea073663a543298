"""`klantstem promises ...`: the promise register, overdue promises and kept rates."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated
from zoneinfo import ZoneInfo

import typer
from rich.markup import escape
from rich.table import Table

from klantstem.business_calendar import calendar_from_settings
from klantstem.cli.common import DbOption, FormatOption, OutputFormat, console, engine_for, print_json, settings_for
from klantstem.clock import SystemClock
from klantstem.dates import shown_local
from klantstem.errors import UserInputError
from klantstem.promises import service as promises

app = typer.Typer(help="Promises made to customers: due times, kept or broken, kept rates.", no_args_is_help=True)


def _moment(text: str | None, option: str, timezone: str) -> datetime | None:
    """An ISO 8601 moment; without a time zone it is read in the organisation's time zone."""
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UserInputError(f"{option}: cannot read {text.strip()[:40]!r}; write e.g. 2026-11-23 14:05") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(timezone))


@app.command("add")
def add(
    customer_id: Annotated[int, typer.Argument(help="The customer the promise was made to.")],
    kind: Annotated[str, typer.Option("--kind", help="callback, letter, email, visit, answer, delivery, ...")],
    what: Annotated[str, typer.Option("--what", help="What was promised, in a few words.")],
    due: Annotated[str, typer.Option("--due", help="'binnen 10 werkdagen', 'morgen voor 12 uur', 2026-12-01 ...")],
    staff: Annotated[str | None, typer.Option("--staff", help="Responsible person: id, e-mail or name.")] = None,
    department: Annotated[str | None, typer.Option("--department", help="Responsible department.")] = None,
    third_party: Annotated[str | None, typer.Option("--third-party", help="Responsible party, e.g. a dealer.")] = None,
    made_at: Annotated[str | None, typer.Option("--made-at", help="When it was promised (default: now).")] = None,
    case: Annotated[int | None, typer.Option("--case", help="The case it belongs to.")] = None,
    contact: Annotated[int | None, typer.Option("--contact", help="The contact in which it was made.")] = None,
    expect_activity: Annotated[
        str | None, typer.Option("--expect-activity", help="A process activity in the case that keeps it.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Register a promise; its due time is computed on the business calendar (opening hours, holidays)."""
    settings = settings_for(db)
    made = promises.add_promise(
        engine_for(db),
        SystemClock(),
        calendar_from_settings(settings),
        customer_id=customer_id,
        kind=kind,
        description=what,
        due=due,
        made_at=_moment(made_at, "--made-at", settings.timezone),
        staff=staff,
        department=department,
        third_party=third_party,
        case_id=case,
        contact_id=contact,
        expected_activity=expect_activity,
    )
    zone = ZoneInfo(settings.timezone)
    due_at = made.due_at.astimezone(zone)
    typer.echo(f"promise {made.id}: {made.kind} by {made.responsible}, due {due_at:%a %Y-%m-%d %H:%M} ({made.status})")


@app.command("overdue")
def overdue(
    limit: Annotated[int, typer.Option("--limit", help="Show at most this many.")] = 100,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Promises past their due time and not kept: open ones (about to break) and broken ones."""
    found = promises.overdue(engine_for(db), SystemClock(), limit)
    if format is OutputFormat.json:
        print_json(found.as_dict())
        return
    zone = ZoneInfo(settings_for(db).timezone)
    table = Table(title=f"Overdue promises: {found.total} (showing {len(found.promises)}, longest overdue first)")
    for column in ("id", "customer", "kind", "responsible", "due", "status", "what"):
        table.add_column(column)
    for p in found.promises:
        table.add_row(
            str(p.id),
            str(p.customer_id),
            p.kind,
            escape(p.responsible),
            shown_local(p.due_at, zone),
            p.status,
            escape(p.description),
        )
    console.print(table)


@app.command("stats")
def stats(
    since: Annotated[str | None, typer.Option("--since", help="Only promises made from this day.")] = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Kept rate per kind of promise, per department and per third party (open ones past due count as broken)."""
    since_at = _moment(since, "--since", settings_for(db).timezone)
    result = promises.stats(engine_for(db), SystemClock(), since_at)
    if format is OutputFormat.json:
        print_json(result.as_dict())
        return
    for dimension, title in (
        ("kind", "Per kind"),
        ("department", "Per department"),
        ("third_party", "Per third party"),
    ):
        table = Table(title=f"Kept rate {title.lower()}")
        for column in ("name", "kept rate", "kept", "broken", "open", "cancelled"):
            table.add_column(column, justify="left" if column == "name" else "right")
        for r in result.of(dimension):
            rate = "-" if r.kept_rate is None else f"{r.kept_rate:.0%}"
            table.add_row(escape(r.name), rate, str(r.kept), str(r.broken), str(r.open), str(r.cancelled))
        console.print(table)


@app.command("scan")
def scan(
    texts_days: Annotated[
        int | None,
        typer.Option("--texts-days", help="First register promises found in contact texts of the last N days."),
    ] = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Keep open promises whose matching contact or event happened in time; break those past due."""
    if texts_days is not None and texts_days < 0:
        raise UserInputError("--texts-days cannot be negative")
    clock = SystemClock()
    since = clock.now() - timedelta(days=texts_days) if texts_days is not None else None
    calendar = calendar_from_settings(settings_for(db))
    result = promises.scan(engine_for(db), clock, calendar, since)
    if format is OutputFormat.json:
        print_json(result.as_dict())
        return
    found = f"found {result.found_in_texts} in contact texts, " if texts_days is not None else ""
    typer.echo(f"{found}kept {result.kept}, broken {result.broken}")


@app.command("keep")
def keep(
    promise_id: Annotated[int, typer.Argument(help="The promise.")],
    at: Annotated[str | None, typer.Option("--at", help="When it was kept (default: now).")] = None,
    note: Annotated[str | None, typer.Option("--note", help="How it was kept.")] = None,
    contact: Annotated[int | None, typer.Option("--contact", help="The contact that kept it.")] = None,
    db: DbOption = None,
) -> None:
    """Mark a promise kept by hand (before its due time)."""
    moment = _moment(at, "--at", settings_for(db).timezone)
    kept = promises.keep(engine_for(db), SystemClock(), promise_id, moment, note, contact)
    typer.echo(f"promise {kept.id} kept")


@app.command("cancel")
def cancel(
    promise_id: Annotated[int, typer.Argument(help="The promise.")],
    reason: Annotated[str | None, typer.Option("--reason", help="Why it no longer applies.")] = None,
    db: DbOption = None,
) -> None:
    """Cancel an open promise; it no longer counts for the kept rate."""
    cancelled = promises.cancel(engine_for(db), SystemClock(), promise_id, reason)
    typer.echo(f"promise {cancelled.id} cancelled")
