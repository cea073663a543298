"""The demo's reference period and when things happen in it: office hours, evenings, weekends, holidays.

Times are planned as naive wall-clock times in Europe/Amsterdam (office hours are local) and turned into UTC
only when rows are written. Nothing here reads the current date.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays

from klantstem import dates
from klantstem.demo.model import Wait

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
OFFICE_START = time(8, 30)
OFFICE_END = time(17, 30)


@dataclass(frozen=True)
class Rhythm:
    """When something tends to happen: weights per weekday (Mon..Sun) and per hour, and holidays off or not."""

    days: tuple[float, ...]
    hours: tuple[float, ...]
    closed_on_holidays: bool


def _hours(spans: dict[tuple[int, int], float]) -> tuple[float, ...]:
    weights = [0.0] * 24
    for (first, last), weight in spans.items():
        for hour in range(first, last):
            weights[hour] = weight
    return tuple(weights)


RHYTHMS: dict[str, Rhythm] = {
    "office": Rhythm((1.3, 1.1, 1.0, 1.0, 0.8, 0, 0), _hours({(9, 12): 3, (12, 13): 1.5, (13, 17): 2.5}), True),
    "phone": Rhythm(
        (1.5, 1.1, 1.0, 1.0, 0.9, 0.35, 0),
        _hours({(8, 9): 1, (9, 12): 3.5, (12, 13): 2, (13, 17): 2.5, (17, 20): 1}),
        True,
    ),
    "anytime": Rhythm(
        (1.2, 1.0, 1.0, 1.0, 0.9, 0.6, 0.6),
        _hours({(0, 1): 0.3, (6, 8): 0.6, (8, 12): 2, (12, 17): 1.6, (17, 19): 1, (19, 23): 1.8, (23, 24): 0.6}),
        False,
    ),
    "evening": Rhythm((0.6, 0.6, 0.8, 1.0, 1.8, 1.9, 1.1), _hours({(17, 19): 1.5, (19, 22): 2.5, (22, 24): 1}), False),
    "shop": Rhythm((0.8, 1.0, 1.0, 1.0, 1.2, 1.6, 0), _hours({(9, 12): 2, (12, 14): 2.5, (14, 18): 2}), True),
    "post": Rhythm((1.2, 1.0, 1.0, 1.0, 1.0, 0.5, 0), _hours({(9, 12): 1}), True),
}

CHANNEL_RHYTHM = {
    "phone": "phone",
    "email": "anytime",
    "whatsapp": "anytime",
    "web_form": "anytime",
    "letter": "post",
    "visit": "shop",
    "social_media": "evening",
    "review_site": "evening",
}


@dataclass(frozen=True)
class Period:
    """One year (by default) ending on `until`, inclusive."""

    start: date
    until: date
    holidays: frozenset[date]
    end: datetime  # the last moment of the period, local time

    @classmethod
    def ending(cls, until: date, days: int = 365) -> Period:
        start = until - timedelta(days=days - 1)
        years = range(start.year - 1, until.year + 2)
        calendar = holidays.country_holidays("NL", years=years)
        end = datetime.combine(until, time(23, 59, 59))
        return cls(start=start, until=until, holidays=frozenset(calendar.keys()), end=end)

    @property
    def days(self) -> int:
        return (self.until - self.start).days + 1

    def is_open(self, day: date, rhythm: Rhythm) -> bool:
        if rhythm.days[day.weekday()] <= 0:
            return False
        return not (rhythm.closed_on_holidays and day in self.holidays)

    def random_day(self, rng: random.Random, rhythm_name: str, last_share: float = 1.0) -> date:
        """A day in the first `last_share` of the period, weighted by the rhythm's weekdays."""
        rhythm = RHYTHMS[rhythm_name]
        top = max(rhythm.days)
        span = max(1, int(self.days * last_share))
        while True:
            day = self.start + timedelta(days=rng.randrange(span))
            if self.is_open(day, rhythm) and rng.random() * top <= rhythm.days[day.weekday()]:
                return day

    def moment_on(self, rng: random.Random, day: date, rhythm_name: str) -> datetime:
        hours = RHYTHMS[rhythm_name].hours
        hour = rng.choices(range(24), weights=hours)[0]
        minute = rng.randrange(60)
        if rhythm_name == "office" and hour == 8:
            minute = 30 + rng.randrange(30)
        return datetime.combine(day, time(hour, minute, rng.randrange(60)))

    def snap(self, rng: random.Random, moment: datetime, rhythm_name: str) -> datetime:
        """The moment itself when the rhythm allows it, else a plausible moment on the next open day."""
        rhythm = RHYTHMS[rhythm_name]
        if self.is_open(moment.date(), rhythm) and rhythm.hours[moment.hour] > 0:
            return moment
        day = moment.date()
        first_hour = next(h for h in range(24) if rhythm.hours[h] > 0)
        if moment.hour < first_hour and self.is_open(day, rhythm):
            return datetime.combine(day, time(first_hour, rng.randrange(60)))
        day += timedelta(days=1)
        while not self.is_open(day, rhythm):
            day += timedelta(days=1)
        offset = timedelta(minutes=rng.randrange(150))
        return datetime.combine(day, time(first_hour)) + offset

    def advance(self, rng: random.Random, moment: datetime, wait: Wait) -> datetime:
        amount = rng.uniform(wait.low, wait.high)
        if wait.unit == "minutes":
            return moment + timedelta(minutes=amount)
        if wait.unit == "hours":
            return moment + timedelta(hours=amount)
        if wait.unit == "days":
            return moment + timedelta(days=amount)
        if wait.unit == "office":
            return self.add_office_hours(moment, amount)
        raise ValueError(f"unknown wait unit {wait.unit!r}")

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def add_office_hours(self, moment: datetime, hours: float) -> datetime:
        """`hours` of office time (Mon-Fri 8:30-17:30, not on Dutch public holidays) after `moment`."""
        left = timedelta(hours=hours)
        current = moment
        while True:
            day = current.date()
            opening = datetime.combine(day, OFFICE_START)
            closing = datetime.combine(day, OFFICE_END)
            if not self.is_working_day(day) or current >= closing:
                current = datetime.combine(day + timedelta(days=1), OFFICE_START)
                continue
            current = max(current, opening)
            if current + left <= closing:
                return current + left
            left -= closing - current
            current = datetime.combine(day + timedelta(days=1), OFFICE_START)


def to_utc(moment: datetime) -> datetime:
    """A planned wall-clock moment in Amsterdam as an aware UTC datetime (klantstem.dates' rule)."""
    return dates.to_utc(moment, AMSTERDAM)
