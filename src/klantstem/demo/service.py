"""The demo organisation: `build_demo(engine, seed, ...)` generates it and writes it in one transaction.

The demo needs a database of its own: it refuses one that already holds contacts, customers or other data, and it
refuses to build twice unless asked to rebuild (`force`), which it only does when the database holds nothing but
a previous demo. Same seed and same anchor date: the same rows, byte for byte.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time

from sqlalchemy import Connection, Engine

from klantstem.demo import store
from klantstem.demo.generate import generate
from klantstem.demo.model import DEFAULT_SEED, DEFAULT_UNTIL, DemoReport, DemoSize, Row
from klantstem.demo.period import to_utc
from klantstem.errors import UserInputError

__all__ = ["DEFAULT_SEED", "DEFAULT_UNTIL", "DemoReport", "DemoSize", "build_demo", "generate_rows", "parse_until"]


def generate_rows(
    seed: int = DEFAULT_SEED, until: date = DEFAULT_UNTIL, size: DemoSize | None = None
) -> dict[str, list[Row]]:
    """The demo's rows per table, in memory only (for inspection and benchmarks)."""
    return generate(seed, until, size or DemoSize())


def parse_until(text: str) -> date:
    """The anchor date from `--until YYYY-MM-DD`."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserInputError(f"the last day of the demo must be a date as YYYY-MM-DD, not {text!r}") from None


def build_demo(
    engine: Engine,
    seed: int = DEFAULT_SEED,
    until: date = DEFAULT_UNTIL,
    size: DemoSize | None = None,
    force: bool = False,
) -> DemoReport:
    """Build the demo organisation for the year ending on `until`; returns the rows written per table."""
    size = size or DemoSize()
    if size.customers < 1 or size.events < 1 or size.contacts < 0 or size.stories < 0:
        raise UserInputError("the demo needs at least one customer and one event")
    with engine.connect() as conn:
        _check(conn, force)  # fail fast, before the generating work
    rows = generate(seed, until, size)
    rows["import_runs"] = [_run_row(seed, until, rows)]
    with engine.begin() as conn:
        _check(conn, force)  # again inside the writing transaction, in case someone wrote meanwhile
        if store.demo_runs(conn):
            store.wipe(conn)
        store.insert_all(conn, rows)
    counts = {name: len(rows.get(name, [])) for name in store.INSERT_ORDER if name != "import_runs"}
    return DemoReport(seed=seed, until=until, counts=counts)


def _check(conn: Connection, force: bool) -> None:
    runs = store.demo_runs(conn)
    counts = store.table_counts(conn)
    held = {name: n for name, n in counts.items() if n}
    if runs:
        run = runs[-1]
        if not force:
            raise UserInputError(
                f"this database already holds the demo ({run['file_name']})",
                code="demo_present",
            )
        extra = sum(counts.values()) - int(str(run["added"]))
        if len(runs) > 1 or store.other_runs(conn) or extra:
            raise UserInputError(
                f"this database holds other data besides the demo ({extra:+,} rows, or imports, since it was built);"
                " refusing to rebuild it",
                code="demo_not_alone",
            )
        return
    if held or store.other_runs(conn):
        listed = ", ".join(f"{n:,} {name.replace('_', ' ')}" for name, n in list(held.items())[:4]) or "imports"
        raise UserInputError(
            f"this database already holds data ({listed}); the demo needs an empty database",
            code="database_not_empty",
        )


def _run_row(seed: int, until: date, rows: dict[str, list[Row]]) -> Row:
    """The demo's own entry in import_runs: it marks the database as holding the demo and records its digest."""
    digest = hashlib.sha256()
    for name in store.CHECKED_TABLES:
        for row in rows.get(name, []):
            digest.update(repr(sorted(row.items())).encode())
    added = sum(len(rows.get(name, [])) for name in store.CHECKED_TABLES)
    return {
        "id": 1,
        "kind": store.DEMO_KIND,
        "file_name": f"klantstem demo --seed {seed} --until {until.isoformat()}",
        "file_sha256": digest.hexdigest(),
        "added": added,
        "duplicates": 0,
        "rejected": 0,
        "finished_at": to_utc(datetime.combine(until, time(23, 59, 59))),
    }
