"""Contacts across channels and "the story so far" of a customer, as other domains and the edges use them.

`story_so_far` returns in one call the timeline (contacts, stories with their steps, promises, the process
events of the customer's cases, outreach, delegates, merges) and the summary an employee reads before picking
up the phone: open cases and owners, open and broken promises, what the customer told us and how they felt,
and who may act for them.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine

from klantstem import vocabulary
from klantstem.business_calendar import BusinessCalendar
from klantstem.clock import Clock
from klantstem.contacts import store
from klantstem.contacts.model import NewContact, StorySoFar, Summary, TimelineEntry, ToldUs
from klantstem.contacts.timeline import History
from klantstem.contacts.timeline import story_so_far as assemble
from klantstem.customers import service as customers
from klantstem.dates import to_utc
from klantstem.db.engine import reading
from klantstem.db.schema import DIRECTIONS
from klantstem.errors import NotFoundError, UserInputError
from klantstem.outreach import service as outreach
from klantstem.promises import service as promises

__all__ = [
    "NewContact",
    "StorySoFar",
    "Summary",
    "TimelineEntry",
    "ToldUs",
    "record_contact",
    "record_message",
    "story_so_far",
]

MAX_TEXT_CHARS = 1_000_000


def story_so_far(
    engine: Engine, clock: Clock, customer_id: int, limit: int | None = None, *, timezone: str
) -> StorySoFar:
    """The timeline and summary of the customer behind `customer_id` (after merges); `limit` keeps the newest
    entries of the timeline (the summary always covers everything)."""
    if limit is not None and limit < 0:
        raise UserInputError("the limit cannot be negative")
    now = clock.now()
    with reading(engine) as conn:  # one connection: few round trips
        who = customers.profile(conn, customer_id)
        canonical = who.customer.id
        contacts = store.contacts_of(conn, canonical)
        stories, steps = store.stories_of(conn, canonical)
        cases = store.cases_of(conn, canonical)
        inbound = [int(c["id"]) for c in contacts if c["direction"] == "inbound"]
        history = History(
            customer=who.customer,
            merged_from=who.merged_from,
            contacts=contacts,
            stories=stories,
            steps=steps,
            cases=cases,
            events=store.events_of(conn, canonical) if cases else [],
            promises=promises.promises_of(conn, canonical),
            outreach=outreach.outreach_of(conn, canonical),
            delegates=who.delegates,
            merges=who.merges,
            feelings=store.feelings_of(conn, inbound[-10:]),
            timezone=timezone,
        )
    return assemble(history, customer_id, now, limit)


def record_contact(
    engine: Engine,
    clock: Clock,
    contact: NewContact,
    calendar: BusinessCalendar | None = None,
    *,
    timezone: str | None = None,
    default_region: str = "NL",
) -> int:
    """Record one contact by hand (it needs a subject or a text) and keep the open promises it fulfils (the
    dealer's call); returns its id.
    With a business calendar, promises told in its text are registered too. The same contact recorded twice is
    stored once. A contact made for the customer (`on_behalf`) is recorded only when that person may act for the
    customer on its subject, else customers.DelegateRefused says why (`timezone` and `default_region` read that
    person and the end of their authorisation)."""
    channel, direction = vocabulary.channel(contact.channel), contact.direction.strip().lower()
    if direction not in DIRECTIONS:
        raise UserInputError(
            f"unknown direction {contact.direction!r}: use inbound or outbound",
            code="unknown_direction",
            value=contact.direction,
        )
    if not (contact.subject or "").strip() and not (contact.text or "").strip():
        raise UserInputError("a contact needs a subject or a text", code="contact_empty")
    if contact.text and len(contact.text) > MAX_TEXT_CHARS:
        raise UserInputError(f"a contact text is at most {MAX_TEXT_CHARS:,} characters")
    now = clock.now()
    occurred = contact.occurred_at or now
    if occurred.tzinfo is None:
        raise UserInputError("the moment of a contact needs a time zone")
    if occurred > now:
        raise UserInputError("a contact cannot happen in the future")
    canonical = customers.resolve_id(engine, contact.customer_id)
    delegate_id: int | None = None
    if contact.on_behalf is not None and contact.on_behalf.strip():
        if timezone is None:
            raise ValueError("a contact made for the customer needs the organisation's time zone")
        answer = customers.check_delegate(
            engine, clock, canonical, contact.on_behalf, contact.subject or None,
            default_region=default_region, timezone=timezone,
        )  # fmt: skip
        if not answer.allowed:
            raise customers.DelegateRefused(answer)
        delegate_id = answer.delegate.id if answer.delegate is not None else None
    values: dict[str, Any] = {
        "customer_id": canonical,
        "case_id": contact.case_id,
        "channel": channel,
        "direction": direction,
        "occurred_at": occurred,
        "staff_id": contact.staff_id,
        "department_id": contact.department_id,
        "third_party_id": contact.third_party_id,
        "subject": (contact.subject or "").strip()[:300] or None,
        "text": contact.text,
        "source": contact.source[:100],
    }
    if delegate_id is not None:  # only then: a contact the customer made keeps the fingerprint it always had
        values["delegate_id"] = delegate_id
    values["fingerprint"] = _fingerprint(values)
    with engine.begin() as conn:
        for table, key in (
            ("cases", "case_id"),
            ("staff", "staff_id"),
            ("departments", "department_id"),
            ("third_parties", "third_party_id"),
        ):
            if values[key] is not None and not store.exists_id(conn, table, int(values[key])):
                raise NotFoundError(f"{key.removesuffix('_id').replace('_', ' ')} {values[key]} does not exist")
        existing = store.contact_id_by_fingerprint(conn, values["fingerprint"])
        contact_id = existing if existing is not None else store.insert_contact(conn, values)
    if calendar is not None and contact.text:
        promises.find_in_texts(engine, calendar, contact_id=contact_id)
    promises.keep_matching(engine, canonical)
    return contact_id


def record_message(
    conn: Connection, customer_id: int, channel: str, at: datetime, subject: str, text: str, key: str
) -> int:
    """A message the organisation sent a customer (closing the loop on a problem), recorded on their timeline
    inside the caller's transaction, so that it is written together with what sends it; one key, one contact."""
    fingerprint = "message:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:56]
    existing = store.contact_id_by_fingerprint(conn, fingerprint)
    if existing is not None:
        return existing
    values = {"customer_id": customer_id, "case_id": None, "channel": channel, "direction": "outbound",
              "occurred_at": at, "subject": subject[:300], "text": text, "source": "klantstem",
              "fingerprint": fingerprint}  # fmt: skip
    return store.insert_contact(conn, values)


def _fingerprint(values: dict[str, Any]) -> str:
    parts = [str(values[k]) for k in sorted(values)]
    occurred = values["occurred_at"]
    assert isinstance(occurred, datetime)
    parts.append(to_utc(occurred).isoformat())
    return "manual:" + hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:56]
