"""Dates as people, files and systems write them, read into UTC: the one date reader of every import.

Accepted: ISO 8601 with or without a zone ("2026-11-23T14:05", "2026-11-23 14:05:00+01:00", "...Z", "2026/11/23"),
day-first numbers ("23-11-2026 14:05", "23/11/2026", "23.11.2026 14.05 uur") and month names in Dutch or English
("23 november 2026 14:05", "23 nov. 2026", "maandag 23 november 2026", "November 23, 2026 2:05 pm"). A date without
a time is midnight. A date without a zone is local time in the configured time zone (`KLANTSTEM_TIMEZONE`).

Local times that do not exist or exist twice follow one rule, in every reader (the contact and story imports here,
the event-log readers in klantstem.process.timestamps, vectorised):
- a time that does not exist, in the hour skipped when the clocks go forward (29-03-2026 02:30 in Amsterdam), is
  read with the offset before the change, as a clock that was not moved shows it: 02:30 +01:00, which is 01:30 UTC,
  the same instant as 03:30 summer time;
- a time that exists twice, in the hour repeated when the clocks go back (25-10-2026 02:30), is read as the first
  of the two, in summer time: 02:30 +02:00, which is 00:30 UTC.
This is Python's own reading of such a time (`fold=0`).

Two sources write dates their own way, and their readers here keep to the same forms and rules: the Date header
of an e-mail (`mail_date`: RFC 5322, "Mon, 23 Nov 2026 14:05:00 +0100", with the obsolete forms and zone names,
and else any form above, as some Dutch mail programs write "ma 23 nov 2026 14:05 +0100"), and the numbers of a
chat export, whose order of day and month is decided per file (`numeric_day`, `clock_time`).

Each import counts both kinds of local time as warnings in its report (`nonexistent_local_times`,
`ambiguous_local_times`), since the file alone cannot say which instant was meant.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

from klantstem.errors import UserInputError

# Times outside these are refused by every reader: no service record holds them, and near Python's limits a
# conversion to UTC would overflow.
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
NONEXISTENT = "nonexistent_local_times"
AMBIGUOUS = "ambiguous_local_times"

# The one table of month and weekday names, Dutch and English: the date reader here, promise due times and the facts
# read from text all take theirs from it. Free text matches the full names only ("do" and "zo" are words too).
MONTH_NAMES = {
    "januari": 1, "january": 1, "februari": 2, "february": 2, "maart": 3, "march": 3, "april": 4,
    "mei": 5, "may": 5, "juni": 6, "june": 6, "juli": 7, "july": 7, "augustus": 8, "august": 8,
    "september": 9, "oktober": 10, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mrt": 3, "mar": 3, "mrch": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTHS = MONTH_NAMES | MONTH_ABBREVIATIONS
WEEKDAY_NAMES = {
    "maandag": 0, "monday": 0, "dinsdag": 1, "tuesday": 1, "woensdag": 2, "wednesday": 2,
    "donderdag": 3, "thursday": 3, "vrijdag": 4, "friday": 4, "zaterdag": 5, "saturday": 5,
    "zondag": 6, "sunday": 6,
}  # fmt: skip
WEEKDAY_ABBREVIATIONS = {
    "ma": 0, "mon": 0, "di": 1, "tue": 1, "tues": 1, "wo": 2, "wed": 2, "do": 3, "thu": 3, "thur": 3,
    "thurs": 3, "vr": 4, "fri": 4, "za": 5, "sat": 5, "zo": 6, "sun": 6,
}  # fmt: skip
WEEKDAYS = frozenset(WEEKDAY_NAMES) | frozenset(WEEKDAY_ABBREVIATIONS)

_TIME = (
    r"(?:,?\s*(?:om\s+|at\s+|t\s*)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<second>\d{2})(?:[.,](?P<fraction>\d{1,6}))?)?"
    r"(?:\s*(?:uur|u|h))?(?:\s*(?P<ampm>[ap])\.?m\.?)?"
    r"(?:\s*(?P<zone>[+-]\d{2}:?\d{2}|(?i:z|utc|gmt|ut)))?)?"
)
_WEEKDAY = r"(?:(?P<weekday>[a-z]+)\.?,?\s+)?"
_YEAR_FIRST = re.compile(r"(?P<year>\d{4})(?P<ysep>[-/.])(?P<month>\d{1,2})(?P=ysep)(?P<day>\d{1,2})" + _TIME)
_NUMERIC = re.compile(r"(?P<day>\d{1,2})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})" + _TIME)
_DAY_MONTH = re.compile(
    _WEEKDAY + r"(?P<day>\d{1,2})(?:e|ste|de|st|nd|rd|th)?\.?\s+(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})" + _TIME
)
_MONTH_DAY = re.compile(
    _WEEKDAY + r"(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME
)
_HINT = "write it as 2026-11-23 14:05, 23-11-2026 14:05 or 23 november 2026"


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
    day = numeric_day(match["day"], str(month), match["year"], "dmy")
    moment = None
    if day is not None:
        moment = clock_time(day, match["hour"] or "0", match["minute"] or "0", match["second"], match["ampm"])
    if moment is None:
        raise UserInputError(f"{_shown(text)} is not a date that exists")
    moment = moment.replace(microsecond=int((match["fraction"] or "").ljust(6, "0")))
    zone = match["zone"]
    if zone:
        minutes = 0 if zone[0] not in "+-" else int(zone[1:3]) * 60 + int(zone[-2:])
        moment = moment.replace(tzinfo=timezone(timedelta(minutes=-minutes if zone[0] == "-" else minutes)))
    return moment


def numeric_day(first: str, second: str, third: str, order: str) -> date | None:
    """The day three numbers name when written in `order` (dmy, mdy or ymd; a two-digit year is 2000 to 2099),
    or None when there is no such day."""
    if order == "ymd":
        year, month, day = first, second, third
    else:
        year, month, day = (third, first, second) if order == "mdy" else (third, second, first)
    full_year = int(year) + (2000 if len(year) <= 2 else 0)
    try:
        return date(full_year, int(month), int(day))
    except ValueError:
        return None


def clock_time(
    day: date, hour: str, minute: str, second: str | None = None, half: str | None = None
) -> datetime | None:
    """The wall-clock time on `day` (naive); `half` "a"/"p" (either case) for a 12-hour clock. None when there is
    no such time ("25:61", "13:00 pm")."""
    hours, minutes, seconds = int(hour), int(minute), int(second or 0)
    if half:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if half.lower() == "p" else 0)
    if hours > 23 or minutes > 59 or seconds > 59:
        return None
    return datetime(day.year, day.month, day.day, hours, minutes, seconds)


# Zone names in Date headers: RFC 5322's own, and those of Dutch and European mail programs; any other name is
# "-0000", UTC, as RFC 5322 says of a zone whose meaning is not known.
_MAIL_ZONES = {
    "ut": 0, "gmt": 0, "utc": 0, "z": 0, "wet": 0, "bst": 60, "west": 60, "cet": 60, "met": 60, "cest": 120,
    "mest": 120, "eet": 120, "eest": 180, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
    "mdt": -360, "pst": -480, "pdt": -420,
}  # fmt: skip
_MAIL_ZONE_NAME = re.compile(r"(?<=\d)\s+([a-z]{1,5})$", re.IGNORECASE)
_MAIL_SHORT_YEAR = re.compile(r"(\d{1,2}\s+[a-z]{3,}\.?\s+)(\d{2,3})(?=\s)", re.IGNORECASE)
_MAIL_COMMENT = re.compile(r"\s*\([^()]*\)\s*$")


def mail_date(text: str) -> datetime:
    """The moment an e-mail's Date header names (aware; naive when it names no zone: local time), in RFC 5322's
    form ("Mon, 23 Nov 2026 14:05:00 +0100", also its obsolete two-digit years and zone names; "-0000" is UTC)
    or any of the forms above; raises UserInputError."""
    folded = _MAIL_COMMENT.sub("", " ".join(text.split()))
    if not folded:
        raise UserInputError("the message has no date")
    folded = _MAIL_SHORT_YEAR.sub(lambda found: found[1] + _full_year(found[2]), folded)
    named = _MAIL_ZONE_NAME.search(folded)
    if named and named[1].lower() not in ("am", "pm", "uur", "u", "h"):
        minutes = _MAIL_ZONES.get(named[1].lower(), 0)
        sign = "-" if minutes < 0 else "+"
        folded = f"{folded[: named.start()]} {sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
    try:
        return parse_text(folded)
    except UserInputError as exc:
        if "exists" in str(exc):
            raise
        raise UserInputError(f"{_shown(folded)} is not a date") from None


def _full_year(digits: str) -> str:
    """RFC 5322's obsolete years: two digits are 1950 to 2049, three digits are after 1900."""
    year = int(digits)
    return str(year + (1900 if len(digits) == 3 or year >= 50 else 2000))


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:40] + "...")


def in_range(moment: datetime, shown: str) -> datetime:
    """`moment` (aware) when it lies from EARLIEST to LATEST; raises UserInputError otherwise."""
    if not EARLIEST <= moment <= LATEST:
        raise UserInputError(f"{_shown(shown)} is outside the years {EARLIEST.year} to {LATEST.year}")
    return moment


def to_utc(moment: datetime, local_zone: tzinfo = UTC) -> datetime:
    """The same moment as an aware UTC datetime; a naive moment is wall-clock time in `local_zone` (by the rule
    above), which for values read back from the database is UTC itself."""
    if moment.tzinfo is not None:
        return moment.astimezone(UTC)
    if local_zone is UTC:
        return moment.replace(tzinfo=UTC)
    return moment.replace(tzinfo=local_zone).astimezone(UTC)


def utc_or_none(moment: datetime | None) -> datetime | None:
    """`to_utc` for a value that may be missing (a nullable column read back)."""
    return None if moment is None else to_utc(moment)


def local_time_kind(moment: datetime, zone: tzinfo) -> str | None:
    """NONEXISTENT or AMBIGUOUS for a naive wall-clock time in `zone` that the rule above had to settle, else None."""
    first = moment.replace(tzinfo=zone, fold=0)
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != moment:
        return NONEXISTENT
    if first.utcoffset() != moment.replace(tzinfo=zone, fold=1).utcoffset():
        return AMBIGUOUS
    return None


def shown_local(moment: datetime, zone: tzinfo) -> str:
    """An aware moment as people read it in `zone`, "2026-11-23 14:05"; in the hour that occurs twice when the
    clocks go back, with its offset ("2026-10-25 02:30 +02:00"), so the two readings of that hour differ."""
    local = moment.astimezone(zone)
    text = f"{local:%Y-%m-%d %H:%M}"
    if local_time_kind(local.replace(tzinfo=None), zone) == AMBIGUOUS:
        offset = f"{local:%z}"
        text += f" {offset[:3]}:{offset[3:]}"
    return text


def shown_day(value: object) -> str:
    """A day as the pages and the report write it, in both languages: 16-02-2026. Takes a date, a moment (its own
    day: convert it to the organisation's zone first) or ISO 8601 text; other text is returned as it is."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10]).strftime("%d-%m-%Y")
        except ValueError:
            return value
    return value.strftime("%d-%m-%Y") if isinstance(value, date) else ("" if value is None else str(value))
