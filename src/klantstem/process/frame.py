"""The event table every analysis reads: given to the engine (DuckDB or Spark), ordered per case, with the next
event's activity, time and business clock beside each event.

Events are ordered within a case by timestamp, then by their order in the source (`seq`), the same rule
pm4py uses, so equal timestamps keep their written order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa

from klantstem.errors import UserInputError
from klantstem.process.arrays import from_numpy, moment, to_numpy
from klantstem.process.business_hours import ClockTables, clock_arrays, clock_from_days, days_table, kept_clock_tables
from klantstem.process.compiled import Engine, Named, materialize, named, query, view
from klantstem.process.eventlog import STANDARD
from klantstem.process.options import AnalysisOptions

if TYPE_CHECKING:
    import ibis.expr.types as ir

UTC_US = pa.timestamp("us", tz="UTC")  # as timestamps.UTC_US (not imported: it loads the date parsers)
SOURCE = "source_events"  # the events as given (an Arrow table, a Parquet file, a query)
DAYS = "clock_days"  # the business clock's per-day constants
# The columns of the events as every engine is given them: the standard ones with the time as seconds since 1970
# (with microseconds; computed where the events are read, so no query needs an engine's own epoch function) and
# `seq`, the order in the source.
SOURCE_SCHEMA = pa.schema(
    [*(("t", pa.float64()) if name == "timestamp" else (name, pa.string()) for name in STANDARD), ("seq", pa.int64())]
)


def source_select(columns: dict[str, str], quote: Callable[[str], str], seconds: str, text: str) -> str:
    """The SELECT list, in an engine's SQL, that reads a file's columns as SOURCE_SCHEMA (less `seq`): `columns`
    names the file's column of each standard one (a missing one is NULL), `quote` quotes a name, `seconds` turns
    a value (`{}`) into epoch seconds and `text` is the engine's string type."""
    picked = []
    for column in STANDARD:
        source = columns.get(column)
        value = quote(source) if source else "NULL"
        if column == "timestamp":
            picked.append(f"{seconds.format(value)} AS t")
        else:
            picked.append(f"CAST({value} AS {text}) AS {quote(column)}")
    return ", ".join(picked)


def left_out(counts: Sequence[Any]) -> dict[str, int]:
    """The warnings for the counts of events without a case, an activity and a (readable) time, as read."""
    names = ("without_case", "without_activity", "without_timestamp")
    return {f"events_{k}_left_out": int(v) for k, v in zip(names, counts, strict=True) if v}


def _micros(column: pa.ChunkedArray) -> int | None:
    seconds = column[0].as_py()
    return None if seconds is None else round(seconds * 1_000_000)


def arrow_span(table: pa.Table) -> tuple[datetime | None, datetime | None]:
    """The first and last timestamp of the events in an Arrow table of the standard columns (standard_arrow)."""
    import pyarrow.compute as pc  # only for Arrow tables: a Parquet log never loads Arrow's compute functions

    found = pc.min_max(table.column("t"))
    first, last = found["min"].as_py(), found["max"].as_py()
    return moment(None if first is None else round(first * 1_000_000)), moment(
        None if last is None else round(last * 1_000_000)
    )


def plain_parquet(schema: pa.Schema, columns: dict[str, str]) -> bool:
    """Whether a Parquet file's columns (`columns`: the file's column of each standard one) can be read as they
    are (parquet_events): the time as a timestamp, every other column as text or a dictionary of text. Other
    types are converted by the engine (engine's read_parquet)."""
    for standard, source in columns.items():
        kind = schema.field(source).type
        if pa.types.is_dictionary(kind):
            kind = kind.value_type
        if not (pa.types.is_timestamp(kind) if standard == "timestamp" else pa.types.is_string(kind)):
            return False
    return True


def parquet_events(path: Path, columns: dict[str, str]) -> tuple[pa.Table, dict[str, int]]:
    """The events of a Parquet file (plain_parquet) as an Arrow table of the standard columns, text read as
    dictionaries where the file keeps it so (no string is built), a time without a zone taken as UTC (as the
    engines read it); and the counts of events left out for a missing case, activity or time."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    used = list(dict.fromkeys(columns.values()))
    text = [source for standard, source in columns.items() if standard != "timestamp"]
    try:
        read = pq.ParquetFile(path, read_dictionary=text).read(columns=used)  # pq.read_table loads Arrow's datasets
    except (OSError, pa.ArrowException) as exc:
        raise UserInputError(f"{path}: not a readable Parquet file ({str(exc).splitlines()[0]})") from None
    moments = read.column(columns["timestamp"])
    if moments.type.tz is None:
        moments = moments.cast(pa.timestamp(moments.type.unit, tz="UTC"))
    table = pa.table(
        {standard: moments if standard == "timestamp" else read.column(source) for standard, source in columns.items()}
    )
    missing = [table.column(name).null_count for name in ("case", "activity", "timestamp")]
    if any(missing):
        case, activity, moment_column = (pc.is_valid(table.column(n)) for n in ("case", "activity", "timestamp"))
        table = table.filter(pc.and_(pc.and_(case, activity), moment_column))
    return table, left_out(missing)


def standard_arrow(table: pa.Table) -> pa.Table:
    """The standard columns, every one nullable, the time as epoch seconds `t` (SOURCE_SCHEMA), with `seq` (the
    order in the source), and the other columns given (`case_id`, `customer_id`) after them; without `line`."""
    if table.num_rows == 0:
        raise UserInputError("the event log holds no events")
    if "seq" not in table.column_names:
        order = np.arange(table.num_rows, dtype=np.int64)  # from its buffer: pa.array() would load pandas
        table = table.append_column("seq", pa.Array.from_buffers(pa.int64(), len(order), [None, pa.py_buffer(order)]))
    for name in STANDARD:
        if name not in table.column_names:
            table = table.append_column(name, pa.nulls(table.num_rows, pa.string()))
    import pyarrow.compute as pc

    micros = table.column("timestamp").cast(UTC_US).cast(pa.int64())
    million = from_numpy(np.array([1e6]))[0]  # a Python number would be made a scalar through pandas
    seconds = pc.divide(micros.cast(pa.float64()), million)  # as DuckDB's epoch() and Spark's unix_micros() / 1e6
    table = table.drop_columns([c for c in ("line",) if c in table.column_names])
    index = table.column_names.index("timestamp")
    table = table.set_column(index, "t", seconds)
    nullable = pa.schema([f.with_nullable(True) for f in table.schema])  # lead() of a required column is not
    return table.cast(nullable)


def prepare(
    con: Engine,
    events: Named | pa.Table,
    options: AnalysisOptions,
    span: tuple[datetime | None, datetime | None] | None = None,
) -> Named:
    """Materialise the events each analysis reads: case, activity, team, state (status, else lifecycle),
    customer, t (epoch seconds), pos (1, 2, ... within the case), the next event's activity, t and state, the
    event before's team (`prev_team`), and the business clock of the event and of the next one (b, next_b) with
    the event's wall-clock seconds (local). `events` is a named table of the engine or an Arrow table of the
    standard columns (standard_arrow). An Arrow table is ordered in this process (ordering.arranged: no sort
    when it is in order already) when the engine reads Arrow dictionaries (`Engine.arranged_arrow`); otherwise
    the engine orders the events, with only the columns the order needs going through its per-case sort, and
    the clock computed after it, on the ordered rows. `span` is the first and last timestamp when the caller
    knows them. The result is a named table (compiled.named) of the connection."""
    table = events if isinstance(events, pa.Table) else None
    if table is not None:
        span = arrow_span(table)
    elif span is None:
        found = query(con, _span, events)
        span = moment(_micros(found["first"])), moment(_micros(found["last"]))
    first, last = span
    if first is None or last is None:
        raise UserInputError("the event log holds no events")
    tables = kept_clock_tables(options.calendar, first.date() - timedelta(days=2), last.date() + timedelta(days=2))
    if table is not None:
        from klantstem.process.ordering import arranged

        ordered = arranged(table) if con.arranged_arrow else None
        if ordered is not None:
            return _clocked_arrow(con, ordered, tables)
        events = named(con.register(SOURCE, table), table.schema)
    days = days_table(tables)
    days_named = named(con.register(DAYS, days), days.schema)
    # A view splits the work of compiling (Ibis compiles one long chain of selects slowly); the engine runs it as one.
    ordered_view = view(con, "ordered_events", _ordered, events)
    return materialize(con, "prepared_events", _clocked, ordered_view, days_named, first_day=tables.first_day)


def _clocked_arrow(con: Engine, ordered: pa.Table, tables: ClockTables) -> Named:
    """The ordered events (ordering.arranged) with the business clock of each event (business_hours.clock_arrays,
    equal to the engine's), the next event's taken from the row after it in the same case; given to the engine."""
    local, business = clock_arrays(to_numpy(ordered.column("t").combine_chunks()), tables)  # type: ignore[arg-type]
    pos = to_numpy(ordered.column("pos").combine_chunks())
    last = np.ones(len(pos), dtype=bool)  # the case's last event: no next one
    last[:-1] = pos[1:] == 1
    next_business = np.empty_like(business)
    next_business[:-1] = business[1:]
    next_business[last] = 0.0
    clocked = ordered.append_column("local", from_numpy(local))
    clocked = clocked.append_column("b", from_numpy(business)).append_column("next_b", from_numpy(next_business, last))
    return named(con.register("prepared_events", clocked), clocked.schema)


def _span(events: ir.Table) -> ir.Table:
    return events.aggregate(first=events.t.min(), last=events.t.max())


def _ordered(events: ir.Table) -> ir.Table:
    import ibis

    links = [name for name in ("case_id", "customer_id") if name in events.columns]
    window = ibis.window(group_by=events.case, order_by=[events.t, events.seq])
    state = ibis.coalesce(events.status, events.lifecycle)
    return events.select(
        "case",
        "activity",
        "team",
        "customer",
        "t",
        *links,
        state=state,
        pos=ibis.row_number().over(window) + 1,
        next_activity=events.activity.lead().over(window),
        next_t=events.t.lead().over(window),
        next_state=state.lead().over(window),
        prev_team=events.team.lag().over(window),
    )


def _clocked(ordered: ir.Table, days: ir.Table, first_day: int) -> ir.Table:
    clocked = clock_from_days(ordered, days, first_day)
    return clock_from_days(clocked, days, first_day, at="next_t", local=None, business="next_b")


def duplicates(events: ir.Table) -> ir.IntegerScalar:
    """How many events are identical to the case's next event in activity, moment and status."""
    same = (
        (events.activity == events.next_activity)
        & (events.t == events.next_t)
        & (events.state.fill_null("") == events.next_state.fill_null(""))
    )
    return same.fill_null(False).sum()
