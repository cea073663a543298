"""SQLite transactions: writes begin IMMEDIATE (they hold the write lock from the first statement), reads through
`reading(engine)` begin DEFERRED, so they go on while another connection holds the write lock, and cannot write."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, insert, select
from sqlalchemy.exc import OperationalError

from klantstem.db import migrations, schema
from klantstem.db.engine import open_database, reading, schema_revision
from klantstem.settings import Settings

WAIT_MS = 300


@pytest.fixture
def two_engines(tmp_path: Path) -> Iterator[tuple[Engine, Engine]]:
    """Two engines on one SQLite file (as two server processes), with a short busy timeout."""
    settings = Settings(sqlite_busy_timeout_ms=WAIT_MS).with_database(tmp_path / "k.db")
    first, second = open_database(settings, create=True), open_database(settings)
    yield first, second
    first.dispose()
    second.dispose()


def _departments(engine: Engine) -> int:
    with reading(engine) as conn:
        return int(conn.execute(select(func.count()).select_from(schema.departments)).scalar_one())


def test_a_read_does_not_wait_for_a_held_write_lock(two_engines: tuple[Engine, Engine]) -> None:
    writer, reader = two_engines
    with writer.begin() as held:
        held.execute(insert(schema.departments).values(name="Klantenservice"))
        started = time.perf_counter()
        assert _departments(reader) == 0  # the writer's row is not committed yet
        assert time.perf_counter() - started < WAIT_MS / 1000 / 2
        # A plain connection begins IMMEDIATE, reads included: it waits for the lock and gives up.
        with pytest.raises(OperationalError, match="locked"), reader.connect() as conn:
            conn.execute(select(schema.departments)).all()
    assert _departments(reader) == 1


def test_a_write_still_takes_the_write_lock(two_engines: tuple[Engine, Engine]) -> None:
    first, second = two_engines
    with first.begin() as held:
        # IMMEDIATE: the lock is taken at BEGIN, before any statement writes.
        held.execute(select(schema.departments)).all()
        started = time.perf_counter()
        with pytest.raises(OperationalError, match="locked"), second.begin() as conn:
            conn.execute(insert(schema.departments).values(name="Facturatie"))
        assert time.perf_counter() - started >= WAIT_MS / 1000 * 0.8
    with second.begin() as conn:
        conn.execute(insert(schema.departments).values(name="Facturatie"))
    assert _departments(first) == 1


def test_a_read_connection_cannot_write_and_a_write_after_it_can(tmp_path: Path) -> None:
    engine = open_database(Settings().with_database(tmp_path / "k.db"), create=True)
    try:
        with pytest.raises(OperationalError, match="readonly"), reading(engine) as conn:
            conn.execute(insert(schema.departments).values(name="Klantenservice"))
        # The pooled connection is reused; it writes again once taken through engine.begin().
        with engine.begin() as conn:
            conn.execute(insert(schema.departments).values(name="Klantenservice"))
        assert _departments(engine) == 1
    finally:
        engine.dispose()


def test_reading_works_on_every_database(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(insert(schema.departments).values(name="Klantenservice"))
    assert _departments(engine) == 1


def test_opening_the_database_and_stats_do_not_wait_for_a_writer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The schema check at start-up only reads: `klantstem stats` answers while an import holds the write lock."""
    from klantstem.cli.main import main

    path = tmp_path / "k.db"
    monkeypatch.setenv("KLANTSTEM_SQLITE_BUSY_TIMEOUT_MS", str(WAIT_MS))
    writer = open_database(Settings(sqlite_busy_timeout_ms=WAIT_MS).with_database(path), create=True)
    try:
        with writer.begin() as held:
            held.execute(insert(schema.departments).values(name="Klantenservice"))
            started = time.perf_counter()
            again = open_database(Settings(sqlite_busy_timeout_ms=WAIT_MS).with_database(path))
            assert schema_revision(again) == migrations.head_revision()
            again.dispose()
            capsys.readouterr()
            assert main(["stats", "--db", str(path), "--format", "json"]) == 0, capsys.readouterr().err
            assert '"departments": 0' in capsys.readouterr().out
            assert time.perf_counter() - started < 10 * WAIT_MS / 1000
    finally:
        writer.dispose()
