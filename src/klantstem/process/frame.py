"""The event table every analysis reads: loaded into DuckDB through Ibis, ordered per case, with the next
event's activity, time and business clock beside each event.

Events are ordered within a case by timestamp, then by their order in the source (`seq`), the same rule
pm4py uses, so equal timestamps keep their written order.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from klantstem.errors import UserInputError
from klantstem.process.arrays import moment
from klantstem.process.business_hours import clock_from_days, clock_tables, days_table, epoch_seconds
from klantstem.process.compiled import Named, keep_in, materialize, named, query, view
from klantstem.process.eventlog import STANDARD
from klantstem.process.options import AnalysisOptions
from klantstem.process.timestamps import UTC_US

if TYPE_CHECKING:
    import ibis.expr.types as ir

SOURCE = "source_events"  # the events as given (an Arrow table, a Parquet file, a query)
DAYS = "clock_days"  # the business clock's per-day constants
_SESSION = (
    "SET TimeZone = 'UTC'; "
    "SET preserve_insertion_order = false"  # no result here relies on it; it costs memory and time
)


class DuckDB:
    """The DuckDB side of the analyses: a connection (`con`, DuckDB's own) in one database and schema, what
    compiled.query and its kin run statements on. Ibis compiles a statement to DuckDB's SQL only when it is
    not kept (compiled.py), so a report whose statements are kept never loads Ibis."""

    def __init__(self, con: Any) -> None:
        self.con = con

    def compile(self, expr: ir.Expr) -> str:
        import ibis

        return str(ibis.to_sql(expr, dialect="duckdb", pretty=False))

    def cursor(self) -> DuckDB:
        """Another connection to the same database and schema, for a query in another thread. Tables are
        shared; registered Arrow tables and views over them are not."""
        [(database, schema)] = self.con.execute("SELECT current_database(), current_schema()").fetchall()
        own = self.con.cursor()
        own.execute(f'USE "{database}"."{schema}"; {_SESSION}')
        return DuckDB(own)

    def close(self) -> None:
        self.con.close()


def _database(options: AnalysisOptions) -> Any:
    import duckdb

    config: dict[str, Any] = {}
    if options.threads:
        config["threads"] = options.threads
    if options.memory_limit:
        config["memory_limit"] = options.memory_limit
    if options.spill_dir:
        config["temp_directory"] = options.spill_dir
    try:
        con = duckdb.connect(options.database, config=config)
    except duckdb.Error as exc:
        raise UserInputError(f"cannot start the analysis database: {_first_line(exc)}") from None
    con.execute(_SESSION)
    return con


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


@contextmanager
def _engine_errors(options: AnalysisOptions) -> Iterator[None]:
    """DuckDB running out of memory or spill room becomes one line that says what to change."""
    import duckdb

    try:
        yield
    except duckdb.OutOfMemoryException:
        limit = f"the memory limit ({options.memory_limit})" if options.memory_limit else "this machine's memory"
        spill = f"the spill folder {options.spill_dir}" if options.spill_dir else "a spill folder"
        raise UserInputError(
            f"the event log needs more than {limit} allows, even spilling to disk; raise the memory limit or give "
            f"{spill} more room"
        ) from None
    except duckdb.IOException as exc:
        raise UserInputError(f"the analysis could not write to disk: {_first_line(exc)}") from None


def connect(options: AnalysisOptions) -> DuckDB:
    """A DuckDB connection of its own, with UTC as its session zone."""
    return DuckDB(_database(options))


_databases: dict[tuple[int, int | None, str | None, str | None], Any] = {}
_databases_lock = threading.Lock()


@contextmanager
def session(options: AnalysisOptions) -> Iterator[DuckDB]:
    """A DuckDB connection for one report. In memory it is a schema of its own in a database the process
    keeps per setting (a new DuckDB database costs about 15 ms of CPU), dropped afterwards; a database file
    gets a connection of its own."""
    keep_in(Path(options.sql_cache) if options.sql_cache else None)
    if options.database != ":memory:":
        own = connect(options)
        try:
            with _engine_errors(options):
                yield own
        finally:
            own.close()
        return
    key = (os.getpid(), options.threads, options.memory_limit, options.spill_dir)  # a forked child makes its own
    with _databases_lock:
        if key not in _databases:
            _databases[key] = _database(options)
        database = _databases[key]
    own = database.cursor()
    schema = f"report_{uuid.uuid4().hex}"
    try:
        own.execute(f'CREATE SCHEMA "{schema}"; USE memory."{schema}"; {_SESSION}')
        with _engine_errors(options):
            yield DuckDB(own)
    finally:
        own.close()  # first: it may hold an unfinished result when the report failed
        cleaner = database.cursor()
        cleaner.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        cleaner.close()


def _micros(column: pa.ChunkedArray) -> int | None:
    return column.cast(UTC_US).cast(pa.int64())[0].as_py()  # type: ignore[no-any-return]


def arrow_span(table: pa.Table) -> tuple[datetime | None, datetime | None]:
    """The first and last timestamp of events in an Arrow table."""
    found = pc.min_max(table.column("timestamp").cast(UTC_US).cast(pa.int64()))
    return moment(found["min"].as_py()), moment(found["max"].as_py())


def register_arrow(con: DuckDB, table: pa.Table) -> Named:
    """Events from an Arrow table, given to DuckDB by name without a copy (what `prepare` reads fastest)."""
    standard = standard_arrow(table)
    con.con.register(SOURCE, standard)
    return named(SOURCE, standard.schema)


def standard_arrow(table: pa.Table) -> pa.Table:
    """The standard columns, every one nullable, with `seq` (the order in the source) and without `line`."""
    if table.num_rows == 0:
        raise UserInputError("the event log holds no events")
    if "seq" not in table.column_names:
        order = np.arange(table.num_rows, dtype=np.int64)  # from its buffer: pa.array() would load pandas
        table = table.append_column("seq", pa.Array.from_buffers(pa.int64(), len(order), [None, pa.py_buffer(order)]))
    for name in STANDARD:
        if name not in table.column_names:
            table = table.append_column(name, pa.nulls(table.num_rows, pa.string()))
    table = table.drop_columns([c for c in ("line",) if c in table.column_names])
    nullable = pa.schema([f.with_nullable(True) for f in table.schema])  # lead() of a required column is not
    return table.cast(nullable)


_PARQUET_SCHEMA = pa.schema(
    [*((name, pa.timestamp("us", tz="UTC") if name == "timestamp" else pa.string()) for name in STANDARD),
     ("seq", pa.int64())]
)  # fmt: skip


def from_parquet(con: DuckDB, path: Path, columns: dict[str, str]) -> tuple[Named, dict[str, int]]:
    """Events straight from Parquet (never through Python), columns renamed to the standard names, as a view
    of the complete events; and the counts of events left out for a missing case, activity or time (a time
    that cannot be read counts as missing)."""
    picked = []
    for name in STANDARD:
        source = columns.get(name)
        if source is None:
            picked.append(f'CAST(NULL AS VARCHAR) AS "{name}"')
        elif name == "timestamp":
            picked.append(f'TRY_CAST({_quoted(source)} AS TIMESTAMPTZ) AS "{name}"')
        else:
            picked.append(f'CAST({_quoted(source)} AS VARCHAR) AS "{name}"')
    literal = "'" + str(path).replace("'", "''") + "'"
    raw = f"SELECT {', '.join(picked)}, file_row_number AS seq FROM read_parquet({literal}, file_row_number = true)"
    con.con.execute(f'CREATE OR REPLACE VIEW "all_{SOURCE}" AS {raw}')
    complete = '"case" IS NOT NULL AND activity IS NOT NULL AND "timestamp" IS NOT NULL'
    con.con.execute(f'CREATE OR REPLACE VIEW "{SOURCE}" AS SELECT * FROM "all_{SOURCE}" WHERE {complete}')
    [counts] = con.con.execute(
        'SELECT count(*) FILTER (WHERE "case" IS NULL), count(*) FILTER (WHERE activity IS NULL), '
        f'count(*) FILTER (WHERE "timestamp" IS NULL) FROM "all_{SOURCE}"'
    ).fetchall()
    names = ("without_case", "without_activity", "without_timestamp")
    warnings = {f"events_{k}_left_out": int(v) for k, v in zip(names, counts, strict=True) if v}
    return named(SOURCE, _PARQUET_SCHEMA), warnings


def _quoted(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def prepare(
    con: DuckDB, events: Named, options: AnalysisOptions, span: tuple[datetime | None, datetime | None] | None = None
) -> Named:
    """Materialise the events each analysis reads: case, activity, team, state (status, else lifecycle),
    customer, t (epoch seconds), local (wall-clock seconds), b (business clock), pos (1, 2, ... within the
    case) and the next event's activity, t and b. Only these columns go through the sort, which is what
    costs time on a large log. `span` is the first and last timestamp when the caller knows them. The
    result is a named table (compiled.named) of the connection."""
    if span is None:
        found = query(con, _span, events)
        span = moment(_micros(found["first"])), moment(_micros(found["last"]))
    first, last = span
    if first is None or last is None:
        raise UserInputError("the event log holds no events")
    tables = clock_tables(options.calendar, first.date() - timedelta(days=2), last.date() + timedelta(days=2))
    days = days_table(tables)
    con.con.register(DAYS, days)
    # A view splits the work of compiling (Ibis compiles one long chain of selects slowly); DuckDB runs it as one.
    days_named = named(DAYS, days.schema)
    timed = view(con, "clocked_events", _clocked, events, days_named, first_day=tables.first_day)
    return materialize(con, "prepared_events", _ordered, timed)


def _span(events: ir.Table) -> ir.Table:
    return events.aggregate(first=events.timestamp.min(), last=events.timestamp.max())


def _clocked(events: ir.Table, days: ir.Table, first_day: int) -> ir.Table:
    import ibis

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
    import ibis

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
