"""The customer page: the story so far, the timeline, delegates, recording a contact, inviting the customer."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from klantstem.clock import FixedClock
from klantstem.contacts import service as contacts
from klantstem.customers import service as customers
from klantstem.users import service as users


def _customer(engine: Engine, clock: FixedClock) -> int:
    return customers.add_customer(engine, clock, name="Piet Pietersen", email="piet@example.nl", phone="0612345678").id


def test_find_a_customer_by_email_phone_or_number(client: TestClient, signed_in, engine: Engine, clock) -> None:
    customer_id = _customer(engine, clock)
    signed_in("agent")
    for typed in ("piet@example.nl", "06 12345678", str(customer_id)):
        response = client.get("/customers", params={"q": typed}, follow_redirects=False)
        assert response.headers["location"] == f"/customers/{customer_id}"
    assert client.get("/customers", params={"q": "nobody@example.nl"}).status_code == 404


def test_the_story_so_far_shows_contacts_delegates_and_the_timeline(
    client: TestClient, signed_in, engine: Engine, clock: FixedClock
) -> None:
    customer_id = _customer(engine, clock)
    customers.authorise_delegate(engine, clock, customer_id, name="Marie Pietersen", relation="partner", scope="all")
    contact = contacts.NewContact(
        customer_id=customer_id, channel="whatsapp", occurred_at=clock.now() - timedelta(hours=2),
        subject="Feedback over de proefrit", text="Niemand heeft teruggebeld",
    )  # fmt: skip
    contacts.record_contact(engine, clock, contact)
    signed_in("agent")
    page = client.get(f"/customers/{customer_id}").text
    assert "Piet Pietersen" in page and "Marie Pietersen" in page and "partner" in page
    timeline = page[page.index('id="timeline"') :]
    assert (
        "Feedback over de proefrit" in timeline and "Niemand heeft teruggebeld" in timeline and "WhatsApp" in timeline
    )


def test_an_agent_records_a_contact(client: TestClient, signed_in, web: Any, engine: Engine, clock) -> None:
    customer_id = _customer(engine, clock)
    signed_in("agent")
    csrf = web.csrf_of(client.get(f"/customers/{customer_id}").text)
    data = {"csrf": csrf, "channel": "phone", "direction": "outbound", "subject": "Teruggebeld over de SIM-kaart"}
    assert client.post(f"/customers/{customer_id}/contacts", data=data, follow_redirects=False).status_code == 303
    story = contacts.story_so_far(engine, clock, customer_id, timezone="Europe/Amsterdam")
    assert [e.detail["subject"] for e in story.entries if e.kind == "contact"] == ["Teruggebeld over de SIM-kaart"]
    bad = client.post(f"/customers/{customer_id}/contacts", data={**data, "channel": "pigeon"})
    assert bad.status_code == 400 and "pigeon" in bad.text
    empty = client.post(f"/customers/{customer_id}/contacts", data={**data, "subject": ""})
    assert empty.status_code == 400 and "Vul een onderwerp of een tekst in." in empty.text
    assert (
        len(
            [
                e
                for e in contacts.story_so_far(engine, clock, customer_id, timezone="Europe/Amsterdam").entries
                if e.kind == "contact"
            ]
        )
        == 1
    )


def test_an_agent_adds_a_note_that_shows_on_the_timeline(
    client: TestClient, signed_in, web: Any, engine: Engine, clock: FixedClock
) -> None:
    customer_id = _customer(engine, clock)
    agent = signed_in("agent")
    page = client.get(f"/customers/{customer_id}").text
    assert f'action="/customers/{customer_id}/notes"' in page
    csrf = web.csrf_of(page)
    note = "Wil alles <b>schriftelijk</b> bevestigd; belt liever niet na 17:00."
    response = client.post(f"/customers/{customer_id}/notes", data={"csrf": csrf, "text": note}, follow_redirects=False)
    assert response.status_code == 303
    story = contacts.story_so_far(engine, clock, customer_id, timezone="Europe/Amsterdam")
    notes = [e for e in story.entries if e.kind == "note"]
    assert [e.detail["text"] for e in notes] == [note] and notes[0].detail["staff"] == agent.name
    assert story.summary.told_us == []  # a note is ours, not what the customer told us
    timeline = client.get(f"/customers/{customer_id}").text.split('id="timeline"')[1]
    assert "schriftelijk" in timeline and "<b>schriftelijk" not in timeline and "&lt;b&gt;" in timeline
    assert client.post(f"/customers/{customer_id}/notes", data={"csrf": csrf, "text": "  "}).status_code == 400
    assert client.post(f"/customers/{customer_id}/notes", data={"text": "no token"}).status_code == 403
    assert (
        len(
            [
                e
                for e in contacts.story_so_far(engine, clock, customer_id, timezone="Europe/Amsterdam").entries
                if e.kind == "note"
            ]
        )
        == 1
    )


def test_an_analyst_cannot_add_a_note(client: TestClient, signed_in, web: Any, engine: Engine, clock) -> None:
    customer_id = _customer(engine, clock)
    signed_in("analyst")
    page = client.get(f"/customers/{customer_id}").text
    assert "/notes" not in page
    response = client.post(f"/customers/{customer_id}/notes", data={"csrf": web.csrf_of(page), "text": "x"})
    assert response.status_code == 403


def test_an_interviewer_invites_once_then_the_guard_holds_back(
    client: TestClient, signed_in, web: Any, engine: Engine, clock: FixedClock
) -> None:
    customer_id = _customer(engine, clock)
    signed_in("interviewer")
    csrf = web.csrf_of(client.get(f"/customers/{customer_id}").text)
    made = client.post(f"/customers/{customer_id}/invite", data={"csrf": csrf, "topic": "de proefrit"})
    link = re.search(r'<code id="invite-link">([^<]+)</code>', made.text)
    assert link and "/i/" in link.group(1)
    again = client.post(f"/customers/{customer_id}/invite", data={"csrf": csrf, "topic": "de proefrit"})
    assert again.status_code == 200 and "invite-link" not in again.text and "contactbewaker" in again.text


def test_unknown_customer_is_a_404_page(client: TestClient, signed_in) -> None:
    signed_in("agent")
    response = client.get("/customers/999")
    assert response.status_code == 404 and "bestaat niet" in response.text


def test_the_timeline_separates_the_staff_member_from_the_subject(
    client: TestClient, signed_in, engine: Engine, clock: FixedClock
) -> None:
    customer_id = _customer(engine, clock)
    staff = users.add_user(engine, "ria@example.nl", "Ria Verhoeven", "agent", "a long password")
    for staff_id, subject in ((staff.id, "Uw vraag over de factuur"), (None, "Inkomend gesprek")):
        contact = contacts.NewContact(customer_id=customer_id, channel="email", direction="outbound",
                                      staff_id=staff_id, subject=subject)  # fmt: skip
        contacts.record_contact(engine, clock, contact)
    signed_in("agent")
    page = client.get(f"/customers/{customer_id}").text
    words = " ".join(re.sub(r"<[^>]+>", " ", page[page.index('id="timeline"') :]).split())
    assert "Ria Verhoeven: Uw vraag over de factuur" in words
    assert "e-mail: Inkomend gesprek" in words


def test_the_timeline_writes_times_in_the_zone_of_the_settings(
    settings: Any, engine: Engine, clock: FixedClock, make_user: Any, web: Any
) -> None:
    """KLANTSTEM_TIMEZONE reaches the page and the API: a promise due at 16:00 UTC is due at 11:00 in New York."""
    from dataclasses import replace

    from klantstem.business_calendar import BusinessCalendar
    from klantstem.promises import service as promises
    from klantstem.web.app import create_app

    customer_id = _customer(engine, clock)
    due = clock.now().replace(hour=16, minute=0) + timedelta(days=2)
    promises.add_promise(
        engine, clock, BusinessCalendar(), customer_id=customer_id, kind="callback", description="Terugbellen",
        due=due, department="Klantenservice",
    )  # fmt: skip
    app = create_app(replace(settings, timezone="America/New_York"), clock=clock)
    make_user("agent", "tz@example.nl")
    with TestClient(app, base_url="http://127.0.0.1") as client:
        web.sign_in(client, "tz@example.nl")
        page = client.get(f"/customers/{customer_id}").text
        story = client.get(f"/api/customers/{customer_id}").json()
    assert f"{due:%d-%m-%Y} 11:00" in page and f"{due:%d-%m-%Y} 17:00" not in page
    local = f"{due:%Y-%m-%d} 11:00"
    titles = [entry["title"] for entry in story["timeline"]["items"]]
    assert any(f"due {local}" in title for title in titles), titles
