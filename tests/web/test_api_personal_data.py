"""Export and erasure through the API, for the role that may do them, recorded with who did it."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from klantstem.clock import FixedClock
from klantstem.customers import service as customers
from klantstem.db import schema


def test_an_admin_exports_and_erases_a_customer(
    client: TestClient, signed_in: Any, web: Any, engine: Engine, clock: FixedClock
) -> None:
    admin = signed_in("admin")
    customer = customers.add_customer(engine, clock, name="Weg Ermee", email="weg@example.nl").id
    data = client.get(f"/api/customers/{customer}/personal-data").json()
    assert data["customer_id"] == customer
    assert {"interview_links", "process_events", "contacts"} <= set(data)
    csrf = {"X-CSRF-Token": web.csrf_of(client.get("/account").text)}
    refused = client.post(f"/api/customers/{customer}/erase", json={"confirm": False}, headers=csrf)
    assert refused.status_code == 400
    erased = client.post(f"/api/customers/{customer}/erase", json={"confirm": True}, headers=csrf)
    assert erased.status_code == 200 and erased.json()["customers"] == 1
    with engine.connect() as conn:
        who = conn.execute(select(schema.erasures.c.erased_by)).scalars().all()
    assert who == [f"web:user {admin.id}"]
    assert client.get(f"/api/customers/{customer}/personal-data").status_code == 404
