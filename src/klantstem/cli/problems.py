"""`klantstem problems ...`: structural problems and incidents, their owners, lifecycle and the loop back to every
customer who reported them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import typer
from rich.markup import escape
from rich.table import Table

from klantstem.business_calendar import calendar_from_settings
from klantstem.cli.common import DbOption, FormatOption, OutputFormat, console, engine_for, print_json, settings_for
from klantstem.clock import SystemClock
from klantstem.errors import UserInputError
from klantstem.problems import service as problems

app = typer.Typer(help="Structural problems: detect, own, fix, verify, and tell every customer who reported them.",
                  no_args_is_help=True)  # fmt: skip
StatusChoice = Annotated[str, typer.Argument(help="acknowledged, cause_known, fix_underway, fixed or risk_accepted")]


def _when(moment: datetime | None, zone: ZoneInfo) -> str:
    return "" if moment is None else f"{moment.astimezone(zone):%Y-%m-%d}"


def _table(rows: list[problems.ProblemRow], zone: ZoneInfo, title: str) -> Table:
    table = Table(title=title)
    for name in ("id", "kind", "status", "step", "facet", "customers", "rate", "baseline", "owner", "told", "since"):
        table.add_column(name)
    for r in rows:
        table.add_row(str(r.id), r.kind, r.status, escape(r.step), r.facet or "-", str(r.customers),
                      f"{(r.rate or 0):.1%}", f"{(r.baseline or 0):.1%}", escape(r.owner or "-"),
                      f"{r.reporters_told}/{r.reporters}", _when(r.first_seen, zone))  # fmt: skip
    return table


@app.command("detect")
def detect(db: DbOption = None, format: FormatOption = OutputFormat.table) -> None:
    """Read new texts, place both voices on process steps, and record the problems the signals show."""
    settings = settings_for(db)
    found = problems.detect(engine_for(db), SystemClock(), settings)
    if format == OutputFormat.json:
        print_json({
            "problems": [p.as_json() for p in found.problems], "opened": found.opened, "updated": found.updated,
            "reopened": found.reopened, "verified": found.verified, "voices": found.voices,
            "unplaced": found.unplaced, "reworked": found.reworked,
            "rising": [{"step": w.step, "facet": w.facet or None, "recent": w.recent, "expected": w.expected}
                       for w in found.rising],
        })  # fmt: skip
        return
    zone = ZoneInfo(settings.timezone)
    console.print(_table(found.problems, zone, "Problems"))
    console.print(
        f"{found.voices:,} voices placed on steps ({found.unplaced:,} unplaced); opened {len(found.opened)}, "
        f"updated {len(found.updated)}, reopened {len(found.reopened)}, verified {len(found.verified)}; "
        f"{found.reworked:,} periods counted"
    )
    for w in found.rising:
        console.print(f"rising: {escape(w.step)} / {w.facet or '-'}: {w.recent} lately, {w.expected} expected")


@app.command("list")
def list_(
    status: Annotated[
        str | None, typer.Option("--status", help="open, new, acknowledged, ..., fixed, verified")
    ] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="structural or incident")] = None,
    escalated: Annotated[
        bool, typer.Option("--escalated", help="Only problems without progress, with manager")
    ] = False,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Problems by impact, with owner, status and how many reporters have been told."""
    settings = settings_for(db)
    engine, clock = engine_for(db), SystemClock()
    if escalated:
        stale = problems.escalated(engine, clock, calendar_from_settings(settings), settings.problems_stale_days)
        if format == OutputFormat.json:
            print_json({"escalated": [{**p.as_json(), "manager": m} for p, m in stale]})
            return
        for p, manager in stale:
            since = _when(p.progress_at, ZoneInfo(settings.timezone))
            console.print(f"#{p.id} {escape(p.step)}: no progress since {since}"
                          f", owner {escape(p.owner or '-')}, to {escape(manager or '-')}")  # fmt: skip
        return
    rows = problems.list_problems(engine, clock, settings, status=status, kind=kind)
    if format == OutputFormat.json:
        print_json({"problems": [p.as_json() for p in rows]})
        return
    console.print(_table(rows, ZoneInfo(settings.timezone), "Problems"))


@app.command("show")
def show(problem_id: int, db: DbOption = None, format: FormatOption = OutputFormat.table) -> None:
    """One problem: why it is one, its reporters and their words, actions and journal."""
    settings = settings_for(db)
    found = problems.show(engine_for(db), problem_id)
    if format == OutputFormat.json:
        print_json(_detail_json(found))
        return
    zone, p = ZoneInfo(settings.timezone), found.problem
    console.print(f"[bold]Problem {p.id}[/]: {p.kind}, {p.status}, step {escape(p.step)}, facet {p.facet or '-'}")
    console.print(f"owner {escape(p.owner or '-')}; {p.customers} customers, {p.reports} reports, "
                  f"channels {', '.join(p.channels) or '-'}; "
                  f"seen {_when(p.first_seen, zone)} to {_when(p.last_seen, zone)}")  # fmt: skip
    for line in p.explanation.get("why", []):
        console.print(f"  why: {escape(line)}")
    for r in found.reports[:20]:
        told = f", told {_when(r.told_at, zone)}" if r.told_at else ""
        console.print(f"  report {r.id} \\[{r.link}] {r.source} {_when(r.occurred_at, zone)} customer "
                      f"{r.customer_id or '-'}{told}: {escape(r.quote[:120])}")  # fmt: skip
    if len(found.reports) > 20:
        console.print(f"  ... {len(found.reports) - 20} more reports")
    for a in found.actions:
        state = "done" if a.done_at else ("BROKEN" if a.broken else "open")
        console.print(
            f"  action {a.id} ({state}) {escape(a.owner)} due {_when(a.due_at, zone)}: {escape(a.description)}"
        )
    for j in found.journal:
        console.print(f"  {j.at.astimezone(zone):%Y-%m-%d %H:%M} {escape(j.staff or 'klantstem')}: {j.action}")


def _detail_json(found: Any) -> dict[str, Any]:
    return {
        "problem": found.problem.as_json(),
        "reports": [{"id": r.id, "source": r.source, "source_id": r.source_id, "customer_id": r.customer_id,
                     "channel": r.channel, "at": r.occurred_at.isoformat(), "link": r.link, "quote": r.quote,
                     "told_at": r.told_at.isoformat() if r.told_at else None} for r in found.reports],
        "actions": [{"id": a.id, "description": a.description, "owner": a.owner, "due_at": a.due_at.isoformat(),
                     "done_at": a.done_at.isoformat() if a.done_at else None, "broken": a.broken}
                    for a in found.actions],
        "journal": [{"at": j.at.isoformat(), "staff": j.staff, "action": j.action, "detail": j.detail}
                    for j in found.journal],
        "messages": found.messages, "outbox": found.outbox,
    }  # fmt: skip


@app.command("assign")
def assign(
    problem_id: int, owner: Annotated[str, typer.Argument(help="Staff id, e-mail or name.")], db: DbOption = None
) -> None:
    """Give a problem its owner."""
    problems.assign(engine_for(db), SystemClock(), problem_id, owner)
    typer.echo(f"problem {problem_id} is owned by {owner}")


@app.command("status")
def status(
    problem_id: int,
    new: StatusChoice,
    note: Annotated[str, typer.Option("--note", help="What was found or done.")] = "",
    review: Annotated[str | None, typer.Option("--review", help="Review date when accepting a risk.")] = None,
    db: DbOption = None,
) -> None:
    """Move a problem to the next step of its lifecycle (journalled)."""
    settings = settings_for(db)
    review_at = None
    if review is not None:
        try:
            review_at = datetime.fromisoformat(review).replace(tzinfo=ZoneInfo(settings.timezone))
        except ValueError:
            raise UserInputError(f"--review: cannot read {review[:40]!r}; write e.g. 2027-03-01") from None
    problems.set_status(engine_for(db), SystemClock(), problem_id, new, note=note, review_at=review_at)
    typer.echo(f"problem {problem_id} is {new}")


@app.command("link")
def link(
    problem_id: int,
    report_id: int,
    split: Annotated[bool, typer.Option("--split", help="Split the report off instead of confirming it.")] = False,
    db: DbOption = None,
) -> None:
    """Confirm a suggested report as one of the problem's, or split it off."""
    problems.link(engine_for(db), SystemClock(), problem_id, report_id, "split" if split else "confirm")
    typer.echo(f"report {report_id} {'split off from' if split else 'confirmed for'} problem {problem_id}")


@app.command("action")
def action(
    problem_id: int,
    what: Annotated[str, typer.Option("--what", help="What will be done.")],
    owner: Annotated[str, typer.Option("--owner", help="Staff id, e-mail or name.")],
    due: Annotated[str, typer.Option("--due", help="'binnen 10 werkdagen', 2027-01-15, ...")],
    db: DbOption = None,
) -> None:
    """Plan an action with an owner and a due time on the business calendar."""
    settings = settings_for(db)
    action_id = problems.add_action(engine_for(db), SystemClock(), calendar_from_settings(settings), problem_id, what,
                                    owner, due)  # fmt: skip
    typer.echo(f"action {action_id} on problem {problem_id}")


@app.command("notify")
def notify(
    problem_id: int,
    message: Annotated[str, typer.Option("--message", help="The message, written once for every reporter.")],
    kind: Annotated[str, typer.Option("--kind", help="workaround or fix")] = "fix",
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Tell every customer who reported the problem (through the contact guard), via the outbox."""
    result = problems.notify(engine_for(db), SystemClock(), settings_for(db), problem_id, kind, message)
    data = {"problem_id": result.problem_id, "message_id": result.message_id, "queued": result.queued,
            "already_told": result.already, "blocked": [{"customer_id": c, "reason": r} for c, r in result.blocked],
            "no_address": result.no_address}  # fmt: skip
    if format == OutputFormat.json:
        print_json(data)
        return
    typer.echo(f"queued {result.queued}, already told {result.already}, blocked {len(result.blocked)}, "
               f"no address {len(result.no_address)}")  # fmt: skip


@app.command("deliver")
def deliver(db: DbOption = None) -> None:
    """Send the queued e-mails through KLANTSTEM_SMTP_URL."""
    counts = problems.deliver(engine_for(db), SystemClock(), settings_for(db))
    typer.echo(", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "nothing to send")


@app.command("export-outbox")
def export_outbox(
    output: Annotated[Path, typer.Option("-o", "--output", help="CSV file to write.")],
    channel: Annotated[str | None, typer.Option("--channel", help="Only this channel, e.g. phone or letter.")] = None,
    db: DbOption = None,
) -> None:
    """Write the queued messages to a CSV file for another system to send, and mark them exported."""
    n = problems.export_outbox(engine_for(db), SystemClock(), output, channel)
    typer.echo(f"exported {n} messages to {output}")


@app.command("owner")
def owner(
    step: Annotated[str, typer.Argument(help="A process step, or a department's name.")],
    person: Annotated[str, typer.Argument(help="Staff id, e-mail or name.")],
    db: DbOption = None,
) -> None:
    """Register who owns a step (new problems there get this owner at once)."""
    problems.set_owner(engine_for(db), SystemClock(), step, person)
    typer.echo(f"{step} is owned by {person}")


@app.command("map")
def map_(
    step: Annotated[str, typer.Argument(help="The step voices outside a case go to.")],
    facet: Annotated[str | None, typer.Option("--facet", help="Only voices about this facet.")] = None,
    department: Annotated[str | None, typer.Option("--department", help="Only voices of this department.")] = None,
    db: DbOption = None,
) -> None:
    """Map a facet and department to a step, for voices that no case with events places."""
    problems.put_mapping(engine_for(db), facet, department, step)
    typer.echo(f"{facet or 'any facet'} / {department or 'any department'} -> {step}")
