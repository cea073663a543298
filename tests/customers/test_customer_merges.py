"""One customer, one history: merges move every row, are audited, and undo without losing a contact."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, insert, select

from klantstem.clock import FixedClock
from klantstem.contacts import service as contacts
from klantstem.customers import service as customers
from klantstem.db import schema
from klantstem.errors import NotFoundError, UserInputError

AMS = ZoneInfo("Europe/Amsterdam")
OWNED = ("contacts", "stories", "promises", "cases", "outreach", "customer_identities", "delegates")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 30, 16, tzinfo=AMS))  # a month end


def _owners(engine: Engine) -> dict[str, dict[int, int]]:
    """customer_id per row id, for every table whose rows follow a customer."""
    found: dict[str, dict[int, int]] = {}
    with engine.connect() as conn:
        for name in OWNED:
            table = schema.metadata.tables[name]
            found[name] = {int(i): int(c) for i, c in conn.execute(select(table.c.id, table.c.customer_id))}
    return found


def _history(engine: Engine, clock: FixedClock, customer_id: int, n_contacts: int, tag: str) -> None:
    """Contacts, a story with a step, a case, a promise, an outreach and a delegate for one customer."""
    for i in range(n_contacts):
        moment = clock.now() - timedelta(days=i + 1)
        contacts.record_contact(
            engine, clock, contacts.NewContact(customer_id, "email", subject=f"{tag}{i}", occurred_at=moment)
        )
    with engine.begin() as conn:
        story = conn.execute(
            insert(schema.stories).values(
                customer_id=customer_id, source="interview", told_at=clock.now(), fingerprint=f"story-{tag}"
            )
        ).inserted_primary_key[0]
        conn.execute(insert(schema.story_steps).values(story_id=story, position=1, description="wachten"))
        conn.execute(insert(schema.cases).values(customer_id=customer_id, title=f"case {tag}"))
        conn.execute(
            insert(schema.promises).values(
                customer_id=customer_id,
                kind="callback",
                description="bellen",
                made_at=clock.now(),
                due_at=clock.now() + timedelta(days=1),
                fingerprint=f"promise-{tag}",
            )
        )
        conn.execute(
            insert(schema.outreach).values(customer_id=customer_id, topic="t", channel="email", asked_at=clock.now())
        )
    customers.authorise_delegate(engine, clock, customer_id, f"Gemachtigde {tag}")


def test_merge_moves_every_row_and_undo_restores_exactly(engine: Engine, clock: FixedClock) -> None:
    keep = customers.add_customer(engine, clock, name="Anna Jansen", email="anna@example.nl", postcode="1011AB").id
    away = customers.add_customer(engine, clock, name="A. Jansen", phone="0201234567", postcode="1011 AB").id
    _history(engine, clock, keep, 3, "k")
    _history(engine, clock, away, 2, "a")
    before = _owners(engine)
    merge = customers.merge(engine, clock, away, keep)
    after = _owners(engine)
    for name in OWNED:
        assert set(after[name].values()) == {keep}, name
        assert sorted(merge.moved[name]) == sorted(i for i, c in before[name].items() if c == away), name
    assert customers.get_customer(engine, away).merged_into_id == keep
    assert customers.find_customer(engine, "phone", "020-1234567").id == keep  # type: ignore[union-attr]
    story = contacts.story_so_far(engine, clock, away, timezone="Europe/Amsterdam")
    assert story.customer_id == keep and story.summary.contacts["total"] == 5
    # A contact arriving after the merge (through the moved phone number) stays with the target on undo.
    clock.set(clock.now() + timedelta(hours=1))
    late = contacts.record_contact(engine, clock, contacts.NewContact(away, "phone", subject="na de samenvoeging"))
    undone = customers.unmerge(engine, clock, away)
    assert undone.undone_at == clock.now()
    restored = _owners(engine)
    assert restored["contacts"].pop(late) == keep
    assert restored == before
    assert customers.get_customer(engine, away).merged_into_id is None
    audit = customers.merges_of(engine, keep)
    assert [(m.source_id, m.target_id, m.undone_at is not None) for m in audit] == [(away, keep, True)]


def test_bad_merges_are_refused_and_change_nothing(engine: Engine, clock: FixedClock) -> None:
    a = customers.add_customer(engine, clock, name="Een").id
    b = customers.add_customer(engine, clock, name="Twee").id
    c = customers.add_customer(engine, clock, name="Drie").id
    _history(engine, clock, a, 1, "a")
    before = _owners(engine)
    with pytest.raises(UserInputError, match="into itself"):
        customers.merge(engine, clock, a, a)
    with pytest.raises(NotFoundError, match="customer 99"):
        customers.merge(engine, clock, a, 99)
    with pytest.raises(NotFoundError, match="staff member 7"):
        customers.merge(engine, clock, a, b, merged_by=7)
    with pytest.raises(UserInputError, match="is not merged"):
        customers.unmerge(engine, clock, a)
    assert _owners(engine) == before and customers.merges_of(engine, a) == []
    customers.merge(engine, clock, a, b)
    with pytest.raises(UserInputError, match="already merged into customer 2"):
        customers.merge(engine, clock, a, c)
    with pytest.raises(UserInputError, match="already merged into customer 2"):
        customers.merge(engine, clock, c, a)


def test_undo_goes_in_reverse_order_through_a_chain(engine: Engine, clock: FixedClock) -> None:
    a, b, c = (customers.add_customer(engine, clock, name=n).id for n in ("A", "B", "C"))
    _history(engine, clock, a, 2, "a")
    before = _owners(engine)
    customers.merge(engine, clock, a, b)
    customers.merge(engine, clock, b, c)
    assert customers.resolve_id(engine, a) == c
    assert sorted(customers.merged_from(engine, c)) == [a, b]
    with pytest.raises(UserInputError, match="undo that merge first"):
        customers.unmerge(engine, clock, a)
    customers.unmerge(engine, clock, b)
    customers.unmerge(engine, clock, a)
    assert _owners(engine) == before


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(split=st.lists(st.booleans(), min_size=0, max_size=12))
def test_merge_and_undo_keep_every_contact(engine: Engine, split: list[bool]) -> None:
    clock = FixedClock(datetime(2027, 3, 31, 12, tzinfo=AMS))
    first = customers.add_customer(engine, clock, name="P").id
    second = customers.add_customer(engine, clock, name="Q").id
    for i, to_first in enumerate(split):
        moment = clock.now() - timedelta(hours=i + 1)
        contacts.record_contact(
            engine,
            clock,
            contacts.NewContact(first if to_first else second, "letter", subject=f"{first}-{i}", occurred_at=moment),
        )
    before = _owners(engine)["contacts"]
    customers.merge(engine, clock, second, first)
    merged = _owners(engine)["contacts"]
    assert set(merged) == set(before)
    assert all(merged[i] == first for i, c in before.items() if c in (first, second))
    customers.unmerge(engine, clock, second)
    assert _owners(engine)["contacts"] == before
