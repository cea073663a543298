"""Management knowledge that combines domains. For now: what the database holds."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from klantstem.db.engine import reading
from klantstem.reports import store


def database_stats(engine: Engine) -> dict[str, Any]:
    with reading(engine) as conn:
        return {
            "tables": store.table_counts(conn),
            "contacts_per_channel": store.contacts_per_channel(conn),
            "contacts_per_month": store.contacts_per_month(conn),
        }
