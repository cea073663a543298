"""Finding, and when new creating, the customers, cases, departments, staff and third parties rows point at.

Customers are matched on exact normalised identities (an external id first, then e-mail, then phone);
an identity seen for the first time is added to the customer the row matched, or to a new customer.
Everything found or created is cached for the rest of the import. New customers and cases are collected
per batch and written by `flush()`, before the rows that refer to them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from klantstem.customers import service as customers
from klantstem.dates import stored_text
from klantstem.imports.model import IdentityKey
from klantstem.imports.store import ImportStore

_ID_BLOCK = 1000


class Erased:
    """The identities of erased customers, by fingerprint: a row that carries one is refused, not imported, so an
    old file does not bring an erased person back."""

    def __init__(self, fingerprints: frozenset[str]) -> None:
        self._fingerprints = fingerprints
        self._seen: dict[IdentityKey, bool] = {}
        self.refused = 0  # rows (contacts) or stories refused

    def __bool__(self) -> bool:
        return bool(self._fingerprints)

    def holds(self, identities: Iterable[IdentityKey]) -> bool:
        for identity in identities:
            erased = self._seen.get(identity)
            if erased is None:
                erased = customers.identity_fingerprint(*identity) in self._fingerprints
                if len(self._seen) < 100_000:
                    self._seen[identity] = erased
            if erased:
                return True
        return False


class Lookups:
    def __init__(self, store: ImportStore, now: datetime) -> None:
        self._store = store
        self._now = stored_text(now)
        self._identities: dict[IdentityKey, int] = {}
        self._cases: dict[str, int] = {}
        self._named: dict[str, dict[str, int]] = {}
        self._free_ids: dict[str, list[int]] = {"customers": [], "cases": []}
        self._taken = {"customers": 0, "cases": 0}
        self._new_customers: list[tuple[int, str | None, str | None, str]] = []
        self._new_identities: list[tuple[int, str, str]] = []
        self._new_cases: list[tuple[int, str, int | None, int | None, str]] = []
        self.customers_added = 0
        self.erased = Erased(store.erased_fingerprints())
        # Into an empty table nothing can be found: the first import of a database skips those queries.
        self._search_identities = store.has_rows("customer_identities")
        self._search_cases = store.has_rows("cases")

    def prefetch(self, identities: Iterable[IdentityKey], case_refs: Iterable[str]) -> None:
        """Look up, in a few queries, the identities and case refs of a batch not seen before.

        Must run before `customer_for` / `case_for` for the same batch: afterwards an identity or ref that
        is not cached is known to be new.
        """
        if self._search_identities:
            unknown = {identity for identity in identities if identity not in self._identities}
            if unknown:
                self._identities.update(self._store.find_identities(unknown))
        if self._search_cases:
            refs = {ref for ref in case_refs if ref not in self._cases}
            if refs:
                self._cases.update(self._store.find_cases(refs))

    def customer_for(self, identities: tuple[IdentityKey, ...], name: str | None, postcode: str | None) -> int | None:
        """The customer with the first known identity, or a new customer; None for an anonymous row."""
        if not identities:
            return None
        cache = self._identities
        customer: int | None = None
        for identity in identities:
            customer = cache.get(identity)
            if customer is not None:
                break
        if customer is None:
            customer = self._take_id("customers")
            self._new_customers.append((customer, name, postcode, self._now))
            self.customers_added += 1
        for identity in identities:
            if identity not in cache:
                cache[identity] = customer
                self._new_identities.append((customer, *identity))
        return customer

    def case_for(self, ref: str, customer: int | None, department: int | None, opened_at: str) -> int:
        """The case with this external ref, or a new one for this customer and department."""
        case = self._cases.get(ref)
        if case is None:
            case = self._take_id("cases")
            self._cases[ref] = case
            self._new_cases.append((case, ref, customer, department, opened_at))
        return case

    def named_ids(self, table: str) -> dict[str, int]:
        """The cache of `named` for one table (name -> id), for callers that look up many rows."""
        return self._named.setdefault(table, {})

    def named(self, table: str, name: str, department: int | None = None) -> int:
        """The id of a department, staff member or third party by name; created (at once) when new."""
        cache = self.named_ids(table)
        found = cache.get(name)
        if found is None:
            found = self._store.find_named(table, name)
            if found is None:
                values: dict[str, object] = {"name": name}
                if table == "staff":
                    values["department_id"] = department
                found = self._store.insert_named(table, values)
            cache[name] = found
        return found

    def flush(self) -> None:
        """Write the customers, identities and cases created since the last flush."""
        self._store.insert_customers(self._new_customers)
        self._store.insert_identities(self._new_identities)
        self._store.insert_cases(self._new_cases)
        self._new_customers, self._new_identities, self._new_cases = [], [], []

    def _take_id(self, table: str) -> int:
        """An id for a new row; reserved in blocks that grow with use, so few ids are left unused."""
        free = self._free_ids[table]
        if not free:
            block = min(_ID_BLOCK, max(16, self._taken[table]))
            free.extend(reversed(self._store.reserve_ids(table, block)))
        self._taken[table] += 1
        return free.pop()
