"""The bases of the complaint rates, kept between detection runs: counted per local week and month, and reworked
only where new rows fall, unless rows were removed or the time zone changed."""

from __future__ import annotations

from datetime import UTC, date, datetime
from itertools import count
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, delete, insert

from klantstem.db import schema
from klantstem.problems import bases

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_ids = count(1)


def _events(engine: Engine, *rows: tuple[str, str, datetime]) -> None:
    with engine.begin() as conn:
        conn.execute(insert(schema.process_events), [
            {"log_name": "log", "case_key": case, "activity": activity, "occurred_at": at,
             "fingerprint": f"e{next(_ids)}"} for case, activity, at in rows
        ])  # fmt: skip


def _contacts(engine: Engine, *moments: datetime) -> None:
    with engine.begin() as conn:
        conn.execute(insert(schema.contacts), [
            {"channel": "email", "direction": "inbound", "occurred_at": at, "fingerprint": f"c{next(_ids)}"}
            for at in moments
        ])  # fmt: skip


def _refresh(engine: Engine, zone: ZoneInfo = AMSTERDAM) -> bases.Tallied:
    with engine.begin() as conn:
        return bases.refresh(conn, zone)


def _recount(engine: Engine) -> bases.Tallied:
    with engine.begin() as conn:
        conn.execute(delete(schema.problem_marks))
        return bases.refresh(conn, AMSTERDAM)


def test_the_bases_count_distinct_cases_per_local_week_and_month(engine: Engine) -> None:
    _events(
        engine,
        ("A", "Intake", datetime(2026, 11, 2, 9, tzinfo=UTC)),  # Monday
        ("A", "Intake", datetime(2026, 11, 4, 9, tzinfo=UTC)),  # the same case again that week: counted once
        ("B", "Intake", datetime(2026, 11, 5, 9, tzinfo=UTC)),
        ("C", "Intake", datetime(2026, 11, 8, 23, 30, tzinfo=UTC)),  # Monday 00:30 in Amsterdam: the next week
        ("C", "Besluit", datetime(2026, 12, 1, 9, tzinfo=UTC)),
    )
    _contacts(engine, datetime(2026, 11, 30, 23, 30, tzinfo=UTC), datetime(2026, 11, 3, 8, tzinfo=UTC))
    found = _refresh(engine)
    assert found.full
    assert found.steps["week"]["Intake"] == {date(2026, 11, 2): 2, date(2026, 11, 9): 1}
    assert found.steps["month"]["Intake"] == {date(2026, 11, 1): 3}
    assert found.steps["month"]["Besluit"] == {date(2026, 12, 1): 1}
    assert found.contacts["month"] == {date(2026, 11, 1): 1, date(2026, 12, 1): 1}  # 23:30 UTC is 1 December


def test_a_run_after_new_rows_reworks_only_their_periods_and_equals_a_full_count(engine: Engine) -> None:
    _events(
        engine,
        *[(f"K{i}", "Intake", datetime(2026, m, 3, 9, tzinfo=UTC)) for i in range(5) for m in (3, 6, 9)],
        ("K1", "Besluit", datetime(2026, 6, 10, 9, tzinfo=UTC)),
    )
    _contacts(engine, datetime(2026, 3, 3, 9, tzinfo=UTC), datetime(2026, 9, 3, 9, tzinfo=UTC))
    first = _refresh(engine)
    assert first.full and first.reworked > 40  # every week and month from March to September, both steps
    again = _refresh(engine)
    assert not again.full and again.reworked == 0 and again.steps == first.steps
    _events(
        engine,
        ("K9", "Intake", datetime(2026, 6, 4, 9, tzinfo=UTC)),
        ("K1", "Intake", datetime(2026, 6, 4, 10, tzinfo=UTC)),
    )
    _contacts(engine, datetime(2026, 6, 4, 9, tzinfo=UTC))
    after = _refresh(engine)
    assert not after.full and after.reworked == 4  # Intake's week and month; the contacts' week and month
    assert after.steps["week"]["Intake"][date(2026, 6, 1)] == 6
    recount = _recount(engine)
    assert recount.full and (recount.steps, recount.contacts) == (after.steps, after.contacts)


def test_removed_rows_or_another_time_zone_mean_counting_everything_again(engine: Engine) -> None:
    _events(
        engine,
        ("A", "Intake", datetime(2026, 3, 2, 9, tzinfo=UTC)),
        ("B", "Intake", datetime(2026, 3, 2, 9, tzinfo=UTC)),
    )
    assert _refresh(engine).full
    assert not _refresh(engine).full
    with engine.begin() as conn:
        conn.execute(delete(schema.process_events).where(schema.process_events.c.case_key == "B"))
    _events(engine, ("C", "Intake", datetime(2026, 3, 3, 9, tzinfo=UTC)))  # as many rows as before, one removed
    removed = _refresh(engine)
    assert removed.full and removed.steps["week"]["Intake"] == {date(2026, 3, 2): 2}
    elsewhere = _refresh(engine, ZoneInfo("America/New_York"))
    assert elsewhere.full
    assert _refresh(engine, ZoneInfo("America/New_York")).reworked == 0
