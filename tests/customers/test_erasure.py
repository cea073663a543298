"""Erasure in depth: gone from the database file, recorded without the data, refused on re-import; export complete."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, insert, select

from klantstem.clock import FixedClock
from klantstem.customers import service as customers
from klantstem.db import schema
from klantstem.imports import service as imports
from klantstem.settings import Settings

CLOCK = FixedClock(datetime(2026, 11, 23, 10, tzinfo=UTC))
# Every value of the erased person, written so that it occurs nowhere else in the file.
SECRETS = (
    "ERASEDREF77", "erased.person@example.nl", "Zwartemeer-Qxyzzy", "Qplugh klacht over de meter",
    "Ondewerp Qfrotz", "9999 ZZ", "Afdeling Blijft",
)  # fmt: skip
HEADER = "customer_ref;email;name;postcode;channel;occurred_at;subject;text;department;case_ref\n"


def _file(tmp_path: Path) -> Path:
    ref, email, name, text, subject, postcode, department = SECRETS
    lines = [
        f"{ref};{email};{name};{postcode};telefoon;2026-11-{day:02d} 10:00;{subject} {day};{text} {day};"
        f"{department};Z-9"
        for day in range(1, 19)
    ]
    lines.append("K-OTHER;ander@example.nl;Ander;1000 AA;brief;2026-11-20 09:00;Ander;Gewoon een brief;Post;Z-10")
    path = tmp_path / "contacts.csv"
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def _customer(engine: Engine, ref: str) -> int:
    i = schema.customer_identities
    with engine.connect() as conn:
        return int(conn.execute(select(i.c.customer_id).where(func.lower(i.c.value) == ref.lower())).scalar_one())


def test_erased_strings_are_gone_from_the_database_file(
    engine: Engine, settings: Settings, tmp_path: Path, is_postgres: bool
) -> None:
    if is_postgres:
        pytest.skip("the raw file check is for SQLite; PostgreSQL needs VACUUM (docs/privacy.md)")
    assert imports.import_contacts(engine, settings, _file(tmp_path), clock=CLOCK).added == 19
    customers.erase_customer(engine, _customer(engine, "ERASEDREF77"), "test", CLOCK)
    database = Path(settings.resolved_database_url.removeprefix("sqlite:///"))
    raw = b"".join(path.read_bytes() for path in database.parent.glob(database.name + "*"))
    found = [value for value in SECRETS[:-1] if value.lower().encode() in raw.lower()]
    assert found == []
    assert b"Ander" in raw  # the file was read: the other customer is still there


def test_an_erasure_is_recorded_without_the_erased_data(engine: Engine, settings: Settings, tmp_path: Path) -> None:
    imports.import_contacts(engine, settings, _file(tmp_path), clock=CLOCK)
    customer = _customer(engine, "ERASEDREF77")
    counts = customers.erase_customer(engine, customer, "anna@example.nl", CLOCK)
    with engine.connect() as conn:
        rows = conn.execute(select(schema.erasures)).mappings().all()
        fingerprints = conn.execute(select(func.count()).select_from(schema.erased_identities)).scalar_one()
    assert [(r["customer_id"], r["erased_by"]) for r in rows] == [(customer, "anna@example.nl")]
    assert json.loads(rows[0]["counts"]) == counts and counts["contacts"] == 18
    assert not any(value.lower() in str(dict(rows[0])).lower() for value in SECRETS)
    assert fingerprints == 2  # external id and e-mail


def test_an_old_file_does_not_bring_an_erased_customer_back(engine: Engine, settings: Settings, tmp_path: Path) -> None:
    path = _file(tmp_path)
    imports.import_contacts(engine, settings, path, clock=CLOCK)
    customers.erase_customer(engine, _customer(engine, "ERASEDREF77"), "test", CLOCK)
    again = imports.import_contacts(engine, settings, path, clock=CLOCK)
    assert (again.refused_erased, again.added, again.duplicates) == (18, 0, 1)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(schema.customers)).scalar_one() == 1
        assert conn.execute(select(func.count()).select_from(schema.contacts)).scalar_one() == 1


def test_export_holds_interview_links_and_the_events_of_the_customers_cases(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    imports.import_contacts(engine, settings, _file(tmp_path), clock=CLOCK)
    customer = _customer(engine, "ERASEDREF77")
    with engine.begin() as conn:
        case = conn.execute(select(schema.cases.c.id).where(schema.cases.c.external_id == "Z-9")).scalar_one()
        conn.execute(
            insert(schema.interview_links).values(
                customer_id=customer, case_id=case, topic="meter", created_at=CLOCK.now(), expires_at=CLOCK.now()
            )
        )
        conn.execute(
            insert(schema.process_events).values(
                log_name="log", case_key="Z-9", case_id=case, activity="Bellen", occurred_at=CLOCK.now(),
                fingerprint="f" * 64,
            )
        )  # fmt: skip
    data = customers.export_customer(engine, CLOCK, customer)
    assert [link["topic"] for link in data["interview_links"]] == ["meter"]
    assert [event["activity"] for event in data["process_events"]] == ["Bellen"]
