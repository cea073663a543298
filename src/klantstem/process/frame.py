"""The event table every analysis reads: loaded into DuckDB through Ibis, ordered per case, with the next
event's activity, time and business clock beside each event.

Events are ordered within a case by timestamp, then by their order in the source (`seq`), the same rule
pm4py uses, so equal timestamps keep their written order.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.operations as ops
import ibis.expr.types as ir
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from klantstem.errors import UserInputError
from klantstem.process.business_hours import clock_from_days, clock_tables, days_table, epoch_seconds
from klantstem.process.compiled import keep_in, materialize, named, query, view
from klantstem.process.eventlog import STANDARD
from klantstem.process.options import AnalysisOptions

SOURCE = "source_events"  # the events as given (an Arrow table, a Parquet file, a query)
DAYS = "clock_days"  # the business clock's per-day constants


def connect(options: AnalysisOptions) -> Any:
    """A DuckDB backend through Ibis, with UTC as its session zone."""
    config: dict[str, Any] = {}
    if options.threads:
        config["threads"] = options.threads
    if options.memory_limit:
        config["memory_limit"] = options.memory_limit
    con = ibis.duckdb.connect(options.database, **config)
    con.raw_sql(_SESSION)
    return con


_SESSION = (
    "SET TimeZone = 'UTC'; "
    "SET preserve_insertion_order = false"  # no result here relies on it; it costs memory and time
)


_databases: dict[tuple[int, int | None, str | None], Any] = {}
_databases_lock = threading.Lock()


@contextmanager
def session(options: AnalysisOptions) -> Iterator[Any]:
    """A DuckDB backend through Ibis for one report. In memory it is a schema of its own in a database the
    process keeps per setting (a new DuckDB database costs about 15 ms of CPU), dropped afterwards; a
    database file gets a connection of its own."""
    keep_in(Path(options.sql_cache) if options.sql_cache else None)
    if options.database != ":memory:":
        yield connect(options)
        return
    key = (os.getpid(), options.threads, options.memory_limit)  # a forked child makes its own
    with _databases_lock:
        if key not in _databases:
            _databases[key] = connect(options).con
        database = _databases[key]
    own = database.cursor()
    schema = f"report_{uuid.uuid4().hex}"
    try:
        own.execute(f'CREATE SCHEMA "{schema}"; USE memory."{schema}"; {_SESSION}')
        yield ibis.duckdb.from_connection(own)
    finally:
        own.close()  # first: it may hold an unfinished result when the report failed
        cleaner = database.cursor()
        cleaner.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        cleaner.close()


class Cursor:
    """Another connection to a backend's database and schema, for queries run in another thread
    (compiled.query and its kin take it as they take the backend). Tables are shared; registered Arrow
    tables and views over them are not. Made in the backend's own thread."""

    def __init__(self, backend: Any, place: str) -> None:
        self.backend = backend
        self.con = backend.con.cursor()
        self.con.execute(f"USE {place}; SET TimeZone = 'UTC'")

    def compile(self, expr: ir.Expr) -> str:
        return str(self.backend.compile(expr))

    def close(self) -> None:
        self.con.close()


def cursors(con: Any) -> Callable[[], Cursor]:
    """Cursors on the backend's database and schema (see Cursor)."""
    [(database, schema)] = con.con.execute("SELECT current_database(), current_schema()").fetchall()
    place = f'"{database}"."{schema}"'
    return lambda: Cursor(con, place)


def arrow_span(table: pa.Table) -> tuple[datetime | None, datetime | None]:
    """The first and last timestamp of events in an Arrow table."""
    found = pc.min_max(table.column("timestamp"))
    return found["min"].as_py(), found["max"].as_py()


def from_arrow(table: pa.Table) -> ir.Table:
    """Events from an Arrow table with the standard columns (as the readers give them)."""
    return ibis.memtable(standard_arrow(table))


def register_arrow(con: Any, table: pa.Table) -> ir.Table:
    """Events from an Arrow table, given to DuckDB by name without a copy (what `prepare` reads fastest)."""
    standard = standard_arrow(table)
    con.con.register(SOURCE, standard)
    return named(SOURCE, ibis.Schema.from_pyarrow(standard.schema))


def standard_arrow(table: pa.Table) -> pa.Table:
    """The standard columns, every one nullable, with `seq` (the order in the source) and without `line`."""
    if table.num_rows == 0:
        raise UserInputError("the event log holds no events")
    if "seq" not in table.column_names:
        table = table.append_column("seq", pa.array(np.arange(table.num_rows, dtype=np.int64)))
    for name in STANDARD:
        if name not in table.column_names:
            table = table.append_column(name, pa.nulls(table.num_rows, pa.string()))
    table = table.drop_columns([c for c in ("line",) if c in table.column_names])
    nullable = pa.schema([f.with_nullable(True) for f in table.schema])  # lead() of a required column is not
    return table.cast(nullable)


def from_parquet(con: Any, path: Path, columns: dict[str, str]) -> ir.Table:
    """Events straight from Parquet (never through Python), columns renamed to the standard names."""
    raw = con.read_parquet(str(path), file_row_number=True)
    picked = {name: raw[source] for name, source in columns.items()}
    for name in STANDARD:
        if name not in picked:
            picked[name] = ibis.null().cast("string")
        elif name == "timestamp":
            picked[name] = picked[name].try_cast("timestamp('UTC')")  # unreadable: left out, counted
        else:
            picked[name] = picked[name].cast("string")
    return raw.select(**picked, seq=raw.file_row_number)


def prepare(
    con: Any, events: ir.Table, options: AnalysisOptions, span: tuple[datetime | None, datetime | None] | None = None
) -> ir.Table:
    """Materialise the events each analysis reads: case, activity, team, state (status, else lifecycle),
    customer, t (epoch seconds), local (wall-clock seconds), b (business clock), pos (1, 2, ... within the
    case) and the next event's activity, t and b. Only these columns go through the sort, which is what
    costs time on a large log. `span` is the first and last timestamp when the caller knows them. The
    result is a named table (compiled.named) of the connection."""
    if not isinstance(events.op(), ops.UnboundTable | ops.DatabaseTable):
        con.create_view(SOURCE, obj=events, overwrite=True)
        events = named(SOURCE, events.schema())
    if span is None:
        found = query(con, _span, events)
        span = found["first"][0].as_py(), found["last"][0].as_py()
    first, last = span
    if first is None or last is None:
        raise UserInputError("the event log holds no events")
    tables = clock_tables(options.calendar, first.date() - timedelta(days=2), last.date() + timedelta(days=2))
    days = days_table(tables)
    con.con.register(DAYS, days)
    # A view splits the work of compiling (Ibis compiles one long chain of selects slowly); DuckDB runs it as one.
    days_named = named(DAYS, ibis.Schema.from_pyarrow(days.schema))
    timed = view(con, "clocked_events", _clocked, events, days_named, first_day=tables.first_day)
    return materialize(con, "prepared_events", _ordered, timed)


def _span(events: ir.Table) -> ir.Table:
    return events.aggregate(first=events.timestamp.min(), last=events.timestamp.max())


def _clocked(events: ir.Table, days: ir.Table, first_day: int) -> ir.Table:
    links = [name for name in ("case_id", "customer_id") if name in events.columns]
    timed = events.select(
        "case",
        "activity",
        "team",
        "customer",
        "seq",
        *links,
        t=epoch_seconds(events.timestamp),
        state=ibis.coalesce(events.status, events.lifecycle),
    )
    return clock_from_days(timed, days, first_day)


def _ordered(timed: ir.Table) -> ir.Table:
    window = ibis.window(group_by=timed.case, order_by=[timed.t, timed.seq])
    return timed.mutate(
        pos=ibis.row_number().over(window) + 1,
        next_activity=timed.activity.lead().over(window),
        next_t=timed.t.lead().over(window),
        next_b=timed.b.lead().over(window),
        next_state=timed.state.lead().over(window),
    )


def duplicates(events: ir.Table) -> ir.IntegerScalar:
    """How many events are identical to the case's next event in activity, moment and status."""
    same = (
        (events.activity == events.next_activity)
        & (events.t == events.next_t)
        & (events.state.fill_null("") == events.next_state.fill_null(""))
    )
    return same.fill_null(False).sum()
