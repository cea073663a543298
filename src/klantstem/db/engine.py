"""Opening the app database: SQLite with WAL, foreign keys and a busy timeout, or PostgreSQL via psycopg 3.

On SQLite every transaction begins IMMEDIATE (it holds the write lock from its first statement, so a write never
fails half-way with SQLITE_BUSY_SNAPSHOT), except on a connection opened with `reading(engine)`: those begin
DEFERRED and with `PRAGMA query_only`, so they read beside a writer (WAL) and can never write.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from klantstem.db import migrations
from klantstem.errors import ConfigurationError
from klantstem.settings import Settings

SQLITE_POOL_SIZE = 40  # as many as the web server's worker threads, so none waits for a connection


def make_engine(settings: Settings) -> Engine:
    """An engine for the configured database; does not touch the schema."""
    url_text = settings.resolved_database_url
    try:
        url = make_url(url_text)
    except ArgumentError:
        raise ConfigurationError(f"cannot read the database URL {url_text!r}") from None
    if url.get_backend_name() == "sqlite":
        # A connection per server thread (40 by default) stays open: opening one costs four PRAGMAs.
        engine = create_engine(
            url, connect_args={"timeout": settings.sqlite_busy_timeout_ms / 1000}, pool_size=SQLITE_POOL_SIZE
        )
        _configure_sqlite(engine, settings.sqlite_busy_timeout_ms)
        return engine
    if url.get_backend_name() == "postgresql":
        if url.get_driver_name() in ("", "psycopg2"):
            url = url.set(drivername="postgresql+psycopg")
        try:
            return create_engine(url, pool_pre_ping=True)
        except ModuleNotFoundError:
            raise ConfigurationError("PostgreSQL needs the extra: pip install 'klantstem[postgres]'") from None
    raise ConfigurationError(f"unsupported database {url.get_backend_name()!r}: use SQLite or PostgreSQL")


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy issue BEGIN itself so a whole import is one transaction.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA secure_delete=ON")  # deleted content is overwritten: an erasure leaves no trace
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        read_only = bool(conn.get_execution_options().get(_READ_ONLY))
        # query_only lives on the pooled DBAPI connection: switch it only when the kind of work changes.
        if conn.info.get(_READ_ONLY, False) != read_only:
            conn.exec_driver_sql(f"PRAGMA query_only={int(read_only)}")
            conn.info[_READ_ONLY] = read_only
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


_READ_ONLY = "klantstem_read_only"


@contextmanager
def reading(db: Engine | Connection) -> Iterator[Connection]:
    """A connection for read-only work. On SQLite its transactions begin DEFERRED, so readers never wait for the
    write lock, and it cannot write (`PRAGMA query_only`); writes go through `writing`, which begins IMMEDIATE.
    On PostgreSQL it is an ordinary connection. Given a connection, the caller's, reads share it (and see what
    its open transaction wrote)."""
    if isinstance(db, Connection):
        yield db
        return
    with db.connect() as conn:
        conn.execution_options(**{_READ_ONLY: True})
        yield conn


@contextmanager
def writing(db: Engine | Connection) -> Iterator[Connection]:
    """A connection in a transaction for writing: a new one, committed when the block ends and rolled back when it
    raises; or, given a connection, the caller's, whose open transaction the writes join (so that a service's
    writes can be part of a larger unit of work, such as an import that is all or nothing)."""
    if isinstance(db, Connection):
        yield db
        return
    with db.begin() as conn:
        yield conn


def checkpoint(engine: Engine) -> None:
    """On SQLite, copy the write-ahead log into the database file and truncate it, so that content deleted (and,
    with secure_delete, overwritten) is not left behind in the log; nothing to do on PostgreSQL."""
    if engine.dialect.name != "sqlite":
        return
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()  # type: ignore[union-attr]
    finally:
        raw.close()


def schema_revision(engine: Engine) -> str | None:
    """The database's schema revision, read beside any writer (never waiting for the write lock)."""
    with reading(engine) as conn:
        return migrations.current_revision(conn)


def missing_sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL when that file does not exist (None for an existing file, a database in memory
    or another database)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    if url.database.startswith("file:") or url.query.get("mode") == "memory":
        return None
    path = Path(url.database)
    return None if path.exists() else path


def open_database(settings: Settings, *, create: bool = False) -> Engine:
    """An engine whose schema is at the newest migration (applied when needed). Checking the schema only reads,
    so a command that reads starts at once while an import writes.

    A SQLite file that does not exist is made only with `create` (the work that brings data in: the demo, an
    import, the first user); everything else refuses it, so a mistyped path never leaves an empty database
    behind and never shows an empty one as if it were the real one."""
    url_text = settings.resolved_database_url
    try:
        missing = missing_sqlite_file(make_url(url_text))
    except ArgumentError:
        missing = None  # make_engine names the URL it cannot read
    if missing is not None and not create:
        raise ConfigurationError(f"there is no database at {missing}", code="database_missing", path=str(missing))
    engine = make_engine(settings)
    try:
        if schema_revision(engine) != migrations.head_revision():
            migrations.upgrade(engine)
    except OperationalError as exc:
        raise ConfigurationError(f"cannot open the database: {exc.orig}") from None
    return engine
