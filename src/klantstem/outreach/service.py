"""The contact guard: before any survey or follow-up call, may we contact this customer about this topic?

Blocked, with every reason that applies, when the customer opted out, has an open complaint, was already asked
about the topic within N days, or we already started M contacts within the period (all channels). Every
outreach is logged, also the blocked attempts, so the guard can be audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine

from klantstem import vocabulary
from klantstem.clock import Clock
from klantstem.customers import service as customers
from klantstem.db.engine import reading
from klantstem.errors import ConfigurationError, NotFoundError, UserInputError
from klantstem.outreach import store
from klantstem.outreach.model import (
    BLOCKED,
    SENT,
    GuardDecision,
    GuardReason,
    GuardRules,
    LoggedOutreach,
    OutreachRecord,
)
from klantstem.settings import ENV_PREFIX, Settings

__all__ = [
    "GuardDecision",
    "GuardReason",
    "GuardRules",
    "LoggedOutreach",
    "OutreachRecord",
    "check",
    "log",
    "outreach_of",
    "record",
    "rules_from_settings",
]

MAX_TOPIC_CHARS = 100


def rules_from_settings(settings: Settings, **overrides: int | None) -> GuardRules:
    """The guard's rules from the settings; options given on the command line (not None) win."""
    values = {
        "same_topic_days": settings.outreach_same_topic_days,
        "max_contacts": settings.outreach_max_contacts,
        "period_days": settings.outreach_period_days,
    }
    given = {k: v for k, v in overrides.items() if v is not None}
    if set(given) - set(values):
        raise ValueError(f"unknown contact-guard rules: {sorted(set(given) - set(values))}")
    try:
        GuardRules(**values)
    except UserInputError as exc:
        names = ", ".join(ENV_PREFIX + "OUTREACH_" + k.upper() for k in values)
        raise ConfigurationError(f"{exc} (check {names})") from None
    return GuardRules(**{**values, **given})


def check(
    engine: Engine,
    clock: Clock,
    customer_id: int,
    topic: str,
    channel: str,
    rules: GuardRules | None = None,
    *,
    timezone: str,
) -> GuardDecision:
    """Allowed or blocked, with the reasons; changes nothing."""
    clean_topic, clean_channel = _topic(topic), _channel(channel)
    canonical = customers.resolve_id(engine, customer_id)
    asked = _Asked(canonical, customer_id, clean_topic, clean_channel, rules or GuardRules(), ZoneInfo(timezone))
    with reading(engine) as conn:
        return _decide(conn, clock, asked)


def log(
    engine: Engine,
    clock: Clock,
    customer_id: int,
    topic: str,
    channel: str,
    rules: GuardRules | None = None,
    *,
    staff_id: int | None = None,
    force: bool = False,
    timezone: str,
) -> LoggedOutreach:
    """Log an outreach after asking the guard. Blocked attempts are logged as blocked (not sent) unless forced;
    a forced outreach is logged as sent with the reasons it overrode."""
    with engine.begin() as conn:
        return record(
            conn, clock, customer_id, topic, channel, rules, staff_id=staff_id, force=force, timezone=timezone
        )


def record(
    conn: Connection,
    clock: Clock,
    customer_id: int,
    topic: str,
    channel: str,
    rules: GuardRules | None = None,
    *,
    staff_id: int | None = None,
    force: bool = False,
    answering: bool = False,
    timezone: str,
) -> LoggedOutreach:
    """`log` inside the caller's transaction, so that the outreach and what it sends are written together.
    `answering`: the contact answers the customer's own report (closing the loop), so an open complaint does not
    block it; an opt-out and the same topic within the period still do."""
    clean_topic, clean_channel = _topic(topic), _channel(channel)
    canonical = customers.resolve_id(conn, customer_id)
    asked = _Asked(
        canonical, customer_id, clean_topic, clean_channel, rules or GuardRules(), ZoneInfo(timezone), answering
    )
    if staff_id is not None and not store.staff_exists(conn, staff_id):
        raise NotFoundError(f"staff member {staff_id} does not exist")
    decision = _decide(conn, clock, asked)
    outcome, reason = SENT, None
    if not decision.allowed:
        outcome = SENT if force else BLOCKED
        reason = ("forced despite: " if force else "") + "; ".join(decision.reasons)
    values = {
        "customer_id": canonical,
        "topic": clean_topic,
        "channel": clean_channel,
        "asked_at": decision.at,
        "staff_id": staff_id,
        "outcome": outcome,
        "reason": reason[:300] if reason else None,
    }
    return LoggedOutreach(store.get_outreach(conn, store.insert_outreach(conn, values)), decision)


def outreach_of(db: Engine | Connection, customer_id: int) -> list[OutreachRecord]:
    with reading(db) as conn:
        return store.outreach_of(conn, customer_id)


@dataclass(frozen=True)
class _Asked:
    customer_id: int  # the customer that holds the history
    asked_for: int  # the id that was asked about (a merged customer's id leads to the one it was merged into)
    topic: str
    channel: str
    rules: GuardRules
    zone: ZoneInfo
    answering: bool = False


def _decide(conn: Connection, clock: Clock, asked: _Asked) -> GuardDecision:
    now, canonical, rules, topic = clock.now(), asked.customer_id, asked.rules, asked.topic
    reasons: list[str] = []
    codes: list[GuardReason] = []  # the same reasons by name and values, for an edge that speaks Dutch

    def because(text: str, code: str, **values: object) -> None:
        reasons.append(text)
        codes.append(GuardReason(code, values))

    if store.opted_out(conn, canonical):
        because("the customer opted out of being contacted", "opted_out")
    complaints = [] if asked.answering else store.open_complaints(conn, canonical)
    if complaints:
        listed = ", ".join(str(c) for c in complaints)
        because(f"the customer has an open complaint (case {listed}); resolve it before asking anything",
                "open_complaint", cases=listed)  # fmt: skip
    if rules.same_topic_days > 0:
        last = store.last_asked(conn, canonical, topic, now - timedelta(days=rules.same_topic_days))
        if last is not None:
            ago, day = (now - last).days, last.astimezone(asked.zone).date()
            because(f"already asked about {topic!r} on {day:%Y-%m-%d} ({ago} days ago); "
                    f"the rule is once per {rules.same_topic_days} days",
                    "same_topic", topic=topic, day=day, ago=ago, days=rules.same_topic_days)  # fmt: skip
    if rules.period_days > 0:
        started = store.started_contacts(conn, canonical, now - timedelta(days=rules.period_days), now)
        if started >= rules.max_contacts:
            because(f"{started} contacts started in the last {rules.period_days} days across all channels; "
                    f"the rule is at most {rules.max_contacts}",
                    "too_many", started=started, days=rules.period_days, most=rules.max_contacts)  # fmt: skip
    asked_for_id = asked.asked_for if asked.asked_for != canonical else None
    return GuardDecision(canonical, topic, asked.channel, now, rules, tuple(reasons), asked_for_id, tuple(codes))


def _topic(topic: str) -> str:
    clean = " ".join(topic.strip().lower().split())
    if not clean:
        raise UserInputError("say which topic you want to ask about")
    if len(clean) > MAX_TOPIC_CHARS:
        raise UserInputError(f"a topic is at most {MAX_TOPIC_CHARS} characters")
    return clean


def _channel(channel: str) -> str:
    return vocabulary.channel(channel)
