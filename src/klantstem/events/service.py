"""Process events in the app database: importing event logs, and handing them to process analysis.

An import streams the file's events into process_events in one transaction (all or nothing). Each event
has a fingerprint: sha256 of the log name, case, activity, timestamp, lifecycle, resource, and the event's
ordinal among identical events of its case, so importing a file twice adds nothing the second time while
genuinely repeated identical events are all kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import Engine

from klantstem.clock import Clock, SystemClock
from klantstem.db.arrow import BATCH_ROWS, read_arrow, read_batches
from klantstem.db.engine import reading
from klantstem.errors import ImportFileError, UserInputError
from klantstem.events import store
from klantstem.events.store import LINK_FIELDS
from klantstem.events.store import EventScope as EventScope
from klantstem.process.service import EVENT_SCHEMA, AnalysisOptions, ColumnMapping, analyze_table, open_event_log
from klantstem.promises import service as promises
from klantstem.settings import Settings

Progress = Callable[[int, int], None]  # (bytes read, bytes in the file)

_ORDINAL_GENERATION = 1_000_000  # identical events further apart than this in a file may be counted as one
_LIMITS = {"case": "case_key", "activity": "activity", "lifecycle": "lifecycle", "resource": "resource"}
_LIMITS |= {"team": "team", "status": "status"}
# nullable fields: DuckDB would otherwise carry NOT NULL into derived columns such as the next activity
_ANALYSIS_SCHEMA = pa.schema(
    [f.with_nullable(True) for f in EVENT_SCHEMA]
    + [pa.field(n, pa.int64()) for n in LINK_FIELDS]
    + [pa.field("log", pa.dictionary(pa.int32(), pa.string()))]  # few names, each repeated on millions of events
)
_READ_SCHEMA = pa.schema([f for f in _ANALYSIS_SCHEMA if f.name not in ("customer", "customer_id")])
_CASE_SCHEMA = pa.schema([pa.field("case_id", pa.int64()), pa.field("customer_id", pa.int64())])
_READERS = 2  # the machine the speed goal names has two cores


@dataclass(frozen=True)
class EventImportResult:
    file: str
    log_name: str
    events: int
    added: int
    duplicates: int
    rejected: int
    cases_linked: int
    warnings: dict[str, int] = field(default_factory=dict)
    promises_kept: int = 0  # open promises whose expected activity the new events show done in time

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def default_log_name(path: Path) -> str:
    name = path.name
    for suffix in (".gz", ".xes", ".csv", ".txt", ".parquet"):
        name = name.removesuffix(suffix)
    return name or path.name


def import_events(
    engine: Engine,
    path: Path,
    *,
    columns: dict[str, str | None] | None = None,
    log_name: str | None = None,
    settings: Settings | None = None,
    clock: Clock | None = None,
    progress: Progress | None = None,
) -> EventImportResult:
    """Import an event log file (XES, XES.gz, CSV, Parquet); raises ImportFileError on bad input. Afterwards,
    open promises whose expected activity the new events show done in time are kept."""
    settings = settings or Settings()
    if not path.is_file():
        raise ImportFileError(str(path), "no such file")
    size = path.stat().st_size
    log = log_name or default_log_name(path)
    mapping = ColumnMapping().with_overrides(**(columns or {}))
    reader = open_event_log(path, mapping, batch_size=settings.import_batch_size, default_timezone=settings.timezone)
    ordinals = _Ordinals()
    limits = store.column_limits()
    total = added = 0
    with engine.begin() as conn:
        for batch in reader.batches():
            _check_lengths(path, batch, reader.source_names, limits)
            rows = list(_rows(log, batch, ordinals))
            added += store.insert_events(conn, rows)
            total += len(rows)
            if progress is not None:
                progress(reader.bytes_read, size)
        if total == 0:
            raise ImportFileError(str(path), "the file holds no events")
        linked = store.link_cases(conn, log)
        now = (clock or SystemClock()).now()
        store.record_run(conn, str(path), _file_sha256(path), added, total - added, 0, now)
        kept = promises.keep_matching(conn, None) if added else 0  # in the import's transaction: all or nothing
    warnings = dict(reader.stats.warnings)
    return EventImportResult(str(path), log, total, added, total - added, 0, linked, warnings, kept)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


class _Ordinals:
    """How often an identical event was seen before in its case, over a window of recent events."""

    def __init__(self) -> None:
        self._current: dict[int, int] = {}
        self._previous: dict[int, int] = {}

    def next(self, key: str) -> int:
        h = hash(key)
        seen = self._current.get(h)
        if seen is None:
            seen = self._previous.get(h, 0)
        self._current[h] = seen + 1
        if len(self._current) >= _ORDINAL_GENERATION:
            self._previous, self._current = self._current, {}
        return seen


def _rows(log: str, batch: pa.RecordBatch, ordinals: _Ordinals) -> Iterator[dict[str, Any]]:
    case = batch.column("case").to_pylist()
    activity = batch.column("activity").to_pylist()
    moments = batch.column("timestamp").to_pylist()
    micros = batch.column("timestamp").cast(pa.int64()).to_pylist()
    lifecycle = batch.column("lifecycle").to_pylist()
    resource = batch.column("resource").to_pylist()
    team = batch.column("team").to_pylist()
    status = batch.column("status").to_pylist()
    for i in range(batch.num_rows):
        key = "\x1f".join((log, case[i], activity[i], str(micros[i]), lifecycle[i] or "", resource[i] or ""))
        ordinal = ordinals.next(key)
        yield {
            "log_name": log,
            "case_key": case[i],
            "activity": activity[i],
            "occurred_at": moments[i],
            "lifecycle": lifecycle[i],
            "resource": resource[i],
            "team": team[i],
            "status": status[i],
            "fingerprint": hashlib.sha256(f"{key}\x1f{ordinal}".encode()).hexdigest(),
        }


def _check_lengths(path: Path, batch: pa.RecordBatch, sources: dict[str, str], limits: dict[str, int]) -> None:
    """Refuse a value longer than its database column, naming its line and field."""
    for name, column in _LIMITS.items():
        limit = limits[column]
        values = batch.column(name)
        if values.null_count == len(values):
            continue
        too_long = pc.greater(pc.utf8_length(values), limit)
        if pc.any(too_long).as_py():
            row = int(pc.index(too_long, True).as_py())
            line = batch.column("line")[row].as_py()
            reason = f"value longer than {limit} characters"
            raise ImportFileError(str(path), reason, line=line, field=sources.get(name, name))


def log_names(engine: Engine) -> dict[str, int]:
    """Event logs in the database with their number of events."""
    with engine.connect() as conn:
        return store.log_names(conn)


EXPORT_SCHEMA = pa.schema(
    [
        ("log_name", pa.string()),
        ("case", pa.string()),
        ("activity", pa.string()),
        ("timestamp", pa.timestamp("us", tz="UTC")),
        ("lifecycle", pa.string()),
        ("resource", pa.string()),
        ("team", pa.string()),
        ("status", pa.string()),
        ("event_id", pa.int64()),
        ("case_id", pa.int64()),
        ("customer_id", pa.int64()),
    ]
)


def events_table(engine: Engine, log_name: str | None = None) -> pa.Table:
    """The process events (one log or all) as Arrow, with the case and customer they link to."""
    batches: list[pa.RecordBatch] = []
    with engine.connect() as conn:
        for page in store.iter_events(conn, log_name):
            columns = list(zip(*page, strict=True))
            arrays = [pa.array(values, type=f.type) for values, f in zip(columns, EXPORT_SCHEMA, strict=True)]
            batches.append(pa.RecordBatch.from_arrays(arrays, schema=EXPORT_SCHEMA))
    return pa.Table.from_batches(batches, schema=EXPORT_SCHEMA)


def analysis_events(engine: Engine, scope: EventScope | None = None) -> pa.Table:
    """The events in `scope` as an event-log table for process analysis, in the order they were stored: `case` is
    the one case key (log and case), `customer` the linked case's customer, `log` the event log's name. Read column
    by column into Arrow (never as Python rows)."""
    return analysis_events_of(engine, [scope or EventScope()])[0]


def analysis_events_of(engine: Engine, scopes: Sequence[EventScope]) -> list[pa.Table]:
    """analysis_events of each scope, read in one pass over the events: the scopes differ only in their period
    (the same log and department). Reading a period scans every event in SQLite (the events are read in id order,
    not by moment), so two periods read at once cost one scan; each batch is split as it arrives."""
    first = scopes[0]
    if any((s.log_name, s.department_id) != (first.log_name, first.department_id) for s in scopes):
        raise ValueError("scopes read in one pass differ only in their period")
    union = replace(
        first,
        since=None if any(s.since is None for s in scopes) else min(s.since for s in scopes if s.since),
        until=None if any(s.until is None for s in scopes) else max(s.until for s in scopes if s.until),
    )
    with reading(engine) as conn:  # on SQLite the halves of the ids are read side by side, by two children
        parts = store.id_parts(conn, _READERS, least=4 * BATCH_ROWS)
    with ThreadPoolExecutor(1) as pool:
        customers = pool.submit(_case_customers, engine)  # read while the events are
        kept: list[list[pa.RecordBatch]] = [[] for _ in scopes]
        rows = store.analysis_rows(union)
        for batch in read_batches(engine, rows, _READ_SCHEMA, order_by="line", parts=parts):
            for found, scope in zip(kept, scopes, strict=True):
                found.extend([batch] if len(scopes) == 1 else _part_within(batch, scope))
        lookup = customers.result()
    tables = []
    while kept:  # each period's batches are let go as its table is made
        read = pa.Table.from_batches(kept.pop(0), schema=_READ_SCHEMA).unify_dictionaries()
        customer_id = _customer_of(lookup, read.column("case_id"))
        table = read.select(["case", "activity", "timestamp", "lifecycle", "resource", "team", "status"])
        table = table.append_column("customer", customer_id.cast(pa.string()))
        for name in ("line", "case_id"):
            table = table.append_column(name, read.column(name))
        table = table.append_column("customer_id", customer_id).append_column("log", read.column("log"))
        tables.append(table.cast(_ANALYSIS_SCHEMA))
    return tables


def _part_within(batch: pa.RecordBatch, scope: EventScope) -> list[pa.RecordBatch]:
    """The batch's events in the scope's period: none, the whole batch (no copy) or a copy of those in it."""
    inside = _within(batch.column("timestamp"), scope)
    count = pc.sum(inside).as_py() or 0
    return [] if count == 0 else [batch] if count == batch.num_rows else [batch.filter(inside)]


def _within(moments: pa.Array, scope: EventScope) -> pa.Array:
    """Which of the moments fall in the scope's period [since, until)."""
    inside = pc.greater_equal(moments, pa.scalar(scope.since, moments.type)) if scope.since else None
    if scope.until is not None:
        before = pc.less(moments, pa.scalar(scope.until, moments.type))
        inside = before if inside is None else pc.and_(inside, before)
    return inside if inside is not None else pa.array(np.ones(len(moments), dtype=bool))


def _case_customers(engine: Engine) -> np.ndarray[Any, np.dtype[np.int64]]:
    """The customer of each case, indexed by the case's id (-1: no case or no customer)."""
    cases = read_arrow(engine, store.case_customers(), _CASE_SCHEMA)
    ids = cases.column("case_id").to_numpy()
    lookup = np.full(int(ids.max()) + 1 if len(ids) else 1, -1, dtype=np.int64)
    lookup[ids] = cases.column("customer_id").fill_null(-1).to_numpy()
    return lookup


def _customer_of(lookup: np.ndarray[Any, np.dtype[np.int64]], case_ids: pa.ChunkedArray) -> pa.Array:
    """The customer id of each event's case, null where it has none (as a left join of the cases gives it)."""
    cases = case_ids.fill_null(-1).to_numpy()
    known = (cases >= 0) & (cases < len(lookup))
    customers = np.where(known, lookup[np.where(known, cases, 0)], -1)
    return pa.array(customers, type=pa.int64(), mask=customers < 0)


def logs_covered(events: pa.Table) -> dict[str, Any]:
    """Which logs an analysis of these events (from analysis_events) covers: `logs` (name -> events) and, when it
    mixes logs that look like different sources, `mixed_sources`: one sentence saying so (else None)."""
    counted = events.group_by(["log", "activity"]).aggregate([([], "count_all")]).to_pydict()
    activities: dict[str, dict[str, int]] = {}
    for log, activity, n in zip(counted["log"], counted["activity"], counted["count_all"], strict=True):
        activities.setdefault(str(log), {})[str(activity)] = int(n)
    logs = {name: sum(counts.values()) for name, counts in sorted(activities.items())}
    mixed = None
    if _different_sources({name: set(counts) for name, counts in activities.items()}):
        listed = ", ".join(f"{name} ({n:,} events)" for name, n in logs.items())
        mixed = f"this report mixes {len(logs)} event logs that look like different sources: {listed}; name one log"
        mixed += " to analyse it alone"
    return {"logs": logs, "mixed_sources": mixed}


def _different_sources(activities: dict[str, set[str]]) -> bool:
    """Two logs look like one source (e.g. monthly exports of one system) when they share at least half of the
    smaller log's activities; logs that do not are different sources."""
    names = sorted(activities)
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            a, b = activities[first], activities[second]
            if 2 * len(a & b) < min(len(a), len(b)):
                return True
    return False


def analyze_log(engine: Engine, log_name: str | None, options: AnalysisOptions) -> dict[str, Any]:
    """The process report for the database's events (one log or all), linked to cases and customers; it names the
    logs it covers and warns when it mixes logs of different sources."""
    scope = EventScope(log_name=log_name)
    table = analysis_events(engine, scope)
    if table.num_rows == 0:
        where = f"log {log_name!r}" if log_name else "the database"
        raise UserInputError(f"no process events in {where}; import an event log first")
    report = analyze_table(table, options, source=f"database log {log_name}" if log_name else "database")
    return report | logs_covered(table)
