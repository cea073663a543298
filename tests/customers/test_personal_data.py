"""Export and erasure of personal data per customer, including customers merged into it."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, func, insert, select

from klantstem.clock import FixedClock
from klantstem.contacts import service as contacts
from klantstem.customers import service as customers
from klantstem.db import schema
from klantstem.errors import NotFoundError, UserInputError

CLOCK = FixedClock(datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Amsterdam")))


def _person(engine: Engine, name: str, email: str) -> tuple[int, int]:
    """A customer with a contact (annotated), a story with a step and a follow-up, a case and a delegate."""
    customer = customers.add_customer(engine, CLOCK, name=name, email=email).id
    contact = contacts.record_contact(
        engine,
        CLOCK,
        contacts.NewContact(
            customer, "whatsapp", text=f"bericht van {name}", occurred_at=CLOCK.now() - timedelta(days=1)
        ),
    )
    with engine.begin() as conn:
        story = conn.execute(
            insert(schema.stories).values(
                customer_id=customer, source="interview", told_at=CLOCK.now(), fingerprint=f"s-{email}"
            )
        )
        story_id = story.inserted_primary_key[0]  # type: ignore[index]
        conn.execute(insert(schema.story_steps).values(story_id=story_id, position=1, description="gebeld"))
        conn.execute(insert(schema.follow_ups).values(story_id=story_id, question="Hoe voelde dat?"))
        conn.execute(
            insert(schema.annotations).values(
                target="contact",
                target_id=contact,
                kind="appraisal",
                value={"label": "bad"},
                model_version="t",
                created_at=CLOCK.now(),
            )
        )
        conn.execute(insert(schema.cases).values(customer_id=customer, title=f"zaak van {name}"))
    customers.authorise_delegate(engine, CLOCK, customer, f"partner van {name}")
    return customer, contact


def _counts(engine: Engine) -> dict[str, int]:
    names = (
        "customers",
        "contacts",
        "stories",
        "story_steps",
        "follow_ups",
        "annotations",
        "delegates",
        "customer_identities",
        "cases",
    )
    with engine.connect() as conn:
        return {
            n: int(conn.execute(select(func.count()).select_from(schema.metadata.tables[n])).scalar_one())
            for n in names
        }


def test_export_holds_everything_of_the_person(engine: Engine) -> None:
    first, contact = _person(engine, "Ans", "ans@example.nl")
    second, _ = _person(engine, "A. Ans", "ans2@example.nl")
    customers.merge(engine, CLOCK, second, first)
    _person(engine, "Bert", "bert@example.nl")
    data = customers.export_customer(engine, CLOCK, second)  # the merged id leads to the person
    assert data["customer_id"] == first
    assert {c["id"] for c in data["customers"]} == {first, second}
    assert len(data["contacts"]) == 2 and len(data["stories"]) == 2 and len(data["story_steps"]) == 2
    assert len(data["follow_ups"]) == 2 and len(data["delegates"]) == 2 and len(data["cases"]) == 2
    assert {a["target_id"] for a in data["annotations"]} >= {contact}
    assert {i["value"] for i in data["customer_identities"]} == {"ans@example.nl", "ans2@example.nl"}
    assert "Bert" not in json.dumps(data)  # nobody else's data, and the whole export is JSON


def test_erase_removes_the_person_and_keeps_the_others(engine: Engine) -> None:
    first, _ = _person(engine, "Ans", "ans@example.nl")
    second, _ = _person(engine, "A. Ans", "ans2@example.nl")
    customers.merge(engine, CLOCK, second, first)
    _person(engine, "Bert", "bert@example.nl")
    before = _counts(engine)
    with pytest.raises(UserInputError, match="merged into customer"):
        customers.erase_customer(engine, second, "test")
    with pytest.raises(NotFoundError):
        customers.erase_customer(engine, 999, "test")
    assert _counts(engine) == before
    deleted = customers.erase_customer(engine, first, "test")
    assert deleted["customers"] == 2 and deleted["contacts"] == 2 and deleted["cases_detached"] == 2
    after = _counts(engine)
    assert after == {**{k: v // 3 for k, v in before.items()}, "cases": 3}
    with engine.connect() as conn:
        titles = sorted(str(t) for t in conn.execute(select(schema.cases.c.title)).scalars())
    assert titles == ["None", "None", "zaak van Bert"]
    assert customers.find_customer(engine, "email", "ans@example.nl") is None
