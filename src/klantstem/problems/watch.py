"""Verified, not assumed: after "fixed" the same series watches the step. A fixed problem is verified when, over
at least the configured number of weeks after the fix, its rate is back nearer its baseline than the level it had
as a problem; it is reopened when the rate stays at (or returns to) that level."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from klantstem.clock import Clock
from klantstem.dates import to_utc
from klantstem.problems import detection, store
from klantstem.problems.detection import Bases, Pool, period_of
from klantstem.problems.model import Rules


def watch_fixed(
    engine: Engine, clock: Clock, pool: Pool, bases: Bases, contact_bases: dict[str, dict[date, int]],
    rules: Rules, zone: ZoneInfo,
) -> tuple[list[int], list[int]]:  # fmt: skip
    """(verified, reopened) problem ids among the fixed ones."""
    now = clock.now()
    verified: list[int] = []
    reopened: list[int] = []
    series = detection.series_of(pool, "week")
    with engine.begin() as conn:
        for problem in store.problems(conn):
            if problem.status != "fixed" or problem.fixed_at is None:
                continue
            fixed = to_utc(problem.fixed_at)
            first = period_of(fixed, "week", zone)
            weeks = (period_of(now, "week", zone) - first).days // 7
            one = series.get((problem.step, problem.facet))
            base = bases["week"].get(problem.step) or contact_bases["week"]
            after = [p for p in base if p > first and base[p] > 0]
            x = sum(one.counts.get(p, 0) for p in after) if one is not None else 0
            n = sum(base[p] for p in after)
            rate = x / n if n else 0.0
            middle = ((problem.baseline or 0.0) + (problem.rate or 0.0)) / 2
            early = weeks < rules.verify_periods or not after
            if early and not (x >= rules.min_reports and rate > (problem.rate or 0.0)):
                continue  # too early to tell, and not plainly back at the problem's level
            detail = {"rate_after": round(rate, 4), "baseline": problem.baseline, "level": problem.rate,
                      "weeks": weeks, "reports_after": x}  # fmt: skip
            if rate <= middle:
                store.update_problem(conn, problem.id, status="verified", verified_at=now, progress_at=now)
                store.journal(conn, problem.id, now, None, "verified", **detail)
                verified.append(int(problem.id))
            else:
                store.update_problem(conn, problem.id, status="new", reopened=problem.reopened + 1, progress_at=now)
                store.journal(conn, problem.id, now, None, "reopened", **detail)
                reopened.append(int(problem.id))
    return verified, reopened
