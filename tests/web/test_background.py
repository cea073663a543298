"""The scheduled analyses have one place that runs them (a registry of named jobs; `klantstem serve` runs them
in the background, `klantstem worker` without the server), and no page waits for heavy figures."""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from klantstem.business_calendar import BusinessCalendar
from klantstem.clock import FixedClock
from klantstem.customers import service as customers
from klantstem.jobs import service as jobs
from klantstem.promises import service as promises
from klantstem.settings import Settings
from klantstem.web.app import create_app
from klantstem.web.cache import TtlCache


def _overdue_promise(engine: Engine, clock: FixedClock) -> int:
    customer = customers.add_customer(engine, clock, name="Kees")
    made = promises.add_promise(
        engine, clock, BusinessCalendar(), customer_id=customer.id, kind="callback", description="Terugbellen",
        due="morgen", department="Klantenservice",
    )  # fmt: skip
    return made.id


def test_the_registry_runs_each_due_job_once_across_processes(
    settings: Settings, engine: Engine, clock: FixedClock
) -> None:
    promise = _overdue_promise(engine, clock)
    ctx = jobs.JobContext(engine, settings, clock)
    clock.set(clock.now() + timedelta(days=5))
    results: list[list[jobs.JobOutcome]] = []
    workers = [threading.Thread(target=lambda: results.append(jobs.run_due(ctx))) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    ran = sorted(o.name for outcome in results for o in outcome)
    assert ran == sorted(j.name for j in jobs.JOBS), "every job once, though two processes looked"
    assert all(o.ok for outcome in results for o in outcome)
    assert promises.get_promise(engine, promise).status == "broken", "the promise scan ran"
    assert jobs.run_due(ctx) == [], "nothing is due again yet"
    scan = next(j for j in jobs.JOBS if j.name == "promises-scan")
    clock.set(clock.now() + scan.every)
    assert "promises-scan" in [o.name for o in jobs.run_due(ctx)]
    assert {r[0] for r in jobs.last_runs(ctx)} == {j.name for j in jobs.JOBS}


def test_serve_runs_the_jobs_in_the_background(settings: Settings, engine: Engine, clock: FixedClock) -> None:
    promise = _overdue_promise(engine, clock)
    clock.set(clock.now() + timedelta(days=5))
    app = create_app(settings, clock=clock, background=True)
    with TestClient(app, base_url="http://127.0.0.1"):
        deadline = time.monotonic() + 60
        while promises.get_promise(engine, promise).status != "broken" and time.monotonic() < deadline:
            time.sleep(0.2)
    assert promises.get_promise(engine, promise).status == "broken"


def test_a_cold_cache_answers_within_its_wait_and_computes_once() -> None:
    cache = TtlCache(60, sync_s=0.2)
    release = threading.Event()
    calls: list[int] = []

    def slow() -> str:
        calls.append(1)
        release.wait(10)
        return "figures"

    started = time.monotonic()
    assert cache.get("k", slow) is None, "not there within the wait: being computed"
    assert cache.get("k", slow) is None
    assert time.monotonic() - started < 2
    release.set()
    deadline = time.monotonic() + 5
    while cache.get("k", slow) is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert cache.get("k", slow) == "figures" and len(calls) == 1


def test_pages_say_the_figures_are_being_computed_instead_of_waiting(
    settings: Settings, engine: Engine, clock: FixedClock, web: Any, make_user
) -> None:
    make_user("manager")
    app = create_app(settings, clock=clock)
    state = app.state.klantstem
    busy = threading.Event()
    state.executor.submit(busy.wait, 30)  # the figure thread is busy with something long
    with TestClient(app, base_url="http://127.0.0.1") as client:
        web.sign_in(client, "manager@example.nl")
        started = time.monotonic()
        page = client.get("/dashboard")
        assert time.monotonic() - started < 10
        assert page.status_code == 200 and 'id="computing"' in page.text and page.headers["Retry-After"]
        assert 'http-equiv="refresh"' in page.text and "worden berekend" in page.text
        for path in ("/process", "/themes"):
            assert 'id="computing"' in client.get(path).text, path
        api = client.get("/api/dashboard")
        assert api.status_code == 503 and api.json()["error"]["code"] == "computing" and api.headers["Retry-After"]
        busy.set()
        deadline = time.monotonic() + 30
        while 'id="computing"' in client.get("/dashboard").text and time.monotonic() < deadline:
            time.sleep(0.1)
        shown = client.get("/dashboard")
        assert shown.status_code == 200 and 'id="computing"' not in shown.text
    state.executor.shutdown(wait=True)  # the figures still being computed end before the next test empties the tables


def test_a_dashboard_request_waits_once_however_many_figures_it_shows(
    settings: Settings, engine: Engine, clock: FixedClock, web: Any, make_user
) -> None:
    """The dashboard shows two cached figures (the board and the promise lists): while they are computed, a request
    waits for the first at most, not for each in turn (it took two waits)."""
    make_user("manager")
    app = create_app(settings, clock=clock, figures_wait_s=4)
    state = app.state.klantstem
    busy = threading.Event()
    state.executor.submit(busy.wait, 60)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        web.sign_in(client, "manager@example.nl")
        started = time.monotonic()
        page = client.get("/dashboard")
        took = time.monotonic() - started
        assert 'id="computing"' in page.text
        assert 4 <= took < 7, f"{took:.1f} s: one wait is 4 s, two are 8 s"
        busy.set()
    state.executor.shutdown(wait=True)
