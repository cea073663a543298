"""Dates as Dutch and English files write them, read as UTC; local time is Europe/Amsterdam by default."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from klantstem.dates import AMBIGUOUS, NONEXISTENT, stored_text
from klantstem.errors import ConfigurationError, UserInputError
from klantstem.imports.dates import DateReader

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WINTER = datetime(2026, 11, 23, 13, 5, tzinfo=UTC)  # 14:05 in Amsterdam (UTC+1)
WINTER_DAY = datetime(2026, 11, 22, 23, 0, tzinfo=UTC)  # midnight of 23 November in Amsterdam


@pytest.fixture
def reader() -> DateReader:
    return DateReader("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-23T14:05", WINTER),
        ("2026-11-23 14:05:00", WINTER),
        ("2026-11-23T13:05:00Z", WINTER),
        ("2026-11-23T15:05:00+02:00", WINTER),
        ("2026-11-23", WINTER_DAY),
        ("23-11-2026 14:05", WINTER),
        ("23-11-2026 14:05:00", WINTER),
        ("23/11/2026 14:05", WINTER),
        ("23.11.2026 14.05 uur", WINTER),
        ("23-11-2026", WINTER_DAY),
        ("23/11/2026", WINTER_DAY),
        ("23 november 2026 14:05", WINTER),
        ("23 November 2026, 14:05", WINTER),
        ("maandag 23 november 2026 om 14:05", WINTER),
        ("23 nov 2026", WINTER_DAY),
        ("23 nov. 2026", WINTER_DAY),
        ("November 23, 2026 2:05 pm", WINTER),
        ("Monday 23rd November 2026 at 14:05", WINTER),
        ("  2026-11-23 14:05  ", WINTER),
        ("2026-11-23 14.05", WINTER),
    ],
)
def test_accepted_forms(reader: DateReader, text: str, expected: datetime) -> None:
    assert reader.read(text) == expected
    assert reader.utc_text(text) == stored_text(expected)


def test_dutch_and_english_month_names(reader: DateReader) -> None:
    for month, (dutch, english) in enumerate(
        [("januari", "January"), ("februari", "Feb"), ("maart", "March"), ("april", "Apr"), ("mei", "May"),
         ("juni", "June"), ("juli", "Jul"), ("augustus", "August"), ("september", "Sept"), ("oktober", "Oct"),
         ("november", "Nov"), ("december", "December")],
        start=1,
    ):  # fmt: skip
        assert reader.read(f"2 {dutch} 2026") == reader.read(f"2 {english} 2026") == reader.read(f"2026-{month:02d}-02")
    assert reader.read("1 mrt 2026") == reader.read("2026-03-01")
    assert reader.read("3 okt 2026") == reader.read("2026-10-03")


def test_summer_time_and_the_changes(reader: DateReader) -> None:
    assert reader.read("2026-07-01 12:00") == datetime(2026, 7, 1, 10, 0, tzinfo=UTC)
    # 25 October 2026: 02:30 happens twice; the first (summer-time) reading is taken
    assert reader.read("25-10-2026 02:30") == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert reader.utc_text("2026-10-25 02:30") == "2026-10-25 00:30:00.000000"
    assert reader.utc_text("2026-10-25 03:30") == "2026-10-25 02:30:00.000000"


def test_another_time_zone() -> None:
    assert DateReader("UTC").read("23-11-2026 14:05") == datetime(2026, 11, 23, 14, 5, tzinfo=UTC)
    assert DateReader("Asia/Kolkata").utc_text("2026-11-23 14:05") == "2026-11-23 08:35:00.000000"
    with pytest.raises(ConfigurationError):
        DateReader("Mars/Olympus")


def test_workbook_values(reader: DateReader) -> None:
    assert reader.read(datetime(2026, 11, 23, 14, 5)) == WINTER
    assert reader.read(date(2026, 11, 23)) == WINTER_DAY
    assert reader.utc_text(datetime(2026, 11, 23, 14, 5, tzinfo=UTC)) == "2026-11-23 14:05:00.000000"


@pytest.mark.parametrize(
    "text",
    ["", "yesterday", "32-11-2026", "31-02-2026 10:00", "2026-13-01", "2026-11-23T14:61", "11/23/2026",
     "23-11-26", "23 brumaire 2026", "foo 23 november 2026", "23-11-2026 25:00", "13:00 pm 23-11-2026"],
)  # fmt: skip
def test_refused_with_a_hint(reader: DateReader, text: str) -> None:
    with pytest.raises(UserInputError) as info:
        reader.read(text)
    assert "date" in str(info.value)
    with pytest.raises(UserInputError):
        reader.utc_text(text)


def test_a_number_is_not_a_date(reader: DateReader) -> None:
    with pytest.raises(UserInputError):
        reader.read(45000)


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2060, 12, 31)))
def test_fast_path_agrees_with_the_zone_database(moment: datetime) -> None:
    reader = DateReader("Europe/Amsterdam")
    moment = moment.replace(microsecond=0, fold=0)  # a text cannot tell the two readings of an autumn hour apart
    expected = stored_text(moment.replace(tzinfo=AMSTERDAM))
    for text in (moment.strftime("%Y-%m-%dT%H:%M:%S"), moment.strftime("%d-%m-%Y %H:%M:%S")):
        assert reader.utc_text(text) == expected
        assert reader.utc_text(text) == expected  # again, from the cache
    assert reader.read(moment.strftime("%Y-%m-%d %H:%M")) == (moment.replace(second=0, tzinfo=AMSTERDAM)).astimezone(
        UTC
    )


def test_stored_text_is_what_sqlalchemy_writes() -> None:
    assert stored_text(datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)) == "2026-01-02 03:04:05.000000"
    assert (
        stored_text(datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC) + timedelta(hours=1)) == "2026-01-02 04:04:05.000006"
    )


def test_remembered_hours_give_what_a_fresh_reader_gives() -> None:
    """Once an hour is remembered, other minutes of it are rewritten directly; they must read as before,
    and minutes or seconds that do not exist must still fail."""
    warm = DateReader("Europe/Amsterdam")
    texts = [
        "2026-11-23T14:05", "2026-11-23 14:05:33", "23-11-2026 14:05", "23/11/2026 14:59:59",
        "2026-11-23 14:05:33+01:00", "2026-11-23 14:05:33+05:30", "2026-11-23T14:05:33Z", "2026-11-23 14:05:33-02:00",
        "2026-10-25 02:30", "2026-10-25 02:45:10", "2026-03-29 02:30",
    ]  # fmt: skip
    for text in texts:
        warm.utc_text(text)
    for text in texts + [text[:14] + "17" + text[16:] for text in texts]:
        assert warm.utc_text(text) == DateReader("Europe/Amsterdam").utc_text(text), text
    for bad in ("2026-11-23T14:60", "2026-11-23 14:05:60", "23-11-2026 14:5x", "2026-11-23 14:05:33+01:00x"):
        with pytest.raises(UserInputError):
            warm.utc_text(bad)


def test_a_zone_of_half_hours_is_not_remembered_as_whole_hours() -> None:
    reader = DateReader("Europe/Amsterdam")
    assert reader.utc_text("2026-11-23 14:05:33+05:30") == "2026-11-23 08:35:33.000000"
    assert reader.utc_text("2026-11-23 14:45:00+05:30") == "2026-11-23 09:15:00.000000"
    assert DateReader("Asia/Kolkata").utc_text("2026-11-23 14:45") == "2026-11-23 09:15:00.000000"


def test_slashes_year_first_and_local_times_the_clock_skips_or_repeats() -> None:
    reader = DateReader("Europe/Amsterdam")
    assert reader.read("2026/11/23") == datetime(2026, 11, 22, 23, tzinfo=UTC)
    assert reader.utc_text("29-03-2026 02:30") == "2026-03-29 01:30:00.000000"  # offset before the change
    assert reader.utc_text("25-10-2026 02:30") == "2026-10-25 00:30:00.000000"  # the first of the two
    assert reader.utc_text("25-10-2026 02:45") == "2026-10-25 00:45:00.000000"  # not a remembered hour
    assert reader.warnings == {NONEXISTENT: 1, AMBIGUOUS: 2}


@pytest.mark.parametrize(
    "text", ["0001-01-01 00:00", "9999-12-31T23:59:00-05:00", "31-12-9999 23:59", "9999-12-31 23:59"]
)
def test_dates_outside_the_years_are_a_user_error(text: str) -> None:
    with pytest.raises(UserInputError, match="outside the years"):
        DateReader("Europe/Amsterdam").read(text)
    with pytest.raises(UserInputError, match="outside the years"):
        DateReader("Europe/Amsterdam").utc_text(text)
