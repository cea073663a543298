"""What the database holds, for `klantstem stats`: rows per table, contacts per channel and per month.

The queries name their tables and columns instead of importing the schema module, so the command starts without
building the whole data model (see klantstem.db.tables)."""

from __future__ import annotations

from sqlalchemy import Connection, column, func, select, table

from klantstem.db.moments import month_of
from klantstem.db.tables import row_counts, table_names

_contacts = table("contacts", column("channel"), column("occurred_at"))


def table_counts(conn: Connection) -> dict[str, int]:
    return row_counts(conn, table_names(conn))


def contacts_per_channel(conn: Connection) -> dict[str, int]:
    channel = _contacts.c.channel
    rows = conn.execute(select(channel, func.count()).group_by(channel).order_by(channel))
    return {str(name): int(n) for name, n in rows}


def contacts_per_month(conn: Connection) -> dict[str, int]:
    month = month_of(_contacts.c.occurred_at, conn.dialect.name)
    rows = conn.execute(select(month, func.count()).group_by(month).order_by(month))
    return {str(m): int(n) for m, n in rows}
