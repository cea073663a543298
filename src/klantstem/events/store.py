"""SQL for process events: idempotent inserts, linking to cases, import runs, and reading back."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func, select, update
from sqlalchemy.dialects import sqlite

from klantstem.dates import to_utc
from klantstem.db import schema

EVENT_COLUMNS = ("case_key", "activity", "occurred_at", "lifecycle", "resource", "team", "status")


def insert_events(conn: Connection, rows: Sequence[dict[str, Any]]) -> int:
    """Insert rows whose fingerprint is new; returns how many were added."""
    if not rows:
        return 0
    table = schema.process_events
    if conn.dialect.name == "sqlite":
        result = conn.execute(sqlite.insert(table).on_conflict_do_nothing(index_elements=["fingerprint"]), rows)
        return int(result.rowcount)
    return _insert_postgres(conn, rows)


_COPIED = ("log_name", "case_key", "activity", "occurred_at", "lifecycle", "resource", "team", "status", "fingerprint")


def _insert_postgres(conn: Connection, rows: Sequence[dict[str, Any]]) -> int:
    """COPY into a staging table dropped at commit, then insert what is new: several times faster than
    INSERT .. RETURNING per row, and still inside the caller's transaction."""
    columns = ", ".join(_COPIED)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(
            "CREATE TEMP TABLE IF NOT EXISTS process_events_staging "
            "(LIKE process_events INCLUDING DEFAULTS) ON COMMIT DROP"
        )
        cursor.execute("TRUNCATE process_events_staging")
        with cursor.copy(f"COPY process_events_staging ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(tuple(row[name] for name in _COPIED))
        cursor.execute(
            f"INSERT INTO process_events ({columns}) SELECT {columns} FROM process_events_staging "
            "ON CONFLICT (fingerprint) DO NOTHING"
        )
        return int(cursor.rowcount)
    finally:
        cursor.close()


def link_cases(conn: Connection, log_name: str) -> int:
    """Set case_id where a case's external_id equals the event's case key; returns events linked."""
    events, cases = schema.process_events, schema.cases
    case_id = select(cases.c.id).where(cases.c.external_id == events.c.case_key).scalar_subquery()
    statement = (
        update(events)
        .where(events.c.log_name == log_name, events.c.case_id.is_(None))
        .where(events.c.case_key.in_(select(cases.c.external_id).where(cases.c.external_id.is_not(None))))
        .values(case_id=case_id)
    )
    return int(conn.execute(statement).rowcount)


def record_run(
    conn: Connection, file_name: str, sha256: str, added: int, duplicates: int, rejected: int, at: datetime
) -> None:
    conn.execute(
        schema.import_runs.insert().values(
            kind="events",
            file_name=file_name[-500:],
            file_sha256=sha256,
            added=added,
            duplicates=duplicates,
            rejected=rejected,
            finished_at=at,
        )
    )


def id_parts(conn: Connection, count: int, least: int) -> list[tuple[int, int]]:
    """The ids of all events cut into `count` ranges [low, high) of about equal width, in order; one range when
    there are fewer than `least` ids."""
    low, high = conn.execute(select(func.min(schema.process_events.c.id), func.max(schema.process_events.c.id))).one()
    if low is None:
        return []
    width = -(-(high + 1 - low) // count)
    if width * count < least:
        return [(low, high + 1)]
    return [(low + i * width, min(low + (i + 1) * width, high + 1)) for i in range(count)]


def log_names(conn: Connection) -> dict[str, int]:
    events = schema.process_events
    rows = conn.execute(select(events.c.log_name, func.count()).group_by(events.c.log_name).order_by(events.c.log_name))
    return {str(name): int(n) for name, n in rows}


def iter_events(conn: Connection, log_name: str | None, size: int = 50_000) -> Iterator[list[tuple[Any, ...]]]:
    """Events with their case's id and customer, in pages of `size` rows."""
    events, cases = schema.process_events, schema.cases
    query = (
        select(
            events.c.log_name,
            events.c.case_key,
            events.c.activity,
            events.c.occurred_at,
            events.c.lifecycle,
            events.c.resource,
            events.c.team,
            events.c.status,
            events.c.id,
            events.c.case_id,
            cases.c.customer_id,
        )
        .select_from(events.outerjoin(cases, cases.c.id == events.c.case_id))
        .order_by(events.c.id)
    )
    if log_name is not None:
        query = query.where(events.c.log_name == log_name)
    result = conn.execution_options(yield_per=size).execute(query)
    for page in result.partitions(size):
        yield [tuple(row) for row in page]


def column_limits() -> dict[str, int]:
    """The longest text each process_events column takes."""
    limits: dict[str, int] = {}
    for column in schema.process_events.columns:
        length = getattr(column.type, "length", None)
        if length:
            limits[column.name] = int(length)
    return limits


@dataclass(frozen=True)
class EventScope:
    """Which events an analysis reads: one log or all, a period [since, until), one department's cases."""

    log_name: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    department_id: int | None = None


LINK_FIELDS = ("case_id", "customer_id")  # the app's case and customer an event is linked to


def case_identity() -> ColumnElement[str]:
    """The one case key of an event: its log and its case there (two logs may each have a case "1")."""
    events = schema.process_events
    return func.coalesce(events.c.log_name, "") + ":" + events.c.case_key


def _in_scope(scope: EventScope) -> list[ColumnElement[bool]]:
    """Conditions on process_events that select the events in `scope`."""
    events, cases = schema.process_events, schema.cases
    where: list[ColumnElement[bool]] = []
    if scope.log_name is not None:
        where.append(events.c.log_name == scope.log_name)
    if scope.since is not None:
        where.append(events.c.occurred_at >= to_utc(scope.since))
    if scope.until is not None:
        where.append(events.c.occurred_at < to_utc(scope.until))
    if scope.department_id is not None:  # one look-up per event in the department's cases, made once
        where.append(events.c.case_id.in_(select(cases.c.id).where(cases.c.department_id == scope.department_id)))
    return where


def analysis_rows(scope: EventScope) -> Select[Any]:
    """The events in `scope` with columns named like an event log's (`case` is the one case key, `line` the
    event's id), the app case they link to (`case_id`) and the log's name; unordered. The case's customer is not
    joined here: case_customers() gives it by case id (a join per event costs more than a look-up in an array)."""
    events = schema.process_events
    return select(
        case_identity().label("case"), events.c.activity.label("activity"),
        events.c.occurred_at.label("timestamp"), events.c.lifecycle.label("lifecycle"),
        events.c.resource.label("resource"), events.c.team.label("team"), events.c.status.label("status"),
        events.c.id.label("line"), events.c.case_id.label("case_id"),
        func.coalesce(events.c.log_name, "").label("log"),
    ).where(*_in_scope(scope))  # fmt: skip


def case_customers() -> Select[Any]:
    """Each case's id and its customer's (`customer_id`, null for a case without one)."""
    cases = schema.cases
    return select(cases.c.id.label("case_id"), cases.c.customer_id.label("customer_id"))
