"""Reading timestamps into UTC: zones, no zone, daylight saving, Dutch dates, and what cannot be read."""

from __future__ import annotations

from datetime import UTC, datetime

import pyarrow as pa
import pytest

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
