"""`klantstem stats`: what the database holds, the same on SQLite and PostgreSQL, counted without the schema module."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from klantstem.cli.main import main
from klantstem.clock import FixedClock
from klantstem.contacts import service as contacts
from klantstem.contacts.service import NewContact
from klantstem.customers import service as customers
from klantstem.db import schema
from klantstem.db.engine import open_database
from klantstem.reports import service as reports
from klantstem.settings import Settings

CLOCK = FixedClock(datetime(2026, 12, 1, 9, tzinfo=UTC))


def test_stats_counts_every_table_of_the_schema(
    db_url: str, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    customer = customers.add_customer(engine, CLOCK, name="Kees")
    contacts.record_contact(engine, CLOCK, NewContact(customer.id, "email", subject="factuur"))
    capsys.readouterr()
    assert main(["stats", "--db", db_url, "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert sorted(found["tables"]) == sorted(schema.metadata.tables)  # no more (Alembic's table), no fewer
    assert found["tables"]["customers"] == 1 and found["tables"]["contacts"] == 1
    assert found["contacts_per_channel"] == {"email": 1}


def test_the_month_of_a_contact_is_its_utc_month_whatever_the_session_time_zone(
    db_url: str, engine: Engine, is_postgres: bool
) -> None:
    """A contact at 23:30 UTC on 31 October is October's, also on a PostgreSQL server whose time zone is already in
    November (the month is the same on SQLite, which stores UTC text)."""
    customer = customers.add_customer(engine, CLOCK, name="Kees")
    late = datetime(2026, 10, 31, 23, 30, tzinfo=UTC)
    contacts.record_contact(engine, CLOCK, NewContact(customer.id, "phone", occurred_at=late, subject="storing"))
    assert reports.database_stats(engine)["contacts_per_month"] == {"2026-10": 1}
    if not is_postgres:
        return
    url = make_url(db_url).update_query_dict({"options": "-c TimeZone=Pacific/Auckland"})
    auckland = open_database(Settings(database_url=url.render_as_string(hide_password=False)))
    try:
        assert reports.database_stats(auckland)["contacts_per_month"] == {"2026-10": 1}
    finally:
        auckland.dispose()
