"""All SQL of the imports. Runs inside the caller's one transaction.

Bulk rows go through the driver's own `executemany` (sqlite3 or psycopg) on the transaction's connection:
SQLAlchemy's per-row work would cost more than the insert itself on a million-row file. New customers and
cases get their ids here up front (SQLite: counting on from max(id) under the import's write lock;
PostgreSQL: from the table's sequence), so a whole batch can be written in a few statements.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.schema import CreateIndex, DropIndex

from klantstem.db import schema

NAMED_TABLES = {"departments": schema.departments, "staff": schema.staff, "third_parties": schema.third_parties}
_IN_CHUNK = 500
DEFER_INDEXES_FROM = 50_000  # rows in a file from which a SQLite import builds non-unique indexes afterwards
_IMPORT_LOCK = 0x6B6C616E74  # the PostgreSQL advisory lock key of imports ("klant")
ROWS_PER_STATEMENT = 250  # 12 columns x 250 rows stays far below both databases' limits on parameters
_SQLITE_BULK_CACHE_KIB = 192 * 1024  # page cache while an import runs (the default is 2 MiB)


@contextmanager
def import_transaction(engine: Engine) -> Iterator[ImportStore]:
    """One transaction for a whole import: committed when the block ends, rolled back when it raises.

    With SQLite the connection is tuned for the duration: a larger page cache, so the indexes stay in memory,
    and no foreign-key checks, because every id an import writes is one it has just found or created inside
    this same transaction, which holds the database's write lock from its first statement (BEGIN
    IMMEDIATE). Both settings are restored before the connection goes back to the pool. With PostgreSQL an
    advisory lock held until the transaction ends lets one import run at a time, so two imports never both
    create the same new customer.
    """
    with engine.connect() as conn:
        raw: Any = conn.connection.driver_connection
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:  # outside a transaction: SQLite ignores these pragmas inside one
            cache_size = raw.execute("PRAGMA cache_size").fetchone()[0]
            raw.execute(f"PRAGMA cache_size = -{_SQLITE_BULK_CACHE_KIB}")
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                if not sqlite:  # one import at a time, as SQLite's write lock does it
                    raw.execute("SELECT pg_advisory_xact_lock(%s)", (_IMPORT_LOCK,))
                yield ImportStore(conn)
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys = ON")
                raw.execute(f"PRAGMA cache_size = {int(cache_size)}")


class ImportStore:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.is_sqlite = conn.dialect.name == "sqlite"
        self._raw: Any = conn.connection.driver_connection
        self._mark = "?" if self.is_sqlite else "%s"
        self._next_id: dict[str, int] = {}
        # While the contacts' unique fingerprint index is deferred: every fingerprint the table holds.
        self._contact_fingerprints: set[str] | None = None

    @property
    def connection(self) -> Connection:
        """The import's connection, in its open transaction: other services' writes join it through this."""
        return self._conn

    # --- values ---------------------------------------------------------------------------------------------

    def moment(self, utc_text: str) -> object:
        """A moment in stored UTC text ("2026-11-23 13:05:00.000000") as this driver should receive it.

        SQLite keeps exactly this text (the form SQLAlchemy writes); PostgreSQL gets a timezone-aware datetime.
        """
        if self.is_sqlite:
            return utc_text
        return datetime.fromisoformat(utc_text).replace(tzinfo=UTC)

    # --- reading --------------------------------------------------------------------------------------------

    def find_identities(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """Which of these identities belong to a customer already (a merged customer answers for its target)."""
        by_kind: dict[str, list[str]] = {}
        for kind, value in keys:
            by_kind.setdefault(kind, []).append(value)
        found: dict[tuple[str, str], int] = {}
        for kind, wanted in by_kind.items():
            for chunk in _chunks(wanted):
                sql = (
                    "SELECT i.value, coalesce(c.merged_into_id, c.id) FROM customer_identities i "
                    f"JOIN customers c ON c.id = i.customer_id WHERE i.kind = {self._mark} "
                    f"AND i.value IN ({self._marks(len(chunk))})"
                )
                for value, customer_id in self._rows(sql, [kind, *chunk]):
                    found[(kind, str(value))] = int(customer_id)
        return found

    def erased_fingerprints(self) -> frozenset[str]:
        """The fingerprints of erased identities (customers service's `identity_fingerprint`)."""
        return frozenset(str(row[0]) for row in self._rows("SELECT fingerprint FROM erased_identities", []))

    def has_rows(self, table: str) -> bool:
        if table not in schema.metadata.tables:
            raise ValueError(f"no table {table!r}")
        return bool(self._rows(f"SELECT EXISTS (SELECT 1 FROM {table})", [])[0][0])

    def find_cases(self, refs: Iterable[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for chunk in _chunks(list(refs)):
            sql = f"SELECT external_id, id FROM cases WHERE external_id IN ({self._marks(len(chunk))})"
            found.update((str(ref), int(case_id)) for ref, case_id in self._rows(sql, chunk))
        return found

    def find_named(self, table: str, name: str) -> int | None:
        """The id of the department, staff member or third party with this name (the oldest if several)."""
        named = NAMED_TABLES[table]
        query = select(named.c.id).where(named.c.name == name).order_by(named.c.id).limit(1)
        found = self._conn.execute(query).scalar()
        return None if found is None else int(found)

    def existing_story_fingerprints(self, fingerprints: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(fingerprints)):
            sql = f"SELECT fingerprint FROM stories WHERE fingerprint IN ({self._marks(len(chunk))})"
            found.update(str(row[0]) for row in self._rows(sql, chunk))
        return found

    # --- writing --------------------------------------------------------------------------------------------

    def reserve_ids(self, table: str, count: int) -> list[int]:
        """`count` fresh ids for rows this import will insert into `table` (customers, cases, stories)."""
        if count <= 0:
            return []
        if not self.is_sqlite:
            sql = "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)"
            return [int(row[0]) for row in self._rows(sql, [table, count])]
        if table not in _RESERVABLE:
            raise ValueError(f"ids are not reserved for {table!r}")
        if table not in self._next_id:
            top = self._rows(f"SELECT coalesce(max(id), 0) FROM {table}", [])[0][0]
            self._next_id[table] = int(top) + 1
        first = self._next_id[table]
        self._next_id[table] = first + count
        return list(range(first, first + count))

    @contextmanager
    def indexes_deferred(self, table_names: Sequence[str], expected_rows: int) -> Iterator[None]:
        """For a load that is large next to a table (SQLite), drop the table's non-unique indexes and build
        them again at the end of the block, in the same transaction.

        Building an index once from sorted keys costs far less than a million random insertions into it; a
        failed or killed import rolls the DROP back with everything else. Unique indexes stay, as the import
        looks rows up by them, except the contacts' fingerprint index: while it is away the fingerprints
        the table holds are kept in memory (at most about as many as the load brings) and `insert_contacts`
        leaves out the rows whose fingerprint is among them, as ON CONFLICT DO NOTHING would. Rebuilding it
        at the end also proves that nothing slipped through: a duplicate would fail the import. No other
        connection can write meanwhile (the import holds the write lock). PostgreSQL keeps its indexes (a
        dropped index would lock the table for readers until the import commits).
        """
        deferred = []
        for name in table_names if self.is_sqlite else ():
            table = schema.metadata.tables[name]
            existing = int(self._rows(f"SELECT coalesce(max(id), 0) FROM {table.name}", [])[0][0])
            if expected_rows >= max(DEFER_INDEXES_FROM, existing):
                deferred += sorted((ix for ix in table.indexes if not ix.unique), key=lambda ix: str(ix.name))
                if table is schema.contacts:
                    deferred.append(_CONTACT_FINGERPRINT_INDEX)
                    found = self._rows("SELECT fingerprint FROM contacts", [])
                    self._contact_fingerprints = {str(row[0]) for row in found}
        for index in deferred:
            self._conn.execute(DropIndex(index))
        yield
        self._contact_fingerprints = None
        for index in deferred:
            self._conn.execute(CreateIndex(index))

    def insert_named(self, table: str, values: dict[str, object]) -> int:
        named = NAMED_TABLES[table]
        return int(self._conn.execute(insert(named).values(**values).returning(named.c.id)).scalar_one())

    def insert_customers(self, rows: Sequence[tuple[int, str | None, str | None, str]]) -> None:
        values = [(i, name, postcode, self.moment(at)) for i, name, postcode, at in rows]
        self._insert("customers", ("id", "display_name", "postcode", "created_at"), values)

    def insert_identities(self, rows: Sequence[tuple[int, str, str]]) -> None:
        self._insert("customer_identities", ("customer_id", "kind", "value"), rows)

    def insert_cases(self, rows: Sequence[tuple[int, str, int | None, int | None, str]]) -> None:
        values = [(*row[:4], self.moment(row[4])) for row in rows]
        self._insert("cases", ("id", "external_id", "customer_id", "department_id", "opened_at"), values)

    def insert_contacts(self, values: list[Any]) -> int:
        """Insert contacts given as one flat list of values, CONTACT_COLUMNS for each in turn; returns how many
        were new (the others have a fingerprint the table already holds)."""
        seen = self._contact_fingerprints
        if seen is None:
            return self._insert_flat("contacts", CONTACT_COLUMNS, values, " ON CONFLICT (fingerprint) DO NOTHING")
        width = len(CONTACT_COLUMNS)
        fingerprints = values[width - 1 :: width]
        if seen.isdisjoint(fingerprints) and len(set(fingerprints)) == len(fingerprints):
            seen.update(fingerprints)  # the common case: all new, checked in C
        else:
            kept: list[Any] = []
            for at, key in zip(range(0, len(values), width), fingerprints, strict=True):
                if key not in seen:
                    seen.add(key)
                    kept += values[at : at + width]
            values = kept
        return self._insert_flat("contacts", CONTACT_COLUMNS, values)

    def insert_stories(self, rows: Sequence[tuple[Any, ...]]) -> None:
        self._insert("stories", STORY_COLUMNS, rows)

    def insert_steps(self, rows: Sequence[tuple[Any, ...]]) -> None:
        self._insert("story_steps", STEP_COLUMNS, rows)

    def insert_import_run(
        self, kind: str, file_name: str, file_sha256: str, counts: tuple[int, int, int], finished_at: datetime
    ) -> None:
        added, duplicates, rejected = counts
        self._conn.execute(
            insert(schema.import_runs).values(
                kind=kind, file_name=file_name[:500], file_sha256=file_sha256, added=added,
                duplicates=duplicates, rejected=rejected, finished_at=finished_at.astimezone(UTC),
            )
        )  # fmt: skip

    # --- helpers --------------------------------------------------------------------------------------------

    def _marks(self, count: int) -> str:
        return ", ".join([self._mark] * count)

    def _rows(self, sql: str, params: Sequence[object]) -> list[tuple[Any, ...]]:
        cursor = self._raw.cursor()
        try:
            cursor.execute(sql, params)
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[object]], suffix: str = "") -> int:
        return self._insert_flat(table, columns, [value for row in rows for value in row], suffix)

    def _insert_flat(self, table: str, columns: Sequence[str], values: list[Any], suffix: str = "") -> int:
        """Insert rows given as one flat list of values, ROWS_PER_STATEMENT rows to a statement; returns how
        many rows were inserted.

        One statement per few hundred rows keeps per-statement work (and, with SQLite, the driver letting go
        of the GIL and waiting to get it back) out of the per-row cost.
        """
        width = len(columns)
        count = len(values) // width
        if not count:
            return 0
        group = f"({self._marks(width)})"
        head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
        step = ROWS_PER_STATEMENT * width
        whole = count - count % ROWS_PER_STATEMENT
        cursor = self._raw.cursor()
        inserted = 0
        try:
            if whole:
                sql = head + ", ".join([group] * ROWS_PER_STATEMENT) + suffix
                cursor.executemany(sql, [values[at : at + step] for at in range(0, whole * width, step)])
                inserted += int(cursor.rowcount)
            if whole < count:
                cursor.execute(head + ", ".join([group] * (count - whole)) + suffix, values[whole * width :])
                inserted += int(cursor.rowcount)
        finally:
            cursor.close()
        return inserted


CONTACT_COLUMNS = (
    "customer_id", "case_id", "channel", "direction", "occurred_at", "staff_id", "department_id",
    "third_party_id", "subject", "text", "source", "fingerprint",
)  # fmt: skip
STORY_COLUMNS = (
    "id", "customer_id", "case_id", "staff_id", "perspective", "source", "channel", "told_at", "title", "text",
    "summary", "summary_confirmed", "fingerprint",
)  # fmt: skip
STEP_COLUMNS = ("story_id", "position", "description", "happened_at", "appraisal", "department_id")
_RESERVABLE = frozenset({"customers", "cases", "stories"})
_CONTACT_FINGERPRINT_INDEX = next(ix for ix in schema.contacts.indexes if ix.name == "uq_contacts_fingerprint")


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start : start + _IN_CHUNK]
