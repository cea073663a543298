"""The dashboard filtered by department, on the page and in the API (it answered 500 before), and what a
server error looks like: the error page for pages, the one JSON error shape for the API."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine, insert

from klantstem.clock import FixedClock
from klantstem.customers import service as customers
from klantstem.db import schema
from klantstem.stories import service as stories
from klantstem.web.app import create_app


def _department(engine: Engine, name: str) -> int:
    with engine.begin() as conn:
        return int(conn.execute(insert(schema.departments).values(name=name)).inserted_primary_key[0])  # type: ignore[index]


def _story(engine: Engine, clock: FixedClock, department_id: int | None, appraisal: str, n: int) -> None:
    customer = customers.add_customer(engine, clock, name=f"Klant {n}")
    story_id = stories.start_interview(engine, clock, customer_id=customer.id, staff_id=None).story_id
    stories.add_step(engine, clock, story_id, description="Lang gewacht op een antwoord", appraisal=appraisal,
                     department_id=department_id)  # fmt: skip
    stories.finish(engine, story_id)


def test_the_dashboard_filtered_by_department_counts_only_its_steps(
    client: TestClient, signed_in, engine: Engine, clock: FixedClock
) -> None:
    backoffice, shop = _department(engine, "Backoffice"), _department(engine, "Winkel")
    _story(engine, clock, backoffice, "bad", 1)
    _story(engine, clock, backoffice, "bad", 2)
    _story(engine, clock, shop, "excellent", 3)
    signed_in("manager")
    answer = client.get(f"/api/dashboard?department={backoffice}&period=all")
    assert answer.status_code == 200, answer.text
    assert answer.json()["totals"]["stories"] == 2
    assert sum(answer.json()["appraisal_by_month"]["bad"]) == 2
    assert sum(answer.json()["appraisal_by_month"]["excellent"]) == 0
    page = client.get(f"/dashboard?department={shop}&period=all")
    assert page.status_code == 200


def test_a_server_error_is_the_error_page_or_the_api_error_shape(settings, engine: Engine, clock: FixedClock) -> None:
    app = create_app(settings, clock=clock)

    @app.get("/kapot")
    def broken_page() -> None:
        raise RuntimeError("klant Jansen, 0612345678")

    @app.get("/api/kapot")
    def broken_api() -> None:
        raise RuntimeError("klant Jansen, 0612345678")

    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as client:
        page = client.get("/kapot")
        assert page.status_code == 500
        assert "text/html" in page.headers["content-type"]
        assert "Er ging iets mis op de server" in page.text and "Internal Server Error" not in page.text
        answer = client.get("/api/kapot")
        assert answer.status_code == 500
        assert answer.json()["error"]["code"] == "server_error"
        assert "Jansen" not in answer.text
