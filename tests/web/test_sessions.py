"""Sessions live on the server: signing out, a new password, a new role or being switched off ends them, and so
does an idle time; a copied cookie reads and writes nothing afterwards."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from klantstem.clock import FixedClock
from klantstem.customers import service as customers
from klantstem.users import service as users
from klantstem.web.sessions import SESSION_COOKIE


def _cookie(client: TestClient) -> str:
    value = client.cookies.get(SESSION_COOKIE)
    assert value
    return value


def _replayed(client: TestClient, cookie: str, csrf: str, customer_id: int) -> tuple[int, int, int]:
    """With an old cookie put back: (/account, /api/me, a note written) status codes."""
    client.cookies.clear()
    client.cookies.set(SESSION_COOKIE, cookie)
    account = client.get("/account", follow_redirects=False).status_code
    me = client.get("/api/me").status_code
    note = client.post(
        f"/api/customers/{customer_id}/notes", json={"text": "still here"}, headers={"X-CSRF-Token": csrf}
    ).status_code
    return account, me, note


def test_a_cookie_kept_after_signing_out_reads_and_writes_nothing(
    client: TestClient, signed_in, web: Any, engine: Engine, clock: FixedClock
) -> None:
    customer = customers.add_customer(engine, clock, name="Jan Jansen")
    signed_in("agent")
    csrf = web.csrf_of(client.get("/account").text)
    cookie = _cookie(client)
    assert _replayed(client, cookie, csrf, customer.id) == (200, 200, 201)  # the session works before
    client.cookies.set(SESSION_COOKIE, cookie)
    assert client.post("/signout", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    assert _replayed(client, cookie, csrf, customer.id) == (303, 401, 401)


def test_a_new_password_ends_every_session(client: TestClient, signed_in, engine: Engine, clock: FixedClock) -> None:
    agent = signed_in("agent")
    assert client.get("/api/me").status_code == 200
    users.set_password(engine, agent.id, "another long password", clock)
    assert client.get("/api/me").status_code == 401


def test_a_new_role_ends_the_session(client: TestClient, signed_in, engine: Engine, make_user) -> None:
    make_user("admin")
    agent = signed_in("agent")
    users.update_user(engine, agent.id, role="agent")  # nothing changed: the session stays
    assert client.get("/api/me").status_code == 200
    users.update_user(engine, agent.id, role="analyst")
    assert client.get("/api/me").status_code == 401


def test_an_idle_session_ends_and_an_active_one_lives_on(
    client: TestClient, signed_in, clock: FixedClock, settings
) -> None:
    signed_in("agent")
    idle = timedelta(minutes=settings.session_idle_minutes)
    start = clock.now()
    for step in range(1, 4):  # a request every idle time minus a minute keeps the session for longer
        clock.set(start + step * (idle - timedelta(minutes=1)))
        assert client.get("/api/me").status_code == 200
    clock.set(clock.now() + idle + timedelta(seconds=1))
    assert client.get("/api/me").status_code == 401
    clock.set(start)  # even back in time, an ended session stays ended
    assert client.get("/api/me").status_code == 401


def test_no_session_outlives_a_working_day(client: TestClient, signed_in, clock: FixedClock, settings) -> None:
    signed_in("agent")
    start = clock.now()
    step = timedelta(minutes=settings.session_idle_minutes - 1)
    moment = start
    while moment + step < start + timedelta(hours=12):
        moment += step
        clock.set(moment)
        assert client.get("/api/me").status_code == 200
    clock.set(start + timedelta(hours=12, minutes=1))
    assert client.get("/api/me").status_code == 401


def test_a_token_with_a_lifetime_stops_working_and_shows_when(
    client: TestClient, signed_in, web: Any, clock: FixedClock
) -> None:
    signed_in("analyst")
    csrf = web.csrf_of(client.get("/account").text)
    made = client.post("/api/me/tokens", json={"name": "rapport", "lifetime_days": 30}, headers={"X-CSRF-Token": csrf})
    assert made.status_code == 201
    secret, expires = made.json()["secret"], made.json()["token"]["expires_at"]
    assert expires.startswith((clock.now() + timedelta(days=30)).date().isoformat())
    bearer = {"Authorization": f"Bearer {secret}"}
    client.cookies.clear()
    assert client.get("/api/me", headers=bearer).status_code == 200
    clock.set(clock.now() + timedelta(days=30, seconds=1))
    assert client.get("/api/me", headers=bearer).status_code == 401


def test_the_account_page_shows_last_use_and_expiry(client: TestClient, signed_in, web: Any) -> None:
    signed_in("analyst")
    csrf = web.csrf_of(client.get("/account").text)
    page = client.post("/account/tokens", data={"name": "export", "lifetime_days": "90", "csrf": csrf})
    assert page.status_code == 201
    row = page.text[page.text.index("<td>export</td>") :].split("</tr>")[0]
    assert "nooit" in row  # not used yet
    assert "bij intrekken" not in row  # it has an expiry date
