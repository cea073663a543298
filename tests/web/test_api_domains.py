"""The data of every page as JSON: an interview told through the API, the story so far with a paginated
timeline, the promises board, the dashboard, search and corrections."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from klantstem.business_calendar import BusinessCalendar
from klantstem.clock import FixedClock
from klantstem.contacts import service as contacts
from klantstem.customers import service as customers
from klantstem.insights import service as insights
from klantstem.promises import service as promises
from klantstem.settings import Settings
from klantstem.text.labelled import read_labelled_csv
from klantstem.text.model import Settings as ModelSettings
from klantstem.text.model import TextModel
from klantstem.users import service as users
from klantstem.web.app import create_app

MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
OFFSET = re.compile(r"(Z|[+-]\d{2}:\d{2})$")
LABELLED = Path(__file__).parents[1] / "data" / "text" / "labelled.csv"


def _token_client(client: TestClient, engine: Engine, role: str) -> TestClient:
    user = users.add_user(engine, f"{role}-api@example.nl", role.title(), role, "a long password")
    if not users.can(role, users.Action.use_api_tokens):
        raise AssertionError(f"{role} has no tokens")
    client.headers["Authorization"] = f"Bearer {users.create_api_token(engine, user.id, 'test').secret}"
    return client


def test_an_interview_through_the_api(client: TestClient, engine: Engine, clock: FixedClock) -> None:
    customer = customers.add_customer(engine, clock, name="Api Klant", email="api@example.nl")
    api = _token_client(client, engine, "manager")
    started = api.post("/api/interviews", json={"customer_id": customer.id, "channel": "phone"})
    assert started.status_code == 201 and started.json()["stage"] == "steps"
    story = started.json()["story_id"]
    step = {"description": "I was transferred three times", "appraisal": "bad", "language": "en"}
    asked = api.post(f"/api/interviews/{story}/steps", json=step).json()["follow_ups"]
    assert asked and asked[0]["question"].startswith("How many times")
    api.post(f"/api/interviews/{story}/answers/{asked[0]['id']}", json={"answer": "Three times, to billing"})
    summary = api.post(f"/api/interviews/{story}/finish", json={"language": "en"}).json()["summary"]
    assert "You told us about one step" in summary and "Three times, to billing" in summary
    confirmed = api.post(f"/api/interviews/{story}/confirm", json={}).json()
    assert confirmed["stage"] == "confirmed"
    bad = api.post(f"/api/interviews/{story}/steps", json=step)
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_request"
    listed = api.get("/api/interviews").json()
    assert listed["total"] == 1 and listed["items"][0]["stage"] == "confirmed"


def test_the_story_so_far_pages_through_the_timeline(client: TestClient, engine: Engine, clock: FixedClock) -> None:
    customer = customers.add_customer(engine, clock, name="Veel Contact", email="veel@example.nl")
    for n in range(7):
        moment = clock.now() - timedelta(days=10 - n)
        contacts.record_contact(engine, clock, contacts.NewContact(customer.id, "email", occurred_at=moment,
                                                                   subject=f"mail {n}"))  # fmt: skip
    api = _token_client(client, engine, "analyst")
    first = api.get(f"/api/customers/{customer.id}", params={"limit": 3}).json()
    assert first["timeline"]["total"] == 7 and first["timeline"]["next_offset"] == 3
    assert [e["detail"]["subject"] for e in first["timeline"]["items"]] == ["mail 6", "mail 5", "mail 4"]
    last = api.get(f"/api/customers/{customer.id}", params={"limit": 3, "offset": 6}).json()
    assert [e["detail"]["subject"] for e in last["timeline"]["items"]] == ["mail 0"]
    assert last["summary"]["contacts"]["total"] == 7
    assert api.get("/api/customers", params={"identity": "veel@example.nl"}).json() == {"customer_id": customer.id}
    missing = api.get("/api/customers", params={"identity": "nobody@example.nl"})
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_a_note_through_the_api(client: TestClient, engine: Engine, clock: FixedClock) -> None:
    customer = customers.add_customer(engine, clock, name="Notitie Klant", email="notitie@example.nl")
    api = _token_client(client, engine, "manager")
    made = api.post(f"/api/customers/{customer.id}/notes", json={"text": "Terugbellen na 14:00"})
    assert made.status_code == 201 and made.json()["note_id"] > 0
    newest = api.get(f"/api/customers/{customer.id}").json()["timeline"]["items"][0]
    assert newest["kind"] == "note" and newest["detail"]["text"] == "Terugbellen na 14:00"
    assert api.post(f"/api/customers/{customer.id}/notes", json={"text": ""}).status_code == 422
    assert api.post("/api/customers/999/notes", json={"text": "x"}).status_code == 404


def test_the_promises_board_as_json(client: TestClient, engine: Engine, clock: FixedClock) -> None:
    customer = customers.add_customer(engine, clock, name="Belofte", email="belofte@example.nl")
    soon = promises.add_promise(
        engine,
        clock,
        BusinessCalendar(),
        customer_id=customer.id,
        kind="callback",
        description="Terugbellen",
        due="binnen 1 werkdag",
        department="Klantenservice",
    )
    later = promises.add_promise(
        engine, clock, BusinessCalendar(), customer_id=customer.id, kind="letter", description="Brief sturen",
        due="binnen 20 werkdagen", department="Backoffice",
    )  # fmt: skip
    api = _token_client(client, engine, "manager")
    assert [p["id"] for p in api.get("/api/promises").json()["items"]] == [soon.id]
    assert [p["id"] for p in api.get("/api/promises", params={"status": "open"}).json()["items"]] == [soon.id, later.id]
    kept = api.post(f"/api/promises/{soon.id}/keep", json={"note": "gebeld"}).json()
    assert kept["status"] == "kept" and kept["resolution_note"] == "gebeld"
    assert api.post(f"/api/promises/{later.id}/cancel", json={}).json()["status"] == "cancelled"
    kinds = {r["name"]: r for r in api.get("/api/promises/stats").json()["rows"] if r["dimension"] == "kind"}
    assert kinds["callback"]["kept"] == 1 and kinds["letter"]["cancelled"] == 1


def test_dashboard_search_and_corrections_as_json(client: TestClient, engine: Engine, clock: FixedClock) -> None:
    customer = customers.add_customer(engine, clock, name="Verteller", email="verteller@example.nl")
    api = _token_client(client, engine, "admin")
    story = api.post("/api/interviews", json={"customer_id": customer.id}).json()["story_id"]
    api.post(f"/api/interviews/{story}/steps", json={"description": "De website werkt al dagen niet",
                                                     "appraisal": "bad"})  # fmt: skip
    api.post(f"/api/interviews/{story}/finish", json={})
    board = api.get("/api/dashboard").json()
    assert board["totals"]["steps"] == 1 and board["appraisal_by_month"]["bad"] == [1]
    assert {"months", "facets", "promises", "worst_steps", "process"} <= set(board)
    found = api.get("/api/stories", params={"q": "website"}).json()
    assert found["total"] == 1 and found["items"][0]["story_id"] == story
    queue = api.get("/api/corrections").json()
    assert queue["items"][0]["story_id"] == story and queue["items"][0]["corrected"] is False
    assert queue["items"][0]["model_version"] == insights.labels_of(engine, [story])[story].model_version
    labels = api.post(f"/api/stories/{story}/appraisal", json={"level": "normal"}).json()
    assert labels["appraisal"] == "normal" and labels["corrected"] is True
    assert api.get("/api/corrections").json()["items"][0]["corrected"] is True
    labels = api.post(f"/api/stories/{story}/facets", json={"facet": "online_systems", "level": "bad"}).json()
    assert labels["facets"]["online_systems"] == "bad"
    examples = api.get("/api/training-examples").json()["items"]
    assert examples == [{"text": "De website werkt al dagen niet", "labels": examples[0]["labels"]}]
    assert "online_systems=bad" in examples[0]["labels"]
    wrong = api.post(f"/api/stories/{story}/appraisal", json={"level": "fine"})
    assert wrong.status_code == 400 and wrong.json()["error"]["code"] == "bad_request"


def test_the_app_labels_stories_with_the_configured_model(
    settings: Settings, engine: Engine, clock: FixedClock, tmp_path: Path
) -> None:
    model = TextModel.train(read_labelled_csv(LABELLED), ModelSettings(seed=0))
    model.save(tmp_path / "model")
    customer = customers.add_customer(engine, clock, name="Verteller", email="verteller@example.nl")
    try:
        app = create_app(replace(settings, text_model=str(tmp_path / "model")), clock=clock, figures_wait_s=120)
        with TestClient(app, base_url="http://127.0.0.1") as client:
            api = _token_client(client, engine, "admin")
            story = api.post("/api/interviews", json={"customer_id": customer.id}).json()["story_id"]
            step = {"description": "Ik stond 47 minuten in de wacht en niemand belde terug", "appraisal": "bad"}
            api.post(f"/api/interviews/{story}/steps", json=step)
            api.post(f"/api/interviews/{story}/finish", json={})
            assert api.get("/api/dashboard").json()["totals"]["steps"] == 1  # the dashboard reads new stories
            queue = api.get("/api/corrections").json()
            assert queue["items"][0]["story_id"] == story
            assert f"model={model.version}" in queue["items"][0]["model_version"]
    finally:
        insights.use_text_model("")


def test_the_api_refuses_an_empty_contact_as_the_page_does(
    client: TestClient, engine: Engine, clock: FixedClock
) -> None:
    customer = customers.add_customer(engine, clock, name="Leeg Contact", email="leeg@example.nl")
    api = _token_client(client, engine, "manager")
    for body in ({"channel": "phone"}, {"channel": "phone", "subject": "  ", "text": ""}):
        refused = api.post(f"/api/customers/{customer.id}/contacts", json=body)
        assert refused.status_code == 400
        assert refused.json() == {"error": {"status": 400, "code": "contact_empty", "details": [],
                                             "message": "a contact needs a subject or a text"}}  # fmt: skip
    assert contacts.story_so_far(engine, clock, customer.id, timezone="Europe/Amsterdam").summary.contacts["total"] == 0
    told = api.post(f"/api/customers/{customer.id}/contacts", json={"channel": "phone", "text": "Gebeld"})
    assert told.status_code == 201


def _moments(value: object, where: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _moments(item, f"{where}.{key}")
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _moments(item, f"{where}[{n}]")
    elif isinstance(value, str) and MOMENT.match(value):
        yield where, value


def test_every_moment_in_the_api_carries_its_offset(client: TestClient, engine: Engine, clock: FixedClock) -> None:
    """On SQLite (which keeps no offset) and on PostgreSQL alike: every date-time the API answers says its offset."""
    customer = customers.add_customer(engine, clock, name="Tijd Klant", email="tijd@example.nl")
    earlier = clock.now() - timedelta(days=2)
    contact = contacts.NewContact(customer.id, "email", subject="Vraag", occurred_at=earlier)
    contacts.record_contact(engine, clock, contact)
    promises.add_promise(engine, clock, BusinessCalendar(), customer_id=customer.id, kind="callback",
                         description="Terugbellen", due="binnen 1 werkdag", department="Klantenservice")  # fmt: skip
    customers.authorise_delegate(engine, clock, customer.id, "Marie Klant")
    api = _token_client(client, engine, "admin")
    story = api.post("/api/interviews", json={"customer_id": customer.id}).json()["story_id"]
    api.post(f"/api/interviews/{story}/steps", json={"description": "Niemand belde terug", "appraisal": "bad"})
    api.post(f"/api/interviews/{story}/finish", json={})
    paths = ["/api/me", "/api/me/tokens", "/api/users", f"/api/customers/{customer.id}", "/api/promises?status=open",
             "/api/interviews", f"/api/interviews/{story}", f"/api/customers/{customer.id}/personal-data",
             "/api/corrections", "/api/stories?q=belde"]  # fmt: skip
    found: list[tuple[str, str]] = []
    for path in paths:
        answer = api.get(path)
        assert answer.status_code == 200, (path, answer.text[:200])
        found += [(path + where, text) for where, text in _moments(answer.json())]
    naive = [(where, text) for where, text in found if not OFFSET.search(text)]
    assert naive == [], naive
    assert len({where.split("?")[0].split(".")[0] for where, _ in found}) >= 6 and len(found) >= 20, found
