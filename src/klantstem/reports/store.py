"""Queries that count across domains, for stats and reports."""

from __future__ import annotations

from sqlalchemy import Column, Connection, func, select

from klantstem.db import schema


def table_counts(conn: Connection) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name, table in schema.metadata.tables.items():
        counts[name] = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
    return counts


def contacts_per_channel(conn: Connection) -> dict[str, int]:
    c = schema.contacts
    rows = conn.execute(select(c.c.channel, func.count()).group_by(c.c.channel).order_by(c.c.channel))
    return {str(channel): int(n) for channel, n in rows}


def _month(conn: Connection, column: Column[object]) -> object:
    if conn.dialect.name == "sqlite":
        return func.substr(column, 1, 7)
    return func.to_char(column, "YYYY-MM")


def contacts_per_month(conn: Connection) -> dict[str, int]:
    c = schema.contacts
    month = _month(conn, c.c.occurred_at)
    rows = conn.execute(select(month, func.count()).group_by(month).order_by(month))  # type: ignore[call-overload]
    return {str(m): int(n) for m, n in rows}
