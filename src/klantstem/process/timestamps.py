"""Turning written timestamps into UTC microseconds, vectorised, with the row of the first bad one.

ISO 8601 with or without a zone is read by Arrow in one pass. Anything else (mixed zones, Dutch dates such
as "23-11-2026 14:05") falls back to a row-by-row reader that also finds the row that cannot be read.
Timestamps without a zone are read in `default_timezone` and counted, so a caller can warn about them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo

import pyarrow as pa
import pyarrow.compute as pc

UTC_US = pa.timestamp("us", tz="UTC")

_FORMATS = (
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M:%S.%f",
    "%Y/%m/%d %H:%M",
)


class TimestampError(ValueError):
    """A value that is missing or not a timestamp, at `row` of the array that was converted."""

    def __init__(self, row: int, value: str | None) -> None:
        self.row = row
        self.value = value
        super().__init__("missing timestamp" if value is None else f"cannot read timestamp {value!r}")


@dataclass(frozen=True)
class Converted:
    values: pa.Array  # timestamp[us, UTC]
    without_zone: int  # how many had no zone and were read in the default zone


def to_utc(values: pa.Array, default_timezone: str) -> Converted:
    """UTC microsecond timestamps for strings or Arrow timestamps; raises TimestampError."""
    if values.null_count:
        raise TimestampError(_first_null(values), None)
    if pa.types.is_timestamp(values.type):
        return _from_timestamps(values, default_timezone)
    if pa.types.is_date(values.type):
        return _from_timestamps(values.cast(pa.timestamp("us")), default_timezone)
    if not pa.types.is_string(values.type) and not pa.types.is_large_string(values.type):
        raise TimestampError(0, str(values[0].as_py()) if len(values) else None)
    try:
        zoned = values.cast(pa.timestamp("ns", tz="UTC"))
        return Converted(zoned.cast(UTC_US, safe=False), 0)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        pass
    try:
        naive = values.cast(pa.timestamp("us"))
        return _from_timestamps(naive, default_timezone)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return _row_by_row(values.to_pylist(), ZoneInfo(default_timezone))


def _first_null(values: pa.Array) -> int:
    return int(pc.index(pc.is_null(values), True).as_py())


def _from_timestamps(values: pa.Array, default_timezone: str) -> Converted:
    if values.type.tz is not None:
        return Converted(values.cast(UTC_US, safe=False), 0)
    local = pc.assume_timezone(values, timezone=default_timezone, ambiguous="earliest", nonexistent="earliest")
    return Converted(local.cast(UTC_US, safe=False), len(values))


def _row_by_row(texts: list[str], zone: tzinfo) -> Converted:
    out: list[datetime] = []
    without_zone = 0
    for row, text in enumerate(texts):
        moment = parse_one(text)
        if moment is None:
            raise TimestampError(row, text)
        if moment.tzinfo is None:
            without_zone += 1
            moment = moment.replace(tzinfo=zone)
        out.append(moment.astimezone(UTC))
    return Converted(pa.array(out, type=UTC_US), without_zone)


def parse_one(text: str) -> datetime | None:
    """One timestamp, aware when it names a zone; None when it cannot be read."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        return datetime.fromisoformat(cleaned)
    except ValueError:
        pass
    for fmt in _FORMATS:
        try:
            return datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
    return None
