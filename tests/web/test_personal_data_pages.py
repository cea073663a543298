"""Export and erasure of a customer's personal data on the pages: for the role that may (admin), with CSRF and a
typed confirmation, recorded with who did it; other roles see no form and are refused."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from klantstem.clock import FixedClock
from klantstem.contacts import service as contacts
from klantstem.customers import service as customers
from klantstem.db import schema


def _customer(engine: Engine, clock: FixedClock) -> int:
    customer = customers.add_customer(engine, clock, name="Weg Ermee", email="weg@example.nl").id
    new = contacts.NewContact(customer_id=customer, channel="email", text="Mijn <script>adres</script> klopt niet")
    contacts.record_contact(engine, clock, new)
    return customer


def test_an_admin_downloads_and_erases_a_customer_on_the_customer_page(
    client: TestClient, signed_in: Any, web: Any, engine: Engine, clock: FixedClock
) -> None:
    admin = signed_in("admin")
    customer = _customer(engine, clock)
    page = client.get(f"/customers/{customer}").text
    assert f'href="/customers/{customer}/personal-data"' in page and f'action="/customers/{customer}/erase"' in page
    download = client.get(f"/customers/{customer}/personal-data")
    assert download.status_code == 200 and download.headers["content-type"].startswith("application/json")
    assert download.headers["content-disposition"].startswith("attachment;")
    data = json.loads(download.text)
    assert data["customer_id"] == customer and data["contacts"][0]["text"].startswith("Mijn <script>")
    csrf = web.csrf_of(page)
    wrong = client.post(f"/customers/{customer}/erase", data={"confirm": "1234567", "csrf": csrf})
    assert wrong.status_code == 400 and "Niets gewist" in wrong.text
    no_csrf = client.post(f"/customers/{customer}/erase", data={"confirm": str(customer)}, follow_redirects=False)
    assert no_csrf.status_code == 403
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(schema.contacts)).scalar_one() == 1
    done = client.post(
        f"/customers/{customer}/erase", data={"confirm": str(customer), "csrf": csrf}, follow_redirects=False
    )
    assert done.status_code == 303 and done.headers["location"] == f"/customers?erased={customer}"
    shown = client.get(done.headers["location"]).text
    assert f"Klant {customer} is gewist: 3 gegevens verwijderd." in shown  # customer, identity, contact
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(schema.contacts)).scalar_one() == 0
        assert conn.execute(select(schema.erasures.c.erased_by)).scalars().all() == [f"web:user {admin.id}"]
    assert client.get(f"/customers/{customer}").status_code == 404
    assert client.get(f"/customers/{customer}/personal-data").status_code == 404
    assert "gewist" not in client.get("/customers?erased=999999").text  # only what the audit trail holds


def test_other_roles_see_no_form_and_are_refused(
    client: TestClient, signed_in: Any, web: Any, engine: Engine, clock: FixedClock
) -> None:
    signed_in("manager")
    customer = _customer(engine, clock)
    page = client.get(f"/customers/{customer}").text
    assert "/personal-data" not in page and "/erase" not in page
    assert client.get(f"/customers/{customer}/personal-data").status_code == 403
    csrf = web.csrf_of(page)
    refused = client.post(f"/customers/{customer}/erase", data={"confirm": str(customer), "csrf": csrf})
    assert refused.status_code == 403
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(schema.contacts)).scalar_one() == 1
