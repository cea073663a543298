"""SQL of the promise register. Times are bound in UTC and read back as aware UTC datetimes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Table,
    and_,
    bindparam,
    case,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    true,
    update,
)

from klantstem.dates import to_utc
from klantstem.db import schema
from klantstem.promises.model import BROKEN, KEPT, OPEN, Promise, StatRow
from klantstem.promises.rules import KeepRule

P = schema.promises


# --- who is responsible -------------------------------------------------------------------------------------


def find_named(conn: Connection, table: Table, name: str) -> int | None:
    query = select(table.c.id).where(func.lower(table.c.name) == name.strip().lower()).order_by(table.c.id)
    found = conn.execute(query).scalar()
    return None if found is None else int(found)


def add_named(conn: Connection, table: Table, name: str) -> int:
    return int(conn.execute(insert(table).values(name=name.strip())).inserted_primary_key[0])  # type: ignore[index]


def find_staff(conn: Connection, key: str) -> int | None:
    s = schema.staff
    if key.strip().isdigit():
        query = select(s.c.id).where(s.c.id == int(key))
    else:
        text = key.strip().lower()
        query = select(s.c.id).where(or_(func.lower(s.c.email) == text, func.lower(s.c.name) == text))
    found = conn.execute(query.order_by(s.c.id)).scalar()
    return None if found is None else int(found)


def exists_id(conn: Connection, table: Table, row_id: int) -> bool:
    return conn.execute(select(table.c.id).where(table.c.id == row_id)).first() is not None


def case_customer(conn: Connection, case_id: int) -> tuple[bool, int | None]:
    c = schema.cases
    row = conn.execute(select(c.c.customer_id).where(c.c.id == case_id)).first()
    return (False, None) if row is None else (True, row[0])


# --- promises -----------------------------------------------------------------------------------------------


def insert_promise(conn: Connection, values: dict[str, Any]) -> int:
    values = {**values, "made_at": to_utc(values["made_at"]), "due_at": to_utc(values["due_at"])}
    return int(conn.execute(insert(P).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def id_by_fingerprint(conn: Connection, fingerprint: str) -> int | None:
    found = conn.execute(select(P.c.id).where(P.c.fingerprint == fingerprint)).scalar()
    return None if found is None else int(found)


def existing_fingerprints(conn: Connection, fingerprints: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(fingerprints), 5000):
        part = fingerprints[start : start + 5000]
        found.update(str(f) for f in conn.execute(select(P.c.fingerprint).where(P.c.fingerprint.in_(part))).scalars())
    return found


def _with_names() -> Select[Any]:
    s, d, t = schema.staff, schema.departments, schema.third_parties
    joined = P.outerjoin(s, s.c.id == P.c.staff_id).outerjoin(d, d.c.id == P.c.department_id)
    joined = joined.outerjoin(t, t.c.id == P.c.third_party_id)
    return select(
        P, s.c.name.label("staff_name"), d.c.name.label("department_name"), t.c.name.label("third_party_name")
    ).select_from(joined)


WITH_NAMES = _with_names()  # built once


def get_promise(conn: Connection, promise_id: int) -> Promise | None:
    row = conn.execute(WITH_NAMES.where(P.c.id == promise_id)).mappings().first()
    return None if row is None else _promise(row)


# Built once: the story so far reads it for every customer shown.
_OF_CUSTOMERS = WITH_NAMES.where(P.c.customer_id.in_(bindparam("ids", expanding=True)))
_OF_CUSTOMERS = _OF_CUSTOMERS.order_by(P.c.made_at, P.c.id)


def promises_of(conn: Connection, customer_ids: Sequence[int]) -> list[Promise]:
    return [_promise(row) for row in conn.execute(_OF_CUSTOMERS, {"ids": list(customer_ids)}).mappings()]


def overdue(conn: Connection, now: datetime, limit: int) -> tuple[int, list[Promise]]:
    """Promises past due and not kept: open ones (about to break) and broken ones, the longest overdue first.
    Each status is read along its own index in due order; the two lists are merged here."""
    total, found = 0, list[Promise]()
    for status in (_is_open(), P.c.status == literal_column(f"'{BROKEN}'")):
        when = and_(status, P.c.due_at < to_utc(now))
        total += int(conn.execute(select(func.count()).select_from(P).where(when)).scalar_one())
        query = WITH_NAMES.where(when).order_by(P.c.due_at, P.c.id).limit(limit)
        found.extend(_promise(row) for row in conn.execute(query).mappings())
    found.sort(key=lambda p: (p.due_at, p.id))
    return total, found[:limit]


def due_soon(
    conn: Connection, now: datetime, until: datetime | None, limit: int, offset: int
) -> tuple[int, list[Promise]]:
    """Open promises not yet due (only those due before `until` when given), the soonest first."""
    when = and_(_is_open(), P.c.due_at >= to_utc(now))
    if until is not None:
        when = and_(when, P.c.due_at < to_utc(until))
    total = int(conn.execute(select(func.count()).select_from(P).where(when)).scalar_one())
    query = WITH_NAMES.where(when).order_by(P.c.due_at, P.c.id).limit(limit).offset(offset)
    return total, [_promise(row) for row in conn.execute(query).mappings()]


def set_status(
    conn: Connection, promise_id: int, status: str, at: datetime, note: str | None, contact_id: int | None = None
) -> None:
    values = {"status": status, "resolved_at": to_utc(at), "resolution_note": note, "kept_by_contact_id": contact_id}
    conn.execute(update(P).where(P.c.id == promise_id).values(**values))


def _promise(row: Any) -> Promise:
    return Promise(
        id=int(row["id"]),
        customer_id=row["customer_id"],
        case_id=row["case_id"],
        contact_id=row["contact_id"],
        kind=str(row["kind"]),
        description=str(row["description"]),
        staff_id=row["staff_id"],
        staff_name=row["staff_name"],
        department_id=row["department_id"],
        department_name=row["department_name"],
        third_party_id=row["third_party_id"],
        third_party_name=row["third_party_name"],
        made_at=to_utc(row["made_at"]),
        due_at=to_utc(row["due_at"]),
        status=str(row["status"]),
        resolved_at=to_utc(row["resolved_at"]) if row["resolved_at"] else None,
        source=str(row["source"]),
        due_phrase=row["due_phrase"],
        expected_activity=row["expected_activity"],
        kept_by_contact_id=row["kept_by_contact_id"],
        kept_by_event_id=row["kept_by_event_id"],
        resolution_note=row["resolution_note"],
    )


# --- promises found in contact texts ------------------------------------------------------------------------


def contacts_with_text(
    conn: Connection,
    since: datetime | None,
    contact_id: int | None,
    source: str | None = None,
    direction: str | None = None,
) -> list[dict[str, Any]]:
    """Contacts of a known customer that have a text: one contact, or those since a moment, or of one source and
    direction (for finding promises)."""
    c, cs = schema.contacts, schema.cases
    query = (
        select(
            c.c.id,
            c.c.customer_id,
            c.c.case_id,
            c.c.occurred_at,
            c.c.direction,
            c.c.staff_id,
            c.c.department_id,
            c.c.third_party_id,
            c.c.text,
            cs.c.department_id.label("case_department_id"),
        )
        .select_from(c.outerjoin(cs, cs.c.id == c.c.case_id))
        .where(c.c.customer_id.is_not(None), c.c.text.is_not(None))
        .order_by(c.c.occurred_at, c.c.id)
    )
    if contact_id is not None:
        query = query.where(c.c.id == contact_id)
    elif since is not None:
        query = query.where(c.c.occurred_at >= to_utc(since))
    if source is not None:
        query = query.where(c.c.source == source[:100])
    if direction is not None:
        query = query.where(c.c.direction == direction)
    found = [dict(row) for row in conn.execute(query).mappings()]
    for row in found:
        row["occurred_at"] = to_utc(row["occurred_at"])
    return found


def promise_identities(conn: Connection, customer_ids: set[int]) -> list[dict[str, Any]]:
    """What tells the registered promises of these customers apart: customer, kind, third party, due, contact."""
    columns = (P.c.customer_id, P.c.kind, P.c.third_party_id, P.c.due_at, P.c.contact_id)
    found: list[dict[str, Any]] = []
    ids = sorted(customer_ids)
    for start in range(0, len(ids), 5000):
        query = select(*columns).where(P.c.customer_id.in_(ids[start : start + 5000]))
        for row in conn.execute(query).mappings():
            found.append({**row, "due_at": to_utc(row["due_at"])})
    return found


def insert_promises(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(P), [{**r, "made_at": to_utc(r["made_at"]), "due_at": to_utc(r["due_at"])} for r in rows])


# --- keeping and breaking ----------------------------------------------------------------------------------
# Keeping reads only the partial indexes of open promises (they hold every column it matches on, and the id):
# first the promises that a later contact or event fulfils are found with one query, then those few are updated.


def _is_open() -> ColumnElement[bool]:
    """`status = 'open'` written as a literal, so SQLite can use the partial indexes of open promises."""
    return P.c.status == literal_column(f"'{OPEN}'")


def _contact_match(c: Any, groups: dict[KeepRule, list[str]]) -> ColumnElement[bool]:
    """A contact that keeps the promise: same customer, in time, of the kind's channel and direction, by whoever
    is responsible (the third party; else the department or the person; else anyone)."""
    by_kind = or_(
        *(
            and_(
                P.c.kind.in_(kinds),
                c.c.direction == rule.direction,
                c.c.channel.in_(sorted(rule.channels)) if rule.channels else true(),
            )
            for rule, kinds in groups.items()
        )
    )
    responsible = or_(
        and_(P.c.third_party_id.is_not(None), c.c.third_party_id == P.c.third_party_id),
        and_(
            P.c.third_party_id.is_(None),
            P.c.department_id.is_not(None),
            or_(c.c.department_id == P.c.department_id, c.c.staff_id == P.c.staff_id),
        ),
        and_(
            P.c.third_party_id.is_(None),
            P.c.department_id.is_(None),
            P.c.staff_id.is_not(None),
            c.c.staff_id == P.c.staff_id,
        ),
        and_(P.c.third_party_id.is_(None), P.c.department_id.is_(None), P.c.staff_id.is_(None)),
    )
    in_time = and_(c.c.occurred_at >= P.c.made_at, c.c.occurred_at <= P.c.due_at)
    return and_(c.c.customer_id == P.c.customer_id, in_time, by_kind, responsible)


def keep_by_contacts(conn: Connection, groups: dict[KeepRule, list[str]], customer_id: int | None) -> int:
    """Mark open promises kept by the first matching later contact before their due time."""
    c = schema.contacts.alias("keeper")
    first = select(c.c.id).where(_contact_match(c, groups)).order_by(c.c.occurred_at, c.c.id).limit(1)
    kinds = sorted(k for group in groups.values() for k in group)
    found = select(P.c.id.label("promise_id"), first.scalar_subquery().label("keeper_id")).where(
        _is_open(), P.c.kind.in_(kinds)
    )
    if customer_id is not None:
        found = found.where(P.c.customer_id == customer_id)
    return _mark_kept(conn, found, schema.contacts, "kept_by_contact_id", "kept by a later contact")


def keep_by_events(conn: Connection, customer_id: int | None) -> int:
    """Mark open promises kept when their expected activity happened in their case in time."""
    e = schema.process_events.alias("keeper")
    match = and_(
        e.c.case_id == P.c.case_id,
        func.lower(e.c.activity) == func.lower(P.c.expected_activity),
        e.c.occurred_at >= P.c.made_at,
        e.c.occurred_at <= P.c.due_at,
    )
    first = select(e.c.id).where(match).order_by(e.c.occurred_at, e.c.id).limit(1)
    # `case_id IS NOT NULL` lets SQLite walk the partial index of open promises that expect an activity.
    found = select(P.c.id.label("promise_id"), first.scalar_subquery().label("keeper_id")).where(
        _is_open(), P.c.expected_activity.is_not(None), P.c.case_id.is_not(None)
    )
    if customer_id is not None:
        found = found.where(P.c.customer_id == customer_id)
    return _mark_kept(conn, found, schema.process_events, "kept_by_event_id", "kept by a process event")


def _mark_kept(conn: Connection, found: Select[Any], keepers: Table, column: str, note: str) -> int:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET LOCAL jit = off")  # a short query per open promise; compiling it costs more
    candidates = found.subquery()
    pairs = select(candidates.c.promise_id, candidates.c.keeper_id).where(candidates.c.keeper_id.is_not(None))
    matches = [{"pid": int(p), "kid": int(k)} for p, k in conn.execute(pairs)]
    if not matches:
        return 0
    moment = select(keepers.c.occurred_at).where(keepers.c.id == bindparam("kid")).scalar_subquery()
    statement = (
        update(P)
        .where(P.c.id == bindparam("pid"), P.c.status == OPEN)
        .values({"status": KEPT, column: bindparam("kid"), "resolved_at": moment, "resolution_note": note})
    )
    updated = conn.execute(statement, matches).rowcount
    return int(updated) if updated >= 0 else len(matches)


def break_overdue(conn: Connection, now: datetime) -> int:
    """Open promises whose due time has passed become broken, at their due time."""
    values = {"status": BROKEN, "resolved_at": P.c.due_at, "resolution_note": "due time passed"}
    return int(conn.execute(update(P).where(_is_open(), P.c.due_at < to_utc(now)).values(**values)).rowcount)


# --- kept rates ---------------------------------------------------------------------------------------------


def _effective_status(now: datetime) -> Any:
    """The status, with an open promise past due counted as broken."""
    return case((and_(P.c.status == OPEN, P.c.due_at < to_utc(now)), literal(BROKEN)), else_=P.c.status)


def _made_between(since: datetime | None, until: datetime | None, department_id: int | None) -> list[Any]:
    where: list[Any] = []
    if since is not None:
        where.append(P.c.made_at >= to_utc(since))
    if until is not None:
        where.append(P.c.made_at < to_utc(until))
    if department_id is not None:
        where.append(P.c.department_id == department_id)
    return where


def stats(
    conn: Connection, now: datetime, since: datetime | None, until: datetime | None = None,
    department_id: int | None = None,
) -> list[StatRow]:  # fmt: skip
    """Counts per kind, department and third party of the promises made in [since, until) (by the department);
    an open promise past due counts as broken."""
    effective = _effective_status(now)
    query = select(P.c.kind, P.c.department_id, P.c.third_party_id, effective.label("s"), func.count().label("n"))
    query = query.where(*_made_between(since, until, department_id))
    grouped = conn.execute(query.group_by(P.c.kind, P.c.department_id, P.c.third_party_id, effective)).all()
    departments = _names(conn, schema.departments, {r[1] for r in grouped if r[1] is not None})
    parties = _names(conn, schema.third_parties, {r[2] for r in grouped if r[2] is not None})
    rows: dict[tuple[str, str], StatRow] = {}
    for kind, department_id, third_party_id, status, count in grouped:
        keys = [("kind", str(kind))]
        if department_id is not None:
            keys.append(("department", departments.get(int(department_id), f"department {department_id}")))
        if third_party_id is not None:
            keys.append(("third_party", parties.get(int(third_party_id), f"third party {third_party_id}")))
        for key in keys:
            row = rows.setdefault(key, StatRow(*key))
            setattr(row, str(status), getattr(row, str(status)) + int(count))
    return sorted(rows.values(), key=lambda r: (("kind", "department", "third_party").index(r.dimension), r.name))


def _names(conn: Connection, table: Table, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {int(i): str(n) for i, n in conn.execute(select(table.c.id, table.c.name).where(table.c.id.in_(ids)))}


def most_broken(
    conn: Connection, now: datetime, since: datetime | None, until: datetime | None, department_id: int | None,
    limit: int,
) -> list[dict[str, Any]]:  # fmt: skip
    """The promises broken most often, by what was promised (kind and words), with how often they were made."""
    broken = func.count().filter(_effective_status(now) == BROKEN)
    query = (
        select(P.c.kind, P.c.description, broken.label("broken"), func.count().label("made"))
        .where(*_made_between(since, until, department_id), P.c.status != "cancelled")
        .group_by(P.c.kind, P.c.description)
        .having(broken > 0)
        .order_by(broken.desc(), P.c.kind, P.c.description)
        .limit(limit)
    )
    return [
        {"kind": str(k), "description": str(d), "broken": int(b), "made": int(m)} for k, d, b, m in conn.execute(query)
    ]
