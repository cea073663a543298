"""The demo's SQL: what the database already holds, wiping a previous demo, and the bulk insert in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select, text

from klantstem.db import schema
from klantstem.db.tables import row_counts
from klantstem.demo.model import Row

DEMO_KIND = "demo"
# tables whose rows the demo accounts for; activity on top of the demo (outreach checks, annotations) is not counted
CHECKED_TABLES = (
    "departments", "teams", "staff", "third_parties", "customers", "customer_identities", "delegates", "cases",
    "contacts", "stories", "story_steps", "follow_ups", "promises", "process_events",
)  # fmt: skip
INSERT_ORDER = (*CHECKED_TABLES, "outreach", "step_mappings", "step_owners", "import_runs")


def table_counts(conn: Connection, names: Iterable[str] = CHECKED_TABLES) -> dict[str, int]:
    return row_counts(conn, names)


def demo_runs(conn: Connection) -> list[dict[str, object]]:
    runs = schema.import_runs
    rows = conn.execute(select(runs).where(runs.c.kind == DEMO_KIND).order_by(runs.c.id)).mappings()
    return [dict(row) for row in rows]


def other_runs(conn: Connection) -> int:
    runs = schema.import_runs
    return int(conn.execute(select(func.count()).select_from(runs).where(runs.c.kind != DEMO_KIND)).scalar_one())


def wipe(conn: Connection) -> None:
    """Delete every row of every table (only called when the database holds nothing but a previous demo)."""
    tables = list(reversed(schema.metadata.sorted_tables))
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"TRUNCATE {', '.join(t.name for t in tables)} RESTART IDENTITY CASCADE"))
        return
    for table in tables:
        conn.execute(delete(table))


def insert_all(conn: Connection, rows: dict[str, list[Row]]) -> None:
    """Write every table's rows in this transaction, straight through the driver: SQLite's executemany with
    values prepared exactly as SQLAlchemy prepares them, PostgreSQL's COPY."""
    tables = schema.metadata.tables
    for name in INSERT_ORDER:
        chunk = rows.get(name, [])
        if not chunk:
            continue
        table: Table = tables[name]
        columns = list(chunk[0])
        if conn.dialect.name == "postgresql":
            _copy(conn, table, columns, chunk)
        elif conn.dialect.name == "sqlite":
            _executemany(conn, table, columns, chunk)
        else:
            conn.execute(insert(table), chunk)
    if conn.dialect.name == "postgresql":
        _reset_sequences(conn)


def _executemany(conn: Connection, table: Table, columns: list[str], chunk: list[Row]) -> None:
    # the dialect's own type (SQLite's DATETIME), whose processor writes the text every other insert writes;
    # the generic type has none, and sqlite3's default adapter would write "+00:00" instead of ".ffffff"
    processors = [table.c[column].type.dialect_impl(conn.dialect).bind_processor(conn.dialect) for column in columns]
    marks = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})"
    values = [
        tuple(process(row[c]) if process else row[c] for c, process in zip(columns, processors, strict=True))
        for row in chunk
    ]
    conn.exec_driver_sql(sql, values)


def _copy(conn: Connection, table: Table, columns: list[str], chunk: list[Row]) -> None:
    raw: Any = conn.connection.driver_connection
    with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in chunk:
            copy.write_row([row[c] for c in columns])


def _reset_sequences(conn: Connection) -> None:
    """Rows were written with explicit ids; move each id sequence past them so later inserts get fresh ids."""
    for table in schema.metadata.sorted_tables:
        if "id" not in table.c:
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 1), "
                f"(SELECT MAX(id) FROM {table.name}) IS NOT NULL)"
            )
        )
