"""Fixtures for the web app: the real app on the test database, a client, and signed-in users per role."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from klantstem.clock import FixedClock
from klantstem.settings import Settings
from klantstem.users import service as users
from klantstem.web.app import create_app

PASSWORD = "correct horse battery"
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def client(settings: Settings, engine: Engine, clock: FixedClock) -> Iterator[TestClient]:
    app = create_app(settings, clock=clock)
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


class Web:
    """Helpers for tests that drive the app through its pages."""

    @staticmethod
    def csrf_of(html: str) -> str:
        return csrf_of(html)

    @staticmethod
    def sign_in(client: TestClient, email: str, password: str = PASSWORD) -> None:
        sign_in(client, email, password)


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def web() -> type[Web]:
    return Web


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has a form with a CSRF token"
    return found.group(1)


def sign_in(client: TestClient, email: str, password: str = PASSWORD) -> None:
    page = client.get("/signin")
    response = client.post(
        "/signin", data={"email": email, "password": password, "csrf": csrf_of(page.text)}, follow_redirects=False
    )
    assert response.status_code == 303, response.text


@pytest.fixture
def make_user(engine: Engine) -> Callable[[str], users.User]:
    def make(role: str, email: str | None = None) -> users.User:
        return users.add_user(engine, email or f"{role}@example.nl", f"Test {role}", role, PASSWORD)

    return make


@pytest.fixture
def signed_in(client: TestClient, make_user: Callable[[str], users.User]) -> Callable[[str], users.User]:
    """Sign the client in as a new user with this role."""

    def as_role(role: str) -> users.User:
        user = make_user(role)
        sign_in(client, user.email)
        return user

    return as_role
