"""Business hours as a relational expression: every event gets a business clock.

The business clock of a moment is the number of open seconds (opening hours, not on public holidays) from a
fixed origin until that moment, as defined by klantstem.business_calendar. The business time between two
events is then the difference of their clocks, so every duration an analysis computes in calendar seconds
it can compute in business seconds the same way.

Here the clock is an Ibis expression: the event's local day is joined to a small table of days (open
seconds before the day, opening and closing second), which runs on DuckDB or Spark alike. The day table is
built from the calendar's public functions, so both always agree (a test checks).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir
import numpy as np
import pyarrow as pa

from klantstem.business_calendar import BusinessCalendar, parse_opening_hours

EPOCH = ibis.timestamp("1970-01-01 00:00:00", timezone="UTC")


@ibis.udf.scalar.builtin(name="timezone")  # type: ignore[untyped-decorator]
def _to_local(zone: str, moment: dt.Timestamp(timezone="UTC")) -> dt.Timestamp():  # type: ignore[valid-type]
    """DuckDB's timezone(zone, timestamptz): the wall-clock time in `zone` (Spark: from_utc_timestamp)."""


def local_time(moment: ir.TimestampValue, zone: str) -> ir.TimestampValue:
    return _to_local(zone, moment)


def epoch_seconds(moment: ir.TimestampValue) -> ir.FloatingValue:
    """Seconds since 1970 with microseconds, as a float."""
    return moment.delta(EPOCH, unit="microsecond") / 1e6


def day_table(calendar: BusinessCalendar, first: date, last: date) -> pa.Table:
    """One row per local day: open seconds before it, and its opening and closing second (equal when closed)."""
    count = (last - first).days + 1
    days = [first + timedelta(days=i) for i in range(count)]
    zone = ZoneInfo(calendar.timezone)
    midnights = np.array(
        [datetime(d.year, d.month, d.day, tzinfo=zone).astimezone(UTC).replace(tzinfo=None) for d in days],
        dtype="datetime64[us]",
    )
    before = calendar.business_clock_array(midnights)
    hours = parse_opening_hours(calendar.opening_hours)
    opens, closes = [], []
    for day in days:
        start, end = hours.get(day.weekday(), (0, 0)) if calendar.is_working_day(day) else (0, 0)
        opens.append(float(start))
        closes.append(float(end))
    return pa.table(
        {
            "day": pa.array(days, pa.date32()),
            "open_before": pa.array(before, pa.float64()),
            "opens": pa.array(opens, pa.float64()),
            "closes": pa.array(closes, pa.float64()),
        }
    )


def with_business_clock(events: ir.Table, days: ir.Table, zone: str) -> ir.Table:
    """`events` (with a `timestamp` column) plus `b`: its business clock in seconds."""
    local = local_time(events.timestamp, zone)
    staged = events.mutate(
        _day=local.date(),
        _second=local.delta(local.truncate("D"), unit="microsecond") / 1e6,
    )
    joined = staged.left_join(days, staged._day == days.day)
    open_length = joined.closes - joined.opens
    within = ibis.greatest(ibis.least(joined._second - joined.opens, open_length), 0.0)
    clock = joined.open_before + within
    return joined.mutate(b=clock).drop("_day", "_second", "day", "open_before", "opens", "closes")
