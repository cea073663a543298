"""Benchmark: the story so far and the overdue scan at scale, on SQLite and on PostgreSQL.

Builds, in bulk and seeded, a database with 100,000 customers, 1,000,000 contacts and 1,000,000 promises (plus
cases, process events, stories, outreach and delegates); one customer has 1,000 contacts. Then times, through
the services the CLI uses:

- `contacts.service.story_so_far` for that customer (the whole timeline and the summary), target < 50 ms;
- `promises.service.scan` over all 1,000,000 promises (keep the ones a later contact or event fulfilled,
  break the overdue ones), target < 2 s; also the overdue listing and the kept-rate statistics.

    .venv/bin/python bench/history_promises.py --backend sqlite
    .venv/bin/python bench/history_promises.py --backend postgres   # database klantstem_bench on 127.0.0.1
    .venv/bin/python bench/history_promises.py --backend sqlite --reuse   # measure again, without building

PostgreSQL uses its own schema (`history_bench`) inside klantstem_bench, so other benchmarks there are left
alone. Figures go to stdout and to bench/out/history_promises_<backend>.json; docs/benchmarks.md quotes them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, text

from history_data import NOW, OUT, TARGET, build, existing_engine, fresh_engine  # a sibling script in bench/
from klantstem.clock import FixedClock
from klantstem.contacts import service as contacts
from klantstem.promises import service as promises

# --- the measurements ---------------------------------------------------------------------------------------


def timed(runs: int, action: Callable[[], object]) -> dict[str, float]:
    """Wall-clock median, p95 and max, and the median CPU time of this process (the machine may be shared)."""
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    walls.sort()
    return {
        "median_ms": _ms(statistics.median(walls)),
        "p95_ms": _ms(walls[min(len(walls) - 1, int(len(walls) * 0.95))]),
        "max_ms": _ms(walls[-1]),
        "cpu_median_ms": _ms(statistics.median(cpus)),
        "runs": runs,
    }


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def reset_scan(engine: Engine) -> None:
    """Undo what a scan changed (the bulk data marks its own decided promises 'bench')."""
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE promises SET status = 'open', resolved_at = NULL, kept_by_contact_id = NULL, "
                "kept_by_event_id = NULL, resolution_note = NULL WHERE status <> 'open' "
                "AND (resolution_note IS NULL OR resolution_note <> 'bench')"
            )
        )


def settle(engine: Engine) -> None:
    """What autovacuum does between scans on PostgreSQL (the resets above leave dead rows); SQLite: statistics."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE promises"))
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))


def measure_scans(engine: Engine) -> dict[str, Any]:
    """The catch-up scan (every promise that became overdue during the bulk load, ~50,000) and the steady scan
    of a register scanned every hour (the promises that became due in that hour)."""
    outcome: dict[str, Any] = {}

    def catch_up() -> None:
        reset_scan(engine)
        start, cpu = time.perf_counter(), time.process_time()
        result = promises.scan(engine, FixedClock(NOW))
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
        outcome.update(kept=result.kept, broken=result.broken)

    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(3):
        catch_up()
    scans = {
        "catch_up": {
            "median_ms": _ms(statistics.median(walls)),
            "max_ms": _ms(max(walls)),
            "cpu_median_ms": _ms(statistics.median(cpus)),
            "runs": 3,
            **outcome,
        }
    }
    settle(engine)
    hourly = []
    for hour in range(1, 6):
        clock = FixedClock(NOW + timedelta(hours=hour))
        start, cpu = time.perf_counter(), time.process_time()
        result = promises.scan(engine, clock)
        hourly.append((time.perf_counter() - start, time.process_time() - cpu, result.broken + result.kept))
    scans["hourly"] = {
        "median_ms": _ms(statistics.median(h[0] for h in hourly)),
        "max_ms": _ms(max(h[0] for h in hourly)),
        "cpu_median_ms": _ms(statistics.median(h[1] for h in hourly)),
        "runs": 5,
        "decided_per_scan": [h[2] for h in hourly],
    }
    scans["nothing_new"] = timed(3, lambda: promises.scan(engine, FixedClock(NOW + timedelta(hours=5))))
    return scans


def measure(engine: Engine, runs: int) -> dict[str, Any]:
    clock = FixedClock(NOW)
    for _ in range(3):  # warm the caches the way a running service has them warm
        story = contacts.story_so_far(engine, clock, TARGET)
    result: dict[str, Any] = {"story_entries": story.total_entries, "story_contacts": story.summary.contacts["total"]}
    result["story_so_far"] = timed(runs, lambda: contacts.story_so_far(engine, clock, TARGET))
    result["overdue_listing"] = timed(5, lambda: promises.overdue(engine, clock, 100))
    result["scan"] = measure_scans(engine)
    result["stats"] = timed(3, lambda: promises.stats(engine, clock))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--promises", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="Measure the database a previous run built.")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    start = time.perf_counter()
    if args.reuse:
        engine = existing_engine(args.backend, OUT / "history_promises.db")
        settle(engine)
        made: dict[str, int] = {}
    else:
        engine = fresh_engine(args.backend, OUT / "history_promises.db")
        made = build(engine, args.customers, args.contacts, args.promises, args.seed)
    report: dict[str, Any] = {
        "backend": args.backend,
        "built": made,
        ("prepare_seconds" if args.reuse else "build_seconds"): round(time.perf_counter() - start, 1),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average_before": os.getloadavg(),
    }
    report.update(measure(engine, args.runs))
    report["load_average_after"] = os.getloadavg()
    text_out = json.dumps(report, indent=2)
    print(text_out)
    (OUT / f"history_promises_{args.backend}.json").write_text(text_out + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
