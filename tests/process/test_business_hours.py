"""The business clock as a relational expression agrees with klantstem.business_calendar."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import ibis
import pyarrow as pa

from klantstem.business_calendar import BusinessCalendar
from klantstem.process.business_hours import clock_tables, month_of, with_clock


def test_clock_matches_the_calendar_on_random_moments() -> None:
    calendar = BusinessCalendar("mon-fri 08:30-17:30; sat 10:00-14:00", "NL", "Europe/Amsterdam")
    chooser = random.Random(7)
    start = datetime(2023, 12, 20, tzinfo=UTC)  # over Christmas, New Year, and both daylight-saving changes
    moments = [start + timedelta(seconds=chooser.randrange(0, 330 * 86400)) for _ in range(400)]
    moments += [datetime(2024, 3, 31, 0, 59, 59, tzinfo=UTC), datetime(2024, 3, 31, 1, 0, tzinfo=UTC)]
    moments += [datetime(2024, 10, 27, 0, 59, tzinfo=UTC), datetime(2024, 10, 27, 1, 0, 1, tzinfo=UTC)]
    moments += [datetime(2024, 5, 9, 10, tzinfo=UTC), datetime(2024, 5, 10, 10, 15, 30, 500_000, tzinfo=UTC)]
    seconds = [(moment - datetime(1970, 1, 1, tzinfo=UTC)) / timedelta(seconds=1) for moment in moments]
    events = ibis.memtable(pa.table({"i": range(len(moments)), "t": seconds}))
    tables = clock_tables(calendar, date(2023, 12, 18), date(2024, 12, 1))
    clocked = with_clock(events, tables)
    clocked = clocked.mutate(month=month_of(clocked.local)).order_by("i").to_pyarrow()
    clock = clocked.column("b").to_pylist()
    for moment, value, month in zip(moments, clock, clocked.column("month").to_pylist(), strict=True):
        assert abs((value - clock[0]) - calendar.business_seconds(moments[0], moment)) < 1e-6
        assert month == moment.astimezone(ZoneInfo(calendar.timezone)).strftime("%Y-%m")


def test_the_clock_of_events_ordered_in_the_process_equals_the_engines_value_for_value() -> None:
    """clock_arrays (numpy, for events ordered in this process) gives exactly the engine's wall-clock seconds and
    business clock, microseconds included, around daylight saving, holidays, midnight and opening hours."""
    import numpy as np

    from klantstem.process.business_hours import clock_arrays

    calendar = BusinessCalendar("mon-fri 08:30-17:30; sat 10:00-14:00", "NL", "Europe/Amsterdam")
    chooser = random.Random(11)
    start = datetime(2023, 12, 20, tzinfo=UTC).timestamp()
    seconds = [start + chooser.randrange(0, 330 * 86400) + chooser.randrange(10**6) / 10**6 for _ in range(3000)]
    edges = [datetime(2024, 3, 31, 1, tzinfo=UTC), datetime(2024, 10, 27, 1, tzinfo=UTC), datetime(2024, 5, 9, 8, 30)]
    seconds += [moment.replace(tzinfo=UTC).timestamp() + delta for moment in edges for delta in (-1e-6, 0.0, 1e-6)]
    seconds += [datetime(2024, 6, 3, tzinfo=UTC).timestamp() + hour * 1800.0 for hour in range(48)]
    tables = clock_tables(calendar, date(2023, 12, 18), date(2024, 12, 1))
    events = ibis.memtable(pa.table({"i": range(len(seconds)), "t": seconds}))
    engine = with_clock(events, tables).order_by("i").to_pyarrow()
    local, business = clock_arrays(np.array(seconds), tables)
    assert local.tolist() == engine.column("local").to_pylist()
    assert business.tolist() == engine.column("b").to_pylist()
