"""Who may record and confirm a story: the customer through their own link, or the interviewer recording it with
the customer present; every story and step says who entered it. Opening a personal link changes nothing, its
address comes from the configured base URL, and it speaks the customer's language."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from klantstem.clock import FixedClock
from klantstem.customers import service as customers
from klantstem.db import schema
from klantstem.settings import Settings
from klantstem.stories import service as stories
from klantstem.web import links
from klantstem.web.app import create_app


def _url(client: TestClient, link_id: int) -> str:
    return "/i/" + links.token_for(client.app.state.klantstem.link_secret, link_id)  # type: ignore[attr-defined]


def _row(engine: Engine, table: Any, row_id: int) -> Any:
    with engine.connect() as conn:
        return conn.execute(select(table).where(table.c.id == row_id)).one()


def test_opening_a_link_starts_no_story_until_the_customer_writes(
    client: TestClient, web: Any, engine: Engine, clock: FixedClock
) -> None:
    customer = customers.add_customer(engine, clock, name="Fatima")
    url = _url(client, stories.create_link(engine, clock, customer.id, None, "de SIM-kaart").id)
    for _ in range(3):  # a mail scanner, a preview, the customer
        page = client.get(url)
        assert page.status_code == 200 and 'name="description"' in page.text
    assert stories.recent_interviews(engine)[0] == 0
    step = {"csrf": web.csrf_of(page.text), "action": "step", "description": "Ik wachtte lang", "appraisal": "bad"}
    assert client.post(url + "/continue", data=step).status_code == 200
    assert stories.recent_interviews(engine)[0] == 1


def test_the_link_address_comes_from_the_configured_base_url(
    settings: Settings, engine: Engine, clock: FixedClock, make_user, web: Any
) -> None:
    configured = dataclasses.replace(settings, public_base_url="https://klantstem.example.nl/")
    customer = customers.add_customer(engine, clock, name="Piet", email="piet@example.nl")
    make_user("interviewer")
    with TestClient(create_app(configured, clock=clock), base_url="http://127.0.0.1") as client:
        web.sign_in(client, "interviewer@example.nl")
        csrf = web.csrf_of(client.get("/account").text)
        made = client.post(f"/api/customers/{customer.id}/interview-links", json={"topic": "x"},
                           headers={"X-CSRF-Token": csrf, "Host": "evil.example"})  # fmt: skip
        assert made.status_code == 200, made.text
        assert made.json()["link"].startswith("https://klantstem.example.nl/i/")
        assert "evil" not in made.text


def test_an_english_speaking_customer_reads_their_link_in_english(
    client: TestClient, engine: Engine, clock: FixedClock
) -> None:
    customer = customers.add_customer(engine, clock, name="John", language="en")
    url = _url(client, stories.create_link(engine, clock, customer.id, None, "the delivery").id)
    page = client.get(url)
    assert '<html lang="en">' in page.text and "Your story, step by step" in page.text
    client.cookies.set("ks_lang", "nl")  # their own choice wins
    assert "Uw verhaal, stap voor stap" in client.get(url).text


def test_staff_cannot_add_to_or_confirm_a_story_they_do_not_record(
    client: TestClient, web: Any, engine: Engine, clock: FixedClock, make_user
) -> None:
    customer = customers.add_customer(engine, clock, name="Fatima")
    link = stories.create_link(engine, clock, customer.id, None, "de SIM-kaart")
    told = stories.start_from_link(engine, clock, link.id).story_id
    stories.add_step(engine, clock, told, description="Tien dagen gewacht", appraisal="bad")
    stories.finish(engine, told)
    interviewer = make_user("interviewer")
    theirs = stories.start_interview(engine, clock, customer_id=customer.id, staff_id=interviewer.id).story_id
    stories.add_step(engine, clock, theirs, description="Vriendelijk geholpen", appraisal="excellent",
                     staff_id=interviewer.id)  # fmt: skip
    stories.finish(engine, theirs, staff_id=interviewer.id)
    agent = make_user("agent")
    web.sign_in(client, agent.email)
    for story in (told, theirs):
        page = client.get(f"/interviews/{story}")
        assert 'id="read-only"' in page.text and f'action="/interviews/{story}/confirm"' not in page.text
        csrf = web.csrf_of(page.text)
        confirmed = client.post(f"/interviews/{story}/confirm", data={"csrf": csrf, "action": "confirm"})
        assert confirmed.status_code == 400 and "Alleen de interviewer" in confirmed.text
        api = client.post(f"/api/interviews/{story}/confirm", json={}, headers={"X-CSRF-Token": csrf})
        assert api.status_code == 400
        step = {"description": "Toegevoegd door iemand anders", "appraisal": "bad"}
        added = client.post(f"/api/interviews/{story}/steps", json=step, headers={"X-CSRF-Token": csrf})
        assert added.status_code == 400
        assert stories.get_interview(engine, story).stage == "summary"


def test_the_interviewer_confirms_their_live_interview_and_it_is_recorded(
    client: TestClient, web: Any, engine: Engine, clock: FixedClock, make_user
) -> None:
    customer = customers.add_customer(engine, clock, name="Henk")
    interviewer = make_user("interviewer")
    web.sign_in(client, interviewer.email)
    csrf = web.csrf_of(client.get("/interviews").text)
    started = client.post("/interviews", data={"csrf": csrf, "customer": str(customer.id), "channel": "visit"})
    story_id = int(re.findall(r"/interviews/(\d+)", str(started.url))[0])
    client.post(f"/interviews/{story_id}/continue",
                data={"csrf": csrf, "action": "finish", "description": "Soep koud", "appraisal": "bad"})  # fmt: skip
    assert client.post(f"/interviews/{story_id}/confirm", data={"csrf": csrf, "action": "confirm"}).status_code == 200
    story = _row(engine, schema.stories, story_id)
    assert (story.recorded_by, story.confirmed_by, story.confirmed_via) == (interviewer.id, interviewer.id,
                                                                             "live_interview")  # fmt: skip
    step_id = stories.get_interview(engine, story_id).steps[0].id
    assert _row(engine, schema.story_steps, step_id).recorded_by == interviewer.id
