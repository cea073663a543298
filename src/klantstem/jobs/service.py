"""Running the scheduled jobs: every due job once (`run_due`, for `klantstem worker --once` or a cron line), or
in a loop until told to stop (`run_forever`, for `klantstem serve` and `klantstem worker`)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from datetime import datetime

from klantstem.db.engine import reading
from klantstem.jobs import store
from klantstem.jobs.model import Job, JobContext, JobOutcome
from klantstem.jobs.registry import JOBS

__all__ = ["JOBS", "Job", "JobContext", "JobOutcome", "last_runs", "run_due", "run_forever", "start_in_background"]

_log = logging.getLogger(__name__)
TICK_S = 15.0  # how often the loop looks for due jobs


def run_due(
    ctx: JobContext, jobs: Iterable[Job] = JOBS, local_due: dict[str, datetime] | None = None
) -> list[JobOutcome]:
    """Run every job that is due now. Shared jobs are claimed in the database, so that several processes (web
    workers, a `klantstem worker`) run each one once per interval; local ones are due per process in
    `local_due` (name -> next moment; None: all of them now)."""
    done = []
    for job in jobs:
        now = ctx.clock.now()
        if job.shared:
            with ctx.engine.begin() as conn:
                store.ensure(conn, job.name, now)
                if not store.claim(conn, job.name, now, now + job.every):
                    continue
        elif local_due is not None:
            if local_due.get(job.name, now) > now:
                continue
            local_due[job.name] = now + job.every
        done.append(_run(ctx, job))
    return done


def _run(ctx: JobContext, job: Job) -> JobOutcome:
    started, clock_start = ctx.clock.now(), time.monotonic()
    try:
        result, ok = job.run(ctx), True
    except Exception as exc:  # noqa: BLE001 - one failing job must not stop the others; tried again next time
        result, ok = f"failed: {type(exc).__name__}", False
        _log.error("scheduled job %s failed: %s", job.name, type(exc).__name__)
    seconds = time.monotonic() - clock_start
    if job.shared:
        with ctx.engine.begin() as conn:
            store.finish(conn, job.name, ctx.clock.now(), result)
    _log.info("scheduled job %s: %s (%.1f s)", job.name, result, seconds)
    return JobOutcome(job.name, started, seconds, result, ok)


def run_forever(ctx: JobContext, stop: threading.Event, jobs: Iterable[Job] = JOBS, tick_s: float = TICK_S) -> None:
    """Run due jobs until `stop` is set, looking every `tick_s` seconds."""
    chosen = tuple(jobs)
    local_due: dict[str, datetime] = {}
    while not stop.is_set():
        try:
            run_due(ctx, chosen, local_due)
        except Exception as exc:  # noqa: BLE001 - e.g. the database is briefly unreachable: try again later
            _log.error("scheduled jobs could not run: %s", type(exc).__name__)
        stop.wait(tick_s)


def start_in_background(ctx: JobContext, jobs: Iterable[Job] = JOBS, tick_s: float = TICK_S) -> threading.Event:
    """Run the jobs in a daemon thread of this process; set the returned event to stop it."""
    stop = threading.Event()
    thread = threading.Thread(target=run_forever, args=(ctx, stop, tuple(jobs), tick_s), name="klantstem-jobs",
                              daemon=True)  # fmt: skip
    thread.start()
    return stop


def last_runs(ctx: JobContext) -> list[tuple[str, datetime | None, datetime | None, datetime | None, str | None]]:
    """(name, next due, last started, last finished, last outcome) of every shared job that ran here."""
    with reading(ctx.engine) as conn:
        return store.runs(conn)
