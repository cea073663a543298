"""Due times from the words of a promise, across weekends, Dutch public holidays, month ends and DST."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from klantstem.business_calendar import BusinessCalendar
from klantstem.errors import UserInputError
from klantstem.promises.due import due_from_phrase

AMS = ZoneInfo("Europe/Amsterdam")
CAL = BusinessCalendar("mon-fri 08:30-17:30", "NL", "Europe/Amsterdam")


def ams(*args: int) -> datetime:
    return datetime(*args, tzinfo=AMS)


@pytest.mark.parametrize(
    ("phrase", "made", "due"),
    [
        # Christmas (Fri 25, Sat 26), the weekend and New Year (Fri 1 Jan): the tenth working day is Mon 11 Jan.
        ("binnen 10 werkdagen", ams(2026, 12, 24, 10), ams(2027, 1, 11, 17, 30)),
        ("within 10 working days", ams(2026, 12, 24, 10), ams(2027, 1, 11, 17, 30)),
        # Good Friday and Easter Monday 2027 are closed: the second working day is the month end, Wed 31 March.
        ("binnen twee werkdagen", ams(2027, 3, 25, 9), ams(2027, 3, 31, 17, 30)),
        # 15 minutes left on Friday 27 November, the other 15 on Monday 30 November.
        ("binnen 30 minuten", ams(2026, 11, 27, 17, 15), ams(2026, 11, 30, 8, 45)),
        ("binnen een half uur", ams(2026, 11, 27, 17, 15), ams(2026, 11, 30, 8, 45)),
        # 40 minutes on Christmas Eve, 80 minutes after the Christmas weekend.
        ("binnen 2 uur", ams(2026, 12, 24, 16, 50), ams(2026, 12, 28, 9, 50)),
        ("within 2 hours", ams(2026, 12, 24, 16, 50), ams(2026, 12, 28, 9, 50)),
        # Made on a Saturday: the clock starts at Monday's opening.
        ("binnen het uur", ams(2026, 11, 21, 11), ams(2026, 11, 23, 9, 30)),
        # Tomorrow is the first of the month, a Saturday: noon on Monday.
        ("morgen voor 12 uur", ams(2027, 4, 30, 15), ams(2027, 5, 3, 12)),
        # Tomorrow is King's Day 2027 (Tuesday 27 April).
        ("morgen voor 12:00", ams(2027, 4, 26, 15), ams(2027, 4, 28, 12)),
        ("tomorrow before 12 noon", ams(2027, 4, 26, 15), ams(2027, 4, 28, 12)),
        ("morgen", ams(2026, 12, 30, 11), ams(2026, 12, 31, 17, 30)),
        ("vandaag voor 17 uur", ams(2026, 11, 23, 9), ams(2026, 11, 23, 17)),
        # Calendar days and weeks do not skip weekends.
        ("binnen 3 dagen", ams(2026, 11, 27, 10), ams(2026, 11, 30, 10)),
        ("binnen een week", ams(2026, 11, 27, 10), ams(2026, 12, 4, 10)),
        # A date without a time: closing time of that working day; a date without a year: the next one.
        ("uiterlijk 1 december", ams(2026, 11, 20, 10), ams(2026, 12, 1, 17, 30)),
        ("uiterlijk 1 december", ams(2026, 12, 2, 10), ams(2027, 12, 1, 17, 30)),
        ("uiterlijk 31-12-2026 12:00", ams(2026, 11, 20, 10), ams(2026, 12, 31, 12)),
        ("2027-01-05T10:00", ams(2026, 11, 20, 10), ams(2027, 1, 5, 10)),
        # A weekday named on that same weekday means next week.
        ("voor vrijdag", ams(2026, 11, 20, 10), ams(2026, 11, 27, 17, 30)),
        ("op maandag om 10 uur", ams(2026, 11, 20, 10), ams(2026, 11, 23, 10)),
    ],
)
def test_due_from_phrase(phrase: str, made: datetime, due: datetime) -> None:
    got = due_from_phrase(phrase, made, CAL)
    assert got == due
    assert got.tzinfo == UTC


def test_business_hours_across_the_change_to_winter_time() -> None:
    # Friday 23 October 2026 16:30 summer time; one hour left that day, one on Monday 26 October (winter time).
    due = due_from_phrase("binnen 2 uur", ams(2026, 10, 23, 16, 30), CAL)
    assert due == datetime(2026, 10, 26, 8, 30, tzinfo=UTC)


def test_opening_hours_change_the_due_time() -> None:
    saturday_open = BusinessCalendar("mon-fri 08:30-17:30; sat 10:00-14:00")
    assert due_from_phrase("binnen 30 minuten", ams(2026, 11, 20, 17, 15), saturday_open) == ams(2026, 11, 21, 10, 15)


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("binnenkort", "cannot read the due time"),
        ("morgen voor 25 uur", "not a time of day"),
        ("uiterlijk 31-02-2027", "not a date"),
        ("binnen twee half uur", "cannot read the due time"),
        ("", "cannot read the due time"),
    ],
)
def test_unreadable_phrases_are_clear_errors(phrase: str, message: str) -> None:
    with pytest.raises(UserInputError, match=message):
        due_from_phrase(phrase, ams(2026, 11, 20, 10), CAL)
