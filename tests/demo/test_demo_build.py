"""The demo organisation: reproducible, refuses to overwrite other data, and holds what the seeds describe."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, func, insert, select

from klantstem.db import schema
from klantstem.demo.generate import generate
from klantstem.demo.service import DemoSize, build_demo
from klantstem.errors import UserInputError

SMALL = DemoSize(customers=60, contacts=300, stories=40, events=1500)


def _value(value: object) -> object:
    if isinstance(value, datetime):  # SQLite gives naive UTC, PostgreSQL aware UTC
        return (value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    return value


def digest(engine: Engine) -> str:
    """SHA-256 over every row of every table, in primary-key order."""
    found = hashlib.sha256()
    with engine.connect() as conn:
        for table in schema.metadata.sorted_tables:
            for row in conn.execute(select(table).order_by(*table.primary_key.columns)):
                found.update(repr((table.name, tuple(_value(v) for v in row))).encode())
    return found.hexdigest()


def count(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(schema.metadata.tables[table])).scalar_one())


def test_same_seed_gives_byte_identical_data(engine: Engine) -> None:
    build_demo(engine, seed=11, size=SMALL)
    first = digest(engine)
    build_demo(engine, seed=11, size=SMALL, force=True)
    assert digest(engine) == first
    assert count(engine, "contacts") > 0


def test_generation_is_pure_and_repeatable() -> None:
    one = generate(5, date(2026, 10, 31), SMALL)
    two = generate(5, date(2026, 10, 31), SMALL)
    assert repr(one) == repr(two)


def test_different_seed_or_anchor_gives_different_data(engine: Engine) -> None:
    build_demo(engine, seed=11, size=SMALL)
    first = digest(engine)
    build_demo(engine, seed=12, size=SMALL, force=True)
    assert digest(engine) != first
    moved = generate(11, date(2025, 6, 30), SMALL)
    assert max(r["occurred_at"] for r in moved["contacts"]) <= datetime(2025, 6, 30, 23, 0, tzinfo=UTC)


def test_a_second_build_says_so_and_changes_nothing(engine: Engine) -> None:
    build_demo(engine, seed=3, size=SMALL)
    before = digest(engine)
    with pytest.raises(UserInputError, match="already holds the demo") as caught:
        build_demo(engine, seed=4, size=SMALL)
    assert caught.value.exit_code == 2
    assert digest(engine) == before


def test_refuses_a_database_with_other_data_even_with_force(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(insert(schema.customers).values(display_name="Echte Klant", created_at=datetime.now(UTC)))
    before = digest(engine)
    for force in (False, True):
        with pytest.raises(UserInputError, match="empty database"):
            build_demo(engine, size=SMALL, force=force)
    assert digest(engine) == before


def test_force_refuses_when_data_was_added_to_the_demo(engine: Engine) -> None:
    build_demo(engine, seed=3, size=SMALL)
    with engine.begin() as conn:
        conn.execute(insert(schema.departments).values(name="Nieuwe afdeling"))
    before = digest(engine)
    with pytest.raises(UserInputError, match="other data besides the demo"):
        build_demo(engine, seed=3, size=SMALL, force=True)
    assert digest(engine) == before


def test_ids_continue_after_the_demo(engine: Engine) -> None:
    """Rows were written with explicit ids; the next ordinary insert must still get a fresh id."""
    build_demo(engine, seed=3, size=SMALL)
    departments = count(engine, "departments")
    with engine.begin() as conn:
        new = conn.execute(insert(schema.departments).values(name="Extra").returning(schema.departments.c.id))
        new_id = new.scalar_one()
    assert new_id == departments + 1


@pytest.mark.parametrize("bad", [DemoSize(customers=0), DemoSize(events=0)])
def test_sizes_must_be_positive(engine: Engine, bad: DemoSize) -> None:
    with pytest.raises(UserInputError):
        build_demo(engine, size=bad)
    assert count(engine, "customers") == 0


def test_same_data_in_another_process_with_other_hash_seeds() -> None:
    """No set order, no clock, no global random: a fresh interpreter gives the same rows."""
    script = (
        "import hashlib, datetime; from klantstem.demo.service import generate_rows, DemoSize;"
        "size = DemoSize(customers=30, contacts=100, stories=20, events=600);"
        "rows = generate_rows(9, datetime.date(2026, 10, 31), size);"
        "print(hashlib.sha256(repr(rows).encode()).hexdigest())"
    )
    digests = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
        digests.add(done.stdout.strip())
    local = generate(9, date(2026, 10, 31), DemoSize(customers=30, contacts=100, stories=20, events=600))
    assert digests == {hashlib.sha256(repr(local).encode()).hexdigest()}
