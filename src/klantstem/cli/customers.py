"""`klantstem customer ...`: one customer, one history; duplicates, merges, delegates, export and erasure."""

from __future__ import annotations

import getpass
import json
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import typer
from rich.markup import escape
from rich.table import Table
from sqlalchemy import Engine

from klantstem.cli.common import DbOption, FormatOption, OutputFormat, console, engine_for, print_json, settings_for
from klantstem.clock import SystemClock
from klantstem.contacts import service as contacts
from klantstem.customers import service as customers
from klantstem.dates import shown_local
from klantstem.errors import UserInputError

app = typer.Typer(
    help="Customers: the story so far, duplicates, merges, delegates, export and erasure.", no_args_is_help=True
)
delegate_app = typer.Typer(help="People a customer authorises to act for them.", no_args_is_help=True)
app.add_typer(delegate_app, name="delegate")

CustomerId = Annotated[int, typer.Argument(help="The customer's id (a merged customer's id works too).")]
CustomerRef = Annotated[
    str,
    typer.Argument(
        metavar="CUSTOMER",
        help="The customer's id, customer number, e-mail address or phone number (a merged customer's works too).",
        show_default=False,
    ),
]


def _named(engine: Engine, db: str | None, typed: str) -> int:
    return customers.require_customer_named(engine, typed, settings_for(db).default_country)


@app.command("add")
def add(
    name: Annotated[str | None, typer.Option("--name", help="The customer's name.")] = None,
    email: Annotated[str | None, typer.Option("--email", help="E-mail address.")] = None,
    phone: Annotated[str | None, typer.Option("--phone", help="Phone number (without country code: Dutch).")] = None,
    external_id: Annotated[str | None, typer.Option("--external-id", help="Id in another system.")] = None,
    postcode: Annotated[str | None, typer.Option("--postcode", help="Postcode, e.g. 1234 AB.")] = None,
    address: Annotated[str | None, typer.Option("--address", help="Street and number.")] = None,
    db: DbOption = None,
) -> None:
    """Add a customer; refused when one of its identities belongs to another customer."""
    settings = settings_for(db)
    customer = customers.add_customer(
        engine_for(db),
        SystemClock(),
        name=name,
        email=email,
        phone=phone,
        external_id=external_id,
        postcode=postcode,
        address=address,
        default_region=settings.default_country,
    )
    typer.echo(f"added customer {customer.id}")


@app.command("show")
def show(
    customer: CustomerRef,
    limit: Annotated[int | None, typer.Option("--limit", help="Newest timeline entries to show (table: 30).")] = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """The story so far: a summary to read before picking up the phone, then the timeline."""
    shown = limit if limit is not None or format is OutputFormat.json else 30
    timezone = settings_for(db).timezone
    engine = engine_for(db)
    story = contacts.story_so_far(engine, SystemClock(), _named(engine, db, customer), shown, timezone=timezone)
    if format is OutputFormat.json:
        print_json(story.as_dict())
        return
    _render_story(story, ZoneInfo(timezone))


@app.command("suggest-duplicates")
def suggest_duplicates(
    threshold: Annotated[float | None, typer.Option("--threshold", help="Name similarity 0-100.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many suggestions.")] = 50,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Customers that may be one person (similar name, same postcode or address). Nothing is merged."""
    settings = settings_for(db)
    found = customers.suggest_duplicates(
        engine_for(db), threshold if threshold is not None else settings.duplicate_name_threshold
    )
    if format is OutputFormat.json:
        print_json({"total": len(found), "suggestions": [s.as_dict() for s in found[:limit]]})
        return
    table = Table(title=f"Possible duplicates ({len(found)}); confirm with: klantstem customer merge SOURCE TARGET")
    for column in ("first", "second", "score", "why"):
        table.add_column(column)
    for s in found[:limit]:
        table.add_row(
            escape(f"{s.first_id} {s.first_name}"),
            escape(f"{s.second_id} {s.second_name}"),
            f"{s.score:.0f}",
            ", ".join(s.reasons),
        )
    console.print(table)


@app.command("merge")
def merge(
    source: Annotated[int, typer.Argument(help="The customer that is merged away.")],
    target: Annotated[int, typer.Argument(help="The customer that keeps the history.")],
    by: Annotated[int | None, typer.Option("--by", help="Staff id of who confirmed the merge.")] = None,
    db: DbOption = None,
) -> None:
    """Merge SOURCE into TARGET after a person confirmed they are one customer; audited and undoable."""
    done = customers.merge(engine_for(db), SystemClock(), source, target, by)
    moved = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in done.as_dict()["moved"].items() if n)
    typer.echo(f"merged customer {source} into {target} (merge {done.id}): moved {moved or 'nothing'}")
    typer.echo(f"undo with: klantstem customer unmerge {source}")


@app.command("unmerge")
def unmerge(
    source: Annotated[int, typer.Argument(help="The customer that was merged away.")],
    by: Annotated[int | None, typer.Option("--by", help="Staff id of who undid the merge.")] = None,
    db: DbOption = None,
) -> None:
    """Undo a merge: exactly the rows that moved go back; nothing is lost."""
    done = customers.unmerge(engine_for(db), SystemClock(), source, by)
    typer.echo(f"undid merge {done.id}: customer {source} is separate from customer {done.target_id} again")


@app.command("opt-out")
def opt_out(
    customer_id: CustomerId,
    undo: Annotated[bool, typer.Option("--undo", help="The customer may be asked again.")] = False,
    db: DbOption = None,
) -> None:
    """Record that a customer does not want surveys or follow-up calls (the contact guard blocks them)."""
    customer = customers.set_opted_out(engine_for(db), customer_id, not undo)
    typer.echo(f"customer {customer.id} {'opted out' if customer.opted_out else 'may be contacted again'}")


@app.command("export")
def export(
    customer: CustomerRef,
    output: Annotated[Path | None, typer.Option("--output", help="Write to this file instead of stdout.")] = None,
    db: DbOption = None,
) -> None:
    """Everything held about a customer, as JSON (a request to see one's personal data)."""
    engine = engine_for(db)
    data = customers.export_customer(engine, SystemClock(), _named(engine, db, customer))
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if output is None:
        typer.echo(text)
        return
    output.write_text(text + "\n", encoding="utf-8")
    typer.echo(f"wrote the personal data of customer {data['customer_id']} to {output}")


@app.command("erase")
def erase(
    customer: CustomerRef,
    yes: Annotated[bool, typer.Option("--yes", help="Confirm: this cannot be undone.")] = False,
    db: DbOption = None,
) -> None:
    """Erase a customer's personal data (and of customers merged into it). Cases stay, without the customer."""
    engine = engine_for(db)
    customer_id = _named(engine, db, customer)
    if not yes:
        raise UserInputError(f"erasing customer {customer_id} cannot be undone; add --yes to confirm")
    counts = customers.erase_customer(engine, customer_id, f"cli:{_system_user()}")
    listed = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items() if n)
    typer.echo(f"erased customer {customer_id}: {listed}")


@delegate_app.command("add")
def delegate_add(
    customer_id: CustomerId,
    name: Annotated[str, typer.Option("--name", help="Who may act for the customer.")],
    relation: Annotated[str | None, typer.Option("--relation", help="e.g. partner, child, adviser.")] = None,
    phone: Annotated[str | None, typer.Option("--phone", help="Their phone number.")] = None,
    email: Annotated[str | None, typer.Option("--email", help="Their e-mail address.")] = None,
    scope: Annotated[str, typer.Option("--scope", help="'all' or topics separated by ';'.")] = "all",
    until: Annotated[str | None, typer.Option("--until", help="Last valid day, e.g. 2027-12-31.")] = None,
    db: DbOption = None,
) -> None:
    """Authorise someone to act for a customer, within a scope and until an end date."""
    settings = settings_for(db)
    end = customers.end_of_day(until, settings.timezone) if until else None
    added = customers.authorise_delegate(
        engine_for(db),
        SystemClock(),
        customer_id,
        name,
        relation=relation,
        phone=phone,
        email=email,
        scope=scope,
        valid_until=end,
        default_region=settings.default_country,
    )
    typer.echo(f"delegate {added.id}: {added.name} may act for customer {added.customer_id}")


@delegate_app.command("check")
def delegate_check(
    customer_id: CustomerId,
    who: Annotated[str, typer.Option("--who", help="Name, phone number or e-mail address of who is asking.")],
    topic: Annotated[str | None, typer.Option("--topic", help="What they want to discuss.")] = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """May this person act for the customer now (on this topic)? Exit code 0 when allowed, 1 when not."""
    settings = settings_for(db)
    answer = customers.check_delegate(
        engine_for(db),
        SystemClock(),
        customer_id,
        who,
        topic,
        default_region=settings.default_country,
        timezone=settings.timezone,
    )
    if format is OutputFormat.json:
        print_json(answer.as_dict())
    else:
        typer.echo(f"{'allowed' if answer.allowed else 'not allowed'}: {answer.reason}")
    if not answer.allowed:
        raise typer.Exit(1)


@delegate_app.command("list")
def delegate_list(customer_id: CustomerId, db: DbOption = None, format: FormatOption = OutputFormat.table) -> None:
    """Everyone ever authorised for a customer, with scope and period."""
    found = customers.delegates_of(engine_for(db), customer_id)
    if format is OutputFormat.json:
        print_json([d.as_dict() for d in found])
        return
    table = Table(title=f"Delegates of customer {customer_id}")
    for column in ("id", "name", "relation", "scope", "from", "until"):
        table.add_column(column)
    for d in found:
        table.add_row(
            str(d.id),
            escape(d.name),
            escape(d.relation or ""),
            escape("; ".join(d.scope)),
            f"{d.valid_from:%Y-%m-%d}",
            f"{d.valid_until:%Y-%m-%d %H:%M} UTC" if d.valid_until else "",
        )
    console.print(table)


@delegate_app.command("end")
def delegate_end(delegate_id: Annotated[int, typer.Argument(help="The delegate's id.")], db: DbOption = None) -> None:
    """End an authorisation now."""
    ended = customers.end_delegate(engine_for(db), SystemClock(), delegate_id)
    typer.echo(f"delegate {ended.id} ({ended.name}) may no longer act for customer {ended.customer_id}")


# --- rendering the story so far -----------------------------------------------------------------------------


def _render_story(story: contacts.StorySoFar, zone: ZoneInfo) -> None:
    s = story.summary
    c = s.customer
    head = f"Customer {c['id']}: {c['display_name'] or '(no name)'}"
    if story.asked_for_id != story.customer_id:
        head += f" (customer {story.asked_for_id} was merged into this one)"
    console.print(f"[bold]{escape(head)}[/bold]", highlight=False)
    ids = ", ".join(f"{i['kind']} {i['value']}" for i in c["identities"]) or "none"
    console.print(f"identities: {ids}; opted out: {'yes' if c['opted_out'] else 'no'}", highlight=False, markup=False)
    n = s.contacts
    per = ", ".join(f"{k} {v}" for k, v in n["per_channel"].items())
    last = f", last {_at(n['last_at'], zone)}" if n["last_at"] else ""
    per = f"; {per}" if per else ""
    console.print(f"contacts: {n['total']} (in {n['inbound']}, out {n['outbound']}){last}{per}", highlight=False)
    _section("Open cases", [_case_line(x) for x in s.open_cases])
    _section("Open promises", [_promise_line(p, zone) for p in s.open_promises])
    _section("Broken promises", [_promise_line(p, zone) for p in s.broken_promises])
    _section(
        "Told us (stories first)",
        [
            f"{_at(t.at, zone)} {t.source}: {t.about}"
            + (f" [{t.feeling}]" if t.feeling else "")
            + (f"; bad: {'; '.join(t.bad_steps)}" if t.bad_steps else "")
            for t in s.told_us
        ],
        most=8,
    )
    _section(
        "May act for them",
        [f"{d['name']} ({d['relation'] or 'delegate'}) on {'; '.join(d['scope'])}" for d in s.delegates],
    )
    table = Table(title=f"Timeline ({len(story.entries)} newest of {story.total_entries})")
    for column in ("when", "what", ""):
        table.add_column(column)
    for e in story.entries:
        table.add_row(_at(e.at, zone), e.kind, escape(e.title))
    console.print(table)


def _section(title: str, lines: list[str], most: int = 5) -> None:
    """A titled list, the first `most` lines (the rest is counted; --format json has everything)."""
    console.print(f"[bold]{title}[/bold]: " + ("none" if not lines else ""), highlight=False)
    for line in lines[:most]:
        console.print(f"  - {line}", highlight=False, markup=False)
    if len(lines) > most:
        console.print(f"  ... and {len(lines) - most} more", highlight=False, markup=False)


def _case_line(case: dict[str, Any]) -> str:
    owner = " / ".join(str(case[k]) for k in ("owner", "department") if case.get(k)) or "no owner"
    return f"case {case['id']} {case.get('title') or ''} ({case.get('kind') or 'case'}, {case['status']}): {owner}"


def _promise_line(p: dict[str, Any], zone: ZoneInfo) -> str:
    return f"#{p['id']} {p['kind']} by {p['responsible']}, due {_at(p['due_at'], zone)}: {p['description']}"


def _at(moment: datetime | str, zone: ZoneInfo) -> str:
    value = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    return shown_local(value, zone)


def _system_user() -> str:
    """Who runs the command, for the erasure's audit row."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
