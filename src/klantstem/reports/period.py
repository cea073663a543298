"""Report periods: a month (2026-10), a quarter (2026-Q3) or a year (2026), in the organisation's time zone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from klantstem.errors import UserInputError

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class Period:
    """Months `first_month` up to and including `first_month + months - 1` of `year`."""

    year: int
    first_month: int  # 1..12
    months: int  # 1 (month), 3 (quarter) or 12 (year)
    timezone: str

    @property
    def label(self) -> str:
        if self.months == 12:
            return f"{self.year}"
        if self.months == 3:
            return f"{self.year}-Q{(self.first_month - 1) // 3 + 1}"
        return f"{self.year}-{self.first_month:02d}"

    @property
    def start(self) -> datetime:
        """The first moment, in UTC."""
        return _moment(self.year, self.first_month, self.timezone)

    @property
    def end(self) -> datetime:
        """The first moment after the period, in UTC."""
        year, month = _add_months(self.year, self.first_month, self.months)
        return _moment(year, month, self.timezone)

    def previous(self, steps: int = 1) -> Period:
        year, month = _add_months(self.year, self.first_month, -self.months * steps)
        return Period(year, month, self.months, self.timezone)


def parse_period(text: str, timezone: str, now: datetime) -> Period:
    """`2026-10`, `2026-Q3` or `2026`; a period that starts after `now` is refused."""
    value = text.strip()
    found: Period | None = None
    if m := _MONTH.match(value):
        if 1 <= int(m.group(2)) <= 12:
            found = Period(int(m.group(1)), int(m.group(2)), 1, timezone)
    elif m := _QUARTER.match(value):
        found = Period(int(m.group(1)), (int(m.group(2)) - 1) * 3 + 1, 3, timezone)
    elif m := _YEAR.match(value):
        found = Period(int(m.group(1)), 1, 12, timezone)
    if found is None or found.year < 1900:
        raise UserInputError(f"period {text!r}: give a month (2026-10), a quarter (2026-Q3) or a year (2026)")
    if found.start > now:
        raise UserInputError(f"period {found.label} lies in the future (today is {now.date().isoformat()})")
    return found


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _moment(year: int, month: int, timezone: str) -> datetime:
    return datetime(year, month, 1, tzinfo=ZoneInfo(timezone)).astimezone(UTC)
