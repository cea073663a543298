"""SQL for the job_runs table: which shared job is due, claimed by whom, and how its last run went."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from klantstem.db import schema

_j = schema.job_runs


def ensure(conn: Connection, name: str, due_at: datetime) -> None:
    """A row for this job (due at `due_at`) unless one exists."""
    if conn.execute(select(_j.c.name).where(_j.c.name == name)).first() is not None:
        return
    try:
        with conn.begin_nested():
            conn.execute(insert(_j).values(name=name, due_at=due_at))
    except IntegrityError:
        pass  # another process made it first


def claim(conn: Connection, name: str, now: datetime, next_due: datetime) -> bool:
    """Take the job if it is due: one atomic update, so of several processes exactly one gets it."""
    stmt = (
        update(_j)
        .where(_j.c.name == name, _j.c.due_at <= now)
        .values(due_at=next_due, started_at=now, finished_at=None)
    )
    return conn.execute(stmt).rowcount == 1


def finish(conn: Connection, name: str, now: datetime, outcome: str) -> None:
    conn.execute(update(_j).where(_j.c.name == name).values(finished_at=now, outcome=outcome[:300]))


def runs(conn: Connection) -> list[tuple[str, datetime | None, datetime | None, datetime | None, str | None]]:
    rows = conn.execute(select(_j.c.name, _j.c.due_at, _j.c.started_at, _j.c.finished_at, _j.c.outcome))
    return [(r.name, r.due_at, r.started_at, r.finished_at, r.outcome) for r in rows]
