"""Proof: imports killed with SIGKILL at random moments change nothing, and a finished import equals a clean one.

For each database (SQLite, and PostgreSQL when --postgres names one), a contact file and an event log are
imported by `klantstem import ...` in a child process that is killed with SIGKILL after a random delay (seeded).
After every kill the database must hold exactly what it held before (counts of every table; on SQLite also
`PRAGMA integrity_check`). At the end the import runs to completion, and its counts must equal those of the same
import into an empty database.

    .venv/bin/python bench/import_kills.py [--kills 20] [--rows 30000] [--seed 25]
        [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/klantstem_wt25]

Prints one line per kill and a summary; exit code 1 when any check failed. CI runs a handful of kills in
tests/imports/test_import_kill.py and tests/events/test_events_import.py.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import Engine, func, select, text

from klantstem.db import schema
from klantstem.db.engine import open_database
from klantstem.settings import Settings

KLANTSTEM = [sys.executable, "-c", "from klantstem.cli.main import run; run()"]


def contacts_file(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write("customer_ref;phone;channel;occurred_at;department;case_ref;text\n")
        for n in range(rows):
            out.write(
                f"K{n % 3000};06{20000000 + n % 3000};telefoon;{1 + n % 28:02d}-03-2026 {n % 24:02d}:{n % 60:02d};"
                f"Afdeling {n % 7};Z{n % 9000};Bericht {n} over de levering\n"
            )
    return path


def events_file(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write("case;activity;timestamp;resource\n")
        for n in range(rows):
            out.write(f"R-{n // 5};Stap {n % 5};{1 + n % 28:02d}-04-2026 {n % 24:02d}:{n % 60:02d};Mw {n % 11}\n")
    return path


def counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
            for name, table in schema.metadata.tables.items()
        }


def intact(engine: Engine) -> bool:
    if engine.dialect.name != "sqlite":
        return True
    with engine.connect() as conn:
        return conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"


def run(kind: str, path: Path, db: str, kill_after: float | None) -> int | None:
    """The import's exit code, or None when it was killed first."""
    child = subprocess.Popen(
        [*KLANTSTEM, "import", kind, str(path), "--db", db],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=dict(os.environ, KLANTSTEM_IMPORT_BATCH_SIZE="500"),
    )
    try:
        child.wait(timeout=kill_after)
        return child.returncode
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait()
        return None


def prove(db: str, files: dict[str, Path], kills: int, draw: random.Random, full: dict[str, int]) -> int:
    """Kill imports into `db` at random moments; returns the number of failed checks."""
    engine = open_database(Settings().with_database(db), create=True)
    failures = 0
    for number in range(kills):
        kind = draw.choice(sorted(files))
        before = counts(engine)
        delay = draw.uniform(0.3, full[kind] * 0.95)
        code = run(kind, files[kind], db, delay)
        same, ok = counts(engine) == before, intact(engine)
        if code is None and not (same and ok):
            failures += 1
        print(
            f"{engine.dialect.name} kill {number + 1}: {kind} after {delay:.2f} s: "
            f"{'finished first' if code is not None else ('unchanged' if same and ok else 'CHANGED')}"
        )
        if code is not None:  # it finished before the kill: start again from an empty database
            engine.dispose()
            engine = fresh(db)
    for kind, path in files.items():
        if run(kind, path, db, None) != 0:
            failures += 1
    final = counts(engine)
    engine.dispose()
    clean = fresh(db)
    for kind, path in files.items():
        run(kind, path, db, None)
    expected = counts(clean)
    clean.dispose()
    keys = ("contacts", "customers", "cases", "process_events")
    if {k: final[k] for k in keys} != {k: expected[k] for k in keys}:
        failures += 1
        print(f"after the kills {final} but a clean import gives {expected}")
    return failures


def fresh(db: str) -> Engine:
    """An empty database at `db` (SQLite file removed, PostgreSQL tables emptied)."""
    if "://" not in db:
        for path in Path(db).parent.glob(Path(db).name + "*"):
            path.unlink()
    engine = open_database(Settings().with_database(db), create=True)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            names = ", ".join(table.name for table in schema.metadata.sorted_tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    return engine


def timed(kind: str, path: Path, db: str) -> float:
    fresh(db).dispose()
    started = time.perf_counter()
    run(kind, path, db, None)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--seed", type=int, default=25)
    parser.add_argument("--postgres", default="")
    args = parser.parse_args()
    draw = random.Random(args.seed)
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        files = {"contacts": contacts_file(Path(folder) / "contacts.csv", args.rows),
                 "events": events_file(Path(folder) / "events.csv", args.rows)}  # fmt: skip
        for db in [str(Path(folder) / "kills.db"), *([args.postgres] if args.postgres else [])]:
            full = {kind: timed(kind, path, db) for kind, path in files.items()}
            fresh(db).dispose()
            failures += prove(db, files, args.kills, draw, full)
    print(f"{failures} failed checks")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
