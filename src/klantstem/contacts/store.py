"""SQL of the contacts domain: recording a contact and reading one customer's history from every table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC
from typing import Any

from sqlalchemy import Connection, DateTime, Select, bindparam, insert, select

from klantstem.dates import to_utc
from klantstem.db import schema

_TIMES: dict[int, list[str]] = {}  # per statement (by id; they are built once): its datetime columns


def _rows(conn: Connection, query: Select[Any], params: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows as dicts; datetimes aware in UTC (SQLite returns them without an offset)."""
    result = conn.execute(query, params)
    keys = list(result.keys())
    found = [dict(zip(keys, row, strict=True)) for row in result.all()]
    times = _TIMES.get(id(query))
    if times is None:
        times = _TIMES[id(query)] = [c.name for c in query.selected_columns if isinstance(c.type, DateTime)]
    for key in times:
        for row in found:
            value = row[key]
            if value is not None and value.tzinfo is None:
                row[key] = value.replace(tzinfo=UTC)
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


def _contacts_query() -> Select[Any]:
    c, s, d, t, g = schema.contacts, schema.staff, schema.departments, schema.third_parties, schema.delegates
    joined = c.outerjoin(s, s.c.id == c.c.staff_id).outerjoin(d, d.c.id == c.c.department_id)
    joined = joined.outerjoin(t, t.c.id == c.c.third_party_id).outerjoin(g, g.c.id == c.c.delegate_id)
    columns = (c.c.id, c.c.case_id, c.c.channel, c.c.direction, c.c.occurred_at, c.c.subject, c.c.text, c.c.source)
    names = (
        s.c.name.label("staff"),
        d.c.name.label("department"),
        t.c.name.label("third_party"),
        g.c.name.label("on_behalf"),
    )
    query = select(*columns, *names).select_from(joined).where(c.c.customer_id == bindparam("customer_id"))
    return query.order_by(c.c.occurred_at, c.c.id)


def _cases_query() -> Select[Any]:
    cs, s, d = schema.cases, schema.staff, schema.departments
    joined = cs.outerjoin(s, s.c.id == cs.c.owner_id).outerjoin(d, d.c.id == cs.c.department_id)
    columns = (cs.c.id, cs.c.external_id, cs.c.title, cs.c.kind, cs.c.status, cs.c.opened_at, cs.c.closed_at)
    names = (s.c.name.label("owner"), d.c.name.label("department"))
    query = select(*columns, *names).select_from(joined).where(cs.c.customer_id == bindparam("customer_id"))
    return query.order_by(cs.c.opened_at, cs.c.id)


_ST, _SP, _E, _A = schema.stories, schema.story_steps, schema.process_events, schema.annotations
# Built once: the story so far runs these for every customer shown.
CONTACTS = _contacts_query()
CASES = _cases_query()
STORIES = (
    select(
        _ST.c.id,
        _ST.c.case_id,
        _ST.c.perspective,
        _ST.c.source,
        _ST.c.channel,
        _ST.c.told_at,
        _ST.c.title,
        _ST.c.summary,
        _ST.c.summary_confirmed,
        _ST.c.text,
        schema.staff.c.name.label("staff"),
    )
    .select_from(_ST.outerjoin(schema.staff, schema.staff.c.id == _ST.c.staff_id))
    .where(_ST.c.customer_id == bindparam("customer_id"))
    .order_by(_ST.c.told_at, _ST.c.id)
)
# The steps of the customer's stories and the events of their cases are joined to them in SQL, rather than
# asked for with a list of ids (a list of parameters costs a statement rewrite on every execution).
STEPS = (
    select(_SP.c.story_id, _SP.c.position, _SP.c.description, _SP.c.happened_at, _SP.c.appraisal)
    .select_from(_SP.join(_ST, _ST.c.id == _SP.c.story_id))
    .where(_ST.c.customer_id == bindparam("customer_id"))
    .order_by(_SP.c.story_id, _SP.c.position)
)
EVENTS = (
    select(
        _E.c.id, _E.c.case_id, _E.c.activity, _E.c.occurred_at, _E.c.lifecycle, _E.c.resource, _E.c.team, _E.c.status
    )
    .select_from(_E.join(schema.cases, schema.cases.c.id == _E.c.case_id))
    .where(schema.cases.c.customer_id == bindparam("customer_id"))
    .order_by(_E.c.occurred_at, _E.c.id)
)
FEELINGS = (
    select(_A.c.target_id, _A.c.value)
    .where(_A.c.target == "contact", _A.c.kind == "appraisal", _A.c.target_id.in_(bindparam("ids", expanding=True)))
    .order_by(_A.c.created_at, _A.c.id)
)


def contacts_of(conn: Connection, customer_id: int) -> list[dict[str, Any]]:
    return _rows(conn, CONTACTS, {"customer_id": customer_id})


def stories_of(conn: Connection, customer_id: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The customer's stories and all their steps (in order)."""
    stories = _rows(conn, STORIES, {"customer_id": customer_id})
    if not stories:
        return [], []
    return stories, _rows(conn, STEPS, {"customer_id": customer_id})


def cases_of(conn: Connection, customer_id: int) -> list[dict[str, Any]]:
    return _rows(conn, CASES, {"customer_id": customer_id})


def events_of(conn: Connection, customer_id: int) -> list[dict[str, Any]]:
    """The process events of the customer's cases."""
    return _rows(conn, EVENTS, {"customer_id": customer_id})


def feelings_of(conn: Connection, contact_ids: Sequence[int]) -> dict[int, Any]:
    """The newest appraisal annotation per contact (its JSON value)."""
    if not contact_ids:
        return {}
    return {int(target): value for target, value in conn.execute(FEELINGS, {"ids": list(contact_ids)})}
