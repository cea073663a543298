"""SQL of the customers domain: customers, identities, delegates, merges, and personal data per customer.

Times are written in UTC (SQLite keeps no offset) and read back as aware UTC datetimes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, func, insert, or_, select, update

from klantstem.customers.identities import Identity
from klantstem.customers.model import MERGED_TABLES, CandidateRow, Customer, Delegate, Merge
from klantstem.dates import to_utc
from klantstem.db import schema

_CHUNK = 5000  # ids per IN (...) list; well below SQLite's limit on bound parameters
_OWNED: dict[str, tuple[Table, str]] = {
    name: (schema.metadata.tables[name], "customer_id") for name in MERGED_TABLES if name in schema.metadata.tables
}


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


# --- customers and identities -------------------------------------------------------------------------------


def insert_customer(conn: Connection, values: dict[str, Any]) -> int:
    values = {**values, "created_at": to_utc(values["created_at"])}
    return int(conn.execute(insert(schema.customers).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def insert_identities(conn: Connection, customer_id: int, identities: Iterable[Identity]) -> None:
    rows = [{"customer_id": customer_id, "kind": i.kind, "value": i.value} for i in identities]
    if rows:
        conn.execute(insert(schema.customer_identities), rows)


def identity_owner(conn: Connection, identity: Identity) -> int | None:
    ci = schema.customer_identities
    query = select(ci.c.customer_id).where(ci.c.kind == identity.kind, ci.c.value == identity.value)
    owner = conn.execute(query).scalar()
    return None if owner is None else int(owner)


_C, _CI, _D, _M = schema.customers, schema.customer_identities, schema.delegates, schema.customer_merges
# Built once: the story so far reads these for every customer shown (building a statement costs more than
# running it).
_CUSTOMER = select(_C).where(_C.c.id == bindparam("id"))
_IDENTITIES = select(_CI.c.kind, _CI.c.value).where(_CI.c.customer_id == bindparam("id")).order_by(_CI.c.kind, _CI.c.id)
_MERGED_INTO = select(_C.c.merged_into_id).where(_C.c.id == bindparam("id"))
_MERGED_FROM = select(_C.c.id).where(_C.c.merged_into_id.in_(bindparam("ids", expanding=True)))
_DELEGATES = select(_D).where(_D.c.customer_id == bindparam("id")).order_by(_D.c.valid_from, _D.c.id)
_MERGER, _UNDOER = schema.staff.alias("merger"), schema.staff.alias("undoer")
_MERGES = select(_M, _MERGER.c.name.label("merged_by_name"), _UNDOER.c.name.label("undone_by_name")).select_from(
    _M.outerjoin(_MERGER, _MERGER.c.id == _M.c.merged_by).outerjoin(_UNDOER, _UNDOER.c.id == _M.c.undone_by)
).where(
    or_(_M.c.source_id.in_(bindparam("ids", expanding=True)), _M.c.target_id.in_(bindparam("ids", expanding=True)))
)
_ALL_MERGES = _MERGES.order_by(_M.c.merged_at, _M.c.id)
_ACTIVE_MERGES = _MERGES.where(_M.c.undone_at.is_(None)).order_by(_M.c.merged_at, _M.c.id)


def get_customer(conn: Connection, customer_id: int) -> Customer | None:
    row = conn.execute(_CUSTOMER, {"id": customer_id}).mappings().first()
    if row is None:
        return None
    found = conn.execute(_IDENTITIES, {"id": customer_id})
    return Customer(
        id=int(row["id"]),
        display_name=row["display_name"],
        postcode=row["postcode"],
        address=row["address"],
        language=row["language"],
        opted_out=bool(row["opted_out"]),
        merged_into_id=row["merged_into_id"],
        created_at=to_utc(row["created_at"]),
        identities=tuple(Identity(str(k), str(v)) for k, v in found),
    )


def merged_into(conn: Connection, customer_id: int) -> tuple[bool, int | None]:
    """(exists, merged_into_id) of one customer."""
    row = conn.execute(_MERGED_INTO, {"id": customer_id}).first()
    return (False, None) if row is None else (True, row[0])


def merged_from(conn: Connection, customer_ids: Sequence[int]) -> list[int]:
    return [int(i) for i in conn.execute(_MERGED_FROM, {"ids": list(customer_ids)}).scalars()]


def set_fields(conn: Connection, customer_id: int, **values: Any) -> None:
    conn.execute(update(schema.customers).where(schema.customers.c.id == customer_id).values(**values))


def duplicate_candidates(conn: Connection) -> list[CandidateRow]:
    c = schema.customers
    query = select(c.c.id, c.c.display_name, c.c.postcode, c.c.address).where(
        c.c.merged_into_id.is_(None),
        c.c.display_name.is_not(None),
        or_(c.c.postcode.is_not(None), c.c.address.is_not(None)),
    )
    return [CandidateRow(int(i), str(n), p, a) for i, n, p, a in conn.execute(query)]


def names_of(conn: Connection, table: Table, ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {int(i): str(n) for i, n in conn.execute(select(table.c.id, table.c.name).where(table.c.id.in_(wanted)))}


# --- delegates ----------------------------------------------------------------------------------------------


def insert_delegate(conn: Connection, values: dict[str, Any]) -> int:
    values = {
        **values,
        "valid_from": to_utc(values["valid_from"]),
        "valid_until": to_utc(values["valid_until"]) if values.get("valid_until") else None,
    }
    return int(conn.execute(insert(schema.delegates).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def delegates_of(conn: Connection, customer_id: int) -> list[Delegate]:
    return [_delegate(row) for row in conn.execute(_DELEGATES, {"id": customer_id}).mappings()]


def get_delegate(conn: Connection, delegate_id: int) -> Delegate | None:
    row = conn.execute(select(schema.delegates).where(schema.delegates.c.id == delegate_id)).mappings().first()
    return None if row is None else _delegate(row)


def end_delegate(conn: Connection, delegate_id: int, at: datetime) -> None:
    d = schema.delegates
    conn.execute(update(d).where(d.c.id == delegate_id).values(valid_until=to_utc(at)))


def _delegate(row: Any) -> Delegate:
    return Delegate(
        id=int(row["id"]),
        customer_id=int(row["customer_id"]),
        name=str(row["name"]),
        relation=row["relation"],
        phone=row["phone"],
        email=row["email"],
        scope=tuple(str(row["scope"]).split(";")),
        valid_from=to_utc(row["valid_from"]),
        valid_until=to_utc(row["valid_until"]) if row["valid_until"] else None,
    )


# --- merges -------------------------------------------------------------------------------------------------


def move_rows(conn: Connection, source_id: int, target_id: int) -> dict[str, list[int]]:
    """Move every row of the source customer to the target; returns the ids moved per table."""
    moved: dict[str, list[int]] = {}
    for name, (table, column) in _OWNED.items():
        col = table.c[column]
        ids = sorted(int(i) for i in conn.execute(select(table.c.id).where(col == source_id)).scalars())
        if ids:
            conn.execute(update(table).where(col == source_id).values({column: target_id}))
        moved[name] = ids
    return moved


def move_back(conn: Connection, moved: dict[str, list[int]], source_id: int, target_id: int) -> int:
    """Return exactly the moved rows that are still with the target to the source; returns how many."""
    count = 0
    for name, ids in moved.items():
        if name not in _OWNED or not ids:
            continue
        table, column = _OWNED[name]
        for part in _chunks(ids):
            result = conn.execute(
                update(table).where(table.c.id.in_(part), table.c[column] == target_id).values({column: source_id})
            )
            count += result.rowcount
    return count


def insert_merge(
    conn: Connection, source_id: int, target_id: int, moved: dict[str, list[int]], by: int | None, at: datetime
) -> int:
    values = dict(source_id=source_id, target_id=target_id, moved=moved, merged_by=by, merged_at=to_utc(at))
    return int(conn.execute(insert(schema.customer_merges).values(**values)).inserted_primary_key[0])  # type: ignore[index]


def merges_of(conn: Connection, customer_ids: Sequence[int], active_only: bool = False) -> list[Merge]:
    query = _ACTIVE_MERGES if active_only else _ALL_MERGES
    return [_merge(row) for row in conn.execute(query, {"ids": list(customer_ids)}).mappings()]


def active_merge_of_source(conn: Connection, source_id: int) -> Merge | None:
    m = schema.customer_merges
    query = select(m).where(m.c.source_id == source_id, m.c.undone_at.is_(None)).order_by(m.c.id.desc())
    row = conn.execute(query).mappings().first()
    return None if row is None else _merge(row)


def mark_undone(conn: Connection, merge_id: int, at: datetime, by: int | None) -> None:
    m = schema.customer_merges
    conn.execute(update(m).where(m.c.id == merge_id).values(undone_at=to_utc(at), undone_by=by))


def _merge(row: Any) -> Merge:
    return Merge(
        id=int(row["id"]),
        source_id=int(row["source_id"]),
        target_id=int(row["target_id"]),
        moved={str(k): [int(i) for i in v] for k, v in dict(row["moved"]).items()},
        merged_by=row["merged_by"],
        merged_at=to_utc(row["merged_at"]),
        undone_at=to_utc(row["undone_at"]) if row["undone_at"] else None,
        undone_by=row["undone_by"],
        merged_by_name=row.get("merged_by_name"),
        undone_by_name=row.get("undone_by_name"),
    )


# --- personal data: export and erasure ----------------------------------------------------------------------


def rows_where(conn: Connection, table: Table, column: str, values: Sequence[int]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for part in _chunks(sorted(set(values))):
        query = select(table).where(table.c[column].in_(part)).order_by(table.c.id)
        found.extend(dict(row) for row in conn.execute(query).mappings())
    return found


def annotations_of(conn: Connection, targets: dict[str, Sequence[int]]) -> list[dict[str, Any]]:
    a = schema.annotations
    found: list[dict[str, Any]] = []
    for target, ids in targets.items():
        for part in _chunks(sorted(set(ids))):
            query = select(a).where(a.c.target == target, a.c.target_id.in_(part)).order_by(a.c.id)
            found.extend(dict(row) for row in conn.execute(query).mappings())
    return found


def erase_rows(
    conn: Connection,
    customer_ids: Sequence[int],
    contact_ids: Sequence[int],
    story_ids: Sequence[int],
    step_ids: Sequence[int],
) -> dict[str, int]:
    """Delete every personal row of these customers (children first) and detach their cases; returns counts."""
    counts: dict[str, int] = {}
    a, p = schema.annotations, schema.promises
    counts["annotations"] = sum(
        _delete_in(conn, a, "target_id", ids, a.c.target == target)
        for target, ids in (("contact", contact_ids), ("story", story_ids), ("story_step", step_ids))
    )
    for column in ("contact_id", "kept_by_contact_id"):  # promises of others that point at these contacts
        for part in _chunks(contact_ids):
            conn.execute(update(p).where(p.c[column].in_(part)).values({column: None}))
    counts["promises"] = _delete_in(conn, p, "customer_id", customer_ids)
    if "interview_links" in schema.metadata.tables:
        counts["interview_links"] = _delete_in(
            conn, schema.metadata.tables["interview_links"], "customer_id", customer_ids
        )
    counts["follow_ups"] = _delete_in(conn, schema.follow_ups, "story_id", story_ids)
    counts["story_steps"] = _delete_in(conn, schema.story_steps, "story_id", story_ids)
    for table in (schema.stories, schema.contacts, schema.outreach, schema.delegates, schema.customer_identities):
        counts[table.name] = _delete_in(conn, table, "customer_id", customer_ids)
    cases = schema.cases
    counts["cases_detached"] = 0
    for part in _chunks(customer_ids):
        detached = conn.execute(update(cases).where(cases.c.customer_id.in_(part)).values(customer_id=None, title=None))
        counts["cases_detached"] += detached.rowcount
    m = schema.customer_merges
    counts["customer_merges"] = conn.execute(
        delete(m).where(or_(m.c.source_id.in_(customer_ids), m.c.target_id.in_(customer_ids)))
    ).rowcount
    c = schema.customers
    conn.execute(update(c).where(c.c.id.in_(customer_ids)).values(merged_into_id=None))
    counts["customers"] = _delete_in(conn, c, "id", customer_ids)
    return counts


def record_erasure(
    conn: Connection, customer_id: int, erased_by: str, at: datetime, counts: str, fingerprints: set[str]
) -> None:
    """The audit row of an erasure and the fingerprints of its identities (those already kept stay as they are)."""
    conn.execute(
        insert(schema.erasures).values(customer_id=customer_id, erased_by=erased_by, erased_at=at, counts=counts)
    )
    e = schema.erased_identities
    known = set(conn.execute(select(e.c.fingerprint).where(e.c.fingerprint.in_(sorted(fingerprints)))).scalars())
    new = [{"fingerprint": value, "erased_at": at} for value in sorted(fingerprints - known)]
    if new:
        conn.execute(insert(e), new)


def latest_erasure_counts(conn: Connection, customer_id: int) -> str | None:
    """The counts (JSON) of the latest erasure of the customer that had this id, or None when none was erased."""
    e = schema.erasures
    query = select(e.c.counts).where(e.c.customer_id == customer_id).order_by(e.c.id.desc()).limit(1)
    found: str | None = conn.execute(query).scalar_one_or_none()
    return found


def _delete_in(conn: Connection, table: Table, column: str, ids: Sequence[int], *extra: Any) -> int:
    total = 0
    for part in _chunks(sorted(set(ids))):
        total += conn.execute(delete(table).where(table.c[column].in_(part), *extra)).rowcount
    return total


def count_rows(conn: Connection, table: Table, column: str, value: int) -> int:
    return int(conn.execute(select(func.count()).select_from(table).where(table.c[column] == value)).scalar_one())


def search_ids(conn: Connection, text: str, limit: int) -> list[int]:
    """Ids of customers (as stored, before merges) whose name holds `text`, whose postcode or customer number
    (external identity) is `text`, or who own a case with that number; names match without regard to case."""
    words = text.strip()
    compact = words.replace(" ", "").upper()
    pattern = "%" + words.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    cs = schema.cases
    by_name = select(_C.c.id).where(func.lower(_C.c.display_name).like(pattern, escape="\\"))
    by_postcode = select(_C.c.id).where(func.upper(func.replace(_C.c.postcode, " ", "")) == compact)
    by_number = select(_CI.c.customer_id).where(_CI.c.kind == "external", func.upper(_CI.c.value) == words.upper())
    by_case = select(cs.c.customer_id).where(cs.c.external_id == words, cs.c.customer_id.is_not(None))
    found: list[int] = []
    for query in (by_number, by_case, by_postcode, by_name):
        for customer_id in conn.execute(query.limit(limit)).scalars():
            if customer_id not in found:
                found.append(int(customer_id))
    return found[:limit]
