"""SQL of the structural-problems domain: reading the voices and the bases, and keeping problems, their reports,
owners, mappings, actions, journal, messages and outbox. Times are bound in UTC and read back aware in UTC."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, select, update

from klantstem.dates import to_utc
from klantstem.db import schema

S = schema
CHUNK = 900  # ids per IN (...) list: under SQLite's limit on bound parameters



def _chunks(ids: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


# --- voices ---------------------------------------------------------------------------------------------------


def quotes(conn: Connection, source: str, ids: Sequence[int]) -> dict[int, str]:
    table, column = {
        "story_step": (S.story_steps, S.story_steps.c.description),
        "contact": (S.contacts, S.contacts.c.text),
        "repeat_contact": (S.contacts, S.contacts.c.text),
        "promise": (S.promises, S.promises.c.description),
    }[source]
    found: dict[int, str] = {}
    for part in _chunks(list(ids)):
        for row_id, text in conn.execute(select(table.c.id, column).where(table.c.id.in_(part))):
            found[int(row_id)] = str(text or "")
    return found


# --- marks: how far detection has read -----------------------------------------------------------------------


def marks(conn: Connection) -> dict[str, str]:
    m = S.problem_marks
    return {str(n): str(v) for n, v in conn.execute(select(m.c.name, m.c.value))}


def set_marks(conn: Connection, values: dict[str, object]) -> None:
    m = S.problem_marks
    conn.execute(delete(m).where(m.c.name.in_(list(values))))
    conn.execute(insert(m), [{"name": k, "value": str(v)} for k, v in values.items()])


# --- owners and mappings ------------------------------------------------------------------------------------


def mappings(conn: Connection) -> dict[tuple[str, int | None], str]:
    m = S.step_mappings
    return {(str(f), d): str(s) for f, d, s in conn.execute(select(m.c.facet, m.c.department_id, m.c.step))}


def mapping_rows(conn: Connection) -> list[Any]:
    m, d = S.step_mappings, S.departments
    query = select(m.c.id, m.c.facet, m.c.department_id, d.c.name.label("department"), m.c.step).select_from(
        m.outerjoin(d, d.c.id == m.c.department_id)
    )
    return list(conn.execute(query.order_by(m.c.step, m.c.facet)))


def put_mapping(conn: Connection, facet: str, department_id: int | None, step: str) -> None:
    m = S.step_mappings
    same = and_(
        m.c.facet == facet, m.c.department_id.is_(None) if department_id is None else m.c.department_id == department_id
    )
    if conn.execute(select(m.c.id).where(same)).first():
        conn.execute(update(m).where(same).values(step=step))
    else:
        conn.execute(insert(m).values(facet=facet, department_id=department_id, step=step))


def step_known(conn: Connection, step: str) -> bool:
    """A process activity, or a step (or department) in the owner registry."""
    e, o = S.process_events, S.step_owners
    if conn.execute(select(o.c.id).where(o.c.step == step)).first() is not None:
        return True
    return conn.execute(select(e.c.id).where(e.c.activity == step).limit(1)).first() is not None


def owners(conn: Connection) -> list[Any]:
    o, s = S.step_owners, S.staff
    query = select(o.c.step, o.c.owner_id, s.c.name.label("owner"), s.c.email, s.c.department_id).select_from(
        o.join(s, s.c.id == o.c.owner_id)
    )
    return list(conn.execute(query.order_by(o.c.step)))


def put_owner(conn: Connection, step: str, owner_id: int, now: datetime) -> None:
    o = S.step_owners
    if conn.execute(select(o.c.id).where(o.c.step == step)).first():
        conn.execute(update(o).where(o.c.step == step).values(owner_id=owner_id))
    else:
        conn.execute(insert(o).values(step=step, owner_id=owner_id, created_at=to_utc(now)))


def staff_row(conn: Connection, key: str) -> Any:
    """A staff member by id, e-mail or exact name."""
    s = S.staff
    columns = (s.c.id, s.c.name, s.c.email, s.c.role, s.c.department_id, s.c.active)
    if key.isdigit():
        return conn.execute(select(*columns).where(s.c.id == int(key))).first()
    found = conn.execute(select(*columns).where(func.lower(s.c.email) == key.strip().lower())).first()
    return found or conn.execute(select(*columns).where(s.c.name == key.strip())).first()


def staff_departments(conn: Connection, staff_ids: Sequence[int]) -> dict[int, int | None]:
    """Staff id -> the department they belong to."""
    s = S.staff
    found: dict[int, int | None] = {}
    for part in _chunks(sorted(set(staff_ids))):
        found |= {int(i): d for i, d in conn.execute(select(s.c.id, s.c.department_id).where(s.c.id.in_(part)))}
    return found


def managers(conn: Connection) -> dict[int, tuple[int, str]]:
    """Department id -> (id, name) of its manager (the first active one)."""
    s = S.staff
    query = select(s.c.department_id, s.c.id, s.c.name).where(s.c.role == "manager", s.c.active.is_(True))
    found: dict[int, tuple[int, str]] = {}
    for dep, staff_id, name in conn.execute(query.order_by(s.c.id)):
        if dep is not None:
            found.setdefault(int(dep), (int(staff_id), str(name)))
    return found


def department_id(conn: Connection, name: str) -> int | None:
    d = S.departments
    found = conn.execute(select(d.c.id).where(func.lower(d.c.name) == name.strip().lower())).scalar()
    return None if found is None else int(found)


def department_names(conn: Connection) -> dict[int, str]:
    d = S.departments
    return {int(i): str(n) for i, n in conn.execute(select(d.c.id, d.c.name))}


# --- problems -----------------------------------------------------------------------------------------------


def _problem_query() -> Any:
    p, s = S.problems, S.staff
    return select(p, s.c.name.label("owner")).select_from(p.outerjoin(s, s.c.id == p.c.owner_id))


def problems(conn: Connection, ids: Sequence[int] | None = None) -> list[Any]:
    query = _problem_query()
    if ids is not None:
        query = query.where(S.problems.c.id.in_(list(ids)))
    return list(conn.execute(query.order_by(S.problems.c.id)))


def problem(conn: Connection, problem_id: int) -> Any:
    return conn.execute(_problem_query().where(S.problems.c.id == problem_id)).first()


def insert_problem(conn: Connection, values: dict[str, Any]) -> int:
    return int(conn.execute(insert(S.problems).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def update_problem(conn: Connection, problem_id: int, **values: Any) -> None:
    conn.execute(update(S.problems).where(S.problems.c.id == problem_id).values(**values))


def journal(conn: Connection, problem_id: int, at: datetime, staff_id: int | None, action: str, **detail: Any) -> None:
    conn.execute(
        insert(S.problem_journal).values(
            problem_id=problem_id, at=to_utc(at), staff_id=staff_id, action=action, detail=detail
        )
    )


def journal_of(conn: Connection, problem_id: int) -> list[Any]:
    j, s = S.problem_journal, S.staff
    query = select(j.c.at, j.c.staff_id, s.c.name.label("staff"), j.c.action, j.c.detail).select_from(
        j.outerjoin(s, s.c.id == j.c.staff_id)
    )
    return list(conn.execute(query.where(j.c.problem_id == problem_id).order_by(j.c.at, j.c.id)))


# --- reports ------------------------------------------------------------------------------------------------


def linked_sources(conn: Connection) -> dict[tuple[str, int], list[tuple[int, str]]]:
    """(source, id) -> [(problem id, link)] for every report linked to a problem."""
    r = S.problem_reports
    found: dict[tuple[str, int], list[tuple[int, str]]] = {}
    for problem_id, source, source_id, link in conn.execute(
        select(r.c.problem_id, r.c.source, r.c.source_id, r.c.link)
    ):
        found.setdefault((str(source), int(source_id)), []).append((int(problem_id), str(link)))
    return found


def insert_reports(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(S.problem_reports), rows)


def reports_of(conn: Connection, problem_id: int) -> list[Any]:
    r, c = S.problem_reports, S.customers
    query = select(r, c.c.display_name.label("customer")).select_from(r.outerjoin(c, c.c.id == r.c.customer_id))
    return list(conn.execute(query.where(r.c.problem_id == problem_id).order_by(r.c.occurred_at, r.c.id)))


def report(conn: Connection, report_id: int) -> Any:
    r = S.problem_reports
    return conn.execute(select(r).where(r.c.id == report_id)).first()


def set_link(conn: Connection, report_id: int, link: str) -> None:
    conn.execute(update(S.problem_reports).where(S.problem_reports.c.id == report_id).values(link=link))


def reporter_counts(conn: Connection) -> dict[int, tuple[int, int, int]]:
    """Problem id -> (distinct reporters, reporters told, suggested reports)."""
    r, o, m = S.problem_reports, S.outbox, S.problem_messages
    counted = r.c.link.in_(("detected", "confirmed"))
    reporters = select(r.c.problem_id, func.count(func.distinct(r.c.customer_id))).where(counted)
    suggested = select(r.c.problem_id, func.count()).where(r.c.link == "suggested")
    told = (
        select(m.c.problem_id, func.count(func.distinct(o.c.customer_id)))
        .select_from(o.join(m, m.c.id == o.c.message_id))
        .where(o.c.status.in_(("queued", "sent", "exported")))
    )
    found: dict[int, list[int]] = {}
    for index, query in enumerate((reporters, told, suggested)):
        for problem_id, n in conn.execute(query.group_by(query.selected_columns[0])):
            found.setdefault(int(problem_id), [0, 0, 0])[index] = int(n)
    return {k: (v[0], v[1], v[2]) for k, v in found.items()}


# --- actions, messages, outbox ------------------------------------------------------------------------------


def insert_action(conn: Connection, values: dict[str, Any]) -> int:
    return int(conn.execute(insert(S.problem_actions).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def actions_of(conn: Connection, problem_id: int | None = None) -> list[Any]:
    a, s = S.problem_actions, S.staff
    query = select(a, s.c.name.label("owner")).select_from(a.join(s, s.c.id == a.c.owner_id))
    if problem_id is not None:
        query = query.where(a.c.problem_id == problem_id)
    return list(conn.execute(query.order_by(a.c.due_at, a.c.id)))


def finish_action(conn: Connection, action_id: int, at: datetime) -> int | None:
    a = S.problem_actions
    problem_id = conn.execute(select(a.c.problem_id).where(a.c.id == action_id)).scalar()
    if problem_id is not None:
        conn.execute(update(a).where(a.c.id == action_id, a.c.done_at.is_(None)).values(done_at=to_utc(at)))
    return None if problem_id is None else int(problem_id)


def insert_message(conn: Connection, values: dict[str, Any]) -> int:
    return int(conn.execute(insert(S.problem_messages).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def messages_of(conn: Connection, problem_id: int) -> list[Any]:
    m = S.problem_messages
    return list(conn.execute(select(m).where(m.c.problem_id == problem_id).order_by(m.c.id)))


def message(conn: Connection, message_id: int) -> Any:
    m = S.problem_messages
    return conn.execute(select(m).where(m.c.id == message_id)).first()


def contact_identities(conn: Connection, customer_ids: Sequence[int]) -> dict[int, dict[str, str]]:
    """Customer id -> {"email": ..., "phone": ..., "language": ..., "name": ...} (first of each)."""
    i, c = S.customer_identities, S.customers
    found: dict[int, dict[str, str]] = {}
    for part in _chunks(list(customer_ids)):
        for cid, kind, value in conn.execute(
            select(i.c.customer_id, i.c.kind, i.c.value).where(i.c.customer_id.in_(part)).order_by(i.c.id)
        ):
            found.setdefault(int(cid), {}).setdefault(str(kind), str(value))
        for cid, language, name in conn.execute(select(c.c.id, c.c.language, c.c.display_name).where(c.c.id.in_(part))):
            entry = found.setdefault(int(cid), {})
            entry["language"] = str(language or "nl")
            entry["name"] = str(name or "")
    return found


def outbox_exists(conn: Connection, message_id: int, customer_id: int) -> bool:
    o = S.outbox
    query = select(o.c.id).where(o.c.message_id == message_id, o.c.customer_id == customer_id)
    return conn.execute(query).first() is not None


def insert_outbox(conn: Connection, values: dict[str, Any]) -> int:
    return int(conn.execute(insert(S.outbox).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def outbox_rows(
    conn: Connection,
    status: str | None = None,
    channel: str | None = None,
    limit: int = 1000,
    problem_id: int | None = None,
) -> list[Any]:
    o, m = S.outbox, S.problem_messages
    query = select(o, m.c.problem_id).select_from(o.join(m, m.c.id == o.c.message_id))
    if problem_id is not None:
        query = query.where(m.c.problem_id == problem_id)
    if status is not None:
        query = query.where(o.c.status == status)
    if channel is not None:
        query = query.where(o.c.channel == channel)
    return list(conn.execute(query.order_by(o.c.id).limit(limit)))


def outbox_counts(conn: Connection, problem_id: int) -> dict[str, int]:
    o, m = S.outbox, S.problem_messages
    query = (
        select(o.c.status, func.count())
        .select_from(o.join(m, m.c.id == o.c.message_id))
        .where(m.c.problem_id == problem_id)
        .group_by(o.c.status)
    )
    return {str(s): int(n) for s, n in conn.execute(query)}


def claim_outbox(conn: Connection, outbox_id: int) -> bool:
    """Mark a queued message as being sent (one attempt more); False when another sender took it."""
    o = S.outbox
    done = conn.execute(
        update(o).where(o.c.id == outbox_id, o.c.status == "queued").values(status="sending", attempts=o.c.attempts + 1)
    )
    return bool(done.rowcount)


def finish_outbox(conn: Connection, outbox_id: int, status: str, at: datetime | None, error: str | None) -> None:
    o = S.outbox
    conn.execute(
        update(o).where(o.c.id == outbox_id).values(status=status, sent_at=to_utc(at) if at else None, last_error=error)
    )


def step_case_events(conn: Connection, step: str, since: datetime, limit: int) -> dict[str, list[tuple[Any, ...]]]:
    """The events (moment, activity, team, status, case id) of the latest `limit` cases that passed `step` since
    `since`, by case (log and key)."""
    e = S.process_events
    latest = (
        select(e.c.log_name, e.c.case_key)
        .where(e.c.activity == step, e.c.occurred_at >= to_utc(since))
        .order_by(e.c.occurred_at.desc())
        .limit(limit * 4)
    )
    cases = list(dict.fromkeys((str(log), str(key)) for log, key in conn.execute(latest)))[:limit]
    by_log: dict[str, list[str]] = {}
    for log, key in cases:
        by_log.setdefault(log, []).append(key)
    found: dict[str, list[tuple[Any, ...]]] = {}
    for log, keys in by_log.items():
        for part in _chunks(keys):
            query = (
                select(e.c.case_key, e.c.occurred_at, e.c.activity, e.c.team, e.c.status, e.c.case_id)
                .where(e.c.log_name == log, e.c.case_key.in_(part))
                .order_by(e.c.case_key, e.c.occurred_at, e.c.id)
            )
            for key, at, activity, team, status, case_id in conn.execute(query):
                found.setdefault(f"{log}\x1f{key}", []).append((to_utc(at), activity, team, status, case_id))
    return found


def decided_promises(conn: Connection, case_ids: Sequence[int]) -> list[tuple[int, datetime, str]]:
    """(case id, made at, kept or broken) of the decided promises made in these cases. The status is filtered here,
    not in SQL: given both, SQLite walks the status index (every decided promise) instead of the case index."""
    p = S.promises
    found: list[tuple[int, datetime, str]] = []
    for part in _chunks(sorted(set(case_ids))):
        query = select(p.c.case_id, p.c.made_at, p.c.status).where(p.c.case_id.in_(part))
        found += [(int(c), to_utc(m), str(s)) for c, m, s in conn.execute(query) if s in ("kept", "broken")]
    return found
