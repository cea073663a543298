"""Personal data per customer: export everything we hold about a person, and erase it.

Both cover the customer and every customer merged into it (one person). The export holds every row about the
person, their interview links and the process events of their cases. Erasure deletes contacts, stories with
their steps and follow-up questions, promises, outreach, delegates, interview links, identities and analysis
annotations of those texts; cases stay for the process analysis but lose their customer and title.

An erasure is gone from the file too: SQLite overwrites deleted content (`PRAGMA secure_delete`, set on every
connection) and the write-ahead log is checkpointed and truncated afterwards; on PostgreSQL, dead rows stay in
the table files until VACUUM (docs/privacy.md). Each erasure is recorded in `erasures` (who, when, which
customer id, counts per table; never the erased data), and each erased identity leaves a one-way fingerprint
(`identity_fingerprint`), so that an import of an old file refuses that person's rows instead of bringing them
back.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from klantstem.clock import Clock, SystemClock
from klantstem.customers import merges, store
from klantstem.dates import to_utc
from klantstem.db import schema
from klantstem.db.engine import checkpoint, reading
from klantstem.errors import KlantstemError, NotFoundError, UserInputError

EXPORTED = (
    "contacts", "stories", "promises", "cases", "outreach", "delegates", "customer_identities", "interview_links",
)  # fmt: skip


def export(engine: Engine, clock: Clock, customer_id: int) -> dict[str, Any]:
    """Everything held about the person behind `customer_id`, as JSON-ready data."""
    with reading(engine) as conn:
        canonical = merges.resolve(conn, customer_id)
        tree = merges.merged_tree(conn, canonical)
        data: dict[str, Any] = {"exported_at": clock.now().isoformat(), "customer_id": canonical}
        data["customers"] = store.rows_where(conn, schema.customers, "id", tree)
        for name in EXPORTED:
            data[name] = store.rows_where(conn, schema.metadata.tables[name], "customer_id", tree)
        story_ids = [int(s["id"]) for s in data["stories"]]
        data["story_steps"] = store.rows_where(conn, schema.story_steps, "story_id", story_ids)
        data["follow_ups"] = store.rows_where(conn, schema.follow_ups, "story_id", story_ids)
        data["annotations"] = store.annotations_of(
            conn,
            {
                "contact": [int(c["id"]) for c in data["contacts"]],
                "story": story_ids,
                "story_step": [int(s["id"]) for s in data["story_steps"]],
            },
        )
        data["customer_merges"] = [m.as_dict() for m in store.merges_of(conn, tree)]
        case_ids = [int(c["id"]) for c in data["cases"]]
        data["process_events"] = store.rows_where(conn, schema.process_events, "case_id", case_ids)
    plain: dict[str, Any] = _plain(data)
    return plain


def identity_fingerprint(kind: str, value: str) -> str:
    """A one-way fingerprint of a normalised identity (kind and value), as kept for an erased customer. No value
    can be read from it; whoever holds the database and guesses a value can test it, which is what recognising
    an erased person in a later import needs."""
    return hashlib.sha256(f"klantstem erased identity\x1f{kind}\x1f{value}".encode()).hexdigest()


def erase(engine: Engine, customer_id: int, erased_by: str, clock: Clock | None = None) -> dict[str, int]:
    """Delete the personal data of the person behind `customer_id`, record the erasure (who, when, counts) and the
    fingerprints of its identities, and make the deleted data unreadable in the database file; returns what was
    deleted per table."""
    now = (clock or SystemClock()).now()
    try:
        with engine.begin() as conn:
            exists, into = store.merged_into(conn, customer_id)
            if not exists:
                raise NotFoundError(f"customer {customer_id} does not exist")
            if into is not None:
                raise UserInputError(
                    f"customer {customer_id} was merged into customer {into}; erase customer {into} "
                    "(that erases both), or undo the merge first"
                )
            tree = merges.merged_tree(conn, customer_id)
            identities = store.rows_where(conn, schema.customer_identities, "customer_id", tree)
            contact_ids = [int(r["id"]) for r in store.rows_where(conn, schema.contacts, "customer_id", tree)]
            story_ids = [int(r["id"]) for r in store.rows_where(conn, schema.stories, "customer_id", tree)]
            step_ids = [int(r["id"]) for r in store.rows_where(conn, schema.story_steps, "story_id", story_ids)]
            counts = store.erase_rows(conn, tree, contact_ids, story_ids, step_ids)
            fingerprints = {identity_fingerprint(str(r["kind"]), str(r["value"])) for r in identities}
            store.record_erasure(conn, customer_id, erased_by[:200], now, json.dumps(counts), fingerprints)
    except IntegrityError:
        raise KlantstemError(
            f"customer {customer_id} cannot be erased: other records still refer to it; nothing was deleted"
        ) from None
    checkpoint(engine)
    return counts


def erased(engine: Engine, customer_id: int) -> dict[str, int] | None:
    """What the latest erasure of the customer that had this id deleted, per table (from the audit trail), or None
    when that customer was never erased."""
    with reading(engine) as conn:
        counts = store.latest_erasure_counts(conn, customer_id)
    return None if counts is None else {str(name): int(n) for name, n in json.loads(counts).items()}


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, datetime):
        return to_utc(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value
