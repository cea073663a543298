"""Finding a customer by what a person types: name, postcode, case number, their own customer number."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine, insert

from klantstem.clock import FixedClock
from klantstem.customers import service as customers
from klantstem.db import schema


def test_a_customer_is_found_by_name_postcode_case_and_customer_number(
    client: TestClient, signed_in, engine: Engine, clock: FixedClock
) -> None:
    wanted = customers.add_customer(engine, clock, name="Fatima el Amrani", external_id="KL1003216",
                                    postcode="1234 AB")  # fmt: skip
    customers.add_customer(engine, clock, name="Fatima de Vries", postcode="9999 ZZ")
    with engine.begin() as conn:
        conn.execute(insert(schema.cases).values(external_id="Z-2457", customer_id=wanted.id, status="open"))
    signed_in("agent")
    for typed in ("KL1003216", "kl1003216", "Z-2457", "1234ab", "1234 AB", "el amrani"):
        answer = client.get("/customers", params={"q": typed}, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"] == f"/customers/{wanted.id}", typed
    both = client.get("/customers", params={"q": "fatima"})
    assert both.status_code == 200 and "2 klanten gevonden" in both.text and "Fatima de Vries" in both.text
    assert client.get("/customers", params={"q": "niemand"}).status_code == 404
    assert client.get("/customers", params={"q": "%"}).status_code == 404, "wildcards are literal"
