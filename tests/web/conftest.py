"""Fixtures for the web app: the real app on the test database, a client, and signed-in users per role."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from klantstem.clock import FixedClock, SystemClock
from klantstem.settings import Settings
from klantstem.users import service as users
from klantstem.web.app import create_app

PASSWORD = "correct horse battery"
FIGURES_WAIT_S = 120  # these tests read figures right after writing; test_background checks the short wait
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def client(settings: Settings, engine: Engine, clock: FixedClock) -> Iterator[TestClient]:
    app = create_app(settings, clock=clock, figures_wait_s=FIGURES_WAIT_S)
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(settings: Settings, engine: Engine) -> Iterator[tuple[str, Any]]:
    """The app served by uvicorn on a free loopback port, in a background thread."""
    app = create_app(settings, clock=SystemClock(), figures_wait_s=FIGURES_WAIT_S)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}", app
    running.should_exit = True
    thread.join(timeout=10)
