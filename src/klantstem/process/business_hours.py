"""Business hours as a relational expression: every event gets a business clock.

The business clock of a moment is the number of open seconds (opening hours, not on public holidays) from a
fixed origin (local midnight two days before the log's first event) until that moment, by the days and hours
of klantstem.business_calendar. The business time between two
events is then the difference of their clocks, so every duration an analysis computes in calendar seconds
it can compute in business seconds the same way.

Here the clock is plain arithmetic on the event's epoch seconds `t` plus lookups in small constant arrays,
one entry per day (no join, no time-zone function per row, so it stays fast on 100 million events and
means the same on DuckDB or Spark): the zone's UTC offset for each UTC day (with the second at which it
changes, for daylight saving), and for each local day the open seconds before it and its opening and
closing second. The arrays are built from the calendar's public functions, so both agree (a test checks).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from klantstem.business_calendar import BusinessCalendar, parse_opening_hours
from klantstem.process.compiled import recall, remember

if TYPE_CHECKING:
    import ibis.expr.types as ir

DAY = 86400


@dataclass(frozen=True)
class ClockTables:
    """Per-day constants for the business clock between `first` and `last` (UTC and local days)."""

    first_day: int  # days since 1970 of the first entry, for UTC and local days alike
    offset_before: list[int]  # UTC offset in seconds at 00:00 UTC of each day
    offset_switch: list[int]  # second of the UTC day at which the offset changes (DAY when it does not)
    offset_after: list[int]
    open_before: list[float]  # open seconds from local midnight of the first day to local midnight of each day
    opens: list[float]  # opening second of each local day (equal to closes when closed)
    closes: list[float]


@lru_cache(maxsize=16)
def clock_tables(calendar: BusinessCalendar, first: date, last: date) -> ClockTables:
    """The per-day constants (kept per calendar and span: a span of years costs about 10 ms of lookups)."""
    zone = ZoneInfo(calendar.timezone)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    before, switch, after = [], [], []
    for day in days:
        start = datetime(day.year, day.month, day.day, tzinfo=UTC)
        offsets = [_offset(zone, start), _offset(zone, start + timedelta(days=1) - timedelta(seconds=1))]
        before.append(offsets[0])
        after.append(offsets[1])
        switch.append(_switch_second(zone, start, offsets[0]) if offsets[0] != offsets[1] else DAY)
    hours = parse_opening_hours(calendar.opening_hours)
    spans = [hours.get(d.weekday(), (0, 0)) if calendar.is_working_day(d) else (0, 0) for d in days]
    open_before = np.concatenate(([0.0], np.cumsum([float(e - s) for s, e in spans])[:-1]))
    return ClockTables(
        first_day=(first - date(1970, 1, 1)).days,
        offset_before=before,
        offset_switch=switch,
        offset_after=after,
        open_before=open_before.tolist(),
        opens=[float(s) for s, _ in spans],
        closes=[float(e) for _, e in spans],
    )


def kept_clock_tables(calendar: BusinessCalendar, first: date, last: date) -> ClockTables:
    """clock_tables, kept in the SQL folder (compiled.remember) for the next process: looking up the public
    holidays loads the `holidays` package, about 0.15 s of CPU per command."""
    closed = sorted(day.isoformat() for day in calendar.extra_closed_days)
    names = [calendar.opening_hours, calendar.country, calendar.timezone, closed, first.isoformat(), last.isoformat()]
    key = json.dumps(["clock_tables", *names])
    found = recall(key)
    if isinstance(found, dict):
        try:
            return ClockTables(**found)
        except TypeError:  # written by other code: worked out again
            pass
    tables = clock_tables(calendar, first, last)
    remember(key, asdict(tables))
    return tables


def _offset(zone: ZoneInfo, moment: datetime) -> int:
    offset = moment.astimezone(zone).utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


def _switch_second(zone: ZoneInfo, start: datetime, first_offset: int) -> int:
    """The first second of the UTC day with a different offset (zones change on whole minutes)."""
    for minute in range(DAY // 60):
        if _offset(zone, start + timedelta(minutes=minute)) != first_offset:
            return minute * 60
    return DAY


def days_table(tables: ClockTables) -> pa.Table:
    """The per-day arrays as one row of list columns (kept out of the SQL text, which stays small). Built
    from numpy buffers: pa.array() on Python lists would load pandas."""
    names = ("offset_before", "offset_switch", "offset_after", "open_before", "opens", "closes")
    columns = []
    for name in names:
        kind = pa.int64() if name.startswith("offset") else pa.float64()
        values = np.asarray(getattr(tables, name), dtype=np.int64 if name.startswith("offset") else np.float64)
        offsets = np.array([0, len(values)], dtype=np.int32)
        columns.append(
            pa.ListArray.from_arrays(
                pa.Array.from_buffers(pa.int32(), 2, [None, pa.py_buffer(offsets)]),
                pa.Array.from_buffers(kind, len(values), [None, pa.py_buffer(values)]),
            )
        )
    return pa.Table.from_arrays(columns, names=list(names))


def with_clock(events: ir.Table, tables: ClockTables) -> ir.Table:
    """`events` (with epoch seconds `t`) plus `local` (wall-clock seconds) and `b` (business clock)."""
    import ibis

    return clock_from_days(events, ibis.memtable(days_table(tables)), tables.first_day)


def clock_from_days(
    events: ir.Table, days: ir.Table, first_day: int, at: str = "t", local: str | None = "local", business: str = "b"
) -> ir.Table:
    """with_clock, given the days table (`days_table`, e.g. stored in the database) and its first day: for the
    epoch seconds in column `at`, the wall-clock seconds as column `local` (None: not kept) and the business
    clock as column `business` (NULL where `at` is). Each step is a column of its own, so the SQL computes every
    index once."""
    import ibis

    joined = events.cross_join(days)
    moment = joined[at]
    day = joined.mutate(_i=((moment / DAY).floor() - first_day).cast("int32"))  # the UTC day
    moment = day[at]
    after_switch = moment - (day._i + first_day) * DAY >= day.offset_switch[day._i]
    zoned = day.mutate(_local=moment + ibis.ifelse(after_switch, day.offset_after[day._i], day.offset_before[day._i]))
    at_local = zoned.mutate(_j=((zoned._local / DAY).floor() - first_day).cast("int32"))  # the local day
    opened = at_local.mutate(_opens=at_local.opens[at_local._j], _closes=at_local.closes[at_local._j])
    since = opened._local - (opened._j + first_day) * DAY - opened._opens
    within = ibis.greatest(ibis.least(since, opened._closes - opened._opens), 0.0)
    clocked = opened.mutate(**{business: opened.open_before[opened._j] + within})
    if local is not None:
        clocked = clocked.rename({local: "_local"})
    dropped = [*days.columns, "_i", "_j", "_opens", "_closes", *(["_local"] if local is None else [])]
    return clocked.drop(*dropped)


def clock_arrays(t: npt.NDArray[np.float64], tables: ClockTables) -> tuple[npt.NDArray[np.float64], ...]:
    """clock_from_days for epoch seconds held in this process (events ordered here, ordering.arranged): the same
    steps on the same per-day arrays with numpy, in the same order of floating-point operations, so every value
    equals the engine's. (wall-clock seconds, business clock). Worked in slices, so the intermediate arrays stay
    small and are reused."""
    days: dict[str, Any] = {
        name: np.asarray(getattr(tables, name), dtype=np.int64 if name.startswith("offset") else np.float64)
        for name in ("offset_before", "offset_switch", "offset_after", "open_before", "opens", "closes")
    }
    local, business = np.empty_like(t), np.empty_like(t)
    for start in range(0, len(t), _SLICE):
        part = t[start : start + _SLICE]
        local[start : start + _SLICE], business[start : start + _SLICE] = _clock_slice(part, days, tables.first_day)
    return local, business


_SLICE = 1 << 16


def _clock_slice(
    t: npt.NDArray[np.float64], days: dict[str, Any], first_day: int
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    day = np.floor(t / DAY).astype(np.int64) - first_day  # the UTC day
    after = t - ((day + first_day) * DAY) >= days["offset_switch"][day]
    local = t + np.where(after, days["offset_after"][day], days["offset_before"][day])
    j = np.floor(local / DAY).astype(np.int64) - first_day  # the local day
    opens, closes = days["opens"][j], days["closes"][j]
    since = local - ((j + first_day) * DAY) - opens
    within = np.maximum(np.minimum(since, closes - opens), 0.0)
    return local, days["open_before"][j] + within


def month_of(local: ir.FloatingValue) -> ir.StringValue:
    """'YYYY-MM' of a moment given as local seconds."""
    return local.floor().cast("int64").as_timestamp("s").strftime("%Y-%m")
