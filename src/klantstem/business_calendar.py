"""The business calendar: opening hours per weekday and Dutch public holidays, in the organisation's time zone.

Used for due times of promises ("binnen 10 werkdagen", "binnen 30 minuten" within opening hours) and for
waiting time in business hours. Pure: no database, no settings read at import time.

The core idea is a *business clock*: for any moment, the number of open seconds since a fixed origin. The
business time between two moments is the difference of their clocks; this works the same for one moment
(`business_seconds`) and for arrays of millions (`business_seconds_array`).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import numpy as np

from klantstem.errors import ConfigurationError
from klantstem.settings import DEFAULT_TIMEZONE, Settings

if TYPE_CHECKING:
    import holidays  # loaded when a calendar first looks up a day (about 0.15 s): many commands never do

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_OPENING_HOURS = "mon-fri 08:30-17:30"
_FIRST_DAY = date(1970, 1, 1)  # the business clock counts open seconds from here
_SPEC = re.compile(r"^\s*([a-z]{3})(?:\s*-\s*([a-z]{3}))?\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def calendar_from_settings(settings: Settings) -> BusinessCalendar:
    return BusinessCalendar(settings.opening_hours, settings.holiday_country, settings.timezone)


def parse_opening_hours(spec: str) -> dict[int, tuple[int, int]]:
    """Parse "mon-fri 08:30-17:30; sat 10:00-14:00" into {weekday: (open second, close second)}."""
    hours: dict[int, tuple[int, int]] = {}
    for part in filter(None, (p.strip() for p in spec.lower().split(";"))):
        match = _SPEC.match(part)
        if not match or match.group(1) not in WEEKDAYS or (match.group(2) or "mon") not in WEEKDAYS:
            raise ConfigurationError(f"cannot read opening hours {part!r}: write e.g. 'mon-fri 08:30-17:30'")
        first = WEEKDAYS.index(match.group(1))
        last = WEEKDAYS.index(match.group(2)) if match.group(2) else first
        start = int(match.group(3)) * 3600 + int(match.group(4)) * 60
        end = int(match.group(5)) * 3600 + int(match.group(6)) * 60
        if not 0 <= start < end <= 86400 or last < first:
            raise ConfigurationError(f"opening hours {part!r} are not a period within one day")
        for day in range(first, last + 1):
            hours[day] = (start, end)
    return hours


@dataclass(frozen=True)
class BusinessCalendar:
    """Opening hours per weekday (one period a day) and the public holidays of a country, in a time zone."""

    opening_hours: str = DEFAULT_OPENING_HOURS
    country: str = "NL"
    timezone: str = DEFAULT_TIMEZONE
    extra_closed_days: frozenset[date] = field(default_factory=frozenset)

    @cached_property
    def _hours(self) -> dict[int, tuple[int, int]]:
        return parse_opening_hours(self.opening_hours)

    @cached_property
    def _zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @cached_property
    def _holidays(self) -> holidays.HolidayBase:
        import holidays

        loaded = _one_country(self.country)
        if loaded is not None:
            return loaded
        try:
            return holidays.country_holidays(self.country)
        except NotImplementedError:
            raise ConfigurationError(f"no public holidays known for country {self.country!r}") from None

    # --- days ---------------------------------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        return (
            day.weekday() in self._hours and day not in self._holidays and day not in self.extra_closed_days
        )

    def holiday_name(self, day: date) -> str | None:
        name = self._holidays.get(day)
        return str(name) if name else None

    def _open_seconds(self, day: date) -> int:
        if not self.is_working_day(day):
            return 0
        start, end = self._hours[day.weekday()]
        return end - start

    def _local(self, moment: datetime) -> datetime:
        if moment.tzinfo is None:
            raise ValueError("business calendar needs timezone-aware moments")
        return moment.astimezone(self._zone)

    def _at(self, day: date, second: int) -> datetime:
        local = datetime.combine(day, time()) + timedelta(seconds=second)
        return local.replace(tzinfo=self._zone).astimezone(UTC)

    # --- the business clock -------------------------------------------------------------------------------

    def _clock(self, moment: datetime) -> float:
        """Open seconds from the origin to `moment` (scalar)."""
        local = self._local(moment)
        day = local.date()
        cumulative = self._cumulative(day)
        if not self.is_working_day(day):
            return float(cumulative)
        start, end = self._hours[day.weekday()]
        second = local.hour * 3600 + local.minute * 60 + local.second + local.microsecond / 1e6
        return float(cumulative) + min(max(second - start, 0.0), float(end - start))

    def _cumulative(self, day: date) -> int:
        """Open seconds on all days from the origin up to (not including) `day`."""
        table, first = self._table_for(day, day)
        return int(table[(day - first).days])

    def _table_for(self, low: date, high: date) -> tuple[np.ndarray, date]:
        """Cumulative open seconds before each day from the first day, covering `high`; built once."""
        if low < _FIRST_DAY:
            raise ValueError(f"the business calendar starts on {_FIRST_DAY.isoformat()}")
        last = date(max(high.year, 2040), 12, 31)
        return self._table(_FIRST_DAY, last), _FIRST_DAY

    def _table(self, first: date, last: date) -> np.ndarray:
        key = (first, last)
        cache: dict[tuple[date, date], np.ndarray] = self.__dict__.setdefault("_tables", {})
        if key not in cache:
            days = (last - first).days + 1
            per_day = np.fromiter(
                (self._open_seconds(first + timedelta(days=i)) for i in range(days)),
                dtype=np.int64,
                count=days,
            )
            cache[key] = np.concatenate(([0], np.cumsum(per_day)))
        return cache[key]

    def business_seconds(self, start: datetime, end: datetime) -> float:
        """Open seconds between two moments (negative when end is before start)."""
        return self._clock(end) - self._clock(start)

    def business_seconds_array(self, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """Vectorised `business_seconds` for arrays of UTC datetime64 values (NaT gives NaN)."""
        difference: np.ndarray = np.subtract(self.business_clock_array(ends), self.business_clock_array(starts))
        return difference

    def business_clock_array(self, moments: np.ndarray) -> np.ndarray:
        """Open seconds from the origin to each UTC datetime64 moment, as float64 (NaT gives NaN)."""
        import pandas as pd  # here, not at the top: it costs every command a quarter second to import

        index = pd.DatetimeIndex(moments)
        index = index.tz_localize("UTC") if index.tz is None else index.tz_convert("UTC")
        local = index.tz_convert(self._zone).tz_localize(None)
        valid = ~local.isna()
        result = np.full(len(local), np.nan)
        if not valid.any():
            return result
        local = local[valid]
        day_start = local.normalize()
        low, high = day_start.min().date(), day_start.max().date()
        table, first = self._table_for(low, high)
        offsets = (day_start - pd.Timestamp(first)).days.to_numpy()
        seconds = (local - day_start).total_seconds().to_numpy()
        weekday = day_start.day_of_week.to_numpy()
        opens = np.array([self._hours.get(d, (0, 0))[0] for d in range(7)], dtype=np.float64)[weekday]
        closes = np.array([self._hours.get(d, (0, 0))[1] for d in range(7)], dtype=np.float64)[weekday]
        open_today = (table[offsets + 1] - table[offsets]) > 0
        within = np.where(open_today, np.clip(seconds - opens, 0.0, closes - opens), 0.0)
        result[valid] = table[offsets].astype(np.float64) + within
        return result

    # --- due times ----------------------------------------------------------------------------------------

    def next_open(self, moment: datetime) -> datetime:
        """The moment itself when open, else the next opening moment."""
        local = self._local(moment)
        day = local.date()
        second = local.hour * 3600 + local.minute * 60 + local.second
        for offset in range(0, 3660):
            current = day + timedelta(days=offset)
            if not self.is_working_day(current):
                continue
            start, end = self._hours[current.weekday()]
            if offset > 0 or second < start:
                return self._at(current, start)
            if second < end:
                return moment
        raise ConfigurationError("the business calendar has no opening time in the next ten years")

    def add_business_time(self, start: datetime, duration: timedelta) -> datetime:
        """The moment when `duration` of open time has passed after `start` ("binnen 30 minuten")."""
        if duration < timedelta(0):
            raise ValueError("a business duration cannot be negative")
        remaining = duration.total_seconds()
        current = self.next_open(start)
        while True:
            local = self._local(current)
            _, end = self._hours[local.weekday()]
            left_today = end - (
                local.hour * 3600 + local.minute * 60 + local.second + local.microsecond / 1e6
            )
            if remaining <= left_today:
                return current + timedelta(seconds=remaining)
            remaining -= left_today
            current = self.next_open(self._at(local.date(), end))

    def add_business_days(self, start: datetime, days: int) -> datetime:
        """Closing time of the `days`-th working day after the day of `start` ("binnen 10 werkdagen")."""
        if days < 0:
            raise ValueError("a number of working days cannot be negative")
        day = self._local(start).date()
        counted = 0
        while counted < days or not self.is_working_day(day):
            day += timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return self._at(day, self._hours[day.weekday()][1])

    def next_working_day_at(self, start: datetime, at: time) -> datetime:
        """`at` o'clock on the next working day after the day of `start` ("morgen voor 12 uur")."""
        day = self._local(start).date() + timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return self._at(day, at.hour * 3600 + at.minute * 60)


def _one_country(country: str) -> holidays.HolidayBase | None:
    """The public holidays of `country` (an ISO code), loading that country's module alone: the package
    `holidays.countries` imports all 250 countries (about 0.15 s, more on a busy machine). None when the
    registry does not list the code or its module cannot be loaded that way; the caller then asks the
    package itself, which gives the same holidays."""
    import holidays
    from holidays.registry import COUNTRIES

    found = [(module, names[0]) for module, names in COUNTRIES.items() if country.upper() in names[1:]]
    if len(found) != 1:
        return None
    module_name, class_name = found[0]
    full_name = f"holidays.countries.{module_name}"
    module = sys.modules.get(full_name)
    if module is None:
        spec = importlib.util.find_spec("holidays")
        if spec is None or not spec.submodule_search_locations:
            return None
        path = f"{list(spec.submodule_search_locations)[0]}/countries/{module_name}.py"
        module_spec = importlib.util.spec_from_file_location(full_name, path)
        if module_spec is None or module_spec.loader is None:
            return None
        module = importlib.util.module_from_spec(module_spec)
        try:
            module_spec.loader.exec_module(module)
        except (ImportError, OSError):
            return None
    entity = getattr(module, class_name, None)
    return entity() if isinstance(entity, type) and issubclass(entity, holidays.HolidayBase) else None
