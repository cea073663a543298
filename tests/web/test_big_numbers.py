"""Numbers too large for a database integer: an id that cannot exist is not found, a page number or an offset
out of range is a bad request; never a server error. The TestClient re-raises any server error, so a 500 fails
these tests before their asserts."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from klantstem.clock import FixedClock
from klantstem.customers import service as customers
from klantstem.users import service as users

HUGE = "99999999999999999999"  # > 2**64
JUST_TOO_BIG = str(2**63)  # one more than the largest database integer
TOO_BIG_FOR_AN_ID = str(2**31)  # ids are INTEGER columns: 32 bits on PostgreSQL (a 500 there before)


def _api_error(body: dict[str, Any], status: int, code: str) -> None:
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == status and body["error"]["code"] == code


@pytest.mark.parametrize("number", [HUGE, JUST_TOO_BIG, TOO_BIG_FOR_AN_ID])
@pytest.mark.parametrize(
    "path", ["/customers/{n}", "/interviews/{n}", "/customers/{n}?all=1"], ids=["customer", "interview", "all"]
)
def test_an_id_too_large_to_exist_is_the_404_page(client: TestClient, signed_in, path: str, number: str) -> None:
    signed_in("admin")
    response = client.get(path.format(n=number))
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html") and "bestaat niet" in response.text


@pytest.mark.parametrize("path", ["/themes?q=wachten&page={n}", "/corrections?page={n}", "/interviews?page={n}",
                                  "/promises?page={n}", "/promises?done={n}"])  # fmt: skip
def test_a_page_number_too_large_is_the_400_page(client: TestClient, signed_in, path: str) -> None:
    signed_in("admin")
    response = client.get(path.format(n=HUGE))
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html") and "klopt iets niet" in response.text


@pytest.mark.parametrize("path", ["/themes?q=wachten&page={n}", "/interviews?page={n}", "/promises?page={n}"])
def test_a_page_before_the_first_still_shows_the_first(client: TestClient, signed_in, path: str) -> None:
    signed_in("admin")
    for number in ("0", "-" + HUGE):
        assert client.get(path.format(n=number)).status_code == 200


def test_dashboard_filters_ignore_a_department_that_cannot_exist(client: TestClient, signed_in) -> None:
    signed_in("admin")
    assert client.get(f"/dashboard?department={HUGE}").status_code == 200
    assert client.get("/dashboard", params={"department": "²"}).status_code == 200


def test_typing_a_digit_that_is_no_number_finds_no_customer(client: TestClient, signed_in) -> None:
    signed_in("agent")
    assert client.get("/customers", params={"q": "²"}).status_code == 404


@pytest.mark.parametrize(
    "path", ["/api/customers/{n}", "/api/interviews/{n}", "/api/interviews/abc"], ids=["customer", "interview", "text"]
)
def test_the_api_answers_an_id_that_cannot_exist_with_not_found(client: TestClient, signed_in, path: str) -> None:
    signed_in("admin")
    for number in (HUGE, TOO_BIG_FOR_AN_ID):
        response = client.get(path.format(n=number))
        assert response.status_code == 404
        _api_error(response.json(), 404, "not_found")


@pytest.mark.parametrize("path", ["/api/interviews?offset={n}", "/api/stories?q=a&offset={n}",
                                  "/api/corrections?offset={n}", "/api/customers/1?offset={n}",
                                  "/api/promises?status=overdue&offset={n}"])  # fmt: skip
def test_the_api_refuses_an_offset_out_of_range(client: TestClient, signed_in, path: str) -> None:
    signed_in("admin")
    response = client.get(path.format(n=HUGE))
    assert response.status_code == 422
    _api_error(response.json(), 422, "invalid_request")
    assert response.json()["error"]["details"][0]["field"] == "query.offset"


def test_the_api_refuses_an_id_out_of_range_in_a_body(client: TestClient, engine: Engine, clock: FixedClock) -> None:
    customer = customers.add_customer(engine, clock, name="Groot Getal", email="groot@example.nl")
    admin = users.add_user(engine, "admin-api@example.nl", "Admin", "admin", "a long password")
    client.headers["Authorization"] = f"Bearer {users.create_api_token(engine, admin.id, 'test').secret}"
    for number in (HUGE, TOO_BIG_FOR_AN_ID):
        started = client.post("/api/interviews", json={"customer_id": int(number)})
        _api_error(started.json(), 422, "invalid_request")
    contact = client.post(f"/api/customers/{customer.id}/contacts", json={"channel": "phone", "case_id": int(HUGE)})
    _api_error(contact.json(), 422, "invalid_request")
    fine = client.post("/api/interviews", json={"customer_id": customer.id})
    assert fine.status_code == 201
    step = {"description": "Lang gewacht", "appraisal": "bad", "department_id": int(HUGE)}
    added = client.post(f"/api/interviews/{fine.json()['story_id']}/steps", json=step)
    _api_error(added.json(), 422, "invalid_request")
