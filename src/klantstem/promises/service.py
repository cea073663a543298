"""The promise register, as other domains and the edges use it.

Each promise has who is responsible (a person, a department or a third party such as a dealer), a due time on
the business calendar, and a status: open, kept, broken or cancelled. A promise is kept automatically when the
matching later contact or process event happens before its due time, and broken when its due time passes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, Table

from klantstem import workers
from klantstem.business_calendar import BusinessCalendar
from klantstem.clock import Clock
from klantstem.customers import service as customers
from klantstem.db import schema
from klantstem.db.engine import reading, writing
from klantstem.errors import NotFoundError, UserInputError
from klantstem.promises import identity, store
from klantstem.promises.due import due_from_phrase
from klantstem.promises.from_text import DEFAULT_DUE, FoundPromise, promises_in
from klantstem.promises.model import (
    BROKEN,
    CANCELLED,
    KEPT,
    OPEN,
    DueList,
    OverdueList,
    Promise,
    PromiseStats,
    ScanResult,
    StatRow,
)
from klantstem.promises.rules import KEEP_RULES, normalise_kind, rule_groups
from klantstem.settings import DEFAULT_TIMEZONE

__all__ = [
    "BROKEN",
    "CANCELLED",
    "DUE_SOON",
    "KEEP_RULES",
    "KEPT",
    "OPEN",
    "DueList",
    "OverdueList",
    "Promise",
    "PromiseStats",
    "ScanResult",
    "StatRow",
    "add_promise",
    "cancel",
    "due_from_phrase",
    "due_soon",
    "find_in_texts",
    "get_promise",
    "keep",
    "keep_matching",
    "overdue",
    "promises_of",
    "scan",
    "stats",
]

MAX_LISTED = 100
DUE_SOON = timedelta(days=7)  # "due soon" on the promises board and the dashboard


def add_promise(
    engine: Engine,
    clock: Clock,
    calendar: BusinessCalendar,
    *,
    customer_id: int,
    kind: str,
    description: str,
    due: str | datetime,
    made_at: datetime | None = None,
    staff: str | None = None,
    department: str | None = None,
    third_party: str | None = None,
    case_id: int | None = None,
    contact_id: int | None = None,
    expected_activity: str | None = None,
    source: str = "manual",
) -> Promise:
    """Register a promise. `due` is a phrase ("binnen 10 werkdagen") or a moment; it must lie in the future.
    Departments and third parties are found by name (and added when new); a staff member must exist."""
    now = clock.now()
    made = _aware(made_at, calendar) if made_at else now
    if made > now:
        raise UserInputError("a promise cannot be made in the future")
    due_at = due_from_phrase(due, made, calendar) if isinstance(due, str) else _aware(due, calendar)
    if due_at <= now:
        raise UserInputError(
            f"the due time {_local(due_at, calendar)} is in the past", code="due_past", value=_local(due_at, calendar)
        )
    clean_kind, clean_text = normalise_kind(kind)[:50], " ".join(description.split())
    if not clean_kind or not clean_text:
        raise UserInputError("a promise needs a kind (e.g. callback) and a description", code="promise_incomplete")
    if not any(v and v.strip() for v in (staff, department, third_party)):
        raise UserInputError("say who keeps the promise: a staff member, a department or a third party")
    owner = customers.resolve_id(engine, customer_id)
    if case_id is not None:
        _check_case(engine, case_id, owner)
    values: dict[str, Any] = {
        "customer_id": owner,
        "case_id": case_id,
        "kind": clean_kind,
        "description": clean_text,
        "made_at": made,
        "due_at": due_at,
        "due_phrase": due.strip()[:100] if isinstance(due, str) else None,
        "expected_activity": " ".join(expected_activity.split())[:300] if expected_activity else None,
        "source": source,
    }
    return _register(engine, values, contact_id, (staff, department, third_party))


def _register(
    engine: Engine, values: dict[str, Any], contact_id: int | None, who: tuple[str | None, str | None, str | None]
) -> Promise:
    """Insert a checked promise in one transaction (responsible parties resolved, duplicates refused)."""
    staff, department, third_party = who
    with engine.begin() as conn:
        values["contact_id"] = _existing(conn, schema.contacts, contact_id, "contact")
        values["staff_id"] = _staff(conn, staff)
        values["department_id"] = _named(conn, schema.departments, department)
        values["third_party_id"] = _named(conn, schema.third_parties, third_party)
        values["fingerprint"] = _fingerprint(values)
        existing = store.id_by_fingerprint(conn, values["fingerprint"])
        if existing is not None:
            raise UserInputError(
                f"this promise is already registered as promise {existing}", code="promise_exists", id=existing
            )
        promise_id = store.insert_promise(conn, values)
        _keep_matching(conn, values["customer_id"])
        found = store.get_promise(conn, promise_id)
    assert found is not None
    return found


def keep(
    engine: Engine,
    clock: Clock,
    promise_id: int,
    at: datetime | None = None,
    note: str | None = None,
    contact_id: int | None = None,
) -> Promise:
    """Mark a promise kept by hand. A promise kept after its due time counts as broken, so that is refused."""
    now = clock.now()
    moment = at or now
    with engine.begin() as conn:
        promise = _require(conn, promise_id)
        if promise.status not in (OPEN, BROKEN):
            raise UserInputError(f"promise {promise_id} is {promise.status}; only an open promise can be kept",
                                 code=f"promise_{promise.status}", id=promise_id)
        if moment > now or moment < promise.made_at:
            raise UserInputError("the moment it was kept must lie between when it was made and now")
        if moment > promise.due_at:
            raise UserInputError(f"promise {promise_id} was due {_local(promise.due_at)}; kept late counts as broken")
        _existing(conn, schema.contacts, contact_id, "contact")
        store.set_status(conn, promise_id, KEPT, moment, (note or "kept (recorded by hand)")[:300], contact_id)
        return _require(conn, promise_id)


def cancel(engine: Engine, clock: Clock, promise_id: int, reason: str | None = None) -> Promise:
    """Cancel an open promise (the customer withdrew, the question went away); it no longer counts."""
    with engine.begin() as conn:
        promise = _require(conn, promise_id)
        if promise.status != OPEN:
            raise UserInputError(
                f"promise {promise_id} is {promise.status}; only an open promise can be cancelled",
                code=f"promise_{promise.status}", id=promise_id,
            )
        store.set_status(conn, promise_id, CANCELLED, clock.now(), (reason or "cancelled")[:300])
        return _require(conn, promise_id)


def get_promise(engine: Engine, promise_id: int) -> Promise:
    with reading(engine) as conn:
        return _require(conn, promise_id)


def promises_of(db: Engine | Connection, customer_id: int) -> list[Promise]:
    """Every promise made to this customer id (give the id after merges), oldest first."""
    with reading(db) as conn:
        return store.promises_of(conn, [customer_id])


def due_soon(
    engine: Engine, clock: Clock, within: timedelta | None = DUE_SOON, limit: int = MAX_LISTED, offset: int = 0
) -> DueList:
    """Open promises due within `within` from now (every open one not yet due when None), the soonest first."""
    if limit < 0 or offset < 0:
        raise UserInputError("the limit and offset cannot be negative")
    if within is not None and within <= timedelta(0):
        raise UserInputError("'due within' must be a positive period")
    now = clock.now()
    with reading(engine) as conn:
        total, found = store.due_soon(conn, now, now + within if within is not None else None, limit, offset)
    return DueList(now, within, total, found)


def overdue(engine: Engine, clock: Clock, limit: int = MAX_LISTED) -> OverdueList:
    if limit < 0:
        raise UserInputError("the limit cannot be negative")
    now = clock.now()
    with reading(engine) as conn:
        total, found = store.overdue(conn, now, limit)
    return OverdueList(now, total, found)


def scan(
    engine: Engine, clock: Clock, calendar: BusinessCalendar | None = None, texts_since: datetime | None = None
) -> ScanResult:
    """Keep every open promise whose matching contact or event happened in time, then break the overdue ones.
    With a calendar and `texts_since`, first register the promises found in contact texts since that moment."""
    now = clock.now()
    found = 0
    if calendar is not None and texts_since is not None:
        found = find_in_texts(engine, calendar, since=texts_since)
    with engine.begin() as conn:
        kept = _keep_matching(conn, None)
        broken = store.break_overdue(conn, now)
    return ScanResult(now, kept, broken, found)


def find_in_texts(
    db: Engine | Connection,
    calendar: BusinessCalendar,
    *,
    since: datetime | None = None,
    contact_id: int | None = None,
    source: str | None = None,
    direction: str | None = None,
    spread: bool = False,
) -> int:
    """Register the promises the text analysis finds in contact texts (one contact, or all since a moment, or
    those of one source file and direction). Each mention is registered once; the responsible party is the
    contact's third party when the text names another party, else its department (or the case's), else its
    staff member. A mention of a promise already in the register (see `identity`) is not registered again.
    With `spread`, many texts are read on every core (`klantstem.workers`, which forks: for a command such as
    an import, never from a server's threads). Given a connection, the promises join its open transaction.
    Returns how many were added."""
    with writing(db) as conn:
        contacts = list(store.contacts_with_text(conn, since, contact_id, source, direction))
        texts = [(str(contact["text"]), contact["direction"] == "inbound") for contact in contacts]
        if spread and len(texts) >= workers.PARALLEL_FROM and workers.cores() > 1:  # the text analysis on every core
            found: Iterable[list[FoundPromise]] = workers.in_order(_promises_in_texts, texts, workers.cores())
        else:
            found = (promises_in(text, inbound) for text, inbound in texts)
        candidates: list[dict[str, Any]] = []
        for contact, promises in zip(contacts, found, strict=True):
            candidates.extend(_text_promises(contact, promises, calendar))
        known = store.existing_fingerprints(conn, [c["fingerprint"] for c in candidates])
        unseen = [c for c in candidates if c["fingerprint"] not in known]
        registered = store.promise_identities(conn, {c["customer_id"] for c in unseen})
        fresh = identity.new_promises(unseen, registered, ZoneInfo(calendar.timezone))
        store.insert_promises(conn, fresh)
    return len(fresh)


def _promises_in_texts(texts: list[tuple[str, bool]]) -> list[list[FoundPromise]]:
    """`promises_in` of each (text, inbound), in a worker process."""
    return [promises_in(text, inbound) for text, inbound in texts]


def _text_promises(
    contact: dict[str, Any], promises: list[FoundPromise], calendar: BusinessCalendar
) -> list[dict[str, Any]]:
    """The register rows of the promises found in one contact's text."""
    made = contact["occurred_at"]
    rows: list[dict[str, Any]] = []
    for found in promises:
        third_party = contact["third_party_id"] if found.by_someone_else else None
        department = None if third_party else contact["department_id"] or contact["case_department_id"]
        staff = contact["staff_id"] if contact["direction"] == "outbound" and not third_party else None
        if not (third_party or department or staff):
            continue  # nobody to hold to it
        try:
            due, phrase = due_from_phrase(found.due_phrase, made, calendar), found.due_phrase
        except UserInputError:
            due, phrase = due_from_phrase(DEFAULT_DUE, made, calendar), DEFAULT_DUE
        key = f"text\x1f{contact['id']}\x1f{found.start}\x1f{found.kind}"
        rows.append(
            {
                "customer_id": contact["customer_id"],
                "case_id": contact["case_id"],
                "contact_id": contact["id"],
                "kind": found.kind,
                "description": found.description,
                "staff_id": staff,
                "department_id": department,
                "third_party_id": third_party,
                "made_at": made,
                "due_at": due,
                "due_phrase": phrase[:100],
                "source": "text",
                "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest(),
            }
        )
    return rows


def keep_matching(db: Engine | Connection, customer_id: int | None) -> int:
    """Keep the open promises that a recorded contact or event now fulfils: one customer's (after a new contact)
    or everyone's (None: after an import). Given a connection, this joins its open transaction."""
    with writing(db) as conn:
        return _keep_matching(conn, customer_id)


def stats(
    engine: Engine, clock: Clock, since: datetime | None = None, until: datetime | None = None,
    department_id: int | None = None,
) -> PromiseStats:  # fmt: skip
    """Kept rate per kind of promise, per department and per third party, of the promises made in
    [since, until) (by one department when given)."""
    now = clock.now()
    with reading(engine) as conn:
        return PromiseStats(now, store.stats(conn, now, since, until, department_id))


def most_broken(
    engine: Engine, clock: Clock, since: datetime | None, until: datetime | None, department_id: int | None = None,
    limit: int = 5,
) -> list[dict[str, Any]]:  # fmt: skip
    """What was promised and broken most often among the promises made in [since, until): kind, words, broken
    and made counts (an open promise past due counts as broken)."""
    with reading(engine) as conn:
        return store.most_broken(conn, clock.now(), since, until, department_id, limit)


def _keep_matching(conn: Connection, customer_id: int | None) -> int:
    return store.keep_by_contacts(conn, rule_groups(), customer_id) + store.keep_by_events(conn, customer_id)


def _require(conn: Connection, promise_id: int) -> Promise:
    found = store.get_promise(conn, promise_id)
    if found is None:
        raise NotFoundError(f"promise {promise_id} does not exist")
    return found


def _check_case(engine: Engine, case_id: int, customer_id: int) -> None:
    """The case exists and belongs to the customer (or to nobody); read before the writing transaction."""
    with reading(engine) as conn:
        exists, owner = store.case_customer(conn, case_id)
    if not exists:
        raise NotFoundError(f"case {case_id} does not exist")
    if owner is not None and customers.resolve_id(engine, int(owner)) != customer_id:
        raise UserInputError(f"case {case_id} belongs to another customer")


def _existing(conn: Connection, table: Table, row_id: int | None, label: str) -> int | None:
    if row_id is not None and not store.exists_id(conn, table, row_id):
        raise NotFoundError(f"{label} {row_id} does not exist")
    return row_id


def _staff(conn: Connection, key: str | None) -> int | None:
    if not key or not key.strip():
        return None
    found = store.find_staff(conn, key)
    if found is None:
        raise NotFoundError("no staff member with that id, e-mail address or name")
    return found


def _named(conn: Connection, table: Table, name: str | None) -> int | None:
    if not name or not name.strip():
        return None
    if name.strip().isdigit():
        return _existing(conn, table, int(name), table.name.rstrip("s").replace("_", " "))
    return store.find_named(conn, table, name) or store.add_named(conn, table, " ".join(name.split())[:200])


def _fingerprint(values: Mapping[str, object]) -> str:
    keys = ("customer_id", "kind", "description", "made_at", "due_at", "staff_id", "department_id", "third_party_id")
    text = "\x1f".join(str(values[k]) for k in keys)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _aware(moment: datetime, calendar: BusinessCalendar) -> datetime:
    """A moment without a time zone is read in the organisation's time zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(calendar.timezone))


def _local(moment: datetime, calendar: BusinessCalendar | None = None) -> str:
    zone = ZoneInfo(calendar.timezone if calendar else DEFAULT_TIMEZONE)
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"
