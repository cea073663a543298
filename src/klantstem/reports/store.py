"""Queries that count across domains for the management report (`klantstem stats` counts in counts.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, ColumnElement, Connection, func, or_, select

from klantstem.db import schema


def _between(column: Column[Any], since: datetime, until: datetime) -> list[ColumnElement[bool]]:
    return [column >= since.astimezone(UTC), column < until.astimezone(UTC)]


def department_by_name(conn: Connection, name: str) -> tuple[int, str] | None:
    """The department named `name` (any case) or with that id."""
    d = schema.departments
    where = func.lower(d.c.name) == name.strip().lower()
    if name.strip().isdigit() and len(name.strip()) < 10:
        where = or_(where, d.c.id == int(name.strip()))
    row = conn.execute(select(d.c.id, d.c.name).where(where).order_by(d.c.id).limit(1)).first()
    return None if row is None else (int(row.id), str(row.name))


def department_names(conn: Connection) -> dict[int, str]:
    d = schema.departments
    return {int(i): str(n) for i, n in conn.execute(select(d.c.id, d.c.name))}


def period_counts(conn: Connection, since: datetime, until: datetime, department_id: int | None) -> dict[str, int]:
    """How much the database holds in the period: contacts, customer stories, promises made, process events."""
    c, s, p, e, k = schema.contacts, schema.stories, schema.promises, schema.process_events, schema.cases
    contacts = select(func.count()).where(*_between(c.c.occurred_at, since, until))
    stories = select(func.count()).where(s.c.perspective == "customer", *_between(s.c.told_at, since, until))
    promises = select(func.count()).where(*_between(p.c.made_at, since, until))
    events = select(func.count()).select_from(e).where(*_between(e.c.occurred_at, since, until))
    if department_id is not None:
        contacts = contacts.where(c.c.department_id == department_id)
        in_case = select(k.c.id).where(k.c.department_id == department_id)
        stories = stories.where(s.c.case_id.in_(in_case))
        promises = promises.where(p.c.department_id == department_id)
        events = events.where(e.c.case_id.in_(in_case))
    return {name: int(conn.execute(q).scalar_one()) for name, q in
            (("contacts", contacts), ("stories", stories), ("promises", promises), ("events", events))}  # fmt: skip


def repeat_contacts(conn: Connection, since: datetime, until: datetime, department_id: int | None) -> dict[str, int]:
    """Cases with an inbound contact in the period, and those with more than one (the customer came again)."""
    c = schema.contacts
    where = [c.c.direction == "inbound", c.c.case_id.is_not(None), *_between(c.c.occurred_at, since, until)]
    if department_id is not None:
        where.append(c.c.department_id == department_id)
    per_case = select(c.c.case_id, func.count().label("n")).where(*where).group_by(c.c.case_id).subquery()
    cases, repeated = conn.execute(
        select(func.count(), func.count().filter(per_case.c.n > 1)).select_from(per_case)
    ).one()
    return {"cases": int(cases), "repeated": int(repeated)}


def names_to_mask(conn: Connection, customer_ids: set[int]) -> list[str]:
    """Names that may appear in quotes: these customers', their delegates' and every staff member's."""
    cu, de, sf = schema.customers, schema.delegates, schema.staff
    names = [str(n) for n in conn.execute(select(sf.c.name)).scalars()]
    if customer_ids:
        ids = sorted(customer_ids)
        names += [str(n) for n in conn.execute(select(cu.c.display_name).where(cu.c.id.in_(ids))).scalars() if n]
        names += [str(n) for n in conn.execute(select(de.c.name).where(de.c.customer_id.in_(ids))).scalars()]
    return names
