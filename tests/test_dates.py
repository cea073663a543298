"""klantstem.dates: the one date reader's rules, and times shown so that the zone cannot mislead."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from klantstem.dates import (
    AMBIGUOUS,
    NONEXISTENT,
    clock_time,
    local_time_kind,
    mail_date,
    numeric_day,
    parse_text,
    shown_local,
    to_utc,
)
from klantstem.errors import UserInputError

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_the_two_readings_of_the_repeated_hour_are_shown_apart() -> None:
    first, second = datetime(2026, 10, 25, 0, 30, tzinfo=UTC), datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    assert shown_local(first, AMSTERDAM) == "2026-10-25 02:30 +02:00"
    assert shown_local(second, AMSTERDAM) == "2026-10-25 02:30 +01:00"
    assert shown_local(datetime(2026, 11, 23, 13, 5, tzinfo=UTC), AMSTERDAM) == "2026-11-23 14:05"


def test_local_times_the_clock_skips_or_repeats() -> None:
    skipped, repeated = parse_text("29-03-2026 02:30"), parse_text("25-10-2026 02:30")
    assert (local_time_kind(skipped, AMSTERDAM), local_time_kind(repeated, AMSTERDAM)) == (NONEXISTENT, AMBIGUOUS)
    assert to_utc(skipped, AMSTERDAM) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert to_utc(repeated, AMSTERDAM) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert local_time_kind(parse_text("2026/11/23 14:05"), AMSTERDAM) is None


def test_fractions_of_a_second() -> None:
    assert parse_text("2026/11/23 14:05:00.250") == datetime(2026, 11, 23, 14, 5, 0, 250_000)
    assert parse_text("23-11-2026 14:05:33,5") == datetime(2026, 11, 23, 14, 5, 33, 500_000)


def test_a_zone_after_the_time_in_every_written_form() -> None:
    assert parse_text("23-11-2026 14:05 +01:00") == datetime(2026, 11, 23, 13, 5, tzinfo=UTC)
    assert parse_text("23 november 2026 14:05 Z") == datetime(2026, 11, 23, 14, 5, tzinfo=UTC)
    assert parse_text("Mon, 23 Nov 2026 14:05:00 +0100") == datetime(2026, 11, 23, 13, 5, tzinfo=UTC)


def test_mail_dates_follow_rfc_5322_and_refuse_what_does_not_exist() -> None:
    assert mail_date("Mon, 2 Mar 2026 10:00:00 -0000") == datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    assert mail_date("2 Mar 2026 10:00") == datetime(2026, 3, 2, 10, 0)  # no zone: local time
    assert mail_date("Mon, 2 Mar 99 10:00 EST") == datetime(1999, 3, 2, 15, 0, tzinfo=UTC)
    assert mail_date("Mon, 2 Mar 0001 10:00 +0000").year == 1  # four digits are the year itself
    for text, says in [("Mon, 31 Feb 2026 10:00 +0100", "not a date that exists"), ("gisteren", "not a date"),
                       ("", "no date")]:  # fmt: skip
        with pytest.raises(UserInputError, match=says):
            mail_date(text)


def test_chat_numbers_in_each_order_and_clock() -> None:
    assert numeric_day("03", "04", "26", "dmy") == date(2026, 4, 3)
    assert numeric_day("03", "04", "2026", "mdy") == date(2026, 3, 4)
    assert numeric_day("2026", "04", "03", "ymd") == date(2026, 4, 3)
    assert numeric_day("31", "02", "2026", "dmy") is None
    assert clock_time(date(2026, 4, 3), "12", "30", None, "A") == datetime(2026, 4, 3, 0, 30)
    assert clock_time(date(2026, 4, 3), "1", "05", "09", "p") == datetime(2026, 4, 3, 13, 5, 9)
    assert clock_time(date(2026, 4, 3), "13", "00", None, "p") is None
    assert clock_time(date(2026, 4, 3), "25", "61") is None


def test_one_helper_makes_a_time_aware_utc() -> None:
    """A time read back from the database (naive on SQLite) becomes aware UTC through `dates.to_utc` only: no
    module keeps a private helper for it (there were eight)."""
    import ast
    from pathlib import Path

    source = Path(__file__).parents[1] / "src" / "klantstem"
    helpers = []
    for path in sorted(source.rglob("*.py")):
        if path == source / "dates.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef) or len(node.body) > 2:
                continue
            parameters = {a.arg for a in node.args.args}
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "replace"
                    and isinstance(call.func.value, ast.Name)
                    and call.func.value.id in parameters  # a time given to the helper
                    and any(k.arg == "tzinfo" and ast.unparse(k.value) == "UTC" for k in call.keywords)
                ):
                    helpers.append(f"{path.relative_to(source)}:{node.lineno} {node.name}")
    assert helpers == []
