"""Writing checked rows: contacts batch by batch, stories with their steps. Duplicates are counted, not added."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from klantstem.customers.service import identities as ids
from klantstem.imports.lookups import Lookups
from klantstem.imports.model import FLAT_WIDTH, SEPARATOR, IdentityKey, PackedContact, Story
from klantstem.imports.store import ImportStore

_CUSTOMERS_KEPT = 500_000  # identity numbers whose customer is remembered (see ContactWriter)


class ContactWriter:
    def __init__(self, store: ImportStore, lookups: Lookups, source: str) -> None:
        self._store = store
        self._lookups = lookups
        self._source = source[:100]
        # The customer of each identity number the reader gave (see PackedContact). Once a row's identities
        # have been matched they are all cached, and a cached identity keeps its customer, so every later row
        # with the same identities gets the same customer: it is looked up here instead of matched again.
        self._customers: dict[str, int | None] = {}
        self.added = 0
        self.duplicates = 0

    def write(self, batch: str | Sequence[PackedContact]) -> None:
        """Resolve the batch's customers, cases and names, then insert it (known fingerprints are skipped).

        The batch is one text of FLAT_WIDTH fields a row (see `reading.flattened`), or a list of rows.
        """
        rows: list[Any]
        if isinstance(batch, str):
            fields = batch.split(SEPARATOR) if batch else []
            if len(fields) % FLAT_WIDTH:
                raise RuntimeError("a batch of contacts came apart in the wrong number of fields")
            rows = list(zip(*[iter(fields)] * FLAT_WIDTH, strict=True))
        else:
            rows = [
                (*(packed.split(SEPARATOR) if isinstance(packed, str) else packed), key, number)
                for packed, key, number in batch
            ]
        lookups = self._lookups
        if lookups.erased:
            kept = [values for values in rows if not lookups.erased.holds(_identities(values[4], values[5], values[6]))]
            lookups.erased.refused += len(rows) - len(kept)
            rows = kept
        customers = self._customers
        lookups.prefetch(
            (
                identity
                for values in rows
                if values[16] and values[16] not in customers
                for identity in _identities(values[4], values[5], values[6])
            ),
            (values[11] for values in rows if values[11]),
        )
        customer_for, case_for, named = lookups.customer_for, lookups.case_for, lookups.named
        departments, staff_ids = lookups.named_ids("departments"), lookups.named_ids("staff")
        moment = None if self._store.is_sqlite else self._store.moment  # SQLite takes the UTC text as it is
        source = self._source
        values: list[Any] = []
        extend = values.extend
        for (_, channel, direction, occurred_at, ref, email, phone, name, postcode, department_name, staff_name,
             case_ref, subject, text, third_party_name, fingerprint, number) in rows:  # fmt: skip
            customer = department = staff = third_party = case = None
            if number:
                customer = customers.get(number)
                if customer is None:  # as `_identities`, inline: this loop runs a million times per large file
                    identities: tuple[IdentityKey, ...] = ((ids.EXTERNAL, ref),) if ref else ()
                    if email:
                        identities += ((ids.EMAIL, email),)
                    if phone:
                        identities += ((ids.PHONE, phone),)
                    customer = customer_for(identities, name or None, postcode or None)
                    if len(customers) >= _CUSTOMERS_KEPT:  # numbers are never given twice: bounded as the reader's
                        customers.clear()
                    customers[number] = customer
            if department_name:
                department = departments.get(department_name) or named("departments", department_name)
            if staff_name:
                staff = staff_ids.get(staff_name) or named("staff", staff_name, department)
            if third_party_name:
                third_party = named("third_parties", third_party_name)
            if case_ref:
                case = case_for(case_ref, customer, department, occurred_at)
            extend((
                customer, case, channel, direction, moment(occurred_at) if moment else occurred_at, staff,
                department, third_party, subject or None, text or None, source, fingerprint,
            ))  # fmt: skip
        lookups.flush()
        added = self._store.insert_contacts(values)
        self.added += added
        self.duplicates += len(rows) - added


def _identities(ref: str, email: str, phone: str) -> tuple[IdentityKey, ...]:
    """A packed contact's identities in match order ("" is an identity not given)."""
    return tuple(
        (kind, value) for kind, value in ((ids.EXTERNAL, ref), (ids.EMAIL, email), (ids.PHONE, phone)) if value
    )


class StoryWriter:
    def __init__(self, store: ImportStore, lookups: Lookups) -> None:
        self._store = store
        self._lookups = lookups
        self.added = 0
        self.duplicates = 0
        self.steps_added = 0

    def write(self, stories: Sequence[Story]) -> None:
        """Write the stories whose fingerprint is new (in the database and earlier in this file)."""
        existing = self._store.existing_story_fingerprints(story.fingerprint for story in stories)
        fresh: list[Story] = []
        erased = self._lookups.erased
        for story in stories:
            if erased and erased.holds(story.fields.identities):
                erased.refused += 1
            elif story.fingerprint in existing:
                self.duplicates += 1
            else:
                existing.add(story.fingerprint)
                fresh.append(story)
        lookups = self._lookups
        lookups.prefetch(
            (identity for story in fresh for identity in story.fields.identities),
            (story.fields.case_ref for story in fresh if story.fields.case_ref),
        )
        ids = self._store.reserve_ids("stories", len(fresh))
        story_rows = [self._story_row(story_id, story) for story_id, story in zip(ids, fresh, strict=True)]
        step_rows = [
            self._step_row(story_id, position, story)
            for story_id, story in zip(ids, fresh, strict=True)
            for position in range(len(story.steps))
        ]
        lookups.flush()
        self._store.insert_stories(story_rows)
        self._store.insert_steps(step_rows)
        self.added += len(fresh)
        self.steps_added += len(step_rows)

    def _story_row(self, story_id: int, story: Story) -> tuple[Any, ...]:
        f = story.fields
        lookups = self._lookups
        customer = lookups.customer_for(f.identities, f.name, f.postcode)
        staff = lookups.named("staff", f.staff) if f.staff else None
        case = lookups.case_for(f.case_ref, customer, None, f.told_at) if f.case_ref else None
        return (
            story_id, customer, case, staff, f.perspective, f.source, f.channel, self._store.moment(f.told_at),
            f.title, f.text, f.summary, f.summary_confirmed, story.fingerprint,
        )  # fmt: skip

    def _step_row(self, story_id: int, index: int, story: Story) -> tuple[Any, ...]:
        step = story.steps[index]
        department = self._lookups.named("departments", step.department) if step.department else None
        happened_at = self._store.moment(step.happened_at) if step.happened_at else None
        position = step.position if step.position is not None else index + 1
        return (story_id, position, step.description, happened_at, step.appraisal, department)
