"""Merging two customers into one history, audited, and undoing it without losing a contact."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, select

from klantstem.clock import Clock
from klantstem.customers import store
from klantstem.customers.model import Merge
from klantstem.dates import to_utc
from klantstem.db import schema
from klantstem.errors import NotFoundError, UserInputError


def merge(engine: Engine, clock: Clock, source_id: int, target_id: int, merged_by: int | None = None) -> Merge:
    """Move every row of `source_id` (contacts, stories, promises, cases, outreach, identities, delegates) to
    `target_id`; the source remains as a pointer to the target. Refused, changing nothing, when it makes no sense."""
    if source_id == target_id:
        raise UserInputError(f"cannot merge customer {source_id} into itself", code="merge_itself", id=source_id)
    with engine.begin() as conn:
        for customer_id in (source_id, target_id):
            exists, into = store.merged_into(conn, customer_id)
            if not exists:
                raise NotFoundError(f"customer {customer_id} does not exist")
            if into is not None:
                raise UserInputError(
                    f"customer {customer_id} was already merged into customer {into}; use customer {into} instead",
                    code="merge_merged", id=customer_id, into=into,
                )
        _require_staff(conn, merged_by)
        moved = store.move_rows(conn, source_id, target_id)
        store.set_fields(conn, source_id, merged_into_id=target_id)
        at = clock.now()
        merge_id = store.insert_merge(conn, source_id, target_id, moved, merged_by, at)
        return Merge(merge_id, source_id, target_id, moved, merged_by, to_utc(at))


def unmerge(engine: Engine, clock: Clock, source_id: int, undone_by: int | None = None) -> Merge:
    """Undo the merge of `source_id`: exactly the rows that moved go back; rows added since stay with the target.
    `undone_by` is the staff member who undid it (audited as the merge's `undone_by`)."""
    with engine.begin() as conn:
        exists, _into = store.merged_into(conn, source_id)
        if not exists:
            raise NotFoundError(f"customer {source_id} does not exist")
        found = store.active_merge_of_source(conn, source_id)
        if found is None:
            raise UserInputError(
                f"customer {source_id} is not merged into another customer", code="unmerge_not_merged", id=source_id
            )
        _exists, target_into = store.merged_into(conn, found.target_id)
        if target_into is not None:
            raise UserInputError(
                f"customer {found.target_id} was merged into customer {target_into} after this merge; "
                f"undo that merge first (klantstem customer unmerge {found.target_id})",
                code="unmerge_later", id=found.target_id, into=target_into,
            )
        _require_staff(conn, undone_by)
        store.move_back(conn, found.moved, source_id, found.target_id)
        store.set_fields(conn, source_id, merged_into_id=None)
        at = clock.now()
        store.mark_undone(conn, found.id, at, undone_by)
        return Merge(
            found.id, source_id, found.target_id, found.moved, found.merged_by, found.merged_at, to_utc(at), undone_by
        )


def resolve(conn: Connection, customer_id: int) -> int:
    """The customer a (possibly merged) customer id now lives in; NotFoundError when it never existed."""
    seen: set[int] = set()
    current = customer_id
    while True:
        exists, into = store.merged_into(conn, current)
        if not exists:
            raise NotFoundError(f"customer {customer_id} does not exist")
        if into is None or current in seen:
            return current
        seen.add(current)
        current = int(into)


def merged_tree(conn: Connection, customer_id: int) -> list[int]:
    """The customer and every customer merged into it, directly or through others."""
    tree = [customer_id]
    frontier = [customer_id]
    while frontier:
        frontier = [i for i in store.merged_from(conn, frontier) if i not in tree]
        tree.extend(frontier)
    return tree


def _require_staff(conn: Connection, staff_id: int | None) -> None:
    if staff_id is None:
        return
    if conn.execute(select(schema.staff.c.id).where(schema.staff.c.id == staff_id)).first() is None:
        raise NotFoundError(f"staff member {staff_id} does not exist")
