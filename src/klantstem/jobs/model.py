"""What a scheduled job is and what it is given."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine

from klantstem.clock import Clock
from klantstem.settings import Settings


@dataclass(frozen=True)
class JobContext:
    engine: Engine
    settings: Settings
    clock: Clock


@dataclass(frozen=True)
class Job:
    """A named analysis run every `every`. `run` does the work and returns one line saying what it did (counts,
    never personal data). A shared job runs in one process at a time across every process on the database
    (claimed in the `job_runs` table); a local one (e.g. warming one web process's figures) in each process."""

    name: str
    every: timedelta
    run: Callable[[JobContext], str]
    shared: bool = True


@dataclass(frozen=True)
class JobOutcome:
    name: str
    started_at: datetime
    seconds: float
    result: str  # what the job said, or "failed: <ExceptionType>"
    ok: bool
