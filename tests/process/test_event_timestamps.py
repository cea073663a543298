"""Reading timestamps into UTC: zones, no zone, daylight saving, Dutch dates, and what cannot be read."""

from __future__ import annotations

from datetime import UTC, datetime

import pyarrow as pa
import pytest

from klantstem.dates import AMBIGUOUS, NONEXISTENT
from klantstem.imports.dates import DateReader
from klantstem.process.timestamps import TimestampError, to_utc


def _utc(*values: str | None) -> tuple[list[datetime], int]:
    converted = to_utc(pa.array(values, pa.string()), "Europe/Amsterdam")
    return converted.values.to_pylist(), converted.without_zone


def test_zones_are_converted() -> None:
    times, naive = _utc("2024-01-15T10:00:00+01:00", "2024-01-15T10:00:00-05:00", "2024-01-15T10:00:00.5Z")
    assert times == [
        datetime(2024, 1, 15, 9, tzinfo=UTC),
        datetime(2024, 1, 15, 15, tzinfo=UTC),
        datetime(2024, 1, 15, 10, 0, 0, 500_000, tzinfo=UTC),
    ]
    assert naive == 0


def test_without_zone_read_in_the_default_zone_across_daylight_saving() -> None:
    times, naive = _utc("2024-03-30 12:00:00", "2024-04-01 12:00:00")
    assert times == [datetime(2024, 3, 30, 11, tzinfo=UTC), datetime(2024, 4, 1, 10, tzinfo=UTC)]
    assert naive == 2


def test_mixed_zone_and_no_zone_are_both_read_and_counted() -> None:
    times, naive = _utc("2024-06-01T12:00:00+00:00", "2024-06-01 12:00", "01-06-2024 12:00")
    assert times == [datetime(2024, 6, 1, 12, tzinfo=UTC), datetime(2024, 6, 1, 10, tzinfo=UTC)] + [
        datetime(2024, 6, 1, 10, tzinfo=UTC)
    ]
    assert naive == 2


@pytest.mark.parametrize(("values", "row"), [(("2024-01-01", None), 1), (("2024-01-01", "2024-01-01", "soon"), 2)])
def test_first_bad_row_is_named(values: tuple[str | None, ...], row: int) -> None:
    with pytest.raises(TimestampError) as caught:
        _utc(*values)
    assert caught.value.row == row


def test_typed_timestamps() -> None:
    naive = pa.array([datetime(2024, 7, 1, 12)], pa.timestamp("s"))
    converted = to_utc(naive, "Europe/Amsterdam")
    assert converted.values.to_pylist() == [datetime(2024, 7, 1, 10, tzinfo=UTC)]
    assert converted.without_zone == 1


def _local_times_around_clock_changes() -> list[str]:
    """Every quarter hour from 00:00 to 04:45 on the days the clocks change in 2026 (Amsterdam)."""
    return [
        f"{day}-2026 {hour:02d}:{minute:02d}"
        for day in ("29-03", "25-10")
        for hour in range(5)
        for minute in (0, 15, 30, 45)
    ]


def test_one_rule_for_local_times_in_every_reader() -> None:
    """A time in the skipped hour is read with the offset before the change, one in the repeated hour as the first;
    the vectorised path, the row-by-row path (a batch with one other form) and the import's reader agree."""
    texts = _local_times_around_clock_changes()
    alone = to_utc(pa.array(texts), "Europe/Amsterdam")
    mixed = to_utc(pa.array([*texts, "23 november 2026 14:05"]), "Europe/Amsterdam")
    reader = DateReader("Europe/Amsterdam")
    one_by_one = [reader.read(text) for text in texts]
    assert alone.values.to_pylist() == mixed.values.to_pylist()[:-1] == one_by_one
    assert alone.nonexistent == mixed.nonexistent == reader.warnings[NONEXISTENT] == 4
    assert alone.ambiguous == mixed.ambiguous == reader.warnings[AMBIGUOUS] == 4
    assert one_by_one[texts.index("29-03-2026 02:30")] == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert one_by_one[texts.index("25-10-2026 02:30")] == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_the_forms_of_the_import_are_read_here_too() -> None:
    times, naive = _utc("23 november 2026 14:05", "2026/11/23", "23.11.2026 14:05", "23/11/2026")
    assert times == [
        datetime(2026, 11, 23, 13, 5, tzinfo=UTC),
        datetime(2026, 11, 22, 23, tzinfo=UTC),
        datetime(2026, 11, 23, 13, 5, tzinfo=UTC),
        datetime(2026, 11, 22, 23, tzinfo=UTC),
    ]
    assert naive == 4


@pytest.mark.parametrize("text", ["0001-01-01 00:00", "9999-12-31T23:59:00-05:00", "01-01-0001 00:00"])
def test_times_outside_the_years_are_refused_with_their_row(text: str) -> None:
    with pytest.raises(TimestampError) as caught:
        _utc("2026-01-01 10:00", text)
    assert caught.value.row == 1
    assert "outside the years" in str(caught.value)
