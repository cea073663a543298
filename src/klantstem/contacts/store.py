"""SQL of the contacts domain: recording a contact and reading one customer's history from every table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from klantstem.db import schema

FEELING_KINDS = ("appraisal", "sentiment")


def to_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def _rows(conn: Connection, query: Any) -> list[dict[str, Any]]:
    found = [dict(row) for row in conn.execute(query).mappings()]
    for row in found:
        for key, value in row.items():
            if isinstance(value, datetime):
                row[key] = to_utc(value)
    return found


def insert_contact(conn: Connection, values: dict[str, Any]) -> int:
    values = {**values, "occurred_at": to_utc(values["occurred_at"])}
    return int(conn.execute(insert(schema.contacts).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def contact_id_by_fingerprint(conn: Connection, fingerprint: str) -> int | None:
    c = schema.contacts
    found = conn.execute(select(c.c.id).where(c.c.fingerprint == fingerprint)).scalar()
    return None if found is None else int(found)


def exists_id(conn: Connection, table_name: str, row_id: int) -> bool:
    table = schema.metadata.tables[table_name]
    return conn.execute(select(table.c.id).where(table.c.id == row_id)).first() is not None


def contacts_of(conn: Connection, customer_id: int) -> list[dict[str, Any]]:
    c, s, d, t = schema.contacts, schema.staff, schema.departments, schema.third_parties
    joined = c.outerjoin(s, s.c.id == c.c.staff_id).outerjoin(d, d.c.id == c.c.department_id)
    joined = joined.outerjoin(t, t.c.id == c.c.third_party_id)
    query = (
        select(
            c.c.id,
            c.c.case_id,
            c.c.channel,
            c.c.direction,
            c.c.occurred_at,
            c.c.subject,
            c.c.text,
            c.c.source,
            s.c.name.label("staff"),
            d.c.name.label("department"),
            t.c.name.label("third_party"),
        )
        .select_from(joined)
        .where(c.c.customer_id == customer_id)
        .order_by(c.c.occurred_at, c.c.id)
    )
    return _rows(conn, query)


def stories_of(conn: Connection, customer_id: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The customer's stories and all their steps (in order)."""
    st, sp = schema.stories, schema.story_steps
    stories = _rows(
        conn,
        select(
            st.c.id,
            st.c.case_id,
            st.c.perspective,
            st.c.source,
            st.c.channel,
            st.c.told_at,
            st.c.title,
            st.c.summary,
            st.c.summary_confirmed,
            st.c.text,
        )
        .where(st.c.customer_id == customer_id)
        .order_by(st.c.told_at, st.c.id),
    )
    if not stories:
        return [], []
    ids = [s["id"] for s in stories]
    steps = _rows(
        conn,
        select(sp.c.story_id, sp.c.position, sp.c.description, sp.c.happened_at, sp.c.appraisal)
        .where(sp.c.story_id.in_(ids))
        .order_by(sp.c.story_id, sp.c.position),
    )
    return stories, steps


def cases_of(conn: Connection, customer_id: int) -> list[dict[str, Any]]:
    cs, s, d = schema.cases, schema.staff, schema.departments
    joined = cs.outerjoin(s, s.c.id == cs.c.owner_id).outerjoin(d, d.c.id == cs.c.department_id)
    query = (
        select(
            cs.c.id,
            cs.c.external_id,
            cs.c.title,
            cs.c.kind,
            cs.c.status,
            cs.c.opened_at,
            cs.c.closed_at,
            s.c.name.label("owner"),
            d.c.name.label("department"),
        )
        .select_from(joined)
        .where(cs.c.customer_id == customer_id)
        .order_by(cs.c.opened_at, cs.c.id)
    )
    return _rows(conn, query)


def events_of(conn: Connection, case_ids: Sequence[int]) -> list[dict[str, Any]]:
    if not case_ids:
        return []
    e = schema.process_events
    query = (
        select(e.c.id, e.c.case_id, e.c.activity, e.c.occurred_at, e.c.lifecycle, e.c.resource, e.c.team, e.c.status)
        .where(e.c.case_id.in_(list(case_ids)))
        .order_by(e.c.occurred_at, e.c.id)
    )
    return _rows(conn, query)


def feelings_of(conn: Connection, contact_ids: Sequence[int]) -> dict[int, Any]:
    """The newest appraisal or sentiment annotation per contact (its JSON value)."""
    if not contact_ids:
        return {}
    a = schema.annotations
    query = (
        select(a.c.target_id, a.c.value)
        .where(a.c.target == "contact", a.c.kind.in_(FEELING_KINDS), a.c.target_id.in_(list(contact_ids)))
        .order_by(a.c.created_at, a.c.id)
    )
    return {int(target): value for target, value in conn.execute(query)}
