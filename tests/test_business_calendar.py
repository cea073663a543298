"""The business calendar across weekends, Dutch public holidays, month ends and DST changes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from klantstem.business_calendar import BusinessCalendar, parse_opening_hours
from klantstem.errors import ConfigurationError

AMS = ZoneInfo("Europe/Amsterdam")
CAL = BusinessCalendar("mon-fri 09:00-17:00")


def ams(*args: int) -> datetime:
    return datetime(*args, tzinfo=AMS)


def test_parse_opening_hours() -> None:
    hours = parse_opening_hours("mon-fri 08:30-17:30; sat 10:00-14:00")
    assert hours[0] == (8 * 3600 + 1800, 17 * 3600 + 1800)
    assert hours[5] == (36000, 50400)
    assert 6 not in hours


@pytest.mark.parametrize("spec", ["mon-fri", "xyz 09:00-17:00", "mon 17:00-09:00", "fri-mon 09:00-17:00"])
def test_bad_opening_hours(spec: str) -> None:
    with pytest.raises(ConfigurationError):
        parse_opening_hours(spec)


def test_business_seconds_within_a_day_and_over_a_weekend() -> None:
    assert CAL.business_seconds(ams(2026, 11, 23, 10), ams(2026, 11, 23, 12)) == 7200
    # Friday 16:00 to Monday 10:00: one hour on Friday, one on Monday.
    assert CAL.business_seconds(ams(2026, 11, 20, 16), ams(2026, 11, 23, 10)) == 7200
    # Entirely outside opening hours.
    assert CAL.business_seconds(ams(2026, 11, 21, 10), ams(2026, 11, 22, 20)) == 0


def test_public_holidays_are_closed() -> None:
    # Christmas 2026: Friday 25 and Saturday 26 December; Thursday 24 is open.
    assert CAL.holiday_name(ams(2026, 12, 25).date())
    assert CAL.business_seconds(ams(2026, 12, 24, 16), ams(2026, 12, 28, 10)) == 7200
    # King's Day 2027 is Tuesday 27 April.
    assert not CAL.is_working_day(ams(2027, 4, 27).date())
    assert CAL.is_working_day(ams(2027, 4, 26).date())


def test_add_business_time_within_opening_hours() -> None:
    # "binnen 30 minuten" asked at Friday 16:50 is due Monday 09:20.
    due = CAL.add_business_time(ams(2026, 11, 20, 16, 50), timedelta(minutes=30))
    assert due == ams(2026, 11, 23, 9, 20)
    # Asked on Saturday: due 30 minutes after Monday's opening.
    assert CAL.add_business_time(ams(2026, 11, 21, 11), timedelta(minutes=30)) == ams(2026, 11, 23, 9, 30)


def test_add_business_days_over_holidays_and_month_end() -> None:
    # 10 working days from Monday 21 December 2026 skip Christmas (25, 26) and New Year (1 January).
    due = CAL.add_business_days(ams(2026, 12, 21, 11), 10)
    assert due == ams(2027, 1, 6, 17)
    # One working day from the last Friday of a month ends on the Monday of the next month.
    assert CAL.add_business_days(ams(2026, 10, 30, 11), 1) == ams(2026, 11, 2, 17)


def test_next_working_day_at_noon() -> None:
    # "morgen voor 12 uur" said on Thursday 24 December: Monday 28 December, 12:00.
    assert CAL.next_working_day_at(ams(2026, 12, 24, 15), time(12)) == ams(2026, 12, 28, 12)


def test_dst_change_counts_wall_clock_hours() -> None:
    # 25 October 2026 (Sunday) the clocks go back; Friday 16:00 to Monday 10:00 is still two open hours.
    assert CAL.business_seconds(ams(2026, 10, 23, 16), ams(2026, 10, 26, 10)) == 7200


def test_naive_moments_are_refused() -> None:
    with pytest.raises(ValueError):
        CAL.business_seconds(datetime(2026, 1, 5, 10), datetime(2026, 1, 5, 11))


moments = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31)).map(
    lambda d: d.replace(tzinfo=UTC)
)


@settings(max_examples=200, deadline=None)
@given(start=moments, end=moments)
def test_array_version_equals_the_scalar_version(start: datetime, end: datetime) -> None:
    starts = np.array([start.replace(tzinfo=None)], dtype="datetime64[us]")
    ends = np.array([end.replace(tzinfo=None)], dtype="datetime64[us]")
    vector = CAL.business_seconds_array(starts, ends)[0]
    assert vector == pytest.approx(CAL.business_seconds(start, end), abs=1e-3)


def test_array_version_handles_missing_moments() -> None:
    starts = np.array(["2026-11-23T09:00", "NaT"], dtype="datetime64[us]")
    ends = np.array(["2026-11-23T10:00", "2026-11-23T10:00"], dtype="datetime64[us]")
    result = CAL.business_seconds_array(starts, ends)
    assert result[0] == 3600  # 10:00-11:00 Amsterdam time
    assert np.isnan(result[1])


def test_one_country_is_loaded_with_the_same_holidays_as_the_package_gives() -> None:
    import subprocess
    import sys

    import holidays

    from klantstem.business_calendar import _one_country

    for code in ("NL", "BE", "DE"):
        alone, whole = _one_country(code), holidays.country_holidays(code)
        assert alone is not None
        assert [dict(type(alone)(years=y)) for y in range(2015, 2031)] == [
            dict(type(whole)(years=y)) for y in range(2015, 2031)
        ]
    assert _one_country("XX") is None  # unknown: the package is asked and says so (ConfigurationError)
    fresh = (
        "import sys; from datetime import date; from klantstem.business_calendar import BusinessCalendar;"
        "c = BusinessCalendar(); assert not c.is_working_day(date(2026, 4, 27));"
        "print(sorted(m for m in sys.modules if m.startswith('holidays.countries')))"
    )
    done = subprocess.run([sys.executable, "-c", fresh], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"  # King's Day known without loading the 250 countries
