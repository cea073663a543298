"""Delegates: someone a customer authorises to act for them, with a scope and an end date, and the check an
agent runs when that person calls ("may I speak for my husband about his SIM card?")."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine

from klantstem.clock import Clock
from klantstem.customers import identities, merges, store
from klantstem.customers.model import ALL_TOPICS, Delegate, DelegateCheck, normalise_topic, parse_scope
from klantstem.db.engine import reading
from klantstem.errors import NotFoundError, UserInputError

_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})-(\d{1,2})-(\d{4})")


def end_of_day(text: str, timezone: str) -> datetime:
    """'2027-12-31' or '31-12-2027' as the end of that day in the organisation's time zone (inclusive)."""
    match = _DATE.fullmatch(text.strip())
    if not match:
        raise UserInputError(
            f"cannot read the date {text.strip()[:40]!r}: write e.g. 2027-12-31 or 31-12-2027",
            code="date_unreadable", value=text.strip()[:40],
        )
    y, m, d, d2, m2, y2 = match.groups()
    try:
        day = date(int(y), int(m), int(d)) if y else date(int(y2), int(m2), int(d2))
    except ValueError:
        raise UserInputError(
            f"{text.strip()[:40]!r} is not a date in the calendar", code="date_impossible", value=text.strip()[:40]
        ) from None
    return datetime.combine(day + timedelta(days=1), time(0), ZoneInfo(timezone))


def authorise(
    engine: Engine,
    clock: Clock,
    customer_id: int,
    name: str,
    *,
    relation: str | None = None,
    phone: str | None = None,
    email: str | None = None,
    scope: str = ALL_TOPICS,
    valid_until: datetime | None = None,
    default_region: str = "NL",
) -> Delegate:
    """Record that `name` may act for the customer on `scope` from now until `valid_until` (None: until ended)."""
    clean_name = identities.normalise_name(name)
    if not clean_name:
        raise UserInputError("a delegate needs a name", code="delegate_name")
    now = clock.now()
    if valid_until is not None and valid_until <= now:
        raise UserInputError("the end date of a delegation must be in the future", code="delegate_past")
    values: dict[str, Any] = {
        "name": clean_name,
        "relation": (relation or "").strip()[:100] or None,
        "phone": identities.normalise_phone(phone, default_region) if phone else None,
        "email": identities.normalise_email(email) if email else None,
        "scope": ";".join(parse_scope(scope)),
        "valid_from": now,
        "valid_until": valid_until,
    }
    with engine.begin() as conn:
        values["customer_id"] = merges.resolve(conn, customer_id)
        delegate_id = store.insert_delegate(conn, values)
        found = store.get_delegate(conn, delegate_id)
    assert found is not None
    return found


def end(engine: Engine, clock: Clock, delegate_id: int) -> Delegate:
    """End a delegation now (kept for the history, no longer valid)."""
    with engine.begin() as conn:
        found = store.get_delegate(conn, delegate_id)
        if found is None:
            raise NotFoundError(f"delegate {delegate_id} does not exist")
        now = clock.now()
        if found.valid_until is not None and found.valid_until <= now:
            raise UserInputError(f"delegate {delegate_id} has already ended", code="delegate_ended")
        store.end_delegate(conn, delegate_id, now)
        ended = store.get_delegate(conn, delegate_id)
    assert ended is not None
    return ended


def delegates_of(db: Engine | Connection, customer_id: int) -> list[Delegate]:
    with reading(db) as conn:
        return store.delegates_of(conn, merges.resolve(conn, customer_id))


def check(
    engine: Engine,
    clock: Clock,
    customer_id: int,
    who: str,
    topic: str | None = None,
    *,
    default_region: str = "NL",
    timezone: str,
) -> DelegateCheck:
    """May `who` (a name, phone number or e-mail address) act for the customer now, on `topic`?"""
    if not who.strip():
        raise UserInputError("say who is asking: a name, phone number or e-mail address")
    now = clock.now()
    matches = [d for d in delegates_of(engine, customer_id) if _is(d, who, default_region)]
    if not matches:
        return DelegateCheck(
            False, "nobody by that name, phone number or e-mail address may act for this customer", code="nobody"
        )
    active = [d for d in matches if d.active_at(now)]
    if not active:
        latest = max(matches, key=lambda d: d.valid_until or d.valid_from)
        return DelegateCheck(
            False, f"the authorisation has ended: it was valid {_when(latest.valid_until, timezone)}", latest,
            code="ended", values={"name": latest.name, "until": latest.valid_until},
        )  # fmt: skip
    covering = [d for d in active if topic is None or d.covers(topic)]
    if not covering:
        scopes = "; ".join(sorted({s for d in active for s in d.scope}))
        return DelegateCheck(
            False, f"the authorisation covers {scopes!r}, not {normalise_topic(topic or '')!r}", active[0],
            code="not_covered", values={"name": active[0].name, "topic": normalise_topic(topic or "")},
        )  # fmt: skip
    chosen = covering[0]
    scope = "all topics" if ALL_TOPICS in chosen.scope else "; ".join(chosen.scope)
    until = f"valid {_when(chosen.valid_until, timezone)}" if chosen.valid_until else "until further notice"
    relation = f" ({chosen.relation})" if chosen.relation else ""
    return DelegateCheck(
        True, f"{chosen.name}{relation} may act for this customer on {scope}, {until}", chosen,
        code="allowed", values={"name": chosen.name, "until": chosen.valid_until},
    )  # fmt: skip


def _is(delegate: Delegate, who: str, default_region: str) -> bool:
    text = who.strip()
    if "@" in text:
        try:
            return delegate.email == identities.normalise_email(text)
        except UserInputError:
            return False
    if sum(ch.isdigit() for ch in text) >= 6:
        try:
            return delegate.phone == identities.normalise_phone(text, default_region)
        except UserInputError:
            return False
    return delegate.name.casefold() == " ".join(text.split()).casefold()


def _when(moment: datetime | None, timezone: str) -> str:
    """A moment in local words: midnight reads as the day before it ("through 2027-12-31")."""
    if moment is None:
        return "-"
    local = moment.astimezone(ZoneInfo(timezone))
    if local.time() == time(0):
        return f"through {local.date() - timedelta(days=1)}"
    return f"until {local:%Y-%m-%d %H:%M}"
