"""The bases of the complaint rates, kept per period between detection runs: per granularity, the distinct cases
that passed each process step (activity) in each local week and month, and the inbound contacts in each, the base
of steps without events.

A run reworks only the periods that new rows fall in: it remembers (in `problem_marks`) the last event and contact
it counted (id and fingerprint) and how many rows there were. Rows removed since (an erasure), another time zone,
or no marks at all mean counting every period again. Each count is one query answered from an index alone
(`ix_process_events_step`, `ix_contacts_direction_time`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Table, bindparam, delete, func, insert, select

from klantstem.dates import to_utc
from klantstem.db import schema as S
from klantstem.problems import store
from klantstem.problems.detection import GRANULARITIES, Bases, next_period, period_of, period_range

CASES, CONTACTS = "cases", "contacts"
Key = tuple[str, str, str, date]  # (base, step, granularity, period)


@dataclass(frozen=True)
class Tallied:
    steps: Bases  # granularity -> step -> period -> cases that passed the step
    contacts: dict[str, dict[date, int]]  # granularity -> period -> inbound contacts
    reworked: int  # periods counted in this run
    full: bool  # every period was counted again


def refresh(conn: Connection, zone: ZoneInfo) -> Tallied:
    """Bring the kept bases up to date with the rows added since the last run, and return them all."""
    marks = store.marks(conn)
    now: dict[str, object] = {"zone": zone.key}
    full = marks.get("zone") != zone.key
    for name, table in (("events", S.process_events), ("contacts", S.contacts)):
        top, rows, new, last = _extent(conn, table, int(marks.get(f"{name}_top", 0)))
        now |= {f"{name}_top": top, f"{name}_rows": rows, f"{name}_last": _last(conn, table, top)}
        # rows removed (fewer than before plus the new ones), or the last row counted is another row now (SQLite
        # gives a removed highest id to the next row)
        full = full or rows < int(marks.get(f"{name}_rows", 0)) + new or last != marks.get(f"{name}_last", "")
    if full:
        conn.execute(delete(S.problem_bases))
        keys = _all_keys(conn, zone)
    else:
        keys = _new_keys(conn, zone, int(marks.get("events_top", 0)), int(marks.get("contacts_top", 0)))
    _count(conn, keys, zone)
    store.set_marks(conn, now)
    steps, by_period = _read(conn)
    return Tallied(steps, by_period, len(keys), full)


def _extent(conn: Connection, table: Table, after: int) -> tuple[int, int, int, str]:
    """(highest id, rows, rows with an id above `after`, the fingerprint of row `after` now)."""
    top, rows = conn.execute(select(func.max(table.c.id), func.count())).one()
    new = conn.execute(select(func.count()).where(table.c.id > after)).scalar()
    return int(top or 0), int(rows or 0), int(new or 0), _last(conn, table, after)


def _last(conn: Connection, table: Table, row_id: int) -> str:
    return str(conn.execute(select(table.c.fingerprint).where(table.c.id == row_id)).scalar() or "")


def _all_keys(conn: Connection, zone: ZoneInfo) -> set[Key]:
    """Every period from each step's first passage to its last, and from the first inbound contact to the last."""
    e, c = S.process_events, S.contacts
    keys: set[Key] = set()
    steps = [str(a) for (a,) in conn.execute(select(e.c.activity).distinct())]
    span = select(func.min(e.c.occurred_at), func.max(e.c.occurred_at)).where(e.c.activity == bindparam("step"))
    for step in steps:
        first, last = conn.execute(span, {"step": step}).one()
        keys |= _span_keys(CASES, step, first, last, zone)
    inbound = c.c.direction == "inbound"
    first, last = conn.execute(select(func.min(c.c.occurred_at), func.max(c.c.occurred_at)).where(inbound)).one()
    if first is not None:
        keys |= _span_keys(CONTACTS, "", first, last, zone)
    return keys


def _span_keys(base: str, step: str, first: datetime, last: datetime, zone: ZoneInfo) -> set[Key]:
    return {
        (base, step, g, p)
        for g in GRANULARITIES
        for p in period_range(period_of(to_utc(first), g, zone), period_of(to_utc(last), g, zone), g)
    }


def _new_keys(conn: Connection, zone: ZoneInfo, events_after: int, contacts_after: int) -> set[Key]:
    """The periods the rows added since the marks fall in."""
    e, c = S.process_events, S.contacts
    moments: Iterable[tuple[str, str, datetime]] = [
        (CASES, str(step), at)
        for step, at in conn.execute(select(e.c.activity, e.c.occurred_at).where(e.c.id > events_after))
    ]
    inbound = select(c.c.occurred_at).where(c.c.id > contacts_after, c.c.direction == "inbound")
    moments = [*moments, *((CONTACTS, "", at) for (at,) in conn.execute(inbound))]
    return {(base, step, g, period_of(to_utc(at), g, zone)) for base, step, at in moments for g in GRANULARITIES}


def _count(conn: Connection, keys: set[Key], zone: ZoneInfo) -> None:
    """Count each period afresh and keep it."""
    if not keys:
        return
    e, c, b = S.process_events, S.contacts, S.problem_bases
    start, end = (
        bindparam("start", type_=S.contacts.c.occurred_at.type),
        bindparam("end", type_=S.contacts.c.occurred_at.type),
    )
    passed = (
        select(e.c.log_name, e.c.case_key)
        .where(e.c.activity == bindparam("step"), e.c.occurred_at >= start, e.c.occurred_at < end)
        .distinct()
        .subquery()
    )
    cases = select(func.count()).select_from(passed)
    inbound = select(func.count()).where(c.c.direction == "inbound", c.c.occurred_at >= start, c.c.occurred_at < end)
    rows = []
    for base, step, granularity, period in sorted(keys):
        bounds = {"start": _start(period, zone), "end": _start(next_period(period, granularity), zone)}
        if base == CASES:
            count = conn.execute(cases, {"step": step, **bounds}).scalar()
        else:
            count = conn.execute(inbound, bounds).scalar()
        rows.append(
            {"base": base, "step": step, "granularity": granularity, "period": period, "count": int(count or 0)}
        )
    same = (
        (b.c.base == bindparam("b_base"))
        & (b.c.step == bindparam("b_step"))
        & (b.c.granularity == bindparam("b_granularity"))
        & (b.c.period == bindparam("b_period"))
    )
    conn.execute(delete(b).where(same), [{f"b_{k}": v for k, v in r.items() if k != "count"} for r in rows])
    conn.execute(insert(b), [r for r in rows if r["count"]])


def _read(conn: Connection) -> tuple[Bases, dict[str, dict[date, int]]]:
    b = S.problem_bases
    steps: Bases = {g: defaultdict(dict) for g in GRANULARITIES}
    contacts: dict[str, dict[date, int]] = {g: {} for g in GRANULARITIES}
    for base, step, granularity, period, count in conn.execute(select(b.c.base, b.c.step, b.c.granularity,
                                                                      b.c.period, b.c.count)):  # fmt: skip
        if base == CASES:
            steps[granularity][step][period] = int(count)
        else:
            contacts[granularity][period] = int(count)
    return {g: dict(s) for g, s in steps.items()}, contacts


def _start(period: date, zone: ZoneInfo) -> datetime:
    """The UTC moment a local period begins (local midnight)."""
    return datetime(period.year, period.month, period.day, tzinfo=zone).astimezone(UTC)
