"""SQL of the contact guard: what we already asked, how often we started a contact, open complaints."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, or_, select

from klantstem.dates import to_utc, utc_or_none
from klantstem.db import schema
from klantstem.outreach.model import BLOCKED, OutreachRecord

O = schema.outreach  # noqa: E741
CLOSED_CASE_STATUSES = ("closed", "resolved", "cancelled", "done", "gesloten", "afgehandeld")
COMPLAINT_KINDS = ("complaint", "klacht")


def opted_out(conn: Connection, customer_id: int) -> bool:
    c = schema.customers
    return bool(conn.execute(select(c.c.opted_out).where(c.c.id == customer_id)).scalar())


def open_complaints(conn: Connection, customer_id: int) -> list[int]:
    cs = schema.cases
    query = select(cs.c.id).where(
        cs.c.customer_id == customer_id,
        func.lower(cs.c.kind).in_(COMPLAINT_KINDS),
        cs.c.closed_at.is_(None),
        or_(cs.c.status.is_(None), func.lower(cs.c.status).not_in(CLOSED_CASE_STATUSES)),
    )
    return [int(i) for i in conn.execute(query.order_by(cs.c.id)).scalars()]


def last_asked(conn: Connection, customer_id: int, topic: str, since: datetime) -> datetime | None:
    query = select(func.max(O.c.asked_at)).where(
        O.c.customer_id == customer_id,
        O.c.topic == topic,
        O.c.asked_at >= to_utc(since),
        or_(O.c.outcome.is_(None), O.c.outcome != BLOCKED),
    )
    found = conn.execute(query).scalar()
    return utc_or_none(found)


def started_contacts(conn: Connection, customer_id: int, since: datetime, until: datetime) -> int:
    """Outbound contacts plus outreach that was not blocked, all channels, within [since, until]."""
    c = schema.contacts
    contacts = (
        select(func.count())
        .select_from(c)
        .where(
            c.c.customer_id == customer_id,
            c.c.direction == "outbound",
            c.c.occurred_at >= to_utc(since),
            c.c.occurred_at <= to_utc(until),
        )
    )
    asked = (
        select(func.count())
        .select_from(O)
        .where(
            O.c.customer_id == customer_id,
            O.c.asked_at >= to_utc(since),
            O.c.asked_at <= to_utc(until),
            or_(O.c.outcome.is_(None), O.c.outcome != BLOCKED),
        )
    )
    return int(conn.execute(contacts).scalar_one()) + int(conn.execute(asked).scalar_one())


def insert_outreach(conn: Connection, values: dict[str, Any]) -> int:
    values = {**values, "asked_at": to_utc(values["asked_at"])}
    return int(conn.execute(insert(O).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def staff_exists(conn: Connection, staff_id: int) -> bool:
    return conn.execute(select(schema.staff.c.id).where(schema.staff.c.id == staff_id)).first() is not None


_OF_CUSTOMER = select(O).where(O.c.customer_id == bindparam("id")).order_by(O.c.asked_at, O.c.id)  # built once


def outreach_of(conn: Connection, customer_id: int) -> list[OutreachRecord]:
    return [_record(row) for row in conn.execute(_OF_CUSTOMER, {"id": customer_id}).mappings()]


def get_outreach(conn: Connection, outreach_id: int) -> OutreachRecord:
    return _record(conn.execute(select(O).where(O.c.id == outreach_id)).mappings().one())


def _record(row: Any) -> OutreachRecord:
    return OutreachRecord(
        id=int(row["id"]),
        customer_id=int(row["customer_id"]),
        topic=str(row["topic"]),
        channel=str(row["channel"]),
        asked_at=to_utc(row["asked_at"]),
        staff_id=row["staff_id"],
        outcome=row["outcome"],
        reason=row["reason"],
    )
