"""Shared fixtures: a real database per test, SQLite by default or PostgreSQL when
KLANTSTEM_TEST_DATABASE_URL is set (CI runs the suite against both)."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from klantstem.db import schema
from klantstem.db.engine import open_database
from klantstem.settings import Settings

PG_URL = os.environ.get("KLANTSTEM_TEST_DATABASE_URL", "")

# Property tests check behaviour, not speed (speed is measured in bench/): no per-example deadline, which a loaded
# machine can overrun.
hypothesis_settings.register_profile("klantstem", deadline=None)
hypothesis_settings.load_profile("klantstem")
DATA = Path(__file__).parent / "data"

_pg_engine: Engine | None = None


@pytest.fixture(autouse=True, scope="session")
def _sql_cache_of_the_tests(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Compiled process SQL goes to a folder of the test run, not to the user's cache."""
    os.environ["KLANTSTEM_SQL_CACHE"] = str(tmp_path_factory.mktemp("sql-cache"))


def _postgres_engine() -> Engine:
    global _pg_engine
    if _pg_engine is None:
        _pg_engine = open_database(Settings(database_url=PG_URL))
    return _pg_engine


def _truncate(engine: Engine) -> None:
    """Empty every table. A background thread of the test before (a web page's figures still being computed) may
    hold a table the truncation needs; PostgreSQL then ends one side as a deadlock, and the truncation tries again."""
    names = ", ".join(schema.metadata.tables)
    for attempt in range(20):
        try:
            with engine.begin() as conn:
                conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            return
        except OperationalError as exc:
            if "deadlock" not in str(exc.orig).lower() or attempt == 19:
                raise
            time.sleep(0.5)


@pytest.fixture(scope="session")
def _empty_sqlite_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty SQLite database at the newest schema, made once and copied for each test."""
    path = tmp_path_factory.mktemp("template") / "klantstem.db"
    open_database(Settings().with_database(path), create=True).dispose()
    return path


@pytest.fixture
def db_url(tmp_path: Path, _empty_sqlite_file: Path) -> Iterator[str]:
    """A URL (or SQLite path) of an empty, migrated database for this test (commands that only read refuse a
    database that does not exist)."""
    if PG_URL:
        _truncate(_postgres_engine())
        yield PG_URL
    else:
        path = tmp_path / "klantstem.db"
        shutil.copyfile(_empty_sqlite_file, path)
        yield str(path)


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings().with_database(db_url)


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    eng = open_database(settings)
    yield eng
    eng.dispose()


@pytest.fixture
def is_postgres() -> bool:
    return bool(PG_URL)
