"""The import's SQL: many rows per statement, deferred indexes on SQLite, all inside one transaction."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from klantstem.db import schema
from klantstem.imports import store as import_store
from klantstem.imports.store import ROWS_PER_STATEMENT, import_transaction

Counts = Callable[[], dict[str, int]]


def _index_names(engine: Engine) -> set[str]:
    return {str(index["name"]) for index in inspect(engine).get_indexes("contacts")}


def _schema_differences(engine: Engine) -> list[Any]:
    with engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn), schema.metadata))


def test_many_statements_count_added_and_duplicates(cli: Any, tmp_path: Path, counts: Counts) -> None:
    rows = 2 * ROWS_PER_STATEMENT + 17
    path = tmp_path / "c.csv"
    lines = [f"K{n % 50},mail,2026-01-01 {n % 24:02d}:{n % 60:02d},bericht {n}" for n in range(rows)]
    path.write_text("customer_ref,channel,occurred_at,text\n" + "\n".join(lines) + "\n")
    first = cli("contacts", path, "--format", "json").json()
    assert (first["added"], first["duplicates"], first["customers_added"]) == (rows, 0, 50)
    again = cli("contacts", path, "--format", "json").json()
    assert (again["added"], again["duplicates"]) == (0, rows)
    assert counts()["contacts"] == rows


def _indexes_seen_by(store: Any, is_postgres: bool) -> set[str]:
    """Index names as the import's own transaction sees them (another connection would wait for its lock)."""
    if is_postgres:
        return {row[0] for row in store._rows("SELECT indexname FROM pg_indexes WHERE tablename = 'contacts'", [])}
    return {row[0] for row in store._rows("SELECT name FROM sqlite_master WHERE tbl_name = 'contacts'", [])}


def test_indexes_are_deferred_and_rebuilt_on_sqlite(engine: Engine, is_postgres: bool) -> None:
    before = _index_names(engine)
    assert {"ix_contacts_customer_time", "ix_contacts_case_id"} <= before
    with import_transaction(engine) as store:
        with store.indexes_deferred(["contacts", "customers"], 10**6):
            inside = _indexes_seen_by(store, is_postgres)
            assert ("ix_contacts_customer_time" in inside) == is_postgres
            assert ("ix_contacts_case_id" in inside) == is_postgres
            assert ("uq_contacts_fingerprint" in inside) == is_postgres
        rebuilt = _indexes_seen_by(store, is_postgres)
        assert {"ix_contacts_customer_time", "ix_contacts_case_id", "uq_contacts_fingerprint"} <= rebuilt
    assert _index_names(engine) == before
    assert _schema_differences(engine) == []


def test_without_the_fingerprint_index_duplicates_are_still_skipped(
    cli: Any, tmp_path: Path, counts: Counts, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From 10 rows on the index is deferred (SQLite): the import then skips fingerprints the table holds
    and those seen earlier in the file itself, exactly as the unique index does on PostgreSQL."""
    monkeypatch.setattr(import_store, "DEFER_INDEXES_FROM", 10)

    def write(name: str, numbers: list[int]) -> Path:
        lines = [f"K{n % 7},mail,2026-01-01 {n % 24:02d}:{n % 60:02d},bericht {n}" for n in numbers]
        path = tmp_path / name
        path.write_text("customer_ref,channel,occurred_at,text\n" + "\n".join(lines) + "\n")
        return path

    first = cli("contacts", write("first.csv", list(range(20))), "--format", "json").json()
    assert (first["added"], first["duplicates"]) == (20, 0)
    second_file = write("second.csv", [*range(10, 60), *range(30, 40)])
    second = cli("contacts", second_file, "--format", "json").json()
    assert (second["added"], second["duplicates"]) == (40, 20)
    again = cli("contacts", second_file, "--format", "json").json()
    assert (again["added"], again["duplicates"]) == (0, 60)
    assert counts()["contacts"] == 60
    assert "uq_contacts_fingerprint" in _index_names(engine)
    assert _schema_differences(engine) == []


def test_a_failed_import_keeps_its_indexes(engine: Engine) -> None:
    before = _index_names(engine)
    with (
        pytest.raises(RuntimeError),
        import_transaction(engine) as store,
        store.indexes_deferred(["contacts", "customers"], 10**6),
    ):
        raise RuntimeError("the file turned out to be bad")
    assert _index_names(engine) == before
    assert _schema_differences(engine) == []


def test_small_loads_keep_the_indexes(engine: Engine, is_postgres: bool) -> None:
    with import_transaction(engine) as store, store.indexes_deferred(["contacts"], 10):
        assert {"ix_contacts_customer_time", "ix_contacts_case_id"} <= _indexes_seen_by(store, is_postgres)


def test_sqlite_settings_come_back_after_an_import(engine: Engine, is_postgres: bool) -> None:
    if is_postgres:
        pytest.skip("SQLite only")
    with import_transaction(engine):
        pass
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert raw.execute("PRAGMA cache_size").fetchone()[0] == -2000
