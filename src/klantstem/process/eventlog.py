"""The standard event table and the mapping from a source's columns (or XES keys) onto it.

Every reader yields pyarrow RecordBatches with EVENT_SCHEMA: one row per event, timestamps in UTC with
microsecond precision, and `line` the source line the event starts on (for error messages).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Protocol

import pyarrow as pa

from klantstem.errors import ImportFileError
from klantstem.files import require_readable
from klantstem.settings import DEFAULT_TIMEZONE

REQUIRED = ("case", "activity", "timestamp")
OPTIONAL = ("lifecycle", "resource", "team", "status", "customer")
STANDARD = REQUIRED + OPTIONAL

EVENT_SCHEMA = pa.schema(
    [
        pa.field("case", pa.string(), nullable=False),
        pa.field("activity", pa.string(), nullable=False),
        pa.field("timestamp", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("lifecycle", pa.string()),
        pa.field("resource", pa.string()),
        pa.field("team", pa.string()),
        pa.field("status", pa.string()),
        pa.field("customer", pa.string()),
        pa.field("line", pa.int64()),
    ]
)

# Column names tried, in order, when the user did not name a column (case, spaces and underscores ignored).
CSV_CANDIDATES: dict[str, tuple[str, ...]] = {
    "case": ("case", "case id", "case:concept:name", "caseid"),
    "activity": ("activity", "concept:name", "activity name"),
    "timestamp": ("timestamp", "time:timestamp", "time", "complete timestamp", "start time", "start timestamp"),
    "lifecycle": ("lifecycle", "lifecycle:transition", "transition"),
    "resource": ("resource", "org:resource", "user"),
    "team": ("team", "org:group", "group"),
    "status": ("status",),
    "customer": ("customer", "customer id", "case:customer"),
}

# XES keys per standard column. `case` is read from the trace; the others from the event, or from the
# trace when the event does not carry the key (trace-level attributes such as a customer).
XES_KEYS: dict[str, str | None] = {
    "case": "concept:name",
    "activity": "concept:name",
    "timestamp": "time:timestamp",
    "lifecycle": "lifecycle:transition",
    "resource": "org:resource",
    "team": "org:group",
    "status": None,
    "customer": None,
}


@dataclass(frozen=True)
class ColumnMapping:
    """Source column (CSV/Parquet) or XES key for each standard column; None means the default."""

    case: str | None = None
    activity: str | None = None
    timestamp: str | None = None
    lifecycle: str | None = None
    resource: str | None = None
    team: str | None = None
    status: str | None = None
    customer: str | None = None

    def explicit(self) -> dict[str, str]:
        """The columns the user named, standard name -> source name."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    def with_overrides(self, **names: str | None) -> ColumnMapping:
        return replace(self, **{k: v for k, v in names.items() if v})


def resolve_columns(path: Path, available: list[str], mapping: ColumnMapping) -> dict[str, str]:
    """Standard column -> source column; raises when a named or required column is missing."""
    by_lower = {_normal(name): name for name in available}
    explicit = mapping.explicit()
    resolved: dict[str, str] = {}
    for name in STANDARD:
        if name in explicit:
            wanted = explicit[name]
            found = wanted if wanted in available else by_lower.get(_normal(wanted))
            if found is None:
                listed = ", ".join(available)
                raise ImportFileError(str(path), f"no column {wanted!r} (the file has: {listed})", line=1, field=wanted)
            resolved[name] = found
            continue
        for candidate in CSV_CANDIDATES[name]:
            found = by_lower.get(_normal(candidate))
            if found is not None and found not in resolved.values():
                resolved[name] = found
                break
        if name in REQUIRED and name not in resolved:
            listed = ", ".join(available)
            raise ImportFileError(
                str(path), f"no {name} column (name it with --{name}; the file has: {listed})", line=1, field=name
            )
    return resolved


def _normal(name: str) -> str:
    return re.sub(r"[\s_]+", " ", name.strip().lower())


@dataclass
class ReadStats:
    """What a reader saw besides the events: warnings counted by kind."""

    warnings: dict[str, int] = field(default_factory=dict)

    def warn(self, kind: str, count: int = 1) -> None:
        if count:
            self.warnings[kind] = self.warnings.get(kind, 0) + count


class EventLogReader(Protocol):
    path: Path
    stats: ReadStats

    def batches(self) -> Iterator[pa.RecordBatch]:
        """The events, in source order, as EVENT_SCHEMA batches."""
        ...

    @property
    def bytes_read(self) -> int:
        """Bytes of the (possibly compressed) file consumed so far; for progress."""
        ...

    @property
    def source_names(self) -> dict[str, str]:
        """Standard column -> the source column or XES key it came from (for messages)."""
        ...


def open_event_log(
    path: Path,
    mapping: ColumnMapping | None = None,
    *,
    batch_size: int = 50_000,
    default_timezone: str = DEFAULT_TIMEZONE,
) -> EventLogReader:
    """A streaming reader for XES (.xes, .xes.gz), CSV (.csv, .csv.gz, .txt) or Parquet."""
    from klantstem.process.csvlog import CsvReader, ParquetReader
    from klantstem.process.xes import XesReader

    require_readable(path)
    mapping = mapping or ColumnMapping()
    name = path.name.lower()
    if name.endswith((".xes", ".xes.gz")):
        return XesReader(path, mapping, batch_size=batch_size, default_timezone=default_timezone)
    if name.endswith(".parquet"):
        return ParquetReader(path, mapping, batch_size=batch_size, default_timezone=default_timezone)
    return CsvReader(path, mapping, batch_size=batch_size, default_timezone=default_timezone)


def read_table(
    path: Path, mapping: ColumnMapping | None = None, *, dictionaries: bool = False, **options: object
) -> tuple[pa.Table, ReadStats]:
    """The whole log as one Arrow table (for logs that fit in memory). `dictionaries`: each batch's text columns
    kept as dictionaries (codes and distinct values) as it is read, and no `line`: far less memory for a large
    log, whose texts repeat."""
    reader = open_event_log(path, mapping, **options)  # type: ignore[arg-type]
    if not dictionaries:
        return pa.Table.from_batches(list(reader.batches()), schema=EVENT_SCHEMA), reader.stats
    encoded = [_encoded(batch) for batch in reader.batches()]
    return pa.Table.from_batches(encoded, schema=_ENCODED_SCHEMA), reader.stats


_ENCODED_SCHEMA = pa.schema(
    [
        field.with_type(pa.dictionary(pa.int32(), pa.string())) if pa.types.is_string(field.type) else field
        for field in EVENT_SCHEMA
        if field.name != "line"
    ]
)


def _encoded(batch: pa.RecordBatch) -> pa.RecordBatch:
    columns = [
        batch.column(field.name).dictionary_encode() if pa.types.is_dictionary(field.type) else batch.column(field.name)
        for field in _ENCODED_SCHEMA
    ]
    return pa.RecordBatch.from_arrays(columns, schema=_ENCODED_SCHEMA)
