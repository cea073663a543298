"""Signing in and out: Argon2 hashes, the session cookie, CSRF on every form, the lockout, safe redirects."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from klantstem.clock import FixedClock
from klantstem.db import schema
from klantstem.errors import ConfigurationError, UserInputError
from klantstem.settings import Settings
from klantstem.users import service as users
from klantstem.web.app import create_app


def _post_signin(client: TestClient, web: Any, email: str, password: str, next: str = "") -> object:
    csrf = web.csrf_of(client.get("/signin").text)
    return client.post(
        "/signin",
        data={"email": email, "password": password, "csrf": csrf, "next": next},
        follow_redirects=False,
    )


def test_password_is_stored_as_an_argon2_hash(
    password: str, engine: Engine, make_user: Callable[..., users.User]
) -> None:
    make_user("agent")
    with engine.connect() as conn:
        stored = conn.execute(select(schema.staff.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$")
    assert password not in stored


def test_sign_in_sets_a_signed_httponly_samesite_cookie(password: str, client: TestClient, web: Any, make_user) -> None:
    make_user("manager")
    response = _post_signin(client, web, "MANAGER@example.nl ", password)
    assert response.status_code == 303
    assert response.headers["location"] == "/dashboard"
    cookie = response.headers["set-cookie"].lower()
    assert "ks_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie
    assert client.get("/api/me").json()["email"] == "manager@example.nl"


@pytest.mark.parametrize(
    ("setting", "base_url", "secure"),
    [
        ("auto", "http://127.0.0.1", False),  # `klantstem serve` on loopback: plain http still signs in
        ("auto", "https://klantstem.example.nl", True),
        ("yes", "http://127.0.0.1", True),
        ("no", "https://klantstem.example.nl", False),
    ],
)
def test_the_secure_flag_of_the_session_cookie_follows_the_setting(
    settings: Settings, clock: FixedClock, setting: str, base_url: str, secure: bool
) -> None:
    app = create_app(replace(settings, secure_cookies=setting), clock=clock)
    with TestClient(app, base_url=base_url) as client:
        cookie = client.get("/signin").headers["set-cookie"].lower()  # the session holding the form's CSRF token
        assert "ks_session=" in cookie and "httponly" in cookie and ("; secure" in cookie) is secure


def test_signing_in_over_https_with_the_secure_cookie(
    settings: Settings, clock: FixedClock, password: str, web: Any, make_user
) -> None:
    make_user("manager")
    app = create_app(replace(settings, secure_cookies="yes"), clock=clock)
    with TestClient(app, base_url="https://klantstem.example.nl") as client:
        assert _post_signin(client, web, "manager@example.nl", password).status_code == 303  # type: ignore[attr-defined]
        assert client.get("/api/me").json()["email"] == "manager@example.nl"


def test_an_unknown_secure_cookies_value_is_a_clear_error() -> None:
    with pytest.raises(ConfigurationError, match="KLANTSTEM_SECURE_COOKIES"):
        Settings.from_env({"KLANTSTEM_SECURE_COOKIES": "maybe"})


def test_a_tampered_cookie_is_not_a_session(password: str, client: TestClient, web: Any, make_user) -> None:
    make_user("manager")
    _post_signin(client, web, "manager@example.nl", password)
    value = client.cookies["ks_session"]
    client.cookies.set("ks_session", value[:-3] + ("AAA" if not value.endswith("AAA") else "BBB"))
    assert client.get("/api/me").status_code == 401


def test_wrong_password_and_unknown_address_look_the_same(client: TestClient, web: Any, make_user) -> None:
    make_user("agent")
    wrong = _post_signin(client, web, "agent@example.nl", "not the password")
    unknown = _post_signin(client, web, "nobody@example.nl", "not the password")
    assert wrong.status_code == unknown.status_code == 401
    assert "klopt niet" in wrong.text and "klopt niet" in unknown.text
    assert client.get("/api/me").status_code == 401


def test_signin_form_without_csrf_is_refused(password: str, client: TestClient, make_user) -> None:
    make_user("agent")
    client.get("/signin")
    response = client.post("/signin", data={"email": "agent@example.nl", "password": password})
    assert response.status_code == 403
    assert client.get("/api/me").status_code == 401


def test_lockout_after_repeated_failures_then_unlocks(
    password: str, client: TestClient, web: Any, make_user, clock: FixedClock
) -> None:
    make_user("agent")
    for _ in range(users.MAX_FAILURES):
        assert _post_signin(client, web, "agent@example.nl", "wrong password").status_code == 401
    locked = _post_signin(client, web, "agent@example.nl", password)
    assert locked.status_code == 401 and "Te veel" in locked.text
    clock.set(clock.now() + users.LOCKOUT + timedelta(seconds=1))
    assert _post_signin(client, web, "agent@example.nl", password).status_code == 303


def test_failures_spread_out_do_not_lock(password: str, engine: Engine, make_user, clock: FixedClock) -> None:
    make_user("agent")
    for _ in range(users.MAX_FAILURES + 2):
        with pytest.raises(users.SignInError) as caught:
            users.authenticate(engine, "agent@example.nl", "wrong password", clock)
        assert not isinstance(caught.value, users.AccountLockedError)
        clock.set(clock.now() + users.FAILURE_WINDOW / (users.MAX_FAILURES - 1) + timedelta(minutes=1))
    assert users.authenticate(engine, "agent@example.nl", password, clock).email == "agent@example.nl"


def test_unknown_addresses_are_locked_too(engine: Engine, clock: FixedClock) -> None:
    for _ in range(users.MAX_FAILURES):
        with pytest.raises(users.SignInError):
            users.authenticate(engine, "ghost@example.nl", "whatever pass", clock)
    with pytest.raises(users.AccountLockedError):
        users.authenticate(engine, "ghost@example.nl", "whatever pass", clock)


def test_sign_out_needs_csrf_and_ends_the_session(client: TestClient, signed_in, web: Any) -> None:
    signed_in("agent")
    assert client.post("/signout", data={}).status_code == 403
    assert client.get("/api/me").status_code == 200
    csrf = web.csrf_of(client.get("/account").text)
    assert client.post("/signout", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    assert client.get("/api/me").status_code == 401


def test_a_switched_off_user_loses_the_session(client: TestClient, signed_in, engine: Engine, make_user) -> None:
    make_user("admin")
    agent = signed_in("agent")
    users.update_user(engine, agent.id, active=False)
    assert client.get("/api/me").status_code == 401
    assert client.get("/account", follow_redirects=False).headers["location"].startswith("/signin")


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:x"])
def test_next_never_leaves_the_site(password: str, client: TestClient, web: Any, make_user, target: str) -> None:
    make_user("agent")
    response = _post_signin(client, web, "agent@example.nl", password, next=target)
    assert response.headers["location"] == "/promises"


def test_next_within_the_site_is_followed(password: str, client: TestClient, web: Any, make_user) -> None:
    make_user("agent")
    response = _post_signin(client, web, "agent@example.nl", password, next="/account?x=1")
    assert response.headers["location"] == "/account?x=1"


def test_pages_redirect_to_signin_with_the_way_back(client: TestClient) -> None:
    response = client.get("/account?tab=2", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/signin?next=%2Faccount%3Ftab%3D2"


def test_bad_users_are_refused(password: str, engine: Engine, make_user) -> None:
    make_user("admin")
    for email, role, secret in (
        ("not-an-address", "agent", password),
        ("a@example.nl", "king", password),
        ("a@example.nl", "agent", "short"),
        ("ADMIN@example.nl", "agent", password),
    ):
        with pytest.raises(UserInputError):
            users.add_user(engine, email, "Someone", role, secret)
    assert [u.email for u in users.list_users(engine)] == ["admin@example.nl"]


def test_the_last_admin_cannot_be_switched_off(engine: Engine, make_user) -> None:
    admin = make_user("admin")
    with pytest.raises(UserInputError):
        users.update_user(engine, admin.id, active=False)
    with pytest.raises(UserInputError):
        users.update_user(engine, admin.id, role="agent")
    assert users.get_user(engine, admin.id) == admin


def test_demo_accounts_one_per_role_and_idempotent(engine: Engine) -> None:
    made = users.add_demo_accounts(engine)
    assert sorted(role for _, role in made) == sorted(users.ROLES)
    assert users.add_demo_accounts(engine) == made
    assert len(users.list_users(engine)) == len(users.ROLES)
    assert users.authenticate(engine, "analyst@demo.klantstem.nl", users.DEMO_PASSWORD).role == "analyst"
