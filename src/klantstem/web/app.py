"""`create_app(settings)`: the FastAPI application with its pages, its JSON API under /api and its middleware."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

import klantstem
from klantstem.clock import Clock, SystemClock
from klantstem.db.engine import open_database
from klantstem.insights import service as insights
from klantstem.settings import Settings
from klantstem.users import service as users
from klantstem.web import assets, errors, routes, sessions
from klantstem.web.headers import SecurityHeaders
from klantstem.web.rendering import Renderer
from klantstem.web.state import AppState

API_DESCRIPTION = (
    "The data of every page of klantstem as JSON. Authenticate with an API token "
    "(`Authorization: Bearer ks_...`, made on the account page) or a signed-in session; writes with a session "
    "also need the `X-CSRF-Token` header. Lists are paginated with `limit` and `offset`. Every error has the "
    'same shape: `{"error": {"status", "code", "message", "details"}}`.'
)


def create_app(settings: Settings, clock: Clock | None = None) -> FastAPI:
    """The web application on the configured database (migrated to the newest schema when needed)."""
    insights.use_text_model(settings.text_model)
    engine = open_database(settings)
    state = AppState(
        settings=settings,
        engine=engine,
        clock=clock or SystemClock(),
        renderer=Renderer(settings.timezone),
        link_secret=users.secret_value(engine, "interview_link_key"),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="klantstem",
        version=getattr(klantstem, "__version__", "0"),
        description=API_DESCRIPTION,
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.klantstem = state
    app.add_middleware(
        sessions.SessionCookies,
        secure=settings.secure_cookies,
        secret_key=users.secret_value(engine, "session_signing_key"),
        session_cookie=sessions.SESSION_COOKIE,
        max_age=sessions.SESSION_MAX_AGE_S,
        same_site="lax",
    )
    app.add_middleware(SecurityHeaders)
    errors.install(app)
    assets.install(app)
    routes.install(app)
    return app


def app_from_env() -> FastAPI:
    """For `uvicorn --factory klantstem.web.app:app_from_env`: settings from KLANTSTEM_* variables. What start-up
    made (modules, routes, templates, built statements) lives as long as the server process: it is moved out of
    the garbage collector's way, so its full collections no longer walk it between requests."""
    app = create_app(Settings.from_env())
    gc.collect()
    gc.freeze()
    return app
