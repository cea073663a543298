"""`klantstem outreach ...`: the contact guard before a survey or follow-up call, and the outreach log."""

from __future__ import annotations

from typing import Annotated

import typer

from klantstem.cli.common import DbOption, FormatOption, OutputFormat, engine_for, print_json, settings_for
from klantstem.clock import SystemClock
from klantstem.outreach import service as outreach

app = typer.Typer(help="The contact guard: never ask a customer the same thing twice.", no_args_is_help=True)

CustomerId = Annotated[int, typer.Argument(help="The customer's id.")]
Topic = Annotated[str, typer.Option("--topic", help="What you want to ask about, e.g. 'tevredenheid'.")]
Channel = Annotated[str, typer.Option("--channel", help="phone, email, whatsapp, web_form, letter, visit, ...")]
SameTopicDays = Annotated[
    int | None, typer.Option("--same-topic-days", help="Override: days before the same topic may be asked again.")
]
MaxContacts = Annotated[int | None, typer.Option("--max-contacts", help="Override: most contacts per period.")]
PeriodDays = Annotated[int | None, typer.Option("--period-days", help="Override: the period in days.")]


@app.command("check")
def check(
    customer_id: CustomerId,
    topic: Topic,
    channel: Channel,
    same_topic_days: SameTopicDays = None,
    max_contacts: MaxContacts = None,
    period_days: PeriodDays = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Allowed or blocked, with the reasons. Changes nothing. Exit code 0 when allowed, 1 when blocked."""
    settings = settings_for(db)
    rules = outreach.rules_from_settings(
        settings, same_topic_days=same_topic_days, max_contacts=max_contacts, period_days=period_days
    )
    decision = outreach.check(
        engine_for(db), SystemClock(), customer_id, topic, channel, rules, timezone=settings.timezone
    )
    if format is OutputFormat.json:
        print_json(decision.as_dict())
    else:
        typer.echo(decision.verdict + ("" if decision.allowed else ": " + "; ".join(decision.reasons)))
    if not decision.allowed:
        raise typer.Exit(1)


@app.command("log")
def log(
    customer_id: CustomerId,
    topic: Topic,
    channel: Channel,
    staff: Annotated[int | None, typer.Option("--staff", help="Staff id of who reaches out.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Reach out although the guard blocks (logged).")] = False,
    same_topic_days: SameTopicDays = None,
    max_contacts: MaxContacts = None,
    period_days: PeriodDays = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Log an outreach after asking the guard; a blocked attempt is logged as blocked (exit code 1)."""
    settings = settings_for(db)
    rules = outreach.rules_from_settings(
        settings, same_topic_days=same_topic_days, max_contacts=max_contacts, period_days=period_days
    )
    logged = outreach.log(
        engine_for(db),
        SystemClock(),
        customer_id,
        topic,
        channel,
        rules,
        staff_id=staff,
        force=force,
        timezone=settings.timezone,
    )
    if format is OutputFormat.json:
        print_json(logged.as_dict())
    else:
        record = logged.record
        typer.echo(f"outreach {record.id} logged as {record.outcome}" + (f": {record.reason}" if record.reason else ""))
    if logged.record.outcome == "blocked":
        raise typer.Exit(1)
