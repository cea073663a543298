"""The customers domain, as other domains and the edges use it.

One customer, one history: contacts are tied to a customer by exact identities (normalised e-mail, E.164
phone, external id). Likely duplicates are suggested, never merged automatically; a merge is audited and can
be undone. Delegates may act for a customer within a scope until an end date. Personal data can be exported
and erased per customer.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine

from klantstem.clock import Clock
from klantstem.customers import delegation, identities, matching, merges, personal_data, store
from klantstem.customers.identities import Identity
from klantstem.customers.model import (
    Customer,
    Delegate,
    DelegateCheck,
    DelegateRefused,
    DuplicateSuggestion,
    Merge,
    Profile,
)
from klantstem.db.engine import reading
from klantstem.errors import NotFoundError, UserInputError

__all__ = [
    "Customer",
    "Delegate",
    "DelegateCheck",
    "DelegateRefused",
    "DuplicateSuggestion",
    "Identity",
    "Merge",
    "Profile",
    "add_customer",
    "identities",  # normalising identities (e-mail, phone, postcode, customer number), for the imports
    "add_identity",
    "authorise_delegate",
    "check_delegate",
    "delegates_of",
    "end_delegate",
    "end_of_day",
    "erase_customer",
    "identity_fingerprint",
    "export_customer",
    "find_customer",
    "get_customer",
    "merge",
    "merged_from",
    "merges_of",
    "profile",
    "resolve_id",
    "search",
    "set_opted_out",
    "suggest_duplicates",
    "unmerge",
]

merge = merges.merge
unmerge = merges.unmerge
authorise_delegate = delegation.authorise
check_delegate = delegation.check
end_delegate = delegation.end
delegates_of = delegation.delegates_of
end_of_day = delegation.end_of_day
export_customer = personal_data.export
erase_customer = personal_data.erase
erased_customer = personal_data.erased
identity_fingerprint = personal_data.identity_fingerprint


def add_customer(
    engine: Engine,
    clock: Clock,
    *,
    name: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    external_id: str | None = None,
    postcode: str | None = None,
    address: str | None = None,
    language: str | None = None,
    default_region: str = "NL",
) -> Customer:
    """A new customer with its identities; refused (changing nothing) when an identity belongs to another."""
    found = identities.identities_of(external_id, email, phone, default_region)
    values = {
        "display_name": identities.normalise_name(name) if name else None,
        "postcode": identities.normalise_postcode(postcode) if postcode else None,
        "address": " ".join(address.split())[:300] if address else None,
        "language": (language or "").strip().lower()[:5] or None,
        "created_at": clock.now(),
    }
    if not values["display_name"] and not found:
        raise UserInputError("a customer needs a name or an identity (e-mail, phone or external id)")
    with engine.begin() as conn:
        for identity in found:
            _require_free(conn, identity)
        customer_id = store.insert_customer(conn, values)
        store.insert_identities(conn, customer_id, found)
        customer = store.get_customer(conn, customer_id)
    assert customer is not None
    return customer


def add_identity(engine: Engine, customer_id: int, kind: str, raw: str, default_region: str = "NL") -> Customer:
    """Tie one more e-mail address, phone number or external id to a customer."""
    normalise = {
        identities.EMAIL: identities.normalise_email,
        identities.PHONE: lambda value: identities.normalise_phone(value, default_region),
        identities.EXTERNAL: identities.normalise_external_id,
    }
    if kind not in normalise:
        raise UserInputError(f"unknown identity kind {kind!r}: use email, phone or external")
    identity = Identity(kind, normalise[kind](raw))
    with engine.begin() as conn:
        canonical = merges.resolve(conn, customer_id)
        _require_free(conn, identity)
        store.insert_identities(conn, canonical, [identity])
        customer = store.get_customer(conn, canonical)
    assert customer is not None
    return customer


def _require_free(conn: Connection, identity: Identity) -> None:
    owner = store.identity_owner(conn, identity)
    if owner is not None:
        label = {"email": "e-mail address", "phone": "phone number", "external": "external id"}[identity.kind]
        raise UserInputError(f"this {label} already belongs to customer {owner}")


def get_customer(db: Engine | Connection, customer_id: int) -> Customer:
    """The customer itself, even when merged (see `merged_into_id`); NotFoundError when it never existed."""
    with reading(db) as conn:
        customer = store.get_customer(conn, customer_id)
    if customer is None:
        raise NotFoundError(f"customer {customer_id} does not exist")
    return customer


def resolve_id(db: Engine | Connection, customer_id: int) -> int:
    """The id of the customer that now holds the history of `customer_id` (itself unless merged)."""
    with reading(db) as conn:
        return merges.resolve(conn, customer_id)


def merged_from(db: Engine | Connection, customer_id: int) -> list[int]:
    """Customers merged into this one, directly or through others."""
    with reading(db) as conn:
        return merges.merged_tree(conn, customer_id)[1:]


def profile(db: Engine | Connection, customer_id: int) -> Profile:
    """The customer behind `customer_id` (after merges) with who was merged into it, its delegates and merges,
    in few queries (the story so far reads it for every customer shown)."""
    with reading(db) as conn:
        customer = store.get_customer(conn, customer_id)
        if customer is None:
            raise NotFoundError(f"customer {customer_id} does not exist")
        if customer.merged_into_id is not None:
            customer = store.get_customer(conn, merges.resolve(conn, customer_id))
            assert customer is not None
        canonical = customer.id
        tree = merges.merged_tree(conn, canonical)
        return Profile(customer, tree[1:], store.delegates_of(conn, canonical), store.merges_of(conn, tree))


def merges_of(db: Engine | Connection, customer_id: int) -> list[Merge]:
    with reading(db) as conn:
        return store.merges_of(conn, merges.merged_tree(conn, customer_id))


def find_customer(engine: Engine, kind: str, raw: str, default_region: str = "NL") -> Customer | None:
    """The customer (after merges) that holds an identity, or None."""
    external, email, phone = (raw if kind == k else None for k in ("external", "email", "phone"))
    found = identities.identities_of(external, email, phone, default_region)
    if not found:
        raise UserInputError(f"unknown identity kind {kind!r}: use email, phone or external")
    with reading(engine) as conn:
        owner = store.identity_owner(conn, found[0])
        return None if owner is None else store.get_customer(conn, merges.resolve(conn, owner))


def search(engine: Engine, text: str, limit: int = 20) -> list[Customer]:
    """Customers (after merges) found by what someone typed: a customer number (the external identity, e.g.
    KL1003216), a case number, a postcode, or part of the name; exact numbers first."""
    if not text.strip():
        return []
    with reading(engine) as conn:
        owners: list[int] = []
        for customer_id in store.search_ids(conn, text, limit):
            owner = merges.resolve(conn, customer_id)
            if owner not in owners:
                owners.append(owner)
        return [c for c in (store.get_customer(conn, i) for i in owners) if c is not None]


def customer_named(engine: Engine, typed: str, default_region: str = "NL") -> int | None:
    """The id of the customer someone means by what they typed, or None: the internal id (up to 8 digits), else
    the external customer number, an e-mail address (with @) or a phone number. Not found, or not readable as
    any of these: None."""
    text = typed.strip()
    if not text:
        return None
    if text.isascii() and text.isdigit() and len(text) < 9:
        with reading(engine) as conn:
            if store.get_customer(conn, int(text)) is not None:
                return int(text)
    kinds = ("email",) if "@" in text else ("external", "phone")
    for kind in kinds:
        try:
            found = find_customer(engine, kind, text, default_region)
        except UserInputError:  # not readable as this kind (e.g. a phone number)
            continue
        if found is not None:
            return found.id
    return None


def require_customer_named(engine: Engine, typed: str, default_region: str = "NL") -> int:
    """`customer_named`, or NotFoundError naming what was typed."""
    found = customer_named(engine, typed, default_region)
    if found is None:
        raise NotFoundError(f"no customer with id, customer number, e-mail address or phone number {typed.strip()!r}")
    return found


def set_opted_out(engine: Engine, customer_id: int, opted_out: bool = True) -> Customer:
    """Record that the customer does (or no longer does) want to be asked anything."""
    with engine.begin() as conn:
        canonical = merges.resolve(conn, customer_id)
        store.set_fields(conn, canonical, opted_out=opted_out)
        customer = store.get_customer(conn, canonical)
    assert customer is not None
    return customer


def suggest_duplicates(engine: Engine, threshold: float = 85) -> list[DuplicateSuggestion]:
    """Pairs of customers that may be one person (similar name, same postcode or address); nothing is merged."""
    if not 0 <= threshold <= 100:
        raise UserInputError("the name threshold is a score from 0 to 100")
    with reading(engine) as conn:
        rows = store.duplicate_candidates(conn)
    return matching.suggest_duplicates(rows, threshold)
