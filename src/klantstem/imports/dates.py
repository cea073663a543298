"""Dates as Dutch and English files write them, read into timezone-aware UTC datetimes.

Accepted: ISO 8601 with or without a zone ("2026-11-23T14:05", "2026-11-23 14:05:00+01:00", "...Z"),
day-first numbers ("23-11-2026 14:05", "23/11/2026", "23.11.2026 14.05 uur") and month names in Dutch or
English ("23 november 2026 14:05", "23 nov. 2026", "maandag 23 november 2026", "November 23, 2026 2:05 pm").
A date without a time is midnight. A date without a zone is local time in the configured time zone; in the
hour that occurs twice when summer time ends, the first (summer-time) reading is taken.

ISO text takes a fast path (`datetime.fromisoformat`) and the UTC offset of each local hour is cached, so a
file of a million rows is read without a general-purpose parser per row.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from klantstem.errors import ConfigurationError, UserInputError

MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "february": 2, "feb": 2,
    "maart": 3, "march": 3, "mrt": 3, "mar": 3, "mrch": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "augustus": 8, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAY_NAMES = (
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ma di wo do vr za zo "
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
)
WEEKDAYS = frozenset(_WEEKDAY_NAMES.split())

_TIME = (
    r"(?:,?\s*(?:om\s+|at\s+|t\s*)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<second>\d{2}))?"
    r"(?:\s*(?:uur|u|h))?(?:\s*(?P<ampm>[ap])\.?m\.?)?)?"
)
_WEEKDAY = r"(?:(?P<weekday>[a-z]+)\.?,?\s+)?"
_YEAR_FIRST = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})" + _TIME)
_NUMERIC = re.compile(r"(?P<day>\d{1,2})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})" + _TIME)
_DAY_MONTH = re.compile(
    _WEEKDAY + r"(?P<day>\d{1,2})(?:e|ste|de|st|nd|rd|th)?\.?\s+(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})" + _TIME
)
_MONTH_DAY = re.compile(
    _WEEKDAY + r"(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME
)
_HOURS_CACHED = 200_000
# Valid minutes, or minutes and seconds, after an hour (":05", ":05:33") and how they end a stored text.
_TAILS = {f":{m:02d}": f":{m:02d}:00.000000" for m in range(60)} | {
    f":{m:02d}:{s:02d}": f":{m:02d}:{s:02d}.000000" for m in range(60) for s in range(60)
}
_HINT = "write it as 2026-11-23 14:05, 23-11-2026 14:05 or 23 november 2026"


class DateReader:
    """Reads one configured time zone's dates; keeps a small cache of UTC offsets per local hour."""

    def __init__(self, timezone: str) -> None:
        try:
            self._zone = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigurationError(f"unknown time zone {timezone!r}") from None
        self._offsets: dict[datetime, timedelta] = {}
        # The UTC hour of a text's first 13 characters ("2026-11-23T14" or "23-11-2026 14", local time), or of
        # those with the zone after the seconds ("2026-11-23T14+01:00"): "2026-11-23 13"
        self._utc_hours: dict[str, str] = {}

    def utc_text(self, value: object) -> str:
        """The moment as the UTC text the database keeps, "2026-11-23 13:05:00.000000"; see `read`.

        Large exports write their dates in one or two forms to the minute or second, so the UTC hour of each
        text's first 13 characters ("2026-11-23T14", "23-11-2026 14", or those with a zone such as "+01:00"
        after the seconds) is remembered once a text with it was read and found valid; a later text with
        the same hour only needs its minutes (and seconds) checked against the list of valid ones.
        """
        if type(value) is str:
            tail = _TAILS.get(value[13:])
            if tail is not None:
                prefix = self._utc_hours.get(value[:13])
                if prefix is not None:
                    return prefix + tail
            elif len(value) > 19 and value[19] in "+-Z":
                tail = _TAILS.get(value[13:19])
                if tail is not None:
                    prefix = self._utc_hours.get(value[:13] + value[19:])
                    if prefix is not None:
                        return prefix + tail
        return self._utc_text(value)

    def _utc_text(self, value: object) -> str:
        """`utc_text` without the remembered hours; learns the hour of a text in one of their forms.

        Local ISO text to the minute or second ("23-11-2026 14:05" as well) is checked with `fromisoformat`
        and rewritten with its hour's UTC hour, without building a zoned datetime.
        """
        iso = value
        if type(iso) is str and len(iso) >= 16 and iso[2] == iso[5] and iso[2] in "-/.":
            iso = f"{iso[6:10]}-{iso[3:5]}-{iso[:2]}{iso[10:]}"  # 23-11-2026 14:05 as 2026-11-23 14:05
        if (
            type(value) is str
            and type(iso) is str
            and (len(iso) == 16 or (len(iso) == 19 and iso[16] == ":"))
            and iso[13] == ":"
            and iso[10] in "T "
        ):
            try:
                moment: datetime | None = datetime.fromisoformat(iso)
            except ValueError:
                moment = None
            if moment is not None and moment.tzinfo is None:
                prefix = self._utc_hour(moment)
                if prefix is not None:
                    self._remember(value[:13], prefix)  # value[13:] is valid minutes (and seconds)
                    return prefix + iso[13:] + (":00.000000" if len(iso) == 16 else ".000000")
        text = stored_text(self.read(value))
        if (
            type(value) is str
            and len(value) > 19
            and value[19] in "+-Z"
            and value[13:19] in _TAILS
            and text[13:] == value[13:19] + ".000000"
        ):  # a zone written after the seconds that moved neither minutes nor seconds: whole hours, all hour
            self._remember(value[:13] + value[19:], text[:13])
        return text

    def _remember(self, key: str, prefix: str) -> None:
        if len(self._utc_hours) < _HOURS_CACHED:
            self._utc_hours[key] = prefix

    def _utc_hour(self, moment: datetime) -> str | None:
        """ "2026-11-23 13" for the local hour of `moment`, when the zone's offset is whole hours all hour."""
        hour = moment.replace(minute=0, second=0, microsecond=0)
        offset = self._offset_of_hour(hour)
        if offset is None or offset % timedelta(hours=1):
            return None
        return (hour - offset).isoformat(" ")[:13]

    def read(self, value: object) -> datetime:
        """A timezone-aware UTC datetime; raises UserInputError when the value is not a date."""
        if isinstance(value, str):
            text = value.strip()
            if len(text) >= 10 and text[4] == "-" and text[13:14] != ".":  # not "14.05": hours with a fraction
                try:
                    return self.to_utc(datetime.fromisoformat(text))
                except ValueError:
                    pass
            return self.to_utc(parse_text(text))
        if isinstance(value, datetime):
            return self.to_utc(value)
        if isinstance(value, date):
            return self.to_utc(datetime(value.year, value.month, value.day))
        raise UserInputError(f"cannot read {type(value).__name__} as a date; {_HINT}")

    def to_utc(self, moment: datetime) -> datetime:
        """The same moment in UTC; a naive moment is local time in the configured zone."""
        if moment.tzinfo is not None:
            return moment.astimezone(UTC)
        hour = moment.replace(minute=0, second=0, microsecond=0)
        offset = self._offsets.get(hour)
        if offset is None:
            offset = self._offset_of_hour(hour)
            if offset is None:  # the offset changes within this hour: no shortcut
                return moment.replace(tzinfo=self._zone).astimezone(UTC)
            self._offsets[hour] = offset
        return (moment - offset).replace(tzinfo=UTC)

    def _offset_of_hour(self, hour: datetime) -> timedelta | None:
        first = hour.replace(tzinfo=self._zone).utcoffset()
        last = (hour + timedelta(minutes=59, seconds=59)).replace(tzinfo=self._zone).utcoffset()
        return first if first is not None and first == last else None


def stored_text(moment: datetime) -> str:
    """An aware datetime as the UTC text the database keeps: "2026-11-23 13:05:00.000000"."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def parse_text(text: str) -> datetime:
    """A naive or aware datetime from any accepted form; raises UserInputError otherwise."""
    if not text:
        raise UserInputError(f"a date is needed; {_HINT}")
    lowered = text if text.isascii() and text[:2].isdigit() else " ".join(text.lower().split())
    match = _NUMERIC.fullmatch(lowered) or _YEAR_FIRST.fullmatch(lowered)
    if match:
        month = int(match["month"])
    else:
        lowered = " ".join(text.lower().split())
        match = _DAY_MONTH.fullmatch(lowered) or _MONTH_DAY.fullmatch(lowered)
        month = MONTHS.get(match["month"], 0) if match else 0
        if match and match["weekday"] and match["weekday"] not in WEEKDAYS:
            match = None
    if match is None or month == 0:
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            raise UserInputError(f"cannot read the date {_shown(text)}; {_HINT}") from None
    try:
        return datetime(int(match["year"]), month, int(match["day"]), *_clock_time(match))
    except ValueError:
        raise UserInputError(f"{_shown(text)} is not a date that exists") from None


def _clock_time(match: re.Match[str]) -> tuple[int, int, int]:
    if match["hour"] is None:
        return (0, 0, 0)
    hour = int(match["hour"])
    if match["ampm"]:
        if not 1 <= hour <= 12:
            raise ValueError("hour out of range for am/pm")
        hour = hour % 12 + (12 if match["ampm"] == "p" else 0)
    return (hour, int(match["minute"]), int(match["second"] or 0))


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:40] + "...")
