"""Benchmark: structural-problem detection (`klantstem problems detect`) as a whole command from a cold start, at
the issue's size: 1 million contacts, 100,000 stories and 10 million process events.

The data: the demo organisation (about 10,600 contacts, 1,500 stories, 50,000 events, with its planted problems) is
built once and its texts are read once; then its customers, cases, contacts, stories, promises and labels are
copied `--copies` times as other customers of the same organisation (each copy has its own ids, fingerprints and
identities), and its process events `--event-copies` times (copies beyond the customer copies are cases of the
same log without a customer). Building and copying are not timed.

Then, each in a child process with its wall time, CPU time and peak memory (GNU time) and the load average before:
1. the first detection on the copied data (every base and every tally computed from nothing);
2. a second detection with nothing new (the bases are current: no period is counted again);
3. after a day of new contacts and events (one copy's last day added again as new rows), a third detection,
   which reworks only the periods those rows fall in.

    .venv/bin/python bench/problems_scale.py [--copies 96] [--event-copies 200] [--db /tmp/problems-scale.db]
    .venv/bin/python bench/problems_scale.py --copies 4 --event-copies 4   # a quick run
    .venv/bin/python bench/problems_scale.py --db /tmp/big/ps-full.db --build-only   # the report's database

`--build-only` builds the database, runs the first detection (so that there are problems to report on) and stops:
bench/report_scale.py's database at the issue's size.

With a PostgreSQL URL as --db (postgresql+psycopg://...) the same runs on PostgreSQL. Figures go to stdout and to
bench/out/problems_scale.json; docs/benchmarks.md quotes them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, func, insert, literal, null, select

from klantstem.clock import SystemClock
from klantstem.db import schema as S
from klantstem.db.engine import open_database
from klantstem.demo.service import build_demo
from klantstem.insights import service as insights
from klantstem.settings import Settings

HERE = Path(__file__).resolve().parent
KLANTSTEM = Path(sys.executable).parent / "klantstem"

# table -> {column: the table its value points into}; these ids move with the copy
REFERENCES: dict[str, dict[str, str]] = {
    "customers": {"id": "customers", "merged_into_id": "customers"},
    "customer_identities": {"id": "customer_identities", "customer_id": "customers"},
    "cases": {"id": "cases", "customer_id": "customers"},
    "contacts": {"id": "contacts", "customer_id": "customers", "case_id": "cases"},
    "stories": {"id": "stories", "customer_id": "customers", "case_id": "cases"},
    "story_steps": {"id": "story_steps", "story_id": "stories"},
    "promises": {"id": "promises", "customer_id": "customers", "case_id": "cases", "contact_id": "contacts",
                 "kept_by_contact_id": "contacts", "kept_by_event_id": "process_events"},  # fmt: skip
    "process_events": {"id": "process_events", "case_id": "cases"},
}
UNIQUE_TEXT = {"customer_identities": "value", "cases": "external_id", "contacts": "fingerprint",
               "stories": "fingerprint", "promises": "fingerprint", "process_events": "fingerprint"}  # fmt: skip
LABELLED = {"contact": "contacts", "story_step": "story_steps", "story": "stories"}


def _suffixed(column: Any, copy: int) -> Any:
    return func.substr(column, 1, 54) + literal(f"#{copy:05d}")


def _copy(conn: Any, table: Table, copy: int, offsets: dict[str, int], customer_copies: int) -> None:
    moved = REFERENCES[table.name]
    exprs = []
    for column in table.columns:
        target = moved.get(column.name)
        if target == "cases" and copy >= customer_copies:
            exprs.append(null())  # a case of the log without a customer record
        elif target is not None:
            exprs.append(column + copy * offsets[target])
        elif column.name == UNIQUE_TEXT.get(table.name) or (table.name, column.name) == ("process_events", "case_key"):
            exprs.append(_suffixed(column, copy))
        else:
            exprs.append(column)
    source = select(*exprs).where(table.c.id <= offsets[table.name])
    conn.execute(insert(table).from_select([c.name for c in table.columns], source))


def _copy_labels(conn: Any, copy: int, offsets: dict[str, int]) -> None:
    a = S.annotations
    for target, table in LABELLED.items():
        exprs = [a.c.id + copy * offsets["annotations"] if c.name == "id" else
                 a.c.target_id + copy * offsets[table] if c.name == "target_id" else c for c in a.columns]  # fmt: skip
        source = select(*exprs).where(a.c.id <= offsets["annotations"], a.c.target == target)
        conn.execute(insert(a).from_select([c.name for c in a.columns], source))


def build(db: str, copies: int, event_copies: int) -> dict[str, int]:
    settings = Settings().with_database(db)
    engine = open_database(settings, create=True)
    build_demo(engine)
    insights.analyse_voices(engine, SystemClock())
    insights.analyse_stories(engine, SystemClock())  # so that the copies carry their stories' labels too
    with engine.begin() as conn:
        offsets = {name: int(conn.execute(select(func.max(S.metadata.tables[name].c.id))).scalar() or 0)
                   for name in [*REFERENCES, "annotations"]}  # fmt: skip
        indexes = _drop_indexes(conn)
    for copy in range(1, max(copies, event_copies)):
        with engine.begin() as conn:
            for name in REFERENCES:
                if name == "process_events" and copy < event_copies or name != "process_events" and copy < copies:
                    _copy(conn, S.metadata.tables[name], copy, offsets, copies)
            if copy < copies:
                _copy_labels(conn, copy, offsets)
    with engine.begin() as conn:
        for sql in indexes:
            conn.exec_driver_sql(sql)
    counts = _counts(engine)
    engine.dispose()
    return counts


def _drop_indexes(conn: Any) -> list[str]:
    """On SQLite, the secondary indexes of the copied tables are dropped while copying and made again after (much
    faster than keeping them up to date row by row); returns the statements that make them."""
    if conn.dialect.name != "sqlite":
        return []
    names = [*REFERENCES, "annotations"]
    found = conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN "
        f"({', '.join(repr(n) for n in names)})"
    ).all()
    for name, _ in found:
        conn.exec_driver_sql(f"DROP INDEX {name}")
    return [str(sql) for _, sql in found]


def reset(db: str) -> None:
    """Forget what detection found and kept, so that the next run is a first run again."""
    engine = open_database(Settings().with_database(db), create=True)
    with engine.begin() as conn:
        for name in ("problem_reports", "problem_journal", "problem_actions", "outbox", "problem_messages",
                     "problems", "problem_bases", "problem_marks"):  # fmt: skip
            conn.execute(S.metadata.tables[name].delete())
    engine.dispose()


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {name: int(conn.execute(select(func.count()).select_from(S.metadata.tables[name])).scalar() or 0)
                for name in ("customers", "contacts", "stories", "story_steps", "promises", "process_events",
                             "annotations")}  # fmt: skip


def add_a_day(db: str) -> dict[str, int]:
    """New rows: the contacts and events of the first copy's last day, again, as a new copy."""
    engine = open_database(Settings().with_database(db), create=True)
    with engine.begin() as conn:
        for table in (S.contacts, S.process_events):
            last = conn.execute(select(func.max(table.c.occurred_at))).scalar()
            top = int(conn.execute(select(func.max(table.c.id))).scalar() or 0)
            fingerprint = func.substr(table.c.fingerprint, 1, 44) + literal(f"#day{top}")  # new on every run
            exprs = [table.c.id + top if c.name == "id" else fingerprint if c.name == "fingerprint" else c
                     for c in table.columns]  # fmt: skip
            day = last.replace(hour=0, minute=0, second=0, microsecond=0)
            source = select(*exprs).where(table.c.occurred_at >= day, ~table.c.fingerprint.contains("#"))
            conn.execute(insert(table).from_select([c.name for c in table.columns], source))
    counts = _counts(engine)
    engine.dispose()
    return counts


def timed_detect(db: str) -> dict[str, object]:
    """One whole `klantstem problems detect` in a child, with its wall time and peak memory (GNU time)."""
    command = ["/usr/bin/time", "-f", "%U %S %M", str(KLANTSTEM), "problems", "detect", "--format", "json", "--db", db]
    load = round(os.getloadavg()[0], 1)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"detect failed: {done.stderr.strip()[-800:]}")
    user, system, peak_kib = done.stderr.strip().splitlines()[-1].split()
    found = json.loads(done.stdout)
    kinds = [p["kind"] for p in found["problems"]]
    return {"seconds": round(seconds, 1), "cpu_seconds": round(float(user) + float(system), 1),
            "peak_mib": round(int(peak_kib) / 1024), "load_before": load, "voices": found["voices"],
            "structural": kinds.count("structural"), "incidents": kinds.count("incident"),
            "reworked": found.get("reworked")}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=96)
    parser.add_argument("--event-copies", type=int, default=200)
    parser.add_argument("--db", default="/tmp/problems-scale.db")
    parser.add_argument("--reuse", action="store_true", help="use a database built before (its problems are reset)")
    parser.add_argument("--build-only", action="store_true", help="build and detect once, then stop (no timing)")
    args = parser.parse_args()
    started = time.perf_counter()
    if args.reuse:
        reset(args.db)
        counts = _counts(open_database(Settings().with_database(args.db), create=True))
    else:
        if "://" not in args.db and os.path.exists(args.db):
            os.remove(args.db)
        if "://" not in args.db:
            Path(args.db).parent.mkdir(parents=True, exist_ok=True)
        counts = build(args.db, args.copies, args.event_copies)
    built = time.perf_counter() - started
    first = timed_detect(args.db)
    print("first detection", first, flush=True)
    if args.build_only:
        print(json.dumps({"counts": counts, "build_s": round(built, 1)}))
        return
    again = timed_detect(args.db)
    print("again, nothing new", again, flush=True)
    new_counts = add_a_day(args.db)
    after = timed_detect(args.db)
    print("after a new day", after, flush=True)
    result = {
        "copies": args.copies, "event_copies": args.event_copies, "counts": counts, "build_s": round(built, 1),
        "first_detection": first, "again_nothing_new": again,
        "new_rows": {k: new_counts[k] - counts[k] for k in ("contacts", "process_events")},
        "after_a_new_day": after, "cpus": os.cpu_count(), "load_at_end": os.getloadavg()[0],
    }  # fmt: skip
    print(json.dumps(result, indent=2))
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "problems_scale.json").write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
