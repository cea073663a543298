"""Due times from the words a promise was made in, on the business calendar.

"binnen 10 werkdagen" is the closing time of the tenth working day; "binnen 30 minuten" and "binnen 2 uur"
count open time only; "morgen voor 12 uur" is noon on the next working day; "uiterlijk 1 december" is the
closing time of that day. English phrases ("within 2 hours", "tomorrow before 12") work the same. Pure: no
database; the calendar carries opening hours, public holidays and the time zone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from klantstem.business_calendar import BusinessCalendar
from klantstem.dates import MONTHS, WEEKDAY_NAMES
from klantstem.errors import UserInputError

NUMBER_WORDS = {
    "een": 1, "één": 1, "eén": 1, "one": 1, "a": 1, "an": 1,
    "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4, "four": 4, "vijf": 5, "five": 5,
    "zes": 6, "six": 6, "zeven": 7, "seven": 7, "acht": 8, "eight": 8, "negen": 9, "nine": 9,
    "tien": 10, "ten": 10, "elf": 11, "eleven": 11, "twaalf": 12, "twelve": 12,
    "veertien": 14, "fourteen": 14, "vijftien": 15, "fifteen": 15, "twintig": 20, "twenty": 20,
    "dertig": 30, "thirty": 30, "veertig": 40, "forty": 40, "zestig": 60, "sixty": 60,
}  # fmt: skip
# Month words, full names and abbreviations alike, longest first so "sept" wins over "sep".
MONTH_ALTERNATION = "|".join(sorted(MONTHS, key=len, reverse=True))

_UNITS = {
    "werkdag": "workdays", "werkdagen": "workdays", "working day": "workdays", "working days": "workdays",
    "business day": "workdays", "business days": "workdays", "dag": "days", "dagen": "days", "day": "days",
    "days": "days", "week": "weeks", "weken": "weeks", "weeks": "weeks", "minuut": "minutes",
    "minuten": "minutes", "minute": "minutes", "minutes": "minutes", "min": "minutes", "uur": "hours",
    "uren": "hours", "hour": "hours", "hours": "hours", "kwartier": "quarters",
}  # fmt: skip
_LEAD = r"(?:binnen|within|in)"
_NUMBER = r"(\d{1,3}|[a-zéë]+)"
_UNIT = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_WITHIN = re.compile(rf"^{_LEAD}\s+(?:het\s+|de\s+|the\s+)?(?:{_NUMBER}\s+)?(half\s+(?:een\s+|an\s+)?)?({_UNIT})$")
_CLOCK = r"(\d{1,2})(?:[:.u](\d{2}))?\s*(?:uur|u|h|o'clock)?\s*(am|pm)?|(noon|middag|12 noon)"
_DAY_AT = re.compile(
    rf"^(?:uiterlijk\s+|no later than\s+)?(morgen|tomorrow|vandaag|today|vandaag nog)"
    rf"(?:\s+(?:voor|om|uiterlijk|rond|before|by|at|around)\s+(?:{_CLOCK}))?$"
)
_BY_WEEKDAY = re.compile(
    rf"^(?:voor|uiterlijk|op|before|by|on)\s+(?:a\s+)?({'|'.join(WEEKDAY_NAMES)})"
    rf"(?:\s+(?:voor|om|before|by|at)\s+(?:{_CLOCK}))?$"
)
_NUMERIC_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[-/](\d{1,2})[-/](\d{4})")
_WORD_DATE = re.compile(rf"(\d{{1,2}})\s+({MONTH_ALTERNATION})\.?(?:\s+(\d{{4}}))?")
_BY_DATE = re.compile(
    rf"^(?:voor|uiterlijk|op|before|by|on|due)?\s*(?P<date>{_NUMERIC_DATE.pattern}|{_WORD_DATE.pattern})"
    rf"(?:(?:\s+|t)(?:voor\s+|om\s+|before\s+|by\s+|at\s+)?(?:{_CLOCK}))?$"
)

_DAY_OF_MONTH = re.compile(r"^(?:on|by|before|op|voor|uiterlijk)?\s*(?:the|de)\s+(\d{1,2})(?:st|nd|rd|th|ste|de|e)$")
_THIS_WEEK = re.compile(r"^(?:uiterlijk\s+|by\s+)?(?:deze week(?: nog)?|this week)$")
_MONTH_END = re.compile(
    rf"^(?:voor|uiterlijk|by|before|tegen)?\s*(?:eind|einde|end of|the end of)\s+"
    rf"({MONTH_ALTERNATION}|(?:van\s+)?(?:de|deze|the|this)\s+(?:maand|month))$"
)
_NEXT_WEEK = re.compile(
    rf"^(?:uiterlijk\s+|voor\s+|by\s+|before\s+|in\s+)?(?:de\s+)?(?:volgende|komende|next)\s+week"
    rf"(?:\s+(?:op\s+|on\s+)?({'|'.join(WEEKDAY_NAMES)}))?$"
)

HELP = (
    "write e.g. 'binnen 10 werkdagen', 'binnen 30 minuten', 'binnen 2 uur', 'morgen voor 12 uur' "
    "or 'uiterlijk 1-12-2026'"
)


def due_from_phrase(phrase: str, made_at: datetime, calendar: BusinessCalendar) -> datetime:
    """The due moment (UTC) for a promise made at `made_at` in the words `phrase`; UserInputError when unknown."""
    if made_at.tzinfo is None:
        raise ValueError("made_at must be timezone-aware")
    text = normalise_phrase(phrase)
    for parse in _PARSERS:
        due = parse(text, made_at, calendar)
        if due is not None:
            return due.astimezone(UTC)
    raise UserInputError(
        f"cannot read the due time {phrase.strip()[:80]!r}: {HELP}", code="due_unreadable", value=phrase.strip()[:80]
    )


def normalise_phrase(phrase: str) -> str:
    text = re.sub(r"\s+", " ", phrase.strip().lower()).rstrip(".!,;")
    return re.sub(r"^(?:we |ik |i |we'll |i'll )?(?:bellen|mailen|call|e-?mail|reageren|antwoorden)?\s*", "", text)


def _within(text: str, made_at: datetime, calendar: BusinessCalendar) -> datetime | None:
    match = _WITHIN.match(text)
    if not match:
        return None
    count_word, half, unit_word = match.groups()
    count = _number(count_word) if count_word else 1
    if count is None:
        return None
    unit = _UNITS[unit_word]
    if half:
        if unit != "hours" or count != 1:
            return None
        return calendar.add_business_time(made_at, timedelta(minutes=30))
    if unit == "workdays":
        return calendar.add_business_days(made_at, count)
    if unit in ("days", "weeks"):
        return made_at + timedelta(days=count * (7 if unit == "weeks" else 1))
    minutes = {"minutes": 1, "quarters": 15, "hours": 60}[unit] * count
    return calendar.add_business_time(made_at, timedelta(minutes=minutes))


def _day_at(text: str, made_at: datetime, calendar: BusinessCalendar) -> datetime | None:
    match = _DAY_AT.match(text)
    if not match:
        return None
    word = match.group(1)
    at = _clock_time(match.groups()[1:])
    if word in ("morgen", "tomorrow"):
        if at is not None:
            return calendar.next_working_day_at(made_at, at)
        return calendar.add_business_days(made_at, 1)
    local_day = made_at.astimezone(ZoneInfo(calendar.timezone)).date()
    return _on_day(local_day, at, calendar)


def _by_weekday(text: str, made_at: datetime, calendar: BusinessCalendar) -> datetime | None:
    match = _BY_WEEKDAY.match(text)
    if not match:
        return None
    today = made_at.astimezone(ZoneInfo(calendar.timezone)).date()
    ahead = (WEEKDAY_NAMES[match.group(1)] - today.weekday() - 1) % 7 + 1  # a weekday named today is next week's
    return _on_day(today + timedelta(days=ahead), _clock_time(match.groups()[1:]), calendar)


def _by_date(text: str, made_at: datetime, calendar: BusinessCalendar) -> datetime | None:
    match = _BY_DATE.match(text)
    if not match:
        return None
    today = made_at.astimezone(ZoneInfo(calendar.timezone)).date()
    day = parse_day(match.group("date"), today)
    groups = match.groups()
    return _on_day(day, _clock_time(groups[-4:]), calendar)


def _next_week(text: str, made_at: datetime, calendar: BusinessCalendar) -> datetime | None:
    """ "volgende week": the closing time of next week's last working day; "volgende week dinsdag": that day."""
    match = _NEXT_WEEK.match(text)
    if not match:
        return None
    today = made_at.astimezone(ZoneInfo(calendar.timezone)).date()
    monday = today + timedelta(days=7 - today.weekday())
    if match.group(1):
        return _on_day(monday + timedelta(days=WEEKDAY_NAMES[match.group(1)]), None, calendar)
    week = [monday + timedelta(days=n) for n in range(7)]
    return _on_day(max((d for d in week if calendar.is_working_day(d)), default=week[-1]), None, calendar)


def _this_week(text: str, made_at: datetime, calendar: BusinessCalendar) -> datetime | None:
    """ "deze week": the closing time of this week's last working day (today's when that has passed)."""
    if not _THIS_WEEK.match(text):
        return None
    today = made_at.astimezone(ZoneInfo(calendar.timezone)).date()
    rest = [today + timedelta(days=n) for n in range(7 - today.weekday())]
    return _on_day(max((d for d in rest if calendar.is_working_day(d)), default=today), None, calendar)


def _month_end(text: str, made_at: datetime, calendar: BusinessCalendar) -> datetime | None:
    """ "eind december": the closing time of that month's last working day (the next such month from today)."""
    match = _MONTH_END.match(text)
    if not match:
        return None
    today = made_at.astimezone(ZoneInfo(calendar.timezone)).date()
    month = MONTHS.get(match.group(1), today.month)  # "eind van de maand": this month
    year = today.year + (1 if month < today.month else 0)
    last = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
    days = [last - timedelta(days=n) for n in range(last.day)]
    return _on_day(next((d for d in days if calendar.is_working_day(d)), last), None, calendar)


def _day_of_month(text: str, made_at: datetime, calendar: BusinessCalendar) -> datetime | None:
    """ "on the 30th", "op de 30e": that day of this month, or of the next month when it has passed."""
    match = _DAY_OF_MONTH.match(text)
    if not match:
        return None
    today = made_at.astimezone(ZoneInfo(calendar.timezone)).date()
    number = int(match.group(1))
    for ahead in range(3):
        year, month = today.year + (today.month - 1 + ahead) // 12, (today.month - 1 + ahead) % 12 + 1
        try:
            day = date(year, month, number)
        except ValueError:
            continue
        if day >= today:
            return _on_day(day, None, calendar)
    return None


def parse_day(text: str, today: date) -> date:
    """'2026-12-01', '1-12-2026', '1 december 2026' or '1 december' (the next one from `today`)."""
    numeric = _NUMERIC_DATE.fullmatch(text.strip())
    try:
        if numeric:
            y, m, d, d2, m2, y2 = numeric.groups()
            return date(int(y), int(m), int(d)) if y else date(int(y2), int(m2), int(d2))
        worded = _WORD_DATE.fullmatch(text.strip().lower())
        if not worded:
            raise UserInputError(
                f"cannot read the date {text.strip()[:40]!r}: write e.g. 2026-12-01 or 1-12-2026",
                code="date_unreadable",
                value=text.strip()[:40],
            )
        day, month, year = int(worded.group(1)), MONTHS[worded.group(2)], worded.group(3)
        if year:
            return date(int(year), month, day)
        candidate = date(today.year, month, day)
        return candidate if candidate >= today else date(today.year + 1, month, day)
    except ValueError:
        raise UserInputError(
            f"{text.strip()[:40]!r} is not a date in the calendar", code="date_impossible", value=text.strip()[:40]
        ) from None


def _on_day(day: date, at: time | None, calendar: BusinessCalendar) -> datetime:
    """`at` on `day`; without a time, closing time on a working day and the end of the day otherwise."""
    zone = ZoneInfo(calendar.timezone)
    if at is not None:
        return datetime.combine(day, at, zone)
    start = datetime.combine(day, time(0), zone)
    if calendar.is_working_day(day):
        return calendar.add_business_days(start, 0)
    return datetime.combine(day, time(23, 59, 59), zone)


def _clock_time(groups: tuple[str | None, ...]) -> time | None:
    hour, minute, meridiem, noon = groups[:4]
    if noon:
        return time(12, 0)
    if hour is None:
        return None
    h = int(hour) + (12 if meridiem == "pm" and int(hour) < 12 else 0)
    if not 0 <= h <= 23 or not 0 <= int(minute or 0) <= 59:
        raise UserInputError(f"{hour}:{minute or '00'} is not a time of day")
    return time(h, int(minute or 0))


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


_PARSERS: tuple[Callable[[str, datetime, BusinessCalendar], datetime | None], ...] = (
    _within,
    _day_at,
    _by_weekday,
    _by_date,
    _next_week,
    _this_week,
    _month_end,
    _day_of_month,
)
