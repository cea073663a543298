"""The schema: migrations produce exactly the tables in schema.py, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, func, insert, select, text
from sqlalchemy.exc import IntegrityError

from klantstem.db import migrations, schema
from klantstem.db.engine import open_database, schema_revision
from klantstem.demo import store as demo_store
from klantstem.errors import ConfigurationError
from klantstem.settings import Settings


def test_migrations_match_the_schema(engine: Engine) -> None:
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
    assert diff == []
    assert schema_revision(engine) == migrations.head_revision()


def test_sqlite_pragmas(engine: Engine, is_postgres: bool) -> None:
    if is_postgres:
        pytest.skip("SQLite only")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 30000


def test_foreign_keys_and_checks_are_enforced(engine: Engine) -> None:
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert(schema.teams).values(name="x", department_id=999))
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(text("INSERT INTO staff (name, role) VALUES ('a', 'king')"))
    with engine.connect() as conn:
        assert conn.execute(select(schema.teams)).all() == []


def test_the_contact_fingerprint_migration_keeps_rows_references_and_uniqueness(engine: Engine) -> None:
    """0006 turns the fingerprint constraint into a unique index: on SQLite by rebuilding a table that
    promises refer to, which works only with foreign keys off during the migration and on again after."""
    config = migrations.alembic_config(engine)
    command.downgrade(config, "0005")
    moment = datetime(2026, 11, 23, 13, 5, tzinfo=UTC)
    with engine.begin() as conn:
        contact_id = conn.execute(
            insert(schema.contacts)
            .values(channel="phone", occurred_at=moment, text="Bel me terug", fingerprint="a" * 64)
            .returning(schema.contacts.c.id)
        ).scalar_one()
        conn.execute(
            insert(schema.promises).values(
                contact_id=contact_id, kind="callback", description="terugbellen", made_at=moment, due_at=moment,
                fingerprint="p" * 64,
            )
        )  # fmt: skip
    command.upgrade(config, "head")
    with engine.connect() as conn:
        assert conn.execute(select(schema.contacts.c.id, schema.contacts.c.text)).all() == [
            (contact_id, "Bel me terug")
        ]
        assert conn.execute(select(schema.promises.c.contact_id)).scalar_one() == contact_id
        if conn.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert(schema.contacts).values(channel="email", occurred_at=moment, fingerprint="a" * 64))
    assert schema_revision(engine) == migrations.head_revision()


def test_the_head_revision_is_read_as_alembic_reads_it(engine: Engine) -> None:
    """Checking the schema reads the scripts' revision lines (no Alembic import): the same head as Alembic's."""
    assert migrations.head_revision() == migrations.alembic_head()
    with engine.connect() as conn:
        assert migrations.current_revision(conn) == migrations.alembic_head()


def test_a_missing_sqlite_file_is_made_only_when_asked(tmp_path: Path) -> None:
    """One place decides: the web application (as every reader) refuses a database file that does not exist."""
    from klantstem.web.app import create_app

    settings = Settings().with_database(tmp_path / "k.db")
    with pytest.raises(ConfigurationError, match="there is no database at") as refused:
        create_app(settings)
    assert refused.value.exit_code == 2 and not (tmp_path / "k.db").exists()
    open_database(settings, create=True).dispose()
    open_database(settings).dispose()  # now it exists
    assert (tmp_path / "k.db").exists()


def test_every_writer_stores_a_moment_in_one_form_and_the_migration_rewrites_the_old_one(engine: Engine) -> None:
    """On SQLite a moment is text: the demo's bulk writer and a Core insert must write the same text, so that equal
    moments compare equal; 0015 rewrites the "+00:00" form the bulk writer used to leave."""
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL keeps timestamptz, not text")
    moment = datetime(2026, 10, 1, 0, 0, tzinfo=UTC)
    row = {"channel": "phone", "occurred_at": moment, "text": "a", "fingerprint": "b" * 64, "id": 1}
    with engine.begin() as conn:
        demo_store.insert_all(conn, {"contacts": [row]})
        conn.execute(insert(schema.contacts).values(channel="email", occurred_at=moment, fingerprint="c" * 64))
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT occurred_at FROM contacts ORDER BY id")).scalars().all()
        assert stored == ["2026-10-01 00:00:00.000000"] * 2
        # a period that starts at that very second holds both rows
        assert conn.execute(select(func.count()).where(schema.contacts.c.occurred_at >= moment)).scalar() == 2
    config = migrations.alembic_config(engine)
    command.downgrade(config, "0014")
    indexes = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts' ORDER BY name"
    with engine.begin() as conn:
        conn.execute(text("UPDATE contacts SET occurred_at = '2026-10-01 00:00:00+00:00' WHERE id = 1"))
        conn.execute(text("UPDATE contacts SET occurred_at = '2026-10-01 00:00:00.229950+00:00' WHERE id = 2"))
        before = conn.execute(text(indexes)).all()
    command.upgrade(config, "head")
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT occurred_at FROM contacts ORDER BY id")).scalars().all()
        # the indexes on the rewritten column were dropped for the rewrite and are all there again, as they were
        assert conn.execute(text(indexes)).all() == before
        assert any("occurred_at" in (sql or "") for _, sql in before)
    assert stored == ["2026-10-01 00:00:00.000000", "2026-10-01 00:00:00.229950"]
