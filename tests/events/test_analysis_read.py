"""The events an analysis reads come from the database column by column into Arrow (db/arrow.py) and hold exactly
what SQLAlchemy reads row by row: nulls, empty texts, moments to the microsecond, links, order, scope."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from typing import Any

import pyarrow as pa
import pytest
from sqlalchemy import Engine, func, insert, select

from klantstem.db import schema
from klantstem.db.arrow import BATCH_ROWS, read_arrow
from klantstem.events import service
from klantstem.events.store import EventScope

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def _events(engine: Engine, count: int = 40) -> None:
    """Events of two logs; every field null, empty or odd somewhere; some linked to a customer's case."""
    with engine.begin() as conn:
        conn.execute(insert(schema.departments), [{"id": 1, "name": "Sales"}, {"id": 2, "name": "Service"}])
        conn.execute(insert(schema.customers), [{"id": 7, "display_name": "A. Klant", "created_at": T0}])
        conn.execute(
            insert(schema.cases),
            [{"id": 1, "customer_id": 7, "department_id": 1, "external_id": "C-1", "opened_at": T0},
             {"id": 2, "customer_id": None, "department_id": 2, "external_id": "C-2", "opened_at": T0}],
        )  # fmt: skip
        rows: list[dict[str, Any]] = []
        for i in range(count):
            rows.append({
                "log_name": "100%" if i % 3 else "it's",  # quotes and percent signs in a literal
                "case_key": ("C-1", "C-2", "C-3", "")[i % 4],
                "activity": ("Registreren", "Bellen \"terug\"", "Wachten, nog", "Ëind\nregel")[i % 4],
                "occurred_at": T0 + timedelta(hours=i, microseconds=(i * 7919) % 1_000_000 if i % 2 else 0),
                "lifecycle": None if i % 5 == 0 else "complete",
                "resource": "" if i % 6 == 0 else (None if i % 6 == 1 else f"Medewerker {i % 4}"),
                "team": None if i < 25 else "Team B",  # null in every row of the first batch
                "status": None if i % 2 else "Open",
                "case_id": (1, 2, None, None)[i % 4],
                "fingerprint": f"f{i:04d}",
            })  # fmt: skip
        conn.execute(insert(schema.process_events), rows)


def _row_by_row(engine: Engine, scope: EventScope) -> list[dict[str, Any]]:
    """The same events through SQLAlchemy's rows, as the reader before the Arrow one read them."""
    events, cases = schema.process_events, schema.cases
    found = []
    with engine.connect() as conn:
        stmt = select(events, cases.c.customer_id, cases.c.department_id).select_from(
            events.outerjoin(cases, cases.c.id == events.c.case_id)
        )
        for r in conn.execute(stmt.order_by(events.c.id)):
            moment = r.occurred_at if r.occurred_at.tzinfo else r.occurred_at.replace(tzinfo=UTC)
            if scope.since and moment < scope.since or scope.until and moment >= scope.until:
                continue
            if scope.log_name is not None and r.log_name != scope.log_name:
                continue
            if scope.department_id is not None and r.department_id != scope.department_id:
                continue
            found.append({
                "case": f"{r.log_name}:{r.case_key}", "activity": r.activity, "timestamp": moment,
                "lifecycle": r.lifecycle, "resource": r.resource, "team": r.team, "status": r.status,
                "customer": None if r.customer_id is None else str(r.customer_id), "line": r.id,
                "case_id": r.case_id, "customer_id": r.customer_id, "log": r.log_name,
            })  # fmt: skip
    return found


@pytest.mark.parametrize(
    "scope",
    [
        EventScope(),
        EventScope(since=T0 + timedelta(hours=5), until=T0 + timedelta(hours=30)),
        EventScope(log_name="it's"),
        EventScope(log_name="100%", department_id=1),
    ],
    ids=["all", "period", "log", "log-and-department"],
)
def test_the_arrow_read_holds_what_rows_hold(engine: Engine, scope: EventScope) -> None:
    _events(engine)
    table = service.analysis_events(engine, scope)
    expected = _row_by_row(engine, scope)
    assert expected, "the scope keeps some events"
    assert table.to_pylist() == expected
    assert table.schema.field("timestamp").type == pa.timestamp("us", tz="UTC")
    logs = service.logs_covered(table)["logs"]
    assert logs == {log: sum(1 for r in expected if r["log"] == log) for log in {r["log"] for r in expected}}


@pytest.mark.parametrize("department_id", [None, 1], ids=["all", "department"])
def test_periods_read_in_one_pass_hold_what_each_read_apart_holds(engine: Engine, department_id: int | None) -> None:
    _events(engine)
    cut = T0 + timedelta(hours=12)  # the event of hour 12 falls on the cut itself: it belongs to the later period
    scopes = [EventScope(since=cut, until=T0 + timedelta(hours=35), department_id=department_id),
              EventScope(since=T0 + timedelta(hours=3), until=cut, department_id=department_id)]  # fmt: skip
    tables = service.analysis_events_of(engine, scopes)
    expected = [_row_by_row(engine, scope) for scope in scopes]
    assert all(expected) and [t.to_pylist() for t in tables] == expected
    assert cut in [r["timestamp"] for r in expected[0]]
    assert [t.schema for t in tables] == [service.analysis_events(engine, scopes[0]).schema] * 2
    everything, nothing = service.analysis_events_of(
        engine, [EventScope(until=T0 + timedelta(days=9)), EventScope(since=T0 - timedelta(days=9), until=T0)]
    )
    assert everything.to_pylist() == _row_by_row(engine, EventScope()) and nothing.num_rows == 0
    with pytest.raises(ValueError):
        service.analysis_events_of(engine, [EventScope(department_id=1), EventScope(department_id=2)])


def test_nothing_in_scope_is_an_empty_table_of_the_same_shape(engine: Engine) -> None:
    _events(engine)
    table = service.analysis_events(engine, EventScope(log_name="no such log"))
    assert table.num_rows == 0
    assert table.schema == service.analysis_events(engine, EventScope()).schema


def test_many_batches_keep_their_order_and_a_late_first_value(engine: Engine) -> None:
    count = BATCH_ROWS + 100
    with engine.begin() as conn:
        conn.execute(
            insert(schema.process_events),
            [{"log_name": f"log {i // BATCH_ROWS}", "case_key": str(i % 97), "activity": "a",
              "occurred_at": T0 + timedelta(seconds=i), "team": "late" if i > BATCH_ROWS else None,
              "fingerprint": f"g{i}"} for i in range(count)],
        )  # fmt: skip
    schema_ = pa.schema([("id", pa.int64()), ("team", pa.string()), ("at", pa.timestamp("us", tz="UTC")),
                         ("log", pa.dictionary(pa.int32(), pa.string()))])  # fmt: skip
    e = schema.process_events
    stmt = select(e.c.id.label("id"), e.c.team.label("team"), e.c.occurred_at.label("at"), e.c.log_name.label("log"))
    table = read_arrow(engine, stmt, schema_, order_by="id")
    assert table.column("id").to_pylist() == list(range(1, count + 1))
    teams = table.column("team").to_pylist()
    assert teams[: BATCH_ROWS + 1] == [None] * (BATCH_ROWS + 1) and set(teams[BATCH_ROWS + 1 :]) == {"late"}
    assert table.column("at").to_pylist()[-1] == T0 + timedelta(seconds=count - 1)
    assert table.column("log").to_pylist() == [f"log {i // BATCH_ROWS}" for i in range(count)]


def test_the_sqlite_driver_reads_in_a_process_of_its_own(engine: Engine, db_url: str) -> None:
    """ADBC's SQLite library beside the stdlib's in one process can undo the other's file locks (SIGBUS): the
    driver must never be loaded here, while the stdlib connection keeps reading and writing the same file."""
    if engine.dialect.name != "sqlite":
        pytest.skip("the child reader is SQLite's")
    _events(engine)
    with engine.connect() as conn:  # a connection of the engine's open beside the read
        before = conn.execute(select(schema.process_events.c.id)).all()
        table = service.analysis_events(engine, EventScope())
    assert table.num_rows == len(before) == 40
    assert not any(name.startswith("adbc_driver") for name in sys.modules)
    with engine.begin() as conn:  # this process still writes the file
        conn.execute(schema.process_events.delete().where(schema.process_events.c.id == 1))
    assert service.analysis_events(engine, EventScope()).num_rows == 39


def test_a_failing_read_is_one_line(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("the child reader is SQLite's")
    _events(engine)
    e = schema.process_events
    stmt = select(func.json(e.c.activity).label("id"))  # not JSON: SQLite refuses it while running
    with pytest.raises(RuntimeError) as failed:
        read_arrow(engine, stmt, pa.schema([("id", pa.int64())]))
    assert "\n" not in str(failed.value) and "klantstem.db" in str(failed.value) and "JSON" in str(failed.value)


def test_ranges_read_side_by_side_come_back_whole_and_in_order(engine: Engine) -> None:
    _events(engine, count=45)
    e = schema.process_events
    stmt = select(e.c.id.label("id"), e.c.team.label("team"), e.c.occurred_at.label("at"))
    schema_ = pa.schema([("id", pa.int64()), ("team", pa.string()), ("at", pa.timestamp("us", tz="UTC"))])
    whole = read_arrow(engine, stmt, schema_, order_by="id")
    parts = read_arrow(engine, stmt, schema_, order_by="id", parts=[(1, 17), (17, 30), (30, 46)])
    assert whole.num_rows == 45 and parts.to_pylist() == whole.to_pylist()
    assert parts.column("team").null_count == whole.column("team").null_count == 25
