"""Turning written timestamps into UTC microseconds, vectorised, with the row of the first bad one.

Reads what klantstem.dates reads, by the same rules (local times that do not exist or exist twice included), but a
whole Arrow array at a time. ISO 8601 with or without a zone is cast by Arrow in one pass; day-first numbers
("23-11-2026 14:05", "23/11/2026", "23.11.2026") and year-first ones with slashes ("2026/11/23 14:05") are read by
Arrow's strptime, format by format, for the rows not read yet. Only the rows left over (month names, mixed forms)
are read one by one by klantstem.dates, which also finds the first row that cannot be read. Timestamps without a
zone are read in `default_timezone` and counted, so a caller can warn about them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from klantstem.dates import AMBIGUOUS, EARLIEST, LATEST, NONEXISTENT, local_time_kind, parse_text
from klantstem.dates import to_utc as moment_utc
from klantstem.errors import UserInputError
from klantstem.process.arrays import from_numpy

UTC_US = pa.timestamp("us", tz="UTC")
_NAIVE_US = pa.timestamp("us")
_FORMATS = tuple(
    day + clock
    for day in ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d", "%Y-%m-%d")
    for clock in (" %H:%M:%S", " %H:%M", "T%H:%M:%S", "T%H:%M", "")
)
_EARLIEST_US = (EARLIEST - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)
_LATEST_US = (LATEST - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)
_ZONED = re.compile(r"(?:Z|[+-]\d\d:?\d\d)\s*$")


class TimestampError(ValueError):
    """A value that is missing or not a timestamp, at `row` of the array that was converted."""

    def __init__(self, row: int, value: str | None, reason: str | None = None) -> None:
        self.row = row
        self.value = value
        if reason is None:
            reason = "missing timestamp" if value is None else f"cannot read timestamp {value!r}"
        super().__init__(reason)


@dataclass(frozen=True)
class Converted:
    values: pa.Array  # timestamp[us, UTC]
    without_zone: int  # how many had no zone and were read in the default zone
    nonexistent: int = 0  # local times in the hour skipped when the clocks go forward (klantstem.dates' rule)
    ambiguous: int = 0  # local times in the hour repeated when the clocks go back

    def warnings(self) -> dict[str, int]:
        """The counts to report, by the names every import uses."""
        return {"timestamps_without_zone": self.without_zone, NONEXISTENT: self.nonexistent, AMBIGUOUS: self.ambiguous}


def to_utc(values: pa.Array, default_timezone: str) -> Converted:
    """UTC microsecond timestamps for strings or Arrow timestamps; raises TimestampError."""
    if values.null_count:
        raise TimestampError(_first_null(values), None)
    if not len(values):
        return Converted(pa.array([], type=UTC_US), 0)
    if pa.types.is_timestamp(values.type) or pa.types.is_date(values.type):
        typed = values.cast(pa.timestamp("us", tz=values.type.tz)) if pa.types.is_timestamp(values.type) else None
        converted = _local(typed if typed is not None else values.cast(_NAIVE_US), default_timezone)
        return _in_range(converted, values)
    if not pa.types.is_string(values.type) and not pa.types.is_large_string(values.type):
        raise TimestampError(0, str(values[0].as_py()) if len(values) else None)
    if _ZONED.search(str(values[0].as_py() if len(values) else "")):
        try:  # a failed cast costs as much as a whole one: tried only when the first value names a zone
            return _in_range(Converted(values.cast(UTC_US), 0), values)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            pass
    return _in_range(_mixed(values, _strptime(values), default_timezone), values)


def _first_null(values: pa.Array) -> int:
    return int(pc.index(pc.is_null(values), True).as_py())


def _strptime(values: pa.Array) -> pa.Array:
    """Naive timestamps for the rows one of _FORMATS reads; null for the rest. ISO text without a zone is cast in
    one pass; otherwise the first value's format is tried on every row, and the other formats only on the rows
    that are still unread."""
    first = values.slice(0, 1)
    if str(first[0].as_py())[4:5] == "-":
        try:  # a failed cast costs as much as a whole one: tried only when the first value looks like ISO
            return values.cast(_NAIVE_US)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            pass
    formats = sorted(_FORMATS, key=lambda form: not _reads(first, form))
    naive = pc.strptime(values, format=formats[0], unit="us", error_is_null=True)
    for form in formats[1:]:
        if not naive.null_count:
            break
        unread = pc.is_null(naive)
        parsed = pc.strptime(values.filter(unread), format=form, unit="us", error_is_null=True)
        naive = pc.replace_with_mask(naive, unread, parsed)
    return naive


def _reads(values: pa.Array, form: str) -> bool:
    return bool(pc.strptime(values, format=form, unit="us", error_is_null=True)[0].is_valid)


def _local(naive: pa.Array, zone: str) -> Converted:
    """Naive timestamps (nulls pass through) as wall-clock time in `zone`, by klantstem.dates' rule."""
    if naive.type.tz is not None:
        return Converted(naive.cast(UTC_US), 0)
    naive = naive.cast(_NAIVE_US)
    read = len(naive) - naive.null_count
    if zone == "UTC":
        return Converted(naive.cast(UTC_US), read)
    earliest = pc.assume_timezone(naive, timezone=zone, ambiguous="earliest", nonexistent="earliest")
    latest = pc.assume_timezone(naive, timezone=zone, ambiguous="latest", nonexistent="earliest")
    wall = pc.local_timestamp(earliest)  # differs from `naive` only where the local time does not exist
    offset = pc.subtract(wall, earliest.cast(_NAIVE_US))  # the offset before the change, for those
    utc = pc.subtract(naive, offset).cast(UTC_US)
    nonexistent = pc.sum(pc.not_equal(wall, naive)).as_py() or 0
    ambiguous = pc.sum(pc.not_equal(latest, earliest)).as_py() or 0
    return Converted(utc, read, nonexistent, ambiguous)


def _mixed(texts: pa.Array, naive: pa.Array, zone: str) -> Converted:
    """The rows Arrow read (naive) by `_local`, the rest one by one by klantstem.dates."""
    local = _local(naive, zone)
    if not naive.null_count:
        return local
    unread = pc.is_null(naive)
    rows = pc.indices_nonzero(unread).to_pylist()
    tz = ZoneInfo(zone)
    out: list[datetime] = []
    counts = {"without_zone": 0, NONEXISTENT: 0, AMBIGUOUS: 0}
    for row, text in zip(rows, texts.filter(unread).to_pylist(), strict=True):
        out.append(_one(row, text, tz, counts))
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    micros = np.array([(moment - epoch) // timedelta(microseconds=1) for moment in out], dtype=np.int64)
    rest = from_numpy(micros).cast(UTC_US)  # through numpy: pa.array() would load pandas
    return Converted(
        pc.replace_with_mask(local.values, unread, rest),
        local.without_zone + counts["without_zone"],
        local.nonexistent + counts[NONEXISTENT],
        local.ambiguous + counts[AMBIGUOUS],
    )


def _one(row: int, text: str, zone: ZoneInfo, counts: dict[str, int]) -> datetime:
    try:
        moment = parse_text(text.strip())
    except UserInputError:
        raise TimestampError(row, text) from None
    try:
        if moment.tzinfo is None:
            counts["without_zone"] += 1
            kind = local_time_kind(moment, zone)
            if kind:
                counts[kind] += 1
        return moment_utc(moment, zone)
    except OverflowError:
        raise TimestampError(row, text, _outside(text)) from None


def _outside(shown: str) -> str:
    return f"timestamp {shown!r} is outside the years {EARLIEST.year} to {LATEST.year}"


def _in_range(converted: Converted, source: pa.Array) -> Converted:
    """Refuses a time before EARLIEST or after LATEST (naming its row), which no service log holds."""
    values = converted.values
    span = pc.min_max(values.view(pa.int64()))  # as microseconds: a timestamp pa.scalar() would load pandas
    if not len(values) or span["min"].as_py() >= _EARLIEST_US and span["max"].as_py() <= _LATEST_US:
        return converted
    outside = pc.or_(pc.less(values, pa.scalar(EARLIEST, UTC_US)), pc.greater(values, pa.scalar(LATEST, UTC_US)))
    if pc.any(outside).as_py():
        row = int(pc.index(outside, True).as_py())
        shown = str(source[row].as_py())
        raise TimestampError(row, shown, _outside(shown))
    return converted


def parse_one(text: str) -> datetime | None:
    """One timestamp, aware when it names a zone; None when it cannot be read (klantstem.dates' forms)."""
    try:
        return parse_text(text.strip())
    except UserInputError:
        return None
