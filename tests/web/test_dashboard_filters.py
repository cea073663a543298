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


def test_the_promise_figures_count_the_promises_made_in_the_period(
    client: TestClient, signed_in, engine: Engine, clock: FixedClock
) -> None:
    from datetime import timedelta

    from klantstem.business_calendar import BusinessCalendar
    from klantstem.promises import service as promises

    customer = customers.add_customer(engine, clock, name="Klant").id
    for days_ago, description in ((200, "Terugbellen over de factuur"), (5, "Nieuwe pas opsturen")):
        made = clock.now() - timedelta(days=days_ago)
        promise = promises.add_promise(
            engine, FixedClock(made), BusinessCalendar(), customer_id=customer, kind="send", description=description,
            due=made + timedelta(days=1), third_party="Post",
        )  # fmt: skip
        if days_ago == 5:
            promises.keep(engine, FixedClock(made + timedelta(hours=2)), promise.id)
    promises.scan(engine, clock, BusinessCalendar())  # the old one is overdue: broken
    signed_in("manager")
    lately = client.get("/api/dashboard?period=30d").json()["promises"]
    always = client.get("/api/dashboard?period=all").json()["promises"]
    assert (lately["kept"], lately["broken"], lately["kept_rate"]) == (1, 0, 1.0)
    assert (always["kept"], always["broken"], always["kept_rate"]) == (1, 1, 0.5)
    page = client.get("/dashboard?period=30d").text
    assert '<div class="big-number">100%</div>' in page
    # the list of overdue and broken promises under the figures holds the same promises as the figures
    assert "Terugbellen over de factuur" not in page[page.index('id="promises-due"') :]
    everything = client.get("/dashboard?period=all").text
    assert "Terugbellen over de factuur" in everything[everything.index('id="promises-due"') :]


def test_a_dashboard_with_stories_not_read_yet_says_so(
    client: TestClient, signed_in, engine: Engine, clock: FixedClock, monkeypatch
) -> None:
    from klantstem.web.pages import dashboard

    monkeypatch.setattr(dashboard, "ANALYSE_ON_VIEW", 1)  # a first view reads one story before it shows figures
    for n in range(3):
        _story(engine, clock, None, "bad", n)
    signed_in("manager")
    page = client.get("/dashboard?period=all").text
    assert "2 verhalen zijn nog niet gelezen" in page
    assert client.get("/api/dashboard?period=all").json()["totals"]["unread"] == 2
