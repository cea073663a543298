"""`create_app(settings)`: the FastAPI application with its pages, its JSON API under /api and its middleware."""

from __future__ import annotations

import gc
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from fastapi import FastAPI

import klantstem
from klantstem.clock import Clock, SystemClock
from klantstem.db.engine import open_database
from klantstem.insights import service as insights
from klantstem.jobs import service as jobs
from klantstem.settings import Settings
from klantstem.users import service as users
from klantstem.web import assets, errors, routes, sessions
from klantstem.web.cache import FIGURES_WAIT_S
from klantstem.web.headers import SecurityHeaders
from klantstem.web.pages import dashboard
from klantstem.web.rendering import Renderer
from klantstem.web.state import AppState

API_DESCRIPTION = (
    "The data of every page of klantstem as JSON. Authenticate with an API token "
    "(`Authorization: Bearer ks_...`, made on the account page) or a signed-in session; writes with a session "
    "also need the `X-CSRF-Token` header. Lists are paginated with `limit` and `offset`. Every error has the "
    'same shape: `{"error": {"status", "code", "message", "details"}}`.'
)


FIGURES_EVERY = timedelta(minutes=4)  # the first views' figures are kept warm (their cache lives 5 minutes)


def create_app(
    settings: Settings, clock: Clock | None = None, background: bool = False, figures_wait_s: float = FIGURES_WAIT_S
) -> FastAPI:
    """The web application on the configured database (migrated to the newest schema when needed). With
    `background` (as `klantstem serve` runs it) it keeps its first views' figures warm and, when the
    `background_jobs` setting is on, runs the scheduled analyses while it serves. A request waits at most
    `figures_wait_s` for figures being computed, then its page says they are (tests that read figures right
    after writing them wait longer)."""
    insights.use_text_model(settings.text_model)
    engine = open_database(settings)
    state = AppState(
        settings=settings,
        engine=engine,
        clock=clock or SystemClock(),
        renderer=Renderer(settings.timezone),
        link_secret=users.secret_value(engine, "interview_link_key"),
        figures_wait_s=figures_wait_s,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        stop = _start_jobs(state) if background else None
        yield
        if stop is not None:
            stop.set()
        state.executor.shutdown(wait=False, cancel_futures=True)
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


def _start_jobs(state: AppState) -> threading.Event:
    figures = jobs.Job("web-figures", FIGURES_EVERY, lambda _ctx: dashboard.warm(state), shared=False)
    chosen = (figures, *jobs.JOBS) if state.settings.background_jobs == "on" else (figures,)
    return jobs.start_in_background(jobs.JobContext(state.engine, state.settings, state.clock), chosen)


def app_from_env() -> FastAPI:
    """For `uvicorn --factory klantstem.web.app:app_from_env`: settings from KLANTSTEM_* variables. What start-up
    made (modules, routes, templates, built statements) lives as long as the server process: it is moved out of
    the garbage collector's way, so its full collections no longer walk it between requests."""
    app = create_app(Settings.from_env(), background=True)
    gc.collect()
    gc.freeze()
    return app
