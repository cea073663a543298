"""The contact and story imports' date reader: klantstem.dates' forms and rules, fast on a million rows.

klantstem.dates says which forms are read and how local times that do not exist or exist twice are settled;
this reader counts those in `warnings` for the import report. ISO text takes a fast path
(`datetime.fromisoformat`) and the UTC offset of each local hour is cached, so a file of a million rows is read
without a general-purpose parser per row.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from klantstem.dates import AMBIGUOUS, EARLIEST, LATEST, NONEXISTENT, in_range, local_time_kind, parse_text, stored_text
from klantstem.errors import ConfigurationError, UserInputError

_HINT = "write it as 2026-11-23 14:05, 23-11-2026 14:05 or 23 november 2026"

_HOURS_CACHED = 200_000
# Valid minutes, or minutes and seconds, after an hour (":05", ":05:33") and how they end a stored text.
_TAILS = {f":{m:02d}": f":{m:02d}:00.000000" for m in range(60)} | {
    f":{m:02d}:{s:02d}": f":{m:02d}:{s:02d}.000000" for m in range(60) for s in range(60)
}


class DateReader:
    """Reads one configured time zone's dates; keeps a small cache of UTC offsets per local hour."""

    def __init__(self, timezone: str) -> None:
        try:
            self._zone = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigurationError(f"unknown time zone {timezone!r}") from None
        self._offsets: dict[datetime, timedelta] = {}
        self.warnings = {NONEXISTENT: 0, AMBIGUOUS: 0}  # local times klantstem.dates' rule had to settle
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
        if not EARLIEST.year < moment.year < LATEST.year:
            return None  # the first and last years are checked by `read`
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
                    return self._in_utc(datetime.fromisoformat(text), text)
                except ValueError:
                    pass
            return self._in_utc(parse_text(text), text)
        if isinstance(value, datetime):
            return self._in_utc(value, str(value))
        if isinstance(value, date):
            return self._in_utc(datetime(value.year, value.month, value.day), str(value))
        raise UserInputError(f"cannot read {type(value).__name__} as a date; {_HINT}")

    def _in_utc(self, moment: datetime, shown: str) -> datetime:
        try:
            return in_range(self.to_utc(moment), shown)
        except OverflowError:
            return in_range(datetime.max.replace(tzinfo=UTC), shown)  # refused: beyond the last year

    def to_utc(self, moment: datetime) -> datetime:
        """The same moment in UTC; a naive moment is local time in the configured zone (klantstem.dates' rule,
        counted in `warnings` when it had to settle a time that does not exist or exists twice)."""
        if moment.tzinfo is not None:
            return moment.astimezone(UTC)
        hour = moment.replace(minute=0, second=0, microsecond=0)
        offset = self._offsets.get(hour)
        if offset is None:
            offset = self._offset_of_hour(hour)
            if offset is None:  # the offset changes within this hour: no shortcut
                kind = local_time_kind(moment, self._zone)
                if kind:
                    self.warnings[kind] += 1
                return moment.replace(tzinfo=self._zone).astimezone(UTC)
            self._offsets[hour] = offset
        return (moment - offset).replace(tzinfo=UTC)

    def _offset_of_hour(self, hour: datetime) -> timedelta | None:
        """The UTC offset of every moment of this local hour, or None when it changes within the hour or the hour
        does not exist or exists twice (its two readings, `fold` 0 and 1, differ)."""
        last = hour + timedelta(minutes=59, seconds=59)
        offsets = {
            moment.replace(tzinfo=self._zone, fold=fold).utcoffset() for moment in (hour, last) for fold in (0, 1)
        }
        offset = offsets.pop()
        return offset if not offsets else None
