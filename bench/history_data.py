"""Bulk data for bench/history_promises.py: a fresh database (SQLite file, or a schema of its own in the
PostgreSQL database klantstem_bench) filled, seeded, with customers, contacts, promises, cases, process events,
and one customer with 1,000 contacts, stories, outreach and delegates. Rows go in by executemany on SQLite and
COPY on PostgreSQL.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text

from klantstem.db.engine import open_database
from klantstem.settings import Settings

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"
PG_SCHEMA = "history_bench"
NOW = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)  # a Monday
YEAR = 365 * 86400
BATCH = 50_000
TARGET = 1  # the customer with 1,000 contacts

CHANNELS = ["phone", "email", "whatsapp", "web_form", "letter", "visit", "social_media", "review_site"]
KINDS = ["callback", "letter", "email", "visit", "answer", "delivery", "repair"]
SUBJECTS = ["Simkaart", "Factuur", "Proefrit", "Levering", "Storing", "Klacht", "Afspraak", "Terugbelverzoek"]
TEXTS = [
    "Ik heb al drie keer gebeld en niemand belt terug.",
    "De brief die ik kreeg begrijp ik niet.",
    "Mijn simkaart is na tien dagen nog steeds niet binnen.",
    "De medewerker was erg vriendelijk en heeft het direct opgelost.",
    "Na de proefrit zou de dealer bellen, maar ik hoorde niets.",
    "Could someone please call me back about my invoice?",
]


# --- the database -------------------------------------------------------------------------------------------


def existing_engine(backend: str, sqlite_path: Path) -> Engine:
    """The database a previous run built (to measure again without building)."""
    if backend == "sqlite":
        if not sqlite_path.exists():
            raise SystemExit(f"{sqlite_path} does not exist: run once without --reuse")
        return open_database(Settings(database_url=f"sqlite:///{sqlite_path}"), create=True)
    return open_database(Settings(database_url=f"{PG_SERVER}/klantstem_bench?options=-csearch_path%3D{PG_SCHEMA}"))


def fresh_engine(backend: str, sqlite_path: Path) -> Engine:
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
        return open_database(Settings(database_url=f"sqlite:///{sqlite_path}"), create=True)
    server = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        if conn.execute(text("SELECT 1 FROM pg_database WHERE datname = 'klantstem_bench'")).first() is None:
            conn.execute(text("CREATE DATABASE klantstem_bench"))
    server.dispose()
    bench = create_engine(f"{PG_SERVER}/klantstem_bench", isolation_level="AUTOCOMMIT")
    with bench.connect() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {PG_SCHEMA} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {PG_SCHEMA}"))
    bench.dispose()
    url = f"{PG_SERVER}/klantstem_bench?options=-csearch_path%3D{PG_SCHEMA}"
    return open_database(Settings(database_url=url), create=True)


def bulk_insert(engine: Engine, table: str, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]) -> int:
    """Insert many rows the fastest way each database offers: executemany on SQLite, COPY on PostgreSQL."""
    count = 0
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        if engine.dialect.name == "sqlite":
            marks = ", ".join("?" for _ in columns)
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
            cursor.execute("BEGIN")  # the engine runs SQLite in autocommit mode and lets SQLAlchemy begin
            for batch in _batches(rows):
                cursor.executemany(sql, batch)
                count += len(batch)
        else:
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                for row in rows:
                    copy.write_row(row)
                    count += 1
        raw.commit()
    finally:
        raw.close()
    return count


def _batches(rows: Iterable[tuple[Any, ...]]) -> Iterator[list[tuple[Any, ...]]]:
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def time_writer(engine: Engine) -> Callable[[datetime], Any]:
    """Moments as each driver takes them in bulk: SQLAlchemy's SQLite text, or aware datetimes for COPY."""
    if engine.dialect.name == "sqlite":
        return lambda moment: moment.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
    return lambda moment: moment


# --- the data -----------------------------------------------------------------------------------------------


def build(engine: Engine, n_customers: int, n_contacts: int, n_promises: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    at = time_writer(engine)
    yes_no = (lambda b: int(b)) if engine.dialect.name == "sqlite" else (lambda b: bool(b))
    made: dict[str, int] = {}
    made["departments"] = bulk_insert(
        engine, "departments", ["id", "name"], ((i, f"Afdeling {i}") for i in range(1, 21))
    )
    made["staff"] = bulk_insert(
        engine,
        "staff",
        ["id", "name", "role", "department_id", "active"],
        ((i, f"Medewerker {i}", "agent", 1 + i % 20, yes_no(True)) for i in range(1, 201)),
    )
    made["third_parties"] = bulk_insert(
        engine, "third_parties", ["id", "name", "kind"], ((i, f"Dealer {i}", "dealer") for i in range(1, 51))
    )
    made["customers"] = bulk_insert(
        engine,
        "customers",
        ["id", "display_name", "postcode", "opted_out", "created_at"],
        (
            (i, f"Klant {i}", f"{1000 + i % 8999} AB", yes_no(False), at(NOW - timedelta(days=400)))
            for i in range(1, n_customers + 1)
        ),
    )
    made["customer_identities"] = bulk_insert(
        engine,
        "customer_identities",
        ["customer_id", "kind", "value"],
        ((i, "email", f"klant{i}@example.nl") for i in range(1, n_customers + 1)),
    )
    n_cases = n_customers // 2
    made["cases"] = bulk_insert(
        engine,
        "cases",
        ["id", "customer_id", "title", "kind", "owner_id", "department_id", "status", "opened_at"],
        (_case(i, n_customers, rng, at) for i in range(1, n_cases + 1)),
    )
    made["contacts"] = bulk_insert(engine, "contacts", CONTACT_COLUMNS, _contacts(n_contacts, n_customers, rng, at))
    made["promises"] = bulk_insert(
        engine, "promises", PROMISE_COLUMNS, _promises(n_promises, n_customers, n_cases, rng, at)
    )
    made["process_events"] = bulk_insert(engine, "process_events", EVENT_COLUMNS, _events(n_cases, rng, at))
    made.update(_target_extras(engine, rng, at))
    _finish(engine)
    return made


def _case(i: int, n_customers: int, rng: random.Random, at: Callable[[datetime], Any]) -> tuple[Any, ...]:
    customer = TARGET if i <= 5 else rng.randint(1, n_customers)
    status = "open" if i <= 2 or rng.random() < 0.2 else "closed"
    kind = "complaint" if rng.random() < 0.1 else "question"
    opened = at(NOW - timedelta(seconds=rng.randint(0, YEAR)))
    return (i, customer, rng.choice(SUBJECTS), kind, rng.randint(1, 200), rng.randint(1, 20), status, opened)


CONTACT_COLUMNS = [
    "customer_id",
    "case_id",
    "channel",
    "direction",
    "occurred_at",
    "staff_id",
    "department_id",
    "third_party_id",
    "subject",
    "text",
    "source",
    "fingerprint",
]


def _contacts(n: int, n_customers: int, rng: random.Random, at: Callable[[datetime], Any]) -> Iterator[tuple[Any, ...]]:
    for i in range(n):
        customer = TARGET if i < 1000 else rng.randint(2, n_customers)
        outbound = rng.random() < 0.35
        third_party = rng.randint(1, 50) if outbound and rng.random() < 0.1 else None
        yield (
            customer,
            (i % 5) + 1 if customer == TARGET else None,
            rng.choice(CHANNELS),
            "outbound" if outbound else "inbound",
            at(NOW - timedelta(seconds=rng.randint(60, YEAR))),
            rng.randint(1, 200),
            rng.randint(1, 20),
            third_party,
            rng.choice(SUBJECTS),
            rng.choice(TEXTS),
            "bench",
            f"bench-contact-{i}",
        )


PROMISE_COLUMNS = [
    "customer_id",
    "case_id",
    "kind",
    "description",
    "staff_id",
    "department_id",
    "third_party_id",
    "made_at",
    "due_at",
    "status",
    "resolved_at",
    "fingerprint",
    "source",
    "due_phrase",
    "expected_activity",
    "resolution_note",
]


def _promises(
    n: int, n_customers: int, n_cases: int, rng: random.Random, at: Callable[[datetime], Any]
) -> Iterator[tuple[Any, ...]]:
    """Mostly decided promises from the past year; about 10% still open, half of those past their due time."""
    for i in range(n):
        customer = TARGET if i < 30 else rng.randint(1, n_customers)
        made = NOW - timedelta(seconds=rng.randint(3600, YEAR))
        due = made + timedelta(hours=rng.choice((1, 2, 24, 72, 240)))
        if rng.random() < 0.1:
            if rng.random() < 0.5:  # open and not yet due
                made, due = NOW - timedelta(hours=1), NOW + timedelta(hours=rng.randint(1, 240))
            status, resolved, note = "open", None, None
        else:
            status = rng.choices(("kept", "broken", "cancelled"), (70, 25, 5))[0]
            resolved, note = at(min(due, NOW)), "bench"
        kind = rng.choice(KINDS)
        third_party = rng.randint(1, 50) if rng.random() < 0.2 else None
        case = rng.randint(1, n_cases) if kind in ("delivery", "repair") else None
        yield (
            customer,
            case,
            kind,
            "Beloofd in het gesprek",
            rng.randint(1, 200),
            rng.randint(1, 20),
            third_party,
            at(made),
            at(due),
            status,
            resolved,
            f"bench-promise-{i}",
            "import",
            None,
            "Verzonden" if case else None,
            note,
        )


EVENT_COLUMNS = ["log_name", "case_key", "case_id", "activity", "occurred_at", "resource", "team", "fingerprint"]


def _events(n_cases: int, rng: random.Random, at: Callable[[datetime], Any]) -> Iterator[tuple[Any, ...]]:
    activities = ["Melding geregistreerd", "In behandeling", "Doorgezet", "Verzonden", "Afgesloten"]
    for case in range(1, n_cases + 1):
        per_case = 50 if case <= 5 else 2
        start = NOW - timedelta(seconds=rng.randint(86400, YEAR))
        for j in range(per_case):
            yield (
                "bench",
                f"C{case}",
                case,
                activities[j % 5],
                at(start + timedelta(hours=j)),
                f"Medewerker {rng.randint(1, 200)}",
                f"Team {j % 7}",
                f"bench-event-{case}-{j}",
            )


def _target_extras(engine: Engine, rng: random.Random, at: Callable[[datetime], Any]) -> dict[str, int]:
    """Stories with steps, outreach and delegates of the customer whose history is read."""
    made = {
        "stories": bulk_insert(
            engine,
            "stories",
            ["id", "customer_id", "case_id", "perspective", "source", "told_at", "title", "summary", "fingerprint"],
            (
                (
                    i,
                    TARGET,
                    1 + i % 5,
                    "customer",
                    "interview",
                    at(NOW - timedelta(days=i * 20)),
                    f"Verhaal {i}",
                    rng.choice(TEXTS),
                    f"bench-story-{i}",
                )
                for i in range(1, 11)
            ),
        )
    }
    made["story_steps"] = bulk_insert(
        engine,
        "story_steps",
        ["story_id", "position", "description", "appraisal"],
        (
            (s, p, rng.choice(TEXTS), rng.choice(("bad", "normal", "excellent")))
            for s in range(1, 11)
            for p in range(1, 6)
        ),
    )
    made["outreach"] = bulk_insert(
        engine,
        "outreach",
        ["customer_id", "topic", "channel", "asked_at", "outcome"],
        ((TARGET, f"onderwerp {i}", "email", at(NOW - timedelta(days=i * 15)), "sent") for i in range(1, 21)),
    )
    made["delegates"] = bulk_insert(
        engine,
        "delegates",
        ["customer_id", "name", "relation", "scope", "valid_from"],
        ((TARGET, f"Gemachtigde {i}", "partner", "all", at(NOW - timedelta(days=99))) for i in range(1, 3)),
    )
    return made


def _finish(engine: Engine) -> None:
    """Sequences after explicit ids (PostgreSQL) and fresh planner statistics (both)."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            for table in ("departments", "staff", "third_parties", "customers", "cases", "stories"):
                conn.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
                )
        conn.execute(text("ANALYZE"))
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
