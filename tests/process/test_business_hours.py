"""The business clock as a relational expression agrees with klantstem.business_calendar."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import ibis
import pyarrow as pa

from klantstem.business_calendar import BusinessCalendar
from klantstem.process.business_hours import day_table, with_business_clock


def test_clock_matches_the_calendar_on_random_moments() -> None:
    calendar = BusinessCalendar("mon-fri 08:30-17:30; sat 10:00-14:00", "NL", "Europe/Amsterdam")
    chooser = random.Random(7)
    start = datetime(2023, 12, 20, tzinfo=UTC)  # over Christmas, New Year, and both daylight-saving changes
    moments = [start + timedelta(seconds=chooser.randrange(0, 330 * 86400)) for _ in range(400)]
    moments += [datetime(2024, 3, 31, 1, 0, tzinfo=UTC), datetime(2024, 5, 9, 10, tzinfo=UTC)]
    events = ibis.memtable(
        pa.table({"i": range(len(moments)), "timestamp": pa.array(moments, pa.timestamp("us", "UTC"))})
    )
    days = ibis.memtable(day_table(calendar, date(2023, 12, 19), date(2024, 12, 1)))
    clocked = with_business_clock(events, days, calendar.timezone).order_by("i").to_pyarrow()
    clock = clocked.column("b").to_pylist()
    origin = moments[0]
    for moment, value in zip(moments, clock, strict=True):
        assert abs((value - clock[0]) - calendar.business_seconds(origin, moment)) < 1e-6
